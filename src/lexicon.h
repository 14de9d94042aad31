/* lexicon.h - extraction knowledge loaded from the TSV files of mappings/.
 *
 * Every file is UTF-8 TSV: lines starting with '#' are comments, the first
 * other line is the header naming the columns, then one row per entry.
 * Phrases in the first column are tokenized like article text and matched on
 * token norms (case-insensitive), longest match first.
 */
#ifndef NKG_LEXICON_H
#define NKG_LEXICON_H

#include "nkg.h"
#include "text.h"

typedef struct {
    size_t ncols;
    const char **cols;  /* cols[0] is the phrase; "" for empty cells */
    size_t ntoks;       /* tokens in the phrase */
    const char **toks;  /* their norms */
    size_t line;        /* line in the file, for messages and rule IRIs */
} nkg_row;

typedef struct nkg_table nkg_table;

struct nkg_lexicon {
    nkg_arena *arena;
    const char *dir;
    nkg_table **tables; /* loaded tables, by name */
    size_t ntables;
};

/* Load every *.tsv in dir (e.g. "mappings"). A malformed row gives
 * NKG_ERR_INPUT naming FILE:LINE. The lexicon owns its arena. */
nkg_status nkg_lexicon_load(nkg_lexicon **out, const char *dir, nkg_diag *d);
void nkg_lexicon_free(nkg_lexicon *lx);

/* A table by file base name without ".tsv" ("triggers"), or NULL. */
const nkg_table *nkg_lexicon_table(const nkg_lexicon *lx, const char *name);

size_t nkg_table_rows(const nkg_table *t);
const nkg_row *nkg_table_row(const nkg_table *t, size_t i);
/* Index of a header column, or -1. */
int nkg_table_col(const nkg_table *t, const char *name);
/* Cell `col` of row, or "" when the row is short or col < 0. */
const char *nkg_row_get(const nkg_row *r, int col);

/* Rows whose phrase matches the tokens starting at t->toks[i], longest
 * phrase first; up to `max` rows into out, returns how many. All returned
 * rows have the same (longest) length, so *len_out = that length. */
size_t nkg_table_match(const nkg_table *tab, const nkg_text *t, size_t i,
                       const nkg_row **out, size_t max, size_t *len_out);

/* Exact look-up of a single norm/phrase string in column 0 (e.g. a word). */
const nkg_row *nkg_table_find(const nkg_table *tab, const char *phrase);

#endif
