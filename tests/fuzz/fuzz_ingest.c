/* fuzz_ingest.c - libFuzzer target over nkg_ingest_buffer.
 *
 * The first input byte picks the format (low two bits: auto, text, HTML,
 * JSONL); the rest is the file. Every article must keep the nkg_article
 * contract and every failure must leave a one-line diagnostic; anything else
 * aborts so the fuzzer reports it. Also cross-checks nkg_utf8_check against
 * a slow reference decoder. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static nkg_status check_article(void *ud, const nkg_article *a)
{
    size_t *count = ud;
    if (!a || !a->id || !a->source || !a->text)
        abort();
    if (strlen(a->text) != a->text_len || a->text_len == 0)
        abort();
    if (nkg_utf8_check(a->text, a->text_len) != a->text_len)
        abort();
    if (nkg_utf8_count(a->text, a->text_len) != a->text_cps)
        abort();
    const char *meta[] = {a->url, a->title, a->published, a->publisher, a->id};
    for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++)
        if (meta[i] && nkg_utf8_check(meta[i], strlen(meta[i])) != strlen(meta[i]))
            abort();
    ++*count;
    return NKG_OK;
}

/* Code-point-at-a-time decoder, written independently of ingest.c. */
static size_t ref_utf8_check(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t c = s[i];
        size_t k;
        uint32_t min;
        if (c < 0x80) { i++; continue; }
        else if ((c & 0xE0) == 0xC0) { k = 2; c &= 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { k = 3; c &= 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { k = 4; c &= 0x07; min = 0x10000; }
        else return i;
        if (n - i < k)
            return i;
        for (size_t j = 1; j < k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return i;
            c = (c << 6) | (s[i + j] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return i;
        i += k;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const char *const names[] = {"dir/fuzz", "dir/fuzz.txt", "dir/fuzz.html", "dir/fuzz.jsonl"};
    static const nkg_input_format fmts[] = {NKG_FMT_AUTO, NKG_FMT_TEXT, NKG_FMT_HTML, NKG_FMT_JSONL};
    unsigned sel = data[0] & 3;
    const char *bytes = (const char *)data + 1;
    size_t n = size - 1;

    if (nkg_utf8_check(bytes, n) != ref_utf8_check(data + 1, n))
        abort();

    nkg_arena *a = nkg_arena_new();
    if (!a)
        return 0;
    nkg_diag d = {0};
    size_t count = 0;
    nkg_status st = nkg_ingest_buffer(a, names[sel], bytes, n, fmts[sel], check_article, &count, &d);
    if (st == NKG_OK) {
        if (count == 0 || d.status != NKG_OK)
            abort();
    } else {
        if (count != 0 || d.status != st || d.msg[0] == '\0' || strchr(d.msg, '\n'))
            abort();
        if (strncmp(d.msg, names[sel], strlen(names[sel])) != 0)
            abort(); /* every message names the file */
    }
    nkg_arena_free(a);
    return 0;
}
