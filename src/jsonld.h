/* jsonld.h - JSON-LD 1.1 writer (RDF to JSON-LD, "fromRdf") and reader.
 *
 * Input is a dataset as an array of raptor statements (graph in
 * statement->graph, NULL for the default graph). The writer follows the
 * JSON-LD 1.1 Processing Algorithms "Serialize RDF as JSON-LD" (section 8.4)
 * to produce expanded JSON-LD; with opt->expanded == 0 it writes the compact
 * shape of newskg's own output instead (see nkg_jsonld_write).
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

/* Write the dataset to out as JSON-LD, in one piece at the end (nothing is
 * written on error). Output is deterministic: nodes sorted by @id,
 * properties by IRI, values in a total order (the quads are sorted first,
 * repeats dropped), so the same dataset gives the same bytes whatever the
 * input order. Language tags are written in lower case.
 *
 * expanded = 1: the fromRdf algorithm with use_native_types, use_rdf_type
 * and rdf_direction; rdf:JSON literals become {"@value": JSON, "@type":
 * "@json"} (RFC 8785 form); native numbers are written as ECMAScript
 * writes them. prefixes are not used.
 *
 * expanded = 0: {"@context": {prefix: namespace...}, "@graph": [...]}: named
 * graphs as {"@id": G, "@graph": [...]}, compact IRIs prefix:local when the
 * local part is safe, "@type" for rdf:type, one value as a value, several
 * as an array, xsd:string as JSON strings, canonical xsd:integer of up to 15
 * digits as JSON numbers, xsd:boolean true/false as JSON booleans,
 * canonical xsd:double ("1.5E3") as {"@value": 1500, "@type": "xsd:double"},
 * other literals as {"@value", "@type"|"@language"}. use_native_types is
 * ignored and rdf:JSON stays a typed string, so that any JSON-LD 1.1
 * processor reads the document back to the same dataset (use_rdf_type and
 * rdf_direction apply as in the expanded form). A prefix is left
 * out when it is unusable as a term or some IRI written in full would read
 * as a compact IRI with it; a namespace not ending in a gen-delim gets
 * "@prefix": true.
 *
 * out, quads (and the statements) and opt are borrowed; opt may be NULL
 * (compact, no prefixes); opt->prefixes may be NULL when n_prefixes is 0.
 * world is unused (kept for symmetry with the reader). Returns
 * NKG_ERR_INPUT for datasets the algorithm rejects (an invalid rdf:JSON
 * literal: "invalid JSON literal: ..."; a term that is not UTF-8, a
 * literal subject), NKG_ERR_IO when writing fails, NKG_ERR_NOMEM. */
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
