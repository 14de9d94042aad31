/* status.c - status messages, exit codes, diagnostics. */
#include <stdarg.h>
#include <string.h>
#include "nkg.h"

const char *nkg_strerror(nkg_status st)
{
    switch (st) {
    case NKG_OK: return "success";
    case NKG_ERR_USAGE: return "bad usage";
    case NKG_ERR_INPUT: return "bad input";
    case NKG_ERR_IO: return "input/output error";
    case NKG_ERR_NOMEM: return "out of memory";
    case NKG_ERR_RDF: return "RDF library error";
    case NKG_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}

/* The exit codes the README documents; sysexits.h-like but fewer. */
int nkg_exit_code(nkg_status st)
{
    switch (st) {
    case NKG_OK: return 0;
    case NKG_ERR_USAGE: return 2;
    case NKG_ERR_INPUT: return 3;
    case NKG_ERR_IO: return 4;
    default: return 5;
    }
}

nkg_status nkg_diag_set(nkg_diag *d, nkg_status st, const char *fmt, ...)
{
    if (!d || d->status != NKG_OK)
        return st;
    d->status = st;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
    va_end(ap);
    return st;
}

void nkg_diag_clear(nkg_diag *d)
{
    if (d) {
        d->status = NKG_OK;
        d->msg[0] = '\0';
    }
}

static nkg_status null_quad(void *h, const nkg_term *s, const nkg_term *p,
                            const nkg_term *o, const nkg_term *g)
{
    (void)h; (void)s; (void)p; (void)o; (void)g;
    return NKG_OK;
}

nkg_sink nkg_sink_null(void)
{
    nkg_sink k = {NULL, null_quad};
    return k;
}
