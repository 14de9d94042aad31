/* arena.c - a bump allocator: blocks in a list, freed all at once. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "nkg.h"

typedef struct block {
    struct block *next;
    size_t used, size;
    max_align_t data[]; /* aligned for any type */
} block;

struct nkg_arena {
    block *head;
};

enum { BLOCK_MIN = 64 * 1024 };

nkg_arena *nkg_arena_new(void)
{
    return calloc(1, sizeof(nkg_arena));
}

void nkg_arena_free(nkg_arena *a)
{
    if (!a)
        return;
    for (block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void *nkg_arena_alloc(nkg_arena *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > BLOCK_MIN ? size : BLOCK_MIN;
        b = malloc(sizeof(block) + cap);
        if (!b)
            return NULL;
        b->size = cap;
        b->used = 0;
        /* A big one-off allocation goes behind the current block so the
         * current block's free space is not wasted. */
        if (a->head && size > BLOCK_MIN) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *nkg_arena_strndup(nkg_arena *a, const char *s, size_t n)
{
    char *p = nkg_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *nkg_arena_strdup(nkg_arena *a, const char *s)
{
    return s ? nkg_arena_strndup(a, s, strlen(s)) : NULL;
}

char *nkg_arena_printf(nkg_arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n >= 0 ? nkg_arena_alloc(a, (size_t)n + 1) : NULL;
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}
