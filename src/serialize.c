/* serialize.c - deterministic writers over a sorted quad array. raptor2
 * writes Turtle, N-Triples and N-Quads; JSON-LD is our own (jsonld.c). */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include "graph.h"
#include "dot.h"
#include "jsonld.h"
#include "serialize.h"
#include "vocab.h"

int nkg_out_format_parse(const char *name)
{
    static const struct { const char *name; nkg_out_format f; } names[] = {
        {"turtle", NKG_OUT_TURTLE}, {"ttl", NKG_OUT_TURTLE},
        {"ntriples", NKG_OUT_NTRIPLES}, {"nt", NKG_OUT_NTRIPLES},
        {"nquads", NKG_OUT_NQUADS}, {"nq", NKG_OUT_NQUADS},
        {"jsonld", NKG_OUT_JSONLD}, {"json-ld", NKG_OUT_JSONLD}, {"dot", NKG_OUT_DOT},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i)
        if (strcmp(name, names[i].name) == 0)
            return (int)names[i].f;
    return -1;
}

static nkg_status write_raptor(FILE *out, raptor_world *world, raptor_statement **quads,
                               size_t n, nkg_out_format fmt, nkg_diag *d)
{
    const char *name = fmt == NKG_OUT_TURTLE ? "turtle" : fmt == NKG_OUT_NTRIPLES ? "ntriples"
                                                                                  : "nquads";
    raptor_serializer *ser = raptor_new_serializer(world, name);
    if (!ser)
        return nkg_diag_set(d, NKG_ERR_RDF, "raptor has no %s serializer", name);
    /* Triples formats carry the union of the graphs: sort by triple and
     * drop repeats so each triple is written once, in a fixed order. */
    raptor_statement **v = quads;
    size_t m = n;
    if (fmt != NKG_OUT_NQUADS) {
        v = malloc((n ? n : 1) * sizeof *v);
        if (!v) {
            raptor_free_serializer(ser);
            return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
        }
        memcpy(v, quads, n * sizeof *v);
        m = nkg_triples_unique(v, n);
    }
    int rc = 0;
    if (fmt == NKG_OUT_TURTLE) {
        /* raptor's Turtle writer declares rdf: itself and refuses it twice. */
        for (size_t i = 0; i < nkg_n_prefixes && !rc; ++i) {
            if (strcmp(nkg_prefixes[i][0], "rdf") == 0)
                continue;
            raptor_uri *u = raptor_new_uri(world, (const unsigned char *)nkg_prefixes[i][1]);
            rc = !u || raptor_serializer_set_namespace(ser, u, (const unsigned char *)nkg_prefixes[i][0]);
            if (u)
                raptor_free_uri(u);
        }
    }
    /* No base IRI: every IRI is written in full or with a prefix. */
    rc = rc || raptor_serializer_start_to_file_handle(ser, NULL, out);
    for (size_t i = 0; i < m && !rc; ++i) {
        raptor_statement tmp = *v[i];
        if (fmt != NKG_OUT_NQUADS)
            tmp.graph = NULL;
        rc = raptor_serializer_serialize_statement(ser, &tmp);
    }
    rc = raptor_serializer_serialize_end(ser) || rc;
    raptor_free_serializer(ser);
    if (v != quads)
        free(v);
    return rc ? nkg_diag_set(d, NKG_ERR_RDF, "cannot serialize %s", name) : NKG_OK;
}

nkg_status nkg_write_quads(FILE *out, raptor_world *world, raptor_statement **quads, size_t n,
                           nkg_out_format fmt, nkg_diag *d)
{
    nkg_status st;
    if (fmt == NKG_OUT_DOT) {
        st = nkg_write_dot(out, quads, n, d);
    } else if (fmt == NKG_OUT_JSONLD) {
        nkg_jsonld_options opt = {0};
        opt.prefixes = nkg_prefixes;
        opt.n_prefixes = nkg_n_prefixes;
        st = nkg_jsonld_write(out, world, quads, n, &opt, d);
    } else {
        st = write_raptor(out, world, quads, n, fmt, d);
    }
    if (st == NKG_OK && (fflush(out) != 0 || ferror(out)))
        st = nkg_diag_set(d, NKG_ERR_IO, "write error");
    return st;
}

/* Write to a temporary file beside the target, rename at the end: a failed
 * run leaves no partial output. */
nkg_status nkg_write_graph_file(nkg_graph *g, const char *path, nkg_out_format fmt, nkg_diag *d)
{
    raptor_statement **q;
    size_t n;
    nkg_status st = nkg_graph_quads(g, &q, &n);
    if (st != NKG_OK)
        return nkg_diag_set(d, st, "cannot read the store");
    if (!path || strcmp(path, "-") == 0) {
        st = nkg_write_quads(stdout, nkg_graph_raptor(g), q, n, fmt, d);
        nkg_quads_free(q, n);
        return st;
    }
    size_t len = strlen(path) + 32;
    char *tmp = malloc(len);
    if (!tmp) {
        nkg_quads_free(q, n);
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    }
    snprintf(tmp, len, "%s.tmp-%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        st = nkg_diag_set(d, NKG_ERR_IO, "%s: %s", path, strerror(errno));
    } else {
        st = nkg_write_quads(f, nkg_graph_raptor(g), q, n, fmt, d);
        if (fclose(f) != 0 && st == NKG_OK)
            st = nkg_diag_set(d, NKG_ERR_IO, "%s: %s", path, strerror(errno));
        if (st == NKG_OK && rename(tmp, path) != 0)
            st = nkg_diag_set(d, NKG_ERR_IO, "%s: %s", path, strerror(errno));
        if (st != NKG_OK)
            remove(tmp);
    }
    free(tmp);
    nkg_quads_free(q, n);
    return st;
}

