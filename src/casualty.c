/* casualty.c - numbers and casualty reports, driven by mappings/ tables.
 *
 * Tables (all in mappings/, see the comments at the top of each file):
 *   numbers.tsv           number words ("twenty-five", "a dozen", "dozens")
 *   hedges.tsv            "at least", "about", "between", "or more" ...
 *   casualty-words.tsv    "killed", "death toll", "hostages" ... with how
 *                         they bind a number (noun / after / before / self)
 *   count-context.tsv     roles of the words around: units that make a
 *                         number no count ("38-year-old"), barriers,
 *                         auxiliaries, person nouns, determiners ...
 *   attribution-cues.tsv  "said", "according to" ...
 *
 * The finder works sentence by sentence in three passes over the tokens:
 * numbers (with their hedges), casualty words, then bindings within a
 * bounded window, so the whole is linear in the number of tokens. Every
 * number is used at most once and yields at most one report. */
#include <stdlib.h>
#include <string.h>
#include "casualty.h"

#define MAX_VALUE 1000000000000LL /* 10^12: a larger number is no casualty count */
#define MAX_DIGITS 13             /* digits (without separators) we read at all */
#define AFTER_REACH 8             /* default reaches, see casualty-words.tsv */
#define BEFORE_REACH 3
#define NOUN_REACH 2
#define NP_MODS 7                 /* modifiers in "a 38-year-old Chinese woman" */

/* Roles of count-context.tsv, as bits. */
enum {
    R_UNIT = 1u << 0,
    R_UNIT_BEFORE = 1u << 1,
    R_MONTH = 1u << 2,
    R_DAY = 1u << 3,
    R_STREET = 1u << 4,
    R_PERSON_SG = 1u << 5,
    R_PERSON_PL = 1u << 6,
    R_PRONOUN_SG = 1u << 7,
    R_DET_SG = 1u << 8,
    R_DET = 1u << 9,
    R_AUX_SG = 1u << 10,
    R_AUX_PL = 1u << 11,
    R_AUX = 1u << 12,
    R_NEG = 1u << 13,
    R_BARRIER = 1u << 14,
    R_PREP = 1u << 15,
    R_OBJECT = 1u << 16,
    R_ZERO_OTHER = 1u << 17,
    R_FROM = 1u << 18,
    R_PARTITIVE = 1u << 19,
    R_ASIDE = 1u << 20,
    R_IRREALIS = 1u << 21
};

static const struct {
    const char *name;
    uint32_t bit;
} role_names[] = {
    {"unit", R_UNIT},           {"unit-before", R_UNIT_BEFORE}, {"month", R_MONTH},
    {"day", R_DAY},             {"street", R_STREET},           {"person-sg", R_PERSON_SG},
    {"person-pl", R_PERSON_PL}, {"pronoun-sg", R_PRONOUN_SG},   {"det-sg", R_DET_SG},
    {"det", R_DET},             {"aux-sg", R_AUX_SG},           {"aux-pl", R_AUX_PL},
    {"aux", R_AUX},             {"neg", R_NEG},                 {"barrier", R_BARRIER},
    {"prep", R_PREP},           {"object", R_OBJECT},           {"zero-other", R_ZERO_OTHER},
    {"from", R_FROM},           {"partitive", R_PARTITIVE},     {"aside", R_ASIDE},
    {"irrealis", R_IRREALIS},
};

/* Flags of a parsed number. */
enum {
    NF_NOTCOUNT = 1u << 0, /* an age, year, time, amount, code ...: no count */
    NF_DET = 1u << 1,      /* "no": a zero only before a noun */
    NF_VAGUE = 1u << 2,    /* "dozens": a lower bound */
    NF_DIGITS = 1u << 3,   /* written in digits */
    NF_SET = 1u << 4       /* "two of the three": the set, not a count */
};

/* Positions of casualty-words.tsv. */
enum { P_NOUN = 1, P_AFTER = 2, P_BEFORE = 4, P_SELF = 8 };

typedef struct {
    const nkg_text *t;
    const nkg_table *numbers, *hedges, *words, *ctx, *cues;
    int n_value, n_role;
    int h_bound, h_where;
    int w_kind, w_pos, w_conf, w_reach, w_sing, w_needs;
    int c_source;
    int x_role;
    uint32_t *roles; /* per token, or NULL: looked up on demand */
    uint8_t *rlen;   /* length of the context phrase starting there */
} cx;

typedef struct {
    nkg_number n;
    uint32_t flags;
} num_ex;

typedef struct {
    const nkg_row *row;
    uint32_t b, e;
    unsigned pos;
    int bound; /* a number bound it */
} word_ex;

/* ------------------------------------------------------------ tables */

static void setup(cx *c, const nkg_text *t, const nkg_lexicon *lx)
{
    memset(c, 0, sizeof *c);
    c->t = t;
    c->numbers = nkg_lexicon_table(lx, "numbers");
    c->hedges = nkg_lexicon_table(lx, "hedges");
    c->words = nkg_lexicon_table(lx, "casualty-words");
    c->ctx = nkg_lexicon_table(lx, "count-context");
    c->cues = nkg_lexicon_table(lx, "attribution-cues");
    c->n_value = nkg_table_col(c->numbers, "value");
    c->n_role = nkg_table_col(c->numbers, "role");
    c->h_bound = nkg_table_col(c->hedges, "bound");
    c->h_where = nkg_table_col(c->hedges, "where");
    c->w_kind = nkg_table_col(c->words, "kind");
    c->w_pos = nkg_table_col(c->words, "position");
    c->w_conf = nkg_table_col(c->words, "confidence");
    c->w_reach = nkg_table_col(c->words, "reach");
    c->w_sing = nkg_table_col(c->words, "singular");
    c->w_needs = nkg_table_col(c->words, "needs");
    c->c_source = nkg_table_col(c->cues, "source");
    c->x_role = nkg_table_col(c->ctx, "role");
}

static int eq(const char *a, const char *b) { return strcmp(a, b) == 0; }

/* A small non-negative integer from a cell; -1 when empty or not a number. */
static int64_t cell_int(const char *s)
{
    if (!s || !*s)
        return -1;
    int64_t v = 0;
    for (; *s; ++s) {
        if (*s < '0' || *s > '9' || v > MAX_VALUE)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

static double cell_conf(const char *s)
{
    if (!s || !*s)
        return 0.8;
    double v = strtod(s, NULL);
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* Longest match of tab at i that stays inside the sentence ending at se. */
static size_t match(const nkg_table *tab, const nkg_text *t, size_t i, size_t se,
                    const nkg_row **out, size_t max)
{
    size_t len = 0;
    if (i >= se)
        return 0;
    size_t n = nkg_table_match(tab, t, i, out, max, &len);
    return n && i + len <= se ? n : 0;
}

static size_t match_len(const nkg_table *tab, const nkg_text *t, size_t i, size_t se,
                        const nkg_row **row)
{
    const nkg_row *r[1];
    if (!match(tab, t, i, se, r, 1))
        return 0;
    *row = r[0];
    return r[0]->ntoks;
}

/* Roles of the context phrase starting at token j (sentence bounds aside). */
static uint32_t roles_at(const cx *c, size_t j, size_t *len)
{
    size_t dummy;
    if (!len)
        len = &dummy;
    *len = 0;
    if (j >= c->t->ntoks)
        return 0;
    if (c->roles) {
        *len = c->rlen[j];
        return c->roles[j];
    }
    const nkg_row *rows[16];
    size_t l = 0;
    size_t n = nkg_table_match(c->ctx, c->t, j, rows, 16, &l);
    uint32_t bits = 0;
    for (size_t k = 0; k < n; ++k) {
        const char *r = nkg_row_get(rows[k], c->x_role);
        for (size_t m = 0; m < sizeof role_names / sizeof role_names[0]; ++m)
            if (eq(r, role_names[m].name))
                bits |= role_names[m].bit;
    }
    *len = l;
    return bits;
}

/* Roles of single-token phrases at j. */
static uint32_t role1(const cx *c, size_t j)
{
    size_t len;
    uint32_t r = roles_at(c, j, &len);
    return len == 1 ? r : 0;
}

/* Does a context phrase with one of `mask` end at token j? */
static int role_ends_at(const cx *c, size_t j, uint32_t mask)
{
    for (size_t k = j >= 3 ? j - 3 : 0; k <= j; ++k) {
        size_t len;
        uint32_t r = roles_at(c, k, &len);
        if ((r & mask) && len && k + len - 1 == j)
            return 1;
    }
    return 0;
}

static const nkg_tok *tok(const cx *c, size_t j) { return &c->t->toks[j]; }
static int is_punct(const cx *c, size_t j) { return (tok(c, j)->flags & NKG_TOK_PUNCT) != 0; }
static int is_word(const cx *c, size_t j) { return (tok(c, j)->flags & NKG_TOK_WORD) != 0; }
static int is_cap(const cx *c, size_t j) { return (tok(c, j)->flags & NKG_TOK_CAP) != 0; }
static int is_num(const cx *c, size_t j) { return (tok(c, j)->flags & NKG_TOK_NUM) != 0; }
static int is(const cx *c, size_t j, const char *s) { return eq(tok(c, j)->norm, s); }
/* Token j+1 touches token j (no white space between). */
static int glued(const cx *c, size_t j) { return !(tok(c, j + 1)->flags & NKG_TOK_SPACE); }
/* A hyphen inside a word ("38-year-old"), not a dash between clauses. */
static int inner_hyphen(const cx *c, size_t j, size_t se)
{
    return is(c, j, "-") && j > 0 && j + 1 < se && glued(c, j - 1) && glued(c, j);
}

/* ------------------------------------------------------------ numbers */

/* Value of a digits token: 1,000  59  2.5 (decimal: *frac_digits > 0).
 * Returns -1 when malformed or too long. */
static int64_t digits_value(const char *s, int *frac_digits, int64_t *frac, int *ndig)
{
    int64_t v = 0;
    int n = 0, group = -1, fd = 0;
    int64_t f = 0;
    int in_frac = 0;
    *frac_digits = 0;
    *frac = 0;
    for (const char *p = s; *p; ++p) {
        if (*p == ',') {
            if (in_frac || (group >= 0 && group != 3) || (group < 0 && (n < 1 || n > 3)))
                return -1;
            group = 0;
            continue;
        }
        if (*p == '.') {
            if (in_frac || (group >= 0 && group != 3))
                return -1;
            in_frac = 1;
            continue;
        }
        if (*p < '0' || *p > '9')
            return -1;
        if (in_frac) {
            if (fd < 6) {
                f = f * 10 + (*p - '0');
                fd++;
            }
            continue;
        }
        if (++n > MAX_DIGITS)
            return -1;
        v = v * 10 + (*p - '0');
        if (group >= 0)
            group++;
    }
    if (group >= 0 && group != 3 && !in_frac)
        return -1;
    *frac_digits = fd;
    *frac = f;
    *ndig = n;
    return v;
}

static const char *num_role(const cx *c, const nkg_row *r) { return nkg_row_get(r, c->n_role); }

/* A scale word ("hundred", "million", "dozen") at j: its value, else 0. */
static int64_t scale_at(const cx *c, size_t j, size_t se)
{
    const nkg_row *r;
    if (j >= se || match_len(c->numbers, c->t, j, se, &r) != 1 || !eq(num_role(c, r), "scale"))
        return 0;
    int64_t v = cell_int(nkg_row_get(r, c->n_value));
    return v > 0 ? v : 0;
}

static int64_t mul_cap(int64_t a, int64_t b)
{
    if (a < 0 || b < 0)
        return -1;
    if (a && b > MAX_VALUE / a)
        return -1;
    return a * b;
}

/* A number without hedge or range at token i. Returns tokens used, 0 when
 * none; *flags gets NF_* bits (NF_NOTCOUNT for "2.5", "007", too large). */
static size_t parse_plain(const cx *c, size_t i, size_t se, int64_t *val, uint32_t *flags)
{
    *val = -1;
    *flags = 0;
    if (i >= se)
        return 0;
    if (is_num(c, i)) {
        int fd, nd = 0;
        int64_t frac;
        int64_t v = digits_value(tok(c, i)->norm, &fd, &frac, &nd);
        *flags = NF_DIGITS;
        int64_t sc = scale_at(c, i + 1, se);
        if (v < 0 || v > MAX_VALUE) {
            *flags |= NF_NOTCOUNT;
            return sc ? 2 : 1;
        }
        if (sc) {
            /* 1.2 million: integer arithmetic, fraction kept to 6 digits */
            int64_t p10 = 1;
            for (int k = 0; k < fd; ++k)
                p10 *= 10;
            int64_t w = mul_cap(v, sc);
            int64_t fpart = frac * sc / p10; /* frac < 10^6, sc <= 10^9: no overflow */
            if (w < 0 || w + fpart > MAX_VALUE)
                *flags |= NF_NOTCOUNT;
            else
                *val = w + fpart;
            return 2;
        }
        const char *s = tok(c, i)->norm;
        if (fd || (s[0] == '0' && s[1] != '\0')) /* 2.5, 007 */
            *flags |= NF_NOTCOUNT;
        *val = v;
        return 1;
    }
    if (!is_word(c, i))
        return 0;
    const nkg_row *r = NULL;
    size_t len = match_len(c->numbers, c->t, i, se, &r);
    int64_t total = 0, cur = 0;
    size_t j = i;
    enum { NONE, UNIT, TENS, SCALE } last = NONE;
    if (len) {
        const char *role = num_role(c, r);
        int64_t v = cell_int(nkg_row_get(r, c->n_value));
        if (v < 0)
            return 0;
        if (eq(role, "word") || eq(role, "det") || eq(role, "plural")) {
            *val = v;
            *flags = eq(role, "det") ? NF_DET : eq(role, "plural") ? NF_VAGUE : 0;
            return len;
        }
        if (eq(role, "scale"))
            return 0; /* "hundred" alone, "score" alone */
    } else if (role1(c, i) & R_DET_SG) {
        int64_t sc = scale_at(c, i + 1, se); /* "a hundred", "a dozen" */
        if (!sc)
            return 0;
        cur = sc;
        last = SCALE;
        j = i + 2;
    } else {
        return 0;
    }
    /* twenty-five, two hundred and fifty, one million two hundred thousand */
    while (j < se) {
        size_t k = j;
        if (last == TENS && inner_hyphen(c, k, se))
            k++;
        else if (last == SCALE && is(c, k, "and"))
            k++;
        if (match_len(c->numbers, c->t, k, se, &r) != 1)
            break;
        const char *role = num_role(c, r);
        int64_t v = cell_int(nkg_row_get(r, c->n_value));
        if (v < 0)
            break;
        if (eq(role, "unit")) {
            if (last == UNIT || (last == TENS && (v >= 10 || v == 0)))
                break;
            if (k > j && last != TENS && last != SCALE)
                break;
            cur += v;
            last = UNIT;
        } else if (eq(role, "tens")) {
            if (last == UNIT || last == TENS || k > j + (last == SCALE))
                break;
            cur += v;
            last = TENS;
        } else if (eq(role, "scale")) {
            if (last == NONE || k > j)
                break;
            if (v < 1000) {
                cur = mul_cap(cur ? cur : 1, v);
            } else {
                int64_t m = mul_cap(cur ? cur : 1, v);
                total = m < 0 ? -1 : total + m;
                cur = 0;
            }
            if (cur < 0 || total < 0 || total > MAX_VALUE || cur > MAX_VALUE) {
                *flags = NF_NOTCOUNT;
                return k + 1 - i;
            }
            last = SCALE;
        } else {
            break;
        }
        j = k + 1;
    }
    if (last == NONE)
        return 0;
    *val = total + cur;
    if (*val > MAX_VALUE)
        *flags |= NF_NOTCOUNT;
    return j - i;
}

static int is_year(const cx *c, size_t j, int64_t v)
{
    const char *s = tok(c, j)->norm;
    return strlen(s) == 4 && v >= 1800 && v <= 2100;
}

/* A plural person noun at k, or after one more modifier ("police
 * officers", "state police officers")? */
static int person_head_after(const cx *c, size_t k, size_t se)
{
    for (size_t j = k; j < se && j < k + 2; ++j) {
        if (role1(c, j) & R_PERSON_PL)
            return 1;
        if (!is_word(c, j))
            return 0;
    }
    return 0;
}

/* Is the number at [nb, ne) (its hedge starting at hb) something other
 * than a count of people: an age, year, date, time, amount, address, code,
 * or part of a name? */
static int not_a_count(const cx *c, size_t hb, size_t nb, size_t ne, size_t sb, size_t se,
                       int64_t v, uint32_t flags)
{
    size_t a = ne;
    size_t len;
    /* after: units ("38-year-old", "3 p.m.", "10 percent", "the 900 block") */
    if (a < se) {
        /* a unit noun that modifies a person noun names no unit: "seven
         * state police officers", "two hospital workers" */
        if ((roles_at(c, a, &len) & R_UNIT) && !person_head_after(c, a + len, se))
            return 1;
        if (is(c, a, "%"))
            return 1;
        if ((is(c, a, "-") || is(c, a, "/")) && a + 1 < se && glued(c, a - 1) && glued(c, a)) {
            if (roles_at(c, a + 1, &len) & R_UNIT)
                return 1;
            return 1; /* 9-1-1, 7-Eleven, 24/7, 12/17: codes, dates, fractions */
        }
        if ((is(c, a, ":") || is(c, a, ".")) && glued(c, a - 1) && a + 1 < se && is_num(c, a + 1) &&
            glued(c, a))
            return 1; /* 11:35 */
        if (is(c, a, "/") && a + 1 < se && is_num(c, a + 1))
            return 1; /* "Image 1 / 6" */
        if ((role1(c, a) & R_PARTITIVE) && (roles_at(c, a + 1, &len) & R_UNIT))
            return 1; /* "dozens of times" */
        /* "14 and 15-years-old", "10 to 15 years": the unit after the second */
        if ((is(c, a, "and") || is(c, a, "or") || is(c, a, "to") || is(c, a, ",")) && a + 2 < se) {
            int64_t v2;
            uint32_t f2;
            size_t n2 = parse_plain(c, a + 1, se, &v2, &f2);
            size_t u = a + 1 + n2;
            if (n2 && u < se && inner_hyphen(c, u, se))
                u++;
            if (n2 && u < se && (roles_at(c, u, &len) & R_UNIT))
                return 1;
        }
        if ((roles_at(c, a, &len) & R_MONTH) && is_cap(c, a))
            return 1; /* 3 June */
        /* 85 Saint John St. : capitalised words, then a street type */
        if ((flags & NF_DIGITS) && is_cap(c, a)) {
            for (size_t k = a; k < se && k < a + 5 && is_word(c, k) && is_cap(c, k); ++k)
                if (k > a && (roles_at(c, k, &len) & R_STREET))
                    return 1;
        }
    }
    /* before */
    if (hb > sb) {
        size_t b = hb - 1;
        if (role_ends_at(c, b, R_UNIT_BEFORE))
            return 1;
        if ((is(c, b, ":") || is(c, b, "/") || is(c, b, ".")) && glued(c, b))
            return 1; /* 11:35, 12/17, .22 */
        if (is(c, b, "-") && glued(c, b) && b > sb && glued(c, b - 1) && is_word(c, b - 1) &&
            (flags & NF_DIGITS))
            return 1; /* AK-47, COVID-19 */
        if ((roles_at(c, b, &len) & R_MONTH) && is_cap(c, b))
            return 1; /* June 3 */
        if (is(c, b, ".") && b > sb && (roles_at(c, b - 1, &len) & R_MONTH) && is_cap(c, b - 1))
            return 1; /* Aug. 3 */
        /* "Jones, 16, was" / "Boy, 16, killed" / "(16)": an age in apposition */
        if (is(c, b, ",") && b > sb && is_word(c, b - 1) && nb == hb &&
            (a >= se || is(c, a, ",") || is(c, a, ")") || is(c, a, ".") || is(c, a, ";") ||
             is(c, a, "and") || is(c, a, "of") || is(c, a, "who")))
            return 1;
        if (is(c, b, "(") && a < se && is(c, a, ")"))
            return 1;
    }
    /* A year: four digits, no separators, not counting people right after. */
    if ((flags & NF_DIGITS) && ne == nb + 1 && is_year(c, nb, v) &&
        !(a < se && (roles_at(c, a, &len) & (R_PERSON_PL | R_PERSON_SG))))
        return 1;
    /* A number inside a name: "Channel 4", "WFSB 3 Connecticut". */
    if (hb > sb && hb == nb && is_word(c, hb - 1) && is_cap(c, hb - 1) && (flags & NF_DIGITS)) {
        const nkg_row *r;
        size_t b = hb - 1;
        int b_word = match_len(c->words, c->t, b, se, &r) > 0;
        for (size_t k = b >= 2 ? b - 2 : 0; k < b && !b_word; ++k)
            b_word = match_len(c->words, c->t, k, se, &r) && k + r->ntoks - 1 == b;
        int a_name = a >= se || is(c, a, ")") ||
                     (is_word(c, a) && is_cap(c, a) &&
                      !(roles_at(c, a, &len) & (R_PERSON_PL | R_PERSON_SG)) &&
                      !match_len(c->words, c->t, a, se, &r));
        if (!b_word && a_name && !(role1(c, b) & (R_PERSON_PL | R_BARRIER | R_PREP)))
            return 1;
    }
    return 0;
}

/* A number with its hedge and range at token i, inside [sb, se). */
static size_t parse_num(const cx *c, nkg_arena *a, size_t i, size_t sb, size_t se, int no_range,
                        num_ex *out)
{
    memset(out, 0, sizeof *out);
    out->n.value = out->n.min = out->n.max = -1;
    const nkg_row *h = NULL;
    size_t hlen = match_len(c->hedges, c->t, i, se, &h);
    if (hlen && !eq(nkg_row_get(h, c->h_where), "before"))
        hlen = 0;
    size_t k = i + hlen;
    int64_t x, y = -1;
    uint32_t fx, fy = 0;
    size_t nx = parse_plain(c, k, se, &x, &fx);
    if (!nx)
        return 0;
    const char *bound = hlen ? nkg_row_get(h, c->h_bound) : "";
    size_t e = k + nx;
    int range = 0;
    if (!no_range && !(fx & (NF_NOTCOUNT | NF_DET | NF_VAGUE)) && e + 1 < se &&
        (is(c, e, "to") || is(c, e, "-") || is(c, e, "or") || (eq(bound, "range") && is(c, e, "and")))) {
        size_t ny = parse_plain(c, e + 1, se, &y, &fy);
        if (ny && !(fy & (NF_NOTCOUNT | NF_DET | NF_VAGUE)) && y > x) {
            range = 1;
            e += 1 + ny;
            /* 1-800-555: a phone number, no range */
            if (e + 1 < se && is(c, e, "-") && is_num(c, e + 1))
                fx |= NF_NOTCOUNT;
        }
    }
    if (eq(bound, "range") && !range) {
        hlen = 0; /* "between" without a second number: no hedge */
        bound = "";
        i = k;
    }
    const nkg_row *th = NULL;
    size_t tlen = 0;
    if (!range && !(fx & (NF_NOTCOUNT | NF_DET))) {
        tlen = match_len(c->hedges, c->t, e, se, &th);
        if (tlen && !eq(nkg_row_get(th, c->h_where), "after"))
            tlen = 0;
    }
    out->flags = fx | (fy & NF_NOTCOUNT);
    out->n.tb = (uint32_t)i;
    out->n.te = (uint32_t)(e + tlen);
    if (not_a_count(c, i, k, e, sb, se, x, fx))
        out->flags |= NF_NOTCOUNT;
    if (tlen) {
        bound = nkg_row_get(th, c->h_bound);
        out->n.qualifier = nkg_text_slice(a, c->t, e, e + tlen);
    } else if (hlen) {
        out->n.qualifier = nkg_text_slice(a, c->t, i, i + hlen);
    }
    if (range) {
        out->n.min = x;
        out->n.max = y;
    } else if (fx & NF_VAGUE) {
        out->n.min = x;
        if (!out->n.qualifier)
            out->n.qualifier = nkg_text_slice(a, c->t, k, k + nx);
    } else if (eq(bound, "min")) {
        out->n.min = x;
    } else if (eq(bound, "max")) {
        out->n.max = x;
    } else {
        out->n.value = x;
    }
    return out->n.te - i;
}

static void sentence_of(const nkg_text *t, size_t i, size_t *sb, size_t *se)
{
    *sb = 0;
    *se = t->ntoks;
    if (t->nsents && i < t->ntoks) {
        const nkg_sent *s = &t->sents[t->toks[i].sent];
        *sb = s->tb;
        *se = s->te;
    }
}

size_t nkg_parse_number(const nkg_text *t, size_t i, const nkg_lexicon *lx, nkg_arena *a,
                        nkg_number *out)
{
    cx c;
    num_ex ne;
    memset(out, 0, sizeof *out);
    out->value = out->min = out->max = -1;
    if (!t || i >= t->ntoks || !lx)
        return 0;
    setup(&c, t, lx);
    size_t sb, se;
    sentence_of(t, i, &sb, &se);
    int no_range = i > sb && (role1(&c, i - 1) & R_FROM);
    size_t n = parse_num(&c, a, i, sb, se, no_range, &ne);
    if (!n || (ne.flags & NF_NOTCOUNT))
        return 0;
    *out = ne.n;
    return n;
}

/* ------------------------------------------------------------ finder */

typedef struct {
    nkg_casualty *v;
    size_t n, cap;
} outvec;

static nkg_casualty *push(outvec *o)
{
    if (o->n == o->cap)
        return NULL;
    nkg_casualty *r = &o->v[o->n++];
    memset(r, 0, sizeof *r);
    return r;
}

static unsigned word_pos(const cx *c, const nkg_row *r)
{
    const char *p = nkg_row_get(r, c->w_pos);
    return eq(p, "noun") ? P_NOUN : eq(p, "after") ? P_AFTER : eq(p, "before") ? P_BEFORE
         : eq(p, "either") ? P_AFTER | P_BEFORE : eq(p, "self") ? P_SELF : 0;
}

static size_t word_reach(const cx *c, const nkg_row *r, unsigned pos)
{
    int64_t v = cell_int(nkg_row_get(r, c->w_reach));
    if (v >= 0)
        return v > 12 ? 12 : (size_t)v;
    return pos == P_NOUN ? NOUN_REACH : pos == P_BEFORE ? BEFORE_REACH : AFTER_REACH;
}

typedef struct {
    const cx *c;
    size_t sb, se;
    int title;       /* a headline in title case: capitals tell no names */
    int32_t *numat;  /* token -> index into nums, or -1 */
    int32_t *wordat; /* token -> index into words (every token of it), or -1 */
    num_ex *nums;
    word_ex *words;
} sent_ctx;

/* Is token j a barrier for binding (punctuation, "and", "who" ...)? */
static int barrier(const sent_ctx *s, size_t j)
{
    const cx *c = s->c;
    if (is_punct(c, j))
        return !(is(c, j, "-") && inner_hyphen(c, j, s->se)) && !is(c, j, "'");
    return (role1(c, j) & R_BARRIER) != 0;
}

/* After casualty word w: does an object follow, making the verb active
 * ("gunmen killed 59 people", "killed the")? */
static int active_after(const sent_ctx *s, const word_ex *w)
{
    const cx *c = s->c;
    size_t j = w->e;
    if (j >= s->se)
        return 0;
    if (s->numat[j] >= 0 && !(s->nums[s->numat[j]].flags & NF_NOTCOUNT))
        return 1;
    if (is_num(c, j))
        return 1; /* "killed 16-year-old X" */
    uint32_t r = role1(c, j);
    if (r & R_OBJECT)
        return 1;
    if (!s->title && is_word(c, j) && is_cap(c, j) && !(r & (R_DAY | R_MONTH | R_PREP | R_BARRIER)) &&
        s->wordat[j] < 0)
        return 1; /* "killed Regula" (in a title-case headline, capitals tell nothing) */
    return 0;
}

/* The words in [b, e) name people, or nothing but auxiliaries: "2,000
 * residents were", "2,000 were", not "three districts were". */
static int person_gap(const sent_ctx *s, size_t b, size_t e)
{
    for (size_t j = b; j < e; ++j) {
        uint32_t r = role1(s->c, j);
        if (r & (R_PERSON_PL | R_PERSON_SG))
            return 1;
        if (!(r & (R_AUX | R_AUX_SG | R_AUX_PL)))
            return 0;
    }
    return 1;
}

/* Is there an "of" in [b, e)? "none of the injuries" is no zero count. */
static int of_between(const sent_ctx *s, size_t b, size_t e)
{
    for (size_t j = b; j < e; ++j)
        if (role1(s->c, j) & R_PARTITIVE)
            return 1;
    return 0;
}

/* The number k binds a word after it ("59 people were killed", "175
 * wounded") or names them ("30 hostages"). Returns the word index or -1;
 * *noun gets a noun candidate. */
static int bind_forward(const sent_ctx *s, size_t k, int *noun, size_t *dist, int *verb_aux)
{
    const cx *c = s->c;
    const num_ex *ne = &s->nums[k];
    size_t j = ne->n.te;
    int aux_seen = 0, det = (ne->flags & NF_DET) != 0, asides = 0;
    int passed_set = 0, aux_since_set = 0; /* "one of 12 people injured" */
    *noun = -1;
    *verb_aux = 0;
    if (det && j < s->se && (role1(c, j) & R_ZERO_OTHER))
        return -1; /* "no other injuries" */
    if (ne->n.value == 0 && j < s->se && (role1(c, j) & R_ZERO_OTHER))
        return -1;
    /* "Two of the people injured ... died": right after the number, "of"
     * opens the set it is taken from, and the words up to the verb describe
     * the set, not the two. */
    if (j < s->se && (role1(c, j) & R_PARTITIVE) && j + 1 < s->se &&
        ((role1(c, j + 1) & (R_DET | R_DET_SG)) || is(c, j + 1, "them") || s->numat[j + 1] >= 0))
        passed_set = 1; /* but "dozens of militants dead" is no part of a set */
    size_t limit = ne->n.te + AFTER_REACH + 1;
    int participle = 0;
    for (; j < s->se && j < limit; ++j) {
        int wi = s->wordat[j];
        if (wi >= 0 && s->words[wi].b == j) {
            const word_ex *w = &s->words[wi];
            size_t gap = j - ne->n.te;
            if ((w->pos & P_NOUN) && *noun < 0 && gap <= word_reach(c, w->row, P_NOUN) &&
                (!det || gap <= 1) && !(ne->n.value == 0 && of_between(s, ne->n.te, j)) &&
                !(ne->n.value == 0 && w->e < s->se && (role1(c, w->e) & R_ZERO_OTHER))) {
                *noun = wi;
                *dist = gap;
            }
            if (w->pos & P_AFTER) {
                if (gap > word_reach(c, w->row, P_AFTER) + (participle ? 8 : 0))
                    return -1;
                if (passed_set && !aux_since_set && !eq(nkg_row_get(w->row, c->w_needs), "finite")) {
                    /* the word goes with the set: "one of 12 people injured";
                     * a finite verb may still follow for the count: "two of
                     * the people injured in the blast later died" */
                    j = w->e - 1;
                    continue;
                }
                if (det && !(ne->n.te < s->se && (role1(c, ne->n.te) & (R_PERSON_PL | R_PERSON_SG))))
                    return -1; /* "no" needs a noun: "no civilians were hurt" */
                if (eq(nkg_row_get(w->row, c->w_needs), "person") && !person_gap(s, ne->n.te, j))
                    return -1; /* "three districts were affected" */
                if (eq(nkg_row_get(w->row, c->w_needs), "aux") && !aux_seen) {
                    size_t tb = ne->n.tb;
                    int opens = tb == s->sb || is_punct(c, tb - 1) || is(c, tb - 1, "and");
                    if (gap > 0 || !opens)
                        return -1; /* "fired one shot" */
                }
                /* "31 wounded people": right after the number and before a
                 * person noun, the word is an adjective, not a verb with
                 * its object */
                if (active_after(s, w) &&
                    !(gap == 0 && w->e < s->se && (role1(c, w->e) & (R_PERSON_PL | R_PERSON_SG))))
                    return -1;
                *dist = gap;
                return wi;
            }
            if (!(w->pos & P_NOUN))
                return -1; /* "killing", "death toll": another clause */
            j = w->e - 1;
            continue;
        }
        if (s->numat[j] >= 0) {
            const num_ex *o = &s->nums[s->numat[j]];
            if (!(o->flags & NF_SET) && !(o->flags & NF_NOTCOUNT))
                return -1;
            /* "two of the three victims": the set is followed by its noun */
            if ((o->flags & NF_SET) &&
                !(o->n.te < s->se && ((role1(c, o->n.te) & (R_PERSON_PL | R_PERSON_SG)) ||
                                      s->wordat[o->n.te] >= 0)))
                return -1;
            if (o->flags & NF_SET) {
                passed_set = 1;
                aux_since_set = 0;
            }
            j = o->n.te - 1;
            continue;
        }
        uint32_t r = role1(c, j);
        if (r & R_NEG)
            return -1;
        if (is(c, j, ",") && j + 1 < s->se && asides < 2 && (roles_at(c, j + 1, NULL) & R_ASIDE)) {
            asides++;
            /* "six people, including two children, were killed" */
            size_t m = j + 1;
            while (m < s->se && m < j + 14 && !is(c, m, ",") && !is(c, m, ";") && !is(c, m, "."))
                m++;
            if (m < s->se && is(c, m, ",")) {
                limit += m + 1 - j;
                j = m;
                continue;
            }
        }
        /* "six soldiers and two civilians were killed": both are counted */
        if (is(c, j, "and") && j + 1 < s->se && s->numat[j + 1] >= 0 && person_gap(s, ne->n.te, j)) {
            const num_ex *o = &s->nums[s->numat[j + 1]];
            if (o->n.tb == j + 1 && !(o->flags & (NF_NOTCOUNT | NF_DET))) {
                j = o->n.te - 1;
                continue;
            }
        }
        /* "Two men sitting in a parked car were shot": a participle
         * phrase after the people counted, before their verb */
        if (j > ne->n.te && !participle && (role1(c, j - 1) & (R_PERSON_PL | R_PERSON_SG)) && is_word(c, j) &&
            !is_cap(c, j) && strlen(tok(c, j)->norm) > 4 &&
            strcmp(tok(c, j)->norm + strlen(tok(c, j)->norm) - 3, "ing") == 0) {
            participle = 1;
            limit += 8;
            continue;
        }
        /* "35,000 people who had been left homeless": the relative clause
         * tells what happened to them */
        if ((is(c, j, "who") || is(c, j, "that")) && j > ne->n.te && (role1(c, j - 1) & (R_PERSON_PL | R_PERSON_SG)))
            continue;
        /* "40 shoppers and employees were evacuated": one set of people,
         * counted together */
        if ((is(c, j, "and") || is(c, j, "or")) && j > ne->n.te && j + 1 < s->se &&
            (role1(c, j - 1) & R_PERSON_PL) && (role1(c, j + 1) & R_PERSON_PL) && s->numat[j + 1] < 0)
            continue;
        if (barrier(s, j))
            return -1;
        if (r & (R_AUX | R_AUX_SG | R_AUX_PL | R_PERSON_PL | R_PERSON_SG))
            aux_seen = 1;
        if (r & (R_AUX | R_AUX_SG | R_AUX_PL)) {
            aux_since_set = 1;
            *verb_aux = 1;
        }
    }
    return -1;
}

/* The number k is the object of a word before it ("killing 59", "the
 * death toll rose to 67"). Returns the word index or -1. */
static int bind_backward(const sent_ctx *s, size_t k, size_t *dist)
{
    const cx *c = s->c;
    const num_ex *ne = &s->nums[k];
    if (ne->flags & NF_DET)
        return -1;
    size_t prep = 0;
    for (size_t j = ne->n.tb; j-- > s->sb;) {
        size_t gap = ne->n.tb - 1 - j;
        if (gap > 8)
            return -1;
        int wi = s->wordat[j];
        if (wi >= 0) {
            const word_ex *w = &s->words[wi];
            if (!(w->pos & P_BEFORE))
                return -1;
            if (gap > word_reach(c, w->row, P_BEFORE))
                return -1;
            if (prep && word_reach(c, w->row, P_BEFORE) < 4)
                return -1;
            if (eq(nkg_row_get(w->row, c->w_needs), "person")) {
                /* "evacuated 2,000 residents", not "evacuated 3 buildings" */
                size_t a = ne->n.te;
                while (a < s->se && a < ne->n.te + 2 && is_word(c, a) &&
                       !(role1(c, a) & (R_PERSON_PL | R_PERSON_SG | R_BARRIER | R_PREP)))
                    a++;
                if (a < s->se && is_word(c, a) &&
                    !(role1(c, a) & (R_PERSON_PL | R_PERSON_SG | R_BARRIER | R_PREP)))
                    return -1;
                if (a > ne->n.te && !(a < s->se && (role1(c, a) & (R_PERSON_PL | R_PERSON_SG))))
                    return -1;
            }
            *dist = gap;
            return wi;
        }
        if (s->numat[j] >= 0) {
            const num_ex *o = &s->nums[s->numat[j]];
            if (!(o->flags & NF_NOTCOUNT))
                return -1; /* another count */
            continue;      /* "killed his 7-year-old", "rose from 10 to 15" */
        }
        uint32_t r = role1(c, j);
        /* "killing himself and 12 others": the verb of the self phrase */
        if (is(c, j, "and") && j > s->sb && s->wordat[j - 1] >= 0 &&
            (s->words[s->wordat[j - 1]].pos & P_SELF) && gap == 0) {
            *dist = 1;
            return s->wordat[j - 1];
        }
        if (barrier(s, j) || (r & R_NEG))
            return -1;
        if (r & R_PREP)
            prep++;
    }
    return -1;
}

static const char *kind_of(const cx *c, const nkg_row *r) { return nkg_row_get(r, c->w_kind); }

static char *rule_name(nkg_arena *a, const nkg_row *r, const char *how)
{
    return nkg_arena_printf(a, "casualty-words.tsv:%zu/%s", r->line, how);
}

static void add_report(outvec *o, nkg_arena *a, const cx *c, const word_ex *w, const nkg_number *n,
                       size_t tb, size_t te, const char *how, double factor)
{
    nkg_casualty *r = push(o);
    if (!r)
        return;
    r->kind = kind_of(c, w->row);
    r->num = *n;
    r->tb = (uint32_t)tb;
    r->te = (uint32_t)te;
    r->anchor = w->b;
    r->rule = rule_name(a, w->row, how);
    r->confidence = cell_conf(nkg_row_get(w->row, c->w_conf)) * factor;
}

static int np_modifier(const sent_ctx *s, size_t j)
{
    const cx *c = s->c;
    if (s->wordat[j] >= 0)
        return 0;
    if (s->numat[j] >= 0)
        return (s->nums[s->numat[j]].flags & NF_NOTCOUNT) != 0; /* "38" of 38-year-old */
    if (is(c, j, "-"))
        return inner_hyphen(c, j, s->se);
    uint32_t r = role1(c, j);
    return is_word(c, j) && !(r & (R_BARRIER | R_AUX | R_AUX_SG | R_AUX_PL | R_NEG | R_PREP | R_DET |
                                   R_DET_SG | R_PRONOUN_SG));
}

/* A singular person head at h: "woman", or an age used as a noun ("the
 * 16-year-old"). */
static int singular_head(const sent_ctx *s, size_t h)
{
    const cx *c = s->c;
    if (s->wordat[h] >= 0 && !(role1(c, h) & R_PERSON_SG))
        return 0;
    if (role1(c, h) & R_PERSON_SG)
        return 1;
    if (is(c, h, "old") && h >= s->sb + 2) {
        size_t k = h - 1;
        if (is(c, k, "-"))
            k--;
        return is(c, k, "year") || is(c, k, "month") || is(c, k, "week") || is(c, k, "day");
    }
    return 0;
}

/* Part of an age before a name or noun: "14 year old", "the 22-year-old". */
static int age_token(const sent_ctx *s, size_t j)
{
    const cx *c = s->c;
    if (s->numat[j] >= 0)
        return (s->nums[s->numat[j]].flags & NF_NOTCOUNT) != 0;
    return inner_hyphen(c, j, s->se) || is(c, j, "old") || (role1(c, j) & R_UNIT);
}

/* The first token of a name ending at token h: capitalised words, not a
 * time word or a common noun, with an age before it ("14 year old Jacob
 * Setter"); (size_t)-1 when h ends no name. */
static size_t name_back(const sent_ctx *s, size_t h)
{
    const cx *c = s->c;
    uint32_t r = role1(c, h);
    if (s->title || !is_word(c, h) || !is_cap(c, h) || s->wordat[h] >= 0 ||
        (r & (R_DAY | R_MONTH | R_PERSON_PL | R_DET | R_DET_SG | R_BARRIER | R_AUX | R_AUX_SG | R_AUX_PL |
              R_PREP | R_STREET | R_OBJECT)))
        return (size_t)-1;
    size_t j = h;
    while (j > s->sb && h - j < 3 && is_word(c, j - 1) && is_cap(c, j - 1) && s->wordat[j - 1] < 0 &&
           !(role1(c, j - 1) & (R_DET | R_DET_SG | R_BARRIER | R_PREP)))
        j--;
    while (j > s->sb && h - j < 9 && age_token(s, j - 1))
        j--;
    if (j > s->sb && (role1(c, j - 1) & (R_DET | R_DET_SG)) && age_token(s, j))
        j--;
    return j;
}

/* Count one for "a/the NOUN", he/she, or a name, ending at token h (the NP
 * head). Returns a confidence factor (0: no singular NP), *start and the
 * rule's name. */
static double singular_np_back(const sent_ctx *s, size_t h, size_t *start, const char **how)
{
    const cx *c = s->c;
    uint32_t r = role1(c, h);
    if (r & R_PRONOUN_SG) {
        *start = h;
        *how = "singular-pronoun";
        return 0.5;
    }
    if (singular_head(s, h)) {
        size_t j = h, mods = 0;
        while (j > s->sb && mods < NP_MODS && np_modifier(s, j - 1)) {
            j--;
            mods++;
        }
        if (j > s->sb) {
            uint32_t d = role1(c, j - 1);
            *start = j - 1;
            *how = d & R_DET_SG ? "singular-a" : "singular-the";
            if (d & R_DET_SG)
                return 0.85;
            if (d & R_DET)
                return 0.7;
        }
        /* a headline: "Teen girl killed in accidental shooting" */
        if (j == s->sb || (is_punct(c, j - 1) && !is(c, j - 1, ","))) {
            *start = j;
            *how = "singular-headline";
            return 0.6;
        }
        return 0;
    }
    /* A name, only at the start of a clause: "Smith was killed", "...,
     * Smith died" */
    size_t j = name_back(s, h);
    if (j != (size_t)-1 && (j == s->sb || is_punct(c, j - 1) || (role1(c, j - 1) & R_BARRIER) ||
                            (role1(c, j) & (R_DET | R_DET_SG)))) {
        *start = j;
        *how = "singular-name";
        return 0.5;
    }
    return 0;
}

/* Walk back from token j over auxiliaries ("was later pronounced").
 * Returns the first token of the chain, or (size_t)-1 when it is negated or
 * plural. */
static size_t aux_back(const sent_ctx *s, size_t j)
{
    const cx *c = s->c;
    size_t aux = 0;
    while (j > s->sb && aux < 5) {
        uint32_t r = role1(c, j - 1);
        if (r & R_NEG)
            return (size_t)-1;
        if (r & R_AUX_PL)
            return (size_t)-1; /* "were": plural */
        if (!(r & (R_AUX | R_AUX_SG)) || (r & (R_PERSON_SG | R_PRONOUN_SG)))
            break;
        j--;
        aux++;
    }
    return j;
}

/* Two singular people joined by "and" before a plural verb chain that
 * starts at token j: "A 4-year-old girl and her mother were shot and
 * killed", "Joe Knarr and Jen Knarr were deceased". Returns 1 with the
 * first one's start in *start. */
static int pair_back(const sent_ctx *s, size_t j, size_t *start)
{
    const cx *c = s->c;
    if (j <= s->sb + 2)
        return 0;
    size_t h = j - 1, st2, st1;
    const char *how;
    if (is(c, h, "who"))
        h--; /* "a girl and her mother who were shot" */
    double f2 = singular_np_back(s, h, &st2, &how);
    if (f2 <= 0 && singular_head(s, h) && h > s->sb && is(c, h - 1, "and")) {
        st2 = h; /* "a girl and mother" */
        f2 = 0.5;
    }
    if (f2 <= 0 || st2 < s->sb + 2 || !is(c, st2 - 1, "and"))
        return 0;
    if (singular_np_back(s, st2 - 2, &st1, &how) <= 0)
        return 0;
    *start = st1;
    return 1;
}

/* Subject rule: "a 38-year-old woman was killed", "the victim died". */
static void singular_subject(const sent_ctx *s, outvec *o, nkg_arena *a, const word_ex *w)
{
    const cx *c = s->c;
    if (active_after(s, w))
        return; /* "the man killed his wife": he is no casualty */
    /* a plural auxiliary: only a pair of singular people counts (two) */
    size_t pj = w->b;
    int plural = 0;
    while (pj > s->sb && w->b - pj < 5 && (role1(c, pj - 1) & (R_AUX | R_AUX_SG | R_AUX_PL)) &&
           !(role1(c, pj - 1) & R_NEG)) {
        plural |= (role1(c, pj - 1) & R_AUX_PL) != 0;
        pj--;
    }
    size_t pstart;
    if (plural && pair_back(s, pj, &pstart)) {
        nkg_number n = {2, -1, -1, NULL, (uint32_t)pstart, (uint32_t)pj};
        add_report(o, a, c, w, &n, pstart, w->e, "pair", 0.5);
        return;
    }
    size_t j = aux_back(s, w->b);
    if (j == (size_t)-1 || j == s->sb)
        return;
    /* "was shot in the head and killed": the subject of the first verb */
    if (is(c, j - 1, "and")) {
        for (size_t k = j - 1; k > s->sb && j - k < 10; --k) {
            int wi = s->wordat[k - 1];
            if (wi >= 0) {
                const char *kind = kind_of(c, s->words[wi].row);
                if (!s->words[wi].bound && (eq(kind, "Shot") || eq(kind, "Injured")))
                    j = aux_back(s, s->words[wi].b);
                break;
            }
            if (barrier(s, k - 1) || s->numat[k - 1] >= 0)
                break;
        }
        if (j == (size_t)-1 || j == s->sb)
            return;
    }
    size_t start;
    const char *how = NULL;
    double f = singular_np_back(s, j - 1, &start, &how);
    /* "Jacob Setter, 14, of Graysville, was pronounced dead" */
    for (size_t k = j - 1; f <= 0 && is(c, j - 1, ",") && k > s->sb && j - k < 16; --k) {
        if (is(c, k, ".") || is(c, k, ";") || is(c, k, ":"))
            break;
        if (k < j - 1 && is(c, k, ","))
            f = singular_np_back(s, k - 1, &start, &how);
    }
    /* "A 2-year-old boy in Tarpon Springs died": past a place after "in",
     * "from" or "of" to the noun it qualifies */
    if (f <= 0 && j - 1 > s->sb && is_cap(c, j - 1)) {
        size_t k = j - 1;
        while (k > s->sb && j - k < 5 && is_word(c, k) && is_cap(c, k))
            k--;
        if (k > s->sb && k < j - 1 && (is(c, k, "in") || is(c, k, "from") || is(c, k, "of"))) {
            double g = singular_np_back(s, k - 1, &start, &how);
            if (g > 0 && strcmp(how, "singular-name") != 0)
                f = g;
        }
    }
    /* "remembered Maria Lopez, 34, who was shot": the antecedent of "who",
     * past an age; a name counts here wherever it stands */
    if (f <= 0 && j - 1 > s->sb && is(c, j - 1, "who")) {
        size_t h = j - 2;
        if (is(c, h, ",") && h >= s->sb + 3 && s->numat[h - 1] >= 0 && is(c, h - 2, ","))
            h -= 3; /* ", 34," */
        else if (is(c, h, ",") && h > s->sb)
            h--; /* "Maria Lopez, who was killed" */
        f = singular_np_back(s, h, &start, &how);
        size_t nb = f > 0 ? (size_t)-1 : name_back(s, h);
        if (nb != (size_t)-1) {
            start = nb;
            how = "singular-name";
            f = 0.5;
        }
    }
    if (f <= 0 || (start > s->sb && (role1(c, start - 1) & R_ASIDE)))
        return; /* "five people including a child died": not one */
    nkg_number n = {1, -1, -1, NULL, (uint32_t)start, (uint32_t)j};
    add_report(o, a, c, w, &n, start, w->e, how, f);
}

/* Object rule: "killed his 7-year-old daughter", "shot and killed a man". */
static void singular_object(const sent_ctx *s, outvec *o, nkg_arena *a, const word_ex *w)
{
    const cx *c = s->c;
    size_t j = w->e;
    if (j >= s->se)
        return;
    uint32_t r = role1(c, j);
    double f = 0;
    size_t end = 0;
    if (r & (R_DET | R_DET_SG)) {
        size_t k = j + 1, mods = 0;
        while (k < s->se && mods <= NP_MODS) {
            if (singular_head(s, k) && !(k + 1 < s->se && (role1(c, k + 1) & (R_PERSON_SG | R_PERSON_PL)))) {
                f = (r & R_DET_SG) ? 0.85 : 0.7;
                end = k + 1;
                break;
            }
            if (!np_modifier(s, k))
                break;
            k++;
            mods++;
        }
    } else if (is(c, j, "him")) {
        f = 0.5;
        end = j + 1;
    } else if (!s->title && is_word(c, j) && is_cap(c, j) && s->wordat[j] < 0 &&
               !(r & (R_DAY | R_MONTH | R_PREP | R_BARRIER | R_DET | R_PERSON_PL))) {
        f = 0.5;
        end = j + 1;
        while (end < s->se && end < j + 3 && is_word(c, end) && is_cap(c, end) && s->wordat[end] < 0)
            end++;
    }
    if (f <= 0)
        return;
    nkg_number n = {1, -1, -1, NULL, (uint32_t)j, (uint32_t)end};
    add_report(o, a, c, w, &n, w->b, end, f >= 0.85 ? "object-a" : f >= 0.7 ? "object-the" : "object-name", f);
}

/* After a Shot word: "and (later) died" with nothing else between? Returns
 * the Killed word, or -1. */
static int died_after(const sent_ctx *s, const word_ex *w)
{
    const cx *c = s->c;
    int and_seen = 0;
    for (size_t j = w->e; j < s->se && j < w->e + 10; ++j) {
        int wi = s->wordat[j];
        if (wi >= 0) {
            const word_ex *d = &s->words[wi];
            return and_seen && !d->bound && (d->pos & P_AFTER) && eq(kind_of(c, d->row), "Killed") &&
                           !active_after(s, d)
                       ? wi
                       : -1;
        }
        if (is(c, j, "and")) {
            if (and_seen)
                return -1;
            and_seen = 1;
            continue;
        }
        if (s->numat[j] >= 0 || barrier(s, j) || (role1(c, j) & R_NEG))
            return -1;
    }
    return -1;
}

/* "two people were shot, one fatally": Shot becomes Injured, minus the
 * killed the same sentence reports after it. */
static void resolve_shot(nkg_arena *a, nkg_casualty *v, size_t from, size_t to)
{
    for (size_t i = from; i < to; ++i) {
        if (!eq(v[i].kind, "Shot"))
            continue;
        v[i].kind = "Injured";
        int64_t n = v[i].num.value;
        if (n < 0)
            continue;
        for (size_t k = i + 1; k < to && k < i + 4; ++k) {
            if (!eq(v[k].kind, "Killed") || v[k].tb < v[i].te || v[k].num.value < 0 ||
                v[k].num.value > n || strstr(v[k].rule, "/self"))
                continue;
            v[i].num.value = n - v[k].num.value;
            v[i].num.min = v[i].num.max = -1;
            v[i].te = v[k].te;
            v[i].rule = nkg_arena_printf(a, "%s-minus-killed", v[i].rule);
            break;
        }
    }
}

/* ------------------------------------------------------------ attribution */

static int src_token(const sent_ctx *s, size_t j)
{
    const cx *c = s->c;
    if (s->numat[j] >= 0 || s->wordat[j] >= 0)
        return 0;
    if (is_punct(c, j))
        return is(c, j, "'") || inner_hyphen(c, j, s->se);
    uint32_t r = role1(c, j);
    return !(r & (R_BARRIER | R_AUX | R_AUX_SG | R_AUX_PL | R_NEG | R_PREP));
}

static void attribute(const sent_ctx *s, nkg_casualty *r, const size_t *cue_b, const size_t *cue_e,
                      const nkg_row **cue_row, size_t ncues)
{
    const cx *c = s->c;
    size_t best_d = (size_t)-1;
    /* only the few cues nearest to the report: bounded work per report */
    size_t lo = 0, hi = ncues;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cue_b[mid] < r->tb)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t from = lo > 3 ? lo - 3 : 0, to = lo + 3 < ncues ? lo + 3 : ncues;
    for (size_t i = from; i < to; ++i) {
        if (cue_e[i] > r->tb && cue_b[i] < r->te)
            continue;
        size_t d = cue_b[i] >= r->te ? cue_b[i] - r->te : r->tb - cue_e[i];
        const char *where = nkg_row_get(cue_row[i], c->c_source);
        size_t sb = 0, se = 0;
        if (eq(where, "none"))
            continue; /* "claimed responsibility" */
        if (!eq(where, "after")) { /* "police said": back from the cue */
            size_t j = cue_b[i];
            while (j > s->sb && (role1(c, j - 1) & (R_AUX | R_AUX_SG | R_AUX_PL)) && cue_b[i] - j < 2)
                j--;
            size_t e = j;
            while (j > s->sb && e - j < 6 && src_token(s, j - 1))
                j--;
            if (j < e && (role1(c, j) & (R_DET | R_DET_SG)) && j + 1 == e)
                j = e;
            if (j < e && !(e > r->tb && j < r->te)) {
                sb = j;
                se = e;
            }
        }
        if (se == sb && !eq(where, "before")) { /* "according to police" */
            size_t j = cue_e[i], e = j;
            while (e < s->se && e - j < 8 && (src_token(s, e) || (e > j && is(c, e, "."))))
                e++;
            while (e > j && is_punct(c, e - 1))
                e--;
            if (j < e && !(e > r->tb && j < r->te)) {
                sb = j;
                se = e;
            }
        }
        if (se > sb && d < best_d) {
            best_d = d;
            r->src_tb = (uint32_t)sb;
            r->src_te = (uint32_t)se;
        }
    }
}

/* ------------------------------------------------------------ main loop */

static int by_position(const void *x, const void *y)
{
    const nkg_casualty *a = x, *b = y;
    if (a->tb != b->tb)
        return a->tb < b->tb ? -1 : 1;
    if (a->te != b->te)
        return a->te < b->te ? -1 : 1;
    return a->anchor < b->anchor ? -1 : a->anchor > b->anchor;
}

static void find_in_sentence(sent_ctx *s, outvec *o, nkg_arena *a, num_ex *nums, word_ex *words,
                             size_t *cue_b, size_t *cue_e, const nkg_row **cue_row)
{
    const cx *c = s->c;
    const nkg_text *t = c->t;
    size_t nn = 0, nw = 0, nc = 0;
    s->nums = nums;
    s->words = words;
    size_t nwords = 0, ncaps = 0;
    for (size_t i = s->sb; i < s->se; ++i) {
        if (is_word(c, i) && !(role1(c, i) & (R_DET | R_DET_SG | R_PREP | R_BARRIER))) {
            nwords++;
            ncaps += is_cap(c, i);
        }
    }
    s->title = nwords >= 3 && ncaps * 4 >= nwords * 3;
    /* numbers */
    for (size_t i = s->sb; i < s->se;) {
        int no_range = i > s->sb && (role1(c, i - 1) & R_FROM);
        size_t n = parse_num(c, a, i, s->sb, s->se, no_range, &nums[nn]);
        if (!n) {
            i++;
            continue;
        }
        if (no_range && !(nums[nn].flags & NF_NOTCOUNT))
            nums[nn].flags |= NF_NOTCOUNT; /* "from 10 to 15": 10 was a former value */
        for (size_t k = i; k < i + n; ++k)
            s->numat[k] = (int32_t)nn;
        nn++;
        i += n;
    }
    /* "two of the three victims": three is the set */
    for (size_t k = 1; k < nn; ++k) {
        size_t j = nums[k].n.tb;
        if (j > s->sb && (role1(c, j - 1) & (R_DET)))
            j--;
        if (j > s->sb && (role1(c, j - 1) & R_PARTITIVE) && j - 1 > s->sb && s->numat[j - 2] == (int32_t)(k - 1) &&
            !(nums[k - 1].flags & NF_NOTCOUNT))
            nums[k].flags |= NF_SET;
    }
    /* casualty words and attribution cues */
    for (size_t i = s->sb; i < s->se;) {
        const nkg_row *r;
        size_t len = s->numat[i] < 0 ? match_len(c->words, t, i, s->se, &r) : 0;
        for (size_t k = i + 1; len && k < i + len; ++k)
            if (s->numat[k] >= 0)
                len = 0;
        if (len && i > s->sb && (role1(c, i - 1) & R_IRREALIS) && !(word_pos(c, r) & P_NOUN)) {
            i += len; /* "threatened to kill", "could die": no report */
            continue;
        }
        if (len) {
            words[nw].row = r;
            words[nw].b = (uint32_t)i;
            words[nw].e = (uint32_t)(i + len);
            words[nw].pos = word_pos(c, r);
            words[nw].bound = 0;
            for (size_t k = i; k < i + len; ++k)
                s->wordat[k] = (int32_t)nw;
            nw++;
            i += len;
            continue;
        }
        if (s->numat[i] < 0 && (len = match_len(c->cues, t, i, s->se, &r)) > 0) {
            cue_b[nc] = i;
            cue_e[nc] = i + len;
            cue_row[nc++] = r;
            i += len;
            continue;
        }
        i++;
    }
    size_t first = o->n;
    /* bind numbers */
    for (size_t k = 0; k < nn; ++k) {
        num_ex *ne = &nums[k];
        if (ne->flags & NF_NOTCOUNT)
            continue;
        int noun, verb_aux;
        size_t df = 0, db = 0;
        int wf = bind_forward(s, k, &noun, &df, &verb_aux);
        int wb = (ne->flags & NF_SET) ? -1 : bind_backward(s, k, &db);
        if ((ne->flags & NF_SET) && wf >= 0 &&
            (verb_aux || eq(nkg_row_get(words[wf].row, c->w_needs), "finite")))
            wf = -1; /* "two of the three victims were killed / died": the set is no report */
        int w = -1;
        const char *how = NULL;
        if (wf >= 0 && (wb < 0 || df <= db)) {
            w = wf;
            how = "after";
        } else if (wb >= 0) {
            w = wb;
            how = "before";
        } else if (noun >= 0) {
            w = noun;
            how = "noun";
        }
        if (w < 0)
            continue;
        word_ex *we = &words[w];
        if (!(we->pos & P_SELF))
            we->bound = 1; /* "killing himself and 12 others": himself still counts */
        size_t tb = ne->n.tb < we->b ? ne->n.tb : we->b;
        size_t te = ne->n.te > we->e ? ne->n.te : we->e;
        /* "the two were shot in the car and died": all of them died */
        int died = eq(kind_of(c, we->row), "Shot") ? died_after(s, we) : -1;
        if (died >= 0) {
            words[died].bound = 1;
            we = &words[died];
            te = we->e;
            how = "shot-and-died";
        }
        add_report(o, a, c, we, &ne->n, tb, te, how, (ne->flags & NF_VAGUE) ? 0.8 : 1.0);
    }
    /* one person, without a number */
    for (size_t i = 0; i < nw; ++i) {
        word_ex *w = &words[i];
        if (w->bound)
            continue;
        if (w->pos & P_SELF) {
            int neg = 0;
            for (size_t j = w->b; j > s->sb && w->b - j < 3; --j)
                neg |= (role1(c, j - 1) & R_NEG) != 0;
            if (!neg) {
                nkg_number n = {1, -1, -1, NULL, w->b, w->e};
                add_report(o, a, c, w, &n, w->b, w->e, "self", 1.0);
            }
            continue;
        }
        if (!eq(nkg_row_get(w->row, c->w_sing), "yes"))
            continue;
        size_t before = o->n;
        if (w->pos & P_AFTER)
            singular_subject(s, o, a, w);
        if (o->n == before && (w->pos & P_BEFORE))
            singular_object(s, o, a, w);
    }
    /* text order within the sentence */
    qsort(o->v + first, o->n - first, sizeof *o->v, by_position);
    resolve_shot(a, o->v, first, o->n);
    for (size_t i = first; i < o->n; ++i)
        attribute(s, &o->v[i], cue_b, cue_e, cue_row, nc);
    for (size_t k = s->sb; k < s->se; ++k)
        s->numat[k] = s->wordat[k] = -1;
}

nkg_status nkg_find_casualties(const nkg_text *t, const nkg_lexicon *lx, nkg_arena *a,
                               nkg_casualty **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!t || !lx || !a)
        return NKG_ERR_INTERNAL;
    cx c;
    setup(&c, t, lx);
    if (!c.numbers || !c.words || !c.ctx)
        return NKG_ERR_INPUT; /* mappings/ lacks numbers, casualty-words or count-context */
    size_t nt = t->ntoks ? t->ntoks : 1;
    size_t maxs = 1;
    for (size_t i = 0; i < t->nsents; ++i)
        if (t->sents[i].te - t->sents[i].tb > maxs)
            maxs = t->sents[i].te - t->sents[i].tb;
    c.roles = nkg_arena_alloc(a, nt * sizeof *c.roles);
    c.rlen = nkg_arena_alloc(a, nt);
    sent_ctx s;
    memset(&s, 0, sizeof s);
    s.c = &c;
    s.numat = nkg_arena_alloc(a, nt * sizeof(int32_t));
    s.wordat = nkg_arena_alloc(a, nt * sizeof(int32_t));
    num_ex *nums = nkg_arena_alloc(a, maxs * sizeof *nums);
    word_ex *words = nkg_arena_alloc(a, maxs * sizeof *words);
    size_t *cue_b = nkg_arena_alloc(a, maxs * sizeof *cue_b);
    size_t *cue_e = nkg_arena_alloc(a, maxs * sizeof *cue_e);
    const nkg_row **cue_row = nkg_arena_alloc(a, maxs * sizeof *cue_row);
    /* at most one report per number or word, and words and numbers don't
     * share tokens: ntoks bounds the output */
    outvec o = {nkg_arena_alloc(a, nt * sizeof(nkg_casualty)), 0, nt};
    if (!c.roles || !c.rlen || !s.numat || !s.wordat || !nums || !words || !cue_b || !cue_e ||
        !cue_row || !o.v)
        return NKG_ERR_NOMEM;
    for (size_t i = 0; i < t->ntoks; ++i) {
        size_t len;
        uint32_t *keep = c.roles;
        c.roles = NULL; /* look it up */
        uint32_t r = roles_at(&c, i, &len);
        c.roles = keep;
        c.roles[i] = r;
        c.rlen[i] = (uint8_t)(len > 255 ? 255 : len);
        s.numat[i] = s.wordat[i] = -1;
    }
    for (size_t i = 0; i < t->nsents; ++i) {
        s.sb = t->sents[i].tb;
        s.se = t->sents[i].te;
        find_in_sentence(&s, &o, a, nums, words, cue_b, cue_e, cue_row);
    }
    *out = o.v;
    *n = o.n;
    return NKG_OK;
}
