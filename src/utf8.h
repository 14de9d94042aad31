/* utf8.h - UTF-8 validation shared by the readers.
 *
 * Valid means what RFC 3629 allows: no overlong forms, no UTF-16 surrogates
 * (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequence. NUL is
 * valid UTF-8; callers that refuse binary input check for it apart.
 */
#ifndef NKG_UTF8_H
#define NKG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length (1 to 4) of the valid UTF-8 sequence at s[0..n), or 0 when it is
 * invalid or truncated. s is borrowed; n must be at least 1. */
size_t nkg_utf8_seq(const unsigned char *s, size_t n);

/* Index of the first byte of s[0..n) that does not start a valid sequence,
 * or n when all of it is valid UTF-8. */
size_t nkg_utf8_check(const char *s, size_t n);

/* Number of code points in s[0..n), which must be valid UTF-8. */
size_t nkg_utf8_count(const char *s, size_t n);

/* The code point at s[0..n) (n >= 1) of already-validated UTF-8; *len gets
 * the bytes it takes (a sequence cut short by n takes what is left). */
uint32_t nkg_utf8_decode(const unsigned char *s, size_t n, size_t *len);

/* Write cp (at most U+10FFFF) to o as UTF-8; returns the 1 to 4 bytes
 * written. o must have room for 4. */
size_t nkg_utf8_encode(char *o, uint32_t cp);

#endif
