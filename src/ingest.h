/* ingest.h - read articles from plain text, HTML and JSON Lines.
 *
 * Every reader validates its input completely before it returns an article,
 * so that a bad file produces one diagnostic and no article at all.
 */
#ifndef NKG_INGEST_H
#define NKG_INGEST_H

#include "nkg.h"
#include "utf8.h" /* nkg_utf8_check, nkg_utf8_count: callers find them here */

/* Called once per article, in input order. The article and its strings are
 * owned by the arena passed to nkg_ingest_file and stay valid until it is
 * freed. Return NKG_OK to go on; anything else stops the reader, which then
 * returns that status. */
typedef nkg_status (*nkg_article_fn)(void *ud, const nkg_article *art);

/* Guess the format of `path` from its extension (.txt/.text -> TEXT,
 * .html/.htm/.xhtml -> HTML, .jsonl/.ndjson -> JSONL), and for anything else
 * from its first non-blank bytes ('<' -> HTML, '{' -> JSONL, else TEXT). */
nkg_input_format nkg_ingest_guess(const char *path, const char *bytes, size_t n);

/* Read `path` ("-" is standard input, identified as "stdin") and call fn for
 * each article. Errors (into d, naming the file and the byte offset, line or
 * JSONL record):
 *   NKG_ERR_IO    missing or unreadable file, a directory;
 *   NKG_ERR_INPUT empty file, invalid UTF-8 ("FILE: invalid UTF-8 at byte N"),
 *                 a binary file (NUL bytes), HTML with no body text, a JSONL
 *                 line that is not a JSON object with a non-empty "text"
 *                 ("FILE:LINE: ..."), no article at all.
 * For JSONL all lines are validated before the first article is passed on. */
nkg_status nkg_ingest_file(nkg_arena *arena, const char *path, nkg_input_format fmt,
                           nkg_article_fn fn, void *ud, nkg_diag *d);

/* Same, from a memory buffer (fuzz targets, tests). `name` stands for the
 * file in identifiers and messages. */
nkg_status nkg_ingest_buffer(nkg_arena *arena, const char *name, const char *bytes,
                             size_t n, nkg_input_format fmt, nkg_article_fn fn,
                             void *ud, nkg_diag *d);

/* The article files of a directory, sorted by name bytewise: regular files
 * whose extension is one nkg_ingest_guess knows (.txt .text .html .htm .xhtml
 * .jsonl .ndjson), not hidden. *out is an arena array of arena strings
 * (full paths). NKG_ERR_INPUT when there is none. */
nkg_status nkg_list_dir(nkg_arena *arena, const char *dir, char ***out, size_t *n,
                        nkg_diag *d);

#endif
