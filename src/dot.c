/* dot.c - the event-centred GraphViz writer (dot.h). */
#include <stdlib.h>
#include <string.h>
#include "dot.h"
#include "graph.h"
#include "vocab.h"

#define RDF_TYPE NS_RDF "type"
#define RDFS_LABEL NS_RDFS "label"
#define MAX_LABEL 40 /* code points of one label line */

/* The contract's event classes (../contract/VOCABULARY.md). Statements are
 * events too but drawn apart. */
static const char *const event_classes[] = {
    NS_NKG "Attack", NS_NKG "Bombing", NS_NKG "Shooting", NS_NKG "HostageTaking",
    NS_NKG "Kidnapping", NS_NKG "Rescue", NS_NKG "MilitaryOperation", NS_NKG "Arrest",
    NS_NKG "Crash", NS_NKG "NaturalDisaster", NS_SEM "Event",
};

/* Classes hidden when a subclass is asserted too: the picture names the
 * most specific one. */
static const char *const broader[][2] = {
    {NS_NKG "Bombing", NS_NKG "Attack"},
    {NS_NKG "Shooting", NS_NKG "Attack"},
};

typedef enum { K_EVENT, K_STATEMENT, K_REPORT, K_ACTOR, K_PLACE } kind; /* output order */

typedef struct {
    const raptor_term *t;
    kind k;
    unsigned id; /* per kind, from 1, in output order */
} node;

typedef enum {
    E_PERPETRATOR, E_VICTIM, E_RESPONDER, E_SPEAKER, E_ABOUT, E_PLACE, E_REPORT
} edge_kind; /* output order among the edges of one node */

static const struct {
    const char *pred; /* the property drawn */
    kind from, to;
    const char *attrs;
} edge_spec[] = {
    [E_PERPETRATOR] = {NS_NKG "perpetrator", K_EVENT, K_ACTOR,
                       "label=\"perpetrator\", color=\"#b2182b\", fontcolor=\"#b2182b\""},
    [E_VICTIM] = {NS_NKG "victim", K_EVENT, K_ACTOR,
                  "label=\"victim\", color=\"#4d4d4d\", fontcolor=\"#4d4d4d\""},
    [E_RESPONDER] = {NS_NKG "responder", K_EVENT, K_ACTOR,
                     "label=\"responder\", color=\"#1b7837\", fontcolor=\"#1b7837\""},
    [E_SPEAKER] = {NS_NKG "speaker", K_STATEMENT, K_ACTOR,
                   "label=\"speaker\", color=\"#762a83\", fontcolor=\"#762a83\""},
    [E_ABOUT] = {NS_NKG "about", K_STATEMENT, K_EVENT, "label=\"about\", style=dashed"},
    [E_PLACE] = {NS_SEM "hasPlace", K_EVENT, K_PLACE,
                 "color=\"#8c6d31\", arrowhead=none, style=dotted"},
    [E_REPORT] = {NS_NKG "casualtyReport", K_EVENT, K_REPORT, "color=\"#999999\", arrowhead=none"},
};
#define N_EDGE_KINDS (sizeof edge_spec / sizeof edge_spec[0])

typedef struct {
    const raptor_term *from, *to;
    edge_kind k;
    size_t fi, ti; /* node indexes, once resolved */
} edge;

typedef struct {
    raptor_statement **v; /* triples sorted by (s, p, o), each once */
    size_t n;
    node *nodes;
    size_t nn, capn;
    edge *edges;
    size_t ne, cape;
} dot_ctx;

/* ---------------------------------------------------------------- terms */

static const char *iri(const raptor_term *t)
{
    return t && t->type == RAPTOR_TERM_TYPE_URI ? (const char *)raptor_uri_as_string(t->value.uri)
                                                : NULL;
}

static int is_iri(const raptor_term *t, const char *s)
{
    const char *i = iri(t);
    return i && strcmp(i, s) == 0;
}

static const char *lexical(const raptor_term *t)
{
    return t && t->type == RAPTOR_TERM_TYPE_LITERAL ? (const char *)t->value.literal.string : NULL;
}

/* The part of an IRI after its last '#' or '/'. */
static const char *local_name(const char *s)
{
    const char *h = strrchr(s, '#'), *sl = strrchr(s, '/');
    const char *cut = h && (!sl || h > sl) ? h : sl;
    return cut && cut[1] ? cut + 1 : s;
}

/* raptor_term_equals takes non-const terms; compare is const-clean. */
static int same(const raptor_term *a, const raptor_term *b)
{
    return raptor_term_compare(a, b) == 0;
}

/* First triple with subject s, or c->n. */
static size_t first_of(const dot_ctx *c, const raptor_term *s)
{
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (raptor_term_compare(c->v[mid]->subject, s) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first object (in term order, so stable) of s's property p. */
static const raptor_term *value_of(const dot_ctx *c, const raptor_term *s, const char *p)
{
    for (size_t i = first_of(c, s); i < c->n && same(c->v[i]->subject, s); ++i)
        if (is_iri(c->v[i]->predicate, p))
            return c->v[i]->object;
    return NULL;
}

static int has_type(const dot_ctx *c, const raptor_term *s, const char *cls)
{
    for (size_t i = first_of(c, s); i < c->n && same(c->v[i]->subject, s); ++i)
        if (is_iri(c->v[i]->predicate, RDF_TYPE) && is_iri(c->v[i]->object, cls))
            return 1;
    return 0;
}

static int event_class(const raptor_term *o)
{
    const char *i = iri(o);
    for (size_t k = 0; i && k < sizeof event_classes / sizeof event_classes[0]; ++k)
        if (strcmp(i, event_classes[k]) == 0)
            return 1;
    return 0;
}

/* ---------------------------------------------------------------- nodes */

static int add_node(dot_ctx *c, const raptor_term *t, kind k)
{
    if (c->nn == c->capn) {
        size_t cap = c->capn ? 2 * c->capn : 64;
        node *nv = realloc(c->nodes, cap * sizeof *nv);
        if (!nv)
            return -1;
        c->nodes = nv;
        c->capn = cap;
    }
    c->nodes[c->nn].t = t;
    c->nodes[c->nn].k = k;
    c->nodes[c->nn].id = 0;
    c->nn++;
    return 0;
}

static int cmp_node_term(const void *a, const void *b)
{
    const node *x = a, *y = b;
    int c = raptor_term_compare(x->t, y->t);
    return c ? c : (int)x->k - (int)y->k;
}

/* Sort by term and keep one node per term: the lowest kind, so a term
 * that is an event and also a victim stays an event. */
static void settle_nodes(dot_ctx *c)
{
    if (c->nn > 1) /* qsort wants a non-null base even for no elements */
        qsort(c->nodes, c->nn, sizeof *c->nodes, cmp_node_term);
    size_t w = 0;
    for (size_t i = 0; i < c->nn; ++i)
        if (!w || !same(c->nodes[w - 1].t, c->nodes[i].t))
            c->nodes[w++] = c->nodes[i];
    c->nn = w;
}

/* The node of t among the first `limit` (sorted) nodes, or NULL. */
static node *find_node(const dot_ctx *c, const raptor_term *t, size_t limit)
{
    size_t lo = 0, hi = limit;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = raptor_term_compare(c->nodes[mid].t, t);
        if (r == 0)
            return &c->nodes[mid];
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static int add_edge(dot_ctx *c, const raptor_term *from, const raptor_term *to, edge_kind k)
{
    if (c->ne == c->cape) {
        size_t cap = c->cape ? 2 * c->cape : 64;
        edge *nv = realloc(c->edges, cap * sizeof *nv);
        if (!nv)
            return -1;
        c->edges = nv;
        c->cape = cap;
    }
    edge *e = &c->edges[c->ne++];
    e->from = from;
    e->to = to;
    e->k = k;
    e->fi = e->ti = 0;
    return 0;
}

/* Events and statements from their types, then what they point to. */
static int collect(dot_ctx *c)
{
    for (size_t i = 0; i < c->n; ++i) {
        const raptor_statement *s = c->v[i];
        if (!is_iri(s->predicate, RDF_TYPE))
            continue;
        if (is_iri(s->object, NS_NKG "Statement")) {
            if (add_node(c, s->subject, K_STATEMENT))
                return -1;
        } else if (event_class(s->object) && !has_type(c, s->subject, NS_NKG "Statement")) {
            if (add_node(c, s->subject, K_EVENT))
                return -1;
        }
    }
    settle_nodes(c);
    size_t centres = c->nn;
    for (size_t i = 0; i < c->n; ++i) {
        const raptor_statement *s = c->v[i];
        /* Search the centres only: the nodes added below are appended
         * unsorted (and may move the array), and are leaves anyway. */
        const node *from = find_node(c, s->subject, centres);
        if (!from)
            continue;
        for (size_t k = 0; k < N_EDGE_KINDS; ++k) {
            if (edge_spec[k].from != from->k || !is_iri(s->predicate, edge_spec[k].pred))
                continue;
            if (s->object->type == RAPTOR_TERM_TYPE_LITERAL)
                break;
            /* "about" only links two centres already present. */
            if (k != E_ABOUT && add_node(c, s->object, edge_spec[k].to))
                return -1;
            if (add_edge(c, s->subject, s->object, (edge_kind)k))
                return -1;
            break;
        }
    }
    settle_nodes(c);
    /* Resolve the ends; drop "about" edges to anything but an event. */
    size_t w = 0;
    for (size_t i = 0; i < c->ne; ++i) {
        node *f = find_node(c, c->edges[i].from, c->nn);
        node *t = find_node(c, c->edges[i].to, c->nn);
        if (!f || !t || (c->edges[i].k == E_ABOUT && t->k != K_EVENT))
            continue;
        c->edges[i].fi = (size_t)(f - c->nodes);
        c->edges[i].ti = (size_t)(t - c->nodes);
        c->edges[w++] = c->edges[i];
    }
    c->ne = w;
    return 0;
}

/* -------------------------------------------------------------- writing */

typedef struct {
    char *s;
    size_t len, cap;
    int nomem;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->nomem)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 128;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *ns = realloc(b->s, cap);
        if (!ns) {
            b->nomem = 1;
            return;
        }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void puts_raw(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Text inside a DOT string, at most max code points (0: no limit), then
 * an ellipsis. Quotes and backslashes escaped; control characters become
 * spaces, so a label stays on the lines we choose. */
static void put_text(buf *b, const char *s, size_t max)
{
    size_t cps = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
        if ((*p & 0xC0) != 0x80 && max && cps++ == max) {
            puts_raw(b, "\xE2\x80\xA6");
            return;
        }
        if (*p == '"' || *p == '\\') {
            char e[2] = {'\\', (char)*p};
            put(b, e, 2);
        } else if (*p < 0x20 || *p == 0x7F) {
            put(b, " ", 1);
        } else {
            put(b, (const char *)p, 1);
        }
    }
}

static const char *label_of(const dot_ctx *c, const raptor_term *t)
{
    const char *l = lexical(value_of(c, t, RDFS_LABEL));
    if (l)
        return l;
    /* A blank node's label is the parser's choice: not shown. */
    return t->type == RAPTOR_TERM_TYPE_URI ? local_name(iri(t)) : "(unnamed)";
}

/* "Shooting", or "HostageTaking / Rescue" when several remain. */
static void event_classes_line(const dot_ctx *c, const raptor_term *ev, buf *b)
{
    int first = 1;
    for (size_t i = first_of(c, ev); i < c->n && same(c->v[i]->subject, ev); ++i) {
        const raptor_statement *s = c->v[i];
        if (!is_iri(s->predicate, RDF_TYPE) || !event_class(s->object))
            continue;
        int hidden = 0;
        for (size_t k = 0; k < sizeof broader / sizeof broader[0]; ++k)
            hidden |= is_iri(s->object, broader[k][1]) && has_type(c, ev, broader[k][0]);
        if (hidden)
            continue;
        puts_raw(b, first ? "" : " / ");
        put_text(b, local_name(iri(s->object)), 0);
        first = 0;
    }
}

static void event_label(const dot_ctx *c, const raptor_term *ev, buf *b)
{
    event_classes_line(c, ev, b);
    const char *l = lexical(value_of(c, ev, RDFS_LABEL));
    if (l) {
        puts_raw(b, "\\n");
        put_text(b, l, MAX_LABEL);
    }
    const char *when = lexical(value_of(c, ev, NS_SEM "hasTimeStamp"));
    const char *from = lexical(value_of(c, ev, NS_SEM "hasBeginTimeStamp"));
    const char *to = lexical(value_of(c, ev, NS_SEM "hasEndTimeStamp"));
    if (when || from || to) {
        puts_raw(b, "\\n");
        if (when) {
            put_text(b, when, 0);
        } else {
            put_text(b, from ? from : "", 0);
            puts_raw(b, " \xE2\x80\x93 ");
            put_text(b, to ? to : "", 0);
        }
    }
}

/* "Killed\n59", "Attackers\n10–15 (roughly)", "Hostages\n≥36 (at least)\nclaimed by X". */
static void report_label(const dot_ctx *c, const raptor_term *r, buf *b)
{
    const raptor_term *type = value_of(c, r, NS_NKG "casualtyType");
    put_text(b, type && iri(type) ? local_name(iri(type)) : "casualties", 0);
    const char *n = lexical(value_of(c, r, NS_NKG "count"));
    const char *lo = lexical(value_of(c, r, NS_NKG "minCount"));
    const char *hi = lexical(value_of(c, r, NS_NKG "maxCount"));
    const char *q = lexical(value_of(c, r, NS_NKG "qualifier"));
    puts_raw(b, "\\n");
    if (n) {
        put_text(b, n, 0);
    } else if (lo && hi) {
        put_text(b, lo, 0);
        puts_raw(b, "\xE2\x80\x93");
        put_text(b, hi, 0);
    } else if (lo || hi) {
        puts_raw(b, lo ? "\xE2\x89\xA5" : "\xE2\x89\xA4");
        put_text(b, lo ? lo : hi, 0);
    } else {
        puts_raw(b, "?");
    }
    if (q) {
        puts_raw(b, " (");
        put_text(b, q, MAX_LABEL);
        puts_raw(b, ")");
    }
    const raptor_term *who = value_of(c, r, NS_PROV "wasAttributedTo");
    if (who && who->type != RAPTOR_TERM_TYPE_LITERAL) {
        puts_raw(b, "\\nclaimed by ");
        put_text(b, label_of(c, who), MAX_LABEL);
    }
}

static const char *const kind_prefix[] = {"ev", "st", "cr", "ac", "pl"};

static void node_id(const node *nd, char *out, size_t n)
{
    snprintf(out, n, "%s%u", kind_prefix[nd->k], nd->id);
}

static const char *node_attrs(const dot_ctx *c, const node *nd)
{
    switch (nd->k) {
    case K_EVENT:
        return "shape=box, style=\"filled,bold\", fillcolor=\"#fde0c5\"";
    case K_STATEMENT:
        return "shape=box, style=\"rounded,dashed\"";
    case K_REPORT:
        return "shape=note, style=filled, fillcolor=\"#f7f7f7\", fontsize=9";
    case K_PLACE:
        return "shape=house, style=filled, fillcolor=\"#e6f0d8\"";
    case K_ACTOR:
        if (has_type(c, nd->t, NS_SCHEMA "Person"))
            return "shape=ellipse, style=filled, fillcolor=\"#fff5bf\"";
        if (has_type(c, nd->t, NS_SCHEMA "Organization"))
            return "shape=ellipse, style=filled, fillcolor=\"#dbe9f6\"";
        return "shape=ellipse";
    }
    return "";
}

static int cmp_output(const void *a, const void *b)
{
    const node *x = *(node *const *)a, *y = *(node *const *)b;
    if (x->k != y->k)
        return (int)x->k - (int)y->k;
    return raptor_term_compare(x->t, y->t);
}

static int cmp_edge(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    if (x->fi != y->fi)
        return x->fi < y->fi ? -1 : 1;
    if (x->k != y->k)
        return (int)x->k - (int)y->k;
    if (x->ti != y->ti)
        return x->ti < y->ti ? -1 : 1;
    return 0;
}

static const char *const kind_comment[] = {"events", "statements", "casualty reports", "actors",
                                           "places"};

static nkg_status emit(FILE *out, dot_ctx *c, nkg_diag *d)
{
    node **order = malloc((c->nn ? c->nn : 1) * sizeof *order);
    if (!order)
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < c->nn; ++i)
        order[i] = &c->nodes[i];
    qsort(order, c->nn, sizeof *order, cmp_output);
    unsigned next[5] = {0};
    for (size_t i = 0; i < c->nn; ++i)
        order[i]->id = ++next[order[i]->k];

    fputs("digraph newskg {\n"
          "  graph [rankdir=LR, bgcolor=\"white\", fontname=\"Helvetica\",\n"
          "         nodesep=0.2, ranksep=0.6];\n"
          "  node [fontname=\"Helvetica\", fontsize=10, margin=\"0.08,0.04\"];\n"
          "  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.6];\n",
          out);
    buf b = {0};
    int last_kind = -1;
    for (size_t i = 0; i < c->nn; ++i) {
        const node *nd = order[i];
        char id[32];
        if ((int)nd->k != last_kind)
            fprintf(out, "\n  // %s\n", kind_comment[nd->k]);
        last_kind = (int)nd->k;
        node_id(nd, id, sizeof id);
        b.len = 0;
        if (b.s)
            b.s[0] = '\0';
        if (nd->k == K_EVENT)
            event_label(c, nd->t, &b);
        else if (nd->k == K_REPORT)
            report_label(c, nd->t, &b);
        else
            put_text(&b, label_of(c, nd->t), MAX_LABEL);
        fprintf(out, "  %s [%s, label=\"%s\"", id, node_attrs(c, nd), b.s ? b.s : "");
        /* The IRI as tooltip (SVG): the way back to the data. */
        if (nd->t->type == RAPTOR_TERM_TYPE_URI) {
            b.len = 0;
            put_text(&b, iri(nd->t), 0);
            fprintf(out, ", tooltip=\"%s\"", b.s ? b.s : "");
        }
        fputs("];\n", out);
    }
    if (c->ne > 1)
        qsort(c->edges, c->ne, sizeof *c->edges, cmp_edge);
    if (c->ne)
        fputs("\n  // roles, places, reports, statements\n", out);
    for (size_t i = 0; i < c->ne; ++i) {
        const edge *e = &c->edges[i];
        if (i && cmp_edge(&c->edges[i - 1], e) == 0)
            continue;
        char f[32], t[32];
        node_id(&c->nodes[e->fi], f, sizeof f);
        node_id(&c->nodes[e->ti], t, sizeof t);
        /* A report is written report -> event (drawn without arrows) so
         * that dot ranks the notes before their event, beside the
         * statements, rather than in one long column with the actors. */
        if (e->k == E_REPORT)
            fprintf(out, "  %s -> %s [%s];\n", t, f, edge_spec[e->k].attrs);
        else
            fprintf(out, "  %s -> %s [%s];\n", f, t, edge_spec[e->k].attrs);
    }
    fputs("}\n", out);
    int nomem = b.nomem;
    free(b.s);
    free(order);
    if (nomem)
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    if (fflush(out) != 0 || ferror(out))
        return nkg_diag_set(d, NKG_ERR_IO, "write error");
    return NKG_OK;
}

nkg_status nkg_write_dot(FILE *out, raptor_statement **quads, size_t n, nkg_diag *d)
{
    dot_ctx c = {0};
    /* One triple per (s, p, o) whatever its graphs: the picture is the
     * merge of them, in an order that does not depend on the input's. */
    c.v = malloc((n ? n : 1) * sizeof *c.v);
    if (!c.v)
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    if (n)
        memcpy(c.v, quads, n * sizeof *c.v);
    c.n = nkg_triples_unique(c.v, n);
    nkg_status st = collect(&c) ? nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory")
                                : emit(out, &c, d);
    free(c.edges);
    free(c.nodes);
    free(c.v);
    return st;
}
