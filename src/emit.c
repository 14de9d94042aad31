/* emit.c - typed statements into a sink, with a sticky error. */
#include <stdio.h>
#include <string.h>
#include "emit.h"
#include "vocab.h"

static void quad(nkg_emitter *e, const char *s, const char *p, const nkg_term *o)
{
    if (e->st != NKG_OK)
        return;
    nkg_term ts = {NKG_TERM_IRI, s, NULL, NULL}, tp = {NKG_TERM_IRI, p, NULL, NULL};
    nkg_term tg = {NKG_TERM_IRI, e->graph, NULL, NULL};
    e->st = nkg_sink_quad(e->sink, &ts, &tp, o, e->graph ? &tg : NULL);
}

void nkg_emit_iri(nkg_emitter *e, const char *s, const char *p, const char *o)
{
    nkg_term t = {NKG_TERM_IRI, o, NULL, NULL};
    quad(e, s, p, &t);
}

void nkg_emit_lit(nkg_emitter *e, const char *s, const char *p, const char *lex,
                  const char *datatype)
{
    /* xsd:decimal in canonical form has a point: Turtle writers print a
     * decimal "38" as the bare token 38, which reads back as an integer. */
    char buf[64];
    if (datatype && strcmp(datatype, NS_XSD "decimal") == 0 && !strchr(lex, '.') &&
        strlen(lex) + 3 < sizeof buf) {
        snprintf(buf, sizeof buf, "%s.0", lex);
        lex = buf;
    }
    nkg_term t = {NKG_TERM_LITERAL, lex, datatype, NULL};
    quad(e, s, p, &t);
}

void nkg_emit_lang(nkg_emitter *e, const char *s, const char *p, const char *lex,
                   const char *lang)
{
    nkg_term t = {NKG_TERM_LITERAL, lex, NULL, lang};
    quad(e, s, p, &t);
}

void nkg_emit_int(nkg_emitter *e, const char *s, const char *p, long long v, const char *datatype)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    nkg_emit_lit(e, s, p, buf, datatype ? datatype : NS_XSD "integer");
}
