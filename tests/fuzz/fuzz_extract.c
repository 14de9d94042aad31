/* fuzz_extract.c - libFuzzer target: the whole extraction stage on any text.
 *
 * Input bytes that are valid UTF-8 become one article; the extractor runs
 * with the real mappings/ (from $NEWSKG_MAPPINGS, else ./mappings) into the
 * null sink. Extraction must never crash, read out of bounds or leak,
 * whatever the text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract.h"
#include "ingest.h"

static nkg_lexicon *lx;
static nkg_extractor *x;

static void setup(void)
{
    nkg_diag d = {0};
    const char *dir = getenv("NEWSKG_MAPPINGS");
    nkg_extract_options opt = {NULL, 1};
    if (nkg_lexicon_load(&lx, dir && *dir ? dir : "mappings", &d) != NKG_OK ||
        nkg_extractor_new(&x, lx, &opt, &d) != NKG_OK) {
        fprintf(stderr, "fuzz_extract: %s\n", d.msg);
        abort();
    }
}

static void teardown(void)
{
    nkg_extractor_free(x);
    nkg_lexicon_free(lx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!x) {
        setup();
        atexit(teardown);
    }
    const char *s = (const char *)data;
    if (nkg_utf8_check(s, size) != size || memchr(s, 0, size))
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, s, size);
    text[size] = '\0';
    nkg_article art = {0};
    art.id = "fuzz.txt";
    art.source = "fuzz.txt";
    art.text = text;
    art.text_len = size;
    art.text_cps = nkg_utf8_count(text, size);
    art.published = size > 10 ? "2020-02-29" : NULL; /* exercise date resolution */
    nkg_sink sink = nkg_sink_null();
    nkg_diag d = {0};
    nkg_extract_article(x, &art, &sink, NULL, &d);
    free(text);
    return 0;
}
