/* json.h - a small strict JSON (RFC 8259) parser into an arena-owned tree.
 * Used by the JSON Lines reader, the JSON-LD reader and the tests. */
#ifndef NKG_JSON_H
#define NKG_JSON_H

#include "nkg.h"

typedef enum { NKG_JSON_NULL, NKG_JSON_FALSE, NKG_JSON_TRUE, NKG_JSON_NUMBER,
               NKG_JSON_STRING, NKG_JSON_ARRAY, NKG_JSON_OBJECT } nkg_json_type;

typedef struct nkg_json nkg_json;
struct nkg_json {
    nkg_json_type type;
    const char *str;   /* STRING: decoded UTF-8 (NUL-terminated, may hold NUL: use len);
                          NUMBER: the lexical form as written */
    size_t len;        /* STRING/NUMBER: bytes in str */
    size_t n;          /* ARRAY/OBJECT: number of items / members */
    nkg_json **items;  /* ARRAY: items; OBJECT: values */
    const char **keys; /* OBJECT: member names (decoded, NUL-terminated), in input order */
};

/* Parse exactly one JSON value (surrounding white space allowed) from
 * s[0..n). On error returns NKG_ERR_INPUT and sets *err_offset to the byte
 * offset of the problem and d to a message (without a file name: the caller
 * prefixes it). Nesting deeper than 512 is an error. Strings must be valid
 * UTF-8; \u escapes of lone surrogates are an error. */
nkg_status nkg_json_parse(nkg_arena *a, const char *s, size_t n, nkg_json **out,
                          size_t *err_offset, nkg_diag *d);

/* Member `key` of an object, or NULL (also NULL when o is not an object).
 * The last duplicate wins. */
const nkg_json *nkg_json_get(const nkg_json *o, const char *key);

#endif
