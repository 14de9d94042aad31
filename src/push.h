/* push.h - load a dataset into a remote store with the SPARQL 1.1 Graph
 * Store HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/).
 *
 * Each named graph goes to ENDPOINT?graph=<percent-encoded IRI> as
 * N-Triples, the default graph to ENDPOINT?default: PUT replaces the graph,
 * POST (append) merges into it. Only 200, 201 and 204 count as loaded.
 * Connection failures and 5xx answers are retried with a doubling delay
 * (or the server's Retry-After); 4xx answers are not. The transport is
 * libcurl; with authentication "any", the first request is sent without
 * credentials to learn the server's scheme (basic or digest).
 */
#ifndef NKG_PUSH_H
#define NKG_PUSH_H

#include <raptor2.h>
#include "nkg.h"

typedef enum {
    NKG_PUSH_AUTH_ANY = 0, /* basic or digest, as the server asks */
    NKG_PUSH_AUTH_BASIC,
    NKG_PUSH_AUTH_DIGEST
} nkg_push_auth;

typedef struct {
    const char *endpoint; /* Graph Store URL, http or https (borrowed) */
    const char *user;     /* user name, or NULL for no authentication */
    const char *password; /* may be NULL (empty) */
    nkg_push_auth auth;
    int default_graph;    /* 1: the union of all graphs into ?default */
    int append;           /* 1: POST (merge) instead of PUT (replace) */
    long timeout;         /* seconds a request may take; <= 0: 300 */
    int retries;          /* further attempts after a failed one; < 0: 3 */
    long backoff_ms;      /* first retry delay, doubled each time; <= 0: 500 */
    FILE *log;            /* retry notices, or NULL for none (borrowed) */
} nkg_push_options;

/* What happened to one graph. */
typedef struct {
    char *graph;     /* graph IRI; NULL for the default graph */
    size_t triples;  /* triples sent (or to send) */
    int loaded;      /* 1 only when the server answered 200, 201 or 204 */
    int attempted;   /* 0 when skipped after an earlier endpoint failure */
    long http_code;  /* last HTTP status; 0 when there was no answer */
    char *reason;    /* why it was not loaded; NULL when loaded */
} nkg_push_graph;

typedef struct {
    nkg_push_graph *graphs; /* sorted by graph, the default graph first */
    size_t n;
} nkg_push_report;

void nkg_push_report_free(nkg_push_report *r); /* NULL is fine; frees members only */

/* Set up and tear down libcurl: once per process, around every push. */
nkg_status nkg_push_global_init(nkg_diag *d);
void nkg_push_global_cleanup(void);

/* Send quads (borrowed; any order, e.g. as nkg_graph_quads gives them) to
 * o->endpoint, serialized with world (borrowed). Fills *report (owned by
 * the caller; free it with nkg_push_report_free even on failure) with one
 * entry per graph. Returns NKG_OK when every graph loaded; NKG_ERR_IO when
 * any did not (the report says which), NKG_ERR_USAGE for a bad endpoint,
 * NKG_ERR_INPUT for nothing to send.
 *
 * A graph whose answer is another 4xx, or still 5xx after the retries,
 * fails alone; after a failure of the endpoint itself (no connection after
 * the retries, 401, 403, 404, 405, 407) the remaining graphs are not
 * attempted. A timeout or a connection lost mid-request is retried for PUT
 * (a repeat replaces the same content) but not for a POST of blank nodes
 * (a repeat would add them twice). */
nkg_status nkg_push_quads(const nkg_push_options *o, raptor_world *world,
                          raptor_statement **quads, size_t n, nkg_push_report *report,
                          nkg_diag *d);

/* NKG_OK when endpoint (may be NULL) is an http or https URL without a
 * fragment; NKG_ERR_USAGE, with a message in d, otherwise. */
nkg_status nkg_push_check_endpoint(const char *endpoint, nkg_diag *d);

/* The request URL for a graph: endpoint + "?graph=" + the IRI
 * percent-encoded (every byte but RFC 3986's unreserved ones), or
 * endpoint + "?default" when graph_iri is NULL; "&" instead of "?" when the
 * endpoint has a query already. Returns a malloc'd string, NULL when out of
 * memory or when endpoint has a fragment. */
char *nkg_push_url(const char *endpoint, const char *graph_iri);

/* The endpoint with any "user:password@" removed, for messages (malloc'd;
 * NULL when out of memory). */
char *nkg_push_redact(const char *endpoint);

/* `newskg push` (cli_push.c): argv[0] is "push"; returns the exit code
 * documented in cli.h. */
int nkg_cli_push(int argc, char **argv);

#endif
