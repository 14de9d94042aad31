/* jsonld.c - JSON-LD 1.1 from RDF (expanded, and newskg's compact shape)
 * and JSON-LD to RDF for documents with embedded contexts.
 *
 * Both directions keep their state in one struct with an arena and a
 * jmp_buf: the algorithms are deeply recursive, and unwinding on the first
 * error (or out of memory) keeps every step free of error plumbing. Nothing
 * outside the arena is live across a longjmp except what the struct owns.
 *
 * Numbers are formatted and parsed under the "C" locale (uselocale), so a
 * program that calls setlocale() still writes "1.5", never "1,5".
 */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "jsonld.h"
#include "utf8.h"

#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define XSD_NS "http://www.w3.org/2001/XMLSchema#"
#define I18N_NS "https://www.w3.org/ns/i18n#"

static const char RDF_TYPE[] = RDF_NS "type";
static const char RDF_FIRST[] = RDF_NS "first";
static const char RDF_REST[] = RDF_NS "rest";
static const char RDF_NIL[] = RDF_NS "nil";
static const char RDF_LIST[] = RDF_NS "List";
static const char RDF_JSON[] = RDF_NS "JSON";
static const char RDF_VALUE[] = RDF_NS "value";
static const char RDF_LANGUAGE[] = RDF_NS "language";
static const char RDF_DIRECTION[] = RDF_NS "direction";
static const char RDF_LANGSTRING[] = RDF_NS "langString";
static const char XSD_STRING[] = XSD_NS "string";
static const char XSD_BOOLEAN[] = XSD_NS "boolean";
static const char XSD_INTEGER[] = XSD_NS "integer";
static const char XSD_DOUBLE[] = XSD_NS "double";

/* ================================================================ helpers */

/* A growable malloc'd byte buffer; `oom` sticks after a failed growth. */
typedef struct {
    char *p;
    size_t n, cap;
    int oom;
} buf;

static void buf_put(buf *b, const void *s, size_t n)
{
    if (b->oom)
        return;
    if (b->cap - b->n < n + 1) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap - b->n < n + 1) {
            if (cap > ((size_t)-1) / 2) {
                b->oom = 1;
                return;
            }
            cap *= 2;
        }
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void buf_puts(buf *b, const char *s) { buf_put(b, s, strlen(s)); }
static void buf_putc(buf *b, char c) { buf_put(b, &c, 1); }

static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* 1 when s[0..n) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF). */
static int utf8_valid(const char *s, size_t n) { return nkg_utf8_check(s, n) == n; }

/* A JSON string literal for s[0..n) (valid UTF-8): the two-character
 * escapes JSON has, \u00XX for the other control characters, everything
 * else as is. This is also RFC 8785 (JCS) string serialization. */
static void json_escape(buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default:
            if (c < 0x20) {
                memcpy(u, "\\u00", 4);
                u[4] = hex[c >> 4];
                u[5] = hex[c & 15];
                u[6] = '\0';
                esc = u;
            }
        }
        if (esc) {
            buf_put(b, s + run, i - run);
            buf_puts(b, esc);
            run = i + 1;
        }
    }
    buf_put(b, s + run, n - run);
    buf_putc(b, '"');
}

/* ECMAScript Number::toString of a finite double, the form JSON
 * serializers and RFC 8785 use: shortest digits that read back exactly. */
static void es_number(double d, char out[40])
{
    if (d == 0) {
        strcpy(out, "0");
        return;
    }
    char *o = out;
    if (d < 0) {
        *o++ = '-';
        d = -d;
    }
    char tmp[40];
    for (int prec = 1; prec <= 17; ++prec) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
        if (strtod(tmp, NULL) == d)
            break;
    }
    /* tmp is "D[.DDD]e[+-]XX": collect the digits and the exponent. */
    char digits[24];
    int k = 0;
    const char *p = tmp;
    for (; *p && *p != 'e'; ++p)
        if (is_digit(*p) && k < 20)
            digits[k++] = *p;
    while (k > 1 && digits[k - 1] == '0')
        k--;
    int e = *p == 'e' ? atoi(p + 1) : 0;
    int n = e + 1; /* the decimal point sits after n digits */
    if (k <= n && n <= 21) {
        memcpy(o, digits, (size_t)k);
        o += k;
        for (int i = k; i < n; ++i)
            *o++ = '0';
    } else if (0 < n && n <= 21) {
        memcpy(o, digits, (size_t)n);
        o += n;
        *o++ = '.';
        memcpy(o, digits + n, (size_t)(k - n));
        o += k - n;
    } else if (-6 < n && n <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -n; ++i)
            *o++ = '0';
        memcpy(o, digits, (size_t)k);
        o += k;
    } else {
        *o++ = digits[0];
        if (k > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)(k - 1));
            o += k - 1;
        }
        o += sprintf(o, "e%c%d", n - 1 >= 0 ? '+' : '-', abs(n - 1));
    }
    *o = '\0';
}

/* The canonical xsd:double lexical form JSON-LD uses (toRdf 7.3):
 * "%1.15E" without trailing zeros or exponent padding, "1.1E-1". */
static void double_canon(double d, char out[48])
{
    char m[32]; /* "-1.234567890123456E+308" at most */
    snprintf(m, sizeof m, "%.15E", d);
    char *e = strchr(m, 'E');
    int ex = e ? atoi(e + 1) : 0;
    if (e)
        *e = '\0';
    size_t ml = strlen(m);
    while (ml > 0 && m[ml - 1] == '0')
        ml--;
    if (ml > 0 && m[ml - 1] == '.')
        ml++; /* keep one zero after the point */
    m[ml] = '\0';
    snprintf(out, 48, "%sE%d", m, ex);
}

/* Compare two UTF-8 strings by UTF-16 code units (RFC 8785 key order). */
static unsigned long utf16_key(unsigned long cp)
{
    /* Supplementary characters sort as their high surrogate (D800-DBFF),
     * i.e. below U+E000..U+FFFF. */
    return cp >= 0x10000 ? 0xD800 + ((cp - 0x10000) >> 10) : cp;
}

static int cmp_utf16(const char *a, size_t an, const char *b, size_t bn)
{
    const unsigned char *p = (const unsigned char *)a, *pe = p + an;
    const unsigned char *q = (const unsigned char *)b, *qe = q + bn;
    while (p < pe && q < qe) {
        size_t lx, ly;
        unsigned long x = nkg_utf8_decode(p, (size_t)(pe - p), &lx);
        unsigned long y = nkg_utf8_decode(q, (size_t)(qe - q), &ly);
        p += lx;
        q += ly;
        if (x == y)
            continue;
        unsigned long kx = utf16_key(x), ky = utf16_key(y);
        if (kx != ky)
            return kx < ky ? -1 : 1;
        /* Same high surrogate: compare the low surrogates. */
        return (x & 0x3FF) < (y & 0x3FF) ? -1 : 1;
    }
    return (p < pe) - (q < qe);
}

typedef struct {
    const char *key;
    const nkg_json *val;
    size_t idx;
} jmember;

static int cmp_member(const void *a, const void *b)
{
    const jmember *x = a, *y = b;
    int c = cmp_utf16(x->key, strlen(x->key), y->key, strlen(y->key));
    if (c)
        return c;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* RFC 8785 canonical JSON of v into b. Numbers that do not fit a double
 * keep their lexical form. Duplicate keys: the last one wins. Returns 0 when
 * out of memory. */
static int jcs(buf *b, const nkg_json *v)
{
    char num[40];
    switch (v->type) {
    case NKG_JSON_NULL: buf_puts(b, "null"); break;
    case NKG_JSON_TRUE: buf_puts(b, "true"); break;
    case NKG_JSON_FALSE: buf_puts(b, "false"); break;
    case NKG_JSON_NUMBER: {
        double d = strtod(v->str, NULL);
        if (isfinite(d)) {
            es_number(d, num);
            buf_puts(b, num);
        } else {
            buf_put(b, v->str, v->len);
        }
        break;
    }
    case NKG_JSON_STRING: json_escape(b, v->str, v->len); break;
    case NKG_JSON_ARRAY:
        buf_putc(b, '[');
        for (size_t i = 0; i < v->n; ++i) {
            if (i)
                buf_putc(b, ',');
            if (!jcs(b, v->items[i]))
                return 0;
        }
        buf_putc(b, ']');
        break;
    case NKG_JSON_OBJECT: {
        jmember *m = v->n ? malloc(v->n * sizeof *m) : NULL;
        if (v->n && !m)
            return 0;
        for (size_t i = 0; i < v->n; ++i)
            m[i] = (jmember){v->keys[i], v->items[i], i};
        if (v->n > 1)
            qsort(m, v->n, sizeof *m, cmp_member);
        buf_putc(b, '{');
        int first = 1;
        for (size_t i = 0; i < v->n; ++i) {
            if (i + 1 < v->n && strcmp(m[i].key, m[i + 1].key) == 0)
                continue; /* a later duplicate follows */
            if (!first)
                buf_putc(b, ',');
            first = 0;
            json_escape(b, m[i].key, strlen(m[i].key));
            buf_putc(b, ':');
            if (!jcs(b, m[i].val)) {
                free(m);
                return 0;
            }
        }
        buf_putc(b, '}');
        free(m);
        break;
    }
    }
    return !b->oom;
}

/* ------------------------------------------------------- string hash map */
/* Open addressing, keys are (pointer, length) pairs copied into the arena. */
typedef struct {
    const char *k;
    size_t klen;
    void *v;
} slot;

typedef struct {
    slot *s;
    size_t cap, n;
} smap;

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; ++i) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static slot *smap_find(const smap *m, const char *k, size_t klen)
{
    if (!m->cap)
        return NULL;
    size_t i = (size_t)hash_bytes(k, klen) & (m->cap - 1);
    for (;;) {
        slot *s = &m->s[i];
        if (!s->k)
            return NULL;
        if (s->klen == klen && memcmp(s->k, k, klen) == 0)
            return s;
        i = (i + 1) & (m->cap - 1);
    }
}

static void *smap_get(const smap *m, const char *k, size_t klen)
{
    slot *s = smap_find(m, k, klen);
    return s ? s->v : NULL;
}

/* The slot for k, created (value NULL) when missing; NULL when out of
 * memory. */
static slot *smap_put(nkg_arena *a, smap *m, const char *k, size_t klen)
{
    slot *s = smap_find(m, k, klen);
    if (s)
        return s;
    if ((m->n + 1) * 4 > m->cap * 3) {
        size_t cap = m->cap ? m->cap * 2 : 16;
        slot *ns = nkg_arena_alloc(a, cap * sizeof *ns);
        if (!ns)
            return NULL;
        for (size_t j = 0; j < m->cap; ++j) {
            if (!m->s[j].k)
                continue;
            size_t i = (size_t)hash_bytes(m->s[j].k, m->s[j].klen) & (cap - 1);
            while (ns[i].k)
                i = (i + 1) & (cap - 1);
            ns[i] = m->s[j];
        }
        m->s = ns;
        m->cap = cap;
    }
    char *kc = nkg_arena_strndup(a, k, klen);
    if (!kc)
        return NULL;
    size_t i = (size_t)hash_bytes(k, klen) & (m->cap - 1);
    while (m->s[i].k)
        i = (i + 1) & (m->cap - 1);
    m->s[i] = (slot){kc, klen, NULL};
    m->n++;
    return &m->s[i];
}

/* Locale guard: "C" numbers for the duration of a public call. */
typedef struct {
    locale_t c, old;
} cnum;

static void cnum_enter(cnum *g)
{
    g->c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    g->old = g->c ? uselocale(g->c) : (locale_t)0;
}

static void cnum_leave(cnum *g)
{
    if (g->c) {
        uselocale(g->old);
        freelocale(g->c);
    }
}

/* ================================================================= writer */

/* A term of the input, normalized: no "_:" on blank labels, datatype NULL
 * for xsd:string and rdf:langString, language tags in lower case. */
enum { T_IRI = 1, T_BLANK = 2, T_LIT = 3 };
typedef struct {
    int kind;
    const char *v; /* IRI, blank label, lexical form */
    size_t len;
    const char *dt, *lang;
} wterm;

typedef struct {
    wterm s, p, o, g; /* g.kind == 0: default graph */
} wquad;

/* A value in a node's property array. A reference (WV_REF) becomes a list
 * (WV_LIST) or a value (WV_LIT) in place, as the algorithm asks. */
enum { WV_REF, WV_LIT, WV_LIST };
enum { LV_STRING, LV_TRUE, LV_FALSE, LV_NUMBER, LV_JSON };
typedef struct wval wval;
struct wval {
    int kind;
    const char *id;       /* WV_REF: "_:b" or IRI */
    int lv;               /* WV_LIT: what @value holds */
    const char *lex;      /* WV_LIT: string, number text or canonical JSON */
    size_t len;
    const char *type;     /* WV_LIT: @type IRI or "@json" */
    const char *lang, *dir;
    wval **items;         /* WV_LIST */
    size_t n;
};

typedef struct {
    const char *iri;
    wval **v;
    size_t n, cap;
} wprop;

typedef struct wnode wnode;
typedef struct {
    wnode *node;
    const char *prop;
    wval *value;
} wusage;

struct wnode {
    const char *id;
    const char **types;
    size_t ntypes, ctypes;
    wprop *props;
    size_t nprops, cprops;
    wusage *usages; /* rdf:nil only */
    size_t nusages, cusages;
    int removed;
};

typedef struct {
    const char *name; /* NULL: the default graph */
    smap nodes;       /* id -> wnode */
    wnode **order;
    size_t n, cap;
    smap compound;    /* compound-literal subjects */
    const char **cl;
    size_t ncl, ccl;
} wgraph;

typedef struct {
    nkg_arena *a;
    jmp_buf jb;
    nkg_status st;
    nkg_diag *d;
    const nkg_jsonld_options *opt;
    int compact;
    wgraph *dflt;
    smap graphs; /* name -> wgraph */
    wgraph **glist;
    size_t ng, cg;
    smap once;   /* referenced once: blank id -> wusage*, or &once_false */
    smap seen;   /* (graph, subject, property, value) keys of literal values */
    smap ids;    /* interned identifiers: one copy of each IRI and "_:b" */
    buf tmp, idbuf;
    buf out;     /* the document (here, not a local: it lives across longjmp) */
    const char *const (*prefixes)[2];
    size_t nprefixes;
} W;

static wusage once_false;

static void wfail(W *w, nkg_status st, const char *fmt, const char *arg)
{
    nkg_diag_set(w->d, st, fmt, arg);
    w->st = st;
    longjmp(w->jb, 1);
}

static void *walloc(W *w, size_t n)
{
    void *p = nkg_arena_alloc(w->a, n);
    if (!p)
        wfail(w, NKG_ERR_NOMEM, "%s", "out of memory");
    return p;
}

static char *wstrndup(W *w, const char *s, size_t n)
{
    char *p = walloc(w, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static slot *wput(W *w, smap *m, const char *k, size_t klen)
{
    slot *s = smap_put(w->a, m, k, klen);
    if (!s)
        wfail(w, NKG_ERR_NOMEM, "%s", "out of memory");
    return s;
}

/* Grow an arena array to hold one more element. */
static void *wgrow(W *w, void *arr, size_t elsz, size_t n, size_t *cap)
{
    if (n < *cap)
        return arr;
    size_t nc = *cap ? *cap * 2 : 4;
    void *p = walloc(w, nc * elsz);
    if (n)
        memcpy(p, arr, n * elsz);
    *cap = nc;
    return p;
}

static const char *uri_str(raptor_uri *u, size_t *len)
{
    return (const char *)raptor_uri_as_counted_string(u, len);
}

static void to_wterm(W *w, const raptor_term *t, wterm *out, const char *what)
{
    memset(out, 0, sizeof *out);
    if (!t)
        wfail(w, NKG_ERR_INPUT, "a statement has no %s", what);
    switch (t->type) {
    case RAPTOR_TERM_TYPE_URI:
        out->kind = T_IRI;
        out->v = uri_str(t->value.uri, &out->len);
        break;
    case RAPTOR_TERM_TYPE_BLANK:
        out->kind = T_BLANK;
        out->v = (const char *)t->value.blank.string;
        out->len = t->value.blank.string_len;
        break;
    case RAPTOR_TERM_TYPE_LITERAL: {
        out->kind = T_LIT;
        out->v = (const char *)t->value.literal.string;
        out->len = t->value.literal.string_len;
        if (t->value.literal.language && t->value.literal.language_len) {
            char *l = wstrndup(w, (const char *)t->value.literal.language,
                               t->value.literal.language_len);
            for (char *c = l; *c; ++c)
                *c = (char)lower(*c);
            out->lang = l;
        } else if (t->value.literal.datatype) {
            size_t n;
            const char *dt = uri_str(t->value.literal.datatype, &n);
            if (strcmp(dt, XSD_STRING) != 0 && strcmp(dt, RDF_LANGSTRING) != 0)
                out->dt = dt;
        }
        break;
    }
    default:
        wfail(w, NKG_ERR_INPUT, "a statement has an unknown kind of %s", what);
    }
    if (!out->v) {
        out->v = "";
        out->len = 0;
    }
    if (!utf8_valid(out->v, out->len) || (out->dt && !utf8_valid(out->dt, strlen(out->dt))) ||
        (out->lang && !utf8_valid(out->lang, strlen(out->lang))))
        wfail(w, NKG_ERR_INPUT, "invalid UTF-8 in a statement's %s", what);
}

static int cmp_cstr(const char *a, const char *b)
{
    if (!a || !b)
        return !!a - !!b;
    return strcmp(a, b);
}

static int cmp_wterm(const wterm *x, const wterm *y)
{
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (!x->kind)
        return 0; /* both the default graph */
    size_t m = x->len < y->len ? x->len : y->len;
    int c = m ? memcmp(x->v, y->v, m) : 0;
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    if ((c = cmp_cstr(x->dt, y->dt)))
        return c;
    return cmp_cstr(x->lang, y->lang);
}

static int cmp_wquad(const void *a, const void *b)
{
    const wquad *x = a, *y = b;
    int c;
    if ((c = cmp_wterm(&x->g, &y->g)) || (c = cmp_wterm(&x->s, &y->s)) ||
        (c = cmp_wterm(&x->p, &y->p)))
        return c;
    return cmp_wterm(&x->o, &y->o);
}

/* The JSON-LD identifier of an IRI or blank node term, interned: the same
 * string for the same term, so that large datasets hold each once. */
static const char *node_id(W *w, const wterm *t)
{
    buf *b = &w->idbuf;
    b->n = 0;
    if (t->kind == T_BLANK)
        buf_put(b, "_:", 2);
    buf_put(b, t->v, t->len);
    if (b->oom)
        wfail(w, NKG_ERR_NOMEM, "%s", "out of memory");
    slot *s = wput(w, &w->ids, b->p, b->n);
    return s->k;
}

static wgraph *get_graph(W *w, const char *name)
{
    if (!name)
        return w->dflt;
    slot *s = wput(w, &w->graphs, name, strlen(name));
    if (!s->v) {
        wgraph *g = walloc(w, sizeof *g);
        g->name = name;
        s->v = g;
        w->glist = wgrow(w, w->glist, sizeof *w->glist, w->ng, &w->cg);
        w->glist[w->ng++] = g;
    }
    return s->v;
}

static wnode *get_node(W *w, wgraph *g, const char *id)
{
    slot *s = wput(w, &g->nodes, id, strlen(id));
    if (!s->v) {
        wnode *n = walloc(w, sizeof *n);
        n->id = s->k;
        s->v = n;
        g->order = wgrow(w, g->order, sizeof *g->order, g->n, &g->cap);
        g->order[g->n++] = n;
    }
    return s->v;
}

static wnode *find_node(const wgraph *g, const char *id)
{
    return smap_get(&g->nodes, id, strlen(id));
}

static wprop *get_prop(W *w, wnode *n, const char *iri)
{
    /* Quads come sorted by predicate: the last property is the usual hit. */
    for (size_t i = n->nprops; i-- > 0;)
        if (strcmp(n->props[i].iri, iri) == 0)
            return &n->props[i];
    n->props = wgrow(w, n->props, sizeof *n->props, n->nprops, &n->cprops);
    wprop *p = &n->props[n->nprops++];
    memset(p, 0, sizeof *p);
    p->iri = iri;
    return p;
}

static wprop *find_prop(const wnode *n, const char *iri)
{
    for (size_t i = 0; i < n->nprops; ++i)
        if (strcmp(n->props[i].iri, iri) == 0)
            return &n->props[i];
    return NULL;
}

/* Lexical-space checks for useNativeTypes (XML Schema 1.1 part 2). */
static int lex_integer(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    if (i == n)
        return 0;
    for (; i < n; ++i)
        if (!is_digit(s[i]))
            return 0;
    return 1;
}

static int lex_double(const char *s, size_t n)
{
    size_t i = 0, digits = 0;
    if (n == 3 && memcmp(s, "NaN", 3) == 0)
        return 1;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    if (n - i == 3 && memcmp(s + i, "INF", 3) == 0)
        return 1;
    for (; i < n && is_digit(s[i]); ++i)
        digits++;
    if (i < n && s[i] == '.')
        for (++i; i < n && is_digit(s[i]); ++i)
            digits++;
    if (!digits)
        return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i == n || !is_digit(s[i]))
            return 0;
        while (i < n && is_digit(s[i]))
            i++;
    }
    return i == n;
}

/* The number a valid lexical form stands for, ES-formatted; 0 when it is
 * not finite (INF, NaN, overflow): such values stay typed strings. */
static int native_number(W *w, const char *s, size_t n, const char **out)
{
    char *t = wstrndup(w, s, n);
    double d = strtod(t, NULL);
    if (!isfinite(d))
        return 0;
    char num[40];
    es_number(d, num);
    *out = wstrndup(w, num, strlen(num));
    return 1;
}

static int str_eq(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

/* JSON-LD 1.1 API 8.5, RDF to Object Conversion, for a literal. In compact
 * mode nothing is converted to native JSON here (compaction decides) and
 * rdf:JSON stays a typed string, so that the compact form reads back to
 * the same literal. */
static wval *rdf_to_object(W *w, const wterm *o)
{
    wval *v = walloc(w, sizeof *v);
    v->kind = WV_LIT;
    v->lv = LV_STRING;
    v->lex = o->v;
    v->len = o->len;
    const char *dt = o->dt;
    /* 2.4: only xsd:boolean, xsd:integer and xsd:double become native;
     * other datatypes go on to the JSON, i18n and typed cases (test 0028). */
    if (w->opt->use_native_types && !w->compact && dt && strcmp(dt, XSD_BOOLEAN) == 0) {
        if (str_eq(o->v, o->len, "true") || str_eq(o->v, o->len, "1"))
            v->lv = LV_TRUE;
        else if (str_eq(o->v, o->len, "false") || str_eq(o->v, o->len, "0"))
            v->lv = LV_FALSE;
        else
            v->type = dt;
        return v;
    }
    if (w->opt->use_native_types && !w->compact && dt &&
        ((strcmp(dt, XSD_INTEGER) == 0 && lex_integer(o->v, o->len)) ||
         (strcmp(dt, XSD_DOUBLE) == 0 && lex_double(o->v, o->len)))) {
        if (native_number(w, o->v, o->len, &v->lex)) {
            v->lv = LV_NUMBER;
            v->len = strlen(v->lex);
        } else {
            v->type = dt; /* INF, NaN, overflow: no JSON number for them */
        }
        return v;
    }
    if (dt && !w->compact && strcmp(dt, RDF_JSON) == 0) {
        nkg_arena *ja = nkg_arena_new();
        nkg_json *j = NULL;
        size_t off = 0;
        nkg_diag jd = {0};
        if (!ja)
            wfail(w, NKG_ERR_NOMEM, "%s", "out of memory");
        nkg_status st = nkg_json_parse(ja, o->v, o->len, &j, &off, &jd);
        if (st != NKG_OK) {
            nkg_arena_free(ja);
            if (st == NKG_ERR_NOMEM)
                wfail(w, st, "%s", "out of memory");
            wfail(w, NKG_ERR_INPUT, "invalid JSON literal: %s", jd.msg);
        }
        w->tmp.n = 0;
        int ok = jcs(&w->tmp, j);
        nkg_arena_free(ja);
        if (!ok)
            wfail(w, NKG_ERR_NOMEM, "%s", "out of memory");
        v->lv = LV_JSON;
        v->lex = wstrndup(w, w->tmp.p, w->tmp.n);
        v->len = w->tmp.n;
        v->type = "@json";
    } else if (dt && w->opt->rdf_direction == NKG_RDFDIR_I18N_DATATYPE &&
               strncmp(dt, I18N_NS, sizeof I18N_NS - 1) == 0) {
        const char *frag = dt + sizeof I18N_NS - 1;
        const char *us = strrchr(frag, '_');
        if (us && (strcmp(us + 1, "ltr") == 0 || strcmp(us + 1, "rtl") == 0)) {
            if (us > frag) {
                char *l = wstrndup(w, frag, (size_t)(us - frag));
                for (char *c = l; *c; ++c)
                    *c = (char)lower(*c);
                v->lang = l;
            }
            v->dir = us + 1;
        } else {
            v->type = dt;
        }
    } else if (o->lang) {
        v->lang = o->lang;
    } else if (dt) {
        v->type = dt;
    }
    return v;
}

/* A key identifying v among the values of (graph, subject, property):
 * JSON-LD compares values by their JSON, so two literals can meet as one
 * value (1 and 01 as native numbers, equal JSON literals). */
static int seen_before(W *w, const wgraph *g, const wnode *n, const char *prop, const wval *v)
{
    buf *b = &w->tmp;
    char hdr[64];
    b->n = 0;
    const char *parts[6] = {g->name ? g->name : "", n->id, prop, v->type, v->lang, v->dir};
    for (size_t i = 0; i < 6; ++i) {
        size_t len = parts[i] ? strlen(parts[i]) : 0;
        snprintf(hdr, sizeof hdr, "%zu%c:", len, parts[i] ? '+' : '-');
        buf_puts(b, hdr);
        if (parts[i])
            buf_put(b, parts[i], len);
    }
    snprintf(hdr, sizeof hdr, "%d:", v->lv);
    buf_puts(b, hdr);
    buf_put(b, v->lex, v->len);
    if (b->oom)
        wfail(w, NKG_ERR_NOMEM, "%s", "out of memory");
    slot *s = wput(w, &w->seen, b->p, b->n);
    if (s->v)
        return 1;
    s->v = &once_false; /* any non-NULL marker */
    return 0;
}

static void add_value(W *w, wprop *p, wval *v)
{
    p->v = wgrow(w, p->v, sizeof *p->v, p->n, &p->cap);
    p->v[p->n++] = v;
}

/* Steps 5.7.1-5.7.11 of 8.4 for one triple of graph g. */
static void add_triple(W *w, wgraph *g, const wquad *q)
{
    const char *subject = node_id(w, &q->s);
    const char *predicate = node_id(w, &q->p);
    wnode *node = get_node(w, g, subject);
    const nkg_jsonld_options *opt = w->opt;
    if (opt->rdf_direction == NKG_RDFDIR_COMPOUND && strcmp(predicate, RDF_DIRECTION) == 0) {
        slot *s = wput(w, &g->compound, subject, strlen(subject));
        if (!s->v) {
            s->v = node;
            g->cl = wgrow(w, g->cl, sizeof *g->cl, g->ncl, &g->ccl);
            g->cl[g->ncl++] = node->id;
        }
    }
    const char *object = NULL;
    if (q->o.kind != T_LIT) {
        object = node_id(w, &q->o);
        get_node(w, g, object);
    }
    if (object && !opt->use_rdf_type && strcmp(predicate, RDF_TYPE) == 0) {
        /* Quads are sorted and distinct: a repeat could only be the last. */
        if (node->ntypes && strcmp(node->types[node->ntypes - 1], object) == 0)
            return;
        node->types = wgrow(w, node->types, sizeof *node->types, node->ntypes, &node->ctypes);
        node->types[node->ntypes++] = object;
        return;
    }
    wval *value;
    if (object) {
        value = walloc(w, sizeof *value);
        value->kind = WV_REF;
        value->id = object;
    } else {
        value = rdf_to_object(w, &q->o);
    }
    wprop *p = get_prop(w, node, predicate);
    /* Quads are distinct, so only values that conversion made lossy (native
     * numbers and booleans, JSON, lower-cased i18n languages) can meet. */
    if (value->kind == WV_LIT && (value->lv != LV_STRING || value->dir) &&
        seen_before(w, g, node, predicate, value))
        return;
    add_value(w, p, value);
    if (object && strcmp(object, RDF_NIL) == 0) {
        wnode *nil = get_node(w, g, object);
        nil->usages = wgrow(w, nil->usages, sizeof *nil->usages, nil->nusages, &nil->cusages);
        nil->usages[nil->nusages++] = (wusage){node, predicate, value};
    } else if (object) {
        slot *s = smap_find(&w->once, object, strlen(object));
        if (s) {
            s->v = &once_false;
        } else if (q->o.kind == T_BLANK) {
            wusage *u = walloc(w, sizeof *u);
            *u = (wusage){node, predicate, value};
            wput(w, &w->once, object, strlen(object))->v = u;
        }
    }
}

/* The @value string of the first value of property iri of n, or NULL. */
static const wval *first_string(const wnode *n, const char *iri)
{
    const wprop *p = find_prop(n, iri);
    if (!p || !p->n || p->v[0]->kind != WV_LIT || p->v[0]->lv != LV_STRING)
        return NULL;
    return p->v[0];
}

static int well_formed_lang(const char *s, size_t n)
{
    /* BCP 47 shape: 1-8 letters, then -subtags of 1-8 letters or digits. */
    size_t i = 0, run = 0;
    if (!n)
        return 0;
    for (; i < n && s[i] != '-'; ++i, ++run)
        if (!is_alpha(s[i]))
            return 0;
    if (run < 1 || run > 8)
        return 0;
    while (i < n) {
        ++i; /* '-' */
        run = 0;
        for (; i < n && s[i] != '-'; ++i, ++run)
            if (!is_alpha(s[i]) && !is_digit(s[i]))
                return 0;
        if (run < 1 || run > 8)
            return 0;
    }
    return 1;
}

/* Step 6.1: compound literals of graph g become value objects. */
static void fold_compound(W *w, wgraph *g)
{
    for (size_t i = 0; i < g->ncl; ++i) {
        const char *cl = g->cl[i];
        wusage *entry = smap_get(&w->once, cl, strlen(cl));
        if (!entry || entry == &once_false)
            continue;
        wnode *clnode = find_node(g, cl);
        const wval *value = clnode ? first_string(clnode, RDF_VALUE) : NULL;
        if (!value)
            continue; /* not a compound literal after all: keep the node */
        const wval *lang = first_string(clnode, RDF_LANGUAGE);
        const wval *dir = first_string(clnode, RDF_DIRECTION);
        if (lang && !well_formed_lang(lang->lex, lang->len))
            wfail(w, NKG_ERR_INPUT, "invalid language-tagged string: %s", lang->lex);
        if (dir && !str_eq(dir->lex, dir->len, "ltr") && !str_eq(dir->lex, dir->len, "rtl"))
            wfail(w, NKG_ERR_INPUT, "invalid base direction: %s", dir->lex);
        clnode->removed = 1;
        wprop *p = find_prop(entry->node, entry->prop);
        for (size_t k = 0; p && k < p->n; ++k) {
            wval *ref = p->v[k];
            if (ref->kind != WV_REF || strcmp(ref->id, cl) != 0)
                continue;
            ref->kind = WV_LIT;
            ref->lv = LV_STRING;
            ref->lex = value->lex;
            ref->len = value->len;
            ref->type = NULL;
            ref->lang = NULL;
            if (lang) {
                char *l = wstrndup(w, lang->lex, lang->len);
                for (char *c = l; *c; ++c)
                    *c = (char)lower(*c);
                ref->lang = l;
            }
            ref->dir = dir ? wstrndup(w, dir->lex, dir->len) : NULL;
        }
    }
}

/* Step 6.4.3's test: node is a well-formed list node. */
static int list_node(W *w, const wnode *node)
{
    wusage *u = smap_get(&w->once, node->id, strlen(node->id));
    if (!u || u == &once_false)
        return 0;
    if (node->ntypes > 1 || (node->ntypes == 1 && strcmp(node->types[0], RDF_LIST) != 0))
        return 0;
    if (node->nprops != 2)
        return 0;
    const wprop *f = find_prop(node, RDF_FIRST), *r = find_prop(node, RDF_REST);
    return f && r && f->n == 1 && r->n == 1;
}

/* Steps 6.2-6.4: well-formed rdf:first/rdf:rest chains become @list. */
static void fold_lists(W *w, wgraph *g)
{
    wnode *nil = find_node(g, RDF_NIL);
    if (!nil)
        return;
    for (size_t i = 0; i < nil->nusages; ++i) {
        wnode *node = nil->usages[i].node;
        const char *property = nil->usages[i].prop;
        wval *head = nil->usages[i].value;
        wval **list = NULL;
        const char **nodes = NULL;
        size_t n = 0, cap = 0, ncap = 0;
        while (strcmp(property, RDF_REST) == 0 && list_node(w, node)) {
            list = wgrow(w, list, sizeof *list, n, &cap);
            nodes = wgrow(w, nodes, sizeof *nodes, n, &ncap);
            list[n] = find_prop(node, RDF_FIRST)->v[0];
            nodes[n++] = node->id;
            wusage *u = smap_get(&w->once, node->id, strlen(node->id));
            node = u->node;
            property = u->prop;
            head = u->value;
            if (strncmp(node->id, "_:", 2) != 0)
                break;
        }
        head->kind = WV_LIST;
        head->id = NULL;
        head->items = walloc(w, (n ? n : 1) * sizeof *head->items);
        for (size_t k = 0; k < n; ++k)
            head->items[k] = list[n - 1 - k];
        head->n = n;
        /* 6.4.7 removes the ids from this graph, wherever the chain led. */
        for (size_t k = 0; k < n; ++k) {
            wnode *ln = find_node(g, nodes[k]);
            if (ln)
                ln->removed = 1;
        }
    }
}

/* ------------------------------------------------------------ JSON output */
/* The output is built as an nkg_json tree, then printed. A NUMBER node
 * prints its text verbatim, which also carries canonical @json values. */

static nkg_json *jnew(W *w, nkg_json_type t)
{
    nkg_json *j = walloc(w, sizeof *j);
    j->type = t;
    return j;
}

static nkg_json *jstr(W *w, const char *s, size_t n)
{
    nkg_json *j = jnew(w, NKG_JSON_STRING);
    j->str = s;
    j->len = n;
    return j;
}

static nkg_json *jcstr(W *w, const char *s) { return jstr(w, s, strlen(s)); }

static nkg_json *jraw(W *w, const char *s, size_t n)
{
    nkg_json *j = jnew(w, NKG_JSON_NUMBER);
    j->str = s;
    j->len = n;
    return j;
}

/* Objects and arrays are filled with jset/jpush; `cap` is fixed upfront. */
static nkg_json *jobj(W *w, size_t cap)
{
    nkg_json *j = jnew(w, NKG_JSON_OBJECT);
    j->items = walloc(w, (cap ? cap : 1) * sizeof *j->items);
    j->keys = walloc(w, (cap ? cap : 1) * sizeof *j->keys);
    return j;
}

static void jset(nkg_json *o, const char *key, nkg_json *v)
{
    o->keys[o->n] = key;
    o->items[o->n++] = v;
}

static nkg_json *jarr(W *w, size_t cap)
{
    nkg_json *j = jnew(w, NKG_JSON_ARRAY);
    j->items = walloc(w, (cap ? cap : 1) * sizeof *j->items);
    return j;
}

static void jpush(nkg_json *a, nkg_json *v) { a->items[a->n++] = v; }

/* Value objects, node references and lists of those print on one line. */
static int inline_json(const nkg_json *j)
{
    if (j->type == NKG_JSON_ARRAY) {
        if (j->n > 1)
            return 0; /* one value a line */
        for (size_t i = 0; i < j->n; ++i)
            if (!inline_json(j->items[i]))
                return 0;
        return 1;
    }
    if (j->type != NKG_JSON_OBJECT)
        return 1;
    if (j->n && (strcmp(j->keys[0], "@value") == 0 || (j->n == 1 && strcmp(j->keys[0], "@id") == 0)))
        return 1;
    if (j->n == 1 && strcmp(j->keys[0], "@list") == 0)
        return inline_json(j->items[0]);
    return 0;
}

static void indent(buf *b, int level)
{
    buf_putc(b, '\n');
    for (int i = 0; i < level; ++i)
        buf_puts(b, "  ");
}

static void jprint(buf *b, const nkg_json *j, int level, int one_line)
{
    switch (j->type) {
    case NKG_JSON_NULL: buf_puts(b, "null"); return;
    case NKG_JSON_TRUE: buf_puts(b, "true"); return;
    case NKG_JSON_FALSE: buf_puts(b, "false"); return;
    case NKG_JSON_NUMBER: buf_put(b, j->str, j->len); return;
    case NKG_JSON_STRING: json_escape(b, j->str, j->len); return;
    case NKG_JSON_ARRAY:
    case NKG_JSON_OBJECT: break;
    }
    int obj = j->type == NKG_JSON_OBJECT;
    if (!j->n) {
        buf_puts(b, obj ? "{}" : "[]");
        return;
    }
    one_line = one_line || inline_json(j);
    buf_putc(b, obj ? '{' : '[');
    for (size_t i = 0; i < j->n; ++i) {
        if (i)
            buf_putc(b, ',');
        if (one_line) {
            if (i)
                buf_putc(b, ' ');
        } else {
            indent(b, level + 1);
        }
        if (obj) {
            json_escape(b, j->keys[i], strlen(j->keys[i]));
            buf_puts(b, ": ");
        }
        jprint(b, j->items[i], level + 1, one_line);
    }
    if (!one_line)
        indent(b, level);
    buf_putc(b, obj ? '}' : ']');
}

/* ------------------------------------------------------------ compaction */

/* A prefix name usable as a JSON-LD term for compact IRIs. */
static int usable_prefix(const char *p, const char *ns)
{
    if (!p || !ns || !*p || !*ns || p[0] == '@' || strcmp(p, "_") == 0)
        return 0;
    for (const char *c = p; *c; ++c)
        if (*c == ':' || *c == '/' || *c == '#' || *c == '?' || (unsigned char)*c <= ' ')
            return 0;
    return 1;
}

/* prefix:local for iri when a prefix's namespace matches and the local
 * part cannot be misread (see jsonld.h), else iri itself. The longest
 * namespace wins. */
static const char *compact_iri(W *w, const char *iri)
{
    if (strncmp(iri, "_:", 2) == 0)
        return iri;
    size_t best = 0, bestlen = 0;
    int found = 0;
    for (size_t i = 0; i < w->nprefixes; ++i) {
        const char *ns = w->prefixes[i][1];
        size_t nl = strlen(ns);
        if (strncmp(iri, ns, nl) != 0 || (found && nl <= bestlen))
            continue;
        const char *local = iri + nl;
        if (!*local || strpbrk(local, "/#?:") || strncmp(local, "//", 2) == 0)
            continue;
        best = i;
        bestlen = nl;
        found = 1;
    }
    if (!found)
        return iri;
    const char *p = w->prefixes[best][0];
    size_t pl = strlen(p), ll = strlen(iri + bestlen);
    char *out = walloc(w, pl + 1 + ll + 1);
    memcpy(out, p, pl);
    out[pl] = ':';
    memcpy(out + pl + 1, iri + bestlen, ll + 1);
    return out;
}

/* A canonical xsd:integer that every JSON reader keeps exact (15 digits
 * stay below 2^53). */
static int plain_integer(const char *s, size_t n)
{
    size_t i = s[0] == '-' ? 1 : 0;
    if (i >= n || n - i > 15)
        return 0;
    if (s[i] == '0')
        return n == 1;
    for (; i < n; ++i)
        if (!is_digit(s[i]))
            return 0;
    return 1;
}

/* A lexical form that is the JSON-LD canonical xsd:double of its value
 * ("1.5E3", "-2.0E-1"): it can be written as a JSON number with @type
 * xsd:double. Processors differ on xsd:double strings (pyld 2.0.3 and
 * jsonld.js rewrite them to canonical form), so numbers are the only form
 * that reads back the same everywhere. */
static int canonical_double(const char *s, size_t n, double *out)
{
    char tmp[64], canon[48];
    if (n >= sizeof tmp || !lex_double(s, n))
        return 0;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    double d = strtod(tmp, NULL);
    if (!isfinite(d) || (d == 0 && signbit(d)))
        return 0;
    double_canon(d, canon);
    *out = d;
    return strcmp(canon, tmp) == 0;
}

static nkg_json *value_json(W *w, const wval *v);

static nkg_json *list_json(W *w, const wval *v)
{
    nkg_json *o = jobj(w, 1), *a = jarr(w, v->n);
    for (size_t i = 0; i < v->n; ++i)
        jpush(a, value_json(w, v->items[i]));
    jset(o, "@list", a);
    return o;
}

static nkg_json *value_json(W *w, const wval *v)
{
    if (v->kind == WV_REF) {
        nkg_json *o = jobj(w, 1);
        jset(o, "@id", jcstr(w, w->compact ? compact_iri(w, v->id) : v->id));
        return o;
    }
    if (v->kind == WV_LIST)
        return list_json(w, v);
    nkg_json *val;
    switch (v->lv) {
    case LV_TRUE: val = jnew(w, NKG_JSON_TRUE); break;
    case LV_FALSE: val = jnew(w, NKG_JSON_FALSE); break;
    case LV_NUMBER:
    case LV_JSON: val = jraw(w, v->lex, v->len); break;
    default: val = jstr(w, v->lex, v->len); break;
    }
    if (w->compact && v->lv == LV_STRING && !v->lang && !v->dir) {
        if (!v->type)
            return val;
        if (strcmp(v->type, XSD_INTEGER) == 0 && plain_integer(v->lex, v->len))
            return jraw(w, v->lex, v->len);
        if (strcmp(v->type, XSD_BOOLEAN) == 0 && str_eq(v->lex, v->len, "true"))
            return jnew(w, NKG_JSON_TRUE);
        if (strcmp(v->type, XSD_BOOLEAN) == 0 && str_eq(v->lex, v->len, "false"))
            return jnew(w, NKG_JSON_FALSE);
        double d;
        if (strcmp(v->type, XSD_DOUBLE) == 0 && canonical_double(v->lex, v->len, &d)) {
            char num[40];
            es_number(d, num);
            val = jraw(w, wstrndup(w, num, strlen(num)), strlen(num));
        }
    }
    nkg_json *o = jobj(w, 4);
    jset(o, "@value", val);
    if (v->type)
        jset(o, "@type", jcstr(w, w->compact && v->lv != LV_JSON ? compact_iri(w, v->type) : v->type));
    if (v->lang)
        jset(o, "@language", jcstr(w, v->lang));
    if (v->dir)
        jset(o, "@direction", jcstr(w, v->dir));
    return o;
}

static int cmp_node(const void *a, const void *b)
{
    const wnode *x = *(wnode *const *)a, *y = *(wnode *const *)b;
    return strcmp(x->id, y->id);
}

static int cmp_prop(const void *a, const void *b)
{
    const wprop *x = a, *y = b;
    return strcmp(x->iri, y->iri);
}

static int only_id(const wnode *n) { return !n->ntypes && !n->nprops; }

static nkg_json *node_json(W *w, wnode *n, const wgraph *named)
{
    nkg_json *o = jobj(w, n->nprops + 3);
    jset(o, "@id", jcstr(w, w->compact ? compact_iri(w, n->id) : n->id));
    if (n->ntypes) {
        nkg_json *t = jarr(w, n->ntypes);
        for (size_t i = 0; i < n->ntypes; ++i)
            jpush(t, jcstr(w, w->compact ? compact_iri(w, n->types[i]) : n->types[i]));
        jset(o, "@type", w->compact && t->n == 1 ? t->items[0] : t);
    }
    if (n->nprops > 1)
        qsort(n->props, n->nprops, sizeof *n->props, cmp_prop);
    for (size_t i = 0; i < n->nprops; ++i) {
        const wprop *p = &n->props[i];
        nkg_json *a = jarr(w, p->n);
        for (size_t k = 0; k < p->n; ++k)
            jpush(a, value_json(w, p->v[k]));
        jset(o, w->compact ? compact_iri(w, p->iri) : p->iri,
             w->compact && a->n == 1 ? a->items[0] : a);
    }
    if (named) {
        nkg_json *a = jarr(w, named->n);
        if (named->n > 1)
            qsort(named->order, named->n, sizeof *named->order, cmp_node);
        for (size_t i = 0; i < named->n; ++i) {
            wnode *m = named->order[i];
            if (!m->removed && !only_id(m))
                jpush(a, node_json(w, m, NULL));
        }
        jset(o, "@graph", a);
    }
    return o;
}

/* Steps 7-9: the top-level array of default-graph nodes. */
static nkg_json *result_json(W *w)
{
    wgraph *g = w->dflt;
    nkg_json *res = jarr(w, g->n);
    if (g->n > 1)
        qsort(g->order, g->n, sizeof *g->order, cmp_node);
    for (size_t i = 0; i < g->n; ++i) {
        wnode *n = g->order[i];
        if (n->removed)
            continue;
        const wgraph *named = smap_get(&w->graphs, n->id, strlen(n->id));
        if (!named && only_id(n))
            continue;
        jpush(res, node_json(w, n, named));
    }
    return res;
}

/* A prefix p cannot be in the context when some IRI written in full starts
 * with "p:" (not "p://"): a JSON-LD reader would expand it as p's compact
 * IRI. */
static void block_scheme(const char *iri, size_t len, unsigned char *blocked,
                         const char *const (*prefixes)[2], size_t np)
{
    const char *colon = memchr(iri, ':', len);
    if (!colon || ((size_t)(iri + len - colon) >= 3 && colon[1] == '/' && colon[2] == '/'))
        return;
    size_t sl = (size_t)(colon - iri);
    for (size_t i = 0; i < np; ++i)
        if (strlen(prefixes[i][0]) == sl && memcmp(prefixes[i][0], iri, sl) == 0)
            blocked[i] = 1;
}

static void setup_prefixes(W *w, const wquad *q, size_t n)
{
    const nkg_jsonld_options *opt = w->opt;
    size_t np = opt->prefixes ? opt->n_prefixes : 0;
    unsigned char *blocked = walloc(w, np + 1);
    for (size_t i = 0; i < n; ++i) {
        const wterm *t[4] = {&q[i].s, &q[i].p, &q[i].o, &q[i].g};
        for (size_t k = 0; k < 4; ++k) {
            if (t[k]->kind == T_IRI)
                block_scheme(t[k]->v, t[k]->len, blocked, opt->prefixes, np);
            else if (t[k]->kind == T_LIT && t[k]->dt)
                block_scheme(t[k]->dt, strlen(t[k]->dt), blocked, opt->prefixes, np);
        }
    }
    const char *(*p)[2] = walloc(w, (np + 1) * sizeof *p);
    size_t m = 0;
    for (size_t i = 0; i < np; ++i) {
        if (blocked[i] || !usable_prefix(opt->prefixes[i][0], opt->prefixes[i][1]) ||
            !utf8_valid(opt->prefixes[i][0], strlen(opt->prefixes[i][0])) ||
            !utf8_valid(opt->prefixes[i][1], strlen(opt->prefixes[i][1])))
            continue;
        size_t k = 0;
        while (k < m && strcmp(p[k][0], opt->prefixes[i][0]) != 0)
            k++;
        if (k < m)
            continue; /* the first definition wins */
        p[m][0] = opt->prefixes[i][0];
        p[m][1] = opt->prefixes[i][1];
        m++;
    }
    w->prefixes = (const char *const (*)[2])p;
    w->nprefixes = m;
}

static nkg_json *context_json(W *w)
{
    nkg_json *c = jobj(w, w->nprefixes);
    for (size_t i = 0; i < w->nprefixes; ++i) {
        const char *ns = w->prefixes[i][1];
        size_t nl = strlen(ns);
        /* JSON-LD 1.1 only uses a simple term as a prefix when its IRI
         * ends with a gen-delim; others must say "@prefix": true. */
        if (strchr(":/?#[]@", ns[nl - 1])) {
            jset(c, w->prefixes[i][0], jcstr(w, ns));
        } else {
            nkg_json *d = jobj(w, 2);
            jset(d, "@id", jcstr(w, ns));
            jset(d, "@prefix", jnew(w, NKG_JSON_TRUE));
            jset(c, w->prefixes[i][0], d);
        }
    }
    return c;
}

static void write_run(W *w, raptor_statement **quads, size_t n, buf *out)
{
    wquad *q = walloc(w, (n ? n : 1) * sizeof *q);
    for (size_t i = 0; i < n; ++i) {
        if (!quads[i])
            wfail(w, NKG_ERR_INPUT, "%s", "a statement is NULL");
        to_wterm(w, quads[i]->subject, &q[i].s, "subject");
        to_wterm(w, quads[i]->predicate, &q[i].p, "predicate");
        to_wterm(w, quads[i]->object, &q[i].o, "object");
        if (quads[i]->graph)
            to_wterm(w, quads[i]->graph, &q[i].g, "graph name");
        if (q[i].s.kind == T_LIT || q[i].p.kind != T_IRI || q[i].g.kind == T_LIT)
            wfail(w, NKG_ERR_INPUT, "%s", "a statement is not valid RDF (literal subject or graph, "
                                          "or a predicate that is not an IRI)");
    }
    /* A total order first: the algorithm keeps input order in arrays. */
    qsort(q, n, sizeof *q, cmp_wquad);
    size_t m = 0;
    for (size_t i = 0; i < n; ++i)
        if (!m || cmp_wquad(&q[m - 1], &q[i]) != 0)
            q[m++] = q[i];
    n = m;

    w->dflt = walloc(w, sizeof *w->dflt);
    for (size_t i = 0; i < n; ++i) {
        const char *name = q[i].g.kind ? node_id(w, &q[i].g) : NULL;
        wgraph *g = get_graph(w, name);
        if (name)
            get_node(w, w->dflt, name);
        add_triple(w, g, &q[i]);
    }
    fold_compound(w, w->dflt);
    fold_lists(w, w->dflt);
    for (size_t i = 0; i < w->ng; ++i) {
        fold_compound(w, w->glist[i]);
        fold_lists(w, w->glist[i]);
    }
    nkg_json *doc;
    if (w->compact) {
        setup_prefixes(w, q, n);
        doc = jobj(w, 2);
        jset(doc, "@context", context_json(w));
        jset(doc, "@graph", result_json(w));
    } else {
        doc = result_json(w);
    }
    jprint(out, doc, 0, 0);
    buf_putc(out, '\n');
    if (out->oom)
        wfail(w, NKG_ERR_NOMEM, "%s", "out of memory");
}

nkg_status nkg_jsonld_write(FILE *out, raptor_world *world, raptor_statement **quads,
                            size_t n, const nkg_jsonld_options *opt, nkg_diag *d)
{
    (void)world;
    static const nkg_jsonld_options defaults = {0};
    W *w = calloc(1, sizeof *w);
    if (!w)
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    w->opt = opt ? opt : &defaults;
    w->compact = !w->opt->expanded;
    w->d = d;
    w->a = nkg_arena_new();
    cnum loc;
    cnum_enter(&loc);
    nkg_status st = NKG_OK;
    if (!w->a) {
        st = nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    } else if (setjmp(w->jb) == 0) {
        write_run(w, quads, n, &w->out);
        if (fwrite(w->out.p, 1, w->out.n, out) != w->out.n || ferror(out))
            st = nkg_diag_set(d, NKG_ERR_IO, "cannot write JSON-LD output");
    } else {
        st = w->st;
    }
    cnum_leave(&loc);
    nkg_arena_free(w->a);
    free(w->tmp.p);
    free(w->idbuf.p);
    free(w->out.p);
    free(w);
    return st;
}

/* ================================================================= reader */
/* JSON-LD to RDF without the intermediate expanded document: each node
 * object is expanded and its triples emitted as it is met, which is what
 * the Expansion, Node Map Generation and Deserialize JSON-LD to RDF
 * algorithms amount to for the features supported here. */

enum {
    C_LIST = 1,
    C_SET = 2,
    C_LANGUAGE = 4,
    C_INDEX = 8,
};

typedef struct {
    const char *iri;  /* IRI, "_:label", keyword; NULL: the term maps to null */
    const char *type; /* "@id", "@vocab", "@json", "@none", an IRI, or NULL */
    const char *lang; /* with has_lang: NULL means "no language" */
    const char *dir;
    int has_lang, has_dir;
    unsigned container;
    int reverse, prefix;
    int undefined; /* "@id": "@reserved": the term stays undefined */
} tdef;

typedef struct rctx rctx;
struct rctx {
    const rctx *parent;   /* term lookups go on there */
    const rctx *previous; /* with @propagate false: the context nested
                             node objects go back to */
    smap terms;           /* term -> tdef */
    const char *base, *vocab, *lang, *dir;
};

/* A term of the output: kind T_IRI/T_BLANK/T_LIT, 0 for none. */
typedef struct {
    int kind;
    const char *v;
    size_t len;
    const char *dt, *lang;
} rterm;

typedef struct {
    rterm *t;
    size_t n, cap;
} rvec;

typedef struct {
    raptor_world *world;
    const char *name;
    const char *doc_base;
    nkg_rdf_direction dirmode;
    nkg_arena *a;
    jmp_buf jb;
    nkg_status st;
    nkg_diag *d;
    smap bnodes;
    unsigned long nblank;
    void *ud;
    void (*handler)(void *ud, raptor_statement *st);
    buf tmp;
    int depth;
} R;

static void rfail(R *r, nkg_status st, const char *msg, const char *arg)
{
    if (arg) {
        /* Quote at most 200 bytes of the offending text. */
        char q[208];
        size_t n = strlen(arg);
        if (n > 200) {
            memcpy(q, arg, 197);
            memcpy(q + 197, "...", 4);
        } else {
            memcpy(q, arg, n + 1);
        }
        nkg_diag_set(r->d, st, "%s: %s: \"%s\"", r->name, msg, q);
    } else {
        nkg_diag_set(r->d, st, "%s: %s", r->name, msg);
    }
    r->st = st;
    longjmp(r->jb, 1);
}

static void *ralloc(R *r, size_t n)
{
    void *p = nkg_arena_alloc(r->a, n);
    if (!p)
        rfail(r, NKG_ERR_NOMEM, "out of memory", NULL);
    return p;
}

static char *rstrndup(R *r, const char *s, size_t n)
{
    char *p = ralloc(r, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static char *rcat(R *r, const char *a, const char *b)
{
    size_t an = strlen(a), bn = strlen(b);
    char *p = ralloc(r, an + bn + 1);
    memcpy(p, a, an);
    memcpy(p + an, b, bn + 1);
    return p;
}

static slot *rput(R *r, smap *m, const char *k)
{
    slot *s = smap_put(r->a, m, k, strlen(k));
    if (!s)
        rfail(r, NKG_ERR_NOMEM, "out of memory", NULL);
    return s;
}

static void rvec_push(R *r, rvec *v, rterm t)
{
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 4;
        rterm *p = ralloc(r, nc * sizeof *p);
        if (v->n)
            memcpy(p, v->t, v->n * sizeof *p);
        v->t = p;
        v->cap = nc;
    }
    v->t[v->n++] = t;
}

static const char *const keywords[] = {
    "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit",
    "@first", "@graph", "@id", "@import", "@included", "@index", "@json", "@language",
    "@list", "@nest", "@none", "@omitDefault", "@prefix", "@preserve", "@propagate",
    "@protected", "@requireAll", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
};

static int is_keyword(const char *s)
{
    if (!s || s[0] != '@')
        return 0;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; ++i)
        if (strcmp(s, keywords[i]) == 0)
            return 1;
    return 0;
}

/* "@" followed by letters only: reserved, ignored with a warning in 1.1. */
static int keyword_like(const char *s)
{
    if (s[0] != '@' || !s[1])
        return 0;
    for (const char *c = s + 1; *c; ++c)
        if (!is_alpha(*c))
            return 0;
    return 1;
}

/* An absolute IRI: a scheme, then ':' (RFC 3986). */
static int absolute_iri(const char *s)
{
    if (!is_alpha(s[0]))
        return 0;
    const char *c = s + 1;
    while (is_alpha(*c) || is_digit(*c) || *c == '+' || *c == '-' || *c == '.')
        c++;
    return *c == ':';
}

static const tdef *lookup(const rctx *c, const char *term)
{
    for (; c; c = c->parent) {
        const tdef *t = smap_get(&c->terms, term, strlen(term));
        if (t)
            return t->undefined ? NULL : t;
    }
    return NULL;
}

/* RFC 3986 reference resolution (5.2). Our own: raptor2's resolver has
 * known deviations (an empty base path, "//" in paths). */
typedef struct {
    const char *scheme, *auth, *path, *query, *frag;
    size_t nscheme, nauth, npath, nquery, nfrag;
    int has_scheme, has_auth, has_query, has_frag;
} iriparts;

static void split_iri(const char *s, iriparts *p)
{
    memset(p, 0, sizeof *p);
    const char *c = s;
    while (*c && !strchr(":/?#", *c))
        c++;
    if (*c == ':' && c > s) {
        p->has_scheme = 1;
        p->scheme = s;
        p->nscheme = (size_t)(c - s);
        s = c + 1;
    }
    if (s[0] == '/' && s[1] == '/') {
        p->has_auth = 1;
        p->auth = s + 2;
        p->nauth = strcspn(p->auth, "/?#");
        s = p->auth + p->nauth;
    }
    p->path = s;
    p->npath = strcspn(s, "?#");
    s += p->npath;
    if (*s == '?') {
        p->has_query = 1;
        p->query = s + 1;
        p->nquery = strcspn(p->query, "#");
        s = p->query + p->nquery;
    }
    if (*s == '#') {
        p->has_frag = 1;
        p->frag = s + 1;
        p->nfrag = strlen(p->frag);
    }
}

/* remove_dot_segments (5.2.4): path (a writable NUL-terminated copy, which
 * it changes) appended to out. */
static void remove_dots(buf *out, char *p)
{
    size_t start = out->n;
    while (*p) {
        if (strncmp(p, "../", 3) == 0) {
            p += 3;
        } else if (strncmp(p, "./", 2) == 0 || strncmp(p, "/./", 3) == 0) {
            p += 2;
        } else if (strcmp(p, "/.") == 0) {
            p += 1;
            *p = '/';
        } else if (strncmp(p, "/../", 4) == 0 || strcmp(p, "/..") == 0) {
            if (p[3]) {
                p += 3;
            } else {
                p += 2;
                *p = '/';
            }
            size_t k = out->n; /* drop the last segment and its "/" */
            while (k > start && out->p[k - 1] != '/')
                k--;
            out->n = k > start ? k - 1 : start;
        } else if (strcmp(p, ".") == 0 || strcmp(p, "..") == 0) {
            break;
        } else {
            size_t k = *p == '/' ? 1 : 0;
            while (p[k] && p[k] != '/')
                k++;
            buf_put(out, p, k);
            p += k;
        }
    }
    if (out->p)
        out->p[out->n] = '\0';
}

static const char *resolve(R *r, const char *base, const char *rel)
{
    if (!base)
        return rel; /* stays relative: dropped when it reaches RDF */
    iriparts b, q;
    split_iri(base, &b);
    split_iri(rel, &q);
    buf *o = &r->tmp;
    o->n = 0;
    const iriparts *auth_from = &q, *query_from = &q;
    if (q.has_scheme) {
        buf_put(o, q.scheme, q.nscheme);
    } else {
        buf_put(o, b.scheme, b.nscheme);
        if (!q.has_auth) {
            auth_from = &b;
            if (!q.npath && !q.has_query)
                query_from = &b;
        }
    }
    buf_putc(o, ':');
    if (auth_from->has_auth) {
        buf_puts(o, "//");
        buf_put(o, auth_from->auth, auth_from->nauth);
    }
    if (q.has_scheme || q.has_auth || (q.npath && q.path[0] == '/')) {
        remove_dots(o, rstrndup(r, q.path, q.npath));
    } else if (!q.npath) {
        buf_put(o, b.path, b.npath);
    } else {
        /* merge (5.2.3), then remove dots */
        size_t k = b.npath;
        while (k > 0 && b.path[k - 1] != '/')
            k--;
        int slash = b.has_auth && !b.npath;
        char *m = ralloc(r, k + q.npath + 2);
        if (slash)
            m[0] = '/';
        memcpy(m + slash, b.path, k);
        memcpy(m + slash + k, q.path, q.npath);
        m[slash + k + q.npath] = '\0';
        remove_dots(o, m);
    }
    if (query_from->has_query) {
        buf_putc(o, '?');
        buf_put(o, query_from->query, query_from->nquery);
    }
    if (q.has_frag) {
        buf_putc(o, '#');
        buf_put(o, q.frag, q.nfrag);
    }
    if (o->oom)
        rfail(r, NKG_ERR_NOMEM, "out of memory", NULL);
    return rstrndup(r, o->p, o->n);
}

/* What JSON-LD processors take as a well-formed absolute IRI for RDF: a
 * scheme, and none of the characters RFC 3987 excludes. */
static int rdf_iri(const char *s)
{
    if (!absolute_iri(s))
        return 0;
    int hashes = 0;
    for (const unsigned char *c = (const unsigned char *)s; *c; ++c)
        if (*c <= ' ' || strchr("<>\"{}|\\^`", *c) || (*c == '#' && hashes++))
            return 0;
    return 1;
}

typedef struct {
    rctx *ctx;             /* the context being defined */
    const nkg_json *local; /* its definition */
    smap defined;          /* term -> &defining, then &defined */
} defstate;

static char defining, defined; /* markers in defstate.defined */

static void create_term(R *r, rctx *c, defstate *ds, const char *term, int depth);

/* IRI Expansion (5.2). During context processing ds names the local
 * context so that terms it defines are defined first. May return NULL
 * (the value maps to null or is a reserved "@..." form). */
static const char *expand_iri(R *r, const rctx *c, const char *value, int docrel, int vocab,
                              defstate *ds, int depth)
{
    if (is_keyword(value))
        return value;
    if (keyword_like(value))
        return NULL;
    if (ds && nkg_json_get(ds->local, value)) {
        slot *s = smap_find(&ds->defined, value, strlen(value));
        if (!s || s->v != &defined)
            create_term(r, ds->ctx, ds, value, depth + 1);
    }
    if (vocab) {
        const tdef *t = lookup(c, value);
        if (t)
            return t->iri;
    }
    const char *colon = strchr(value, ':');
    if (colon && colon != value) {
        size_t pl = (size_t)(colon - value);
        const char *suffix = colon + 1;
        if ((pl == 1 && value[0] == '_') || strncmp(suffix, "//", 2) == 0)
            return value;
        char *prefix = rstrndup(r, value, pl);
        if (ds && nkg_json_get(ds->local, prefix)) {
            slot *s = smap_find(&ds->defined, prefix, pl);
            if (!s || s->v != &defined)
                create_term(r, ds->ctx, ds, prefix, depth + 1);
        }
        const tdef *t = lookup(c, prefix);
        if (t && t->iri && t->prefix)
            return rcat(r, t->iri, suffix);
        if (absolute_iri(value))
            return value;
    }
    if (vocab && c->vocab)
        return rcat(r, c->vocab, value);
    if (docrel)
        return resolve(r, c->base, value);
    return value;
}

static unsigned parse_container(R *r, const nkg_json *v)
{
    unsigned m = 0;
    size_t n = v->type == NKG_JSON_ARRAY ? v->n : 1;
    for (size_t i = 0; i < n; ++i) {
        const nkg_json *e = v->type == NKG_JSON_ARRAY ? v->items[i] : v;
        if (e->type != NKG_JSON_STRING)
            rfail(r, NKG_ERR_INPUT, "invalid container mapping", NULL);
        if (strcmp(e->str, "@list") == 0)
            m |= C_LIST;
        else if (strcmp(e->str, "@set") == 0)
            m |= C_SET;
        else if (strcmp(e->str, "@language") == 0)
            m |= C_LANGUAGE;
        else if (strcmp(e->str, "@index") == 0)
            m |= C_INDEX;
        else if (strcmp(e->str, "@id") == 0 || strcmp(e->str, "@type") == 0 ||
                 strcmp(e->str, "@graph") == 0)
            rfail(r, NKG_ERR_INPUT, "unsupported container mapping", e->str);
        else
            rfail(r, NKG_ERR_INPUT, "invalid container mapping", e->str);
    }
    if ((m & C_LIST) && (m & ~C_LIST))
        rfail(r, NKG_ERR_INPUT, "invalid container mapping", "@list with another container");
    return m;
}

/* Create Term Definition (4.2), without scoped contexts. */
static void create_term(R *r, rctx *c, defstate *ds, const char *term, int depth)
{
    if (depth > 256)
        rfail(r, NKG_ERR_INPUT, "cyclic IRI mapping or context too deep", term);
    slot *st = rput(r, &ds->defined, term);
    if (st->v == &defined)
        return;
    if (st->v == &defining)
        rfail(r, NKG_ERR_INPUT, "cyclic IRI mapping", term);
    st->v = &defining;
    const nkg_json *value = nkg_json_get(ds->local, term);
    if (!*term)
        rfail(r, NKG_ERR_INPUT, "invalid term definition", "(empty term)");
    if (is_keyword(term)) {
        /* 1.1 allows "@type": {"@container": "@set"} (and @protected):
         * nothing to record. */
        const nkg_json *ct = nkg_json_get(value, "@container");
        if (strcmp(term, "@type") == 0 && value->type == NKG_JSON_OBJECT && ct &&
            ct->type == NKG_JSON_STRING && strcmp(ct->str, "@set") == 0 &&
            value->n == 1 + (nkg_json_get(value, "@protected") != NULL)) {
            st->v = &defined;
            return;
        }
        rfail(r, NKG_ERR_INPUT, "keyword redefinition", term);
    }
    if (keyword_like(term)) {
        st->v = &defined;
        return; /* reserved: ignored */
    }
    tdef *t = ralloc(r, sizeof *t);
    int simple = 0;
    const nkg_json *id = NULL, *rev = NULL, *type = NULL, *lang = NULL, *dir = NULL,
                   *cont = NULL, *prefix = NULL;
    if (value->type == NKG_JSON_NULL) {
        rput(r, &c->terms, term)->v = t; /* t->iri NULL: maps to null */
        st->v = &defined;
        return;
    } else if (value->type == NKG_JSON_STRING) {
        id = value;
        simple = 1;
    } else if (value->type == NKG_JSON_OBJECT) {
        for (size_t i = 0; i < value->n; ++i) {
            const char *k = value->keys[i];
            const nkg_json *v = value->items[i];
            if (strcmp(k, "@id") == 0)
                id = v;
            else if (strcmp(k, "@reverse") == 0)
                rev = v;
            else if (strcmp(k, "@type") == 0)
                type = v;
            else if (strcmp(k, "@language") == 0)
                lang = v;
            else if (strcmp(k, "@direction") == 0)
                dir = v;
            else if (strcmp(k, "@container") == 0)
                cont = v;
            else if (strcmp(k, "@prefix") == 0)
                prefix = v;
            else if (strcmp(k, "@context") == 0)
                rfail(r, NKG_ERR_INPUT, "scoped contexts are not supported", term);
            else if (strcmp(k, "@nest") == 0) {
                if (v->type != NKG_JSON_STRING || (is_keyword(v->str) && strcmp(v->str, "@nest") != 0))
                    rfail(r, NKG_ERR_INPUT, "invalid @nest value", term);
                if (nkg_json_get(value, "@reverse"))
                    rfail(r, NKG_ERR_INPUT, "invalid reverse property (with @nest)", term);
                /* where the values may sit changes nothing in the RDF */
            } else if (strcmp(k, "@protected") == 0)
                ; /* no effect on the RDF */
            else if (strcmp(k, "@index") == 0)
                rfail(r, NKG_ERR_INPUT, "property-valued indexes (@index in a term definition) "
                                        "are not supported", term);
            else
                rfail(r, NKG_ERR_INPUT, "invalid term definition", term);
        }
    } else {
        rfail(r, NKG_ERR_INPUT, "invalid term definition", term);
    }
    if (type) {
        if (type->type != NKG_JSON_STRING)
            rfail(r, NKG_ERR_INPUT, "invalid type mapping", term);
        const char *ty = expand_iri(r, c, type->str, 0, 1, ds, depth);
        if (!ty || (strcmp(ty, "@id") != 0 && strcmp(ty, "@vocab") != 0 &&
                    strcmp(ty, "@json") != 0 && strcmp(ty, "@none") != 0 && !absolute_iri(ty)))
            rfail(r, NKG_ERR_INPUT, "invalid type mapping", type->str);
        t->type = ty;
    }
    if (rev) {
        if (id)
            rfail(r, NKG_ERR_INPUT, "invalid reverse property", term);
        if (rev->type != NKG_JSON_STRING)
            rfail(r, NKG_ERR_INPUT, "invalid IRI mapping", term);
        const char *iri = expand_iri(r, c, rev->str, 0, 1, ds, depth);
        if (!iri && keyword_like(rev->str)) {
            t->undefined = 1; /* "@reserved": ignored, the term stays undefined */
            rput(r, &c->terms, term)->v = t;
            st->v = &defined;
            return;
        }
        if (!iri || !strchr(iri, ':'))
            rfail(r, NKG_ERR_INPUT, "invalid IRI mapping", rev->str);
        t->iri = iri;
        t->reverse = 1;
    } else if (id && id->type == NKG_JSON_NULL) {
        t->iri = NULL;
    } else if (id) {
        if (id->type != NKG_JSON_STRING)
            rfail(r, NKG_ERR_INPUT, "invalid IRI mapping", term);
        if (strcmp(id->str, term) != 0) {
            const char *iri = expand_iri(r, c, id->str, 0, 1, ds, depth);
            if (!iri && keyword_like(id->str)) {
                t->undefined = 1; /* "@reserved": ignored, the term stays undefined */
                rput(r, &c->terms, term)->v = t;
                st->v = &defined;
                return;
            } else if (!iri || (!is_keyword(iri) && !strchr(iri, ':'))) {
                rfail(r, NKG_ERR_INPUT, "invalid IRI mapping", id->str);
            } else if (strcmp(iri, "@context") == 0) {
                rfail(r, NKG_ERR_INPUT, "invalid keyword alias", term);
            } else {
                t->iri = iri;
            }
        } else {
            id = NULL; /* "term": "term": defined by the rules below */
        }
        if (t->iri && !strchr(term, ':') && !strchr(term, '/') && simple &&
            strchr(":/?#[]@", t->iri[strlen(t->iri) - 1]) && !is_keyword(t->iri))
            t->prefix = 1;
        /* A term that looks like a compact IRI or an IRI must mean what it
         * looks like (4.2.2 step 14.2.4). */
        const char *colon = strchr(term + 1, ':');
        if (id && t->iri && ((colon && colon[1]) || strchr(term, '/'))) {
            st->v = &defined;
            const char *self = expand_iri(r, c, term, 0, 1, ds, depth);
            if (!self || strcmp(self, t->iri) != 0)
                rfail(r, NKG_ERR_INPUT, "invalid IRI mapping (the term is an IRI of its own)", term);
        }
    }
    if (!rev && (!id || (id->type == NKG_JSON_STRING && strcmp(id->str, term) == 0))) {
        const char *colon = strchr(term + 1, ':');
        if (colon) {
            /* A compact IRI or an IRI: its prefix may be a term (defined
             * first when this context defines it). */
            size_t pl = (size_t)(colon - term);
            char *pfx = rstrndup(r, term, pl);
            if (nkg_json_get(ds->local, pfx))
                create_term(r, c, ds, pfx, depth + 1);
            const tdef *pt = lookup(c, pfx);
            t->iri = pt && pt->iri && !(pl == 1 && term[0] == '_') ? rcat(r, pt->iri, colon + 1)
                                                                    : term;
        } else if (c->vocab) {
            t->iri = rcat(r, c->vocab, term);
        } else {
            rfail(r, NKG_ERR_INPUT, "invalid IRI mapping (no @id and no @vocab)", term);
        }
    }
    if (cont)
        t->container = parse_container(r, cont);
    if (t->reverse && (t->container & ~(C_SET | C_INDEX)))
        rfail(r, NKG_ERR_INPUT, "invalid reverse property", term);
    if (lang) {
        if (lang->type != NKG_JSON_STRING && lang->type != NKG_JSON_NULL)
            rfail(r, NKG_ERR_INPUT, "invalid language mapping", term);
        t->has_lang = 1;
        if (lang->type == NKG_JSON_STRING) {
            char *l = rstrndup(r, lang->str, strlen(lang->str));
            for (char *p = l; *p; ++p)
                *p = (char)lower(*p);
            t->lang = l;
        }
    }
    if (dir) {
        if (dir->type == NKG_JSON_NULL)
            t->dir = NULL;
        else if (dir->type == NKG_JSON_STRING &&
                 (strcmp(dir->str, "ltr") == 0 || strcmp(dir->str, "rtl") == 0))
            t->dir = dir->str;
        else
            rfail(r, NKG_ERR_INPUT, "invalid base direction", term);
        t->has_dir = 1;
    }
    if (prefix) {
        if (prefix->type != NKG_JSON_TRUE && prefix->type != NKG_JSON_FALSE)
            rfail(r, NKG_ERR_INPUT, "invalid @prefix value", term);
        if (strchr(term, ':') || strchr(term, '/'))
            rfail(r, NKG_ERR_INPUT, "invalid term definition", term);
        t->prefix = prefix->type == NKG_JSON_TRUE;
        if (t->prefix && t->iri && is_keyword(t->iri))
            rfail(r, NKG_ERR_INPUT, "invalid term definition (a keyword alias as prefix)", term);
    }
    rput(r, &c->terms, term)->v = t;
    st->v = &defined;
}

static rctx *new_ctx(R *r, const rctx *parent)
{
    rctx *c = ralloc(r, sizeof *c);
    if (parent) {
        c->parent = parent;
        c->previous = parent->previous;
        c->base = parent->base;
        c->vocab = parent->vocab;
        c->lang = parent->lang;
        c->dir = parent->dir;
    } else {
        c->base = r->doc_base;
    }
    return c;
}

/* Context Processing (4.1) for embedded contexts. */
static const rctx *process_context(R *r, const rctx *active, const nkg_json *local)
{
    size_t n = local->type == NKG_JSON_ARRAY ? local->n : 1;
    const rctx *result = active;
    for (size_t i = 0; i < n; ++i) {
        const nkg_json *ctx = local->type == NKG_JSON_ARRAY ? local->items[i] : local;
        if (ctx->type == NKG_JSON_NULL) {
            result = new_ctx(r, NULL);
            continue;
        }
        if (ctx->type == NKG_JSON_STRING)
            rfail(r, NKG_ERR_INPUT, "remote contexts are not supported", ctx->str);
        if (ctx->type != NKG_JSON_OBJECT)
            rfail(r, NKG_ERR_INPUT, "invalid local context", NULL);
        rctx *c = new_ctx(r, result);
        const nkg_json *v;
        if ((v = nkg_json_get(ctx, "@import")))
            rfail(r, NKG_ERR_INPUT, "@import is not supported (it loads a remote context)", NULL);
        if ((v = nkg_json_get(ctx, "@version")) &&
            (v->type != NKG_JSON_NUMBER || strtod(v->str, NULL) != 1.1))
            rfail(r, NKG_ERR_INPUT, "invalid @version value", NULL);
        if ((v = nkg_json_get(ctx, "@base"))) {
            if (v->type == NKG_JSON_NULL)
                c->base = NULL;
            else if (v->type != NKG_JSON_STRING)
                rfail(r, NKG_ERR_INPUT, "invalid base IRI", NULL);
            else if (absolute_iri(v->str))
                c->base = v->str;
            else if (c->base)
                c->base = resolve(r, c->base, v->str);
            else
                rfail(r, NKG_ERR_INPUT, "invalid base IRI (relative, and no base to resolve it)", v->str);
        }
        if ((v = nkg_json_get(ctx, "@vocab"))) {
            if (v->type == NKG_JSON_NULL)
                c->vocab = NULL;
            else if (v->type != NKG_JSON_STRING)
                rfail(r, NKG_ERR_INPUT, "invalid vocab mapping", NULL);
            else if (strncmp(v->str, "_:", 2) == 0)
                c->vocab = v->str;
            else {
                /* Relative: against the previous @vocab, else the base. */
                const char *e = expand_iri(r, c, v->str, 1, 1, NULL, 0);
                if (!e || !(strncmp(e, "_:", 2) == 0 || absolute_iri(e)))
                    rfail(r, NKG_ERR_INPUT, "invalid vocab mapping", v->str);
                c->vocab = e;
            }
        }
        if ((v = nkg_json_get(ctx, "@language"))) {
            if (v->type == NKG_JSON_NULL) {
                c->lang = NULL;
            } else if (v->type == NKG_JSON_STRING) {
                char *l = rstrndup(r, v->str, strlen(v->str));
                for (char *p = l; *p; ++p)
                    *p = (char)lower(*p);
                c->lang = l;
            } else {
                rfail(r, NKG_ERR_INPUT, "invalid default language", NULL);
            }
        }
        if ((v = nkg_json_get(ctx, "@direction"))) {
            if (v->type == NKG_JSON_NULL)
                c->dir = NULL;
            else if (v->type == NKG_JSON_STRING &&
                     (strcmp(v->str, "ltr") == 0 || strcmp(v->str, "rtl") == 0))
                c->dir = v->str;
            else
                rfail(r, NKG_ERR_INPUT, "invalid base direction", NULL);
        }
        if ((v = nkg_json_get(ctx, "@propagate")) && v->type != NKG_JSON_TRUE &&
            v->type != NKG_JSON_FALSE)
            rfail(r, NKG_ERR_INPUT, "invalid @propagate value", NULL);
        if (v && v->type == NKG_JSON_FALSE && !c->previous)
            c->previous = active;
        defstate ds = {c, ctx, {0}};
        for (size_t k = 0; k < ctx->n; ++k) {
            const char *key = ctx->keys[k];
            if (strcmp(key, "@base") == 0 || strcmp(key, "@vocab") == 0 ||
                strcmp(key, "@language") == 0 || strcmp(key, "@direction") == 0 ||
                strcmp(key, "@version") == 0 || strcmp(key, "@propagate") == 0 ||
                strcmp(key, "@protected") == 0)
                continue;
            create_term(r, c, &ds, key, 0);
        }
        result = c;
    }
    return result;
}

/* ---------------------------------------------------------------- output */

static rterm blank_term(R *r, const char *label)
{
    /* Document blank node labels are renamed b0, b1... in order of
     * appearance; fresh nodes get the next number. */
    char tmp[32];
    const char *v;
    if (label) {
        slot *s = rput(r, &r->bnodes, label);
        if (!s->v) {
            snprintf(tmp, sizeof tmp, "b%lu", r->nblank++);
            s->v = rstrndup(r, tmp, strlen(tmp));
        }
        v = s->v;
    } else {
        snprintf(tmp, sizeof tmp, "b%lu", r->nblank++);
        v = rstrndup(r, tmp, strlen(tmp));
    }
    return (rterm){T_BLANK, v, strlen(v), NULL, NULL};
}

/* The term for an expanded IRI or blank node identifier; kind 0 for a
 * keyword or NULL. */
static rterm node_term(R *r, const char *iri)
{
    if (!iri || iri[0] == '@')
        return (rterm){0, NULL, 0, NULL, NULL};
    if (strncmp(iri, "_:", 2) == 0)
        return blank_term(r, iri + 2);
    /* Relative or ill-formed IRIs stay terms (a list keeps its node) and
     * are dropped by emit. */
    return (rterm){T_IRI, iri, strlen(iri), NULL, NULL};
}

static raptor_term *raptor_of(R *r, const rterm *t)
{
    raptor_term *rt = NULL;
    if (t->kind == T_IRI) {
        rt = raptor_new_term_from_counted_uri_string(r->world, (const unsigned char *)t->v, t->len);
    } else if (t->kind == T_BLANK) {
        rt = raptor_new_term_from_counted_blank(r->world, (const unsigned char *)t->v, t->len);
    } else {
        raptor_uri *dt = NULL;
        if (t->dt && !(dt = raptor_new_uri(r->world, (const unsigned char *)t->dt)))
            return NULL;
        size_t ll = t->lang ? strlen(t->lang) : 0;
        rt = raptor_new_term_from_counted_literal(r->world, (const unsigned char *)t->v, t->len, dt,
                                                  (const unsigned char *)t->lang,
                                                  (unsigned char)(ll > 255 ? 255 : ll));
        if (dt)
            raptor_free_uri(dt);
    }
    return rt;
}

static int rdf_ok(const rterm *t)
{
    if (t->kind == T_IRI)
        return rdf_iri(t->v);
    if (t->kind == T_LIT)
        return (!t->dt || rdf_iri(t->dt)) && (!t->lang || well_formed_lang(t->lang, strlen(t->lang)));
    return t->kind == T_BLANK;
}

static void emit(R *r, const rterm *s, const rterm *p, const rterm *o, const rterm *g)
{
    /* Triples with relative or ill-formed IRIs are not RDF: dropped. */
    if (s->kind == T_LIT || p->kind != T_IRI || !rdf_ok(s) || !rdf_ok(p) || !rdf_ok(o) ||
        (g && g->kind && (g->kind == T_LIT || !rdf_ok(g))))
        return;
    raptor_statement st;
    raptor_statement_init(&st, r->world);
    st.subject = raptor_of(r, s);
    st.predicate = raptor_of(r, p);
    st.object = raptor_of(r, o);
    st.graph = g && g->kind ? raptor_of(r, g) : NULL;
    if (!st.subject || !st.predicate || !st.object || (g && g->kind && !st.graph)) {
        raptor_statement_clear(&st);
        rfail(r, NKG_ERR_NOMEM, "out of memory", NULL);
    }
    r->handler(r->ud, &st);
    raptor_statement_clear(&st);
}

static rterm iri_term(const char *iri)
{
    return (rterm){T_IRI, iri, strlen(iri), NULL, NULL};
}

static rterm lit_term(R *r, const char *lex, size_t len, const char *dt, const char *lang)
{
    if (lang && *lang) {
        if (strlen(lang) > 255)
            rfail(r, NKG_ERR_INPUT, "language tag too long", lang);
        char *l = rstrndup(r, lang, strlen(lang));
        for (char *p = l; *p; ++p)
            *p = (char)lower(*p);
        return (rterm){T_LIT, lex, len, NULL, l};
    }
    if (dt && strcmp(dt, XSD_STRING) == 0)
        dt = NULL;
    return (rterm){T_LIT, lex, len, dt, NULL};
}

/* Object to RDF (7.3) for a JSON number: the canonical xsd:integer or
 * xsd:double lexical form. */
static rterm number_term(R *r, const nkg_json *v, const char *dt)
{
    const char *s = v->str;
    double d = strtod(s, NULL);
    int integral = !strpbrk(s, ".eE");
    if (!isfinite(d))
        rfail(r, NKG_ERR_INPUT, "number out of range", s);
    if ((dt && strcmp(dt, XSD_DOUBLE) == 0) || fabs(d) >= 1e21 ||
        (!integral && d != floor(d))) {
        char out[48];
        double_canon(d, out);
        return lit_term(r, rstrndup(r, out, strlen(out)), strlen(out), dt ? dt : XSD_DOUBLE, NULL);
    }
    char out[48];
    if (integral) {
        /* Keep every digit of an integer literal (JSON allows no leading
         * zeros): precision is not lost to a double. */
        const char *digits = s[0] == '-' ? s + 1 : s;
        int zero = strspn(digits, "0") == strlen(digits);
        const char *lex = zero ? "0" : s;
        return lit_term(r, lex, strlen(lex), dt ? dt : XSD_INTEGER, NULL);
    }
    snprintf(out, sizeof out, "%.0f", d);
    if (strcmp(out, "-0") == 0)
        strcpy(out, "0");
    return lit_term(r, rstrndup(r, out, strlen(out)), strlen(out), dt ? dt : XSD_INTEGER, NULL);
}

/* A string with language and direction, per the rdfDirection option. */
static rterm string_term(R *r, const char *s, size_t len, const char *lang, const char *dir,
                         const rterm *graph)
{
    /* An ill-formed language tag: a literal that emit drops (a list keeps
     * its node), whatever rdfDirection says. */
    if (lang && *lang && !well_formed_lang(lang, strlen(lang)))
        return lit_term(r, s, len, NULL, lang);
    if (dir && r->dirmode == NKG_RDFDIR_I18N_DATATYPE) {
        char *l = rstrndup(r, lang ? lang : "", lang ? strlen(lang) : 0);
        for (char *p = l; *p; ++p)
            *p = (char)lower(*p);
        char *dt = ralloc(r, sizeof I18N_NS + strlen(l) + strlen(dir) + 2);
        sprintf(dt, "%s%s_%s", I18N_NS, l, dir);
        return lit_term(r, s, len, dt, NULL);
    }
    if (dir && r->dirmode == NKG_RDFDIR_COMPOUND) {
        rterm b = blank_term(r, NULL);
        rterm pv = iri_term(RDF_VALUE), pl = iri_term(RDF_LANGUAGE), pd = iri_term(RDF_DIRECTION);
        rterm v = lit_term(r, s, len, NULL, NULL);
        emit(r, &b, &pv, &v, graph);
        if (lang) {
            char *l = rstrndup(r, lang, strlen(lang));
            for (char *c = l; *c; ++c)
                *c = (char)lower(*c);
            rterm lt = lit_term(r, l, strlen(l), NULL, NULL);
            emit(r, &b, &pl, &lt, graph);
        }
        rterm dt = lit_term(r, dir, strlen(dir), NULL, NULL);
        emit(r, &b, &pd, &dt, graph);
        return b;
    }
    return lit_term(r, s, len, NULL, lang);
}

static rterm json_literal(R *r, const nkg_json *v)
{
    r->tmp.n = 0;
    if (!jcs(&r->tmp, v))
        rfail(r, NKG_ERR_NOMEM, "out of memory", NULL);
    return lit_term(r, rstrndup(r, r->tmp.p ? r->tmp.p : "", r->tmp.n), r->tmp.n, RDF_JSON, NULL);
}

/* ------------------------------------------------------------ expansion */

static void expand_value(R *r, const rctx *c, const tdef *td, const nkg_json *v,
                         const rterm *graph, rvec *out, int in_list);
static rterm node_object(R *r, const rctx *c, const nkg_json *obj, const rterm *graph);

/* Value Expansion (5.3) of a scalar under the active property's term
 * definition td (may be NULL). */
static rterm scalar_term(R *r, const rctx *c, const tdef *td, const nkg_json *v,
                         const rterm *graph)
{
    const char *type = td ? td->type : NULL;
    if (v->type == NKG_JSON_STRING && type && strcmp(type, "@id") == 0)
        return node_term(r, expand_iri(r, c, v->str, 1, 0, NULL, 0));
    if (v->type == NKG_JSON_STRING && type && strcmp(type, "@vocab") == 0)
        return node_term(r, expand_iri(r, c, v->str, 1, 1, NULL, 0));
    if (type && (type[0] == '@'))
        type = NULL; /* @id/@vocab on a non-string, @none */
    switch (v->type) {
    case NKG_JSON_TRUE:
    case NKG_JSON_FALSE: {
        const char *lex = v->type == NKG_JSON_TRUE ? "true" : "false";
        return lit_term(r, lex, strlen(lex), type ? type : XSD_BOOLEAN, NULL);
    }
    case NKG_JSON_NUMBER: return number_term(r, v, type);
    case NKG_JSON_STRING:
        if (type)
            return lit_term(r, v->str, v->len, type, NULL);
        {
            const char *lang = td && td->has_lang ? td->lang : c->lang;
            const char *dir = td && td->has_dir ? td->dir : c->dir;
            return string_term(r, v->str, v->len, lang, dir, graph);
        }
    default: return (rterm){0, NULL, 0, NULL, NULL};
    }
}

/* The keywords of an object, after alias expansion. */
enum { K_ID, K_TYPE, K_VALUE, K_LANGUAGE, K_DIRECTION, K_INDEX, K_LIST, K_SET, K_GRAPH,
       K_REVERSE, K_INCLUDED, K_NEST, K_CONTEXT, K_N };
static const char *const kw_names[K_N] = {"@id", "@type", "@value", "@language", "@direction",
                                          "@index", "@list", "@set", "@graph", "@reverse",
                                          "@included", "@nest", "@context"};

typedef struct {
    const nkg_json *kw[K_N];
    size_t nkw;
    size_t nprops;
    const char **pkey;  /* key as written (for its term definition) */
    const char **piri;  /* expanded property IRI */
    const nkg_json **pval;
} okeys;

/* One array of the items of a and b (each an array or a single value). */
static const nkg_json *join_values(R *r, const nkg_json *a, const nkg_json *b)
{
    size_t na = a->type == NKG_JSON_ARRAY ? a->n : 1, nb = b->type == NKG_JSON_ARRAY ? b->n : 1;
    nkg_json *j = ralloc(r, sizeof *j);
    j->type = NKG_JSON_ARRAY;
    j->items = ralloc(r, (na + nb) * sizeof *j->items);
    for (size_t i = 0; i < na; ++i)
        j->items[j->n++] = a->type == NKG_JSON_ARRAY ? a->items[i] : (nkg_json *)a;
    for (size_t i = 0; i < nb; ++i)
        j->items[j->n++] = b->type == NKG_JSON_ARRAY ? b->items[i] : (nkg_json *)b;
    return j;
}

static void scan_keys(R *r, const rctx *c, const nkg_json *obj, okeys *k)
{
    memset(k, 0, sizeof *k);
    k->pkey = ralloc(r, (obj->n + 1) * sizeof *k->pkey);
    k->piri = ralloc(r, (obj->n + 1) * sizeof *k->piri);
    k->pval = ralloc(r, (obj->n + 1) * sizeof *k->pval);
    for (size_t i = 0; i < obj->n; ++i) {
        const char *key = obj->keys[i];
        const char *e = strcmp(key, "@context") == 0
                            ? key
                            : expand_iri(r, c, key, 0, 1, NULL, 0);
        if (!e)
            continue;
        if (e[0] == '@') {
            int which = -1;
            for (int j = 0; j < K_N; ++j)
                if (strcmp(e, kw_names[j]) == 0)
                    which = j;
            if (which < 0)
                continue; /* other keywords change nothing in the RDF */
            if (k->kw[which] && (which == K_TYPE || which == K_INCLUDED || which == K_NEST)) {
                /* 1.1: several keys may alias these; their values join. */
                k->kw[which] = join_values(r, k->kw[which], obj->items[i]);
                continue;
            }
            if (k->kw[which])
                rfail(r, NKG_ERR_INPUT, "colliding keywords", e);
            k->kw[which] = obj->items[i];
            k->nkw++;
            continue;
        }
        if (!strchr(e, ':'))
            continue; /* not an IRI: dropped, as expansion does */
        k->pkey[k->nprops] = key;
        k->piri[k->nprops] = e;
        k->pval[k->nprops++] = obj->items[i];
    }
}

/* Items of a list: each item expands to one term; arrays nest lists. */
static rterm list_term(R *r, const rctx *c, const tdef *td, const nkg_json *items,
                       const rterm *graph)
{
    rvec terms = {0};
    size_t n = items->type == NKG_JSON_ARRAY ? items->n : 1;
    for (size_t i = 0; i < n; ++i) {
        const nkg_json *it = items->type == NKG_JSON_ARRAY ? items->items[i] : items;
        if (it->type == NKG_JSON_ARRAY) {
            rterm t = list_term(r, c, td, it, graph);
            rvec_push(r, &terms, t);
        } else {
            expand_value(r, c, td, it, graph, &terms, 1);
        }
    }
    rterm first = iri_term(RDF_FIRST), rest = iri_term(RDF_REST), nil = iri_term(RDF_NIL);
    if (!terms.n)
        return nil;
    rterm head = blank_term(r, NULL), cur = head;
    for (size_t i = 0; i < terms.n; ++i) {
        emit(r, &cur, &first, &terms.t[i], graph);
        rterm next = i + 1 < terms.n ? blank_term(r, NULL) : nil;
        emit(r, &cur, &rest, &next, graph);
        cur = next;
    }
    return head;
}

static rterm value_object(R *r, const rctx *c, const okeys *k, const rterm *graph)
{
    const nkg_json *val = k->kw[K_VALUE], *ty = k->kw[K_TYPE], *la = k->kw[K_LANGUAGE],
                   *di = k->kw[K_DIRECTION];
    if (k->nprops || k->kw[K_ID] || k->kw[K_LIST] || k->kw[K_SET] || k->kw[K_GRAPH] ||
        k->kw[K_REVERSE] || k->kw[K_INCLUDED] || k->kw[K_NEST])
        rfail(r, NKG_ERR_INPUT, "invalid value object (a key other than @value, @type, "
                                "@language, @direction, @index)", NULL);
    if (ty && (la || di))
        rfail(r, NKG_ERR_INPUT, "invalid value object (@type with @language or @direction)", NULL);
    const char *type = NULL;
    if (ty) {
        if (ty->type != NKG_JSON_STRING)
            rfail(r, NKG_ERR_INPUT, "invalid typed value", NULL);
        type = expand_iri(r, c, ty->str, 1, 1, NULL, 0);
        if (type && strcmp(type, "@json") == 0)
            return json_literal(r, val);
        if (!type || !rdf_iri(type))
            rfail(r, NKG_ERR_INPUT, "invalid typed value", ty->str);
    }
    if (val->type == NKG_JSON_NULL)
        return (rterm){0, NULL, 0, NULL, NULL};
    if (val->type == NKG_JSON_ARRAY || val->type == NKG_JSON_OBJECT)
        rfail(r, NKG_ERR_INPUT, "invalid value object value", NULL);
    const char *lang = NULL, *dir = NULL;
    if (la) {
        if (la->type != NKG_JSON_STRING)
            rfail(r, NKG_ERR_INPUT, "invalid language-tagged string", NULL);
        lang = la->str;
    }
    if (di) {
        if (di->type != NKG_JSON_STRING ||
            (strcmp(di->str, "ltr") != 0 && strcmp(di->str, "rtl") != 0))
            rfail(r, NKG_ERR_INPUT, "invalid base direction", NULL);
        dir = di->str;
    }
    if ((lang || dir) && val->type != NKG_JSON_STRING)
        rfail(r, NKG_ERR_INPUT, "invalid language-tagged value", NULL);
    if (k->kw[K_INDEX] && k->kw[K_INDEX]->type != NKG_JSON_STRING)
        rfail(r, NKG_ERR_INPUT, "invalid @index value", NULL);
    switch (val->type) {
    case NKG_JSON_TRUE:
    case NKG_JSON_FALSE: {
        const char *lex = val->type == NKG_JSON_TRUE ? "true" : "false";
        return lit_term(r, lex, strlen(lex), type ? type : XSD_BOOLEAN, NULL);
    }
    case NKG_JSON_NUMBER: return number_term(r, val, type);
    default:
        if (type)
            return lit_term(r, val->str, val->len, type, NULL);
        return string_term(r, val->str, val->len, lang, dir, graph);
    }
}

/* Expand v, the value (or an item of it) of a property whose definition
 * is td, appending the terms it stands for. in_list: v is an item of a
 * list, where a @set still flattens but nothing else may drop. */
static void expand_value(R *r, const rctx *c, const tdef *td, const nkg_json *v,
                         const rterm *graph, rvec *out, int in_list)
{
    if (++r->depth > 1100)
        rfail(r, NKG_ERR_INPUT, "document nested too deeply", NULL);
    switch (v->type) {
    case NKG_JSON_NULL: break;
    case NKG_JSON_ARRAY:
        for (size_t i = 0; i < v->n; ++i) {
            if (in_list && v->items[i]->type == NKG_JSON_ARRAY)
                rvec_push(r, out, list_term(r, c, td, v->items[i], graph));
            else
                expand_value(r, c, td, v->items[i], graph, out, in_list);
        }
        break;
    case NKG_JSON_OBJECT: {
        if (c->previous) {
            /* Not propagated into nested node objects (@propagate false). */
            okeys pk;
            scan_keys(r, c, v, &pk);
            if (!pk.kw[K_VALUE] && !(pk.kw[K_ID] && v->n == 1))
                c = c->previous;
        }
        const nkg_json *ctxv = nkg_json_get(v, "@context");
        if (ctxv)
            c = process_context(r, c, ctxv);
        okeys k;
        scan_keys(r, c, v, &k);
        if (k.kw[K_LANGUAGE] && !k.kw[K_VALUE] && !k.nprops &&
            k.nkw == 1 + (k.kw[K_CONTEXT] != NULL)) {
            /* only @language: nothing (expansion step 17) */
        } else if (k.kw[K_VALUE]) {
            rterm t = value_object(r, c, &k, graph);
            if (t.kind)
                rvec_push(r, out, t);
        } else if (k.kw[K_LIST]) {
            if (k.nprops || k.nkw - (k.kw[K_INDEX] != NULL) - (k.kw[K_CONTEXT] != NULL) != 1)
                rfail(r, NKG_ERR_INPUT, "invalid set or list object", NULL);
            rvec_push(r, out, list_term(r, c, td, k.kw[K_LIST], graph));
        } else if (k.kw[K_SET]) {
            if (k.nprops || k.nkw - (k.kw[K_INDEX] != NULL) - (k.kw[K_CONTEXT] != NULL) != 1)
                rfail(r, NKG_ERR_INPUT, "invalid set or list object", NULL);
            expand_value(r, c, td, k.kw[K_SET], graph, out, 0);
        } else {
            rterm t = node_object(r, c, v, graph);
            if (t.kind)
                rvec_push(r, out, t);
        }
        break;
    }
    default: {
        rterm t = scalar_term(r, c, td, v, graph);
        if (t.kind)
            rvec_push(r, out, t);
    }
    }
    r->depth--;
}

/* The values of one property: containers first, then expand_value. */
static void property_values(R *r, const rctx *c, const tdef *td, const nkg_json *v,
                            const rterm *graph, rvec *out)
{
    if (td && td->type && strcmp(td->type, "@json") == 0) {
        rvec_push(r, out, json_literal(r, v)); /* null too: the JSON "null" */
        return;
    }
    unsigned cont = td ? td->container : 0;
    if ((cont & C_LANGUAGE) && v->type == NKG_JSON_OBJECT) {
        const char *dir = td->has_dir ? td->dir : c->dir;
        for (size_t i = 0; i < v->n; ++i) {
            const char *lang = v->keys[i];
            const char *e = expand_iri(r, c, lang, 0, 1, NULL, 0);
            if (e && strcmp(e, "@none") == 0)
                lang = NULL;
            const nkg_json *lv = v->items[i];
            size_t n = lv->type == NKG_JSON_ARRAY ? lv->n : 1;
            for (size_t j = 0; j < n; ++j) {
                const nkg_json *s = lv->type == NKG_JSON_ARRAY ? lv->items[j] : lv;
                if (s->type == NKG_JSON_NULL)
                    continue;
                if (s->type != NKG_JSON_STRING)
                    rfail(r, NKG_ERR_INPUT, "invalid language map value", NULL);
                rvec_push(r, out, string_term(r, s->str, s->len, lang, dir, graph));
            }
        }
        return;
    }
    if ((cont & C_INDEX) && v->type == NKG_JSON_OBJECT) {
        for (size_t i = 0; i < v->n; ++i)
            expand_value(r, c, td, v->items[i], graph, out, 0);
        return;
    }
    if ((cont & C_LIST) &&
        !(v->type == NKG_JSON_OBJECT && nkg_json_get(v, "@list") && !nkg_json_get(v, "@value"))) {
        rvec_push(r, out, list_term(r, c, td, v, graph));
        return;
    }
    expand_value(r, c, td, v, graph, out, 0);
}

static int is_list_object(const nkg_json *v)
{
    return v->type == NKG_JSON_OBJECT && nkg_json_get(v, "@list");
}

static void node_properties(R *r, const rctx *c, const okeys *k, const rterm *subject,
                            const rterm *graph)
{
    for (size_t i = 0; i < k->nprops; ++i) {
        const tdef *td = lookup(c, k->pkey[i]);
        rterm p = node_term(r, k->piri[i]);
        if (p.kind != T_IRI)
            continue; /* a blank node property: not in RDF */
        rvec vals = {0};
        int reverse = td && td->reverse;
        if (reverse) {
            const nkg_json *v = k->pval[i];
            size_t n = v->type == NKG_JSON_ARRAY ? v->n : 1;
            for (size_t j = 0; j < n; ++j) {
                const nkg_json *e = v->type == NKG_JSON_ARRAY ? v->items[j] : v;
                if (is_list_object(e) || (e->type == NKG_JSON_OBJECT && nkg_json_get(e, "@value")))
                    rfail(r, NKG_ERR_INPUT, "invalid reverse property value", k->pkey[i]);
            }
        }
        property_values(r, c, td, k->pval[i], graph, &vals);
        for (size_t j = 0; j < vals.n; ++j) {
            if (reverse) {
                if (vals.t[j].kind == T_LIT)
                    rfail(r, NKG_ERR_INPUT, "invalid reverse property value", k->pkey[i]);
                emit(r, &vals.t[j], &p, subject, graph);
            } else {
                emit(r, subject, &p, &vals.t[j], graph);
            }
        }
    }
}

static void graph_contents(R *r, const rctx *c, const nkg_json *v, const rterm *graph)
{
    rvec ignored = {0};
    size_t n = v->type == NKG_JSON_ARRAY ? v->n : 1;
    for (size_t i = 0; i < n; ++i) {
        const nkg_json *e = v->type == NKG_JSON_ARRAY ? v->items[i] : v;
        /* Free-floating values and lists produce nothing. */
        if (e->type != NKG_JSON_OBJECT && e->type != NKG_JSON_ARRAY)
            continue;
        if (is_list_object(e) || (e->type == NKG_JSON_OBJECT && nkg_json_get(e, "@value")))
            continue;
        ignored.n = 0;
        expand_value(r, c, NULL, e, graph, &ignored, 0);
    }
}

static void included_contents(R *r, const rctx *c, const nkg_json *v, const rterm *graph)
{
    size_t n = v->type == NKG_JSON_ARRAY ? v->n : 1;
    for (size_t i = 0; i < n; ++i) {
        const nkg_json *e = v->type == NKG_JSON_ARRAY ? v->items[i] : v;
        if (e->type != NKG_JSON_OBJECT || nkg_json_get(e, "@value") || is_list_object(e))
            rfail(r, NKG_ERR_INPUT, "invalid @included value", NULL);
    }
    graph_contents(r, c, v, graph);
}

static void node_body(R *r, const rctx *c, const okeys *k, const rterm *subject,
                      const rterm *graph);

/* @nest: the nested objects' entries belong to the node itself. */
static void nest_contents(R *r, const rctx *c, const nkg_json *v, const rterm *subject,
                          const rterm *graph)
{
    size_t n = v->type == NKG_JSON_ARRAY ? v->n : 1;
    for (size_t i = 0; i < n; ++i) {
        const nkg_json *e = v->type == NKG_JSON_ARRAY ? v->items[i] : v;
        if (e->type != NKG_JSON_OBJECT)
            rfail(r, NKG_ERR_INPUT, "invalid @nest value", NULL);
        okeys k;
        scan_keys(r, c, e, &k);
        if (k.kw[K_VALUE] || k.kw[K_ID] || k.kw[K_LIST] || k.kw[K_SET] || k.kw[K_GRAPH])
            rfail(r, NKG_ERR_INPUT, "invalid @nest value", NULL);
        node_body(r, c, &k, subject, graph);
    }
}

/* Everything of a node object but @id and @graph. */
static void node_body(R *r, const rctx *c, const okeys *k, const rterm *subject,
                      const rterm *graph)
{
    if (k->kw[K_TYPE]) {
        const nkg_json *t = k->kw[K_TYPE];
        rterm rt = iri_term(RDF_TYPE);
        size_t n = t->type == NKG_JSON_ARRAY ? t->n : 1;
        for (size_t i = 0; i < n; ++i) {
            const nkg_json *e = t->type == NKG_JSON_ARRAY ? t->items[i] : t;
            if (e->type != NKG_JSON_STRING)
                rfail(r, NKG_ERR_INPUT, "invalid type value", NULL);
            rterm o = node_term(r, expand_iri(r, c, e->str, 1, 1, NULL, 0));
            if (o.kind)
                emit(r, subject, &rt, &o, graph);
        }
    }
    if (k->kw[K_INDEX] && k->kw[K_INDEX]->type != NKG_JSON_STRING)
        rfail(r, NKG_ERR_INPUT, "invalid @index value", NULL);
    node_properties(r, c, k, subject, graph);
    if (k->kw[K_NEST])
        nest_contents(r, c, k->kw[K_NEST], subject, graph);
    if (k->kw[K_REVERSE]) {
        const nkg_json *rv = k->kw[K_REVERSE];
        if (rv->type != NKG_JSON_OBJECT)
            rfail(r, NKG_ERR_INPUT, "invalid @reverse value", NULL);
        okeys rk;
        scan_keys(r, c, rv, &rk);
        if (rk.nkw)
            rfail(r, NKG_ERR_INPUT, "invalid reverse property map", NULL);
        for (size_t i = 0; i < rk.nprops; ++i) {
            const tdef *td = lookup(c, rk.pkey[i]);
            rterm p = node_term(r, rk.piri[i]);
            if (p.kind != T_IRI)
                continue;
            const nkg_json *v = rk.pval[i];
            size_t n = v->type == NKG_JSON_ARRAY ? v->n : 1;
            for (size_t j = 0; j < n; ++j) {
                const nkg_json *e = v->type == NKG_JSON_ARRAY ? v->items[j] : v;
                if (is_list_object(e) || (e->type == NKG_JSON_OBJECT && nkg_json_get(e, "@value")))
                    rfail(r, NKG_ERR_INPUT, "invalid reverse property value", rk.pkey[i]);
            }
            rvec vals = {0};
            property_values(r, c, td, v, graph, &vals);
            for (size_t j = 0; j < vals.n; ++j) {
                if (vals.t[j].kind == T_LIT)
                    rfail(r, NKG_ERR_INPUT, "invalid reverse property value", rk.pkey[i]);
                /* A reverse term inside @reverse points forwards again. */
                if (td && td->reverse)
                    emit(r, subject, &p, &vals.t[j], graph);
                else
                    emit(r, &vals.t[j], &p, subject, graph);
            }
        }
    }
    if (k->kw[K_INCLUDED])
        included_contents(r, c, k->kw[K_INCLUDED], graph);
}

/* A node object: emits its triples, returns its subject (kind 0 for a
 * reference to an ignored "@..." identifier). */
static rterm node_object(R *r, const rctx *c, const nkg_json *obj, const rterm *graph)
{
    okeys k;
    scan_keys(r, c, obj, &k);
    rterm subject;
    const nkg_json *id = k.kw[K_ID];
    if (id) {
        if (id->type != NKG_JSON_STRING)
            rfail(r, NKG_ERR_INPUT, "invalid @id value", NULL);
        const char *e = expand_iri(r, c, id->str, 1, 0, NULL, 0);
        if (!e && !k.nprops && k.nkw == 1 + (k.kw[K_CONTEXT] != NULL))
            return (rterm){0, NULL, 0, NULL, NULL};
        subject = e ? node_term(r, e) : blank_term(r, NULL);
    } else {
        subject = blank_term(r, NULL);
    }
    node_body(r, c, &k, &subject, graph);
    if (k.kw[K_GRAPH])
        graph_contents(r, c, k.kw[K_GRAPH], &subject);
    return subject;
}

static void read_document(R *r, const nkg_json *doc)
{
    const rctx *c = new_ctx(r, NULL);
    rterm dflt = {0, NULL, 0, NULL, NULL};
    if (doc->type == NKG_JSON_OBJECT) {
        const nkg_json *ctxv = nkg_json_get(doc, "@context");
        if (ctxv)
            c = process_context(r, c, ctxv);
        okeys k;
        scan_keys(r, c, doc, &k);
        /* A top-level object with only @graph (and @context) holds the
         * default graph's nodes; anything else is a node. */
        if (k.kw[K_GRAPH] && !k.nprops && k.nkw == 1 + (k.kw[K_CONTEXT] != NULL)) {
            graph_contents(r, c, k.kw[K_GRAPH], &dflt);
            return;
        }
    }
    if (doc->type == NKG_JSON_OBJECT || doc->type == NKG_JSON_ARRAY)
        graph_contents(r, new_ctx(r, NULL), doc, &dflt);
}

/* Line and column (1-based, columns in bytes) of a byte offset. */
static void line_col(const char *s, size_t n, size_t off, size_t *line, size_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && i < n; ++i) {
        if (s[i] == '\n') {
            ++*line;
            *col = 1;
        } else {
            ++*col;
        }
    }
}

nkg_status nkg_jsonld_read_opts(raptor_world *world, const char *name, const char *bytes,
                                size_t n, const nkg_jsonld_read_options *opt, void *ud,
                                void (*handler)(void *ud, raptor_statement *st), nkg_diag *d)
{
    R *r = calloc(1, sizeof *r);
    if (!r)
        return nkg_diag_set(d, NKG_ERR_NOMEM, "%s: out of memory", name ? name : "-");
    r->world = world;
    r->name = name ? name : "-";
    r->d = d;
    r->ud = ud;
    r->handler = handler;
    r->a = nkg_arena_new();
    if (opt) {
        r->doc_base = opt->base;
        r->dirmode = opt->rdf_direction;
    }
    cnum loc;
    cnum_enter(&loc);
    nkg_status st = NKG_OK;
    if (!r->a) {
        st = nkg_diag_set(d, NKG_ERR_NOMEM, "%s: out of memory", r->name);
    } else if (setjmp(r->jb) == 0) {
        nkg_json *doc = NULL;
        size_t off = 0;
        nkg_diag jd = {0};
        st = nkg_json_parse(r->a, bytes ? bytes : "", bytes ? n : 0, &doc, &off, &jd);
        if (st != NKG_OK) {
            size_t line, col;
            line_col(bytes, n, off, &line, &col);
            nkg_diag_set(d, st, "%s:%zu:%zu: %s (byte %zu)", r->name, line, col,
                         jd.msg[0] ? jd.msg : "invalid JSON", off);
        } else {
            if (r->doc_base && !absolute_iri(r->doc_base))
                r->doc_base = NULL;
            read_document(r, doc);
        }
    } else {
        st = r->st;
    }
    cnum_leave(&loc);
    nkg_arena_free(r->a);
    free(r->tmp.p);
    free(r);
    return st;
}

nkg_status nkg_jsonld_read(raptor_world *world, const char *name, const char *bytes, size_t n,
                           void *ud, void (*handler)(void *ud, raptor_statement *st),
                           nkg_diag *d)
{
    return nkg_jsonld_read_opts(world, name, bytes, n, NULL, ud, handler, d);
}
