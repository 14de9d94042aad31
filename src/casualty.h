/* casualty.h - numbers and casualty reports found in one article.
 *
 * The finder reads tokens and sentences (text.h) and the tables of
 * mappings/ (numbers, hedges, casualty-words, attribution cues); it knows
 * nothing of events or RDF: the extractor attaches each finding to an event.
 */
#ifndef NKG_CASUALTY_H
#define NKG_CASUALTY_H

#include "lexicon.h"
#include "text.h"

/* A number as written: "59", "1,000", "two", "a dozen", "10 to 15". */
typedef struct {
    int64_t value;     /* exact or approximate value, -1 when a range or bound only */
    int64_t min, max;  /* -1 when absent; "at least 36" -> min 36, value -1 */
    const char *qualifier; /* hedge as written ("at least"), arena, or NULL */
    uint32_t tb, te;   /* tokens of the number and its hedge */
} nkg_number;

typedef struct {
    const char *kind;  /* local name of the nkg casualty type: "Killed", "Injured",
                          "Missing", "Hostages", "Attackers", "Arrested",
                          "Evacuated", "Displaced", "Affected" */
    nkg_number num;
    uint32_t tb, te;   /* evidence: the whole phrase, e.g. "59 people dead" */
    uint32_t src_tb, src_te; /* who claims it ("officials", "Al Shabaab"), or 0,0 */
    uint32_t anchor;   /* token of the casualty word, to attach to an event */
    const char *rule;  /* name of the rule / lexicon row that fired (arena) */
    double confidence; /* 0..1 */
} nkg_casualty;

/* Parse a number at token i (with a hedge before it, when the hedges table
 * has one). Returns the number of tokens consumed, 0 when none. */
size_t nkg_parse_number(const nkg_text *t, size_t i, const nkg_lexicon *lx,
                        nkg_arena *a, nkg_number *out);

/* Every casualty report in the text, in text order. *out is an arena array. */
nkg_status nkg_find_casualties(const nkg_text *t, const nkg_lexicon *lx, nkg_arena *a,
                               nkg_casualty **out, size_t *n);

#endif
