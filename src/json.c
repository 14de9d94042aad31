/* json.c - a strict RFC 8259 parser into an arena-owned tree.
 *
 * The parser is iterative: open containers live on a fixed stack of at most
 * JSON_MAX_DEPTH frames, so hostile nesting cannot overflow the C stack.
 * Finished children are collected on one malloc'd stack that grows
 * geometrically and are copied into the arena when their container closes,
 * so the work is linear in the input size.
 */
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "utf8.h"

enum { JSON_MAX_DEPTH = 512 };

typedef struct {
    nkg_json *node; /* the open ARRAY or OBJECT */
    size_t base;    /* its first child's index on the value stack */
} frame;

typedef struct {
    nkg_arena *a;
    const unsigned char *s;
    size_t n, pos;
    nkg_status st;
    size_t err_off;
    nkg_diag *d;
    /* Children of all open containers; keys[i] is NULL for array items. */
    nkg_json **vals;
    const char **keys;
    size_t nvals, cap;
} parser;

static nkg_status fail(parser *p, size_t off, const char *msg)
{
    if (p->st == NKG_OK) {
        p->st = NKG_ERR_INPUT;
        p->err_off = off;
        nkg_diag_set(p->d, NKG_ERR_INPUT, "%s", msg);
    }
    return p->st;
}

static nkg_status nomem(parser *p)
{
    if (p->st == NKG_OK) {
        p->st = NKG_ERR_NOMEM;
        p->err_off = p->pos;
        nkg_diag_set(p->d, NKG_ERR_NOMEM, "out of memory");
    }
    return p->st;
}

/* "unexpected ..." naming the byte at off, or the end of the input. */
static nkg_status unexpected(parser *p, size_t off)
{
    char msg[64];
    if (off >= p->n)
        return fail(p, p->n, "unexpected end of input");
    unsigned c = p->s[off];
    if (c >= 0x20 && c < 0x7f)
        snprintf(msg, sizeof msg, "unexpected character '%c'", (int)c);
    else
        snprintf(msg, sizeof msg, "unexpected byte 0x%02X", c);
    return fail(p, off, msg);
}

static void skip_ws(parser *p)
{
    while (p->pos < p->n) {
        unsigned char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->pos++;
    }
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The 4 hex digits at s[off..off+4) as a code unit, or -1. */
static long hex4(parser *p, size_t off)
{
    if (p->n - off < 4)
        return -1;
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p->s[off + i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* The string starting at the '"' at p->pos: checked in a first pass, then
 * decoded into the arena. Decoding never makes it longer (an escape of k
 * bytes yields at most k bytes of UTF-8), so the raw length bounds the
 * buffer. On success p->pos is past the closing quote. */
static nkg_status parse_string(parser *p, const char **out, size_t *len)
{
    const size_t open = p->pos;
    size_t i = open + 1;
    int escaped = 0;
    for (;;) {
        if (i >= p->n)
            return fail(p, open, "unterminated string");
        unsigned char c = p->s[i];
        if (c == '"')
            break;
        if (c < 0x20)
            return fail(p, i, "control character in string (must be escaped)");
        if (c >= 0x80) {
            size_t k = nkg_utf8_seq(p->s + i, p->n - i);
            if (!k)
                return fail(p, i, "invalid UTF-8 in string");
            i += k;
            continue;
        }
        if (c != '\\') {
            i++;
            continue;
        }
        escaped = 1;
        if (i + 1 >= p->n)
            return fail(p, open, "unterminated string");
        unsigned char e = p->s[i + 1];
        if (e != 'u') {
            if (!strchr("\"\\/bfnrt", e) || e == '\0')
                return fail(p, i, "invalid escape in string");
            i += 2;
            continue;
        }
        long u = hex4(p, i + 2);
        if (u < 0)
            return fail(p, i, "invalid \\u escape (need 4 hex digits)");
        if (u >= 0xDC00 && u <= 0xDFFF)
            return fail(p, i, "lone low surrogate in \\u escape");
        if (u >= 0xD800 && u <= 0xDBFF) {
            long lo = -1;
            if (i + 7 < p->n && p->s[i + 6] == '\\' && p->s[i + 7] == 'u')
                lo = hex4(p, i + 8);
            if (lo < 0xDC00 || lo > 0xDFFF)
                return fail(p, i, "lone high surrogate in \\u escape");
            i += 12;
        } else {
            i += 6;
        }
    }
    const size_t close = i;
    const char *raw = (const char *)p->s + open + 1;
    const size_t rawlen = close - open - 1;
    p->pos = close + 1;
    if (!escaped) {
        char *copy = nkg_arena_strndup(p->a, raw, rawlen);
        if (!copy)
            return nomem(p);
        *out = copy;
        *len = rawlen;
        return NKG_OK;
    }
    char *buf = nkg_arena_alloc(p->a, rawlen + 1);
    if (!buf)
        return nomem(p);
    size_t o = 0;
    /* Everything was checked above, so this pass trusts the input. */
    for (size_t j = open + 1; j < close;) {
        unsigned char c = p->s[j];
        if (c != '\\') {
            buf[o++] = (char)c;
            j++;
            continue;
        }
        unsigned char e = p->s[j + 1];
        switch (e) {
        case 'b': buf[o++] = '\b'; j += 2; break;
        case 'f': buf[o++] = '\f'; j += 2; break;
        case 'n': buf[o++] = '\n'; j += 2; break;
        case 'r': buf[o++] = '\r'; j += 2; break;
        case 't': buf[o++] = '\t'; j += 2; break;
        case 'u': {
            unsigned long cp = (unsigned long)hex4(p, j + 2);
            j += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned long lo = (unsigned long)hex4(p, j + 2);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                j += 6;
            }
            o += nkg_utf8_encode(buf + o, (uint32_t)cp);
            break;
        }
        default: buf[o++] = (char)e; j += 2; break; /* " \ / */
        }
    }
    buf[o] = '\0';
    *out = buf;
    *len = o;
    return NKG_OK;
}

/* number = [ minus ] int [ frac ] [ exp ], kept as written. */
static nkg_status parse_number(parser *p, nkg_json *v)
{
    const size_t start = p->pos;
    size_t i = start;
    const unsigned char *s = p->s;
    if (i < p->n && s[i] == '-')
        i++;
    if (i >= p->n || s[i] < '0' || s[i] > '9')
        return fail(p, i, "invalid number (digit expected)");
    if (s[i] == '0') {
        i++;
        if (i < p->n && s[i] >= '0' && s[i] <= '9')
            return fail(p, i, "invalid number (leading zero)");
    } else {
        while (i < p->n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < p->n && s[i] == '.') {
        i++;
        if (i >= p->n || s[i] < '0' || s[i] > '9')
            return fail(p, i, "invalid number (digit expected after '.')");
        while (i < p->n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < p->n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < p->n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= p->n || s[i] < '0' || s[i] > '9')
            return fail(p, i, "invalid number (digit expected in exponent)");
        while (i < p->n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    v->type = NKG_JSON_NUMBER;
    v->str = nkg_arena_strndup(p->a, (const char *)s + start, i - start);
    if (!v->str)
        return nomem(p);
    v->len = i - start;
    p->pos = i;
    return NKG_OK;
}

static nkg_status parse_literal(parser *p, nkg_json *v, const char *word,
                                nkg_json_type t)
{
    size_t k = strlen(word);
    if (p->n - p->pos < k || memcmp(p->s + p->pos, word, k) != 0)
        return fail(p, p->pos, t == NKG_JSON_TRUE    ? "invalid literal (expected true)"
                               : t == NKG_JSON_FALSE ? "invalid literal (expected false)"
                                                     : "invalid literal (expected null)");
    v->type = t;
    p->pos += k;
    return NKG_OK;
}

static nkg_status push(parser *p, nkg_json *v, const char *key)
{
    if (p->nvals == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        nkg_json **nv = realloc(p->vals, cap * sizeof *nv);
        if (!nv)
            return nomem(p);
        p->vals = nv;
        const char **nk = realloc(p->keys, cap * sizeof *nk);
        if (!nk)
            return nomem(p);
        p->keys = nk;
        p->cap = cap;
    }
    p->vals[p->nvals] = v;
    p->keys[p->nvals] = key;
    p->nvals++;
    return NKG_OK;
}

/* Move the children of f from the value stack into the arena. */
static nkg_status close_frame(parser *p, const frame *f)
{
    nkg_json *c = f->node;
    size_t k = p->nvals - f->base;
    c->n = k;
    if (k) {
        c->items = nkg_arena_alloc(p->a, k * sizeof *c->items);
        if (!c->items)
            return nomem(p);
        memcpy(c->items, p->vals + f->base, k * sizeof *c->items);
        if (c->type == NKG_JSON_OBJECT) {
            c->keys = nkg_arena_alloc(p->a, k * sizeof *c->keys);
            if (!c->keys)
                return nomem(p);
            memcpy(c->keys, p->keys + f->base, k * sizeof *c->keys);
        }
    }
    p->nvals = f->base;
    return NKG_OK;
}

/* An object key and its ':' (white space before the key already skipped). */
static nkg_status parse_key(parser *p, const char **key)
{
    if (p->pos >= p->n || p->s[p->pos] != '"') {
        if (p->pos >= p->n)
            return unexpected(p, p->pos);
        return fail(p, p->pos, "expected a string as object key");
    }
    size_t len;
    if (parse_string(p, key, &len) != NKG_OK)
        return p->st;
    skip_ws(p);
    if (p->pos >= p->n || p->s[p->pos] != ':') {
        if (p->pos >= p->n)
            return unexpected(p, p->pos);
        return fail(p, p->pos, "expected ':' after object key");
    }
    p->pos++;
    return NKG_OK;
}

static nkg_status run(parser *p, nkg_json **out)
{
    frame stack[JSON_MAX_DEPTH];
    size_t depth = 0;
    const char *key = NULL; /* key of the value about to be parsed */
    for (;;) {
        /* Parse one value, or open a container. */
        skip_ws(p);
        if (p->pos >= p->n)
            return unexpected(p, p->pos);
        nkg_json *v = nkg_arena_alloc(p->a, sizeof *v);
        if (!v)
            return nomem(p);
        unsigned char c = p->s[p->pos];
        if (c == '[' || c == '{') {
            if (depth == JSON_MAX_DEPTH)
                return fail(p, p->pos, "nesting deeper than 512 levels");
            v->type = c == '[' ? NKG_JSON_ARRAY : NKG_JSON_OBJECT;
            if (depth > 0 && push(p, v, key) != NKG_OK)
                return p->st;
            stack[depth].node = v;
            stack[depth].base = p->nvals;
            depth++;
            p->pos++;
            skip_ws(p);
            if (p->pos < p->n && p->s[p->pos] == (c == '[' ? ']' : '}')) {
                p->pos++;
                depth--;
                /* Empty: nothing to move. */
                goto after_value;
            }
            if (c == '{' && parse_key(p, &key) != NKG_OK)
                return p->st;
            continue;
        }
        nkg_status st;
        if (c == '"') {
            v->type = NKG_JSON_STRING;
            st = parse_string(p, &v->str, &v->len);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            st = parse_number(p, v);
        } else if (c == 't') {
            st = parse_literal(p, v, "true", NKG_JSON_TRUE);
        } else if (c == 'f') {
            st = parse_literal(p, v, "false", NKG_JSON_FALSE);
        } else if (c == 'n') {
            st = parse_literal(p, v, "null", NKG_JSON_NULL);
        } else {
            return unexpected(p, p->pos);
        }
        if (st != NKG_OK)
            return st;
        if (depth == 0) {
            *out = v;
            return NKG_OK;
        }
        if (push(p, v, key) != NKG_OK)
            return p->st;

    after_value:
        /* After a value inside containers: ',' or the closing bracket. */
        for (;;) {
            if (depth == 0) {
                /* Only reached when the root container closed. */
                *out = stack[0].node;
                return NKG_OK;
            }
            frame *f = &stack[depth - 1];
            int is_obj = f->node->type == NKG_JSON_OBJECT;
            skip_ws(p);
            if (p->pos >= p->n)
                return unexpected(p, p->pos);
            unsigned char d = p->s[p->pos];
            if (d == ',') {
                p->pos++;
                if (is_obj) {
                    skip_ws(p);
                    if (parse_key(p, &key) != NKG_OK)
                        return p->st;
                }
                break; /* parse the next value */
            }
            if (d == (is_obj ? '}' : ']')) {
                p->pos++;
                if (close_frame(p, f) != NKG_OK)
                    return p->st;
                depth--;
                continue;
            }
            return fail(p, p->pos, is_obj ? "expected ',' or '}' in object"
                                           : "expected ',' or ']' in array");
        }
    }
}

nkg_status nkg_json_parse(nkg_arena *a, const char *s, size_t n, nkg_json **out,
                          size_t *err_offset, nkg_diag *d)
{
    parser p = {0};
    p.a = a;
    p.s = (const unsigned char *)(s ? s : "");
    p.n = s ? n : 0;
    p.d = d;
    nkg_json *root = NULL;
    if (run(&p, &root) == NKG_OK) {
        skip_ws(&p);
        if (p.pos < p.n)
            fail(&p, p.pos, "unexpected data after the JSON value");
    }
    free(p.vals);
    free(p.keys);
    if (out)
        *out = p.st == NKG_OK ? root : NULL;
    if (p.st != NKG_OK && err_offset)
        *err_offset = p.err_off;
    return p.st;
}

const nkg_json *nkg_json_get(const nkg_json *o, const char *key)
{
    if (!o || !key || o->type != NKG_JSON_OBJECT)
        return NULL;
    for (size_t i = o->n; i > 0; i--) /* from the end: the last duplicate wins */
        if (strcmp(o->keys[i - 1], key) == 0)
            return o->items[i - 1];
    return NULL;
}
