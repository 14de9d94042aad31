/* prov.h - the run as a prov:Activity: software agent, version, articles
 * used. No wall-clock time unless SOURCE_DATE_EPOCH is set, so that the
 * same input gives the same bytes. */
#ifndef NKG_PROV_H
#define NKG_PROV_H

#include "nkg.h"

typedef struct nkg_prov nkg_prov;

nkg_status nkg_prov_new(nkg_prov **out, const char *base);
void nkg_prov_free(nkg_prov *p);
/* Record that the run used this article (copied). */
nkg_status nkg_prov_use(nkg_prov *p, const nkg_article *art);
/* Emit the activity into a graph named by its own IRI. Its IRI is derived from the
 * sorted article IRIs, so the same input names the same run. */
nkg_status nkg_prov_emit(nkg_prov *p, const nkg_sink *sink);

#endif
