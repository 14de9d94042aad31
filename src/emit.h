/* emit.h - helpers to send typed statements to a sink. */
#ifndef NKG_EMIT_H
#define NKG_EMIT_H

#include "nkg.h"

/* A sink bound to one named graph (NULL: default graph), with a sticky
 * status: after the first failure every call is a no-op, and the caller
 * checks `st` once at the end. */
typedef struct {
    const nkg_sink *sink;
    const char *graph;
    nkg_status st;
} nkg_emitter;

void nkg_emit_iri(nkg_emitter *e, const char *s, const char *p, const char *o);
/* A literal; datatype NULL means xsd:string. */
void nkg_emit_lit(nkg_emitter *e, const char *s, const char *p, const char *lex,
                  const char *datatype);
void nkg_emit_lang(nkg_emitter *e, const char *s, const char *p, const char *lex,
                   const char *lang);
void nkg_emit_int(nkg_emitter *e, const char *s, const char *p, long long v, const char *datatype);

#endif
