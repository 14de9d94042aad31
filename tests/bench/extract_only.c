/* extract_only.c - the extraction stage alone, for `make bench`.
 *
 * usage: extract_only MAPPINGS INPUT...
 *
 * Ingests every input and extracts into the null sink: no librdf store, no
 * writer. bench.sh times it beside the whole command, so the figures show
 * what extraction costs apart from storing and serialising. Prints the
 * number of articles and bytes read. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "extract.h"
#include "ingest.h"

typedef struct {
    nkg_extractor *x;
    nkg_sink sink;
    nkg_extract_stats stats;
    size_t bytes;
    nkg_diag *d;
} ctx;

static nkg_status on_article(void *ud, const nkg_article *art)
{
    ctx *c = ud;
    c->bytes += art->text_len;
    return nkg_extract_article(c->x, art, &c->sink, &c->stats, c->d);
}

static nkg_status one_file(ctx *c, const char *path)
{
    nkg_arena *a = nkg_arena_new();
    nkg_status st = a ? nkg_ingest_file(a, path, NKG_FMT_AUTO, on_article, c, c->d) : NKG_ERR_NOMEM;
    nkg_arena_free(a);
    return st;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: extract_only MAPPINGS INPUT...\n", stderr);
        return 2;
    }
    nkg_diag d = {0};
    nkg_lexicon *lx = NULL;
    nkg_extractor *x = NULL;
    nkg_extract_options opt = {NULL, 0};
    nkg_status st = nkg_lexicon_load(&lx, argv[1], &d);
    if (st == NKG_OK)
        st = nkg_extractor_new(&x, lx, &opt, &d);
    ctx c = {x, nkg_sink_null(), {0}, 0, &d};
    for (int i = 2; st == NKG_OK && i < argc; ++i) {
        struct stat sb;
        if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            nkg_arena *la = nkg_arena_new();
            char **files = NULL;
            size_t n = 0;
            st = la ? nkg_list_dir(la, argv[i], &files, &n, &d) : NKG_ERR_NOMEM;
            for (size_t k = 0; st == NKG_OK && k < n; ++k)
                st = one_file(&c, files[k]);
            nkg_arena_free(la);
        } else {
            st = one_file(&c, argv[i]);
        }
    }
    if (st == NKG_OK)
        printf("articles %zu bytes %zu events %zu reports %zu\n", c.stats.articles, c.bytes,
               c.stats.events, c.stats.reports);
    else
        fprintf(stderr, "extract_only: %s\n", d.msg[0] ? d.msg : nkg_strerror(st));
    nkg_extractor_free(x);
    nkg_lexicon_free(lx);
    return st == NKG_OK ? 0 : 1;
}
