/* nkg.h - the newskg library: shared types of every stage.
 *
 * Stages talk through three small things declared here:
 *   - nkg_status / nkg_diag : one status enum, and a diagnostic that carries
 *     "FILE:POSITION: message" for the user;
 *   - nkg_article           : one ingested article (owned by an nkg_arena);
 *   - nkg_term / nkg_sink   : RDF terms and a sink that receives quads.
 *
 * Ownership: everything passed to a sink callback is borrowed for the call.
 * Pointers inside an nkg_article live as long as the arena that made it.
 */
#ifndef NKG_H
#define NKG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define NKG_VERSION "0.1.0"

/* ------------------------------------------------------------------ status */
typedef enum {
    NKG_OK = 0,
    NKG_ERR_USAGE,   /* bad command line */
    NKG_ERR_INPUT,   /* bad input: encoding, syntax, no content */
    NKG_ERR_IO,      /* cannot read or write a file */
    NKG_ERR_NOMEM,   /* allocation failed */
    NKG_ERR_RDF,     /* librdf / raptor refused something */
    NKG_ERR_INTERNAL /* a bug: an invariant did not hold */
} nkg_status;

/* A static English message for a status; never NULL. */
const char *nkg_strerror(nkg_status st);

/* Process exit code documented in the README for a status. */
int nkg_exit_code(nkg_status st);

/* A diagnostic: the first error of an operation, formatted for stderr as one
 * line "newskg: FILE:WHERE: message". */
typedef struct {
    nkg_status status;
    char msg[1024];
} nkg_diag;

/* Set d (may be NULL) to status st with a printf-style message; returns st
 * so that callers can `return nkg_diag_set(d, NKG_ERR_INPUT, ...)`. The first
 * error wins: a diag already holding an error keeps it. */
nkg_status nkg_diag_set(nkg_diag *d, nkg_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void nkg_diag_clear(nkg_diag *d);

/* ------------------------------------------------------------------- arena */
/* A bump allocator: many allocations, one free. Not thread-safe. */
typedef struct nkg_arena nkg_arena;

nkg_arena *nkg_arena_new(void);
void nkg_arena_free(nkg_arena *a); /* NULL is fine */
/* Returns zeroed memory aligned for any type, or NULL when out of memory. */
void *nkg_arena_alloc(nkg_arena *a, size_t size);
/* Copies of n bytes of s plus a NUL (s need not be NUL-terminated). */
char *nkg_arena_strndup(nkg_arena *a, const char *s, size_t n);
char *nkg_arena_strdup(nkg_arena *a, const char *s); /* NULL -> NULL */
char *nkg_arena_printf(nkg_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ----------------------------------------------------------------- article */
typedef enum { NKG_FMT_AUTO = 0, NKG_FMT_TEXT, NKG_FMT_HTML, NKG_FMT_JSONL } nkg_input_format;

typedef struct nkg_article {
    const char *id;        /* dct:identifier: file base name, or the JSONL "id" */
    const char *source;    /* where it came from, for messages ("a.jsonl:3") */
    const char *url;       /* canonical URL, or NULL */
    const char *title;     /* headline, or NULL */
    const char *published; /* date as found (ISO 8601 preferred), or NULL */
    const char *publisher; /* site or outlet name, or NULL */
    const char *text;      /* valid UTF-8, NUL-terminated: offsets count in it */
    size_t text_len;       /* bytes in text */
    size_t text_cps;       /* Unicode code points in text */
    int from_markup;       /* 1 when text was extracted from HTML */
} nkg_article;

/* ------------------------------------------------------------------- terms */
typedef enum { NKG_TERM_IRI = 1, NKG_TERM_BLANK, NKG_TERM_LITERAL } nkg_term_kind;

typedef struct {
    nkg_term_kind kind;
    const char *value;    /* IRI, blank node label (no "_:"), or lexical form */
    const char *datatype; /* literal datatype IRI, or NULL (xsd:string) */
    const char *lang;     /* language tag, or NULL */
} nkg_term;

/* A sink of quads. graph may be NULL for the default graph. All terms are
 * borrowed for the duration of the call. */
typedef struct nkg_sink {
    void *handle;
    nkg_status (*quad)(void *handle, const nkg_term *s, const nkg_term *p,
                       const nkg_term *o, const nkg_term *g);
} nkg_sink;

static inline nkg_status nkg_sink_quad(const nkg_sink *k, const nkg_term *s,
                                       const nkg_term *p, const nkg_term *o,
                                       const nkg_term *g)
{
    return k->quad(k->handle, s, p, o, g);
}

/* A sink that drops everything (tests, benchmarks). */
nkg_sink nkg_sink_null(void);

#endif
