/* fuzz_jsonld.c - libFuzzer target over the JSON-LD reader and writer.
 *
 * The input is read with nkg_jsonld_read. A bad input must come back as
 * NKG_ERR_INPUT with a message naming the input. A good one gives a
 * dataset that is then written compact (with a prefix table) and expanded,
 * and each written document must read back to as many distinct quads as
 * the dataset has: the writer must always write what the reader reads.
 * The expanded form with useNativeTypes (lossy) must at least be written.
 * An input starting with "DC" or "DI" runs with rdfDirection
 * compound-literal or i18n-datatype.
 * Needs raptor2: link with `pkg-config --libs raptor2`. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "jsonld.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    raptor_statement **q;
    size_t n, cap;
} quads;

static raptor_world *world;

static void on_stmt(void *ud, raptor_statement *st)
{
    quads *d = ud;
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 64;
        d->q = realloc(d->q, d->cap * sizeof *d->q);
        if (!d->q)
            abort();
    }
    d->q[d->n] = raptor_statement_copy(st);
    if (!d->q[d->n])
        abort();
    d->n++;
}

static void quads_free(quads *d)
{
    for (size_t i = 0; i < d->n; ++i)
        raptor_free_statement(d->q[i]);
    free(d->q);
    memset(d, 0, sizeof *d);
}

static int cmp_stmt(const void *a, const void *b)
{
    const raptor_statement *x = *(raptor_statement *const *)a;
    const raptor_statement *y = *(raptor_statement *const *)b;
    int c;
    if ((c = raptor_term_compare(x->subject, y->subject)) ||
        (c = raptor_term_compare(x->predicate, y->predicate)) ||
        (c = raptor_term_compare(x->object, y->object)))
        return c;
    if (!x->graph || !y->graph)
        return !!x->graph - !!y->graph;
    return raptor_term_compare(x->graph, y->graph);
}

/* Distinct quads (the reader may repeat one; the writer never does). */
static size_t distinct(quads *d)
{
    if (d->n < 2)
        return d->n;
    qsort(d->q, d->n, sizeof *d->q, cmp_stmt);
    size_t m = 1;
    for (size_t i = 1; i < d->n; ++i)
        m += cmp_stmt(&d->q[i - 1], &d->q[i]) != 0;
    return m;
}

static char *write_doc(quads *d, const nkg_jsonld_options *opt, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f)
        abort();
    nkg_diag diag = {0};
    nkg_status st = nkg_jsonld_write(f, world, d->q, d->n, opt, &diag);
    fclose(f);
    /* What the reader produced is valid RDF in valid UTF-8: writable. */
    if (st != NKG_OK)
        abort();
    return buf;
}

static const char *const prefixes[][2] = {
    {"ex", "http://example.org/"}, {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}, {"h", "http:"},
    {"odd", "urn:x"},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!world) {
        world = raptor_new_world();
        if (!world || raptor_world_open(world))
            abort();
    }
    quads first = {0};
    nkg_diag d = {0};
    nkg_jsonld_read_options ro = {"http://example.org/base/doc", NKG_RDFDIR_NONE};
    /* "DC" or "DI" before the JSON: read and write with rdfDirection
     * compound-literal or i18n-datatype. */
    if (size >= 2 && data[0] == 'D' && (data[1] == 'C' || data[1] == 'I')) {
        ro.rdf_direction = data[1] == 'C' ? NKG_RDFDIR_COMPOUND : NKG_RDFDIR_I18N_DATATYPE;
        data += 2;
        size -= 2;
    }
    nkg_status st = nkg_jsonld_read_opts(world, "fuzz", (const char *)data, size, &ro, &first,
                                         on_stmt, &d);
    if (st != NKG_OK) {
        if (st != NKG_ERR_INPUT || strncmp(d.msg, "fuzz", 4) != 0)
            abort();
        quads_free(&first);
        return 0;
    }
    size_t want = distinct(&first);
    for (int mode = 0; mode < 3; ++mode) {
        nkg_jsonld_options opt = {0};
        opt.expanded = mode > 0;
        opt.use_native_types = mode == 2;
        opt.prefixes = prefixes;
        opt.n_prefixes = sizeof prefixes / sizeof prefixes[0];
        opt.rdf_direction = ro.rdf_direction;
        size_t len = 0;
        char *doc = write_doc(&first, &opt, &len);
        quads back = {0};
        nkg_diag d2 = {0};
        nkg_jsonld_read_options ro2 = {NULL, ro.rdf_direction};
        if (nkg_jsonld_read_opts(world, "back", doc, len, &ro2, &back, on_stmt, &d2) != NKG_OK)
            abort();
        if (mode < 2 && distinct(&back) != want)
            abort();
        quads_free(&back);
        free(doc);
    }
    quads_free(&first);
    return 0;
}
