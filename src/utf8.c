/* utf8.c - UTF-8 validation, decoding and encoding shared by the stages. */
#include <stdint.h>
#include <string.h>
#include "utf8.h"

size_t nkg_utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0) /* overlong */
            return 0;
        if (c == 0xED && s[1] >= 0xA0) /* UTF-16 surrogate */
            return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90) /* overlong */
            return 0;
        if (c == 0xF4 && s[1] >= 0x90) /* above U+10FFFF */
            return 0;
        return 4;
    }
    return 0; /* a continuation byte, C0/C1 (always overlong) or F5..FF */
}

size_t nkg_utf8_check(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* ASCII runs dominate news text: test 8 bytes at a time. */
        while (n - i >= 8) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (w & UINT64_C(0x8080808080808080))
                break;
            i += 8;
        }
        if (i >= n)
            break;
        size_t k = nkg_utf8_seq(u + i, n - i);
        if (!k)
            return i;
        i += k;
    }
    return n;
}

size_t nkg_utf8_count(const char *s, size_t n)
{
    /* Every code point has exactly one byte that is not a continuation. */
    size_t cps = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++)
        cps += (u[i] & 0xC0) != 0x80;
    return cps;
}

uint32_t nkg_utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
    uint32_t c = s[0];
    size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (k > n)
        k = n;
    if (k > 1)
        c &= 0x7F >> k; /* the lead byte's payload bits */
    for (size_t i = 1; i < k; ++i)
        c = (c << 6) | (s[i] & 0x3F);
    *len = k;
    return c;
}

size_t nkg_utf8_encode(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
