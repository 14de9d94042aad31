/* jsonld.h - JSON-LD 1.1 writer (RDF to JSON-LD, "fromRdf") and reader.
 *
 * Input is a dataset as an array of raptor statements (graph in
 * statement->graph, NULL for the default graph). The writer follows the
 * JSON-LD 1.1 Processing Algorithms "Serialize RDF as JSON-LD" (section 8.4)
 * to produce expanded JSON-LD; with `context` set it then writes the compact
 * shape of newskg's own output (see nkg_jsonld_write).
 */
#ifndef NKG_JSONLD_H
#define NKG_JSONLD_H

#include <raptor2.h>
#include "nkg.h"

typedef enum { NKG_RDFDIR_NONE = 0, NKG_RDFDIR_I18N_DATATYPE, NKG_RDFDIR_COMPOUND } nkg_rdf_direction;

typedef struct {
    int expanded;          /* 1: expanded document form (a top-level array) */
    int use_native_types;  /* fromRdf useNativeTypes */
    int use_rdf_type;      /* fromRdf useRdfType */
    nkg_rdf_direction rdf_direction;
    /* Compact output: prefix table used for @context and compact IRIs.
     * prefixes[i][0] = prefix name, prefixes[i][1] = namespace IRI. */
    const char *const (*prefixes)[2];
    size_t n_prefixes;
} nkg_jsonld_options;

/* Write the dataset to out as JSON-LD. Output is deterministic: nodes sorted
 * by @id, properties by IRI, values in a total order, so the same dataset
 * gives the same bytes whatever the input order. Returns NKG_ERR_INPUT for
 * datasets the algorithm rejects (e.g. an invalid rdf:JSON literal:
 * message in d), NKG_ERR_IO when writing fails. */
nkg_status nkg_jsonld_write(FILE *out, raptor_world *world, raptor_statement **quads,
                            size_t n, const nkg_jsonld_options *opt, nkg_diag *d);

/* Parse a JSON-LD document (expanded or compacted with an embedded context:
 * no remote contexts) into quads passed to handler, the way raptor parsers
 * do: the statement and its terms are borrowed for the call (copy them with
 * raptor_statement_copy to keep them). Blank nodes are renamed b0, b1, ...
 * name (may be NULL) is used in messages only. Returns NKG_ERR_INPUT with
 * "NAME:LINE:COL: message (byte N)" in d for JSON syntax errors and
 * "NAME: message" for JSON-LD errors; NKG_ERR_NOMEM. Relative IRIs are
 * resolved against @base only (no document base): see _opts. */
nkg_status nkg_jsonld_read(raptor_world *world, const char *name, const char *bytes,
                           size_t n, void *ud,
                           void (*handler)(void *ud, raptor_statement *st),
                           nkg_diag *d);

/* Options of the reader, added to nkg_jsonld_read's interface because the
 * JSON-LD to RDF algorithm takes a document base IRI and an rdfDirection. */
typedef struct {
    const char *base;               /* document base IRI (borrowed), or NULL */
    nkg_rdf_direction rdf_direction; /* @direction as i18n datatypes or
                                        compound literals; NONE drops it */
} nkg_jsonld_read_options;

/* nkg_jsonld_read with options; opt may be NULL (no base, no direction). */
nkg_status nkg_jsonld_read_opts(raptor_world *world, const char *name, const char *bytes,
                                size_t n, const nkg_jsonld_read_options *opt, void *ud,
                                void (*handler)(void *ud, raptor_statement *st),
                                nkg_diag *d);

#endif
