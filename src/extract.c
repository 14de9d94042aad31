/* extract.c - one article in, its evidence-bearing statements out.
 *
 * First the article's own date when no metadata gives one (a date line
 * near the top, find_doc_date) and the outlet's name in the headline
 * (find_site_name). Then passes, each claiming tokens so later passes do
 * not reuse them:
 *   1. organisations (gazetteer, then head-noun rule: "Chinese Embassy")
 *   2. people (after a title, around a speech verb, capitalised names that
 *      name no street, facility or organisation, then lone surnames and
 *      first names of people already named)
 *   3. places (facilities, streets, neighbourhoods and counties; gazetteer
 *      with context and one sense per article; datelines, also of towns the
 *      gazetteer lacks; tolerant spelling)
 *   4. unnamed groups ("gunmen", "security forces")
 *   5. events (trigger lexicon) and their within-article coreference
 *   6. casualty reports, times (event dates apart from the article's),
 *      places, statements, roles (groups by the nearest event of their
 *      sentence, named people by cues next to a mention)
 * and then everything is emitted with deterministic IRIs (emit_article),
 * events with the resolution keys that let articles meet (event_keys).
 * All knowledge comes from the mappings/ tables; nothing here names a
 * particular incident, person, group or place.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "casualty.h"
#include "emit.h"
#include "extract.h"
#include "strmap.h"
#include "text.h"
#include "utf8.h"
#include "vocab.h"

/* ------------------------------------------------------------ the model */
typedef enum { ENT_PERSON, ENT_ORG, ENT_GROUP, ENT_PLACE } ent_kind;
typedef enum { PL_COUNTRY, PL_ADMIN1, PL_CITY, PL_FACILITY, PL_COUNTY } place_kind;
enum { FAM_ATTACK, FAM_HOSTAGE, FAM_RESCUE, FAM_MILITARY, FAM_ARREST, FAM_STATEMENT,
       FAM_CRASH, FAM_DISASTER, FAM_N };

typedef struct {
    uint32_t tb, te;
    const char *rule;
    double conf;
} span;

typedef struct {
    span *v;
    size_t n, cap;
} spans;

typedef struct {
    int *v;
    size_t n, cap;
} ints;

typedef struct {
    ent_kind kind;
    const char *label, *key;
    spans m;
    /* places */
    place_kind pkind;
    const nkg_row *prow;
    const char *country, *admin1;
    int within; /* facility -> city entity, or -1 */
    const nkg_row *up; /* a place not in the gazetteer (county, dateline town) -> its state row */
    /* organisations and groups */
    const char *otype; /* armed_group, media, force, agency, ... */
    const char *role;  /* groups: perpetrator | victim | responder | other */
    /* people */
    const char *surname;
    const char *first; /* first name's norm, when the name has two words or more */
    int aged;          /* an age stands next to a mention: "Kyle Carney, 22," */
    int dropped; /* found, then judged not to be what it seemed: not emitted */
    int natural; /* a river, a lake, a mountain (facilities.tsv "feature"): in no city */
} ent;

typedef struct {
    int fam;
    const char *cls; /* most specific class local name */
    spans m;
    int year;        /* an explicit different year, or 0 */
    int entry;       /* month * 100 + day of the timeline entry it is told in
                      * ("Jan. 5: ... was shot"), or 0 */
    int aside;       /* told as another event: "in a similar attack" (aside-cues.tsv) */
    const char *date; /* xsd:date, or NULL */
    int place;        /* entity index, or -1 */
    int place2;       /* the dateline city when it differs from place, or -1 */
    ints perp, victim, resp;
    const nkg_row *trig;
} event;

typedef struct {
    nkg_casualty c;
    int event;
    int source; /* entity index of the claimant, or -1 */
} report;

typedef struct {
    span verb;     /* the speech verb */
    int speaker;   /* entity */
    uint32_t qb, qe; /* quote tokens */
    uint32_t sb, se; /* speaker tokens as written */
    int about;
    int cont; /* the earlier statement of the same speaker that a pronoun's
               * ("He said ...") goes on with, or -1 */
} stmt;

typedef struct {
    const nkg_extractor *x;
    const nkg_article *art;
    nkg_arena *a;
    nkg_text t;
    int *owner; /* per token: entity index, or -1 */
    ent *ents;
    size_t nents, capents;
    event *evs;
    size_t nevs, capevs;
    report *reps;
    size_t nreps;
    stmt *stmts;
    size_t nstmts, capstmts;
    char countries[64][3]; /* ISO codes mentioned, for place context */
    unsigned country_hits[64]; /* how often each was named or implied */
    size_t ncountries;
    char regions[64][24];  /* "US.TX": first-level regions mentioned */
    size_t nregions;
    int dateline;          /* entity of the dateline city ("PITTSBURGH (AP) -"), or -1 */
    size_t dateline_tok;   /* its token there */
    int doc_year;
    int year_guessed; /* doc_year is only the latest year the article writes */
    const char *doc_date;
    uint32_t date_tb, date_te; /* the date line, when the article's date came from one */
    uint8_t *site;             /* per token: part of the outlet's name in the headline */
    const char *streets[32];   /* street names (note_street) */
    size_t nstreets;
} doc;

struct nkg_extractor {
    const nkg_lexicon *lx;
    nkg_arena *arena;
    const char *base;
    int include_text;
    const nkg_table *triggers, *orgs, *org_heads, *titles, *speech, *groups, *facilities,
        *demonyms, *places, *place_stop, *name_stop, *months, *weekdays, *modified_nouns,
        *role_cues, *role_skip, *directions, *common_surnames, *place_clues, *transport_verbs, *care_nouns,
        *group_adj, *admin_nouns, *country_cues, *aggregate_cues, *suspicion_cues, *count_context,
        *abbreviations, *speech_venues, *name_particles,
        *claim_cues, *credit_cues, *generic_cues, *aside_cues;
    nkg_strmap place_index; /* phrase norms -> plist */
    nkg_strmap org_index;   /* phrase norms -> org row */
    nkg_strmap country_by_code, admin1_by_code; /* "KE", "US.KS" -> row */
    const nkg_row **big_cities; /* population >= 500k: candidates for misspellings */
    const char **big_names;     /* their names lower-cased */
    size_t nbig;
    size_t place_max_toks, org_max_toks;
    int c_pid, c_pkind, c_pcountry, c_padmin1, c_plat, c_plong, c_ppop, c_palias, c_pname;
    int c_ffirst, c_crole; /* facilities.tsv "first", count-context.tsv "role": read per token */
};

typedef struct plist {
    const nkg_row **v;
    size_t n, cap;
} plist;

#define VPUSH(arena, vec, n, cap, item)                                           \
    do {                                                                          \
        if ((n) == (cap)) {                                                       \
            size_t nc_ = (cap) ? (cap) * 2 : 8;                                   \
            void *nv_ = nkg_arena_alloc((arena), nc_ * sizeof *(vec));           \
            if (!nv_)                                                             \
                return NKG_ERR_NOMEM;                                             \
            if (n)                                                                \
                memcpy(nv_, (vec), (n) * sizeof *(vec));                          \
            (vec) = nv_;                                                          \
            (cap) = nc_;                                                          \
        }                                                                         \
        (vec)[(n)++] = (item);                                                    \
    } while (0)

static nkg_status spans_add(nkg_arena *a, spans *s, uint32_t tb, uint32_t te, const char *rule,
                            double conf)
{
    for (size_t i = 0; i < s->n; ++i)
        if (s->v[i].tb == tb && s->v[i].te == te)
            return NKG_OK;
    span sp = {tb, te, rule, conf};
    VPUSH(a, s->v, s->n, s->cap, sp);
    return NKG_OK;
}

static nkg_status ints_add(nkg_arena *a, ints *s, int v)
{
    for (size_t i = 0; i < s->n; ++i)
        if (s->v[i] == v)
            return NKG_OK;
    VPUSH(a, s->v, s->n, s->cap, v);
    return NKG_OK;
}

/* ---------------------------------------------------------- small tools */
static const char *slug(nkg_arena *a, const char *s)
{
    size_t n = strlen(s);
    char *o = nkg_arena_alloc(a, n * 3 + 1);
    if (!o)
        return NULL;
    size_t k = 0;
    int dash = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
        unsigned char c = *p;
        if (isalnum(c)) {
            if (dash && k)
                o[k++] = '-';
            dash = 0;
            o[k++] = (char)tolower(c);
        } else if (c >= 0x80) {
            /* keep non-ASCII letters percent-encoded: IRIs stay ASCII */
            if (dash && k)
                o[k++] = '-';
            dash = 0;
            k += (size_t)sprintf(o + k, "%%%02X", c);
        } else if (c != '\'' && c != 0) {
            dash = 1;
        }
    }
    o[k] = '\0';
    return k ? o : "x";
}

static int tok_flag(const doc *D, size_t i, uint32_t f)
{
    return i < D->t.ntoks && (D->t.toks[i].flags & f);
}

static int is_cap_word(const doc *D, size_t i)
{
    return tok_flag(D, i, NKG_TOK_WORD) && tok_flag(D, i, NKG_TOK_CAP | NKG_TOK_UPPER);
}

static int strncasecmp_ascii(const char *a, const char *b, size_t n)
{
    for (size_t k = 0; k < n; ++k)
        if (tolower((unsigned char)a[k]) != tolower((unsigned char)b[k]))
            return 1;
    return 0;
}

static int strcasecmp_ascii(const char *a, const char *b)
{
    for (; *a && *b; ++a, ++b)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 1;
    return *a || *b;
}

static int in_table(const nkg_table *tab, const char *norm)
{
    return tab && nkg_table_find(tab, norm) != NULL;
}

/* A word's role in count-context.tsv ("det", "neg", ...), or "". */
static const char *context_role(const doc *D, const char *norm)
{
    const nkg_row *r = nkg_table_find(D->x->count_context, norm);
    return r ? nkg_row_get(r, D->x->c_crole) : "";
}

static int free_range(const doc *D, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; ++i)
        if (D->owner[i] >= 0)
            return 0;
    return 1;
}

/* Add an entity (or a mention to an existing one with the same key). */
static nkg_status add_entity(doc *D, ent_kind kind, const char *key, const char *label,
                             uint32_t tb, uint32_t te, const char *rule, double conf, int *out)
{
    int idx = -1;
    for (size_t i = 0; i < D->nents; ++i)
        if (D->ents[i].kind == kind && strcmp(D->ents[i].key, key) == 0) {
            idx = (int)i;
            break;
        }
    if (idx < 0) {
        ent e;
        memset(&e, 0, sizeof e);
        e.kind = kind;
        e.key = key;
        e.label = label;
        e.within = -1;
        e.country = e.admin1 = ""; /* places outside the gazetteer know none */
        VPUSH(D->a, D->ents, D->nents, D->capents, e);
        idx = (int)D->nents - 1;
    }
    nkg_status st = spans_add(D->a, &D->ents[idx].m, tb, te, rule, conf);
    for (uint32_t i = tb; i < te; ++i)
        D->owner[i] = idx;
    if (out)
        *out = idx;
    return st;
}

static const char *rule_name(nkg_arena *a, const nkg_row *r, const char *table)
{
    return r ? nkg_arena_printf(a, "%s-%zu", table, r->line) : table;
}

/* ----------------------------------------------------- extractor set-up */
/* Keys of an index that start with this byte mark the first words of its
 * phrases; no phrase key starts with it (keys are token norms). */
#define FIRST_MARK '\x01'

static nkg_status index_phrase(nkg_extractor *x, nkg_strmap *m, const char *phrase,
                               const nkg_row *row, size_t *max_toks, int multi)
{
    nkg_text tx;
    nkg_status st = nkg_text_analyze(x->arena, phrase, strlen(phrase), NULL, &tx);
    if (st != NKG_OK || tx.ntoks == 0)
        return st;
    if (tx.ntoks > *max_toks)
        *max_toks = tx.ntoks;
    const char *key = nkg_text_join_dup(x->arena, &tx, 0, tx.ntoks);
    /* the first word's marker: match_index tries no longer phrase at a
     * token that starts none */
    const char *first = nkg_arena_printf(x->arena, "%c%s", FIRST_MARK, tx.toks[0].norm);
    if (!key || !first || nkg_strmap_put(m, first, (void *)first))
        return NKG_ERR_NOMEM;
    void **slot = nkg_strmap_slot(m, key);
    if (!slot)
        return NKG_ERR_NOMEM;
    if (!multi) {
        if (!*slot)
            *slot = (void *)row;
        return NKG_OK;
    }
    plist *l = *slot;
    if (!l) {
        l = nkg_arena_alloc(x->arena, sizeof *l);
        if (!l)
            return NKG_ERR_NOMEM;
        *slot = l;
    }
    for (size_t i = 0; i < l->n; ++i)
        if (l->v[i] == row)
            return NKG_OK;
    VPUSH(x->arena, l->v, l->n, l->cap, row);
    return NKG_OK;
}

/* Index column `name` and every '|'-separated alias of a table. */
static nkg_status index_table(nkg_extractor *x, const nkg_table *tab, int alias_col,
                              nkg_strmap *m, size_t *max_toks, int multi)
{
    for (size_t i = 0; i < nkg_table_rows(tab); ++i) {
        const nkg_row *r = nkg_table_row(tab, i);
        nkg_status st = index_phrase(x, m, r->cols[x->places == tab && x->c_pname >= 0
                                                        ? (size_t)x->c_pname : 0],
                                     r, max_toks, multi);
        const char *al = nkg_row_get(r, alias_col);
        while (st == NKG_OK && *al) {
            const char *bar = strchr(al, '|');
            size_t l = bar ? (size_t)(bar - al) : strlen(al);
            if (l) {
                char *one = nkg_arena_strndup(x->arena, al, l);
                st = one ? index_phrase(x, m, one, r, max_toks, multi) : NKG_ERR_NOMEM;
            }
            al = bar ? bar + 1 : al + l;
        }
        if (st != NKG_OK)
            return st;
    }
    return NKG_OK;
}

nkg_status nkg_extractor_new(nkg_extractor **out, const nkg_lexicon *lx,
                             const nkg_extract_options *opt, nkg_diag *d)
{
    *out = NULL;
    nkg_extractor *x = calloc(1, sizeof *x);
    if (!x || !(x->arena = nkg_arena_new())) {
        free(x);
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    }
    x->lx = lx;
    x->base = nkg_arena_strdup(x->arena, opt && opt->base ? opt->base : NKG_DEFAULT_BASE);
    x->include_text = opt ? opt->include_text : 0;
    static const struct { const char *name; size_t off; } need[] = {
        {"triggers", offsetof(nkg_extractor, triggers)},
        {"organizations", offsetof(nkg_extractor, orgs)},
        {"org-heads", offsetof(nkg_extractor, org_heads)},
        {"titles", offsetof(nkg_extractor, titles)},
        {"speech-verbs", offsetof(nkg_extractor, speech)},
        {"groups", offsetof(nkg_extractor, groups)},
        {"facilities", offsetof(nkg_extractor, facilities)},
        {"demonyms", offsetof(nkg_extractor, demonyms)},
        {"places", offsetof(nkg_extractor, places)},
        {"place-stopwords", offsetof(nkg_extractor, place_stop)},
        {"name-stopwords", offsetof(nkg_extractor, name_stop)},
        {"months", offsetof(nkg_extractor, months)},
        {"weekdays", offsetof(nkg_extractor, weekdays)},
        {"modified-nouns", offsetof(nkg_extractor, modified_nouns)},
        {"role-cues", offsetof(nkg_extractor, role_cues)},
        {"role-skip", offsetof(nkg_extractor, role_skip)},
        {"directions", offsetof(nkg_extractor, directions)},
        {"common-surnames", offsetof(nkg_extractor, common_surnames)},
        {"place-clues", offsetof(nkg_extractor, place_clues)},
        {"transport-verbs", offsetof(nkg_extractor, transport_verbs)},
        {"care-nouns", offsetof(nkg_extractor, care_nouns)},
        {"group-adjectives", offsetof(nkg_extractor, group_adj)},
        {"admin-nouns", offsetof(nkg_extractor, admin_nouns)},
        {"country-cues", offsetof(nkg_extractor, country_cues)},
        {"aggregate-cues", offsetof(nkg_extractor, aggregate_cues)},
        {"suspicion-cues", offsetof(nkg_extractor, suspicion_cues)},
        {"count-context", offsetof(nkg_extractor, count_context)},
        {"abbreviations", offsetof(nkg_extractor, abbreviations)},
        {"speech-venues", offsetof(nkg_extractor, speech_venues)},
        {"name-particles", offsetof(nkg_extractor, name_particles)},
        {"claim-cues", offsetof(nkg_extractor, claim_cues)},
        {"credit-cues", offsetof(nkg_extractor, credit_cues)},
        {"generic-cues", offsetof(nkg_extractor, generic_cues)},
        {"aside-cues", offsetof(nkg_extractor, aside_cues)},
    };
    for (size_t i = 0; i < sizeof need / sizeof need[0]; ++i) {
        const nkg_table *t = nkg_lexicon_table(lx, need[i].name);
        if (!t) {
            nkg_diag_set(d, NKG_ERR_INPUT, "%s/%s.tsv: missing mappings table", lx->dir,
                         need[i].name);
            nkg_extractor_free(x);
            return NKG_ERR_INPUT;
        }
        *(const nkg_table **)((char *)x + need[i].off) = t;
    }
    x->c_pname = nkg_table_col(x->places, "name");
    x->c_pid = nkg_table_col(x->places, "geonames_id");
    x->c_pkind = nkg_table_col(x->places, "kind");
    x->c_pcountry = nkg_table_col(x->places, "country");
    x->c_padmin1 = nkg_table_col(x->places, "admin1");
    x->c_plat = nkg_table_col(x->places, "lat");
    x->c_plong = nkg_table_col(x->places, "long");
    x->c_ppop = nkg_table_col(x->places, "population");
    x->c_palias = nkg_table_col(x->places, "aliases");
    x->c_ffirst = nkg_table_col(x->facilities, "first");
    x->c_crole = nkg_table_col(x->count_context, "role");
    nkg_status st = index_table(x, x->places, x->c_palias, &x->place_index, &x->place_max_toks, 1);
    if (st == NKG_OK)
        st = index_table(x, x->orgs, nkg_table_col(x->orgs, "aliases"), &x->org_index,
                         &x->org_max_toks, 0);
    for (size_t i = 0; st == NKG_OK && i < nkg_table_rows(x->places); ++i) {
        const nkg_row *r = nkg_table_row(x->places, i);
        const char *kind = nkg_row_get(r, x->c_pkind), *cc = nkg_row_get(r, x->c_pcountry);
        if (strcmp(kind, "country") == 0 && !nkg_strmap_get(&x->country_by_code, cc))
            st = nkg_strmap_put(&x->country_by_code, cc, (void *)r) ? NKG_ERR_NOMEM : NKG_OK;
        else if (strcmp(kind, "admin1") == 0) {
            const char *k = nkg_arena_printf(x->arena, "%s.%s", cc, nkg_row_get(r, x->c_padmin1));
            if (!k)
                st = NKG_ERR_NOMEM;
            else if (!nkg_strmap_get(&x->admin1_by_code, k))
                st = nkg_strmap_put(&x->admin1_by_code, k, (void *)r) ? NKG_ERR_NOMEM : NKG_OK;
        }
    }
    size_t nrows = nkg_table_rows(x->places);
    x->big_cities = nkg_arena_alloc(x->arena, (nrows + 1) * sizeof *x->big_cities);
    x->big_names = nkg_arena_alloc(x->arena, (nrows + 1) * sizeof *x->big_names);
    if (!x->big_cities || !x->big_names)
        st = NKG_ERR_NOMEM;
    for (size_t i = 0; st == NKG_OK && i < nrows; ++i) {
        const nkg_row *r = nkg_table_row(x->places, i);
        if (atof(nkg_row_get(r, x->c_ppop)) < 500000 ||
            strcmp(nkg_row_get(r, x->c_pkind), "city") != 0)
            continue;
        char *low = nkg_arena_strdup(x->arena, nkg_row_get(r, x->c_pname));
        if (!low) {
            st = NKG_ERR_NOMEM;
            break;
        }
        for (char *c = low; *c; ++c)
            *c = (char)tolower((unsigned char)*c);
        x->big_cities[x->nbig] = r;
        x->big_names[x->nbig++] = low;
    }
    if (st != NKG_OK) {
        nkg_extractor_free(x);
        return nkg_diag_set(d, st, "cannot index the mappings");
    }
    *out = x;
    return NKG_OK;
}

void nkg_extractor_free(nkg_extractor *x)
{
    if (!x)
        return;
    nkg_strmap_free(&x->place_index);
    nkg_strmap_free(&x->org_index);
    nkg_strmap_free(&x->country_by_code);
    nkg_strmap_free(&x->admin1_by_code);
    nkg_arena_free(x->arena);
    free(x);
}

/* ------------------------------------------------------- organisations */
/* Length of a possessive ending ("'s", "'") of a token's norm, or 0. */
static size_t possessive_len(const char *norm)
{
    size_t l = strlen(norm);
    if (l > 3 && norm[l - 2] == '\'' && norm[l - 1] == 's')
        return 2;
    return 0;
}

/* Longest gazetteer phrase at token i in map m, up to maxn tokens. */
static void *match_index(doc *D, const nkg_strmap *m, size_t maxn, size_t i, size_t *len)
{
    *len = 0;
    if (i >= D->t.ntoks)
        return NULL;
    char fk[128];
    const char *norm = D->t.toks[i].norm;
    size_t nl = strlen(norm);
    if (norm[0] == FIRST_MARK)
        return NULL; /* a control character of the text is no phrase, nor a marker */
    if (nl + 2 <= sizeof fk) {
        fk[0] = FIRST_MARK;
        memcpy(fk + 1, norm, nl + 1);
        if (!nkg_strmap_get(m, fk)) {
            if (!possessive_len(norm))
                return NULL; /* no phrase starts with this word */
            fk[nl - 1] = '\0'; /* "Bihar's" may start "Bihar" */
            if (!nkg_strmap_get(m, fk))
                return NULL;
        }
    }
    for (size_t n = maxn; n >= 1; --n) {
        if (i + n > D->t.ntoks)
            continue;
        int crosses = 0;
        for (size_t k = i + 1; k < i + n; ++k)
            crosses |= tok_flag(D, k, NKG_TOK_NL) || D->t.toks[k].sent != D->t.toks[i].sent;
        if (crosses)
            continue;
        char key[512]; /* a stack key: this runs for every capitalised token */
        size_t kl = nkg_text_join(&D->t, i, i + n, key, sizeof key);
        void *v = kl != (size_t)-1 ? nkg_strmap_get(m, key) : NULL;
        if (!v && kl != (size_t)-1 && possessive_len(key)) {
            key[kl - 2] = '\0'; /* "Bihar's Vaishali district": Bihar */
            v = nkg_strmap_get(m, key);
        }
        if (v) {
            *len = n;
            return v;
        }
    }
    return NULL;
}

static int any_cap(const doc *D, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; ++i)
        if (tok_flag(D, i, NKG_TOK_CAP | NKG_TOK_UPPER) ||
            (tok_flag(D, i, NKG_TOK_ABBR) && isupper((unsigned char)D->t.s[D->t.toks[i].b])))
            return 1; /* "U.N." */
    return 0;
}

static const nkg_row *demonym_at(const doc *D, size_t i)
{
    return is_cap_word(D, i) ? nkg_table_find(D->x->demonyms, D->t.toks[i].norm) : NULL;
}

/* Is w[0..len) one of the '|'-separated items of list (a table cell)? */
static int in_bar_list(const char *list, const char *w, size_t len)
{
    for (const char *p = list; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t l = bar ? (size_t)(bar - p) : strlen(p);
        if (l == len && strncmp(p, w, l) == 0)
            return 1;
        p += l + (bar != NULL);
    }
    return 0;
}

/* A one-word name of five letters or fewer matches only as written, in
 * its own case ("LeT", "BLA", "NPA"), or in capitals. */
static int short_form_matches(const doc *D, const nkg_row *r, size_t i)
{
    const nkg_tok *t = &D->t.toks[i];
    size_t len = t->e - t->b - possessive_len(t->norm); /* "NPA's" is NPA */
    const char *w = D->t.s + t->b;
    int caps = 1;
    for (size_t k = 0; k < len && caps; ++k)
        caps = !islower((unsigned char)w[k]);
    if (len > 5 || caps)
        return 1;
    if (strlen(r->cols[0]) == len && strncmp(r->cols[0], w, len) == 0)
        return 1;
    return in_bar_list(nkg_row_get(r, nkg_table_col(D->x->orgs, "aliases")), w, len);
}

/* May token k stand inside a group's name: a capitalised word, a hyphen
 * glued to its neighbours, a short lower-case particle glued to a hyphen
 * ("al-Shabab", "Tehreek-i-Jihad")? */
static int group_name_token(const doc *D, size_t k)
{
    if (D->owner[k] >= 0)
        return 0;
    if (is_cap_word(D, k))
        return 1;
    const nkg_tok *t = &D->t.toks[k];
    int glued_next = k + 1 < D->t.ntoks && !tok_flag(D, k + 1, NKG_TOK_SPACE);
    if (nkg_tok_is(&D->t, k, "-"))
        return !tok_flag(D, k, NKG_TOK_SPACE) || glued_next;
    return tok_flag(D, k, NKG_TOK_WORD) && t->ce - t->cb <= 3 && glued_next && nkg_tok_is(&D->t, k + 1, "-");
}

/* A group the article says claimed an attack (claim-cues.tsv) is an armed
 * group, named or not in organizations.tsv: "Tehreek-i-Jihad Balochistan
 * claimed responsibility". */
static nkg_status claimed_groups(doc *D)
{
    const nkg_table *cues = D->x->claim_cues;
    int c_pos = nkg_table_col(cues, "position");
    for (size_t i = 1; i < D->t.ntoks; ++i) {
        const nkg_row *rows[2];
        size_t len;
        if (!nkg_table_match(cues, &D->t, i, rows, 2, &len))
            continue;
        uint32_t s = D->t.toks[i].sent;
        size_t b, e;
        if (strcmp(nkg_row_get(rows[0], c_pos), "after") == 0) {
            for (e = i, b = i; b > D->t.sents[s].tb && i - b < 8 && group_name_token(D, b - 1);)
                b--;
        } else {
            b = i + len;
            if (nkg_tok_is(&D->t, b, "the"))
                b++;
            for (e = b; e < D->t.sents[s].te && e - b < 8 && group_name_token(D, e);)
                e++;
        }
        while (b < e && !is_cap_word(D, b) && !group_name_token(D, b))
            b++;
        while (e > b && nkg_tok_is(&D->t, e - 1, "-"))
            e--;
        if (e <= b || nkg_tok_is(&D->t, b, "-") || (b == D->t.sents[s].tb && e - b == 1 && nkg_tok_is(&D->t, b, "it")))
            continue;
        if (nkg_tok_is(&D->t, b, "the") && b + 1 < e)
            b++; /* a sentence-initial "The Eastern Front claimed" */
        int caps = 0;
        for (size_t k = b; k < e; ++k)
            caps += is_cap_word(D, k) && !in_table(D->x->name_stop, D->t.toks[k].norm);
        if (!caps)
            continue;
        const char *label = nkg_text_slice(D->a, &D->t, b, e);
        int o;
        nkg_status st = add_entity(D, ENT_ORG, slug(D->a, label), label, (uint32_t)b, (uint32_t)e, "claim-cues",
                                   0.7, &o);
        if (st != NKG_OK)
            return st;
        D->ents[o].otype = "armed_group";
        i += len - 1;
    }
    return NKG_OK;
}

/* An acronym in brackets after an organisation names it ("the Disaster
 * and Emergency Management Authority (AFAD)"), also where it stands alone
 * later ("AFAD said"); after an office named in lower case ("the
 * anti-terrorism prosecutor's office (PNAT)") it is the organisation's
 * name. Two to six capitals. */
static nkg_status acronyms(doc *D)
{
    for (size_t i = 1; i + 2 < D->t.ntoks; ++i) {
        const nkg_tok *a = &D->t.toks[i + 1];
        size_t len = a->ce - a->cb;
        if (!nkg_tok_is(&D->t, i, "(") || !nkg_tok_is(&D->t, i + 2, ")") || D->owner[i + 1] >= 0 ||
            !(a->flags & NKG_TOK_UPPER) || !(a->flags & NKG_TOK_WORD) || len < 2 || len > 6)
            continue;
        int org = D->owner[i - 1] >= 0 && D->ents[D->owner[i - 1]].kind == ENT_ORG ? D->owner[i - 1] : -1;
        const char *acr = nkg_text_slice(D->a, &D->t, i + 1, i + 2);
        if (!acr)
            return NKG_ERR_NOMEM;
        const char *key = org >= 0 ? D->ents[org].key : slug(D->a, acr);
        const char *label = org >= 0 ? D->ents[org].label : acr;
        const char *otype = org >= 0 ? D->ents[org].otype : NULL;
        if (org < 0) {
            const nkg_row *rows[4];
            size_t hl;
            if (!nkg_table_match(D->x->org_heads, &D->t, i - 1, rows, 4, &hl) || hl != 1)
                continue; /* "(AP)", "(CNN)" after a dateline: the outlet, found elsewhere */
            otype = nkg_row_get(rows[0], nkg_table_col(D->x->org_heads, "type"));
        }
        /* every unclaimed use of the acronym, as written */
        for (size_t k = i + 1; k < D->t.ntoks; ++k) {
            const nkg_tok *t = &D->t.toks[k];
            if (D->owner[k] >= 0 || t->e - t->b != a->e - a->b || memcmp(D->t.s + t->b, D->t.s + a->b, t->e - t->b) != 0)
                continue;
            int o;
            nkg_status st = add_entity(D, ENT_ORG, key, label, (uint32_t)k, (uint32_t)k + 1, "acronym", 0.7, &o);
            if (st != NKG_OK)
                return st;
            D->ents[o].otype = otype;
        }
    }
    return NKG_OK;
}

/* An ordinal written in figures: "6th", "101st", "3rd". */
static int ordinal_at(const doc *D, size_t i)
{
    const char *w = D->t.toks[i].norm;
    size_t d = strspn(w, "0123456789");
    return d > 0 && (strcmp(w + d, "st") == 0 || strcmp(w + d, "nd") == 0 || strcmp(w + d, "rd") == 0 ||
                     strcmp(w + d, "th") == 0);
}

static nkg_status find_orgs(doc *D)
{
    const nkg_extractor *x = D->x;
    int c_type = nkg_table_col(x->orgs, "type"), c_key = nkg_table_col(x->orgs, "key");
    for (size_t i = 0; i < D->t.ntoks; ++i) {
        if (D->owner[i] >= 0)
            continue;
        size_t n;
        const nkg_row *r = match_index(D, &x->org_index, x->org_max_toks, i, &n);
        if (!r || !any_cap(D, i, i + n) || !free_range(D, i, i + n))
            continue;
        if (n == 1 && !short_form_matches(D, r, i))
            continue; /* "Let" opening a sentence is no "LeT" */
        /* "Kenyan Red Cross": a national branch is its own organisation. */
        size_t b = i;
        const char *canon = r->cols[0];
        const char *key = *nkg_row_get(r, c_key) ? nkg_row_get(r, c_key) : canon;
        if (i > 0 && D->owner[i - 1] < 0 && demonym_at(D, i - 1) &&
            strcmp(nkg_row_get(r, c_type), "branch") == 0) {
            b = i - 1;
            canon = nkg_arena_printf(D->a, "%s %s", nkg_text_slice(D->a, &D->t, b, b + 1), canon);
            key = canon;
        }
        int e;
        nkg_status st = add_entity(D, ENT_ORG, slug(D->a, key), canon, (uint32_t)b,
                                   (uint32_t)(i + n), rule_name(D->a, r, "organizations"), 0.9, &e);
        if (st != NKG_OK)
            return st;
        D->ents[e].otype = nkg_row_get(r, c_type);
        i += n - 1;
    }
    /* Head-noun rule: a capitalised run ending in an organisation head
     * ("Chinese Embassy", "Chicago Police Department", "Leaders Network"),
     * or opening with one before "of" or "for" ("Ministry of Home Affairs",
     * "Department of the Interior and Local Government"). */
    int c_htype = nkg_table_col(x->org_heads, "type");
    for (size_t i = 0; i < D->t.ntoks; ++i) {
        if (D->owner[i] >= 0 || !is_cap_word(D, i))
            continue;
        size_t j = i;
        while (j < D->t.ntoks && D->owner[j] < 0 && D->t.toks[j].sent == D->t.toks[i].sent &&
               (is_cap_word(D, j) ||
                ((nkg_tok_is(&D->t, j, "of") || nkg_tok_is(&D->t, j, "for") ||
                  /* "Disaster and Emergency Management Authority", but two
                   * organisations in "Sheriff's Office and Ambulance Services" */
                  (j > i && nkg_tok_is(&D->t, j, "and") && !in_table(x->org_heads, D->t.toks[j - 1].norm))) &&
                 is_cap_word(D, j + 1) && D->owner[j + 1] < 0)))
            j++;
        size_t b = i;
        if (nkg_tok_is(&D->t, b, "the") || nkg_tok_is(&D->t, b, "a") || nkg_tok_is(&D->t, b, "an"))
            b++;
        size_t hb = j;
        const nkg_row *hr = NULL, *rows[4];
        size_t len;
        if (b < j && nkg_table_match(x->org_heads, &D->t, b, rows, 4, &len) &&
            (nkg_tok_is(&D->t, b + len, "of") || nkg_tok_is(&D->t, b + len, "for"))) {
            /* a head opening the name, right before its "of" or "for"; the
             * rest of the name may take "the" and join parts with "and" */
            size_t k = b + len;
            j = k;
            while (k < D->t.ntoks && D->owner[k] < 0 && D->t.toks[k].sent == D->t.toks[b].sent) {
                const nkg_row *trow[4];
                size_t tl;
                if (nkg_table_match(x->titles, &D->t, k, trow, 4, &tl) && is_cap_word(D, k + tl))
                    break; /* "Ministry of Interior Spokesman Sediq Sediqqi" */
                if (is_cap_word(D, k)) {
                    j = ++k;
                    continue;
                }
                int prep = nkg_tok_is(&D->t, k, "of") || nkg_tok_is(&D->t, k, "for");
                if (!prep && !(j > b + len && nkg_tok_is(&D->t, k, "and")))
                    break;
                k += 1 + (prep && k + 1 < D->t.ntoks && nkg_tok_is(&D->t, k + 1, "the"));
                if (k >= D->t.ntoks || !is_cap_word(D, k))
                    break;
            }
            if (j > b + len) {
                hr = rows[0];
                hb = j;
            }
        }
        /* the longest head ending the run */
        for (size_t k = i + 1; k < j && !hr; ++k)
            if (nkg_table_match(x->org_heads, &D->t, k, rows, 4, &len) && k + len == j) {
                hb = k;
                hr = rows[0];
            }
        /* or a head before the run's "of"/"for": "Civil Aviation Authority
         * of Nepal" */
        for (size_t k = b + 1; k < j && !hr; ++k)
            if (nkg_table_match(x->org_heads, &D->t, k, rows, 4, &len) && k + len < j &&
                (nkg_tok_is(&D->t, k + len, "of") || nkg_tok_is(&D->t, k + len, "for"))) {
                hb = j;
                hr = rows[0];
            }
        if (!hr) {
            i = j > i ? j - 1 : i;
            continue;
        }
        if (b >= hb) {
            i = j - 1;
            continue;
        }
        if (b > 0 && ordinal_at(D, b - 1))
            b--; /* "6th Infantry Division" */
        const char *label = nkg_text_slice(D->a, &D->t, b, j);
        int e;
        nkg_status st = add_entity(D, ENT_ORG, slug(D->a, label), label, (uint32_t)b, (uint32_t)j,
                                   rule_name(D->a, hr, "org-heads"), 0.7, &e);
        if (st != NKG_OK)
            return st;
        D->ents[e].otype = nkg_row_get(hr, c_htype);
        i = j - 1;
    }
    nkg_status cst = claimed_groups(D);
    if (cst == NKG_OK)
        cst = acronyms(D);
    if (cst != NKG_OK)
        return cst;
    /* "the Observatory said": the one organisation named before with that
     * head word in its name, past its first word ("the Syrian Observatory
     * for Human Rights") */
    for (size_t i = 1; i < D->t.ntoks; ++i) {
        if (D->owner[i] >= 0 || !nkg_tok_is(&D->t, i - 1, "the") || !is_cap_word(D, i) ||
            (i + 1 < D->t.ntoks && is_cap_word(D, i + 1)) || !in_table(x->org_heads, D->t.toks[i].norm))
            continue;
        int found = -1, many = 0;
        for (size_t k = 0; k < D->nents; ++k) {
            const ent *o = &D->ents[k];
            if (o->kind != ENT_ORG || !o->m.n || o->m.v[0].tb >= i || !o->label)
                continue;
            /* a word of its name, past its first: "Syrian Observatory for Human Rights" */
            int has = 0;
            for (const char *w = strchr(o->label, ' '); w && !has; w = strchr(w + 1, ' ')) {
                size_t wl = strcspn(w + 1, " ");
                has = wl == strlen(D->t.toks[i].norm) && strncasecmp_ascii(w + 1, D->t.toks[i].norm, wl) == 0;
            }
            if (!has)
                continue;
            if (found >= 0 && strcmp(D->ents[found].key, o->key) != 0)
                many = 1;
            found = (int)k;
        }
        if (found >= 0 && !many) {
            nkg_status st = add_entity(D, ENT_ORG, D->ents[found].key, D->ents[found].label, (uint32_t)i,
                                       (uint32_t)i + 1, "org-head-reference", 0.6, NULL);
            if (st != NKG_OK)
                return st;
        }
    }
    return NKG_OK;
}

/* -------------------------------------------------------------- people */
static int name_token(const doc *D, size_t i)
{
    if (!is_cap_word(D, i) || D->owner[i] >= 0 || tok_flag(D, i, NKG_TOK_UPPER))
        return 0;
    const char *n = D->t.toks[i].norm;
    const nkg_extractor *x = D->x;
    if (in_table(x->name_stop, n) || in_table(x->months, n) || in_table(x->weekdays, n) ||
        in_table(x->demonyms, n) || in_table(x->titles, n))
        return 0;
    /* a noun that opens a street's or facility's name: "Rue Servient",
     * "Hotel Dunes" */
    return !*nkg_row_get(nkg_table_find(x->facilities, n), x->c_ffirst);
}

/* Does token i continue a hyphenated word ("Jihad" in "Tehreek-i-Jihad")?
 * No name begins there. */
static int after_hyphen(const doc *D, size_t i)
{
    return i >= 2 && i < D->t.ntoks && nkg_tok_is(&D->t, i - 1, "-") && !tok_flag(D, i, NKG_TOK_SPACE) &&
           !tok_flag(D, i - 1, NKG_TOK_SPACE) && tok_flag(D, i - 2, NKG_TOK_WORD);
}

/* A name starting at i: 1-4 capitalised tokens, initials ("J.") allowed
 * inside. Returns its end, or i when there is none. */
static size_t name_run(const doc *D, size_t i, size_t maxn)
{
    if (after_hyphen(D, i))
        return i;
    size_t j = i, words = 0;
    while (j < D->t.ntoks && words < maxn && D->t.toks[j].sent == D->t.toks[i].sent) {
        if (name_token(D, j) && (j == i || !tok_flag(D, j, NKG_TOK_NL))) {
            words++;
            j++;
            if (possessive_len(D->t.toks[j - 1].norm))
                break; /* a possessive ends a name: "Syria's Idlib" is no one */
            if (D->t.toks[j - 1].ce - D->t.toks[j - 1].cb == 1 && nkg_tok_is(&D->t, j, ".") &&
                name_token(D, j + 1))
                j++; /* middle initial */
            else if (nkg_tok_is(&D->t, j, "-") && !tok_flag(D, j, NKG_TOK_SPACE) &&
                     name_token(D, j + 1) && !tok_flag(D, j + 1, NKG_TOK_SPACE) &&
                     D->t.toks[j + 1].sent == D->t.toks[i].sent)
                j += 2; /* a double-barrelled surname: "Dillon-White" */
            else {
                /* particles: "Lula da Silva", "von der Leyen" */
                size_t k = j;
                while (k < D->t.ntoks && k < j + 2 && !is_cap_word(D, k) &&
                       in_table(D->x->name_particles, D->t.toks[k].norm))
                    k++;
                if (k > j && name_token(D, k) && D->t.toks[k].sent == D->t.toks[i].sent)
                    j = k;
            }
        } else {
            break;
        }
    }
    return j;
}

static nkg_status add_person(doc *D, size_t b, size_t e, const char *rule, double conf, int *out)
{
    /* the key is the full name: "Uhuru Kenyatta" -> uhuru-kenyatta; a
     * possessive is no part of it ("Viola Warren's" -> Viola Warren) */
    char *label = nkg_text_slice(D->a, &D->t, b, e);
    if (!label)
        return NKG_ERR_NOMEM;
    size_t pos = possessive_len(D->t.toks[e - 1].norm);
    if (pos) {
        size_t l = strlen(label);
        /* the original apostrophe may be a multi-byte quote */
        size_t cut = l >= 4 && (unsigned char)label[l - 4] == 0xE2 ? 4 : 2;
        if (l > cut)
            label[l - cut] = '\0';
    }
    const char *surname = D->t.toks[e - 1].norm;
    if (pos && !(surname = nkg_arena_strndup(D->a, surname, strlen(surname) - pos)))
        return NKG_ERR_NOMEM;
    /* surname coreference: a single token equal to a known surname */
    if (e - b == 1) {
        for (size_t k = 0; k < D->nents; ++k)
            if (D->ents[k].kind == ENT_PERSON && D->ents[k].surname && surname &&
                strcmp(D->ents[k].surname, surname) == 0)
                return add_entity(D, ENT_PERSON, D->ents[k].key, D->ents[k].label, (uint32_t)b,
                                  (uint32_t)e, rule, conf, out);
    }
    int idx;
    nkg_status st = add_entity(D, ENT_PERSON, slug(D->a, label), label, (uint32_t)b, (uint32_t)e,
                               rule, conf, &idx);
    if (st == NKG_OK) {
        D->ents[idx].surname = surname;
        if (e - b >= 2 && !D->ents[idx].first && tok_flag(D, b, NKG_TOK_WORD))
            D->ents[idx].first = D->t.toks[b].norm;
        if (out)
            *out = idx;
    }
    return st;
}

static int is_speech(const doc *D, size_t i)
{
    return i < D->t.ntoks && in_table(D->x->speech, D->t.toks[i].norm);
}

/* Title Case lines (headlines) capitalise every word: names there are
 * found only through the stronger cues. */
static int title_case_sentence(const doc *D, size_t s)
{
    /* a sentence of running text ends with its full stop; a headline does
     * not: "Nicholas Prato, Kyle Zientek and Nicholas Piring are
     * hospitalized." is mostly capitals, and no headline */
    if (s > 0 && D->t.sents[s].te > D->t.sents[s].tb && nkg_tok_is(&D->t, D->t.sents[s].te - 1, "."))
        return 0;
    size_t words = 0, caps = 0;
    for (size_t i = D->t.sents[s].tb; i < D->t.sents[s].te; ++i)
        if (tok_flag(D, i, NKG_TOK_WORD) && D->t.toks[i].ce - D->t.toks[i].cb > 3) {
            words++;
            caps += tok_flag(D, i, NKG_TOK_CAP) != 0;
        }
    return words >= 3 && caps * 10 >= words * 7;
}

/* Is w a facility noun that ends names ("Westgate mall", "Kenneth
 * Drive"), not one that opens them ("Rue", "Via")? */
static int facility_end(const doc *D, const char *w)
{
    const nkg_row *f = nkg_table_find(D->x->facilities, w);
    return f && strcmp(nkg_row_get(f, D->x->c_ffirst), "yes") != 0;
}

/* The capitalised run ending before token e names a thing, not a person:
 * it ends in a facility, street or organisation word ("Kenneth Drive",
 * "Bastrop Apartments", "Crime Laboratory"), or it modifies a noun after it
 * ("Westgate mall", "the Glen Flora man", "a Rusk County home"). */
static int names_a_thing(const doc *D, size_t e)
{
    const nkg_extractor *x = D->x;
    const char *last = D->t.toks[e - 1].norm;
    if (facility_end(D, last) || in_table(x->org_heads, last) || in_table(x->admin_nouns, last))
        return 1; /* ... "Bangsamoro Autonomous Region" */
    return e < D->t.ntoks && D->t.toks[e].sent == D->t.toks[e - 1].sent &&
           (facility_end(D, D->t.toks[e].norm) || in_table(x->modified_nouns, D->t.toks[e].norm));
}

static int place_clue(const doc *D, size_t i);

static nkg_status find_people(doc *D)
{
    nkg_status st = NKG_OK;
    /* 0. a byline: "By Karen Delgado, Chieftain staff writer" */
    for (size_t i = 0; i + 2 < D->t.ntoks && st == NKG_OK; ++i) {
        if (!(i == 0 || tok_flag(D, i, NKG_TOK_NL)) || strcmp(D->t.toks[i].norm, "by") != 0 || !is_cap_word(D, i))
            continue;
        size_t e = name_run(D, i + 1, 3);
        if (e >= i + 3 && (e >= D->t.ntoks || tok_flag(D, e, NKG_TOK_NL | NKG_TOK_PUNCT)))
            st = add_person(D, i + 1, e, "byline", 0.8, NULL);
    }
    /* credits: "(Photo by Jerome Dalisay)", "Reporting by A and B" */
    for (size_t i = 1; i + 2 < D->t.ntoks && st == NKG_OK; ++i) {
        if (!nkg_tok_is(&D->t, i, "by") || !in_table(D->x->credit_cues, D->t.toks[i - 1].norm))
            continue;
        for (size_t b = i + 1, n = 0; n < 3 && st == NKG_OK; ++n) {
            size_t e = name_run(D, b, 3);
            if (e < b + 2)
                break;
            st = add_person(D, b, e, "credit", 0.8, NULL);
            if (!(nkg_tok_is(&D->t, e, "and") || nkg_tok_is(&D->t, e, ",")))
                break;
            b = e + 1;
        }
    }
    /* 1. after a title: "Prime Minister Raila Odinga", "Col. Cyrus Oguna" */
    for (size_t i = 0; i < D->t.ntoks && st == NKG_OK; ++i) {
        const nkg_row *rows[4];
        size_t len;
        if (!nkg_table_match(D->x->titles, &D->t, i, rows, 4, &len))
            continue;
        size_t j = i + len;
        if (nkg_tok_is(&D->t, j, "."))
            j++;
        /* stacked titles: "military spokesman Colonel Cyrus Oguna" */
        while (nkg_table_match(D->x->titles, &D->t, j, rows, 4, &len)) {
            j += len;
            if (nkg_tok_is(&D->t, j, "."))
                j++;
        }
        size_t e = name_run(D, j, 4);
        /* "General Santos City", "Prince George": a place named so */
        size_t pn;
        if (e > j && match_index(D, &D->x->place_index, D->x->place_max_toks, i, &pn) && i + pn > j) {
            i = i + pn - 1;
            continue;
        }
        /* "Queen Elizabeth Hospital", "King Fahd Medical City": a thing
         * named after someone */
        if (e > j && !title_case_sentence(D, D->t.toks[i].sent) && !names_a_thing(D, e))
            st = add_person(D, j, e, rule_name(D->a, rows[0], "titles"), 0.85, NULL);
        i = e > j ? e - 1 : i;
    }
    /* 2. around a speech verb: "said Joseph Lenku", "Paul Hirschson told" */
    for (size_t i = 0; i < D->t.ntoks && st == NKG_OK; ++i) {
        if (!is_speech(D, i))
            continue;
        size_t e = name_run(D, i + 1, 4);
        if (e >= i + 3)
            st = add_person(D, i + 1, e, "speech-name", 0.8, NULL);
        size_t b = i;
        while (b > 0 && name_token(D, b - 1) && i - b < 4)
            b--;
        if (st == NKG_OK && i - b >= 2 && !after_hyphen(D, b) && !title_case_sentence(D, D->t.toks[i].sent))
            st = add_person(D, b, i, "name-speech", 0.8, NULL);
    }
    /* 3. two to four capitalised words in running text */
    for (size_t i = 0; i < D->t.ntoks && st == NKG_OK; ++i) {
        if (!name_token(D, i) || title_case_sentence(D, D->t.toks[i].sent))
            continue;
        if (i > 0 && is_cap_word(D, i - 1) && D->t.toks[i - 1].sent == D->t.toks[i].sent)
            continue; /* inside a longer capitalised run that is something else */
        size_t e = name_run(D, i, 4);
        size_t words = 0, parts = 0; /* "Hajipur-Muzaffarpur" is two words, one part */
        for (size_t k = i; k < e; ++k) {
            if (!is_cap_word(D, k) && in_table(D->x->name_particles, D->t.toks[k].norm))
                continue; /* "Ursula von der Leyen" has three words */
            words += tok_flag(D, k, NKG_TOK_WORD) != 0;
            parts += tok_flag(D, k, NKG_TOK_WORD) && !(k > i && nkg_tok_is(&D->t, k - 1, "-"));
        }
        /* "the village of Gidan Dogo" is a place */
        int town = nkg_tok_is(&D->t, i - 1, "of") && place_clue(D, i);
        if (parts >= 2 && words <= 3 && !is_cap_word(D, e) && !names_a_thing(D, e) && !town) {
            /* a name that is also a place ("New York") is left to places */
            size_t n;
            if (!match_index(D, &D->x->place_index, D->x->place_max_toks, i, &n) || n < e - i)
                st = add_person(D, i, e, "capitalised-name", 0.6, NULL);
        }
        i = e > i ? e - 1 : i;
    }
    /* 4. a surname or a first name alone, after the full name was seen
     * ("Carney", "Amari was standing"), when it names one person only */
    for (size_t i = 0; i < D->t.ntoks && st == NKG_OK; ++i) {
        if (D->owner[i] >= 0 || !name_token(D, i) || (name_token(D, i + 1) && D->t.toks[i + 1].sent == D->t.toks[i].sent))
            continue; /* "Maldonado Monday" is Maldonado; "Maldonado Smith" someone else */
        size_t pn;
        if (place_clue(D, i) && match_index(D, &D->x->place_index, D->x->place_max_toks, i, &pn) && pn == 1)
            continue; /* "Ibrahim Lawal Gusau ... at the Government House in Gusau": the town */
        const char *n = D->t.toks[i].norm;
        size_t nl = strlen(n) - possessive_len(n);
        int found = -1;
        for (int pass = 0; pass < 2 && found < 0; ++pass) {
            int ambiguous = 0;
            for (size_t k = 0; k < D->nents; ++k) {
                const ent *p = &D->ents[k];
                const char *w = pass == 0 ? p->surname : p->first;
                if (p->kind != ENT_PERSON || !w || strlen(w) != nl || strncmp(w, n, nl) != 0 ||
                    !p->m.n || p->m.v[0].tb >= i || (found >= 0 && strcmp(D->ents[found].key, p->key) == 0))
                    continue;
                if (found >= 0)
                    ambiguous = 1;
                found = (int)k;
            }
            if (ambiguous)
                break; /* "Johnson" among Aavaire and Shawn Johnson */
        }
        for (size_t k = 0; found >= 0 && k < D->nents; ++k) /* still one person? */
            if ((int)k != found && D->ents[k].kind == ENT_PERSON && D->ents[k].m.n && D->ents[k].m.v[0].tb < i &&
                strcmp(D->ents[k].key, D->ents[found].key) != 0 &&
                ((D->ents[k].first && strlen(D->ents[k].first) == nl && strncmp(D->ents[k].first, n, nl) == 0) ||
                 (D->ents[k].surname && strlen(D->ents[k].surname) == nl && strncmp(D->ents[k].surname, n, nl) == 0)))
                found = -1;
        if (found >= 0)
            st = add_entity(D, ENT_PERSON, D->ents[found].key, D->ents[found].label, (uint32_t)i,
                            (uint32_t)i + 1, D->ents[found].surname && strncmp(D->ents[found].surname, n, nl) == 0
                            ? "surname" : "first-name", 0.7, NULL);
    }
    /* 5. one name after a speech verb, before an apposition that describes
     * a person: "said Sophie, a 34-year-old nurse", "said Ahmed, 23,"
     * (last, so that a full name seen anywhere claims it) */
    for (size_t i = 0; i + 3 < D->t.ntoks && st == NKG_OK; ++i) {
        size_t e = i + 2;
        if (!is_speech(D, i) || name_run(D, i + 1, 4) != e || !nkg_tok_is(&D->t, e, ","))
            continue;
        if (nkg_tok_is(&D->t, e + 1, "a") || nkg_tok_is(&D->t, e + 1, "an") ||
            (tok_flag(D, e + 1, NKG_TOK_NUM) && nkg_tok_is(&D->t, e + 2, ",")))
            st = add_person(D, i + 1, e, "speech-name", 0.6, NULL);
    }
    return st;
}

/* -------------------------------------------------------------- places */
static void note_country(doc *D, const char *cc)
{
    if (!cc || !*cc)
        return;
    for (size_t i = 0; i < D->ncountries; ++i)
        if (strcmp(D->countries[i], cc) == 0) {
            D->country_hits[i]++;
            return;
        }
    if (D->ncountries < sizeof D->countries / sizeof D->countries[0]) {
        D->country_hits[D->ncountries] = 1;
        snprintf(D->countries[D->ncountries++], 3, "%s", cc);
    }
}

static void note_region(doc *D, const char *cc, const char *admin1)
{
    char key[24] = {0};
    size_t lc = strlen(cc), la = strlen(admin1);
    if (!lc || !la || lc + la + 2 > sizeof key)
        return;
    memcpy(key, cc, lc);
    key[lc] = '.';
    memcpy(key + lc + 1, admin1, la);
    for (size_t i = 0; i < D->nregions; ++i)
        if (strcmp(D->regions[i], key) == 0)
            return;
    if (D->nregions < sizeof D->regions / sizeof D->regions[0])
        memcpy(D->regions[D->nregions++], key, sizeof key); /* key fits: checked above */
    note_country(D, cc); /* naming Texas names the United States */
}

static int region_noted(const doc *D, const char *cc, const char *admin1)
{
    for (size_t i = 0; i < D->nregions; ++i) {
        size_t l = strlen(cc);
        if (strncmp(D->regions[i], cc, l) == 0 && D->regions[i][l] == '.' &&
            strcmp(D->regions[i] + l + 1, admin1) == 0)
            return 1;
    }
    return 0;
}

static int country_noted(const doc *D, const char *cc)
{
    for (size_t i = 0; i < D->ncountries; ++i)
        if (strcmp(D->countries[i], cc) == 0)
            return 1;
    return 0;
}

/* How much the article is about country cc, for choosing between places
 * of one name: 3 for a country named at least half as often as the most
 * named one, 1 for one named at least a quarter as often, else 0 ("said in
 * Geneva" in a Syria story that names the U.S. once is not Geneva, Ill.). */
static double country_bonus(const doc *D, const char *cc)
{
    unsigned top = 0, hits = 0;
    for (size_t i = 0; i < D->ncountries; ++i) {
        if (D->country_hits[i] > top)
            top = D->country_hits[i];
        if (strcmp(D->countries[i], cc) == 0)
            hits = D->country_hits[i];
    }
    return hits && hits * 2 >= top ? 3.0 : hits && hits * 4 >= top ? 1.0 : 0.0;
}

/* Is token i a determiner ("that", "this", "his"; count-context.tsv)? */
static int determiner_at(const doc *D, size_t i)
{
    const char *role = context_role(D, D->t.toks[i].norm);
    return strcmp(role, "det") == 0 || strcmp(role, "det-sg") == 0;
}

/* A word right before token i that makes a name there a place
 * (place-clues.tsv), after the word its `after` column asks for. */
static int place_clue(const doc *D, size_t i)
{
    const nkg_table *t = D->x->place_clues;
    const nkg_row *r = i > 0 ? nkg_table_find(t, D->t.toks[i - 1].norm) : NULL;
    if (!r)
        return 0;
    const char *after = nkg_row_get(r, nkg_table_col(t, "after"));
    if (!after || !*after)
        return 1;
    if (i < 2)
        return 0;
    const char *w = D->t.toks[i - 2].norm;
    return in_bar_list(after, w, strlen(w));
}

/* Are tokens [b, e) inside a longer run of capitalised words of one
 * sentence, with unclaimed ones on both sides ("Datu Odin Sinsuat")? */
static int inside_cap_run(const doc *D, size_t b, size_t e)
{
    uint32_t s = D->t.toks[b].sent;
    return b > D->t.sents[s].tb && e < D->t.sents[s].te && !title_case_sentence(D, s) &&
           is_cap_word(D, b - 1) && D->owner[b - 1] == -1 && is_cap_word(D, e) && D->owner[e] == -1;
}

/* Does the place name at token i (norm `norm`, rows l) need a clue, being
 * also an ordinary word or a name (place-stopwords.tsv)? A name only
 * ambiguous between places is matched and resolved by context ("comment
 * from Moscow"); a country that is also a common word is the country when
 * capitalised inside a sentence ("brokered by Russia and Turkey"). */
static int place_word_like(const doc *D, const char *norm, const plist *l, size_t i)
{
    const nkg_row *r = nkg_table_find(D->x->place_stop, norm);
    if (!r)
        return 0;
    const char *why = nkg_row_get(r, 1);
    int word = strstr(why, "common-word") != NULL, name = strstr(why, "first-name") || strstr(why, "surname");
    if (!word && !name && !strstr(why, "short"))
        return 0;
    if (word && !name && !strstr(why, "short") && i > D->t.sents[D->t.toks[i].sent].tb &&
        !title_case_sentence(D, D->t.toks[i].sent))
        for (size_t k = 0; k < l->n; ++k)
            if (strcmp(nkg_row_get(l->v[k], D->x->c_pkind), "country") == 0)
                return 0;
    return 1;
}

/* Does an admin noun (admin-nouns.tsv) follow the name ending before token
 * `after`, right away or past a list of more names ("Katsina, Sokoto and
 * Niger states")? */
static int admin_noun_after(const doc *D, size_t after)
{
    for (size_t k = after; k < D->t.ntoks && k < after + 10; ++k) {
        if (in_table(D->x->admin_nouns, D->t.toks[k].norm))
            return 1;
        if (!(is_cap_word(D, k) || nkg_tok_is(&D->t, k, ",") || nkg_tok_is(&D->t, k, "and")) ||
            D->t.toks[k].sent != D->t.toks[after > 0 ? after - 1 : 0].sent)
            return 0;
    }
    return 0;
}

/* Choose among places sharing a name: kind, population, the countries the
 * article mentions, and a following ", State" or ", Country". */
static const nkg_row *best_place(doc *D, const plist *l, size_t at, size_t after)
{
    /* "Idlib province", "the eastern province of Bingöl" */
    int admin_named = admin_noun_after(D, after) ||
                      (at >= 2 && nkg_tok_is(&D->t, at - 1, "of") && in_table(D->x->admin_nouns, D->t.toks[at - 2].norm));
    const nkg_extractor *x = D->x;
    const nkg_row *best = NULL;
    double best_score = -1e9;
    const plist *ctx = NULL;
    size_t n = 0;
    if (nkg_tok_is(&D->t, after, ","))
        ctx = match_index(D, &x->place_index, x->place_max_toks, after + 1, &n);
    for (size_t i = 0; i < l->n; ++i) {
        const nkg_row *r = l->v[i];
        const char *kind = nkg_row_get(r, x->c_pkind), *cc = nkg_row_get(r, x->c_pcountry);
        double pop = atof(nkg_row_get(r, x->c_ppop));
        double s = log10(pop + 10.0);
        if (strcmp(kind, "country") == 0)
            s += 4;
        else if (strcmp(kind, "admin1") == 0)
            s += admin_named ? 8.5 : 2.5; /* "Idlib province" */
        else if (strcmp(kind, "region") == 0)
            s += 6; /* "the Sahel", not Burkina Faso's Sahel Region, even in a story that names Burkina Faso */
        s += country_bonus(D, cc);
        if (strcmp(kind, "city") == 0 && region_noted(D, cc, nkg_row_get(r, x->c_padmin1)))
            s += 4; /* "Eureka" in an article that names Texas */
        /* "Jonesboro, AR": US postal codes are the admin1 codes of US rows */
        if (strcmp(kind, "city") == 0 && strcmp(cc, "US") == 0 && nkg_tok_is(&D->t, after, ",") &&
            tok_flag(D, after + 1, NKG_TOK_UPPER) && D->t.toks[after + 1].ce - D->t.toks[after + 1].cb == 2 &&
            strcasecmp_ascii(D->t.toks[after + 1].norm, nkg_row_get(r, x->c_padmin1)) == 0)
            s += 10;
        for (size_t k = 0; ctx && k < ctx->n; ++k) {
            const nkg_row *c = ctx->v[k];
            const char *ck = nkg_row_get(c, x->c_pkind);
            if (strcmp(nkg_row_get(c, x->c_pcountry), cc) == 0 &&
                (strcmp(ck, "country") == 0 ||
                 (strcmp(ck, "admin1") == 0 &&
                  strcmp(nkg_row_get(c, x->c_padmin1), nkg_row_get(r, x->c_padmin1)) == 0)))
                s += 10;
        }
        if (s > best_score) {
            best_score = s;
            best = r;
        }
    }
    /* "Jonesboro, Ark.", "Jonesboro, AR": the state is named, whatever else
     * the article says */
    if (best && strcmp(nkg_row_get(best, x->c_pkind), "city") == 0 && nkg_tok_is(&D->t, after, ",") &&
        tok_flag(D, after + 1, NKG_TOK_UPPER) && D->t.toks[after + 1].ce - D->t.toks[after + 1].cb == 2 &&
        strcasecmp_ascii(D->t.toks[after + 1].norm, nkg_row_get(best, x->c_padmin1)) == 0)
        note_region(D, nkg_row_get(best, x->c_pcountry), nkg_row_get(best, x->c_padmin1));
    for (size_t k = 0; best && ctx && k < ctx->n; ++k) {
        const nkg_row *c = ctx->v[k];
        if (strcmp(nkg_row_get(c, x->c_pkind), "admin1") == 0 &&
            strcmp(nkg_row_get(c, x->c_pcountry), nkg_row_get(best, x->c_pcountry)) == 0 &&
            strcmp(nkg_row_get(c, x->c_padmin1), nkg_row_get(best, x->c_padmin1)) == 0)
            note_region(D, nkg_row_get(c, x->c_pcountry), nkg_row_get(c, x->c_padmin1));
    }
    return best;
}

static const char *place_key(nkg_arena *a, const nkg_extractor *x, const nkg_row *r)
{
    const char *id = nkg_row_get(r, x->c_pid);
    if (*id)
        return nkg_arena_printf(a, "geonames-%s", id);
    return nkg_arena_printf(a, "%s-%s", slug(a, nkg_row_get(r, x->c_pname)),
                            slug(a, nkg_row_get(r, x->c_pcountry)));
}

static nkg_status add_place_row(doc *D, const nkg_row *r, size_t b, size_t e, const char *rule,
                                double conf, int *out)
{
    const nkg_extractor *x = D->x;
    int idx;
    nkg_status st = add_entity(D, ENT_PLACE, place_key(D->a, x, r), nkg_row_get(r, x->c_pname),
                               (uint32_t)b, (uint32_t)e, rule, conf, &idx);
    if (st != NKG_OK)
        return st;
    ent *p = &D->ents[idx];
    p->prow = r;
    const char *kind = nkg_row_get(r, x->c_pkind);
    /* a curated region ("Sahel", "Anatolia") is an area, like an admin1 */
    p->pkind = strcmp(kind, "country") == 0 ? PL_COUNTRY
               : strcmp(kind, "admin1") == 0 || strcmp(kind, "region") == 0 ? PL_ADMIN1 : PL_CITY;
    p->country = nkg_row_get(r, x->c_pcountry);
    p->admin1 = nkg_row_get(r, x->c_padmin1);
    if (out)
        *out = idx;
    return NKG_OK;
}

/* Damerau-Levenshtein distance capped at 2 (only "is it <= 1" matters). */
static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40 || (la > lb ? la - lb : lb - la) > 1)
        return 2;
    int d[42][42];
    for (size_t i = 0; i <= la; ++i)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; ++j)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; ++i)
        for (size_t j = 1; j <= lb; ++j) {
            int c = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + c < v)
                v = d[i - 1][j - 1] + c;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb];
}

/* Is the place at token i where someone was taken afterwards: "was taken
 * to a hospital in Magnolia", "airlifted to Memphis" (transport-verbs.tsv),
 * "in a Fargo hospital", "at a hospital in Magnolia" (care-nouns.tsv)? */
static int destination_at(const doc *D, size_t i)
{
    uint32_t s = D->t.toks[i].sent;
    size_t e = i;
    while (e < D->t.ntoks && D->owner[e] == D->owner[i])
        e++;
    if (e < D->t.ntoks && in_table(D->x->care_nouns, D->t.toks[e].norm))
        return 1;
    if (i >= 2 && (nkg_tok_is(&D->t, i - 1, "in") || nkg_tok_is(&D->t, i - 1, "at")) &&
        in_table(D->x->care_nouns, D->t.toks[i - 2].norm))
        return 1;
    for (size_t k = i; k > D->t.sents[s].tb + 1 && k + 10 > i; --k)
        if (nkg_tok_is(&D->t, k - 1, "to") && in_table(D->x->transport_verbs, D->t.toks[k - 2].norm))
            return 1;
    return 0;
}

/* Is the place at token i where someone lives rather than where things
 * happened: "Kyle Carney, 22, of Killingly", "a man from Sun Valley"? Or
 * where the wounded were taken (destination_at)? */
static int residence_at(const doc *D, size_t i)
{
    if (destination_at(D, i))
        return 1;
    if (i < 2)
        return 0;
    if (nkg_tok_is(&D->t, i - 1, "from") || (nkg_tok_is(&D->t, i - 1, "the") && nkg_tok_is(&D->t, i - 2, "from")))
        return 1; /* "from the La Crosse area" */
    if (!nkg_tok_is(&D->t, i - 1, "of"))
        return 0;
    size_t k = i - 1;
    while (k > 0 && i - k < 6 && (nkg_tok_is(&D->t, k - 1, ",") || tok_flag(D, k - 1, NKG_TOK_NUM)))
        k--;
    return k > 0 && D->owner[k - 1] >= 0 && D->ents[D->owner[k - 1]].kind == ENT_PERSON;
}

/* Is the place at token i where something was said: "told reporters in
 * Bamako", "said in Kabul", "a news conference in Lyon" (speech-venues.tsv
 * or a speech verb, at most two words before "in")? */
static int speech_place_at(const doc *D, size_t i)
{
    if (i < 2 || !nkg_tok_is(&D->t, i - 1, "in"))
        return 0;
    uint32_t s = D->t.toks[i].sent;
    for (size_t k = i - 1; k > D->t.sents[s].tb && k + 3 > i; --k)
        if (in_table(D->x->speech_venues, D->t.toks[k - 1].norm) || is_speech(D, k - 1))
            return 1;
    return 0;
}

/* Does the place at token i modify a person noun (modified-nouns.tsv,
 * person column): "a Cañon City man opened fire in Pueblo" tells where
 * the man lives, which is often, not always, where things happened. */
static int person_modifier_at(const doc *D, size_t i)
{
    if (D->ents[D->owner[i]].pkind == PL_FACILITY)
        return 0; /* "Riverdale High students": where they were, likely */
    size_t e = i;
    while (e < D->t.ntoks && D->owner[e] == D->owner[i])
        e++;
    if (e >= D->t.ntoks || D->t.toks[e].sent != D->t.toks[i].sent)
        return 0;
    const nkg_row *r = nkg_table_find(D->x->modified_nouns, D->t.toks[e].norm);
    return r && *nkg_row_get(r, nkg_table_col(D->x->modified_nouns, "person"));
}

/* Is every mention of place p a residence ("the hunter is from La Crosse")? */
static int only_residence(const doc *D, const ent *p)
{
    for (size_t m = 0; m < p->m.n; ++m)
        if (!residence_at(D, p->m.v[m].tb))
            return 0;
    return p->m.n > 0;
}

/* A US broadcaster's call sign at token i: four capitals opening with K
 * or W ("KAIT", "WSOC"). */
static int call_sign(const doc *D, size_t i)
{
    const nkg_tok *t = &D->t.toks[i];
    return (t->flags & NKG_TOK_UPPER) && (t->flags & NKG_TOK_WORD) && t->ce - t->cb == 4 &&
           strlen(t->norm) == 4 && (t->norm[0] == 'k' || t->norm[0] == 'w');
}

/* The state a place outside the gazetteer lies in: one named right after
 * it (", Texas", ", Tex.", ", TX"), else the only US state the article
 * names, else NULL. */
static const nkg_row *state_after(doc *D, size_t e)
{
    const nkg_extractor *x = D->x;
    if (nkg_tok_is(&D->t, e, ",") && e + 1 < D->t.ntoks) {
        if (tok_flag(D, e + 1, NKG_TOK_UPPER) && D->t.toks[e + 1].ce - D->t.toks[e + 1].cb == 2) {
            char code[8];
            snprintf(code, sizeof code, "US.%c%c", toupper((unsigned char)D->t.toks[e + 1].norm[0]),
                     toupper((unsigned char)D->t.toks[e + 1].norm[1]));
            const nkg_row *r = nkg_strmap_get(&x->admin1_by_code, code);
            if (r)
                return r;
        }
        size_t n;
        const plist *l = match_index(D, &x->place_index, x->place_max_toks, e + 1, &n);
        for (size_t k = 0; l && k < l->n; ++k)
            if (strcmp(nkg_row_get(l->v[k], x->c_pkind), "admin1") == 0 &&
                strcmp(nkg_row_get(l->v[k], x->c_pcountry), "US") == 0)
                return l->v[k];
    }
    const char *only = NULL;
    for (size_t i = 0; i < D->nregions; ++i)
        if (strncmp(D->regions[i], "US.", 3) == 0) {
            if (only)
                return NULL;
            only = D->regions[i];
        }
    return only ? nkg_strmap_get(&x->admin1_by_code, only) : NULL;
}

/* A name as a label: "NAVARRO COUNTY" -> "Navarro County"; others as written. */
static char *label_case(nkg_arena *a, const char *s)
{
    char *o = nkg_arena_strdup(a, s);
    int upper = 1;
    for (const char *p = s; *p; ++p)
        if (islower((unsigned char)*p))
            upper = 0;
    for (char *p = o; o && upper && *p; ++p)
        if (p > o && isalpha((unsigned char)p[-1]))
            *p = (char)tolower((unsigned char)*p);
    return o;
}

/* "Sullivan County", "Fort Bend Co.", "Lafayette Parish": a county, in the
 * state named after it or the article's only state. Tokens [b, i] with the
 * county word at i. */
static nkg_status add_county(doc *D, size_t b, size_t i, const nkg_row *fr)
{
    const char *name = label_case(D->a, nkg_text_slice(D->a, &D->t, b, i));
    const char *noun = nkg_row_get(fr, 2); /* "County" for "Co" */
    if (!*noun)
        noun = label_case(D->a, nkg_text_slice(D->a, &D->t, i, i + 1));
    size_t e = i + 1;
    if (nkg_tok_is(&D->t, e, ".") && !tok_flag(D, e, NKG_TOK_SPACE) && strlen(D->t.toks[i].norm) <= 3)
        e++; /* "Co." */
    const nkg_row *state = state_after(D, e);
    const char *label = nkg_arena_printf(D->a, "%s %s", name, noun);
    if (!name || !noun || !label)
        return NKG_ERR_NOMEM;
    const char *key = nkg_arena_printf(D->a, "%s-%s", slug(D->a, label),
                                       state ? slug(D->a, nkg_row_get(state, D->x->c_padmin1)) : "x");
    int idx;
    nkg_status st = add_entity(D, ENT_PLACE, key, label, (uint32_t)b, (uint32_t)(i + 1),
                               rule_name(D->a, fr, "facilities"), 0.7, &idx);
    if (st == NKG_OK) {
        ent *p = &D->ents[idx];
        p->pkind = PL_COUNTY;
        if (state && !p->up) {
            p->up = state;
            p->country = nkg_row_get(state, D->x->c_pcountry);
            p->admin1 = nkg_row_get(state, D->x->c_padmin1);
        }
    }
    return st;
}

/* A town the gazetteer lacks, tokens [b, e), in state (or NULL). */
static nkg_status add_town(doc *D, size_t b, size_t e, const nkg_row *state, const char *rule, int *out)
{
    const char *label = label_case(D->a, nkg_text_slice(D->a, &D->t, b, e));
    if (!label)
        return NKG_ERR_NOMEM;
    const char *key = nkg_arena_printf(D->a, "%s-%s", slug(D->a, label),
                                       state ? slug(D->a, nkg_row_get(state, D->x->c_padmin1)) : "x");
    nkg_status st = add_entity(D, ENT_PLACE, key, label, (uint32_t)b, (uint32_t)e, rule, 0.6, out);
    if (st == NKG_OK) {
        ent *p = &D->ents[*out];
        p->pkind = PL_CITY;
        if (state) {
            p->up = state;
            p->country = nkg_row_get(state, D->x->c_pcountry);
            p->admin1 = nkg_row_get(state, D->x->c_padmin1);
        }
    }
    return st;
}

/* A dateline naming a town the gazetteer lacks: one to three capitalised
 * words opening a paragraph, then the outlet in parentheses and a dash, or
 * a comma and a state: "Killingly (AP) -", "GLEN FLORA, Wis. -". The town
 * lies in that state, or the article's only one. *out is the new place, or
 * stays -1. */
static nkg_status dateline_town(doc *D, size_t b, int *out)
{
    size_t j = b;
    while (j < D->t.ntoks && j < b + 3 && is_cap_word(D, j) && D->owner[j] == -1 &&
           !in_table(D->x->name_stop, D->t.toks[j].norm) && !in_table(D->x->months, D->t.toks[j].norm) &&
           !in_table(D->x->weekdays, D->t.toks[j].norm) && (j == b || !tok_flag(D, j, NKG_TOK_NL)))
        j++;
    if (j == b || j >= D->t.ntoks)
        return NKG_OK;
    size_t k = j;
    const nkg_row *state = NULL;
    if (nkg_tok_is(&D->t, k, ",")) {
        state = state_after(D, k);
        if (!state || !nkg_tok_is(&D->t, k, ","))
            return NKG_OK;
        /* skip the state as written: "Wis.", "Connecticut", "CT" */
        k += 2;
        if (nkg_tok_is(&D->t, k, "."))
            k++;
    }
    if (nkg_tok_is(&D->t, k, "(")) {
        size_t c = k + 1;
        while (c < D->t.ntoks && c < k + 6 && !nkg_tok_is(&D->t, c, ")"))
            c++;
        if (!nkg_tok_is(&D->t, c, ")"))
            return NKG_OK;
        k = c + 1;
    } else if (!state) {
        return NKG_OK; /* "Killingly -" alone could open any sentence */
    }
    if (!nkg_tok_is(&D->t, k, "-"))
        return NKG_OK;
    if (!state)
        state = state_after(D, D->t.ntoks); /* the article's only state */
    return add_town(D, b, j, state, "dateline-town", out);
}

/* "the village of Gidan Dogo", "residents of Kuyambana": a town the
 * gazetteer lacks, one to three capitalised words after an "of" that
 * place-clues.tsv makes a place clue (after a settlement noun, a compass
 * word, ...), in the state named after it or the article's only one. */
static nkg_status towns_after_of(doc *D)
{
    nkg_status st = NKG_OK;
    for (size_t i = 1; i + 1 < D->t.ntoks && st == NKG_OK; ++i) {
        if (!nkg_tok_is(&D->t, i, "of") || !place_clue(D, i + 1) || title_case_sentence(D, D->t.toks[i].sent))
            continue;
        size_t b = i + 1, j = b;
        while (j < D->t.ntoks && j < b + 3 && is_cap_word(D, j) && D->owner[j] == -1 &&
               D->t.toks[j].sent == D->t.toks[i].sent && !tok_flag(D, j, NKG_TOK_UPPER) &&
               !in_table(D->x->name_stop, D->t.toks[j].norm) && !in_table(D->x->months, D->t.toks[j].norm) &&
               !in_table(D->x->weekdays, D->t.toks[j].norm) && !demonym_at(D, j) &&
               !in_table(D->x->group_adj, D->t.toks[j].norm) && D->t.toks[j].ce - D->t.toks[j].cb > 1)
            j++;
        /* not part of a longer name ("Jisr al-Shughour") nor a crossing
         * ("southwest of Broadway and Lawndale") */
        if (j == b || (j < D->t.ntoks && (is_cap_word(D, j) || nkg_tok_is(&D->t, j, "-") || nkg_tok_is(&D->t, j, "."))) ||
            (j + 1 < D->t.ntoks && nkg_tok_is(&D->t, j + 1, "-") && !tok_flag(D, j + 1, NKG_TOK_SPACE)) ||
            (nkg_tok_is(&D->t, j, "and") && is_cap_word(D, j + 1)))
            continue;
        int o;
        st = add_town(D, b, j, state_after(D, j), "town-after-of", &o);
        i = j - 1;
    }
    return st;
}

/* "a hiking trail in Tarzana": a town the gazetteer lacks, named after
 * "in" in a sentence with an attack word, one or two capitalised words that
 * are no name, month or nationality, in the article's only state. */
static nkg_status towns_after_in(doc *D)
{
    const nkg_table *trig = D->x->triggers;
    int c_fam = nkg_table_col(trig, "family");
    nkg_status st = NKG_OK;
    for (size_t s = 0; s < D->t.nsents && st == NKG_OK; ++s) {
        int attack = 0;
        for (size_t i = D->t.sents[s].tb; i < D->t.sents[s].te && !attack; ++i) {
            const nkg_row *rows[2];
            size_t len;
            attack = nkg_table_match(trig, &D->t, i, rows, 2, &len) &&
                     strcmp(nkg_row_get(rows[0], c_fam), "attack") == 0;
        }
        if (title_case_sentence(D, s))
            continue; /* "Boy Shot in Head" */
        for (size_t i = D->t.sents[s].tb + 1; attack && i + 1 < D->t.sents[s].te && st == NKG_OK; ++i) {
            if (!nkg_tok_is(&D->t, i, "in") || D->site[i])
                continue;
            size_t b = i + 1, j = b;
            while (j < D->t.sents[s].te && j < b + 2 && is_cap_word(D, j) && D->owner[j] == -1 &&
                   !tok_flag(D, j, NKG_TOK_UPPER) && !in_table(D->x->name_stop, D->t.toks[j].norm) &&
                   !in_table(D->x->months, D->t.toks[j].norm) && !in_table(D->x->weekdays, D->t.toks[j].norm) &&
                   !demonym_at(D, j) && !in_table(D->x->group_adj, D->t.toks[j].norm) &&
                   !possessive_len(D->t.toks[j].norm))
                j++;
            if (j == b || (j < D->t.ntoks && (is_cap_word(D, j) || tok_flag(D, j, NKG_TOK_NUM) ||
                                              nkg_tok_is(&D->t, j, "-"))))
                continue;
            /* a place the article already named so ("the Shula district
             * ... the worst attack in Shula") */
            const char *label = nkg_text_slice(D->a, &D->t, b, j);
            int known = -1;
            for (size_t k = 0; label && k < D->nents && known < 0; ++k)
                if (D->ents[k].kind == ENT_PLACE && !D->ents[k].dropped && strcmp(D->ents[k].label, label) == 0)
                    known = (int)k;
            int o;
            if (known >= 0)
                st = add_entity(D, ENT_PLACE, D->ents[known].key, D->ents[known].label, (uint32_t)b, (uint32_t)j,
                                "town-after-in", 0.6, NULL);
            else
                st = add_town(D, b, j, state_after(D, D->t.ntoks), "town-after-in", &o);
            i = j - 1;
        }
    }
    return st;
}

/* Remember a street's name, tokens [b, e) before its suffix, directions
 * left out ("North Harding Avenue" -> "harding"), for event keys. */
static void note_street(doc *D, size_t b, size_t e)
{
    while (b < e && in_table(D->x->directions, D->t.toks[b].norm)) {
        b++;
        if (b < e && nkg_tok_is(&D->t, b, "."))
            b++;
    }
    if (b >= e || D->nstreets >= sizeof D->streets / sizeof D->streets[0])
        return;
    const char *name = nkg_text_join_dup(D->a, &D->t, b, e);
    for (size_t k = 0; name && k < D->nstreets; ++k)
        if (strcmp(D->streets[k], name) == 0)
            return;
    if (name)
        D->streets[D->nstreets++] = name;
}

/* A facility or street whose noun opens its name ("Rue Servient",
 * "Avenida Reforma", "Camp Castor", "Rue de la République"): the noun,
 * capitalised, then capitalised words, with particles between them. Not
 * when the words name a place of the gazetteer. *last is the name's last
 * token. */
static nkg_status facility_first(doc *D, const nkg_row *fr, size_t i, size_t *last)
{
    if (!is_cap_word(D, i) || title_case_sentence(D, D->t.toks[i].sent))
        return NKG_OK;
    size_t n, e = i + 1;
    if (match_index(D, &D->x->place_index, D->x->place_max_toks, i, &n))
        return NKG_OK; /* "Camp Hill" is a town */
    for (size_t k = e; k < D->t.ntoks && D->t.toks[k].sent == D->t.toks[i].sent && k < i + 8; ++k) {
        if (is_cap_word(D, k) && D->owner[k] < 0 && !tok_flag(D, k, NKG_TOK_NL)) {
            e = k + 1;
            continue;
        }
        const char *w = D->t.toks[k].norm;
        if ((w[0] == 'l' || w[0] == 'd') && (strncmp(w + 1, "'", 1) == 0 || strncmp(w + 1, "\xE2\x80\x99", 3) == 0) &&
            strlen(w) > 4 && D->owner[k] < 0) {
            e = k + 1; /* an elided article: "Hotel Dunes de l'Air" */
            continue;
        }
        if (!in_table(D->x->name_particles, w) || is_cap_word(D, k))
            break;
    }
    if (e == i + 1)
        return NKG_OK;
    const char *label = nkg_text_slice(D->a, &D->t, i, e);
    int idx;
    nkg_status st = add_entity(D, ENT_PLACE, slug(D->a, label), label, (uint32_t)i, (uint32_t)e,
                               rule_name(D->a, fr, "facilities"), 0.7, &idx);
    if (st == NKG_OK) {
        const char *kind = nkg_row_get(fr, nkg_table_col(D->x->facilities, "kind"));
        D->ents[idx].pkind = PL_FACILITY;
        D->ents[idx].natural = strcmp(kind, "feature") == 0;
        if (strcmp(kind, "street") == 0)
            note_street(D, i + 1, e); /* "Rue Servient" -> "servient" */
    }
    *last = e - 1;
    return st;
}

static nkg_status find_places(doc *D)
{
    const nkg_extractor *x = D->x;
    nkg_status st = NKG_OK;
    /* Context first: countries named or implied by a demonym, or by a US
     * broadcaster's call sign ("WSOC reports", "(WBTV)"). */
    for (size_t i = 0; i < D->t.ntoks; ++i) {
        const nkg_row *dm = demonym_at(D, i);
        if (dm)
            note_country(D, nkg_row_get(dm, 1));
        if (call_sign(D, i))
            note_country(D, "US");
        const nkg_row *cc_rows[2];
        size_t cc_len;
        if (nkg_table_match(x->country_cues, &D->t, i, cc_rows, 2, &cc_len))
            note_country(D, nkg_row_get(cc_rows[0], 1)); /* "the 911 Dispatch Center" */
        size_t n;
        const plist *l = is_cap_word(D, i) ? match_index(D, &x->place_index, x->place_max_toks, i, &n) : NULL;
        for (size_t k = 0; l && k < l->n; ++k) {
            const char *kind = nkg_row_get(l->v[k], x->c_pkind);
            if (strcmp(kind, "country") == 0)
                note_country(D, nkg_row_get(l->v[k], x->c_pcountry));
            else if (strcmp(kind, "admin1") == 0 && l->n == 1)
                note_region(D, nkg_row_get(l->v[k], x->c_pcountry), nkg_row_get(l->v[k], x->c_padmin1));
        }
    }
    /* Facilities: "Westgate mall", "Cook County Hospital". The facility is
     * contained in the nearest city named in the article. */
    int c_fkind = nkg_table_col(x->facilities, "kind");
    const nkg_table *numbers = nkg_lexicon_table(x->lx, "numbers");
    int c_prefix = nkg_table_col(x->abbreviations, "prefix");
    for (size_t i = 1; i < D->t.ntoks && st == NKG_OK; ++i) {
        const nkg_row *fr = nkg_table_find(x->facilities, D->t.toks[i].norm);
        if (!fr || D->owner[i] >= 0)
            continue;
        const char *first = nkg_row_get(fr, x->c_ffirst);
        if (strcmp(first, "yes") == 0 ||
            (strcmp(first, "both") == 0 && !(is_cap_word(D, i - 1) && D->t.toks[i - 1].sent == D->t.toks[i].sent))) {
            st = facility_first(D, fr, i, &i);
            continue;
        }
        size_t b = i;
        while (b > 0 && b + 4 > i && is_cap_word(D, b - 1) && D->owner[b - 1] < 0 &&
               D->t.toks[b - 1].sent == D->t.toks[i].sent && !demonym_at(D, b - 1) &&
               !in_table(x->group_adj, D->t.toks[b - 1].norm) && /* "a mainly Shiite district" */
               !determiner_at(D, b - 1) && /* "That lane is wider" */
               !nkg_table_find(numbers, D->t.toks[b - 1].norm) && /* "Two Riverdale High students" */
               !nkg_tok_is(&D->t, b - 1, "a") && !nkg_tok_is(&D->t, b - 1, "an"))
            b--;
        /* "St. Mary's Hospital": an abbreviation that begins names */
        if (b < i && b >= 2 && nkg_tok_is(&D->t, b - 1, ".") && !tok_flag(D, b - 1, NKG_TOK_SPACE) &&
            is_cap_word(D, b - 2) && D->owner[b - 2] < 0 && D->t.toks[b - 2].sent == D->t.toks[i].sent &&
            *nkg_row_get(nkg_table_find(x->abbreviations, D->t.toks[b - 2].norm), c_prefix))
            b -= 2;
        if (b == i)
            continue;
        size_t n;
        const char *fkind = nkg_row_get(fr, c_fkind);
        size_t nb = nkg_tok_is(&D->t, b, "the") && b + 1 < i ? b + 1 : b; /* "The Kenya mall" */
        const plist *l = match_index(D, &x->place_index, x->place_max_toks, nb, &n);
        int hood = strcmp(fkind, "neighbourhood") == 0;
        /* "Nairobi mall": a city, said as a modifier; but "Hampton Inn",
         * "Amesti Road" and "the Englewood neighborhood" are names. A Title
         * Case headline's capitals tell nothing: "Kenya Mall Standoff". */
        if (l && nb + n == i && !hood && strcmp(fkind, "street") != 0 &&
            (!is_cap_word(D, i) || title_case_sentence(D, D->t.toks[i].sent)))
            continue;
        if (strcmp(fkind, "street") == 0) {
            /* "Ridge and Stanton streets": both are streets */
            const char *fn = D->t.toks[i].norm;
            if (fn[strlen(fn) - 1] == 's' && b >= 2 && nkg_tok_is(&D->t, b - 1, "and") &&
                is_cap_word(D, b - 2) && D->owner[b - 2] < 0) {
                note_street(D, b - 2, b - 1);
                b -= 2;
            }
            note_street(D, b, i);
            /* the street is a place of its own, in the article's city:
             * "the 1200 block of Elm Street" */
            const char *slabel = nkg_text_slice(D->a, &D->t, b, i + 1);
            int sidx;
            st = add_entity(D, ENT_PLACE, slug(D->a, slabel), slabel, (uint32_t)b, (uint32_t)(i + 1),
                            rule_name(D->a, fr, "facilities"), 0.7, &sidx);
            if (st == NKG_OK)
                D->ents[sidx].pkind = PL_FACILITY;
            continue;
        }
        if (strcmp(fkind, "county") == 0) {
            st = add_county(D, b, i, fr);
            continue;
        }
        /* a neighbourhood is named without its noun: "Englewood"; a name
         * may end in two facility nouns: "Roosevelt High School" */
        size_t e = hood ? i : i + 1;
        while (!hood && e < D->t.ntoks && e < i + 3 && is_cap_word(D, e) && D->owner[e] < 0 &&
               D->t.toks[e].sent == D->t.toks[i].sent && facility_end(D, D->t.toks[e].norm))
            e++;
        if (nkg_tok_is(&D->t, b, "the") && b + 1 < e)
            b++; /* "The Wild Beaver Saloon" is "Wild Beaver Saloon" */
        if (b == i && !hood)
            continue; /* "The hotel": no name */
        const char *label = nkg_text_slice(D->a, &D->t, b, e);
        /* keyed without the second noun: "Riverdale High School" is the
         * "Riverdale High" of the headline */
        const char *key = e > i + 1 ? nkg_text_slice(D->a, &D->t, b, i + 1) : label;
        int idx;
        st = add_entity(D, ENT_PLACE, slug(D->a, key), label, (uint32_t)b, (uint32_t)e,
                        rule_name(D->a, fr, "facilities"), 0.7, &idx);
        if (st == NKG_OK) {
            D->ents[idx].pkind = PL_FACILITY;
            D->ents[idx].natural = strcmp(fkind, "feature") == 0;
        }
    }
    /* Gazetteer names. */
    for (size_t i = 0; i < D->t.ntoks && st == NKG_OK; ++i) {
        if (D->owner[i] != -1 || !(is_cap_word(D, i) || tok_flag(D, i, NKG_TOK_ABBR)))
            continue;
        size_t n;
        const plist *l = match_index(D, &x->place_index, x->place_max_toks, i, &n);
        if (!l || !free_range(D, i, i + n))
            continue;
        const char *norm = nkg_text_join_dup(D->a, &D->t, i, i + n);
        if (norm && in_table(x->months, norm))
            continue; /* "in March" */
        int ambiguous = norm && place_word_like(D, norm, l, i);
        if (ambiguous && !(nkg_tok_is(&D->t, i + n, ",") && is_cap_word(D, i + n + 1)) && !place_clue(D, i))
            continue;
        /* "Datu Odin Sinsuat", "Canadian engineer": a word of a longer name,
         * or a nationality, is no place of its own */
        if (!(nkg_tok_is(&D->t, i + n, ",") && is_cap_word(D, i + n + 1)) &&
            (demonym_at(D, i) || inside_cap_run(D, i, i + n)))
            continue;
        /* "Harding Avenue", "Kenya Airways": part of a longer name */
        if (i + n < D->t.ntoks && (is_cap_word(D, i + n) && D->owner[i + n] != -1))
            continue;
        /* "Englewood" after "the Englewood neighborhood": the neighbourhood */
        const char *kslug = slug(D->a, nkg_text_slice(D->a, &D->t, i, i + n));
        int known = -1;
        for (size_t k = 0; kslug && k < D->nents && known < 0; ++k)
            if (D->ents[k].kind == ENT_PLACE && D->ents[k].pkind == PL_FACILITY &&
                strcmp(D->ents[k].key, kslug) == 0)
                known = (int)k;
        if (known >= 0) {
            st = add_entity(D, ENT_PLACE, D->ents[known].key, D->ents[known].label, (uint32_t)i,
                            (uint32_t)(i + n), "neighbourhood", 0.6, NULL);
            i += n - 1;
            continue;
        }
        const nkg_row *r = best_place(D, l, i, i + n);
        if (r)
            st = add_place_row(D, r, i, i + n, "places", ambiguous ? 0.6 : 0.85, NULL);
        i += n - 1;
    }
    /* One sense per article: a name that needed a clue ("lives in Garner")
     * is the same place where it stands without one ("the Garner shooting
     * range"). */
    for (size_t i = 0; i < D->t.ntoks && st == NKG_OK; ++i) {
        if (D->owner[i] != -1 || !is_cap_word(D, i))
            continue;
        size_t n;
        const plist *l = match_index(D, &x->place_index, x->place_max_toks, i, &n);
        if (!l || !free_range(D, i, i + n) || (i + n < D->t.ntoks && is_cap_word(D, i + n)))
            continue;
        int same = -1;
        for (size_t k = 0; k < D->nents && same < 0; ++k) {
            const ent *p = &D->ents[k];
            if (p->kind != ENT_PLACE || !p->prow || p->dropped || p->pkind != PL_CITY)
                continue;
            for (size_t q = 0; q < l->n; ++q)
                if (l->v[q] == p->prow)
                    same = (int)k;
        }
        if (same >= 0)
            st = add_place_row(D, D->ents[same].prow, i, i + n, "places-same-name", 0.6, NULL);
        i += n - 1;
    }
    /* A small town named like a neighbourhood ("Garfield", "Englewood")
     * in an article about a large city of another region is the
     * neighbourhood: drop it rather than put the event in another state. */
    for (size_t i = 0; i < D->nents; ++i) {
        ent *t = &D->ents[i];
        if (t->kind != ENT_PLACE || t->pkind != PL_CITY || !t->prow ||
            atof(nkg_row_get(t->prow, x->c_ppop)) >= 20000)
            continue;
        for (size_t k = 0; k < D->nents; ++k) {
            const ent *big = &D->ents[k];
            if (big->kind == ENT_PLACE && big->pkind == PL_CITY && big->prow &&
                atof(nkg_row_get(big->prow, x->c_ppop)) >= 100000 &&
                strcmp(big->country, t->country) == 0 && strcmp(big->admin1, t->admin1) != 0 &&
                !region_noted(D, t->country, t->admin1)) {
                t->dropped = 1;
                for (size_t m = 0; m < t->m.n; ++m)
                    for (uint32_t j = t->m.v[m].tb; j < t->m.v[m].te; ++j)
                        D->owner[j] = -1;
                break;
            }
        }
    }
    /* The dateline: a city opening one of the first paragraphs, before
     * "(AP)", a dash or a comma and its state: "PITTSBURGH (AP) -". */
    D->dateline = -1;
    for (size_t s = 0, paras = 0; s < D->t.nsents && paras < 4 && D->dateline < 0; ++s) {
        size_t b = D->t.sents[s].tb;
        if (!tok_flag(D, b, NKG_TOK_PARA))
            continue;
        paras++;
        int o = D->owner[b];
        if (o == -1 && (st = dateline_town(D, b, &o)) != NKG_OK)
            return st;
        if (o < 0 || D->ents[o].kind != ENT_PLACE ||
            (D->ents[o].pkind != PL_CITY && D->ents[o].pkind != PL_COUNTY))
            continue;
        size_t j = b;
        while (j < D->t.ntoks && D->owner[j] == o)
            j++;
        if (nkg_tok_is(&D->t, j, ",") || nkg_tok_is(&D->t, j, "(") || nkg_tok_is(&D->t, j, "-") ||
            nkg_tok_is(&D->t, j, ":")) {
            D->dateline = o;
            D->dateline_tok = b;
        }
    }
    /* Tolerant spelling: an unknown capitalised word one edit away from a
     * large city of a country the article names ("Nirobi"). */
    for (size_t i = 0; i < D->t.ntoks && st == NKG_OK; ++i) {
        const nkg_tok *tk = &D->t.toks[i];
        if (D->owner[i] != -1 || !is_cap_word(D, i) || tk->ce - tk->cb < 5 ||
            is_cap_word(D, i + 1) || (i > 0 && is_cap_word(D, i - 1)) ||
            in_table(x->name_stop, tk->norm) || demonym_at(D, i))
            continue;
        const nkg_row *hit = NULL;
        int hits = 0;
        for (size_t r = 0; r < x->nbig; ++r) {
            const nkg_row *row = x->big_cities[r];
            if (country_noted(D, nkg_row_get(row, x->c_pcountry)) &&
                edit_distance(tk->norm, x->big_names[r]) == 1 && hit != row) {
                hit = row;
                hits++;
            }
        }
        if (hits == 1)
            st = add_place_row(D, hit, i, i + 1, "places-spelling", 0.5, NULL);
    }
    if (st == NKG_OK)
        st = towns_after_in(D);
    if (st == NKG_OK)
        st = towns_after_of(D);
    /* A county whose state went unnamed lies in the state of the article's
     * first town ("Harris County" in a Houston story). */
    for (size_t i = 0; i < D->nents; ++i) {
        ent *c = &D->ents[i];
        if (c->kind != ENT_PLACE || c->pkind != PL_COUNTY || c->up)
            continue;
        int town = -1;
        for (size_t k = 0; k < D->nents; ++k) {
            const ent *t = &D->ents[k];
            if (t->kind == ENT_PLACE && t->pkind == PL_CITY && t->prow && !t->dropped &&
                strcmp(t->country, "US") == 0 && !D->site[t->m.v[0].tb] && !only_residence(D, t) &&
                (town < 0 || t->m.v[0].tb < D->ents[town].m.v[0].tb))
                town = (int)k;
        }
        if (town >= 0) {
            char code[32];
            snprintf(code, sizeof code, "US.%s", D->ents[town].admin1);
            c->up = nkg_strmap_get(&x->admin1_by_code, code);
            if (c->up) {
                c->country = "US";
                c->admin1 = D->ents[town].admin1;
                c->key = nkg_arena_printf(D->a, "%s-%s", slug(D->a, c->label), slug(D->a, c->admin1));
            }
        }
    }
    /* Facilities lie in the first city the article names. */
    int city = -1;
    for (int site = 0; site < 2 && city < 0; ++site) /* the outlet's town last */
        for (size_t i = 0; i < D->nents; ++i)
            if (D->ents[i].kind == ENT_PLACE && D->ents[i].pkind == PL_CITY && !D->ents[i].dropped &&
                D->site[D->ents[i].m.v[0].tb] == site &&
                (city < 0 || D->ents[i].m.v[0].tb < D->ents[city].m.v[0].tb))
                city = (int)i;
    for (size_t i = 0; i < D->nents; ++i)
        if (D->ents[i].kind == ENT_PLACE && D->ents[i].pkind == PL_FACILITY && !D->ents[i].natural) {
            D->ents[i].within = city;
            if (city >= 0) /* the key names its city, so outlets agree */
                D->ents[i].key = nkg_arena_printf(D->a, "%s-%s", D->ents[i].key, D->ents[city].key);
        }
    return st;
}

/* -------------------------------------------------------------- groups */
static nkg_status find_groups(doc *D)
{
    const nkg_extractor *x = D->x;
    int c_role = nkg_table_col(x->groups, "role"), c_nat = nkg_table_col(x->groups, "national");
    nkg_status st = NKG_OK;
    for (size_t i = 0; i < D->t.ntoks && st == NKG_OK; ++i) {
        const nkg_row *rows[4];
        size_t len;
        if (D->owner[i] >= 0 || !nkg_table_match(x->groups, &D->t, i, rows, 4, &len) ||
            !free_range(D, i, i + len))
            continue;
        size_t b = i;
        /* "Kenyan security forces", "Israel security forces" */
        while (b > 0 && D->t.toks[b - 1].sent == D->t.toks[i].sent && i - b < 2 &&
               (demonym_at(D, b - 1) || (D->owner[b - 1] >= 0 &&
                                         D->ents[D->owner[b - 1]].kind == ENT_PLACE &&
                                         D->ents[D->owner[b - 1]].pkind == PL_COUNTRY)))
            b--;
        /* "Kenyan military spokesman Colonel Cyrus Oguna", "a police
         * officer was wounded", "an Israeli foreign ministry spokesperson":
         * before a title or role noun of its sentence the phrase only
         * qualifies it, whether a name follows or not */
        const nkg_row *trows[2];
        size_t tlen;
        if (i + len < D->t.ntoks && D->t.toks[i + len].sent == D->t.toks[i].sent &&
            nkg_table_match(x->titles, &D->t, i + len, trows, 2, &tlen)) {
            i += len - 1;
            continue;
        }
        const char *label = nkg_text_slice(D->a, &D->t, b, i + len);
        const char *low = nkg_text_join_dup(D->a, &D->t, b, i + len);
        const char *key = nkg_arena_printf(D->a, "%s/%s", slug(D->a, D->art->id), slug(D->a, low));
        /* "Syrian army", "the French foreign ministry": a country's own
         * organisation, one node per country across articles */
        const char *national = c_nat >= 0 ? nkg_row_get(rows[0], c_nat) : "";
        const char *cc = NULL;
        if (*national && b < i) {
            const nkg_row *dm = demonym_at(D, b);
            cc = dm ? nkg_row_get(dm, 1)
                    : D->owner[b] >= 0 && D->ents[D->owner[b]].kind == ENT_PLACE ? D->ents[D->owner[b]].country
                                                                                 : NULL;
        }
        int idx;
        /* Keep the modifiers' own entities (the country) and just add the group. */
        for (size_t k = b; k < i; ++k)
            D->owner[k] = -1;
        if (cc && *cc) {
            const char *okey = nkg_arena_printf(D->a, "%s-%s", cc, nkg_text_join_dup(D->a, &D->t, i, i + len));
            st = add_entity(D, ENT_ORG, slug(D->a, okey), label, (uint32_t)b, (uint32_t)(i + len),
                            rule_name(D->a, rows[0], "groups"), 0.75, &idx);
            if (st == NKG_OK)
                D->ents[idx].otype = national;
        } else {
            st = add_entity(D, ENT_GROUP, key, label, (uint32_t)b, (uint32_t)(i + len),
                            rule_name(D->a, rows[0], "groups"), 0.75, &idx);
            if (st == NKG_OK)
                D->ents[idx].role = nkg_row_get(rows[0], c_role);
        }
        i += len - 1;
    }
    return st;
}

/* -------------------------------------------------------------- events */
static const char *const family_names[FAM_N] = {
    "attack", "hostage", "rescue", "military", "arrest", "statement", "crash", "disaster"};

static int family_of(const char *name)
{
    for (int i = 0; i < FAM_N; ++i)
        if (strcmp(family_names[i], name) == 0)
            return i;
    return -1;
}

/* The more specific of two classes of one family: Attack < Shooting,
 * Bombing; Shooting and Bombing together are an Attack. */
static const char *merge_class(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return a;
    if (strcmp(a, "Attack") == 0)
        return b;
    if (strcmp(b, "Attack") == 0)
        return a;
    if ((strcmp(a, "Shooting") == 0 && strcmp(b, "Bombing") == 0) ||
        (strcmp(a, "Bombing") == 0 && strcmp(b, "Shooting") == 0))
        return "Attack";
    return a; /* HostageTaking vs Kidnapping: the first seen */
}

static int year_at(const doc *D, size_t i)
{
    if (i >= D->t.ntoks || !tok_flag(D, i, NKG_TOK_NUM))
        return 0;
    const char *s = D->t.toks[i].norm;
    if (strlen(s) != 4)
        return 0;
    int y = atoi(s);
    return y >= 1900 && y <= 2100 ? y : 0;
}

/* An explicit year bound to the trigger at [tb, te): "2011 operation",
 * "nation's 2011 operation", "bombing ... in 1998" when no other trigger of
 * the sentence is nearer to that year. */
static int trigger_year(const doc *D, size_t tb, size_t te, const uint8_t *is_trig)
{
    for (size_t k = tb; k > 0 && tb - k < 3; --k)
        if (year_at(D, k - 1))
            return year_at(D, k - 1);
    uint32_t s = D->t.toks[tb].sent;
    /* "since 1992, when a plane crashed near Kathmandu": the year's clause */
    for (size_t k = tb; k > D->t.sents[s].tb + 2 && tb - k < 15 && !(k < tb && is_trig[k]); --k)
        if (nkg_tok_is(&D->t, k - 1, "when") && nkg_tok_is(&D->t, k - 2, ",") && year_at(D, k - 3))
            return year_at(D, k - 3);
    for (size_t k = te; k < D->t.sents[s].te && k < te + 14; ++k) {
        if (!(nkg_tok_is(&D->t, k, "in") || nkg_tok_is(&D->t, k, "of") || nkg_tok_is(&D->t, k, "on")))
            continue;
        /* "in 1998", "in January 2020", "on March 3, 2019" */
        size_t y = k + 1;
        if (y < D->t.ntoks && in_table(D->x->months, D->t.toks[y].norm)) {
            y += 1 + nkg_tok_is(&D->t, y + 1, ".");
            if (tok_flag(D, y, NKG_TOK_NUM) && !year_at(D, y))
                y++;
            if (nkg_tok_is(&D->t, y, ","))
                y++;
        }
        if (!year_at(D, y))
            continue;
        for (size_t j = te; j < k; ++j)
            if (is_trig[j])
                return 0; /* a nearer trigger owns it */
        return year_at(D, y);
    }
    return 0;
}

static size_t date_parts(const doc *D, size_t i, int *y, int *m, int *d);

/* The timeline entry that token b is told in: a date followed by a colon
 * earlier on its line ("Jan. 5: Howard Atkinson shot to death ...", "Aug.
 * 23, 2015: two men were killed ..."). Lists of earlier incidents are
 * written this way; each entry is an incident of its own. Returns month *
 * 100 + day, with the written year in *y (0 when not written), or 0. */
static int timeline_entry(const doc *D, size_t b, int *y)
{
    size_t ls = b;
    while (ls > 0 && !tok_flag(D, ls, NKG_TOK_NL))
        ls--;
    int entry = 0;
    for (size_t i = ls; i < b; ++i) {
        int yy, m, d;
        size_t n = date_parts(D, i, &yy, &m, &d);
        if (n && i + n < b && nkg_tok_is(&D->t, i + n, ":")) {
            entry = m * 100 + d;
            *y = yy;
        }
        i += n ? n - 1 : 0;
    }
    return entry;
}

/* A trigger under a negation tells of no event: "no arrests have been
 * made", "no one has been arrested", "police have not arrested anyone".
 * Only auxiliaries and adverbs (role-skip.tsv) and "one" may stand
 * between; the negations are count-context.tsv's, plus "no", "nobody". */
static int negated_trigger(const doc *D, size_t b)
{
    uint32_t s = D->t.toks[b].sent;
    for (size_t k = b; k > D->t.sents[s].tb && b - k < 6; --k) {
        const char *w = D->t.toks[k - 1].norm;
        if (strcmp(w, "no") == 0 || strcmp(w, "nobody") == 0 || strcmp(context_role(D, w), "neg") == 0)
            return 1;
        if (strcmp(w, "one") != 0 && !in_table(D->x->role_skip, w))
            return 0;
    }
    return 0;
}

/* Is the subject of the trigger at b an attacker: the nearest participant
 * before it in its clause an unnamed group of attackers or an armed group
 * ("Gunmen on motorcycles stormed", "Al-Shabab fighters raided")? An
 * operation they carry out is an attack. */
static int attackers_before(const doc *D, size_t b)
{
    uint32_t s = D->t.toks[b].sent;
    /* the trigger is a verb: not "in the raid" */
    if (b > D->t.sents[s].tb && (determiner_at(D, b - 1) || strcmp(context_role(D, D->t.toks[b - 1].norm), "prep") == 0))
        return 0;
    for (size_t k = b; k > D->t.sents[s].tb && b - k < 10; --k) {
        const char *role = context_role(D, D->t.toks[k - 1].norm);
        if (nkg_tok_is(&D->t, k - 1, ",") || nkg_tok_is(&D->t, k - 1, ";") || is_speech(D, k - 1) ||
            strncmp(role, "aux", 3) == 0)
            return 0; /* "attackers were killed in the raid": no subject of it */
        int o = D->owner[k - 1];
        if (o < 0)
            continue;
        const ent *en = &D->ents[o];
        if (en->kind == ENT_GROUP)
            return strcmp(en->role, "perpetrator") == 0;
        if (en->kind == ENT_ORG)
            return en->otype && strcmp(en->otype, "armed_group") == 0;
        if (en->kind == ENT_PERSON)
            return 0;
    }
    return 0;
}

/* Does a phrase of table t stand anywhere in sentence s? */
static int sentence_has(const doc *D, const nkg_table *t, uint32_t s)
{
    for (size_t k = D->t.sents[s].tb; k < D->t.sents[s].te; ++k) {
        const nkg_row *rows[2];
        size_t len;
        if (nkg_table_match(t, &D->t, k, rows, 2, &len))
            return 1;
    }
    return 0;
}

static int other_month_sentence(const doc *D, uint32_t s);

/* Is the trigger row's phrase a plural ("attacks", "bombings")? */
static int plural_trigger(const nkg_row *r)
{
    size_t l = strlen(r->cols[0]);
    return l >= 2 && r->cols[0][l - 1] == 's';
}

/* A plural trigger in a sentence about events in general (generic-cues.tsv:
 * "is frequently hit by earthquakes", "a series of attacks ... in recent
 * years") denotes no event of the article's. */
static int generic_trigger(const doc *D, const nkg_row *r, size_t i)
{
    return plural_trigger(r) && sentence_has(D, D->x->generic_cues, D->t.toks[i].sent);
}

static nkg_status find_events(doc *D)
{
    const nkg_extractor *x = D->x;
    int c_class = nkg_table_col(x->triggers, "class"), c_fam = nkg_table_col(x->triggers, "family");
    int c_conf = nkg_table_col(x->triggers, "confidence");
    uint8_t *is_trig = nkg_arena_alloc(D->a, D->t.ntoks + 1);
    if (!is_trig)
        return NKG_ERR_NOMEM;
    typedef struct { size_t b, e; const nkg_row *r; } hit;
    hit *hits = NULL;
    size_t nh = 0, caph = 0;
    for (size_t i = 0; i < D->t.ntoks; ++i) {
        const nkg_row *rows[4];
        size_t len;
        if (D->owner[i] >= 0 || !nkg_table_match(x->triggers, &D->t, i, rows, 4, &len))
            continue;
        if (negated_trigger(D, i) || generic_trigger(D, rows[0], i)) {
            i += len - 1;
            continue;
        }
        hit h = {i, i + len, rows[0]};
        VPUSH(D->a, hits, nh, caph, h);
        for (size_t k = i; k < i + len; ++k)
            is_trig[k] = 1;
        i += len - 1;
    }
    /* One event per family, plus one per explicit other year. */
    for (size_t h = 0; h < nh; ++h) {
        int fam = family_of(nkg_row_get(hits[h].r, c_fam));
        if (fam < 0)
            continue;
        const char *cls = nkg_row_get(hits[h].r, c_class);
        if (fam == FAM_MILITARY && attackers_before(D, hits[h].b)) {
            fam = FAM_ATTACK; /* "Gunmen on motorcycles stormed a wedding party" */
            cls = "Attack";
        }
        int ty = 0, entry = timeline_entry(D, hits[h].b, &ty);
        int year = entry ? ty : trigger_year(D, hits[h].b, hits[h].e, is_trig);
        if (year && D->doc_year && year == D->doc_year)
            year = 0;
        size_t pb = hits[h].b;
        while (pb > 0 && (nkg_tok_is(&D->t, pb - 1, "a") || nkg_tok_is(&D->t, pb - 1, "an") ||
                          nkg_tok_is(&D->t, pb - 1, "the")))
            pb--;
        int aside = (pb > 0 && in_table(x->aside_cues, D->t.toks[pb - 1].norm)) ||
                    (!year && !entry && other_month_sentence(D, D->t.toks[hits[h].b].sent));
        if (aside && plural_trigger(hits[h].r))
            continue; /* "has carried out similar bombings": no event of its own */
        int ev = -1;
        for (size_t k = 0; k < D->nevs; ++k)
            if (D->evs[k].fam == fam && D->evs[k].year == year && D->evs[k].entry == entry &&
                D->evs[k].aside == aside)
                ev = (int)k;
        if (ev < 0) {
            event e;
            memset(&e, 0, sizeof e);
            e.fam = fam;
            e.cls = cls;
            e.year = year;
            e.entry = entry;
            e.aside = aside;
            if (entry && (ty || (D->doc_year && !D->year_guessed))) {
                int ey = ty ? ty : D->doc_year;
                /* "Dec. 5:" in a list of January 10: last year's (doc_year is
                 * then the year of doc_date, "YYYY-MM-DD") */
                if (!ty && D->doc_date && entry > atoi(D->doc_date + 5) * 100 + atoi(D->doc_date + 8))
                    ey--;
                e.date = nkg_arena_printf(D->a, "%04d-%02d-%02d", ey, entry / 100, entry % 100);
            }
            e.place = -1;
            e.place2 = -1;
            e.trig = hits[h].r;
            VPUSH(D->a, D->evs, D->nevs, D->capevs, e);
            ev = (int)D->nevs - 1;
        } else {
            D->evs[ev].cls = merge_class(D->evs[ev].cls, cls);
        }
        double conf = atof(nkg_row_get(hits[h].r, c_conf));
        nkg_status st = spans_add(D->a, &D->evs[ev].m, (uint32_t)hits[h].b, (uint32_t)hits[h].e,
                                  rule_name(D->a, hits[h].r, "triggers"), conf > 0 ? conf : 0.7);
        if (st != NKG_OK)
            return st;
    }
    return NKG_OK;
}

/* An event told apart from the article's own: of another year or month,
 * of a timeline entry, or told as another ("in a similar attack"). */
static int other_event(const event *ev)
{
    return ev->year || ev->entry || ev->aside;
}

/* The main event of a family: the article's own one (not other_event)
 * when there is one. */
static int main_event(const doc *D, int fam)
{
    int best = -1;
    for (size_t i = 0; i < D->nevs; ++i)
        if (D->evs[i].fam == fam && (best < 0 || (other_event(&D->evs[best]) && !other_event(&D->evs[i]))))
            best = (int)i;
    return best;
}

/* ---------------------------------------------------------------- times */
static int month_at(const doc *D, size_t i)
{
    const nkg_row *r = i < D->t.ntoks ? nkg_table_find(D->x->months, D->t.toks[i].norm) : NULL;
    return r ? atoi(nkg_row_get(r, 1)) : 0;
}

static int day_at(const doc *D, size_t i)
{
    if (i >= D->t.ntoks || (!tok_flag(D, i, NKG_TOK_NUM) && !tok_flag(D, i, NKG_TOK_WORD)))
        return 0;
    int d = atoi(D->t.toks[i].norm); /* "17", "17th" */
    return d >= 1 && d <= 31 && strlen(D->t.toks[i].norm) <= 4 ? d : 0;
}

/* The article names the United States or one of its states: dates are
 * written month first there. */
static int us_context(const doc *D)
{
    if (country_noted(D, "US"))
        return 1;
    for (size_t i = 0; i < D->nregions; ++i)
        if (strncmp(D->regions[i], "US.", 3) == 0)
            return 1;
    return 0;
}

/* A date written at token i: "September 21, 2013", "Sept. 21", "21
 * September 2013", "2013-09-21", "9/17/2016". *y is 0 when the year is not
 * written. Returns the number of tokens, 0 when there is no date. */
static size_t date_parts(const doc *D, size_t i, int *y, int *m, int *d)
{
    size_t j = i;
    *y = *m = *d = 0;
    if ((*m = month_at(D, j))) {
        j++;
        if (nkg_tok_is(&D->t, j, "."))
            j++;
        if (!(*d = day_at(D, j)))
            return 0;
        j++;
        if (nkg_tok_is(&D->t, j, ",") && year_at(D, j + 1))
            j++;
        if ((*y = year_at(D, j)))
            j++;
    } else if ((*d = day_at(D, j)) && tok_flag(D, j, NKG_TOK_NUM) && (*m = month_at(D, j + 1))) {
        j += 2;
        if ((*y = year_at(D, j)))
            j++;
    } else if ((*y = year_at(D, j)) && nkg_tok_is(&D->t, j + 1, "-") &&
               tok_flag(D, j + 2, NKG_TOK_NUM) && nkg_tok_is(&D->t, j + 3, "-") &&
               tok_flag(D, j + 4, NKG_TOK_NUM)) {
        *m = atoi(D->t.toks[j + 2].norm);
        *d = atoi(D->t.toks[j + 4].norm);
        j += 5;
    } else if (tok_flag(D, j, NKG_TOK_NUM) && nkg_tok_is(&D->t, j + 1, "/") &&
               tok_flag(D, j + 2, NKG_TOK_NUM) && nkg_tok_is(&D->t, j + 3, "/") &&
               tok_flag(D, j + 4, NKG_TOK_NUM) && !tok_flag(D, j + 1, NKG_TOK_SPACE) &&
               !tok_flag(D, j + 3, NKG_TOK_SPACE)) {
        /* month first, as in the US, unless the first number cannot be a
         * month; both readings possible outside the US: no date */
        int a = atoi(D->t.toks[j].norm), b = atoi(D->t.toks[j + 2].norm);
        int yy = atoi(D->t.toks[j + 4].norm);
        size_t yl = strlen(D->t.toks[j + 4].norm);
        if (yl == 2)
            yy += 2000;
        else if (yl != 4)
            return 0;
        if (a > 12 && b <= 12) {
            *d = a;
            *m = b;
        } else if (a <= 12 && (b > 12 || us_context(D))) {
            *m = a;
            *d = b;
        } else {
            return 0;
        }
        *y = yy >= 1900 && yy <= 2100 ? yy : 0;
        if (!*y)
            return 0;
        j += 5;
    } else {
        return 0;
    }
    if (*m < 1 || *m > 12 || *d < 1 || *d > 31)
        return 0;
    return j - i;
}

/* A date at token i that closes an embedded post: "... — KPRC 2 Houston
 * (@KPRC2) January 22, 2016". It dates the post, not the events. */
static int post_date(const doc *D, size_t i)
{
    if (i < 3 || !nkg_tok_is(&D->t, i - 1, ")"))
        return 0;
    for (size_t k = i - 1; k > 0 && k + 5 > i; --k)
        if (nkg_tok_is(&D->t, k - 1, "@"))
            return 1;
    return 0;
}

/* The article's own date, when no metadata gives one: a full date in a
 * date line near the top ("March 10, 2014 2:18 PM", "Posted: Monday, May
 * 4, 2015 5:29 PM EDT", "Updated: Mar 21, 2016 - 6:38 PM"), preferring one
 * after "posted"/"published" to one after "updated". Else only a year, from
 * a copyright line ("(c)2014 CBS", "Copyright 2014 WFSB"), or from the
 * latest full date written anywhere in it. The date line is
 * remembered so that neither its date nor its weekday is taken for the
 * event's date. */
static void find_doc_date(doc *D)
{
    const nkg_table *cues = nkg_lexicon_table(D->x->lx, "date-cues");
    int c_kind = cues ? nkg_table_col(cues, "kind") : -1;
    int best = 0, lines = 0;
    size_t line_start = 0;
    for (size_t i = 0; i < D->t.ntoks && lines <= 8; ++i) {
        if (tok_flag(D, i, NKG_TOK_NL)) {
            lines++;
            line_start = i;
        }
        int y, m, d;
        size_t n = date_parts(D, i, &y, &m, &d);
        if (!n || !y)
            continue;
        int score = 0;
        size_t line_end = i + n;
        while (line_end < D->t.ntoks && !tok_flag(D, line_end, NKG_TOK_NL))
            line_end++;
        if (line_end - line_start <= 10)
            score += 2; /* a line of its own */
        size_t t = i + n; /* a time after it: "2:18 PM", "- 12:09 PM" */
        if (nkg_tok_is(&D->t, t, "-"))
            t++;
        if (tok_flag(D, t, NKG_TOK_NUM) && nkg_tok_is(&D->t, t + 1, ":") && tok_flag(D, t + 2, NKG_TOK_NUM))
            score += 2;
        for (size_t k = i; k > line_start && k + 5 > i; --k) {
            const nkg_row *r = cues ? nkg_table_find(cues, D->t.toks[k - 1].norm) : NULL;
            if (r && strcmp(nkg_row_get(r, c_kind), "published") == 0)
                score += 4;
            else if (r && strcmp(nkg_row_get(r, c_kind), "updated") == 0)
                score += 1;
        }
        if (score >= 2 && score > best) {
            best = score;
            D->doc_date = nkg_arena_printf(D->a, "%04d-%02d-%02d", y, m, d);
            D->date_tb = (uint32_t)line_start;
            D->date_te = (uint32_t)line_end;
        }
        i += n - 1;
    }
    if (D->doc_date) {
        D->doc_year = atoi(D->doc_date);
        return;
    }
    for (size_t i = 0; cues && i + 1 < D->t.ntoks; ++i) {
        const nkg_row *r = nkg_table_find(cues, D->t.toks[i].norm);
        if (!r || strcmp(nkg_row_get(r, c_kind), "copyright") != 0)
            continue;
        int y = year_at(D, i + 1) ? year_at(D, i + 1) : year_at(D, i + 2);
        if (y) {
            D->doc_year = y;
            return;
        }
    }
    /* else the year of the latest full date the article writes: an
     * article dates recent things with their year ("July 5, 2015") */
    for (size_t i = 0; i < D->t.ntoks; ++i) {
        int y, m, d;
        size_t n = date_parts(D, i, &y, &m, &d);
        if (n && y > D->doc_year) {
            D->doc_year = y;
            D->year_guessed = 1;
        }
        i += n ? n - 1 : 0;
    }
}

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static const char *civil_from_days(nkg_arena *a, long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    return nkg_arena_printf(a, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

/* A date that sentence s states: with `explicit`, the first written date,
 * or NULL; else NULL, and into *earliest (days since 1970, kept when
 * earlier) the earliest of its weekdays, "yesterday" or "last night"
 * resolved against the article's date `today` (needs have_today;
 * date_events may stand an embedded post's date for it, good for
 * weekdays_only). The date line's own date is not one, nor a date after
 * the article's (a court date): a month and day without a year that would
 * fall after it are last year's. */
static const char *date_in_sentence(doc *D, uint32_t s, int explicit, long today, int have_today,
                                    int weekdays_only, long *earliest)
{
    for (size_t i = D->t.sents[s].tb; i < D->t.sents[s].te; ++i) {
        if (D->date_te > D->date_tb && i >= D->date_tb && i < D->date_te)
            continue;
        if (explicit) {
            int y, m, d;
            size_t n = date_parts(D, i, &y, &m, &d);
            if (!n || post_date(D, i) || nkg_tok_is(&D->t, i + n, ":"))
                continue; /* an embedded post's, or a timeline entry's */
            int written = y != 0;
            if (!y)
                y = D->doc_year;
            if (!y)
                continue;
            if (have_today && days_from_civil(y, m, d) > today) {
                if (written || days_from_civil(y - 1, m, d) < today - 300)
                    continue;
                y--; /* "Dec. 28" in an article of January 3 */
            }
            return nkg_arena_printf(D->a, "%04d-%02d-%02d", y, m, d);
        }
        if (!have_today)
            return NULL;
        const nkg_row *rows[2];
        size_t len;
        if (!nkg_table_match(D->x->weekdays, &D->t, i, rows, 2, &len))
            continue;
        /* "told reporters early on Sunday", "police said Sunday": the day
         * of the telling, not of the event */
        int told = 0;
        for (size_t k = i; k > D->t.sents[s].tb && i - k < 5 && !told; --k) {
            if (tok_flag(D, k - 1, NKG_TOK_PUNCT))
                break;
            told = is_speech(D, k - 1);
        }
        if (told) {
            i += len - 1;
            continue;
        }
        long wd = atol(nkg_row_get(rows[0], 1)); /* 0 = Sunday ... 6, or -1 today, -2 yesterday */
        long day = -1;
        if (wd < 0 && weekdays_only)
            continue;
        if (wd == -1)
            day = today;
        else if (wd == -2)
            day = today - 1;
        else if (wd >= 0 && wd <= 6) {
            long cur = ((today + 4) % 7 + 7) % 7; /* 1970-01-01 was a Thursday */
            day = today - ((cur - wd + 7) % 7);
        }
        /* the earliest day named: the shooting came before the arrest, the
         * naming and the news conference ("arrested Monday ... Friday's
         * shooting") */
        if (day >= 0 && (*earliest < 0 || day < *earliest))
            *earliest = day;
        i += len - 1;
    }
    return NULL;
}

/* The event's date: an explicit date in one of its sentences or in those
 * of its casualty reports, else a weekday there resolved against the
 * article's date (the most recent such day on or before it), else "today"
 * / "yesterday". The article's date is its metadata's or its date line's
 * (find_doc_date), never taken for the event's by itself. */
static void date_events(doc *D)
{
    int y, m, d;
    int have_today = D->doc_date && sscanf(D->doc_date, "%d-%d-%d", &y, &m, &d) == 3;
    long today = have_today ? days_from_civil(y, m, d) : 0;
    /* without the article's date, the latest post it embeds ("— KPRC 2
     * (@KPRC2) January 22, 2016") stands for it, written the same days:
     * good enough for a weekday, not for "today" */
    int from_post = !D->doc_date;
    for (size_t i = 0; from_post && i < D->t.ntoks; ++i) {
        size_t n = post_date(D, i) ? date_parts(D, i, &y, &m, &d) : 0;
        if (n && y && (!have_today || days_from_civil(y, m, d) > today)) {
            today = days_from_civil(y, m, d);
            have_today = 1;
        }
    }
    uint8_t *mark = nkg_arena_alloc(D->a, D->t.nsents + 1);
    if (!mark)
        return;
    for (size_t e = 0; e < D->nevs; ++e) {
        event *ev = &D->evs[e];
        if (other_event(ev))
            continue;
        /* 1: sentences of its mentions, 2: of its casualty reports */
        memset(mark, 0, D->t.nsents + 1);
        for (size_t k = 0; k < ev->m.n; ++k)
            mark[D->t.toks[ev->m.v[k].tb].sent] = 1;
        for (size_t r = 0; r < D->nreps; ++r)
            if (D->reps[r].event == (int)e) {
                uint32_t rs = D->t.toks[D->reps[r].c.tb].sent;
                if (!mark[rs])
                    mark[rs] = 2;
            }
        for (int explicit = 1; explicit >= 0 && !ev->date; --explicit)
            for (uint8_t pass = 1; pass <= 2 && !ev->date; ++pass) {
                long earliest = -1;
                for (size_t s = 0; s < D->t.nsents && !ev->date; ++s)
                    if (mark[s] == pass)
                        ev->date = date_in_sentence(D, (uint32_t)s, explicit, today, have_today, from_post,
                                                    &earliest);
                if (!ev->date && earliest >= 0)
                    ev->date = civil_from_days(D->a, earliest);
            }
        /* 3: the article's main event, the first date of its opening
         * sentences ("On March 11, 2016, at 5 pm, a caller ...") */
        if (e == (size_t)main_event(D, ev->fam))
            for (int explicit = 1; explicit >= 0 && !ev->date; --explicit) {
                long earliest = -1;
                for (size_t s = 0, body = 0; s < D->t.nsents && body < 6 && !ev->date; ++s) {
                    if (D->site[D->t.sents[s].tb] || (D->date_te > D->date_tb && D->t.sents[s].tb >= D->date_tb &&
                                                      D->t.sents[s].tb < D->date_te))
                        continue;
                    body++;
                    ev->date = date_in_sentence(D, (uint32_t)s, explicit, today, have_today, from_post,
                                                &earliest);
                }
                if (!ev->date && earliest >= 0)
                    ev->date = civil_from_days(D->a, earliest);
            }
    }
    /* 4: an undated event told right after a dated one in its sentence
     * happened with it: "one attacker was killed in the raid and two were
     * arrested" (not "arrested ... in connection with the blast") */
    for (size_t e = 0; e < D->nevs; ++e) {
        event *ev = &D->evs[e];
        for (size_t k = 0; k < ev->m.n && !ev->date && !other_event(ev); ++k) {
            uint32_t snt = D->t.toks[ev->m.v[k].tb].sent;
            for (size_t o = 0; o < D->nevs && !ev->date; ++o) {
                if (o == e || !D->evs[o].date)
                    continue;
                for (size_t j = 0; j < D->evs[o].m.n; ++j) {
                    uint32_t ob = D->evs[o].m.v[j].tb, eb = ev->m.v[k].tb;
                    if (D->t.toks[ob].sent == snt && ob < eb && eb - ob <= 12)
                        ev->date = D->evs[o].date;
                }
            }
        }
    }
}

/* ---------------------------------------------------------- casualties */
static int kind_family_rank(const char *kind, int fam)
{
    int hostage_kind = strcmp(kind, "Hostages") == 0 || strcmp(kind, "Attackers") == 0;
    static const int harm[FAM_N] = {5, 3, 1, 2, 1, 0, 4, 4};
    static const int hold[FAM_N] = {3, 5, 2, 2, 1, 0, 0, 0};
    if (strcmp(kind, "Arrested") == 0)
        return fam == FAM_ARREST ? 5 : fam == FAM_ATTACK ? 2 : 1;
    return hostage_kind ? hold[fam] : harm[fam];
}

/* Entity overlapping tokens [tb, te), or -1. */
static int entity_in(const doc *D, uint32_t tb, uint32_t te)
{
    for (uint32_t i = tb; i < te && i < D->t.ntoks; ++i)
        if (D->owner[i] >= 0)
            return D->owner[i];
    return -1;
}

/* Does sentence s open with a month as its time, other than the article's
 * own month ("In August, 12 people died when a jeep fell ...")? Such a
 * sentence tells of another incident. */
static int other_month_sentence(const doc *D, uint32_t s)
{
    size_t o = D->t.sents[s].tb;
    int m = nkg_tok_is(&D->t, o, "in") && nkg_tok_is(&D->t, o + 2, ",") ? month_at(D, o + 1) : 0;
    return m && !(D->doc_date && atoi(D->doc_date + 5) == m);
}

/* Does sentence s tally many incidents (aggregate-cues.tsv), or name a year
 * other than the article's with no event of its own ("In 2012, 13 died")? */
static int aggregate_sentence(const doc *D, uint32_t s)
{
    int other_year = 0, has_event = 0;
    int c_after = nkg_table_col(D->x->aggregate_cues, "after");
    for (size_t i = D->t.sents[s].tb; i < D->t.sents[s].te; ++i) {
        const nkg_row *rows[2];
        size_t len;
        if (nkg_table_match(D->x->aggregate_cues, &D->t, i, rows, 2, &len)) {
            if (c_after < 0 || strcmp(nkg_row_get(rows[0], c_after), "number") != 0)
                return 1;
            nkg_number num;
            for (size_t k = i; k > D->t.sents[s].tb && k + 3 > i; --k) /* "two shootings", "33 separate shooting incidents" */
                if (nkg_parse_number(&D->t, k - 1, D->x->lx, D->a, &num) && num.value > 1)
                    return 1;
        }
        /* a year that opens the sentence as its time: "In 2012, 13 died",
         * "Since 2015, ...", "2013: ..." (not "2000 people", "opened in
         * 1998") */
        size_t o = D->t.sents[s].tb;
        int y = (i == o || (i == o + 1 && (nkg_tok_is(&D->t, o, "in") || nkg_tok_is(&D->t, o, "since") ||
                                           nkg_tok_is(&D->t, o, "during")))) &&
                        (nkg_tok_is(&D->t, i + 1, ",") || nkg_tok_is(&D->t, i + 1, ":") || i > o)
                    ? year_at(D, i) : 0;
        if (y && (!D->doc_year || y != D->doc_year))
            other_year = 1;
    }
    other_year |= other_month_sentence(D, s);
    for (size_t e = 0; e < D->nevs && !has_event; ++e)
        for (size_t m = 0; m < D->evs[e].m.n && !has_event; ++m)
            has_event = D->t.toks[D->evs[e].m.v[m].tb].sent == s;
    return other_year && !has_event;
}

static nkg_status attach_casualties(doc *D)
{
    nkg_casualty *cs;
    size_t n;
    nkg_status st = nkg_find_casualties(&D->t, D->x->lx, D->a, &cs, &n);
    if (st != NKG_OK)
        return st;
    D->reps = nkg_arena_alloc(D->a, (n ? n : 1) * sizeof *D->reps);
    if (!D->reps)
        return NKG_ERR_NOMEM;
    for (size_t i = 0; i < n; ++i) {
        const nkg_casualty *c = &cs[i];
        uint32_t s = D->t.toks[c->anchor < D->t.ntoks ? c->anchor : c->tb].sent;
        int best = -1, best_rank = 0;
        long best_dist = 0;
        if (aggregate_sentence(D, s)) { /* a tally of many incidents: no event's */
            report r = {*c, -1, -1};
            if (c->src_te > c->src_tb)
                r.source = entity_in(D, c->src_tb, c->src_te);
            D->reps[D->nreps++] = r;
            continue;
        }
        /* the best-fitting family the article has at all: a death goes to
         * the attack even when only a raid is named in its sentence */
        int top = 0;
        for (size_t e = 0; e < D->nevs; ++e) {
            int rank = kind_family_rank(c->kind, D->evs[e].fam);
            if (rank > top)
                top = rank;
        }
        /* an event of that family in the same sentence, nearest first */
        for (size_t e = 0; e < D->nevs; ++e) {
            int rank = kind_family_rank(c->kind, D->evs[e].fam);
            if (!rank || rank < top)
                continue;
            for (size_t m = 0; m < D->evs[e].m.n; ++m) {
                const span *sp = &D->evs[e].m.v[m];
                if (D->t.toks[sp->tb].sent != s)
                    continue;
                long dist = labs((long)sp->tb - (long)c->anchor);
                if (best < 0 || rank > best_rank || (rank == best_rank && dist < best_dist)) {
                    best = (int)e;
                    best_rank = rank;
                    best_dist = dist;
                }
            }
        }
        if (best < 0) {
            /* else the main event of the best-fitting family */
            for (int fam = 0; fam < FAM_N; ++fam) {
                int e = main_event(D, fam);
                int rank = kind_family_rank(c->kind, fam);
                if (e >= 0 && other_event(&D->evs[e]))
                    continue; /* "In January, bandits killed 30 in an attack": not the article's */
                if (e >= 0 && rank > best_rank) {
                    best = e;
                    best_rank = rank;
                }
            }
        }
        if (best < 0 && (strcmp(c->kind, "Killed") == 0 || strcmp(c->kind, "Injured") == 0)) {
            /* Casualties with no trigger word still denote an incident. */
            event ev;
            memset(&ev, 0, sizeof ev);
            ev.fam = FAM_ATTACK;
            ev.cls = "Attack";
            ev.place = -1;
            ev.place2 = -1;
            VPUSH(D->a, D->evs, D->nevs, D->capevs, ev);
            best = (int)D->nevs - 1;
            st = spans_add(D->a, &D->evs[best].m, c->tb, c->te, "casualty-as-event", 0.5);
            if (st != NKG_OK)
                return st;
        }
        /* "holding at least 36 hostages" speaks of the hostage taking itself */
        if (best >= 0 && D->evs[best].fam == FAM_HOSTAGE && strcmp(c->kind, "Hostages") == 0 &&
            (st = spans_add(D->a, &D->evs[best].m, c->tb, c->te, "hostages-report", 0.6)) != NKG_OK)
            return st;
        report r = {*c, best, -1};
        if (c->src_te > c->src_tb)
            r.source = entity_in(D, c->src_tb, c->src_te);
        D->reps[D->nreps++] = r;
    }
    return NKG_OK;
}

/* ---------------------------------------------------------- statements */
static int last_person_before(const doc *D, size_t i)
{
    for (size_t k = i; k-- > 0;) {
        if (D->owner[k] >= 0 && D->ents[D->owner[k]].kind == ENT_PERSON)
            return D->owner[k];
        if (D->t.toks[i].sent > D->t.toks[k].sent + 8) /* a long quote may intervene */
            break;
    }
    return -1;
}

static int speaker_kind_ok(const doc *D, int e)
{
    return e >= 0 && (D->ents[e].kind == ENT_PERSON || D->ents[e].kind == ENT_ORG ||
                      (D->ents[e].kind == ENT_GROUP && strcmp(D->ents[e].role, "source") == 0));
}

static nkg_status find_statements(doc *D)
{
    for (size_t i = 0; i < D->t.ntoks; ++i) {
        /* "according to X" attributes what follows to X, as "said X" does */
        int accord = nkg_tok_is(&D->t, i, "according") && nkg_tok_is(&D->t, i + 1, "to");
        if (!is_speech(D, i) && !accord)
            continue;
        int sp = -1, pronoun = 0;
        size_t sb = 0, se = 0;
        size_t j = i + 1 + accord;
        if (nkg_tok_is(&D->t, j, "the") || nkg_tok_is(&D->t, j, "a"))
            j++;
        /* "said X" (skipping a title: "said former Prime Minister X") */
        const nkg_row *vr = nkg_table_find(D->x->speech, D->t.toks[i].norm);
        int after_ok = strcmp(nkg_row_get(vr, nkg_table_col(D->x->speech, "speaker")), "before") != 0;
        size_t k = after_ok ? j : D->t.ntoks;
        /* past a title ("said former Kenyan Prime Minister"), never past
         * a determiner: "said the attack bore the signature of the
         * Dawlah Islamiyah" names no speaker */
        while (k < D->t.ntoks && k < j + 6 && D->owner[k] < 0 && D->t.toks[k].sent == D->t.toks[i].sent &&
               !tok_flag(D, k, NKG_TOK_PUNCT) && !nkg_tok_is(&D->t, k, "the") && !nkg_tok_is(&D->t, k, "a") &&
               !nkg_tok_is(&D->t, k, "an"))
            k++;
        if (k < D->t.ntoks && speaker_kind_ok(D, D->owner[k]) && D->t.toks[k].sent == D->t.toks[i].sent) {
            size_t end = k;
            while (end < D->t.ntoks && D->owner[end] == D->owner[k])
                end++;
            /* "say al-Shabab may have ...": a name followed by a verb is the
             * subject of the reported clause, not the speaker. */
            if (end >= D->t.ntoks || tok_flag(D, end, NKG_TOK_PUNCT | NKG_TOK_NL) ||
                nkg_tok_is(&D->t, end, "of") || D->t.toks[end].sent != D->t.toks[i].sent) {
                sp = D->owner[k];
                sb = i + 1;
                se = end;
            }
        }
        /* "X said", "X told", "the group confirmed" */
        if (sp < 0 && i > 0 && !accord) {
            size_t b = i - 1;
            /* "A Syrian army spokesman, Brig. Gen. Hassan Suleiman, said" */
            if (b > 0 && nkg_tok_is(&D->t, b, ",") && !speaker_kind_ok(D, D->owner[b]) &&
                D->owner[b - 1] >= 0 && D->ents[D->owner[b - 1]].kind == ENT_PERSON)
                b--;
            /* "Abdul Nafi Takor, a spokesman for the Interior Ministry, said" */
            else if (b > 0 && nkg_tok_is(&D->t, b, ",")) {
                size_t c = b;
                uint32_t snt = D->t.toks[i].sent;
                while (c > D->t.sents[snt].tb && b - c < 12 && !nkg_tok_is(&D->t, c - 1, ",") &&
                       !tok_flag(D, c - 1, NKG_TOK_QUOTE))
                    c--;
                if (c >= 2 && c < b && nkg_tok_is(&D->t, c - 1, ",") && D->owner[c - 2] >= 0 &&
                    D->ents[D->owner[c - 2]].kind == ENT_PERSON &&
                    (nkg_tok_is(&D->t, c, "a") || nkg_tok_is(&D->t, c, "an") || nkg_tok_is(&D->t, c, "the")))
                    b = c - 2;
            }
            if (speaker_kind_ok(D, D->owner[b])) {
                sp = D->owner[b];
                se = i;
                sb = b;
                while (sb > 0 && D->owner[sb - 1] == sp)
                    sb--;
                if (sb > 0 && (nkg_tok_is(&D->t, sb - 1, "a") || nkg_tok_is(&D->t, sb - 1, "the")))
                    sb--;
            } else if (nkg_tok_is(&D->t, b, "he") || nkg_tok_is(&D->t, b, "she")) {
                sp = last_person_before(D, b);
                sb = b;
                se = i;
                pronoun = 1;
            }
        }
        /* a statement is a named speaker's, a person or an organisation;
         * "officials said", "witnesses told" only attribute what they
         * tell (a casualty report's prov:wasAttributedTo) */
        if (sp < 0 || D->ents[sp].kind == ENT_GROUP || (accord && D->ents[sp].kind != ENT_PERSON))
            continue; /* "according to the ministry" only attributes */
        stmt s;
        memset(&s, 0, sizeof s);
        s.speaker = sp;
        s.cont = -1;
        /* "Lamau told the BBC ... He said that ...": one account, told on */
        for (size_t q = 0; pronoun && q < D->nstmts && s.cont < 0; ++q)
            if (D->stmts[q].speaker == sp && D->stmts[q].cont < 0)
                s.cont = (int)q;
        s.verb.tb = (uint32_t)(sb < i ? sb : i);
        s.verb.te = (uint32_t)(se > i ? se : i + 1);
        s.verb.rule = "speech-verbs";
        s.verb.conf = 0.7;
        s.sb = (uint32_t)sb;
        s.se = (uint32_t)se;
        /* the quote: quoted tokens of the sentence, else the sentence */
        uint32_t snt = D->t.toks[i].sent;
        size_t qb = 0, qe = 0;
        for (size_t q = D->t.sents[snt].tb; q < D->t.sents[snt].te; ++q)
            if (tok_flag(D, q, NKG_TOK_QUOTE) && strcmp(D->t.toks[q].norm, "\"") == 0) {
                if (!qb)
                    qb = q + 1;
                else
                    qe = q;
            }
        if (!(qb && qe > qb) && snt > 0 && tok_flag(D, D->t.sents[snt].tb, NKG_TOK_QUOTE) == 0 &&
            tok_flag(D, i - (i > 0), NKG_TOK_QUOTE)) {
            qb = D->t.sents[snt - 1].tb; /* a quote closed just before: the previous sentence */
            qe = D->t.sents[snt - 1].te;
        }
        if (!(qb && qe > qb)) {
            qb = D->t.sents[snt].tb;
            qe = D->t.sents[snt].te;
        }
        s.qb = (uint32_t)qb;
        s.qe = (uint32_t)qe;
        s.about = main_event(D, FAM_ATTACK);
        if (s.about < 0)
            s.about = D->nevs ? 0 : -1;
        VPUSH(D->a, D->stmts, D->nstmts, D->capstmts, s);
        i = se > i ? se - 1 : i;
    }
    return NKG_OK;
}

/* --------------------------------------------------- roles of people */
/* A named person's part in the main attack comes from the words around a
 * mention (role-cues.tsv): a cue "after" the name ("Kyle Carney, 22, of
 * Killingly, was charged", "Amari Brown died"), or "before" it ("the
 * victim, Dalon Williams", "police arrested 23-year-old Quincy Lynch",
 * "shot and killed Matthew Regula"). Appositions (an age, ", of Town,"),
 * skippable words (role-skip.tsv: "reportedly", "then") and a coordinated
 * name ("Quincy Lynch and Marsha Lynch were arrested") lie between. A
 * person merely named near an attack word takes no part: spokesmen,
 * relatives and photographers are named there too. */
#define CUE_WINDOW 10

/* Token i as a cue reads it: a skipped word gives "", an auxiliary its
 * standard form ("were", "been" -> "was"), anything else its norm. */
static const char *cue_norm(const doc *D, size_t i)
{
    const nkg_row *r = nkg_table_find(D->x->role_skip, D->t.toks[i].norm);
    if (!r)
        return D->t.toks[i].norm;
    return nkg_row_get(r, 1);
}

static int is_skip_word(const doc *D, size_t i)
{
    return *cue_norm(D, i) == '\0';
}

/* End of the person mention starting at token i (owned by a person), else i. */
static size_t person_end(const doc *D, size_t i)
{
    int o = i < D->t.ntoks ? D->owner[i] : -1;
    if (o < 0 || D->ents[o].kind != ENT_PERSON)
        return i;
    while (i < D->t.ntoks && D->owner[i] == o)
        ++i;
    return i;
}

/* Skip an apposition after a name at token k: ", 22,", ", 22, of Killingly,",
 * ", age unavailable,", ", a student at Southridge High," "(22)", "Jr.",
 * " of the 900 block of West 36th Street". An apposition that does not
 * close before the verb ("Tommy Thomas, of central Toledo was shot") ends at
 * its first auxiliary. Returns the token after it. */
static size_t skip_apposition(const doc *D, size_t k, uint32_t snt)
{
    for (int rounds = 0; rounds < 4 && k < D->t.ntoks && D->t.toks[k].sent == snt; ++rounds) {
        const char *n = D->t.toks[k].norm;
        if (strcmp(n, "jr") == 0 || strcmp(n, "sr") == 0 || strcmp(n, ".") == 0) {
            k++;
            continue;
        }
        if (strcmp(n, "(") == 0) {
            size_t c = k + 1;
            while (c < D->t.ntoks && c < k + 6 && !nkg_tok_is(&D->t, c, ")"))
                c++;
            if (!nkg_tok_is(&D->t, c, ")"))
                break;
            k = c + 1;
            continue;
        }
        int comma = strcmp(n, ",") == 0;
        size_t f = k + (size_t)comma; /* the apposition's first token */
        if (f >= D->t.ntoks || D->t.toks[f].sent != snt)
            break;
        const char *fn = D->t.toks[f].norm;
        int of = strcmp(fn, "of") == 0 || strcmp(fn, "from") == 0;
        if (!of && !(comma && (tok_flag(D, f, NKG_TOK_NUM) || strcmp(fn, "age") == 0 ||
                               strcmp(fn, "aged") == 0 || strcmp(fn, "a") == 0 ||
                               strcmp(fn, "an") == 0 || strcmp(fn, "the") == 0 ||
                               strcmp(fn, "his") == 0 || strcmp(fn, "her") == 0)))
            break;
        size_t c = f;
        while (c < D->t.ntoks && c < f + 14 && D->t.toks[c].sent == snt &&
               !nkg_tok_is(&D->t, c, ",") && !nkg_tok_is(&D->t, c, ";"))
            c++;
        for (size_t j = f; j < c; ++j)
            if (strcmp(cue_norm(D, j), "was") == 0)
                return j; /* the verb came before any closing comma */
        if (comma && nkg_tok_is(&D->t, c, ",") && D->t.toks[c].sent == snt) {
            /* ", 22, of Killingly," has two parts: the second starts at c */
            k = (c + 1 < D->t.ntoks && (nkg_tok_is(&D->t, c + 1, "of") || nkg_tok_is(&D->t, c + 1, "from")))
                    ? c : c + 1;
            continue;
        }
        return c;
    }
    return k;
}

/* Filtered tokens after a person mention ending at e: up to max indices. */
static size_t tokens_after(const doc *D, size_t e, const char **out, size_t max)
{
    uint32_t snt = D->t.toks[e - 1].sent;
    size_t k = skip_apposition(D, e, snt), n = 0;
    /* "Quincy Lynch and Marsha Lynch were arrested": the verb is shared */
    for (int rounds = 0; rounds < 5; ++rounds) {
        size_t j = k;
        if (nkg_tok_is(&D->t, j, ","))
            j++;
        /* a list runs on after an apposition's closing comma too: "Linda
         * Hutton, 54, McKay Hutton, 22, and ... all dead" */
        int listed = k > 0 && nkg_tok_is(&D->t, k - 1, ",") && person_end(D, k) != k;
        if (!nkg_tok_is(&D->t, j, "and") && !nkg_tok_is(&D->t, j, "or") && j == k && !listed)
            break;
        if (nkg_tok_is(&D->t, j, "and") || nkg_tok_is(&D->t, j, "or"))
            j++;
        while (j < D->t.ntoks && (tok_flag(D, j, NKG_TOK_NUM) || nkg_tok_is(&D->t, j, "-") ||
                                  nkg_tok_is(&D->t, j, "year") || nkg_tok_is(&D->t, j, "old")))
            j++; /* "and 45-year-old Marsha Lynch" */
        size_t pe = person_end(D, j);
        if (pe == j)
            break;
        k = skip_apposition(D, pe, snt);
    }
    if (nkg_tok_is(&D->t, k, ","))
        k++; /* "Anthony Ellison, was shot" */
    if (nkg_tok_is(&D->t, k, "who"))
        k++; /* "Carney, who has been arrested before," */
    for (; k < D->t.ntoks && n < max && D->t.toks[k].sent == snt; ++k) {
        const char *w = cue_norm(D, k);
        if (*w && !(n && strcmp(w, out[n - 1]) == 0 && strcmp(w, "was") == 0))
            out[n++] = w; /* "was being held" reads "was held" */
    }
    return n;
}

/* Filtered tokens before a person mention starting at b, in text order:
 * an age, "the", a comma and a name coordinated before ("arrested Quincy
 * Lynch, 23, and Marsha Lynch"; "the victims, Ivory Jenkins, Tracy Brown
 * and Jerome Jones") are left out. */
static size_t tokens_before(const doc *D, size_t b, const char **out, size_t max, int *comma)
{
    *comma = 0;
    if (b == 0)
        return 0;
    uint32_t snt = D->t.toks[b].sent;
    size_t tmp[CUE_WINDOW], n = 0;
    size_t k = b; /* tokens [.., k) remain */
    while (k > 0 && n < max && n < CUE_WINDOW && D->t.toks[k - 1].sent == snt) {
        size_t i = k - 1;
        const char *w = D->t.toks[i].norm;
        if (strcmp(w, "old") == 0) { /* "22-year-old", "22 year old" */
            size_t j = i;
            while (j > 0 && j + 5 > i && !tok_flag(D, j, NKG_TOK_NUM) && D->t.toks[j - 1].sent == snt)
                j--;
            if (tok_flag(D, j, NKG_TOK_NUM)) {
                k = j;
                continue;
            }
        }
        if (n == 0 && (strcmp(w, "and") == 0 || strcmp(w, ",") == 0 || strcmp(w, ";") == 0)) {
            size_t j = i;
            while (j > 0 && i - j < 5 && D->t.toks[j - 1].sent == snt &&
                   (nkg_tok_is(&D->t, j - 1, ",") || nkg_tok_is(&D->t, j - 1, ";") ||
                    nkg_tok_is(&D->t, j - 1, "and") || tok_flag(D, j - 1, NKG_TOK_NUM)))
                j--;
            int o = j > 0 ? D->owner[j - 1] : -1;
            if (o >= 0 && D->ents[o].kind == ENT_PERSON && j < b) {
                while (j > 0 && D->owner[j - 1] == o)
                    j--;
                k = j;
                continue;
            }
        }
        if ((n == 0 && (strcmp(w, ",") == 0 || strcmp(w, ":") == 0 || strcmp(w, "the") == 0)) ||
            is_skip_word(D, i)) {
            /* "his daughter, Kayla Walker": a kinship apposition keeps a
             * verb cue before it ("killed his daughter, Kayla Walker") */
            if (strcmp(w, ",") == 0 || strcmp(w, ":") == 0)
                *comma = 1;
            else if (is_skip_word(D, i))
                *comma = 0;
            k = i;
            continue;
        }
        tmp[n++] = i;
        k = i;
    }
    for (size_t i = 0; i < n; ++i) /* into text order */
        out[i] = cue_norm(D, tmp[n - 1 - i]);
    return n;
}

/* Does cue p[0..np) match all of seq[0..ns)? A "*" in a cue stands for up
 * to four tokens: "identified * as". */
static int cue_matches(const char *const *p, size_t np, const char *const *seq, size_t ns)
{
    if (np == 0)
        return ns == 0;
    if (strcmp(p[0], "*") == 0) {
        for (size_t g = 0; g <= 4 && g <= ns; ++g)
            if (cue_matches(p + 1, np - 1, seq + g, ns - g))
                return 1;
        return 0;
    }
    return ns > 0 && strcmp(p[0], seq[0]) == 0 && cue_matches(p + 1, np - 1, seq + 1, ns - 1);
}

/* Longest cue of `pos` matching the filtered tokens: "after" cues at the
 * start of seq, "before" cues at its end. Returns the row, or NULL. */
static const nkg_row *match_cue(const doc *D, const char *pos, const char *const *seq, size_t n)
{
    const nkg_table *cues = D->x->role_cues;
    int c_pos = nkg_table_col(cues, "position");
    const nkg_row *best = NULL;
    int after = strcmp(pos, "after") == 0;
    for (size_t r = 0; r < nkg_table_rows(cues); ++r) {
        const nkg_row *row = nkg_table_row(cues, r);
        if (strcmp(nkg_row_get(row, c_pos), pos) != 0 || row->ntoks == 0 ||
            (best && best->ntoks >= row->ntoks))
            continue;
        for (size_t m = 1; m <= n; ++m)
            if (cue_matches(row->toks, row->ntoks, after ? seq : seq + n - m, m)) {
                best = row;
                break;
            }
    }
    return best;
}

/* The role of whoever "was identified as" the person at token i: the
 * nearest unnamed participant before it in the sentence ("the suspect,
 * who was identified as", "the officer who shot ... was identified as"), a
 * victim when there is none ("the medical examiner identified him as"). */
static const char *subject_role(const doc *D, size_t i)
{
    uint32_t snt = D->t.toks[i].sent;
    /* passive "X was identified as": X is whom the name denotes; active
     * "police identified the boy as": the police only name him */
    int passive = 0;
    for (size_t k = i; k-- > D->t.sents[snt].tb && k + 8 > i;)
        if (nkg_tok_is(&D->t, k, "identified")) {
            size_t j = k;
            while (j > D->t.sents[snt].tb && is_skip_word(D, j - 1))
                j--;
            passive = j > D->t.sents[snt].tb && strcmp(cue_norm(D, j - 1), "was") == 0;
            break;
        }
    for (size_t k = i; k-- > D->t.sents[snt].tb;) {
        int o = D->owner[k];
        if (o < 0 || D->ents[o].kind != ENT_GROUP)
            continue;
        const char *r = D->ents[o].role;
        if (strcmp(r, "victim") == 0 || strcmp(r, "perpetrator") == 0)
            return r;
        if (strcmp(r, "responder") == 0 && passive)
            return NULL; /* "the officer was identified as": no part of the attack */
    }
    return "victim";
}

/* A sentence opening "He" or "She" refers to the one person the sentence
 * before names ("Carney was arrested. He faces ..."); -1 when that
 * sentence names none or several. */
static int pronoun_antecedent(const doc *D, size_t i)
{
    uint32_t s = D->t.toks[i].sent;
    if (s == 0 || D->t.sents[s].tb != i || !(nkg_tok_is(&D->t, i, "he") || nkg_tok_is(&D->t, i, "she")))
        return -1;
    int found = -1;
    for (size_t k = D->t.sents[s - 1].tb; k < D->t.sents[s - 1].te; ++k) {
        int o = D->owner[k];
        if (o < 0 || D->ents[o].kind != ENT_PERSON || o == found)
            continue;
        if (found >= 0 && strcmp(D->ents[found].key, D->ents[o].key) != 0)
            return -1;
        found = o;
    }
    return found;
}

static nkg_status add_role(doc *D, int ev, int o, const char *role)
{
    if (strcmp(role, "victim") == 0)
        return ints_add(D->a, &D->evs[ev].victim, o);
    if (strcmp(role, "perpetrator") == 0)
        return ints_add(D->a, &D->evs[ev].perp, o);
    return NKG_OK;
}

/* An age next to the person mention [b, e): "22-year-old Kyle Carney",
 * "Kyle Carney, 22,", "Devon Lofton, 7." or "Kyle Carney (22)". */
static int age_beside(const doc *D, size_t b, size_t e)
{
    if (b >= 3 && nkg_tok_is(&D->t, b - 1, "old")) { /* "54-year-old", "54 year old" */
        size_t j = b - 1;
        while (j > 0 && j + 5 > b && !tok_flag(D, j, NKG_TOK_NUM))
            j--;
        if (tok_flag(D, j, NKG_TOK_NUM))
            return 1;
    }
    if (e + 2 < D->t.ntoks && (nkg_tok_is(&D->t, e, ",") || nkg_tok_is(&D->t, e, "(")) &&
        tok_flag(D, e + 1, NKG_TOK_NUM) && strlen(D->t.toks[e + 1].norm) <= 3 &&
        (nkg_tok_is(&D->t, e + 2, ",") || nkg_tok_is(&D->t, e + 2, ".") || nkg_tok_is(&D->t, e + 2, ";") ||
         nkg_tok_is(&D->t, e + 2, ")")))
        return 1;
    return 0;
}

/* The attack a person at token i takes part in: the article's main one,
 * unless the person's sentence tells only of another ("In July of 2015,
 * deputies shot and killed Cyrus Hurtado", "Jan. 5: Howard Atkinson shot
 * ..."): then the nearest of those. */
static int person_attack(const doc *D, size_t i, int att)
{
    uint32_t s = D->t.toks[i].sent;
    int other = -1;
    long best = -1;
    for (size_t e = 0; e < D->nevs; ++e) {
        if (D->evs[e].fam != FAM_ATTACK)
            continue;
        for (size_t m = 0; m < D->evs[e].m.n; ++m) {
            const span *sp = &D->evs[e].m.v[m];
            if (D->t.toks[sp->tb].sent != s)
                continue;
            if ((int)e == att)
                return att;
            long dist = labs((long)sp->tb - (long)i);
            if (best < 0 || dist < best) {
                best = dist;
                other = (int)e;
            }
        }
    }
    return other >= 0 ? other : att;
}

/* A reflexive pronoun: "himself", "themselves". */
static int is_reflexive(const char *w)
{
    size_t l = strlen(w);
    return (l > 4 && strcmp(w + l - 4, "self") == 0) || (l > 6 && strcmp(w + l - 6, "selves") == 0);
}

/* A cue later in the clause of the person mention ending at e, bound to
 * that person as its subject however long the verb phrase between:
 *   a reflexive one anywhere ("Eron Burks found a loaded gun in the car and
 *   shot himself": only cues of role-cues.tsv whose last word is
 *   reflexive);
 *   any cue that opens a coordinated verb phrase ("Walker then went to
 *   another bedroom and fatally shot Hale").
 * Another person or group, a new clause (";", "who", "that", "when", a
 * quote) or reported speech ("told police", "said") ends the search. */
static const nkg_row *clause_cue(const doc *D, size_t e)
{
    uint32_t snt = D->t.toks[e - 1].sent;
    for (size_t k = e; k < D->t.sents[snt].te && k < e + 24; ++k) {
        const char *w = D->t.toks[k].norm;
        if ((D->owner[k] >= 0 && (D->ents[D->owner[k]].kind == ENT_PERSON || D->ents[D->owner[k]].kind == ENT_GROUP)) ||
            strcmp(w, ";") == 0 || strcmp(w, "who") == 0 || strcmp(w, "that") == 0 || strcmp(w, "when") == 0 ||
            strcmp(w, "while") == 0 || strcmp(w, "because") == 0 || strcmp(w, "if") == 0 || is_speech(D, k) ||
            strcmp(w, "\"") == 0)
            return NULL;
        /* only where a cue can start: right after "and"/"then" (past
         * adverbs: "and fatally shot"), or before a reflexive pronoun */
        size_t p = k;
        while (p > e && is_skip_word(D, p - 1))
            p--;
        int coordinated = p > e && (nkg_tok_is(&D->t, p - 1, "and") || nkg_tok_is(&D->t, p - 1, "then"));
        int reflexive = 0;
        for (size_t j = k + 1; j < D->t.sents[snt].te && j < k + 4 && !reflexive; ++j)
            reflexive = is_reflexive(D->t.toks[j].norm);
        if (!coordinated && !reflexive)
            continue;
        const char *seq[CUE_WINDOW];
        size_t n = 0;
        for (size_t j = k; j < D->t.sents[snt].te && n < CUE_WINDOW; ++j)
            if (*cue_norm(D, j))
                seq[n++] = cue_norm(D, j);
        const nkg_row *cue = n ? match_cue(D, "after", seq, n) : NULL;
        if (!cue)
            continue;
        if (coordinated || (cue->ntoks >= 2 && is_reflexive(cue->toks[cue->ntoks - 1])))
            return cue;
    }
    return NULL;
}

/* A suspect named in the sentence of an arrest ("Police arrested John
 * Smith", "took Hollings into custody") is whom the arrest is of. */
static nkg_status arrested_person(doc *D, size_t i, int o)
{
    uint32_t s = D->t.toks[i].sent;
    for (size_t e = 0; e < D->nevs; ++e) {
        if (D->evs[e].fam != FAM_ARREST)
            continue;
        for (size_t m = 0; m < D->evs[e].m.n; ++m)
            if (D->t.toks[D->evs[e].m.v[m].tb].sent == s)
                return ints_add(D->a, &D->evs[e].victim, o);
    }
    return NKG_OK;
}

static nkg_status assign_person_roles(doc *D)
{
    for (size_t i = 0; i < D->t.ntoks; ++i) {
        int o = D->owner[i];
        if (o >= 0 && D->ents[o].kind == ENT_PERSON && (i == 0 || D->owner[i - 1] != o) &&
            age_beside(D, i, person_end(D, i)))
            D->ents[o].aged = 1;
    }
    int att = main_event(D, FAM_ATTACK);
    const nkg_table *cues = D->x->role_cues;
    if (att < 0 || !cues)
        return NKG_OK;
    int c_role = nkg_table_col(cues, "role");
    nkg_status st = NKG_OK;
    for (size_t i = 0; i < D->t.ntoks && st == NKG_OK; ++i) {
        int o = D->owner[i];
        size_t e;
        if (o < 0 && (o = pronoun_antecedent(D, i)) >= 0) {
            e = i + 1; /* "He was charged with ...": only cues after it */
            const char *seq[CUE_WINDOW];
            size_t n = tokens_after(D, e, seq, CUE_WINDOW);
            const nkg_row *cue = n ? match_cue(D, "after", seq, n) : NULL;
            if (cue && strcmp(nkg_row_get(cue, c_role), "subject") != 0)
                st = add_role(D, person_attack(D, i, att), o, nkg_row_get(cue, c_role));
            continue;
        }
        if (o < 0 || D->ents[o].kind != ENT_PERSON || (i > 0 && D->owner[i - 1] == o))
            continue;
        e = person_end(D, i);
        const char *seq[CUE_WINDOW];
        const nkg_row *cue = NULL;
        int comma;
        size_t n = tokens_before(D, i, seq, CUE_WINDOW, &comma);
        if (n)
            cue = match_cue(D, "title", seq, n);
        if (n && !cue && !comma)
            cue = match_cue(D, "before", seq, n);
        /* a possessive is a modifier: "Carney's gun" tells nothing of Carney */
        int possessive = possessive_len(D->t.toks[e - 1].norm) != 0;
        /* a relative clause tells of this one person, whatever a list's
         * title says: "the victims are: ..., and Alejandro Martinez, 20,
         * who witnesses said is the alleged gunman" */
        size_t r = skip_apposition(D, e, D->t.toks[e - 1].sent);
        if (nkg_tok_is(&D->t, r, ","))
            r++;
        int relative = nkg_tok_is(&D->t, r, "who");
        if ((!cue || relative) && !possessive) {
            n = tokens_after(D, e, seq, CUE_WINDOW);
            const nkg_row *after = n ? match_cue(D, "after", seq, n) : NULL;
            if (after)
                cue = after;
        }
        if (!cue && !possessive)
            cue = clause_cue(D, e);
        const char *role = cue ? nkg_row_get(cue, c_role) : NULL;
        if (role && strcmp(role, "subject") == 0)
            role = subject_role(D, i);
        if (role)
            st = add_role(D, person_attack(D, i, att), o, role);
        if (role && strcmp(role, "perpetrator") == 0 && st == NKG_OK)
            st = arrested_person(D, i, o);
    }
    return st;
}

/* --------------------------------------------------------------- roles */
/* The list of ev that an unnamed group or an organisation of `role`
 * fills, or NULL: attackers and victims of an attack or a hostage taking,
 * responders to a hostage taking or in an operation, whose target is the
 * attacker (a rescue's, the victim), victims of and responders to a crash
 * or a disaster. "relief" (an agency, an NGO, a Red Cross society) responds
 * to a crash, a disaster or a rescue only. */
static ints *role_slot(event *ev, const char *role)
{
    int perp = strcmp(role, "perpetrator") == 0, vict = strcmp(role, "victim") == 0;
    int resp = strcmp(role, "responder") == 0, relief = strcmp(role, "relief") == 0;
    /* a crash or a disaster has victims and responders, among them the
     * relief agencies ("the Turkish Red Crescent said ...") */
    if (ev->fam == FAM_CRASH || ev->fam == FAM_DISASTER)
        return vict ? &ev->victim : resp || relief ? &ev->resp : NULL;
    if (relief)
        return ev->fam == FAM_RESCUE ? &ev->resp : NULL;
    if (ev->fam == FAM_ATTACK || ev->fam == FAM_HOSTAGE)
        return perp ? &ev->perp : vict ? &ev->victim : resp && ev->fam == FAM_HOSTAGE ? &ev->resp : NULL;
    if (ev->fam == FAM_MILITARY || ev->fam == FAM_RESCUE || ev->fam == FAM_ARREST)
        return resp ? &ev->resp : perp && ev->fam != FAM_RESCUE ? &ev->victim
               : vict && ev->fam == FAM_RESCUE ? &ev->victim : NULL;
    return NULL;
}

/* Does sentence s only suspect someone (suspicion-cues.tsv)? */
static int suspicion_in(const doc *D, uint32_t s)
{
    return sentence_has(D, D->x->suspicion_cues, s);
}

/* The people a casualty report counts, named by a group right after its
 * number ("Two Malian soldiers escorting the patrol were killed", "40
 * shoppers and employees were evacuated"), take part in the report's
 * event: the killed, wounded, missing and held as its victims (those of an
 * operation too: "more than 40 militants had been killed"), attackers as
 * its perpetrators, the arrested as an arrest's. */
static nkg_status report_subjects(doc *D)
{
    for (size_t r = 0; r < D->nreps; ++r) {
        const report *rp = &D->reps[r];
        size_t i = rp->c.num.te;
        if (rp->event < 0 || rp->c.num.te <= rp->c.num.tb || i >= D->t.ntoks)
            continue;
        int o = D->owner[i];
        if (o < 0 || D->ents[o].kind != ENT_GROUP || (i > 0 && D->owner[i - 1] == o))
            continue;
        const char *k = rp->c.kind;
        event *ev = &D->evs[rp->event];
        ints *slot = NULL;
        if (strcmp(k, "Attackers") == 0)
            slot = ev->fam == FAM_ATTACK || ev->fam == FAM_HOSTAGE ? &ev->perp : NULL;
        else if (strcmp(k, "Arrested") == 0)
            slot = ev->fam == FAM_ARREST ? &ev->victim : NULL;
        else if (strcmp(k, "Killed") == 0 || strcmp(k, "Injured") == 0 || strcmp(k, "Missing") == 0 ||
                 strcmp(k, "Hostages") == 0)
            slot = ev->fam == FAM_STATEMENT || ev->fam == FAM_RESCUE || ev->fam == FAM_ARREST ? NULL : &ev->victim;
        if (!slot)
            continue;
        nkg_status st = ints_add(D->a, slot, o);
        if (st != NKG_OK)
            return st;
    }
    return NKG_OK;
}

/* Unnamed groups and organisations take part in the events of their
 * sentence that their role fits, the nearest one when the sentence names
 * several ("as gunmen barricaded themselves ... hostages" belong to the
 * siege, not to the shooting spree named earlier in the sentence); a
 * responder responds to each of them ("Police continue to clash ... with
 * the militants that were holding hostages": the clash and the siege). */
static nkg_status assign_roles(doc *D)
{
    const nkg_table *mods = nkg_lexicon_table(D->x->lx, "modifier-suffixes");
    for (size_t s = 0; s < D->t.nsents; ++s) {
        for (size_t i = D->t.sents[s].tb; i < D->t.sents[s].te; ++i) {
            int o = D->owner[i];
            if (o < 0 || (i > D->t.sents[s].tb && D->owner[i - 1] == o))
                continue;
            const ent *en = &D->ents[o];
            size_t end = i;
            while (end < D->t.ntoks && D->owner[end] == o)
                end++;
            /* "Al Qaeda-linked group": a modifier, not a participant */
            if (nkg_tok_is(&D->t, end, "-") && end + 1 < D->t.ntoks && in_table(mods, D->t.toks[end + 1].norm))
                continue;
            int armed = en->kind == ENT_ORG && strcmp(en->otype, "armed_group") == 0;
            int force = en->kind == ENT_ORG && strcmp(en->otype, "force") == 0;
            int aid = en->kind == ENT_ORG && (strcmp(en->otype, "agency") == 0 || strcmp(en->otype, "ngo") == 0 ||
                                             strcmp(en->otype, "branch") == 0);
            const char *role = en->kind == ENT_GROUP ? en->role : armed ? "perpetrator"
                               : force ? "responder" : aid ? "relief" : "";
            if (armed && suspicion_in(D, (uint32_t)s))
                continue; /* "bore the hallmarks of the Islamic State group" */
            long best = -1;
            for (int pass = 0; pass < 2; ++pass)
                for (size_t e = 0; e < D->nevs; ++e) {
                    event *ev = &D->evs[e];
                    ints *slot = role_slot(ev, role);
                    if (!slot)
                        continue;
                    long dist = -1;
                    for (size_t m = 0; m < ev->m.n; ++m) {
                        const span *sp = &ev->m.v[m];
                        if (D->t.toks[sp->tb].sent != s)
                            continue;
                        long d = i < sp->tb ? (long)(sp->tb - end) : (long)(i - sp->te);
                        if (d < 0)
                            d = 0;
                        if (dist < 0 || d < dist)
                            dist = d;
                    }
                    if (dist < 0)
                        continue;
                    if (pass == 0 && (best < 0 || dist < best))
                        best = dist;
                    else if (pass == 1 && (dist == best || strcmp(role, "responder") == 0)) {
                        nkg_status st = ints_add(D->a, slot, o);
                        if (st != NKG_OK)
                            return st;
                    }
                }
        }
    }
    nkg_status st = report_subjects(D);
    return st != NKG_OK ? st : assign_person_roles(D);
}

/* The outlet's name in a headline: "Vigil held ... in Killingly - WFSB 3
 * Connecticut", "Wichita, Kansas News, Weather, Sports - 1 dead after ...".
 * The headline (the first line) splits at a spaced dash or bar; a part
 * with a word of site-words.tsv or a call sign (KAIT, WFSB) names the
 * outlet. Marks its tokens in D->site. */
static nkg_status find_site_name(doc *D)
{
    const nkg_table *words = nkg_lexicon_table(D->x->lx, "site-words");
    size_t end = 0;
    while (end < D->t.ntoks && (end == 0 || !tok_flag(D, end, NKG_TOK_NL)))
        end++;
    D->site = nkg_arena_alloc(D->a, D->t.ntoks + 1);
    if (!D->site)
        return NKG_ERR_NOMEM;
    memset(D->site, 0, D->t.ntoks + 1);
    size_t b = 0;
    int parts = 0;
    for (size_t i = 0; i <= end; ++i) {
        int sep = i < end && (nkg_tok_is(&D->t, i, "-") || nkg_tok_is(&D->t, i, "|")) &&
                  tok_flag(D, i, NKG_TOK_SPACE) && (i + 1 >= end || tok_flag(D, i + 1, NKG_TOK_SPACE));
        if (!sep && i < end)
            continue;
        if (sep)
            parts++;
        if (i == end && !parts)
            break; /* one part: the headline itself */
        int site = 0;
        for (size_t k = b; k < i && !site; ++k) {
            const nkg_tok *t = &D->t.toks[k];
            size_t l = t->ce - t->cb;
            site = in_table(words, t->norm) || call_sign(D, k) ||
                   ((t->flags & NKG_TOK_UPPER) && l >= 3 && l <= 5 && (t->norm[0] == 'k' || t->norm[0] == 'w'));
        }
        for (size_t k = b; site && k < i; ++k)
            D->site[k] = 1;
        b = i + 1;
    }
    return NKG_OK;
}

/* Tokens from token i to the span [tb, te): 0 inside it. */
static long span_dist(size_t i, size_t tb, size_t te)
{
    return i < tb ? (long)(tb - i) : i < te ? 0 : (long)(i - te + 1);
}

/* Is a mention of an event other than ev nearer to token i, in i's
 * sentence, than `dist`? "the deadliest crash since 1992, when a plane
 * crashed near Kathmandu": Kathmandu is the 1992 crash's. */
static int other_event_nearer(const doc *D, int ev, size_t i, long dist)
{
    uint32_t s = D->t.toks[i].sent;
    for (size_t e = 0; e < D->nevs; ++e) {
        if ((int)e == ev || D->evs[e].fam == FAM_STATEMENT)
            continue;
        for (size_t m = 0; m < D->evs[e].m.n; ++m) {
            const span *sp = &D->evs[e].m.v[m];
            if (D->t.toks[sp->tb].sent != s)
                continue;
            if (span_dist(i, sp->tb, sp->te) < dist)
                return 1;
        }
    }
    return 0;
}

/* The votes of the words [tb, te) that tell of event ev for the places of
 * their sentence, scaled by `weight`. */
static void vote_places(const doc *D, int ev, double *score, uint32_t tb, uint32_t te, double weight)
{
    uint32_t s = D->t.toks[tb].sent;
    for (size_t i = D->t.sents[s].tb; i < D->t.sents[s].te; ++i) {
        int o = D->owner[i];
        if (o < 0 || D->ents[o].kind != ENT_PLACE || (i > D->t.sents[s].tb && D->owner[i - 1] == o))
            continue;
        if (D->site && D->site[i])
            continue; /* "... - KAIT Jonesboro, AR": the outlet's town */
        if (D->dateline >= 0 && i == D->dateline_tok)
            continue; /* "ANKARA (Reuters) - ... an earthquake in Bingöl": where
                       * the story was filed, weighed on its own below */
        long dist = span_dist(i, tb, te);
        if (other_event_nearer(D, ev, i, dist))
            continue;
        double w = residence_at(D, i) || speech_place_at(D, i) ? 0.0 : weight;
        if (person_modifier_at(D, i))
            w *= 0.5; /* often, not always, where it happened too */
        /* a facility over a city over a county over a region; a river
         * or a mountain is no more precise than a country */
        double spec = D->ents[o].pkind == PL_COUNTY ? 2.5 : D->ents[o].natural ? 1.0 : 1.0 + D->ents[o].pkind;
        score[o] += w * spec / (1.0 + dist / 8.0);
    }
}

/* An article that names no city at all may still be a local paper's:
 * "Chicago Tribune's Jasper Craven contributed". The city that opens a
 * media organisation's name becomes a place of the article, the last
 * resort for its events' place, as an outlet's town in a headline is. */
static nkg_status outlet_city(doc *D)
{
    for (size_t i = 0; i < D->nents; ++i)
        if (D->ents[i].kind == ENT_PLACE && D->ents[i].pkind == PL_CITY && !D->ents[i].dropped)
            return NKG_OK;
    for (size_t i = 0; i < D->nents; ++i) {
        const ent *o = &D->ents[i];
        if (o->kind != ENT_ORG || !o->otype || strcmp(o->otype, "media") != 0 || !o->m.n)
            continue;
        size_t tb = o->m.v[0].tb, te = o->m.v[0].te, n;
        const plist *l = match_index(D, &D->x->place_index, D->x->place_max_toks, tb, &n);
        const nkg_row *r = l && tb + n < te ? best_place(D, l, tb, tb + n) : NULL;
        if (!r || strcmp(nkg_row_get(r, D->x->c_pkind), "city") != 0)
            continue;
        int *keep = nkg_arena_alloc(D->a, n * sizeof *keep);
        if (!keep)
            return NKG_ERR_NOMEM;
        for (size_t k = 0; k < n; ++k)
            keep[k] = D->owner[tb + k];
        int city;
        nkg_status st = add_place_row(D, r, tb, tb + n, "outlet-city", 0.5, &city);
        for (size_t k = 0; k < n; ++k)
            D->owner[tb + k] = keep[k]; /* the words stay the organisation's */
        for (size_t k = 0; st == NKG_OK && k < D->nents; ++k) /* its facilities lie in it */
            if (D->ents[k].kind == ENT_PLACE && D->ents[k].pkind == PL_FACILITY && D->ents[k].within < 0) {
                D->ents[k].within = city;
                D->ents[k].key = nkg_arena_printf(D->a, "%s-%s", D->ents[k].key, D->ents[city].key);
                if (!D->ents[k].key)
                    st = NKG_ERR_NOMEM;
            }
        return st;
    }
    return NKG_OK;
}

/* Is the dateline the only mention of place p ("ANKARA (Reuters) -" and
 * never Ankara again): where the story was filed. */
static int only_dateline(const doc *D, size_t p)
{
    return (int)p == D->dateline && D->ents[p].m.n == 1;
}

/* An event's place: each of its mentions votes for the places of its
 * sentence, nearer and more specific ones more (a facility over a city over
 * a region over a country). A country or region is then narrowed to the
 * article's first city inside it: "the Kenya mall attack" happened in the
 * city the article names. */
static nkg_status place_events(doc *D)
{
    nkg_status st = outlet_city(D);
    if (st != NKG_OK)
        return st;
    double *score = nkg_arena_alloc(D->a, (D->nents + 1) * sizeof *score);
    if (!score)
        return NKG_ERR_NOMEM;
    for (size_t e = 0; e < D->nevs; ++e) {
        event *ev = &D->evs[e];
        memset(score, 0, (D->nents + 1) * sizeof *score);
        for (size_t m = 0; m < ev->m.n; ++m)
            vote_places(D, (int)e, score, ev->m.v[m].tb, ev->m.v[m].te, 1.0);
        /* its casualty reports tell of it too: "A 2-year-old boy in Tarpon
         * Springs died Wednesday" */
        for (size_t r = 0; r < D->nreps; ++r)
            if (D->reps[r].event == (int)e)
                vote_places(D, (int)e, score, D->reps[r].c.tb, D->reps[r].c.te, 0.5);
        int best = -1;
        for (size_t i = 0; i < D->nents; ++i)
            if (score[i] > 0 && (best < 0 || score[i] > score[best]))
                best = (int)i;
        /* a facility of the chosen city that the event's sentences name is
         * more precise, and names the city too: "a rampage through the
         * Westgate mall in Nairobi" */
        for (size_t i = 0; best >= 0 && D->ents[best].pkind == PL_CITY && i < D->nents; ++i)
            if (score[i] > 0 && D->ents[i].pkind == PL_FACILITY && D->ents[i].within == best)
                best = (int)i;
        /* likewise a region of the chosen country, a city of the chosen
         * region: "an earthquake that struck Turkey's eastern province of
         * Bingöl" (Turkey named more often) struck Bingöl */
        for (int narrowed = 1; narrowed && best >= 0 && D->ents[best].pkind < PL_CITY;) {
            narrowed = 0;
            int in = -1;
            for (size_t i = 0; i < D->nents; ++i) {
                const ent *c = &D->ents[i];
                if (score[i] > 0 && c->kind == ENT_PLACE && c->pkind > D->ents[best].pkind &&
                    c->pkind <= PL_CITY && strcmp(c->country, D->ents[best].country) == 0 &&
                    (D->ents[best].pkind == PL_COUNTRY || strcmp(c->admin1, D->ents[best].admin1) == 0) &&
                    (in < 0 || score[i] > score[in]))
                    in = (int)i;
            }
            if (in >= 0) {
                best = in;
                narrowed = 1;
            }
        }
        /* a county only when no town is named near the event: "in Houston,
         * Harris County deputies said" happened in Houston */
        for (size_t i = 0; best >= 0 && D->ents[best].pkind == PL_COUNTY && i < D->nents; ++i)
            if (score[i] > 0 && D->ents[i].pkind == PL_CITY &&
                (best == (int)i || D->ents[best].pkind == PL_COUNTY || score[i] > score[best]))
                best = (int)i;
        int county = -1;
        if (best >= 0 && (D->ents[best].pkind < PL_CITY || D->ents[best].pkind == PL_COUNTY) && !other_event(ev) &&
            *D->ents[best].country) {
            int city = -1;
            for (size_t i = 0; i < D->nents; ++i) {
                const ent *c = &D->ents[i];
                if (c->kind == ENT_PLACE && c->pkind == PL_CITY && !c->dropped && !D->site[c->m.v[0].tb] &&
                    !only_residence(D, c) && !only_dateline(D, i) && strcmp(c->country, D->ents[best].country) == 0 &&
                    (D->ents[best].pkind == PL_COUNTRY || strcmp(c->admin1, D->ents[best].admin1) == 0) &&
                    (city < 0 || c->m.v[0].tb < D->ents[city].m.v[0].tb))
                    city = (int)i;
            }
            if (city >= 0) {
                if (D->ents[best].pkind == PL_COUNTY)
                    county = best; /* kept beside the town */
                best = city;
            }
        }
        if (best < 0 && !other_event(ev)) { /* no place in its sentences: the article's first city,
                                      * one in the outlet's name last */
            for (int site = 0; site < 2 && best < 0; ++site)
                for (size_t i = 0; i < D->nents; ++i)
                    if (D->ents[i].kind == ENT_PLACE && D->ents[i].pkind == PL_CITY && !D->ents[i].dropped &&
                        (D->site && D->site[D->ents[i].m.v[0].tb]) == site && !only_residence(D, &D->ents[i]) &&
                        (best < 0 || D->ents[i].m.v[0].tb < D->ents[best].m.v[0].tb))
                        best = (int)i;
        }
        /* Local news datelines name the city of the incident: take it when
         * the sentences named none, add it when they named a town nearby. */
        ev->place2 = -1;
        int dl = D->dateline;
        if (dl >= 0 && !other_event(ev) && (ev->fam == FAM_ATTACK || ev->fam == FAM_HOSTAGE)) {
            /* a region or a country only when the dateline lies in it: a
             * KABUL story of an attack in Kunduz province stays there */
            int within = best >= 0 && D->ents[best].pkind < PL_CITY &&
                         strcmp(D->ents[best].country, D->ents[dl].country) == 0 &&
                         (D->ents[best].pkind == PL_COUNTRY || strcmp(D->ents[best].admin1, D->ents[dl].admin1) == 0);
            if (best < 0 || within || (D->ents[best].pkind == PL_COUNTY && D->ents[dl].pkind == PL_CITY))
                best = dl;
            else if (best != dl && D->ents[best].pkind == PL_CITY &&
                     strcmp(D->ents[best].country, D->ents[dl].country) == 0)
                ev->place2 = dl;
            else if (D->ents[best].pkind == PL_FACILITY && D->ents[best].within != dl)
                ev->place2 = dl; /* "the Wild Beaver Saloon" in an INDIANAPOLIS story */
        }
        if (county >= 0 && ev->place2 < 0 && county != best)
            ev->place2 = county;
        ev->place = best;
    }
    return NKG_OK;
}

/* ------------------------------------------------------------- emission */
static const char *pct_encode(nkg_arena *a, const char *s)
{
    size_t n = strlen(s);
    char *o = nkg_arena_alloc(a, n * 3 + 1);
    if (!o)
        return NULL;
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
        if (isalnum(*p) || strchr("-._~", *p))
            o[k++] = (char)*p;
        else
            k += (size_t)sprintf(o + k, "%%%02X", *p);
    }
    o[k] = '\0';
    return o;
}

char *nkg_article_iri(nkg_arena *a, const char *base, const nkg_article *art)
{
    if (art->url && *art->url && strchr(art->url, ':')) {
        const char *hash = strchr(art->url, '#'); /* mentions add their own fragment */
        size_t n = hash ? (size_t)(hash - art->url) : strlen(art->url);
        int ok = n > 0;
        for (size_t i = 0; i < n && ok; ++i) /* only what an IRI may hold */
            ok = (unsigned char)art->url[i] > 0x20 && !strchr("<>\"{}|\\^`", art->url[i]);
        if (ok)
            return nkg_arena_strndup(a, art->url, n);
    }
    const char *id = pct_encode(a, art->id ? art->id : "article");
    return id ? nkg_arena_printf(a, "%sarticle/%s", base, id) : NULL;
}

typedef struct {
    doc *D;
    nkg_emitter e;
    const char *doc_iri;
    const char *docslug;
    nkg_strmap seen; /* mention IRIs already described: a span shared by two
                        nodes is described once, by the first */
} emit_ctx;

static const char *mention(emit_ctx *c, uint32_t tb, uint32_t te, const char *rule, double conf)
{
    doc *D = c->D;
    if (tb >= te || te > D->t.ntoks)
        return NULL;
    const nkg_tok *b = &D->t.toks[tb], *e = &D->t.toks[te - 1];
    const char *m = nkg_arena_printf(D->a, "%s#char=%u,%u", c->doc_iri, b->cb, e->ce);
    const char *anchor = nkg_text_slice(D->a, &D->t, tb, te);
    if (!m || !anchor) {
        c->e.st = NKG_ERR_NOMEM;
        return NULL;
    }
    void **slot = nkg_strmap_slot(&c->seen, m);
    if (!slot) {
        c->e.st = NKG_ERR_NOMEM;
        return NULL;
    }
    if (*slot)
        return m;
    *slot = (void *)m;
    nkg_emit_iri(&c->e, m, NS_RDF "type", NS_NIF "Phrase");
    nkg_emit_iri(&c->e, m, NS_NIF "referenceContext", c->doc_iri);
    nkg_emit_int(&c->e, m, NS_NIF "beginIndex", b->cb, NS_XSD "nonNegativeInteger");
    nkg_emit_int(&c->e, m, NS_NIF "endIndex", e->ce, NS_XSD "nonNegativeInteger");
    nkg_emit_lit(&c->e, m, NS_NIF "anchorOf", anchor, NULL);
    if (rule) {
        const char *r = nkg_arena_printf(D->a, "%srule/%s", D->x->base, rule);
        if (r) {
            nkg_emit_iri(&c->e, m, NS_NKG "extractedBy", r);
            nkg_emit_iri(&c->e, r, NS_RDF "type", NS_NKG "ExtractionRule");
            /* "triggers-12" names line 12 of mappings/triggers.tsv, and
             * "casualty-words.tsv:40/after" line 40 of that file */
            const char *dash = strrchr(rule, '-');
            const char *tsv = strstr(rule, ".tsv:");
            const char *label =
                tsv ? nkg_arena_printf(D->a, "mappings/%s", rule)
                : dash && dash[1] && strspn(dash + 1, "0123456789") == strlen(dash + 1)
                    ? nkg_arena_printf(D->a, "mappings/%.*s.tsv line %s", (int)(dash - rule), rule,
                                       dash + 1)
                    : nkg_arena_printf(D->a, "built-in rule %s", rule);
            if (label)
                nkg_emit_lang(&c->e, r, NS_RDFS "label", label, "en");
        }
    }
    char buf[16];
    snprintf(buf, sizeof buf, "%.2f", conf);
    nkg_emit_lit(&c->e, m, NS_NKG "confidence", buf, NS_XSD "decimal");
    return m;
}

static void mentions(emit_ctx *c, const char *node, const spans *s)
{
    for (size_t i = 0; i < s->n; ++i) {
        const char *m = mention(c, s->v[i].tb, s->v[i].te, s->v[i].rule, s->v[i].conf);
        if (m)
            nkg_emit_iri(&c->e, node, NS_GAF "denotedBy", m);
    }
}

static const char *place_row_iri(emit_ctx *c, const nkg_row *r)
{
    return nkg_arena_printf(c->D->a, "%splace/%s", c->D->x->base, place_key(c->D->a, c->D->x, r));
}

/* A gazetteer place's description; also used for the containing country
 * and region, which get no mention of their own. */
static void describe_place_row(emit_ctx *c, const char *iri, const nkg_row *r, int depth)
{
    const nkg_extractor *x = c->D->x;
    nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_SEM "Place");
    nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_SCHEMA "Place");
    nkg_emit_lit(&c->e, iri, NS_RDFS "label", nkg_row_get(r, x->c_pname), NULL);
    const char *id = nkg_row_get(r, x->c_pid);
    if (*id) {
        nkg_emit_iri(&c->e, iri, NS_OWL "sameAs",
                     nkg_arena_printf(c->D->a, "%s%s/", NS_GEONAMES, id));
        if (*nkg_row_get(r, x->c_plat) && *nkg_row_get(r, x->c_plong)) {
            nkg_emit_lit(&c->e, iri, NS_GEO "lat", nkg_row_get(r, x->c_plat), NS_XSD "decimal");
            nkg_emit_lit(&c->e, iri, NS_GEO "long", nkg_row_get(r, x->c_plong), NS_XSD "decimal");
        }
    }
    if (depth > 2)
        return;
    const char *kind = nkg_row_get(r, x->c_pkind);
    const char *cc = nkg_row_get(r, x->c_pcountry);
    const nkg_row *up = NULL;
    if (strcmp(kind, "city") == 0) {
        const char *k = nkg_arena_printf(c->D->a, "%s.%s", cc, nkg_row_get(r, x->c_padmin1));
        up = k ? nkg_strmap_get(&x->admin1_by_code, k) : NULL;
    }
    if (!up && strcmp(kind, "country") != 0)
        up = nkg_strmap_get(&x->country_by_code, cc);
    if (up && up != r) {
        const char *ui = place_row_iri(c, up);
        nkg_emit_iri(&c->e, iri, NS_SCHEMA "containedInPlace", ui);
        describe_place_row(c, ui, up, depth + 1);
    }
}

static const char *ent_iri(emit_ctx *c, int i)
{
    const ent *e = &c->D->ents[i];
    static const char *const dir[] = {"person", "org", "group", "place"};
    return nkg_arena_printf(c->D->a, "%s%s/%s", c->D->x->base, dir[e->kind], e->key);
}

static void emit_entity(emit_ctx *c, int i)
{
    const ent *e = &c->D->ents[i];
    const char *iri = ent_iri(c, i);
    if (!iri) {
        c->e.st = NKG_ERR_NOMEM;
        return;
    }
    switch (e->kind) {
    case ENT_PERSON:
        nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_SEM "Actor");
        nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_SCHEMA "Person");
        break;
    case ENT_ORG:
        nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_SEM "Actor");
        nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_SCHEMA "Organization");
        break;
    case ENT_GROUP:
        nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_SEM "Actor");
        nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_NKG "Group");
        break;
    case ENT_PLACE:
        if (e->prow) {
            describe_place_row(c, iri, e->prow, 0);
        } else {
            nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_SEM "Place");
            nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_SCHEMA "Place");
            if (e->within >= 0) {
                nkg_emit_iri(&c->e, iri, NS_SCHEMA "containedInPlace", ent_iri(c, e->within));
            } else if (e->up) {
                const char *ui = place_row_iri(c, e->up);
                nkg_emit_iri(&c->e, iri, NS_SCHEMA "containedInPlace", ui);
                describe_place_row(c, ui, e->up, 1);
            }
        }
        break;
    }
    if (e->kind != ENT_PLACE || !e->prow)
        nkg_emit_lit(&c->e, iri, NS_RDFS "label", e->label, NULL);
    mentions(c, iri, &e->m);
}

/* The sound of a surname, Soundex-style but not cut to four characters,
 * so that spellings outlets disagree on meet ("Beedles" and "Beddles" ->
 * b342, "MacFarlane" and "McFarlane" -> m21645) while longer names stay
 * apart ("Williams" w452, "Williamson" w4525). Letters beyond ASCII count
 * as vowels. */
static const char *soundex(nkg_arena *a, const char *w)
{
    static const char code[27] = "01230120022455012623010202";
    size_t n = strlen(w);
    char *o = nkg_arena_alloc(a, n + 2);
    if (!o)
        return NULL;
    size_t k = 0;
    char last = 0;
    for (const unsigned char *p = (const unsigned char *)w; *p; ++p) {
        int c = tolower(*p);
        char d = c >= 'a' && c <= 'z' ? code[c - 'a'] : (c >= 0x80 ? '0' : 0);
        if (!d)
            continue; /* apostrophes, hyphens */
        if (k == 0) {
            o[k++] = c >= 'a' && c <= 'z' ? (char)c : 'x';
            last = d;
            continue;
        }
        if (d != '0' && d != last)
            o[k++] = d;
        if (c != 'h' && c != 'w') /* h and w do not separate equal codes */
            last = d;
    }
    o[k] = '\0';
    return k ? o : NULL;
}

/* A participant's name as outlets agree on it: the first initial and the
 * surname ("Kendal Pinkerton" and "Kendall Pinkerton" -> k-pinkerton,
 * "Stephen J. Brumby" -> s-brumby), the whole first name with a common
 * surname (common-surnames.tsv: "raymond-williams"), or with `sound` the
 * surname's sound, for uncommon surnames of seven letters or more, where a
 * misspelling is likelier than a namesake ("Beedles"/"Beddles" ->
 * d-sound-b342); NULL for a single name (or when `sound` does not apply). */
static const char *person_key(const doc *D, int e, int sound)
{
    const char *l = D->ents[e].label;
    const char *sp = strrchr(l, ' ');
    if (!sp || !sp[1])
        return NULL;
    size_t first = 1;
    while (((unsigned char)l[first] & 0xC0) == 0x80)
        first++; /* the whole first letter */
    int common = in_table(D->x->common_surnames, D->ents[e].surname);
    if (common)
        first = strcspn(l, " "); /* "rhonda-williams", not "r-williams" */
    const char *ini = slug(D->a, nkg_arena_strndup(D->a, l, first));
    if (sound && (strlen(sp + 1) < 7 || common))
        return NULL;
    const char *last = sound ? soundex(D->a, sp + 1) : slug(D->a, sp + 1);
    return ini && last ? nkg_arena_printf(D->a, sound ? "%s-sound-%s" : "%s-%s", ini, last) : NULL;
}

/* A block address at token i ("block"): "the 1300 block of North Erie",
 * "the 700-block of East McHaney Drive", "6700 block of S. Aberdeen" ->
 * 1300-erie, 700-mchaney, 6700-aberdeen (the direction left out: outlets
 * abbreviate it differently), or NULL. */
static const char *block_key(const doc *D, size_t i)
{
    if (i < 1 || !nkg_tok_is(&D->t, i, "block") || !nkg_tok_is(&D->t, i + 1, "of"))
        return NULL;
    size_t nb = i - 1;
    if (nkg_tok_is(&D->t, nb, "-") && nb > 0)
        nb--;
    const char *num = D->t.toks[nb].norm;
    long v = strtol(num, NULL, 10);
    if (!isdigit((unsigned char)num[0]) || v <= 0)
        return NULL;
    size_t k = i + 2;
    while (k < D->t.ntoks && k < i + 5 && in_table(D->x->directions, D->t.toks[k].norm)) {
        k++;
        if (nkg_tok_is(&D->t, k, "."))
            k++;
    }
    if (k >= D->t.ntoks || D->t.toks[k].sent != D->t.toks[i].sent ||
        !(is_cap_word(D, k) || (isdigit((unsigned char)D->t.toks[k].norm[0]) && tok_flag(D, k, NKG_TOK_WORD))))
        return NULL;
    return nkg_arena_printf(D->a, "%ld-%s", v, slug(D->a, D->t.toks[k].norm));
}

/* The keys that name an event across articles. Each is a resolution key:
 * the first names the event's IRI, the others become owl:sameAs aliases, so
 * two articles that share any key denote one event. In order:
 *   family + city-level place + year (an event of another year) or date;
 *   family + a named victim's name (person_key: rarely shared by two
 *   incidents, and robust to the spelling of a first name);
 *   family + city-level place + a death toll of three or more;
 *   family + the block of a street it happened on (block_key), or the
 *   street with its state (its town when its name is one word);
 *   family + a named suspect's name, likewise.
 * With none of these the event stays local to its article: a false merge is
 * worse than a false split. Returns the number of keys (>= 1). */
static size_t event_keys(emit_ctx *c, int i, const char **keys, size_t max)
{
    doc *D = c->D;
    const event *ev = &D->evs[i];
    const char *fam = family_names[ev->fam];
    const char *k;
    int is_main = i == main_event(D, ev->fam);
    size_t n = 0;
    int pl = ev->place;
    if (pl >= 0 && D->ents[pl].pkind == PL_FACILITY)
        pl = D->ents[pl].within;
    const char *where = pl >= 0 ? D->ents[pl].key : NULL;
    if (where && ev->year && !ev->entry && n < max)
        keys[n++] = nkg_arena_printf(D->a, "%s/%s/%d", fam, where, ev->year);
    else if (where && ev->date && n < max)
        keys[n++] = nkg_arena_printf(D->a, "%s/%s/%s", fam, where, ev->date);
    if (!other_event(ev)) {
        for (int sound = 0; sound < 2; ++sound)
            for (size_t v = 0; v < ev->victim.n && n < max; ++v)
                if (D->ents[ev->victim.v[v]].kind == ENT_PERSON && (k = person_key(D, ev->victim.v[v], sound)))
                    keys[n++] = nkg_arena_printf(D->a, "%s/person/%s", fam, k);
        int64_t killed = -1;
        for (size_t r = 0; r < D->nreps; ++r)
            if (D->reps[r].event == i && strcmp(D->reps[r].c.kind, "Killed") == 0 &&
                D->reps[r].c.num.value > killed)
                killed = D->reps[r].c.num.value;
        if (where && killed >= 3 && n < max)
            keys[n++] = nkg_arena_printf(D->a, "%s/%s/killed-%lld", fam, where, (long long)killed);
        /* the street it happened on: a name of two words or more ("Redbud
         * Berry Way") with its state, a one-word one ("Apollo Street") with
         * its town */
        for (size_t t = 0; is_main && t < D->nstreets && n < max; ++t) {
            if (strchr(D->streets[t], ' ') && pl >= 0 && *D->ents[pl].country)
                keys[n++] = nkg_arena_printf(D->a, "%s/street/%s-%s/%s", fam, D->ents[pl].country,
                                             D->ents[pl].admin1, slug(D->a, D->streets[t]));
            else if (where)
                keys[n++] = nkg_arena_printf(D->a, "%s/street/%s/%s", fam, where, slug(D->a, D->streets[t]));
        }
        /* the block it happened on: local news name it, and two incidents
         * rarely share one (the article's main event only; no place in the
         * key, since outlets name the town, the city or the county) */
        for (size_t t = 0; is_main && t < D->t.ntoks && n < max; ++t) {
            const char *b = block_key(D, t);
            int dup = 0;
            for (size_t q = 0; b && q < n; ++q)
                dup |= strstr(keys[q], b) != NULL && strstr(keys[q], "/block/") != NULL;
            if (b && !dup)
                keys[n++] = nkg_arena_printf(D->a, "%s/block/%s", fam, b);
        }
        for (int sound = 0; sound < 2; ++sound)
            for (size_t v = 0; v < ev->perp.n && n < max; ++v)
                if (D->ents[ev->perp.v[v]].kind == ENT_PERSON && (k = person_key(D, ev->perp.v[v], sound)))
                    keys[n++] = nkg_arena_printf(D->a, "%s/person/%s", fam, k);
        /* people given an age are the incident's people (victims, suspects,
         * their relatives), whatever part the cues missed; officials are
         * not given one (the article's main event only) */
        for (int sound = 0; sound < 2 && is_main; ++sound)
            for (size_t p = 0; p < D->nents && n < max; ++p) {
                if (D->ents[p].kind != ENT_PERSON || !D->ents[p].aged ||
                    (ev->fam == FAM_ATTACK && person_attack(D, D->ents[p].m.v[0].tb, i) != i) ||
                    !(k = person_key(D, (int)p, sound)))
                    continue;
                const char *key = nkg_arena_printf(D->a, "%s/person/%s", fam, k);
                int dup = 0;
                for (size_t q = 0; key && q < n; ++q)
                    dup |= strcmp(keys[q], key) == 0;
                if (!dup)
                    keys[n++] = key;
            }
    }
    if (n == 0)
        keys[n++] = nkg_arena_printf(D->a, "%s/%s/%u", fam, c->docslug, ev->m.v[0].tb);
    return n;
}

static nkg_status emit_body(emit_ctx *c, doc *D);

static nkg_status emit_article(doc *D, const nkg_sink *sink)
{
    emit_ctx c;
    memset(&c, 0, sizeof c);
    c.D = D;
    c.e.sink = sink;
    c.e.st = NKG_OK;
    c.doc_iri = nkg_article_iri(D->a, D->x->base, D->art);
    c.docslug = slug(D->a, D->art->id ? D->art->id : "article");
    c.e.graph = c.doc_iri;
    if (!c.doc_iri || !c.docslug)
        return NKG_ERR_NOMEM;
    nkg_status st = emit_body(&c, D);
    nkg_strmap_free(&c.seen);
    return st;
}

static nkg_status emit_body(emit_ctx *c, doc *D)
{
    const nkg_article *art = D->art;
    nkg_emit_iri(&c->e, c->doc_iri, NS_RDF "type", NS_SCHEMA "NewsArticle");
    nkg_emit_iri(&c->e, c->doc_iri, NS_RDF "type", NS_NIF "Context");
    nkg_emit_lit(&c->e, c->doc_iri, NS_DCT "identifier", art->id, NULL);
    if (art->title && *art->title)
        nkg_emit_lit(&c->e, c->doc_iri, NS_DCT "title", art->title, NULL);
    if (D->doc_date)
        nkg_emit_lit(&c->e, c->doc_iri, NS_DCT "issued", D->doc_date, NS_XSD "date");
    if (art->url && *art->url && strcmp(c->doc_iri, art->url) == 0)
        nkg_emit_iri(&c->e, c->doc_iri, NS_SCHEMA "url", art->url);
    if (art->publisher && *art->publisher) {
        const char *pub = nkg_arena_printf(D->a, "%sorg/%s", D->x->base, slug(D->a, art->publisher));
        nkg_emit_iri(&c->e, c->doc_iri, NS_DCT "publisher", pub);
        nkg_emit_iri(&c->e, pub, NS_RDF "type", NS_SCHEMA "Organization");
        nkg_emit_lit(&c->e, pub, NS_RDFS "label", art->publisher, NULL);
    }
    if (D->x->include_text)
        nkg_emit_lit(&c->e, c->doc_iri, NS_NIF "isString", art->text, NULL);
    for (size_t i = 0; i < D->nents; ++i)
        if (!D->ents[i].dropped)
            emit_entity(c, (int)i);
    const char **ev_iri = nkg_arena_alloc(D->a, (D->nevs + 1) * sizeof *ev_iri);
    if (!ev_iri) {
        return NKG_ERR_NOMEM;
    }
    for (size_t i = 0; i < D->nevs; ++i) {
        const event *ev = &D->evs[i];
        const char *keys[32];
        size_t nkeys = event_keys(c, (int)i, keys, 32);
        for (size_t k = 0; k < nkeys; ++k)
            if (!keys[k])
                return NKG_ERR_NOMEM;
        const char *key = keys[0];
        const char *iri = ev_iri[i] = nkg_arena_printf(D->a, "%sevent/%s", D->x->base, key);
        if (!iri)
            return NKG_ERR_NOMEM;
        for (size_t k = 1; k < nkeys; ++k) {
            nkg_emit_iri(&c->e, iri, NS_OWL "sameAs",
                         nkg_arena_printf(D->a, "%sevent/%s", D->x->base, keys[k]));
            nkg_emit_lit(&c->e, iri, NS_NKG "matchKey", keys[k], NULL);
        }
        nkg_emit_iri(&c->e, iri, NS_RDF "type", nkg_arena_printf(D->a, NS_NKG "%s", ev->cls));
        int pl = ev->place;
        const char *where = pl >= 0 ? D->ents[pl].label : NULL;
        if (pl >= 0 && D->ents[pl].pkind == PL_FACILITY && D->ents[pl].within >= 0)
            where = D->ents[D->ents[pl].within].label;
        const char *label = where ? nkg_arena_printf(D->a, "%s in %s", family_names[ev->fam], where)
                                  : family_names[ev->fam];
        nkg_emit_lit(&c->e, iri, NS_RDFS "label", label, NULL);
        nkg_emit_lit(&c->e, iri, NS_NKG "matchKey", key, NULL);
        mentions(c, iri, &ev->m);
        if (pl >= 0) {
            nkg_emit_iri(&c->e, iri, NS_SEM "hasPlace", ent_iri(c, pl));
            if (D->ents[pl].pkind == PL_FACILITY && D->ents[pl].within >= 0)
                nkg_emit_iri(&c->e, iri, NS_SEM "hasPlace", ent_iri(c, D->ents[pl].within));
        }
        if (ev->place2 >= 0)
            nkg_emit_iri(&c->e, iri, NS_SEM "hasPlace", ent_iri(c, ev->place2));
        if (ev->date)
            nkg_emit_lit(&c->e, iri, NS_SEM "hasTimeStamp", ev->date, NS_XSD "date");
        else if (ev->year)
            nkg_emit_lit(&c->e, iri, NS_SEM "hasTimeStamp",
                         nkg_arena_printf(D->a, "%d", ev->year), NS_XSD "gYear");
        for (size_t k = 0; k < ev->perp.n; ++k)
            nkg_emit_iri(&c->e, iri, NS_NKG "perpetrator", ent_iri(c, ev->perp.v[k]));
        for (size_t k = 0; k < ev->victim.n; ++k)
            nkg_emit_iri(&c->e, iri, NS_NKG "victim", ent_iri(c, ev->victim.v[k]));
        for (size_t k = 0; k < ev->resp.n; ++k)
            nkg_emit_iri(&c->e, iri, NS_NKG "responder", ent_iri(c, ev->resp.v[k]));
    }
    for (size_t i = 0; i < D->nreps; ++i) {
        const report *r = &D->reps[i];
        const nkg_tok *b = &D->t.toks[r->c.tb], *e = &D->t.toks[r->c.te - 1];
        const char *iri = nkg_arena_printf(D->a, "%sreport/%s/%u-%u", D->x->base, c->docslug, b->cb, e->ce);
        if (!iri) {
            return NKG_ERR_NOMEM;
        }
        nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_NKG "CasualtyReport");
        nkg_emit_iri(&c->e, iri, NS_NKG "casualtyType", nkg_arena_printf(D->a, NS_NKG "%s", r->c.kind));
        if (r->c.num.value >= 0)
            nkg_emit_int(&c->e, iri, NS_NKG "count", r->c.num.value, NULL);
        if (r->c.num.min >= 0)
            nkg_emit_int(&c->e, iri, NS_NKG "minCount", r->c.num.min, NULL);
        if (r->c.num.max >= 0)
            nkg_emit_int(&c->e, iri, NS_NKG "maxCount", r->c.num.max, NULL);
        if (r->c.num.qualifier)
            nkg_emit_lit(&c->e, iri, NS_NKG "qualifier", r->c.num.qualifier, NULL);
        char buf[16];
        snprintf(buf, sizeof buf, "%.2f", r->c.confidence);
        nkg_emit_lit(&c->e, iri, NS_NKG "confidence", buf, NS_XSD "decimal");
        const char *m = mention(c, r->c.tb, r->c.te, r->c.rule, r->c.confidence);
        if (m)
            nkg_emit_iri(&c->e, iri, NS_GAF "denotedBy", m);
        if (r->source >= 0)
            nkg_emit_iri(&c->e, iri, NS_PROV "wasAttributedTo", ent_iri(c, r->source));
        if (r->event >= 0)
            nkg_emit_iri(&c->e, ev_iri[r->event], NS_NKG "casualtyReport", iri);
    }
    for (size_t i = 0; i < D->nstmts; ++i) {
        const stmt *s = &D->stmts[i];
        const stmt *own = s->cont >= 0 ? &D->stmts[s->cont] : s; /* the statement it belongs to */
        const nkg_tok *b = &D->t.toks[own->verb.tb], *e = &D->t.toks[own->verb.te - 1];
        const char *iri = nkg_arena_printf(D->a, "%sstatement/%s/%u-%u", D->x->base, c->docslug, b->cb, e->ce);
        if (!iri) {
            return NKG_ERR_NOMEM;
        }
        if (s->cont >= 0) { /* a further mention of an earlier statement */
            const char *m = mention(c, s->verb.tb, s->verb.te, s->verb.rule, s->verb.conf);
            if (m)
                nkg_emit_iri(&c->e, iri, NS_GAF "denotedBy", m);
            continue;
        }
        nkg_emit_iri(&c->e, iri, NS_RDF "type", NS_NKG "Statement");
        nkg_emit_iri(&c->e, iri, NS_NKG "speaker", ent_iri(c, s->speaker));
        if (s->about >= 0)
            nkg_emit_iri(&c->e, iri, NS_NKG "about", ev_iri[s->about]);
        nkg_emit_lit(&c->e, iri, NS_NKG "quote", nkg_text_slice(D->a, &D->t, s->qb, s->qe), NULL);
        nkg_emit_lit(&c->e, iri, NS_RDFS "label",
                     nkg_arena_printf(D->a, "statement by %s", D->ents[s->speaker].label), NULL);
        const char *m = mention(c, s->verb.tb, s->verb.te, s->verb.rule, s->verb.conf);
        if (m)
            nkg_emit_iri(&c->e, iri, NS_GAF "denotedBy", m);
    }
    return c->e.st;
}

/* ---------------------------------------------------------------- driver */
/* "2013-09-22", "2013-09-22T10:00:00Z" -> "2013-09-22"; else NULL. */
static const char *iso_date(nkg_arena *a, const char *s)
{
    int y, m, d;
    if (!s || strlen(s) < 10 || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return NULL;
    return nkg_arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

/* The first full date written in s (a metadata field that is not ISO
 * 8601: "December 17, 2016", "Sat, 17 Dec 2016 10:03:00 GMT"), read as
 * the article's text is, or NULL. */
static const char *written_date(const doc *D, const char *s)
{
    doc P;
    memset(&P, 0, sizeof P);
    P.x = D->x;
    P.a = D->a;
    size_t n = strlen(s);
    if (nkg_utf8_check(s, n) != n || nkg_text_analyze(D->a, s, n, D->x->lx, &P.t) != NKG_OK)
        return NULL;
    for (size_t i = 0; i < P.t.ntoks; ++i) {
        int y, m, d;
        if (date_parts(&P, i, &y, &m, &d) && y)
            return nkg_arena_printf(D->a, "%04d-%02d-%02d", y, m, d);
    }
    return NULL;
}

nkg_status nkg_extract_article(nkg_extractor *x, const nkg_article *art, const nkg_sink *sink,
                               nkg_extract_stats *stats, nkg_diag *d)
{
    nkg_arena *a = nkg_arena_new();
    if (!a)
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    doc D;
    memset(&D, 0, sizeof D);
    D.x = x;
    D.art = art;
    D.a = a;
    D.doc_date = iso_date(a, art->published);
    if (!D.doc_date && art->published)
        D.doc_date = written_date(&D, art->published); /* "Dec. 17, 2016 10:03 AM" */
    D.doc_year = D.doc_date ? atoi(D.doc_date) : 0;
    nkg_status st = nkg_text_analyze(a, art->text, art->text_len, x->lx, &D.t);
    if (st == NKG_OK && !D.doc_date)
        find_doc_date(&D);
    if (st == NKG_OK) {
        D.owner = nkg_arena_alloc(a, (D.t.ntoks + 1) * sizeof *D.owner);
        if (!D.owner)
            st = NKG_ERR_NOMEM;
        for (size_t i = 0; D.owner && i < D.t.ntoks; ++i)
            D.owner[i] = -1;
    }
    if (st == NKG_OK)
        st = find_site_name(&D);
    if (st == NKG_OK)
        st = find_orgs(&D);
    if (st == NKG_OK)
        st = find_people(&D);
    if (st == NKG_OK)
        st = find_places(&D);
    if (st == NKG_OK)
        st = find_groups(&D);
    if (st == NKG_OK)
        st = find_events(&D);
    if (st == NKG_OK)
        st = attach_casualties(&D);
    if (st == NKG_OK) {
        date_events(&D);
        st = place_events(&D);
    }
    if (st == NKG_OK)
        st = find_statements(&D);
    if (st == NKG_OK)
        st = assign_roles(&D);
    if (st == NKG_OK)
        st = emit_article(&D, sink);
    if (st == NKG_OK && stats) {
        stats->articles++;
        size_t nst = 0; /* a continuation ("He said ...") is no statement of its own */
        for (size_t k = 0; k < D.nstmts; ++k)
            nst += D.stmts[k].cont < 0;
        stats->events += D.nevs + nst;
        stats->reports += D.nreps;
        stats->statements += nst;
        for (size_t i = 0; i < D.nents; ++i) {
            stats->mentions += D.ents[i].m.n;
            if (D.ents[i].kind == ENT_PLACE)
                stats->places++;
            else
                stats->entities++;
        }
    }
    nkg_arena_free(a);
    if (st != NKG_OK)
        return nkg_diag_set(d, st, "%s: extraction failed: %s", art->source ? art->source : art->id,
                            nkg_strerror(st));
    return NKG_OK;
}
