/* prov.c - the run's PROV-O record. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "emit.h"
#include "extract.h"
#include "prov.h"
#include "strmap.h"
#include "vocab.h"

struct nkg_prov {
    nkg_arena *arena;
    const char *base;
    const char **docs;
    size_t n, cap;
};

nkg_status nkg_prov_new(nkg_prov **out, const char *base)
{
    nkg_prov *p = calloc(1, sizeof *p);
    if (p)
        p->arena = nkg_arena_new();
    if (!p || !p->arena || !(p->base = nkg_arena_strdup(p->arena, base))) {
        nkg_prov_free(p);
        *out = NULL;
        return NKG_ERR_NOMEM;
    }
    *out = p;
    return NKG_OK;
}

void nkg_prov_free(nkg_prov *p)
{
    if (!p)
        return;
    free(p->docs);
    nkg_arena_free(p->arena);
    free(p);
}

nkg_status nkg_prov_use(nkg_prov *p, const nkg_article *art)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        const char **v = realloc(p->docs, cap * sizeof *v);
        if (!v)
            return NKG_ERR_NOMEM;
        p->docs = v;
        p->cap = cap;
    }
    const char *iri = nkg_article_iri(p->arena, p->base, art);
    if (!iri)
        return NKG_ERR_NOMEM;
    p->docs[p->n++] = iri;
    return NKG_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

nkg_status nkg_prov_emit(nkg_prov *p, const nkg_sink *sink)
{
    qsort(p->docs, p->n, sizeof *p->docs, cmp_str);
    size_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < p->n; ++i)
        h = (h ^ nkg_strhash(p->docs[i])) * 1099511628211ULL;
    const char *run = nkg_arena_printf(p->arena, "%srun/%016zx", p->base, h);
    const char *agent = "https://w3id.org/newskg/software/newskg/" NKG_VERSION;
    if (!run)
        return NKG_ERR_NOMEM;
    /* The record sits in a graph named by the run, so that it can be told
     * (and dropped) apart from what the articles say; and Redland's sqlite
     * storage mislabels default-graph statements added after named ones. */
    nkg_emitter e = {sink, run, NKG_OK};
    nkg_emit_iri(&e, run, NS_RDF "type", NS_PROV "Activity");
    nkg_emit_lang(&e, run, NS_RDFS "label", "newskg extraction run", "en");
    nkg_emit_iri(&e, run, NS_PROV "wasAssociatedWith", agent);
    nkg_emit_iri(&e, agent, NS_RDF "type", NS_PROV "SoftwareAgent");
    nkg_emit_lit(&e, agent, NS_RDFS "label", "newskg " NKG_VERSION, NULL);
    nkg_emit_lit(&e, agent, NS_SCHEMA "softwareVersion", NKG_VERSION, NULL);
    for (size_t i = 0; i < p->n; ++i)
        nkg_emit_iri(&e, run, NS_PROV "used", p->docs[i]);
    /* Time only when the caller pins it (reproducible builds convention). */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long long t = strtoll(sde, &end, 10);
        if (!*end && t >= 0) {
            time_t tt = (time_t)t;
            struct tm tm;
            char buf[32];
            if (gmtime_r(&tt, &tm) && strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm))
                nkg_emit_lit(&e, run, NS_PROV "endedAtTime", buf, NS_XSD "dateTime");
        }
    }
    return e.st;
}
