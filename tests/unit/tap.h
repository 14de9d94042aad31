/* tap.h - the unit tests' tiny harness: TAP lines, one per check.
 * tests/run.sh counts "ok" and "not ok" lines; a test binary exits 1 when
 * any check failed. */
#ifndef NKG_TAP_H
#define NKG_TAP_H
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

#define CHECK(cond, ...) do { \
        ++tap_n; \
        if (cond) { printf("ok %d - ", tap_n); } \
        else { ++tap_failed; printf("not ok %d - %s:%d: ", tap_n, __FILE__, __LINE__); } \
        printf(__VA_ARGS__); putchar('\n'); \
    } while (0)

#define CHECK_STR(got, want, name) do { \
        const char *g_ = (got), *w_ = (want); \
        int ok_ = (g_ && w_) ? strcmp(g_, w_) == 0 : g_ == w_; \
        CHECK(ok_, "%s", name); \
        if (!ok_) printf("#   got  \"%s\"\n#   want \"%s\"\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
    } while (0)

#define TAP_DONE() (printf("1..%d\n", tap_n), tap_failed ? 1 : 0)
#endif
