/* vocab.c - the one prefix table (Turtle prefixes, JSON-LD @context). */
#include "vocab.h"

const char *const nkg_prefixes[][2] = {
    {"nkg", NS_NKG},   {"sem", NS_SEM},   {"gaf", NS_GAF},   {"nif", NS_NIF},
    {"prov", NS_PROV}, {"schema", NS_SCHEMA}, {"dct", NS_DCT}, {"geo", NS_GEO},
    {"owl", NS_OWL},   {"rdfs", NS_RDFS}, {"rdf", NS_RDF},   {"xsd", NS_XSD},
    {"geonames", NS_GEONAMES},
};
const size_t nkg_n_prefixes = sizeof nkg_prefixes / sizeof nkg_prefixes[0];
