/* cli_push.c - `newskg push`: send a dataset to a SPARQL 1.1 Graph Store. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "graph.h"
#include "push.h"

static const char push_usage[] =
    "usage: newskg push --endpoint URL [--store SPEC] [--default-graph] [--append]\n"
    "                   [--user USER[:PASS]] [--auth any|basic|digest]\n"
    "                   [--timeout SECONDS] [--retries N] [FILE...]\n"
    "Sends each named graph to URL?graph=IRI (the default graph to URL?default)\n"
    "as N-Triples with HTTP PUT (replace), or POST with --append (merge).\n"
    "--default-graph sends the union of all graphs to URL?default instead.\n"
    "Credentials: --user, or NEWSKG_PUSH_USER and NEWSKG_PUSH_PASSWORD (safer:\n"
    "not shown by ps). --auth any (default) first asks the server which scheme it\n"
    "wants; basic or digest send credentials at once. --timeout limits each\n"
    "request (default 300 s); --retries (default 3) repeats requests that failed\n"
    "to connect or got a 5xx answer, waiting 0.5 s, 1 s, 2 s, ...\n";

/* "newskg: push: WHAT 'ARG'" (ARG may be NULL), then the usage. */
static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "newskg: push: %s%s%s%s\n%s", what, arg ? " '" : "", arg ? arg : "",
            arg ? "'" : "", push_usage);
    return nkg_exit_code(NKG_ERR_USAGE);
}

/* A whole decimal number in [lo, hi], or -1. */
static long parse_count(const char *s, long lo, long hi)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    return v;
}

int nkg_cli_push(int argc, char **argv)
{
    const char *endpoint = NULL, *store = NULL, *user_arg = NULL, *auth = "any";
    const char *timeout_s = NULL, *retries_s = NULL;
    int default_graph = 0, append = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files)
        return nkg_exit_code(NKG_ERR_NOMEM);
    for (int i = 1; i < argc; ++i) {
        const char *val;
        if (nkg_opt_value(argc, argv, &i, "--endpoint", "--endpoint", &val))
            endpoint = val;
        else if (nkg_opt_value(argc, argv, &i, "-s", "--store", &val))
            store = val;
        else if (nkg_opt_value(argc, argv, &i, "-u", "--user", &val))
            user_arg = val;
        else if (nkg_opt_value(argc, argv, &i, "--auth", "--auth", &val))
            auth = val;
        else if (nkg_opt_value(argc, argv, &i, "--timeout", "--timeout", &val))
            timeout_s = val;
        else if (nkg_opt_value(argc, argv, &i, "--retries", "--retries", &val))
            retries_s = val;
        else if (strcmp(argv[i], "--default-graph") == 0)
            default_graph = 1;
        else if (strcmp(argv[i], "--append") == 0)
            append = 1;
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(push_usage, stdout);
            free(files);
            return 0;
        } else if (strcmp(argv[i], "--") == 0) {
            while (++i < argc)
                files[nfiles++] = argv[i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            free(files);
            return usage_error("unknown or incomplete option", argv[i]);
        } else
            files[nfiles++] = argv[i];
    }

    nkg_push_options o = {0};
    o.endpoint = endpoint;
    o.default_graph = default_graph;
    o.append = append;
    o.retries = -1;
    o.log = stderr;
    const char *bad = NULL, *bad_arg = NULL;
    nkg_diag d = {0};
    if (!endpoint) {
        bad = "no --endpoint given";
    } else if (nkg_push_check_endpoint(endpoint, &d) != NKG_OK) {
        bad = d.msg;
    } else if (nfiles == 0 && !store) {
        bad = "nothing to push: give FILEs or --store";
    } else if (timeout_s && (o.timeout = parse_count(timeout_s, 1, 86400)) < 0) {
        bad = "--timeout wants whole seconds from 1 to 86400, not";
        bad_arg = timeout_s;
    } else if (retries_s && (o.retries = (int)parse_count(retries_s, 0, 100)) < 0) {
        bad = "--retries wants a number from 0 to 100, not";
        bad_arg = retries_s;
    } else if (strcmp(auth, "any") && strcmp(auth, "basic") && strcmp(auth, "digest")) {
        bad = "--auth is any, basic or digest, not";
        bad_arg = auth;
    }
    if (bad) {
        free(files);
        return usage_error(bad, bad_arg);
    }
    o.auth = strcmp(auth, "basic") == 0    ? NKG_PUSH_AUTH_BASIC
             : strcmp(auth, "digest") == 0 ? NKG_PUSH_AUTH_DIGEST
                                           : NKG_PUSH_AUTH_ANY;

    /* USER:PASS splits at the first colon; a password may hold more. */
    char *user = NULL;
    const char *from = user_arg ? user_arg : getenv("NEWSKG_PUSH_USER");
    if (from && *from) {
        user = strdup(from);
        if (!user) {
            free(files);
            return nkg_exit_code(NKG_ERR_NOMEM);
        }
        char *colon = strchr(user, ':');
        if (colon) {
            *colon = '\0';
            o.password = colon + 1;
        } else {
            o.password = getenv("NEWSKG_PUSH_PASSWORD");
        }
        o.user = user;
    }

    nkg_graph *g = NULL;
    raptor_statement **q = NULL;
    size_t n = 0;
    nkg_push_report rep = {0};
    char *shown = nkg_push_redact(endpoint);
    nkg_status st = shown ? nkg_push_global_init(&d) : NKG_ERR_NOMEM;
    int curl_up = st == NKG_OK;
    if (st == NKG_OK)
        st = nkg_graph_new(&g, store, &d);
    for (size_t i = 0; st == NKG_OK && i < nfiles; ++i)
        st = nkg_graph_load(g, files[i], &d);
    if (st == NKG_OK && (st = nkg_graph_quads(g, &q, &n)) != NKG_OK)
        nkg_diag_set(&d, st, "cannot read the store");
    if (st == NKG_OK)
        st = nkg_push_quads(&o, nkg_graph_raptor(g), q, n, &rep, &d);

    size_t loaded = 0, triples = 0;
    for (size_t i = 0; i < rep.n; ++i)
        if (rep.graphs[i].loaded) {
            loaded++;
            triples += rep.graphs[i].triples;
        }
    if (st == NKG_OK) {
        printf("pushed %zu graph%s (%zu triples) to %s\n", loaded, loaded == 1 ? "" : "s",
               triples, shown);
    } else if (rep.n) {
        /* One line per graph, so a partial load can be finished by hand:
         * "loaded" only for the graphs the server confirmed. */
        for (size_t i = 0; i < rep.n; ++i) {
            const nkg_push_graph *e = &rep.graphs[i];
            const char *name = e->graph ? e->graph : "(default graph)";
            if (e->loaded)
                fprintf(stderr, "newskg: push: loaded: %s (%zu triples)\n", name, e->triples);
            else
                fprintf(stderr, "newskg: push: not loaded: %s: %s\n", name,
                        e->reason ? e->reason : "failed");
        }
        fprintf(stderr, "newskg: push: %zu of %zu graphs (%zu triples) loaded to %s\n", loaded,
                rep.n, triples, shown ? shown : "the endpoint");
    }
    int rc = 0;
    if (st != NKG_OK)
        rc = nkg_cli_fail(&d, st);
    nkg_push_report_free(&rep);
    nkg_quads_free(q, n);
    nkg_graph_free(g);
    if (curl_up)
        nkg_push_global_cleanup();
    free(shown);
    free(user);
    free(files);
    return rc;
}
