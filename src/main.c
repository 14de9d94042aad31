/* main.c - the newskg command: parses arguments and wires the stages. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "extract.h"
#include "graph.h"
#include "ingest.h"
#include "prov.h"
#include "push.h"
#include "serialize.h"
#include "summary.h"
#include "vocab.h"

static const char usage_text[] =
    "usage: newskg extract [-f turtle|ntriples|nquads|jsonld|dot] [-o FILE] [--base IRI]\n"
    "                      [--include-text] [--keep-going] [--store SPEC]\n"
    "                      [--mappings DIR] [--stats] INPUT...\n"
    "       newskg convert [-i FORMAT] [-o FORMAT] [--expanded] [--base IRI] FILE\n"
    "                      (newskg convert --help lists the JSON-LD options)\n"
    "       newskg merge [-f FORMAT] [-o FILE] [--base IRI] [--store SPEC] FILE...\n"
    "       newskg query [--store SPEC] [-f table|csv|json] (-e SPARQL | QUERYFILE) [FILE...]\n"
    "       newskg push --endpoint URL [--store SPEC] [--default-graph] [--append]\n"
    "                   [--user USER[:PASS]] [--auth any|basic|digest] [--timeout S]\n"
    "                   [--retries N] [FILE...]\n"
    "       newskg --help | --version\n"
    "\n"
    "INPUT is a file (.txt plain text, .html HTML, .jsonl JSON Lines), a\n"
    "directory (its article files, sorted) or - (standard input).\n"
    "Exit codes: 0 ok, 2 usage, 3 bad input, 4 I/O error, 5 other error.\n";

/* Where mappings/ is: --mappings, $NEWSKG_MAPPINGS, ../mappings beside the
 * binary (build/newskg in a checkout), or ./mappings. */
static const char *find_mappings(const char *opt, char *buf, size_t n)
{
    if (opt)
        return opt;
    const char *env = getenv("NEWSKG_MAPPINGS");
    if (env && *env)
        return env;
    char exe[4096];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(buf, n, "%s/../mappings", exe);
            struct stat sb;
            if (stat(buf, &sb) == 0 && S_ISDIR(sb.st_mode))
                return buf;
        }
    }
    return "mappings";
}

typedef struct {
    nkg_extractor *x;
    nkg_graph *g;
    const char *base;
    nkg_sink sink;
    nkg_extract_stats stats;
    nkg_prov *prov;
    nkg_diag *d;
    int keep_going;
    nkg_status worst; /* first status of a skipped input */
    size_t skipped;
} run_ctx;

static nkg_status on_article(void *ud, const nkg_article *art)
{
    run_ctx *r = ud;
    /* An article's graph is replaced, not added to: a store that already
     * holds it (a re-run after the mappings changed) keeps no stale claim. */
    nkg_arena *a = nkg_arena_new();
    char *iri = a ? nkg_article_iri(a, r->base, art) : NULL;
    nkg_status st = iri ? nkg_graph_clear(r->g, iri) : NKG_ERR_NOMEM;
    nkg_arena_free(a);
    if (st == NKG_OK)
        st = nkg_extract_article(r->x, art, &r->sink, &r->stats, r->d);
    if (st == NKG_OK)
        st = nkg_prov_use(r->prov, art);
    return st;
}

/* With --keep-going, a bad input is reported and skipped (its status is
 * remembered for the exit code); running out of memory never is. */
static nkg_status skip_or_fail(run_ctx *r, nkg_status st, const char *what)
{
    if (st == NKG_OK || !r->keep_going || st == NKG_ERR_NOMEM)
        return st;
    fprintf(stderr, "newskg: skipped: %s\n", r->d->msg[0] ? r->d->msg : what);
    if (r->worst == NKG_OK)
        r->worst = st;
    r->skipped++;
    return NKG_OK;
}

/* One INPUT: a file, "-", or a directory of article files. */
static nkg_status process_input(run_ctx *r, char *input)
{
    nkg_arena *list_arena = nkg_arena_new();
    char **files = &input;
    size_t nfiles = 1;
    struct stat sb;
    if (!list_arena)
        return NKG_ERR_NOMEM;
    nkg_diag_clear(r->d);
    nkg_status st = NKG_OK;
    if (strcmp(input, "-") != 0 && stat(input, &sb) == 0 && S_ISDIR(sb.st_mode))
        st = nkg_list_dir(list_arena, input, &files, &nfiles, r->d);
    for (size_t k = 0; st == NKG_OK && k < nfiles; ++k) {
        /* One arena per input file: everything of its articles goes when
         * the file is done, since the store copied what it kept. */
        nkg_arena *a = nkg_arena_new();
        nkg_diag_clear(r->d);
        st = a ? nkg_ingest_file(a, files[k], NKG_FMT_AUTO, on_article, r, r->d) : NKG_ERR_NOMEM;
        nkg_arena_free(a);
        st = skip_or_fail(r, st, files[k]);
    }
    st = skip_or_fail(r, st, input);
    nkg_arena_free(list_arena);
    return st;
}


int nkg_cli_extract(int argc, char **argv)
{
    const char *fmt_name = "turtle", *out_path = NULL, *base = NKG_DEFAULT_BASE;
    const char *store = NULL, *mappings = NULL;
    int include_text = 0, keep_going = 0, stats = 0;
    char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t ninputs = 0;
    if (!inputs)
        return nkg_exit_code(NKG_ERR_NOMEM);
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        const char *val = NULL;
        if (nkg_opt_value(argc, argv, &i, "-f", "--format", &val))
            fmt_name = val;
        else if (nkg_opt_value(argc, argv, &i, "-o", "--output", &val))
            out_path = val;
        else if (nkg_opt_value(argc, argv, &i, "-b", "--base", &val))
            base = val;
        else if (nkg_opt_value(argc, argv, &i, "-s", "--store", &val))
            store = val;
        else if (nkg_opt_value(argc, argv, &i, "-m", "--mappings", &val))
            mappings = val;
        else if (strcmp(a, "--include-text") == 0)
            include_text = 1;
        else if (strcmp(a, "--keep-going") == 0 || strcmp(a, "-k") == 0)
            keep_going = 1;
        else if (strcmp(a, "--stats") == 0)
            stats = 1;
        else if (strcmp(a, "--") == 0) {
            while (++i < argc)
                inputs[ninputs++] = argv[i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "newskg: unknown or incomplete option '%s'\n%s", a, usage_text);
            free(inputs);
            return nkg_exit_code(NKG_ERR_USAGE);
        } else
            inputs[ninputs++] = argv[i];
    }
    int fmt = nkg_out_format_parse(fmt_name);
    if (fmt < 0 || ninputs == 0) {
        fprintf(stderr, "newskg: %s\n%s",
                fmt < 0 ? "unknown output format" : "no input given", usage_text);
        free(inputs);
        return nkg_exit_code(NKG_ERR_USAGE);
    }

    clock_t t0 = clock();
    nkg_diag d = {0};
    char mbuf[4200];
    nkg_lexicon *lx = NULL;
    nkg_graph *g = NULL;
    nkg_extractor *x = NULL;
    nkg_prov *prov = NULL;
    nkg_extract_options xo = {base, include_text};
    nkg_status st = nkg_lexicon_load(&lx, find_mappings(mappings, mbuf, sizeof mbuf), &d);
    if (st == NKG_OK)
        st = nkg_graph_new(&g, store, &d);
    if (st == NKG_OK)
        st = nkg_extractor_new(&x, lx, &xo, &d);
    if (st == NKG_OK)
        st = nkg_prov_new(&prov, base);

    run_ctx r = {x, g, base, nkg_graph_sink(g), {0}, prov, &d, keep_going, NKG_OK, 0};
    for (size_t i = 0; st == NKG_OK && i < ninputs; ++i)
        st = process_input(&r, inputs[i]);
    nkg_status worst = r.worst;
    size_t skipped = r.skipped;
    if (st == NKG_OK && r.stats.articles == 0)
        st = nkg_diag_set(&d, worst ? worst : NKG_ERR_INPUT, "no article was read");
    if (st == NKG_OK)
        st = nkg_summarize(g, base, &d);
    if (st == NKG_OK) {
        nkg_sink sink = nkg_graph_sink(g);
        st = nkg_prov_emit(prov, &sink);
        if (st != NKG_OK)
            nkg_diag_set(&d, st, "cannot record the run's provenance");
    }
    if (st == NKG_OK)
        st = nkg_write_graph_file(g, out_path, (nkg_out_format)fmt, &d);
    int rc = 0;
    if (st != NKG_OK)
        rc = nkg_cli_fail(&d, st);
    else if (worst != NKG_OK) {
        fprintf(stderr, "newskg: %zu input(s) skipped\n", skipped);
        rc = nkg_exit_code(worst);
    }
    if (stats && st == NKG_OK) {
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        fprintf(stderr,
                "articles %zu  events %zu  reports %zu  statements %zu  places %zu  "
                "entities %zu  mentions %zu  triples %zu  time %.3fs\n",
                r.stats.articles, r.stats.events, r.stats.reports, r.stats.statements,
                r.stats.places, r.stats.entities, r.stats.mentions, nkg_graph_size(g), secs);
    }
    nkg_prov_free(prov);
    nkg_extractor_free(x);
    nkg_graph_free(g);
    nkg_lexicon_free(lx);
    free(inputs);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage_text, argc < 2 ? stderr : stdout);
        return argc < 2 ? nkg_exit_code(NKG_ERR_USAGE) : 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("newskg %s\n", NKG_VERSION);
        return 0;
    }
    if (strcmp(argv[1], "extract") == 0)
        return nkg_cli_extract(argc - 1, argv + 1);
    if (strcmp(argv[1], "convert") == 0)
        return nkg_cli_convert(argc - 1, argv + 1);
    if (strcmp(argv[1], "merge") == 0)
        return nkg_cli_merge(argc - 1, argv + 1);
    if (strcmp(argv[1], "query") == 0)
        return nkg_cli_query(argc - 1, argv + 1);
    if (strcmp(argv[1], "push") == 0)
        return nkg_cli_push(argc - 1, argv + 1);
    fprintf(stderr, "newskg: unknown command '%s'\n%s", argv[1], usage_text);
    return nkg_exit_code(NKG_ERR_USAGE);
}
