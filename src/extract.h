/* extract.h - from an article to statements: entities, places, events,
 * times, casualty reports and statements, each with evidence mentions.
 *
 * The extractor holds the run's knowledge (mappings/ tables) and options; it
 * keeps no per-article state between calls, so articles can be processed in
 * any order and each one's statements depend on that article alone. */
#ifndef NKG_EXTRACT_H
#define NKG_EXTRACT_H

#include "lexicon.h"
#include "nkg.h"

typedef struct nkg_extractor nkg_extractor;

typedef struct {
    const char *base;   /* base IRI for minted IRIs (NULL: NKG_DEFAULT_BASE) */
    int include_text;   /* emit nif:isString on each document */
} nkg_extract_options;

typedef struct {
    size_t articles, events, reports, mentions, entities, places, statements;
} nkg_extract_stats;

/* lx is borrowed and must outlive the extractor. */
nkg_status nkg_extractor_new(nkg_extractor **out, const nkg_lexicon *lx,
                             const nkg_extract_options *opt, nkg_diag *d);
void nkg_extractor_free(nkg_extractor *x);

/* Analyse one article and send its statements to sink, in the article's
 * named graph (its IRI). Adds to *stats. */
nkg_status nkg_extract_article(nkg_extractor *x, const nkg_article *art, const nkg_sink *sink,
                               nkg_extract_stats *stats, nkg_diag *d);

/* The IRI of an article (arena string): its URL when it has one, else
 * BASE "article/" + the percent-encoded identifier. */
char *nkg_article_iri(nkg_arena *a, const char *base, const nkg_article *art);

#endif
