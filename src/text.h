/* text.h - tokens and sentences with exact offsets.
 *
 * The tokenizer never changes the text: every token is a slice [b, e) of the
 * article's UTF-8 bytes, and carries the same slice in code points [cb, ce),
 * which is what NIF offsets count. `norm` is a lower-cased, quote-folded copy
 * for lexicon look-ups (NBSP and other Unicode spaces are white space; curly
 * quotes and apostrophes fold to ASCII; dashes to '-').
 */
#ifndef NKG_TEXT_H
#define NKG_TEXT_H

#include "nkg.h"

enum {
    NKG_TOK_WORD = 1 << 0,   /* letters (may contain digits, inner apostrophes) */
    NKG_TOK_NUM = 1 << 1,    /* digits, with , or . separators: 1,000  2.5 */
    NKG_TOK_PUNCT = 1 << 2,  /* one punctuation character */
    NKG_TOK_CAP = 1 << 3,    /* starts with an upper-case letter */
    NKG_TOK_UPPER = 1 << 4,  /* all letters upper-case, at least two */
    NKG_TOK_SPACE = 1 << 5,  /* white space precedes it */
    NKG_TOK_NL = 1 << 6,     /* a line break precedes it */
    NKG_TOK_PARA = 1 << 7,   /* a blank line (or the start) precedes it */
    NKG_TOK_QUOTE = 1 << 8,  /* a quotation mark (norm is "\"" or "'") */
    NKG_TOK_ABBR = 1 << 9    /* dotted initials as one token: U.S. a.m. D.C. */
};

typedef struct {
    uint32_t b, e;   /* byte offsets */
    uint32_t cb, ce; /* code point offsets */
    uint32_t flags;
    uint32_t sent;   /* index of its sentence */
    const char *norm; /* folded text (arena) */
} nkg_tok;

typedef struct {
    uint32_t tb, te; /* token range [tb, te) */
} nkg_sent;

typedef struct {
    const char *s;  /* the article text (borrowed) */
    size_t len;
    nkg_tok *toks;  /* arena */
    size_t ntoks;
    nkg_sent *sents;
    size_t nsents;
} nkg_text;

typedef struct nkg_lexicon nkg_lexicon;

/* Tokenize and split s[0..len) (valid UTF-8) into sentences. `abbrevs` is the
 * lexicon whose "abbreviation" table lists words after which a period does not
 * end a sentence (may be NULL). Everything is allocated in arena. */
nkg_status nkg_text_analyze(nkg_arena *arena, const char *s, size_t len,
                            const nkg_lexicon *lex, nkg_text *out);

/* The original text of tokens [tb, te) as an arena string. */
char *nkg_text_slice(nkg_arena *arena, const nkg_text *t, size_t tb, size_t te);

/* The norms of tokens [tb, te) joined by single spaces, NUL-terminated,
 * into buf[0..cap): the key under which lexicon phrases are indexed.
 * Returns its length, or (size_t)-1 when it does not fit. */
size_t nkg_text_join(const nkg_text *t, size_t tb, size_t te, char *buf, size_t cap);

/* The same as an arena string; NULL when out of memory. */
char *nkg_text_join_dup(nkg_arena *arena, const nkg_text *t, size_t tb, size_t te);

/* 1 when token i's norm equals w. */
int nkg_tok_is(const nkg_text *t, size_t i, const char *w);

#endif
