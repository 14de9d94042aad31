/* text.c - tokenizer and sentence splitter over exact UTF-8 offsets. */
#include <stdlib.h>
#include <string.h>
#include "lexicon.h"
#include "text.h"
#include "utf8.h"

static int is_space(uint32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF || c == 0x85;
}

static int is_newline(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85;
}

static int is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* Letters: ASCII letters and every non-ASCII code point outside the
 * punctuation and symbol blocks. Crude, but it keeps accented names whole. */
static int is_letter(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (c < 0xC0 || c == 0xD7 || c == 0xF7)
        return 0;
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF0F) ||
        (c >= 0x1F000 && c <= 0x1FAFF))
        return 0;
    return !is_space(c);
}

static int is_upper(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x100 && c <= 0x17F && !(c & 1));
}

static int is_lower(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
           (c >= 0x100 && c <= 0x17F && (c & 1));
}

static int is_apostrophe(uint32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018; }

static int is_double_quote(uint32_t c)
{
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB ||
           c == 0x201F;
}

static int is_dash(uint32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

/* Append the folded form of c to buf. */
static size_t fold(uint32_t c, char *buf)
{
    if (c >= 'A' && c <= 'Z')
        c += 0x20;
    else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        c += 0x20;
    else if (c >= 0x100 && c <= 0x17F && !(c & 1))
        c += 1;
    else if (is_apostrophe(c))
        c = '\'';
    else if (is_double_quote(c))
        c = '"';
    else if (is_dash(c))
        c = '-';
    return nkg_utf8_encode(buf, c);
}

/* A code point together with where it starts, in bytes and code points. */
typedef struct {
    uint32_t c;
    uint32_t b, cp;
} cpos;

typedef struct {
    nkg_tok *v;
    size_t n, cap;
} tokvec;

static int push_tok(tokvec *tv, const nkg_tok *t)
{
    if (tv->n == tv->cap) {
        size_t cap = tv->cap ? tv->cap * 2 : 256;
        nkg_tok *v = realloc(tv->v, cap * sizeof *v);
        if (!v)
            return -1;
        tv->v = v;
        tv->cap = cap;
    }
    tv->v[tv->n++] = *t;
    return 0;
}

/* Dotted initials at cps[i]: L.L.(L.)* with single letters. Returns the
 * number of code points consumed, 0 when not. */
static size_t dotted(const cpos *cp, size_t n, size_t i)
{
    size_t j = i, pairs = 0;
    while (j + 1 < n && is_letter(cp[j].c) && cp[j + 1].c == '.' &&
           (j + 2 >= n || !is_letter(cp[j + 2].c) || (j + 3 < n && cp[j + 3].c == '.'))) {
        j += 2;
        pairs++;
    }
    if (pairs < 2 || (j < n && is_letter(cp[j].c)))
        return 0;
    return j - i;
}

static int sentence_end_before(const nkg_text *t, size_t i, const nkg_table *abbr);

nkg_status nkg_text_analyze(nkg_arena *arena, const char *s, size_t len,
                            const nkg_lexicon *lex, nkg_text *out)
{
    memset(out, 0, sizeof *out);
    out->s = s;
    out->len = len;
    if (len > UINT32_MAX / 2)
        return NKG_ERR_INPUT;
    /* Decode once into positions: simpler look-ahead than byte juggling. */
    cpos *cp = malloc((len + 1) * sizeof *cp);
    if (!cp)
        return NKG_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        cp[n].b = (uint32_t)i;
        cp[n].cp = (uint32_t)n;
        size_t k;
        cp[n].c = nkg_utf8_decode((const unsigned char *)s + i, len - i, &k);
        i += k;
        n++;
    }
    cp[n].b = (uint32_t)len;
    cp[n].cp = (uint32_t)n;
    cp[n].c = 0;

    tokvec tv = {0};
    char *nbuf = malloc(len * 4 + 8); /* folded text of the current token */
    nkg_status st = nbuf ? NKG_OK : NKG_ERR_NOMEM;
    uint32_t pending = NKG_TOK_PARA | NKG_TOK_NL; /* the start counts as a paragraph */
    int newlines = 2;
    for (size_t i = 0; i < n && st == NKG_OK;) {
        uint32_t c = cp[i].c;
        if (is_space(c)) {
            pending |= NKG_TOK_SPACE;
            if (c == '\r' && i + 1 < n && cp[i + 1].c == '\n') {
                i++;
                continue; /* CRLF is one line break */
            }
            if (is_newline(c)) {
                pending |= NKG_TOK_NL;
                if (++newlines >= 2)
                    pending |= NKG_TOK_PARA;
            }
            i++;
            continue;
        }
        newlines = 0;
        nkg_tok tok = {0};
        size_t j = i, nn = 0;
        uint32_t flags = pending;
        pending = 0;
        size_t d = is_letter(c) ? dotted(cp, n, i) : 0;
        if (d) {
            j = i + d;
            flags |= NKG_TOK_ABBR | NKG_TOK_WORD;
        } else if (c == '.' && i + 1 < n && is_digit(cp[i + 1].c) && (i == 0 || !is_digit(cp[i - 1].c))) {
            /* a calibre: ".380", ".22" is one number, and no sentence ends
             * at its point */
            j = i + 1;
            while (j < n && is_digit(cp[j].c))
                j++;
            if (j < n && is_letter(cp[j].c))
                j = i + 1; /* ".5in": leave it to the ordinary rules */
            else
                flags |= NKG_TOK_NUM;
            if (j == i + 1)
                flags |= NKG_TOK_PUNCT;
        } else if (is_letter(c) || is_digit(c)) {
            int letters = 0, digits = 0, upper = 0, lower = 0;
            while (j < n) {
                uint32_t x = cp[j].c;
                if (is_letter(x) || is_digit(x)) {
                    /* Scraped text glues a caption to the next word
                     * ("coverReuters"): a lower-case word of three or more
                     * letters followed by Xx... splits; "McCarthy" does not. */
                    if (letters >= 3 && letters == lower && !digits && is_upper(x) &&
                        j + 1 < n && is_lower(cp[j + 1].c))
                        break;
                    letters += is_letter(x);
                    digits += is_digit(x);
                    upper += is_upper(x);
                    lower += is_lower(x);
                    j++;
                } else if (j + 1 < n && is_apostrophe(x) && letters && is_letter(cp[j + 1].c)) {
                    j++; /* don't, nation's, O'Brien */
                } else if (j + 1 < n && (x == ',' || x == '.') && !letters && digits &&
                           is_digit(cp[j + 1].c)) {
                    j++; /* 1,000 and 2.5 */
                } else {
                    break;
                }
            }
            flags |= letters ? NKG_TOK_WORD : NKG_TOK_NUM;
            if (letters && is_upper(c))
                flags |= NKG_TOK_CAP;
            if (upper >= 2 && !lower)
                flags |= NKG_TOK_UPPER;
        } else {
            j = i + 1;
            flags |= NKG_TOK_PUNCT;
            if (is_double_quote(c) || is_apostrophe(c))
                flags |= NKG_TOK_QUOTE;
        }
        for (size_t k = i; k < j; ++k)
            nn += fold(cp[k].c, nbuf + nn);
        tok.b = cp[i].b;
        tok.e = cp[j].b;
        tok.cb = cp[i].cp;
        tok.ce = cp[j].cp;
        tok.flags = flags;
        tok.norm = nkg_arena_strndup(arena, nbuf, nn);
        if (!tok.norm || push_tok(&tv, &tok) != 0)
            st = NKG_ERR_NOMEM;
        i = j;
    }
    free(nbuf);
    free(cp);
    if (st != NKG_OK) {
        free(tv.v);
        return st;
    }
    out->ntoks = tv.n;
    out->toks = nkg_arena_alloc(arena, (tv.n ? tv.n : 1) * sizeof(nkg_tok));
    if (!out->toks) {
        free(tv.v);
        return NKG_ERR_NOMEM;
    }
    if (tv.n)
        memcpy(out->toks, tv.v, tv.n * sizeof(nkg_tok));
    free(tv.v);

    /* Sentences: count first, then fill. */
    const nkg_table *abbr = lex ? nkg_lexicon_table(lex, "abbreviations") : NULL;
    size_t ns = out->ntoks ? 1 : 0;
    for (size_t i = 1; i < out->ntoks; ++i)
        ns += sentence_end_before(out, i, abbr);
    out->sents = nkg_arena_alloc(arena, (ns ? ns : 1) * sizeof(nkg_sent));
    if (!out->sents)
        return NKG_ERR_NOMEM;
    out->nsents = ns;
    size_t k = 0;
    for (size_t i = 0; i < out->ntoks; ++i) {
        if (i > 0 && sentence_end_before(out, i, abbr)) {
            out->sents[k].te = (uint32_t)i;
            k++;
            out->sents[k].tb = (uint32_t)i;
        }
        out->toks[i].sent = (uint32_t)k;
    }
    if (ns)
        out->sents[k].te = (uint32_t)out->ntoks;
    return NKG_OK;
}

static int is_term_punct(const nkg_tok *t)
{
    return (t->flags & NKG_TOK_PUNCT) &&
           (strcmp(t->norm, ".") == 0 || strcmp(t->norm, "!") == 0 || strcmp(t->norm, "?") == 0 ||
            strcmp(t->norm, "\xE2\x80\xA6") == 0);
}

/* Does a sentence end before token i? Line breaks always end one (headlines,
 * captions, paragraphs); otherwise a terminal mark followed by something that
 * can start a sentence, unless the mark closes an abbreviation ("Col.") or an
 * initial ("J."). Scraped text without the space ("father.McCarthy") splits
 * too, when the word before the period is lower-case. */
static int sentence_end_before(const nkg_text *t, size_t i, const nkg_table *abbr)
{
    const nkg_tok *cur = &t->toks[i];
    if (cur->flags & NKG_TOK_NL)
        return 1;
    size_t j = i; /* skip closing quotes/brackets back to the terminal mark */
    while (j > 0 && ((t->toks[j - 1].flags & NKG_TOK_QUOTE) || strcmp(t->toks[j - 1].norm, ")") == 0) &&
           j + 2 > i)
        j--;
    if (j == 0 || !is_term_punct(&t->toks[j - 1]))
        return 0;
    /* A quote mark right after the terminal mark with no space closes the
     * quotation; the sentence ends after it, not before it. */
    if ((cur->flags & NKG_TOK_QUOTE) && !(cur->flags & NKG_TOK_SPACE))
        return 0;
    if (!(cur->flags & (NKG_TOK_CAP | NKG_TOK_QUOTE | NKG_TOK_NUM)) &&
        strcmp(cur->norm, "(") != 0)
        return 0;
    const nkg_tok *mark = &t->toks[j - 1];
    if (strcmp(mark->norm, ".") != 0)
        return 1;
    if (j < 2)
        return 1;
    const nkg_tok *w = &t->toks[j - 2];
    if (w->e != mark->b) /* "word ." with a space: a real stop */
        return 1;
    if (w->flags & NKG_TOK_WORD) {
        if (w->ce - w->cb == 1 && (w->flags & NKG_TOK_CAP))
            return 0; /* an initial: "John F. Kennedy" */
        if (abbr && nkg_table_find(abbr, w->norm))
            return 0;
        if (!(cur->flags & NKG_TOK_SPACE)) /* glued: "dad.McCarthy" */
            return (w->flags & NKG_TOK_CAP) == 0 && w->ce - w->cb > 1;
    }
    return 1;
}

char *nkg_text_slice(nkg_arena *arena, const nkg_text *t, size_t tb, size_t te)
{
    if (tb >= te || te > t->ntoks)
        return nkg_arena_strdup(arena, "");
    return nkg_arena_strndup(arena, t->s + t->toks[tb].b, t->toks[te - 1].e - t->toks[tb].b);
}

size_t nkg_text_join(const nkg_text *t, size_t tb, size_t te, char *buf, size_t cap)
{
    size_t k = 0;
    for (size_t i = tb; i < te; ++i) {
        size_t l = strlen(t->toks[i].norm);
        if (k + l + 2 > cap)
            return (size_t)-1;
        memcpy(buf + k, t->toks[i].norm, l);
        k += l;
        if (i + 1 < te)
            buf[k++] = ' ';
    }
    if (cap == 0)
        return (size_t)-1;
    buf[k] = '\0';
    return k;
}

char *nkg_text_join_dup(nkg_arena *arena, const nkg_text *t, size_t tb, size_t te)
{
    size_t n = 2;
    for (size_t i = tb; i < te; ++i)
        n += strlen(t->toks[i].norm) + 1;
    char *o = nkg_arena_alloc(arena, n);
    if (o)
        nkg_text_join(t, tb, te, o, n);
    return o;
}

int nkg_tok_is(const nkg_text *t, size_t i, const char *w)
{
    return i < t->ntoks && strcmp(t->toks[i].norm, w) == 0;
}
