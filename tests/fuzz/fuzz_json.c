/* fuzz_json.c - libFuzzer target over nkg_json_parse.
 *
 * A parsed tree must keep json.h's contract (valid UTF-8 strings, NUL after
 * len, keys and items present); it is written back as JSON, which must parse
 * again and write back to the same bytes. Errors must carry an offset inside
 * the input and a message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ingest.h"
#include "json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    char *buf;
    size_t len, cap;
} out;

static void put(out *o, const char *s, size_t n)
{
    if (o->cap - o->len < n) {
        size_t cap = o->cap ? o->cap : 256;
        while (cap - o->len < n)
            cap *= 2;
        char *nb = realloc(o->buf, cap);
        if (!nb)
            abort();
        o->buf = nb;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void put_str(out *o, const char *s, size_t n)
{
    if (nkg_utf8_check(s, n) != n || s[n] != '\0')
        abort();
    put(o, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\') {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", c);
            put(o, esc, 6);
        } else {
            put(o, s + i, 1);
        }
    }
    put(o, "\"", 1);
}

/* Depth is at most 512, so recursion is bounded here. */
static void write_json(out *o, const nkg_json *v, int depth)
{
    if (!v || depth > 512)
        abort();
    switch (v->type) {
    case NKG_JSON_NULL: put(o, "null", 4); break;
    case NKG_JSON_TRUE: put(o, "true", 4); break;
    case NKG_JSON_FALSE: put(o, "false", 5); break;
    case NKG_JSON_NUMBER:
        if (!v->str || v->len == 0 || strlen(v->str) != v->len)
            abort();
        put(o, v->str, v->len);
        break;
    case NKG_JSON_STRING: put_str(o, v->str, v->len); break;
    case NKG_JSON_ARRAY:
    case NKG_JSON_OBJECT: {
        int obj = v->type == NKG_JSON_OBJECT;
        if (v->n && (!v->items || (obj && !v->keys)))
            abort();
        put(o, obj ? "{" : "[", 1);
        for (size_t i = 0; i < v->n; i++) {
            if (i)
                put(o, ",", 1);
            if (obj) {
                put_str(o, v->keys[i], strlen(v->keys[i]));
                put(o, ":", 1);
            }
            write_json(o, v->items[i], depth + 1);
        }
        put(o, obj ? "}" : "]", 1);
        break;
    }
    default: abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nkg_arena *a = nkg_arena_new();
    if (!a)
        return 0;
    nkg_json *v = NULL;
    size_t off = (size_t)-1;
    nkg_diag d = {0};
    nkg_status st = nkg_json_parse(a, (const char *)data, size, &v, &off, &d);
    if (st != NKG_OK) {
        if (st != NKG_ERR_INPUT || v || off > size || d.msg[0] == '\0')
            abort();
    } else {
        if (!v)
            abort();
        out o1 = {0}, o2 = {0};
        write_json(&o1, v, 1);
        nkg_json *w = NULL;
        /* Keys holding U+0000 are cut at the NUL (C strings), so a key may
         * change; the second write must then equal the first one's reparse. */
        if (nkg_json_parse(a, o1.buf, o1.len, &w, NULL, NULL) != NKG_OK)
            abort();
        write_json(&o2, w, 1);
        if (o1.len != o2.len || memcmp(o1.buf, o2.buf, o1.len) != 0)
            abort();
        free(o1.buf);
        free(o2.buf);
    }
    nkg_arena_free(a);
    return 0;
}
