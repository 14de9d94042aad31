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
 * has one). Returns the number of tokens consumed, 0 when none, and 0 too
 * for numbers that count no people: ages ("38-year-old", "Jones, 16,"),
 * years, dates, times, money, measures, addresses, codes ("AK-47"),
 * decimals ("2.5") and numbers above 10^12. Conventions (see
 * mappings/numbers.tsv and hedges.tsv): "about 30" -> value 30 with the
 * qualifier; "at least 36" / "more than 36" -> min 36; "up to 36" -> max
 * 36; "10 to 15", "between 10 and 15" -> min 10, max 15; vague plurals
 * ("dozens") -> min only, the word as qualifier. */
size_t nkg_parse_number(const nkg_text *t, size_t i, const nkg_lexicon *lx,
                        nkg_arena *a, nkg_number *out);

/* Every casualty report in the text, in text order. *out is an arena array.
 * Each number yields at most one report, of one kind. Without a number, a
 * singular victim counts one ("a man was killed", "the victim died",
 * "killed his wife", "killed himself"); "no one was hurt" gives a report of
 * 0. People shot are reported as Injured, minus those the same sentence
 * reports killed among them ("two people were shot, one fatally" -> Killed
 * 1, Injured 1). `rule` is "casualty-words.tsv:LINE/HOW", HOW one of after,
 * before, noun, self, shot-and-died, singular-a, singular-the,
 * singular-headline, singular-pronoun, singular-name, object-a, object-the,
 * object-name (with "-minus-killed" when the count was reduced).
 * NKG_ERR_INPUT when the lexicon lacks numbers, casualty-words or
 * count-context; NKG_ERR_NOMEM. */
nkg_status nkg_find_casualties(const nkg_text *t, const nkg_lexicon *lx, nkg_arena *a,
                               nkg_casualty **out, size_t *n);

#endif
