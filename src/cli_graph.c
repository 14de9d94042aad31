/* cli_graph.c - `newskg merge` and `newskg query`: graphs made elsewhere,
 * or a persistent store, resolved, summarised and queried. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "graph.h"
#include "serialize.h"
#include "summary.h"
#include "vocab.h"

static int fail(const nkg_diag *d, nkg_status st)
{
    fprintf(stderr, "newskg: %s\n", d->msg[0] ? d->msg : nkg_strerror(st));
    return nkg_exit_code(st);
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
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "newskg: merge: unknown or incomplete option '%s'\n", argv[i]);
            free(files);
            return nkg_exit_code(NKG_ERR_USAGE);
        } else
            files[nfiles++] = argv[i];
    }
    int fmt = nkg_out_format_parse(fmt_name);
    if (fmt < 0 || (nfiles == 0 && !store)) {
        fprintf(stderr, "newskg: merge: %s\nusage: newskg merge [-f FORMAT] [-o FILE] [--base IRI] "
                        "[--store SPEC] FILE...\n", fmt < 0 ? "unknown output format" : "no input given");
        free(files);
        return nkg_exit_code(NKG_ERR_USAGE);
    }
    nkg_diag d = {0};
    nkg_graph *g = NULL;
    nkg_status st = nkg_graph_new(&g, store, &d);
    for (size_t i = 0; st == NKG_OK && i < nfiles; ++i)
        st = nkg_graph_load(g, files[i], &d);
    if (st == NKG_OK)
        st = nkg_summarize(g, base, &d);
    if (st == NKG_OK)
        st = nkg_write_graph_file(g, out, (nkg_out_format)fmt, &d);
    int rc = st == NKG_OK ? 0 : fail(&d, st);
    nkg_graph_free(g);
    free(files);
    return rc;
}

static char *slurp(const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        char *nb = realloc(buf, (cap *= 2) + 1);
        if (!nb)
            free(buf);
        buf = nb;
    }
    if (f != stdin)
        fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
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
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "newskg: query: unknown or incomplete option '%s'\n", argv[i]);
            free(files);
            return nkg_exit_code(NKG_ERR_USAGE);
        } else if (!expr && !qfile)
            qfile = argv[i];
        else
            files[nfiles++] = argv[i];
    }
    if ((!expr && !qfile) || (strcmp(fmt, "table") && strcmp(fmt, "csv") && strcmp(fmt, "json"))) {
        fprintf(stderr, "newskg: query: %s\nusage: newskg query [--store SPEC] [-f table|csv|json] "
                        "(-e SPARQL | QUERYFILE) [FILE...]\n",
                !expr && !qfile ? "no query given" : "unknown result format");
        free(files);
        return nkg_exit_code(NKG_ERR_USAGE);
    }
    nkg_diag d = {0};
    char *text = expr ? NULL : slurp(qfile);
    nkg_graph *g = NULL;
    nkg_status st = expr || text ? NKG_OK : nkg_diag_set(&d, NKG_ERR_IO, "%s: cannot read", qfile);
    if (st == NKG_OK)
        st = nkg_graph_new(&g, store, &d);
    for (size_t i = 0; st == NKG_OK && i < nfiles; ++i)
        st = nkg_graph_load(g, files[i], &d);
    if (st == NKG_OK)
        st = nkg_graph_query(g, expr ? expr : text, fmt, stdout, &d);
    int rc = st == NKG_OK ? 0 : fail(&d, st);
    nkg_graph_free(g);
    free(text);
    free(files);
    return rc;
}
