/* serialize.h - write a sorted dataset as Turtle, N-Triples, N-Quads or
 * JSON-LD, deterministically. */
#ifndef NKG_SERIALIZE_H
#define NKG_SERIALIZE_H

#include <raptor2.h>
#include "nkg.h"

typedef enum { NKG_OUT_TURTLE, NKG_OUT_NTRIPLES, NKG_OUT_NQUADS, NKG_OUT_JSONLD, NKG_OUT_DOT } nkg_out_format;

/* Parse "turtle", "ttl", "ntriples", "nt", "nquads", "nq", "jsonld", "json-ld", "dot";
 * returns -1 when unknown. */
int nkg_out_format_parse(const char *name);

/* Write quads (sorted, as nkg_graph_quads gives them) to out. Turtle and
 * N-Triples carry the union of the graphs (each triple once). */
nkg_status nkg_write_quads(FILE *out, raptor_world *world, raptor_statement **quads, size_t n,
                           nkg_out_format fmt, nkg_diag *d);

struct nkg_graph;
/* Write the whole store to path ("-" or NULL: standard output). A file is
 * written to a temporary name beside it and renamed at the end, so a failed
 * run leaves no partial output and an existing file unchanged. */
nkg_status nkg_write_graph_file(struct nkg_graph *g, const char *path, nkg_out_format fmt,
                                nkg_diag *d);

#endif
