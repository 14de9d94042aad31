/* summary.c - recompute the casualty summaries from the store's quads. */
#include <stdlib.h>
#include <string.h>
#include "emit.h"
#include "strmap.h"
#include "summary.h"
#include "vocab.h"

const char *nkg_summary_graph(const char *base, char *buf, size_t n)
{
    snprintf(buf, n, "%sgraph/summary", base);
    return buf;
}

typedef struct {
    const char *type;
    long long count, min, max; /* -1: absent */
} rep;

typedef struct {
    const char *event, *type;
    long long lo, hi;
    size_t nsrc; /* distinct articles */
    const char *latest, *latest_date;
} summ;

/* An article's figure for one event and casualty type. */
typedef struct {
    const char *event, *type, *doc, *report, *date;
    long long lo, hi;
} pick;

static const char *iri(const raptor_term *t)
{
    return t && t->type == RAPTOR_TERM_TYPE_URI ? (const char *)raptor_uri_as_string(t->value.uri)
                                                : NULL;
}

static const char *lit(const raptor_term *t)
{
    return t && t->type == RAPTOR_TERM_TYPE_LITERAL ? (const char *)t->value.literal.string : NULL;
}

/* The representative of x's owl:sameAs class: the least IRI in it, so that
 * the choice does not depend on the order of the quads. */
static const char *canon(nkg_strmap *parent, const char *x)
{
    const char *r = x, *p;
    while ((p = nkg_strmap_get(parent, r)) && strcmp(p, r) != 0)
        r = p;
    while ((p = nkg_strmap_get(parent, x)) && strcmp(p, r) != 0) { /* path compression */
        if (nkg_strmap_put(parent, x, (void *)r)) /* may grow the map: on failure, */
            break;                                  /* only the shortcut is lost */
        x = p;
    }
    return r;
}

static nkg_status join(nkg_strmap *parent, const char *x, const char *y)
{
    x = canon(parent, x);
    y = canon(parent, y);
    int c = strcmp(x, y);
    if (c == 0)
        return NKG_OK;
    return nkg_strmap_put(parent, c < 0 ? y : x, (void *)(c < 0 ? x : y)) ? NKG_ERR_NOMEM : NKG_OK;
}

/* An event IRI that carries reports, and its owl:sameAs class. */
typedef struct {
    const char *root, *iri;
} member;

static int cmp_member(const void *a, const void *b)
{
    const member *x = a, *y = b;
    int c = strcmp(x->root, y->root);
    return c ? c : strcmp(x->iri, y->iri);
}

static int cmp_summ(const void *a, const void *b)
{
    const summ *x = a, *y = b;
    int c = strcmp(x->event, y->event);
    return c ? c : strcmp(x->type, y->type);
}

nkg_status nkg_summarize(nkg_graph *g, const char *base, nkg_diag *d)
{
    char gbuf[2048];
    const char *sg = nkg_summary_graph(base, gbuf, sizeof gbuf);
    nkg_status st = nkg_graph_clear(g, sg);
    raptor_statement **q = NULL;
    size_t n = 0;
    if (st == NKG_OK)
        st = nkg_graph_quads(g, &q, &n);
    if (st != NKG_OK)
        return nkg_diag_set(d, st, "cannot read the store for the summaries");
    nkg_arena *a = nkg_arena_new();
    nkg_strmap reps = {0}, ctx_of = {0}, issued = {0}, ment_of = {0}, same = {0};
    summ *sums = NULL;
    size_t ns = 0, caps = 0;
    if (!a)
        st = NKG_ERR_NOMEM;
    /* Pass 1: reports, mentions' contexts, articles' dates. */
    for (size_t i = 0; i < n && st == NKG_OK; ++i) {
        const char *s = iri(q[i]->subject), *p = iri(q[i]->predicate);
        if (!s || !p)
            continue;
        const char *o_iri = iri(q[i]->object), *o_lit = lit(q[i]->object);
        if (strcmp(p, NS_OWL "sameAs") == 0 && o_iri) {
            st = join(&same, s, o_iri);
        } else if (strcmp(p, NS_NIF "referenceContext") == 0 && o_iri) {
            if (nkg_strmap_put(&ctx_of, s, (void *)o_iri))
                st = NKG_ERR_NOMEM;
        } else if (strcmp(p, NS_DCT "issued") == 0 && o_lit) {
            if (nkg_strmap_put(&issued, s, (void *)o_lit))
                st = NKG_ERR_NOMEM;
        } else if (strcmp(p, NS_GAF "denotedBy") == 0 && o_iri) {
            /* the first mention (in IRI order) names a node's article */
            void **slot = nkg_strmap_slot(&ment_of, s);
            if (!slot)
                st = NKG_ERR_NOMEM;
            else if (!*slot || strcmp(o_iri, *slot) < 0)
                *slot = (void *)o_iri;
        } else if (strncmp(p, NS_NKG, sizeof NS_NKG - 1) == 0) {
            const char *local = p + sizeof NS_NKG - 1;
            int is_num = o_lit && (strcmp(local, "count") == 0 || strcmp(local, "minCount") == 0 ||
                                   strcmp(local, "maxCount") == 0);
            int is_type = o_iri && strcmp(p, NS_NKG "casualtyType") == 0;
            if (!is_num && !is_type)
                continue;
            void **slot = nkg_strmap_slot(&reps, s);
            if (!slot) {
                st = NKG_ERR_NOMEM;
                break;
            }
            rep *r = *slot;
            if (!r) {
                r = nkg_arena_alloc(a, sizeof *r);
                if (!r) {
                    st = NKG_ERR_NOMEM;
                    break;
                }
                r->count = r->min = r->max = -1;
                *slot = r;
            }
            if (is_type) {
                r->type = o_iri + sizeof NS_NKG - 1;
            } else {
                long long v = atoll(o_lit);
                if (strcmp(local, "count") == 0)
                    r->count = v;
                else if (strcmp(local, "minCount") == 0)
                    r->min = v;
                else
                    r->max = v;
            }
        }
    }
    /* Pass 2: one figure per event, type and article; an event is its
     * owl:sameAs class, named by its least IRI, since two articles may
     * name one incident by different keys. The numbers of one
     * type that one article states about one event are not rival claims: a
     * toll that rises ("12 ... rose to 14") or a part of it ("a woman was
     * among the dead") sits beside the total. So an article's figure is its
     * report with the highest number (then the highest lower bound, then the
     * greatest IRI, for a fixed choice), and the summary spans the articles'
     * figures. A report with no article is its own source. */
    nkg_strmap picks = {0}, members = {0}; /* event IRI with reports -> its class */
    nkg_strmap name_of = {0};              /* class -> its least IRI with reports */
    for (size_t i = 0; i < n && st == NKG_OK; ++i) {
        const char *s = iri(q[i]->subject), *p = iri(q[i]->predicate), *o = iri(q[i]->object);
        if (!s || !p || !o || strcmp(p, NS_NKG "casualtyReport") != 0)
            continue;
        rep *r = nkg_strmap_get(&reps, o);
        if (!r || !r->type || (r->count < 0 && r->min < 0 && r->max < 0))
            continue;
        const char *root = canon(&same, s);
        void **nm_slot = nkg_strmap_slot(&name_of, root);
        if (nkg_strmap_put(&members, s, (void *)root) || !nm_slot) {
            st = NKG_ERR_NOMEM;
            break;
        }
        if (!*nm_slot || strcmp(s, *nm_slot) < 0)
            *nm_slot = (void *)s; /* the class's summaries are named after its least reporting IRI */
        s = root;
        const char *m = nkg_strmap_get(&ment_of, o);
        const char *doc = m ? nkg_strmap_get(&ctx_of, m) : NULL;
        long long lo = r->count >= 0 ? r->count : r->min >= 0 ? r->min : r->max;
        long long hi = r->count >= 0 ? r->count : r->max >= 0 ? r->max : r->min;
        const char *key = nkg_arena_printf(a, "%s\t%s\t%s", s, r->type, doc ? doc : o);
        void **slot = key ? nkg_strmap_slot(&picks, key) : NULL;
        if (!slot) {
            st = NKG_ERR_NOMEM;
            break;
        }
        pick *k = *slot;
        if (!k) {
            if (!(k = nkg_arena_alloc(a, sizeof *k))) {
                st = NKG_ERR_NOMEM;
                break;
            }
            *k = (pick){s, r->type, doc, o, doc ? nkg_strmap_get(&issued, doc) : NULL, lo, hi};
            *slot = k;
        } else if (hi > k->hi || (hi == k->hi && (lo > k->lo || (lo == k->lo &&
                                                                 strcmp(o, k->report) > 0)))) {
            k->report = o;
            k->lo = lo;
            k->hi = hi;
        }
    }
    /* Pass 3: per event and type, over the articles' figures. */
    for (size_t i = 0; i < picks.cap && st == NKG_OK; ++i) {
        const pick *k = picks.keys[i] ? picks.vals[i] : NULL;
        if (!k)
            continue;
        summ *sm = NULL;
        for (size_t j = ns; j-- > 0;)
            if (strcmp(sums[j].event, k->event) == 0 && strcmp(sums[j].type, k->type) == 0) {
                sm = &sums[j];
                break;
            }
        if (!sm) {
            if (ns == caps) {
                size_t nc = caps ? caps * 2 : 64;
                summ *v = realloc(sums, nc * sizeof *v);
                if (!v) {
                    st = NKG_ERR_NOMEM;
                    break;
                }
                sums = v;
                caps = nc;
            }
            sm = &sums[ns++];
            memset(sm, 0, sizeof *sm);
            sm->event = k->event;
            sm->type = k->type;
            sm->lo = k->lo;
            sm->hi = k->hi;
        }
        if (k->lo < sm->lo)
            sm->lo = k->lo;
        if (k->hi > sm->hi)
            sm->hi = k->hi;
        if (k->doc)
            sm->nsrc++; /* one pick per article: each is a new source */
        if (k->date && (!sm->latest_date || strcmp(k->date, sm->latest_date) > 0 ||
                        (strcmp(k->date, sm->latest_date) == 0 && strcmp(k->report, sm->latest) > 0))) {
            sm->latest_date = k->date;
            sm->latest = k->report;
        }
    }
    nkg_strmap_free(&picks);
    if (st == NKG_OK && ns)
        qsort(sums, ns, sizeof *sums, cmp_summ);
    /* every IRI of a class that carries reports points at its summaries:
     * the IRIs sorted by class, as the summaries are, are walked once */
    member *mem = NULL;
    size_t nm = 0, mj = 0;
    if (st == NKG_OK && members.n && !(mem = malloc(members.n * sizeof *mem)))
        st = NKG_ERR_NOMEM;
    for (size_t i = 0; mem && i < members.cap; ++i)
        if (members.keys[i])
            mem[nm++] = (member){members.vals[i], members.keys[i]};
    if (nm)
        qsort(mem, nm, sizeof *mem, cmp_member);
    nkg_sink sink = nkg_graph_sink(g);
    nkg_emitter e = {&sink, sg, NKG_OK};
    for (size_t i = 0; i < ns && st == NKG_OK; ++i) {
        const summ *sm = &sums[i];
        const char *node = nkg_arena_printf(a, "%s/summary/%s", (const char *)nkg_strmap_get(&name_of, sm->event),
                                            sm->type);
        const char *type = nkg_arena_printf(a, NS_NKG "%s", sm->type);
        if (!node || !type) {
            st = NKG_ERR_NOMEM;
            break;
        }
        while (mj < nm && strcmp(mem[mj].root, sm->event) < 0)
            mj++;
        for (size_t j = mj; j < nm && strcmp(mem[j].root, sm->event) == 0; ++j)
            nkg_emit_iri(&e, mem[j].iri, NS_NKG "summary", node);
        nkg_emit_iri(&e, node, NS_RDF "type", NS_NKG "CasualtySummary");
        nkg_emit_iri(&e, node, NS_NKG "casualtyType", type);
        nkg_emit_int(&e, node, NS_NKG "lowestCount", sm->lo, NULL);
        nkg_emit_int(&e, node, NS_NKG "highestCount", sm->hi, NULL);
        nkg_emit_int(&e, node, NS_NKG "sourceCount", (long long)sm->nsrc, NULL);
        if (sm->latest)
            nkg_emit_iri(&e, node, NS_NKG "latestReport", sm->latest);
        st = e.st;
    }
    free(sums);
    free(mem);
    nkg_strmap_free(&members);
    nkg_strmap_free(&name_of);
    nkg_strmap_free(&reps);
    nkg_strmap_free(&ctx_of);
    nkg_strmap_free(&issued);
    nkg_strmap_free(&ment_of);
    nkg_strmap_free(&same);
    nkg_arena_free(a);
    nkg_quads_free(q, n);
    if (st != NKG_OK)
        return nkg_diag_set(d, st, "cannot write the summaries");
    return NKG_OK;
}
