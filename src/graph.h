/* graph.h - the run's RDF dataset in a Redland (librdf) model.
 *
 * This is the only module that calls librdf: its ownership rules (which
 * calls copy, which take nodes) live here. Every statement of a run goes
 * through the model; the writers read back from it.
 */
#ifndef NKG_GRAPH_H
#define NKG_GRAPH_H

#include <raptor2.h>
#include "nkg.h"

typedef struct nkg_graph nkg_graph;

/* store: NULL or "memory" (in-memory hashes with contexts), or
 * "sqlite:FILE" (Redland's sqlite storage, created when missing). */
nkg_status nkg_graph_new(nkg_graph **out, const char *store, nkg_diag *d);
void nkg_graph_free(nkg_graph *g); /* NULL is fine */

/* A sink that adds quads to the model (each article in its own context). */
nkg_sink nkg_graph_sink(nkg_graph *g);

/* The raptor world shared with librdf (borrowed). */
raptor_world *nkg_graph_raptor(nkg_graph *g);

/* All quads, sorted (graph, subject, predicate, object) and without
 * duplicates: an array of owned statements freed with nkg_quads_free. */
nkg_status nkg_graph_quads(nkg_graph *g, raptor_statement ***out, size_t *n);
void nkg_quads_free(raptor_statement **q, size_t n);

/* qsort comparators over arrays of raptor_statement *: by triple (the graph
 * ignored), and by quad (graph first, the default graph first of all). */
int nkg_triple_cmp(const void *a, const void *b);
int nkg_quad_cmp(const void *a, const void *b);

/* Sort v (borrowed statements) by triple and drop repeated triples in
 * place, whatever their graphs: the union graph. Returns the new length. */
size_t nkg_triples_unique(raptor_statement **v, size_t n);

/* Number of distinct quads. */
size_t nkg_graph_size(nkg_graph *g);

/* Add the quads of an RDF file (Turtle, N-Triples, N-Quads, TriG by
 * extension; JSON-LD by .jsonld/.json) to the model, keeping their graphs.
 * A triples file goes to the default graph. "-" reads N-Quads from stdin. */
nkg_status nkg_graph_load(nkg_graph *g, const char *path, nkg_diag *d);

/* Remove every statement of the named graph `graph_iri`. */
nkg_status nkg_graph_clear(nkg_graph *g, const char *graph_iri);

/* Run a SPARQL query (rasqal through librdf) and write the results as a
 * table ("table"), "csv" or "json". */
nkg_status nkg_graph_query(nkg_graph *g, const char *sparql, const char *format, FILE *out,
                           nkg_diag *d);

#endif
