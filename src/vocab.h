/* vocab.h - namespaces of the public data model (../contract/VOCABULARY.md).
 * The terms themselves are defined in ontology/newskg.ttl; tests check that
 * every nkg: term the program writes is defined there. */
#ifndef NKG_VOCAB_H
#define NKG_VOCAB_H

#include <stddef.h>

#define NS_NKG "https://w3id.org/newskg/ns#"
#define NS_SEM "http://semanticweb.cs.vu.nl/2009/11/sem/"
#define NS_GAF "http://groundedannotationframework.org/gaf#"
#define NS_NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define NS_PROV "http://www.w3.org/ns/prov#"
#define NS_SCHEMA "https://schema.org/"
#define NS_DCT "http://purl.org/dc/terms/"
#define NS_GEO "http://www.w3.org/2003/01/geo/wgs84_pos#"
#define NS_OWL "http://www.w3.org/2002/07/owl#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define NS_GEONAMES "https://sws.geonames.org/"

/* Default base for minted IRIs when --base is not given. */
#define NKG_DEFAULT_BASE "https://w3id.org/newskg/id/"

/* The prefix table: Turtle prefixes and the JSON-LD @context come from it. */
extern const char *const nkg_prefixes[][2];
extern const size_t nkg_n_prefixes;

#endif
