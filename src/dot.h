/* dot.h - a compact, event-centred GraphViz (DOT) picture of a dataset.
 *
 * Events are boxes (class, rdfs:label, date), actors ellipses linked by
 * their role (perpetrator, victim, responder; speaker from statements),
 * places houses (sem:hasPlace), casualty reports notes (type, count or
 * range, qualifier, who claims it), statements dashed boxes linked to the
 * event they are about. Mentions, NIF and provenance are left out. The
 * graphs of a dataset are merged. The output is deterministic: the same
 * quads, in any order and with repeats, give the same bytes (blank nodes,
 * which our extractor does not make, are ordered by their labels).
 */
#ifndef NKG_DOT_H
#define NKG_DOT_H

#include <raptor2.h>
#include "nkg.h"

/* Write quads (borrowed; any order, duplicates allowed) to out as one DOT
 * digraph. Returns NKG_ERR_NOMEM or NKG_ERR_IO (write error) on failure. */
nkg_status nkg_write_dot(FILE *out, raptor_statement **quads, size_t n, nkg_diag *d);

#endif
