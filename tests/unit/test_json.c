/* test_json.c - the strict JSON parser: values, escapes, UTF-8, errors with
 * their offsets, the depth limit, and size (linear behaviour). */
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "tap.h"

static nkg_arena *A;

/* Parses a NUL-terminated s; returns the root or NULL. */
static nkg_json *parse(const char *s)
{
    nkg_json *v = NULL;
    size_t off = 0;
    nkg_status st = nkg_json_parse(A, s, strlen(s), &v, &off, NULL);
    return st == NKG_OK ? v : NULL;
}

/* Expects an error at byte `off` whose message contains `part`. */
static void bad(const char *s, size_t n, size_t off, const char *part, const char *what)
{
    nkg_json *v = (nkg_json *)1;
    size_t got = 999999;
    nkg_diag d = {0};
    nkg_status st = nkg_json_parse(A, s, n, &v, &got, &d);
    CHECK(st == NKG_ERR_INPUT && d.status == NKG_ERR_INPUT, "%s: rejected", what);
    CHECK(v == NULL, "%s: *out is NULL", what);
    CHECK(got == off, "%s: offset %zu (got %zu)", what, off, got);
    CHECK(strstr(d.msg, part) != NULL, "%s: message has \"%s\" (got \"%s\")", what, part, d.msg);
}
#define BAD(s, off, part) bad(s, sizeof(s) - 1, off, part, "reject " #s)

static void test_scalars(void)
{
    nkg_json *v;
    CHECK((v = parse("null")) && v->type == NKG_JSON_NULL, "null");
    CHECK((v = parse("true")) && v->type == NKG_JSON_TRUE, "true");
    CHECK((v = parse(" \t\r\nfalse \n")) && v->type == NKG_JSON_FALSE, "false with white space");
    const char *nums[] = {"0", "-0", "12", "-12.5", "1e10", "1E+2", "1.5e-3", "123456789012345678901234567890", "0.0"};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        v = parse(nums[i]);
        CHECK(v && v->type == NKG_JSON_NUMBER && v->len == strlen(nums[i]) && strcmp(v->str, nums[i]) == 0,
              "number %s kept as written", nums[i]);
    }
    v = parse("\"abc\"");
    CHECK(v && v->type == NKG_JSON_STRING && v->len == 3, "string");
    CHECK_STR(v ? v->str : NULL, "abc", "string value");
    v = parse("\"\"");
    CHECK(v && v->len == 0 && v->str && v->str[0] == '\0', "empty string is \"\", not NULL");
}

static void test_escapes(void)
{
    nkg_json *v = parse("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"");
    CHECK_STR(v ? v->str : NULL, "a\"b\\c/d\be\ff\ng\rh\ti", "simple escapes");
    v = parse("\"\\u0041\\u00e9\\u20AC\"");
    CHECK_STR(v ? v->str : NULL, "A\xC3\xA9\xE2\x82\xAC", "\\u escapes to 1, 2, 3 bytes");
    v = parse("\"\\uD83D\\uDE00\"");
    CHECK_STR(v ? v->str : NULL, "\xF0\x9F\x98\x80", "surrogate pair decoded to U+1F600");
    v = parse("\"\\udbff\\udfff\"");
    CHECK_STR(v ? v->str : NULL, "\xF4\x8F\xBF\xBF", "surrogate pair U+10FFFF (lower-case hex)");
    v = parse("\"x\\u0000y\"");
    CHECK(v && v->len == 3 && memcmp(v->str, "x\0y", 4) == 0, "\\u0000 kept, len counts it");
    v = parse("\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
    CHECK(v && v->len == 14, "raw UTF-8 kept");

    BAD("\"\\x\"", 1, "invalid escape");
    BAD("\"\\u12\"", 1, "4 hex digits");
    BAD("\"\\u12G4\"", 1, "4 hex digits");
    BAD("\"ab\\uDC00\"", 3, "lone low surrogate");
    BAD("\"\\uD800\"", 1, "lone high surrogate");
    BAD("\"\\uD800x\"", 1, "lone high surrogate");
    BAD("\"\\uD800\\u0041\"", 1, "lone high surrogate");
    BAD("\"\\uD800\\uD800\"", 1, "lone high surrogate");
    BAD("\"\\", 0, "unterminated string");
    BAD("\"abc", 0, "unterminated string");
    BAD("[\"a\tb\"]", 3, "control character");
    BAD("\"a\nb\"", 2, "control character");
}

static void test_utf8_in_strings(void)
{
    BAD("\"\xC3\"", 1, "invalid UTF-8");
    BAD("\"\xC0\xAF\"", 1, "invalid UTF-8");          /* overlong '/' */
    BAD("\"ab\xE0\x80\xAF\"", 3, "invalid UTF-8");     /* overlong, 3 bytes */
    BAD("\"\xF0\x80\x80\xAF\"", 1, "invalid UTF-8");   /* overlong, 4 bytes */
    BAD("\"\xED\xA0\x80\"", 1, "invalid UTF-8");       /* encoded surrogate */
    BAD("\"\xF4\x90\x80\x80\"", 1, "invalid UTF-8");   /* above U+10FFFF */
    BAD("\"\xF8\x88\x80\x80\x80\"", 1, "invalid UTF-8");
    BAD("\"\xFF\"", 1, "invalid UTF-8");
    BAD("\"\x80\"", 1, "invalid UTF-8");
    BAD("\"\xE2\x82\"", 1, "invalid UTF-8");           /* truncated */
}

static void test_containers(void)
{
    nkg_json *v = parse("[]");
    CHECK(v && v->type == NKG_JSON_ARRAY && v->n == 0, "empty array");
    v = parse("{ }");
    CHECK(v && v->type == NKG_JSON_OBJECT && v->n == 0, "empty object");
    CHECK(nkg_json_get(v, "x") == NULL, "get on empty object");
    v = parse("[1, \"two\", [3, []], {\"four\": 4}, null]");
    CHECK(v && v->n == 5, "array of 5");
    if (v && v->n == 5) {
        CHECK(v->items[0]->type == NKG_JSON_NUMBER, "item 0 number");
        CHECK_STR(v->items[1]->str, "two", "item 1");
        CHECK(v->items[2]->type == NKG_JSON_ARRAY && v->items[2]->n == 2 &&
              v->items[2]->items[1]->n == 0, "nested array");
        CHECK(v->items[3]->type == NKG_JSON_OBJECT && v->items[3]->n == 1, "nested object");
        CHECK(v->items[4]->type == NKG_JSON_NULL, "item 4 null");
        CHECK(v->keys == NULL, "array has no keys");
    }
    v = parse("{\"a\": 1, \"b\": {\"c\": [true]}, \"a\": 2, \"k\\u00e9y\": \"v\"}");
    CHECK(v && v->n == 4, "object of 4 members");
    if (v && v->n == 4) {
        CHECK_STR(v->keys[0], "a", "keys in input order (0)");
        CHECK_STR(v->keys[2], "a", "keys in input order (2)");
        const nkg_json *a = nkg_json_get(v, "a");
        CHECK(a && strcmp(a->str, "2") == 0, "last duplicate wins");
        const nkg_json *b = nkg_json_get(v, "b");
        const nkg_json *c = nkg_json_get(b, "c");
        CHECK(c && c->type == NKG_JSON_ARRAY && c->items[0]->type == NKG_JSON_TRUE, "nested get");
        CHECK(nkg_json_get(v, "k\xC3\xA9y") != NULL, "escaped key decoded");
        CHECK(nkg_json_get(v, "zz") == NULL, "missing key");
        CHECK(nkg_json_get(c, "a") == NULL, "get on an array is NULL");
        CHECK(nkg_json_get(NULL, "a") == NULL, "get on NULL is NULL");
    }
}

static void test_syntax_errors(void)
{
    BAD("", 0, "unexpected end of input");
    BAD("   ", 3, "unexpected end of input");
    BAD("[1,]", 3, "unexpected character ']'");
    BAD("[1 2]", 3, "expected ',' or ']'");
    BAD("{\"a\" 1}", 5, "expected ':'");
    BAD("{\"a\":1,}", 7, "expected a string as object key");
    BAD("{\"a\":1 \"b\":2}", 7, "expected ',' or '}'");
    BAD("{a:1}", 1, "expected a string as object key");
    BAD("{'a':1}", 1, "expected a string as object key");
    BAD("[1]x", 3, "unexpected data after");
    BAD("1 2", 2, "unexpected data after");
    BAD("[", 1, "unexpected end of input");
    BAD("{\"a\":", 5, "unexpected end of input");
    BAD("{\"a\"", 4, "unexpected end of input");
    BAD("tru", 0, "expected true");
    BAD("nul", 0, "expected null");
    BAD("fals", 0, "expected false");
    BAD("True", 0, "unexpected character 'T'");
    BAD("NaN", 0, "unexpected character 'N'");
    BAD("01", 1, "leading zero");
    BAD("-", 1, "digit expected");
    BAD("-a", 1, "digit expected");
    BAD("1.", 2, "after '.'");
    BAD("1.e5", 2, "after '.'");
    BAD(".5", 0, "unexpected character '.'");
    BAD("+1", 0, "unexpected character '+'");
    BAD("1e", 2, "exponent");
    BAD("1e+", 3, "exponent");
    BAD("\xEF\xBB\xBF{}", 0, "unexpected byte 0xEF");
    BAD("[\x0b]", 1, "unexpected byte 0x0B");
    BAD("[1,\0]", 3, "unexpected byte 0x00");
    BAD("/* c */ 1", 0, "unexpected character '/'");
}

static void test_depth(void)
{
    /* 512 levels are fine, 513 are not. */
    char buf[2 * 600 + 1];
    for (int depth = 511; depth <= 513; depth++) {
        size_t k = 0;
        for (int i = 0; i < depth; i++)
            buf[k++] = '[';
        for (int i = 0; i < depth; i++)
            buf[k++] = ']';
        buf[k] = '\0';
        nkg_json *v = NULL;
        size_t off = 0;
        nkg_diag d = {0};
        nkg_status st = nkg_json_parse(A, buf, k, &v, &off, &d);
        if (depth <= 512)
            CHECK(st == NKG_OK && v && v->n == 1, "depth %d accepted", depth);
        else
            CHECK(st == NKG_ERR_INPUT && off == 512 && strstr(d.msg, "nesting deeper than 512"),
                  "depth %d rejected at byte 512 (%zu: %s)", depth, off, d.msg);
    }
    /* Objects count as levels too, and a deep unterminated input is an
     * error, not a crash. */
    size_t n = 100000;
    char *deep = malloc(n * 5 + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(deep + k, "{\"a\":", 5);
        k += 5;
    }
    nkg_diag d = {0};
    size_t off = 0;
    nkg_json *v = NULL;
    nkg_status st = nkg_json_parse(A, deep, k, &v, &off, &d);
    CHECK(st == NKG_ERR_INPUT && off == 512 * 5, "100000 nested objects rejected at depth 513 (%zu)", off);
    free(deep);
}

static void test_big(void)
{
    /* A 4 MB array of strings and a long flat object: linear time. */
    size_t items = 400000;
    char *s = malloc(items * 24 + 64);
    size_t k = 0;
    s[k++] = '[';
    for (size_t i = 0; i < items; i++)
        k += (size_t)sprintf(s + k, "%s\"x%06zu\"", i ? "," : "", i);
    s[k++] = ']';
    nkg_json *v = NULL;
    nkg_status st = nkg_json_parse(A, s, k, &v, NULL, NULL);
    CHECK(st == NKG_OK && v && v->n == items, "array of %zu strings (%zu bytes)", items, k);
    CHECK(v && v->n == items && strcmp(v->items[items - 1]->str, "x399999") == 0, "last item");
    k = 0;
    s[k++] = '{';
    for (size_t i = 0; i < items; i++)
        k += (size_t)sprintf(s + k, "%s\"k%zu\":%zu", i ? "," : "", i, i);
    s[k++] = '}';
    st = nkg_json_parse(A, s, k, &v, NULL, NULL);
    CHECK(st == NKG_OK && v && v->n == items, "object of %zu members", items);
    const nkg_json *m = nkg_json_get(v, "k123");
    CHECK(m && strcmp(m->str, "123") == 0, "member of a big object");
    free(s);
}

static void test_null_args(void)
{
    nkg_json *v = NULL;
    CHECK(nkg_json_parse(A, "[1]", 3, &v, NULL, NULL) == NKG_OK && v, "err_offset and d may be NULL");
    CHECK(nkg_json_parse(A, "[", 1, &v, NULL, NULL) == NKG_ERR_INPUT && !v, "error without d");
    /* n bounds the input: the rest of the buffer is not read. */
    CHECK(nkg_json_parse(A, "[1]garbage", 3, &v, NULL, NULL) == NKG_OK, "n bounds the input");
    nkg_diag d = {0};
    nkg_diag_set(&d, NKG_ERR_IO, "earlier");
    CHECK(nkg_json_parse(A, "x", 1, &v, NULL, &d) == NKG_ERR_INPUT && strcmp(d.msg, "earlier") == 0,
          "first error in d wins");
}

int main(void)
{
    A = nkg_arena_new();
    test_scalars();
    test_escapes();
    test_utf8_in_strings();
    test_containers();
    test_syntax_errors();
    test_depth();
    test_big();
    test_null_args();
    nkg_arena_free(A);
    return TAP_DONE();
}
