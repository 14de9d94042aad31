/* summary.h - derived per-event casualty summaries over the whole store.
 *
 * Reports are never overwritten; a reader still wants the range at a
 * glance. For each event and casualty type this adds one
 * nkg:CasualtySummary (lowest and highest reported value, number of
 * distinct source articles, the report of the most recently dated article)
 * in the graph BASE "graph/summary", replacing what that graph held, so that
 * running it again after more articles arrive gives the summary of all. */
#ifndef NKG_SUMMARY_H
#define NKG_SUMMARY_H

#include "graph.h"

/* The summary graph's IRI (arena-free: written into buf). */
const char *nkg_summary_graph(const char *base, char *buf, size_t n);

nkg_status nkg_summarize(nkg_graph *g, const char *base, nkg_diag *d);

#endif
