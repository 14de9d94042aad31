/* cli_graph.c - `newskg merge` and `newskg query`: graphs made elsewhere,
 * or a persistent store, resolved, summarised and queried. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "fileio.h"
#include "graph.h"
#include "serialize.h"
#include "summary.h"
#include "vocab.h"

/* Bad usage of subcommand `cmd`: "newskg: CMD: MESSAGE" on stderr, then
 * "usage: newskg CMD USAGE" unless usage is NULL. Frees `files` (the
 * caller's list of inputs, may be NULL); returns the usage exit code. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static int usage_exit(char **files, const char *cmd, const char *usage, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "newskg: %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (usage)
        fprintf(stderr, "\nusage: newskg %s %s", cmd, usage);
    fputc('\n', stderr);
    free(files);
    return nkg_exit_code(NKG_ERR_USAGE);
}

/* Our IRIs are minted from resolution keys, so graphs of separate runs
 * (shards) already share their nodes: merging is loading them into one
 * store and recomputing the summaries over all of them. */
int nkg_cli_merge(int argc, char **argv)
{
    const char *fmt_name = "nquads", *out = NULL, *base = NKG_DEFAULT_BASE, *store = NULL;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files)
        return nkg_exit_code(NKG_ERR_NOMEM);
    for (int i = 1; i < argc; ++i) {
        const char *val;
        if (nkg_opt_value(argc, argv, &i, "-f", "--format", &val))
            fmt_name = val;
        else if (nkg_opt_value(argc, argv, &i, "-o", "--output", &val))
            out = val;
        else if (nkg_opt_value(argc, argv, &i, "-b", "--base", &val))
            base = val;
        else if (nkg_opt_value(argc, argv, &i, "-s", "--store", &val))
            store = val;
        else if (argv[i][0] == '-' && argv[i][1])
            return usage_exit(files, "merge", NULL, "unknown or incomplete option '%s'", argv[i]);
        else
            files[nfiles++] = argv[i];
    }
    int fmt = nkg_out_format_parse(fmt_name);
    if (fmt < 0 || (nfiles == 0 && !store))
        return usage_exit(files, "merge", "[-f FORMAT] [-o FILE] [--base IRI] [--store SPEC] FILE...",
                          "%s", fmt < 0 ? "unknown output format" : "no input given");
    nkg_diag d = {0};
    nkg_graph *g = NULL;
    nkg_status st = nkg_graph_new(&g, store, &d);
    for (size_t i = 0; st == NKG_OK && i < nfiles; ++i)
        st = nkg_graph_load(g, files[i], &d);
    if (st == NKG_OK)
        st = nkg_summarize(g, base, &d);
    if (st == NKG_OK)
        st = nkg_write_graph_file(g, out, (nkg_out_format)fmt, &d);
    int rc = st == NKG_OK ? 0 : nkg_cli_fail(&d, st);
    nkg_graph_free(g);
    free(files);
    return rc;
}

int nkg_cli_query(int argc, char **argv)
{
    const char *fmt = "table", *store = NULL, *expr = NULL, *qfile = NULL;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files)
        return nkg_exit_code(NKG_ERR_NOMEM);
    for (int i = 1; i < argc; ++i) {
        const char *val;
        if (nkg_opt_value(argc, argv, &i, "-f", "--format", &val))
            fmt = val;
        else if (nkg_opt_value(argc, argv, &i, "-s", "--store", &val))
            store = val;
        else if (nkg_opt_value(argc, argv, &i, "-e", "--expression", &val))
            expr = val;
        else if (argv[i][0] == '-' && argv[i][1])
            return usage_exit(files, "query", NULL, "unknown or incomplete option '%s'", argv[i]);
        else if (!expr && !qfile)
            qfile = argv[i];
        else
            files[nfiles++] = argv[i];
    }
    if ((!expr && !qfile) || (strcmp(fmt, "table") && strcmp(fmt, "csv") && strcmp(fmt, "json")))
        return usage_exit(files, "query",
                          "[--store SPEC] [-f table|csv|json] (-e SPARQL | QUERYFILE) [FILE...]",
                          "%s", !expr && !qfile ? "no query given" : "unknown result format");
    nkg_diag d = {0};
    char *text = NULL;
    size_t tlen = 0;
    nkg_graph *g = NULL;
    nkg_status st = expr ? NKG_OK : nkg_read_file(qfile, &text, &tlen, &d);
    /* A query reads a store: it must not create an empty one. */
    if (st == NKG_OK && store && strncmp(store, "sqlite:", 7) == 0 && access(store + 7, F_OK) != 0)
        st = nkg_diag_set(&d, NKG_ERR_IO, "%s: no such store", store + 7);
    if (st == NKG_OK)
        st = nkg_graph_new(&g, store, &d);
    for (size_t i = 0; st == NKG_OK && i < nfiles; ++i)
        st = nkg_graph_load(g, files[i], &d);
    if (st == NKG_OK)
        st = nkg_graph_query(g, expr ? expr : text, fmt, stdout, &d);
    int rc = st == NKG_OK ? 0 : nkg_cli_fail(&d, st);
    nkg_graph_free(g);
    free(text);
    free(files);
    return rc;
}
