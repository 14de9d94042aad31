/* push.c - the SPARQL 1.1 Graph Store HTTP Protocol client (libcurl). */
#include <curl/curl.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "graph.h"
#include "push.h"

#define DEFAULT_TIMEOUT 300L
#define DEFAULT_RETRIES 3
#define DEFAULT_BACKOFF_MS 500L
#define MAX_BACKOFF_MS 30000L
#define CONNECT_TIMEOUT_CAP 30L

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    return c ? memcpy(c, s, n) : NULL;
}

/* ------------------------------------------------------------------ URLs */

static int unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

char *nkg_push_url(const char *endpoint, const char *graph_iri)
{
    if (strchr(endpoint, '#'))
        return NULL;
    static const char hex[] = "0123456789ABCDEF";
    size_t elen = strlen(endpoint);
    size_t glen = graph_iri ? strlen(graph_iri) : 0;
    /* Worst case every byte becomes %XX. */
    char *u = malloc(elen + sizeof "?default" + sizeof "?graph=" + 3 * glen);
    if (!u)
        return NULL;
    memcpy(u, endpoint, elen);
    char *p = u + elen;
    *p++ = strchr(endpoint, '?') ? '&' : '?';
    if (!graph_iri) {
        memcpy(p, "default", sizeof "default");
        return u;
    }
    memcpy(p, "graph=", 6);
    p += 6;
    for (const unsigned char *s = (const unsigned char *)graph_iri; *s; ++s) {
        if (unreserved(*s)) {
            *p++ = (char)*s;
        } else {
            *p++ = '%';
            *p++ = hex[*s >> 4];
            *p++ = hex[*s & 15];
        }
    }
    *p = '\0';
    return u;
}

char *nkg_push_redact(const char *endpoint)
{
    char *r = dup_str(endpoint);
    if (!r)
        return NULL;
    char *auth = strstr(r, "://");
    if (!auth)
        return r;
    auth += 3;
    size_t alen = strcspn(auth, "/?#");
    /* Keep the host only: the userinfo may hold a password. The last '@'
     * ends it (RFC 3986 allows none in the host). */
    char *at = NULL;
    for (size_t i = 0; i < alen; ++i)
        if (auth[i] == '@')
            at = auth + i;
    if (at)
        memmove(auth, at + 1, strlen(at + 1) + 1);
    return r;
}

nkg_status nkg_push_check_endpoint(const char *endpoint, nkg_diag *d)
{
    int http = endpoint && (strncasecmp(endpoint, "http://", 7) == 0 ||
                            strncasecmp(endpoint, "https://", 8) == 0);
    if (!http || strchr(endpoint, '#'))
        return nkg_diag_set(d, NKG_ERR_USAGE,
                            "the endpoint must be an http or https URL without a fragment");
    return NKG_OK;
}

/* ------------------------------------------------------------- N-Triples */

static int has_blank(const raptor_statement *s)
{
    return s->subject->type == RAPTOR_TERM_TYPE_BLANK || s->object->type == RAPTOR_TERM_TYPE_BLANK;
}

/* The N-Triples of v[0..m) (graphs dropped) into a malloc'd *body. */
static nkg_status ntriples(raptor_world *w, raptor_statement **v, size_t m, char **body,
                           size_t *len, int *blank)
{
    void *str = NULL;
    *body = NULL;
    *len = 0;
    *blank = 0;
    raptor_serializer *ser = raptor_new_serializer(w, "ntriples");
    if (!ser)
        return NKG_ERR_RDF;
    /* malloc as the handler: the string is ours to free(). */
    raptor_iostream *io = raptor_new_iostream_to_string(w, &str, len, malloc);
    int rc = !io || raptor_serializer_start_to_iostream(ser, NULL, io);
    for (size_t i = 0; i < m && !rc; ++i) {
        raptor_statement t = *v[i];
        t.graph = NULL;
        *blank |= has_blank(v[i]);
        rc = raptor_serializer_serialize_statement(ser, &t);
    }
    if (io)
        rc = raptor_serializer_serialize_end(ser) || rc;
    raptor_free_serializer(ser);
    /* Freeing the iostream is what hands the string over. */
    if (io)
        raptor_free_iostream(io);
    if (rc || !str) {
        free(str);
        *len = 0;
        return rc ? NKG_ERR_RDF : NKG_ERR_NOMEM;
    }
    *body = str;
    return NKG_OK;
}

/* ------------------------------------------------------------- responses */

typedef struct {
    char text[2048]; /* the start of the answer's body, NUL-terminated */
    size_t len;
} answer;

static size_t on_answer(char *p, size_t size, size_t nmemb, void *ud)
{
    answer *a = ud;
    size_t n = size * nmemb, room = sizeof a->text - 1 - a->len;
    size_t k = n < room ? n : room;
    memcpy(a->text + a->len, p, k);
    a->len += k;
    a->text[a->len] = '\0';
    return n; /* the rest is dropped, not an error */
}

/* A one-line gist of an error page: the text after <body> without tags,
 * whitespace collapsed, at most n-1 bytes. Servers (Virtuoso) put the
 * reason there. */
static void gist(const char *in, char *out, size_t n)
{
    const char *b = strstr(in, "<body");
    if (!b)
        b = strstr(in, "<BODY");
    const char *s = b ? b : in;
    size_t k = 0;
    int tag = 0, space = 1;
    for (; *s && k + 1 < n; ++s) {
        unsigned char c = (unsigned char)*s;
        if (c == '<')
            tag = 1;
        if (tag) {
            tag = c != '>';
            c = ' '; /* a tag separates words */
            if (tag)
                continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (!space)
                out[k++] = ' ';
            space = 1;
        } else if (c >= 0x20) {
            out[k++] = (char)c;
            space = 0;
        }
    }
    while (k && out[k - 1] == ' ')
        --k;
    out[k] = '\0';
    if (k + 1 == n && n > 4)
        memcpy(out + n - 4, "...", 4);
}

/* ----------------------------------------------------------------- sends */

typedef enum { SENT_OK, SENT_GRAPH_FAILED, SENT_ENDPOINT_FAILED } sent;

/* Transport errors worth another try. The uncertain ones (the request may
 * have reached the server) are retried only when a repeat cannot change
 * the result: always for PUT, and for POST only without blank nodes,
 * since a POST merges and blank nodes would be added twice. */
static int retry_transport(CURLcode rc, int repeat_safe)
{
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
        return 1;
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return repeat_safe;
    default:
        return 0;
    }
}

/* 4xx that say the endpoint (not this graph) is wrong: no use trying the
 * other graphs. */
static int endpoint_code(long code)
{
    return code == 401 || code == 403 || code == 404 || code == 405 || code == 407;
}

static void pause_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ; /* a signal cut it short: sleep the rest */
}

typedef struct {
    CURL *h;
    const nkg_push_options *o;
    int retries;
    long backoff_ms;
    char errbuf[CURL_ERROR_SIZE];
    answer ans;
} pusher;

/* One graph, with retries. Sets res->loaded/http_code/reason. */
static sent send_graph(pusher *p, const char *url, const char *body, size_t len, int blank,
                       nkg_push_graph *res)
{
    const char *what = res->graph ? res->graph : "the default graph";
    int repeat_safe = !p->o->append || !blank;
    long delay = p->backoff_ms;
    char why[512] = "";
    res->attempted = 1;
    for (int attempt = 0;; ++attempt) {
        p->errbuf[0] = '\0';
        p->ans.len = 0;
        p->ans.text[0] = '\0';
        CURLcode rc = curl_easy_setopt(p->h, CURLOPT_URL, url);
        if (rc == CURLE_OK)
            rc = curl_easy_setopt(p->h, CURLOPT_POSTFIELDS, body);
        if (rc == CURLE_OK)
            rc = curl_easy_setopt(p->h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
        if (rc == CURLE_OK)
            rc = curl_easy_perform(p->h);
        long code = 0;
        curl_easy_getinfo(p->h, CURLINFO_RESPONSE_CODE, &code);
        res->http_code = rc == CURLE_OK ? code : 0;
        if (rc == CURLE_OK && (code == 200 || code == 201 || code == 204)) {
            res->loaded = 1;
            return SENT_OK;
        }
        int again;
        if (rc != CURLE_OK) {
            snprintf(why, sizeof why, "%s", p->errbuf[0] ? p->errbuf : curl_easy_strerror(rc));
            again = retry_transport(rc, repeat_safe);
        } else {
            char g[256];
            gist(p->ans.text, g, sizeof g);
            snprintf(why, sizeof why, "HTTP %ld%s%s", code, g[0] ? ": " : "", g);
            again = code >= 500 && code <= 599;
        }
        if (!again || attempt >= p->retries) {
            char r[sizeof why + 32];
            if (attempt)
                snprintf(r, sizeof r, "%s (after %d attempts)", why, attempt + 1);
            else
                snprintf(r, sizeof r, "%s", why);
            res->reason = dup_str(r);
            if (rc != CURLE_OK)
                return SENT_ENDPOINT_FAILED;
            return endpoint_code(code) ? SENT_ENDPOINT_FAILED : SENT_GRAPH_FAILED;
        }
        long wait = delay;
#if LIBCURL_VERSION_NUM >= 0x074200
        curl_off_t after = -1;
        /* A 503's Retry-After is the server's own estimate: prefer it. */
        if (rc == CURLE_OK && curl_easy_getinfo(p->h, CURLINFO_RETRY_AFTER, &after) == CURLE_OK &&
            after > 0)
            wait = after < MAX_BACKOFF_MS / 1000 ? (long)after * 1000 : MAX_BACKOFF_MS;
#endif
        if (p->o->log)
            fprintf(p->o->log, "newskg: push: %s: %s; retrying in %.1f s\n", what, why,
                    (double)wait / 1000.0);
        pause_ms(wait);
        delay = delay * 2 < MAX_BACKOFF_MS ? delay * 2 : MAX_BACKOFF_MS;
    }
}

static nkg_status setup(pusher *p, struct curl_slist **headers, nkg_diag *d)
{
    const nkg_push_options *o = p->o;
    long timeout = o->timeout > 0 ? o->timeout : DEFAULT_TIMEOUT;
    long connect = timeout < CONNECT_TIMEOUT_CAP ? timeout : CONNECT_TIMEOUT_CAP;
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/n-triples");
    struct curl_slist *h2 = h ? curl_slist_append(h, "Expect:") : NULL;
    if (!h2) {
        curl_slist_free_all(h);
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    }
    *headers = h2;
    CURL *c = p->h;
    /* PUT or POST with the body from memory: curl can send it again for
     * a retry or after a digest challenge (it probes with an empty body). */
    CURLcode rc = curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, o->append ? "POST" : "PUT");
    if (rc == CURLE_OK)
        rc = curl_easy_setopt(c, CURLOPT_HTTPHEADER, h2);
    if (rc == CURLE_OK)
        rc = curl_easy_setopt(c, CURLOPT_USERAGENT, "newskg/" NKG_VERSION);
    if (rc == CURLE_OK)
        rc = curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    if (rc == CURLE_OK)
        rc = curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, connect);
    if (rc == CURLE_OK)
        rc = curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
    if (rc == CURLE_OK)
        rc = curl_easy_setopt(c, CURLOPT_ERRORBUFFER, p->errbuf);
    if (rc == CURLE_OK)
        rc = curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_answer);
    if (rc == CURLE_OK)
        rc = curl_easy_setopt(c, CURLOPT_WRITEDATA, &p->ans);
    /* No redirects: a PUT body must not follow a Location elsewhere. */
    if (rc == CURLE_OK)
        rc = curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
    if (rc == CURLE_OK)
        rc = curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    if (rc == CURLE_OK)
        rc = curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    if (rc == CURLE_OK && o->user) {
        long how = o->auth == NKG_PUSH_AUTH_BASIC    ? (long)CURLAUTH_BASIC
                   : o->auth == NKG_PUSH_AUTH_DIGEST ? (long)CURLAUTH_DIGEST
                                                     : (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST);
        rc = curl_easy_setopt(c, CURLOPT_HTTPAUTH, how);
        /* USERNAME and PASSWORD apart: a password may hold a colon. */
        if (rc == CURLE_OK)
            rc = curl_easy_setopt(c, CURLOPT_USERNAME, o->user);
        if (rc == CURLE_OK)
            rc = curl_easy_setopt(c, CURLOPT_PASSWORD, o->password ? o->password : "");
    }
    if (rc != CURLE_OK)
        return nkg_diag_set(d, NKG_ERR_INTERNAL, "libcurl: %s", curl_easy_strerror(rc));
    return NKG_OK;
}

void nkg_push_report_free(nkg_push_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; ++i) {
        free(r->graphs[i].graph);
        free(r->graphs[i].reason);
    }
    free(r->graphs);
    r->graphs = NULL;
    r->n = 0;
}

nkg_status nkg_push_global_init(nkg_diag *d)
{
    CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (rc != CURLE_OK)
        return nkg_diag_set(d, NKG_ERR_INTERNAL, "libcurl: %s", curl_easy_strerror(rc));
    return NKG_OK;
}

void nkg_push_global_cleanup(void)
{
    curl_global_cleanup();
}

static const char *graph_iri(const raptor_statement *s)
{
    return s->graph && s->graph->type == RAPTOR_TERM_TYPE_URI
               ? (const char *)raptor_uri_as_string(s->graph->value.uri)
               : NULL;
}

static int same_graph(const raptor_statement *a, const raptor_statement *b)
{
    if (!a->graph || !b->graph)
        return !a->graph && !b->graph;
    return raptor_term_equals(a->graph, b->graph);
}

/* The report's entries: one per run of quads with the same graph, or one
 * for everything with --default-graph. Sets the ranges in lo[]. */
static nkg_status plan(const nkg_push_options *o, raptor_statement **q, size_t n,
                       nkg_push_report *r, size_t **lo)
{
    size_t groups = 0;
    for (size_t i = 0; i < n; ++i)
        groups += i == 0 || (!o->default_graph && !same_graph(q[i - 1], q[i]));
    r->graphs = calloc(groups ? groups : 1, sizeof *r->graphs);
    *lo = malloc((groups + 1) * sizeof **lo);
    if (!r->graphs || !*lo)
        return NKG_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; ++i) {
        if (i && (o->default_graph || same_graph(q[i - 1], q[i])))
            continue;
        nkg_push_graph *e = &r->graphs[k];
        (*lo)[k++] = i;
        r->n = k;
        if (o->default_graph || !q[i]->graph)
            continue;
        const char *iri = graph_iri(q[i]);
        /* A graph named by a blank node has no IRI to address it with. */
        e->graph = iri ? dup_str(iri) : dup_str("_:");
        if (!e->graph)
            return NKG_ERR_NOMEM;
    }
    (*lo)[k] = n;
    return NKG_OK;
}

nkg_status nkg_push_quads(const nkg_push_options *o, raptor_world *world,
                          raptor_statement **quads, size_t n, nkg_push_report *report,
                          nkg_diag *d)
{
    report->graphs = NULL;
    report->n = 0;
    if (nkg_push_check_endpoint(o->endpoint, d) != NKG_OK)
        return NKG_ERR_USAGE;
    if (n == 0)
        return nkg_diag_set(d, NKG_ERR_INPUT, "push: nothing to push: the dataset is empty");

    size_t *lo = NULL;
    pusher p = {0};
    p.o = o;
    p.retries = o->retries < 0 ? DEFAULT_RETRIES : o->retries;
    p.backoff_ms = o->backoff_ms > 0 ? o->backoff_ms : DEFAULT_BACKOFF_MS;
    struct curl_slist *headers = NULL;
    /* Our own order, whatever the caller's: a graph split in two runs
     * would have its second PUT replace the first. */
    raptor_statement **q = malloc(n * sizeof *q);
    if (!q)
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    memcpy(q, quads, n * sizeof *q);
    qsort(q, n, sizeof *q, nkg_quad_cmp);
    quads = q;
    nkg_status st = plan(o, quads, n, report, &lo);
    if (st != NKG_OK) {
        free(lo);
        free(q);
        return nkg_diag_set(d, st, "out of memory");
    }
    /* Every entry starts as not loaded; only a 2xx answer changes that. */
    p.h = curl_easy_init();
    if (!p.h)
        st = nkg_diag_set(d, NKG_ERR_INTERNAL, "libcurl: cannot make a handle");
    if (st == NKG_OK)
        st = setup(&p, &headers, d);

    int endpoint_down = 0;
    for (size_t k = 0; st == NKG_OK && k < report->n; ++k) {
        nkg_push_graph *e = &report->graphs[k];
        raptor_statement **v = quads + lo[k];
        size_t m = lo[k + 1] - lo[k];
        raptor_statement **u = NULL;
        if (o->default_graph) {
            /* The union: each triple once, whatever graphs it is in. */
            u = malloc(m * sizeof *u);
            if (!u) {
                st = nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
                break;
            }
            memcpy(u, v, m * sizeof *u);
            v = u;
            m = nkg_triples_unique(u, m);
        }
        e->triples = m;
        if (endpoint_down) {
            e->reason = dup_str("not attempted after the endpoint failed");
            free(u);
            continue;
        }
        if (e->graph && !graph_iri(v[0])) {
            e->attempted = 1;
            e->reason = dup_str("a graph named by a blank node cannot be addressed");
            free(u);
            continue;
        }
        char *body = NULL, *url = nkg_push_url(o->endpoint, e->graph);
        size_t len = 0;
        int blank = 0;
        st = url ? ntriples(world, v, m, &body, &len, &blank) : NKG_ERR_NOMEM;
        free(u);
        if (st != NKG_OK) {
            nkg_diag_set(d, st, "push: cannot serialize %s as N-Triples",
                         e->graph ? e->graph : "the default graph");
        } else if (send_graph(&p, url, body, len, blank, e) == SENT_ENDPOINT_FAILED) {
            endpoint_down = 1;
        }
        free(body);
        free(url);
    }
    /* Entries never reached (an error above) still need a reason. */
    size_t failed = 0;
    for (size_t k = 0; k < report->n; ++k) {
        if (report->graphs[k].loaded)
            continue;
        failed++;
        if (!report->graphs[k].reason)
            report->graphs[k].reason = dup_str(report->graphs[k].attempted
                                                   ? "failed"
                                                   : "not attempted after an error");
    }
    curl_easy_cleanup(p.h);
    curl_slist_free_all(headers);
    free(lo);
    free(q);
    if (st == NKG_OK && failed)
        st = nkg_diag_set(d, NKG_ERR_IO, "push: %zu of %zu graphs not loaded", failed,
                          report->n);
    return st;
}
