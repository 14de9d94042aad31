/* strmap.c - linear probing over a power-of-two table, load factor <= 1/2. */
#include <stdlib.h>
#include <string.h>
#include "strmap.h"

size_t nkg_strhash(const char *s)
{
    size_t h = 1469598103934665603ULL; /* FNV-1a: fixed, so runs are reproducible */
    for (; *s; ++s)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

void nkg_strmap_free(nkg_strmap *m)
{
    free(m->keys);
    free(m->vals);
    m->keys = NULL;
    m->vals = NULL;
    m->cap = m->n = 0;
}

static int grow(nkg_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    const char **keys = calloc(cap, sizeof *keys);
    void **vals = calloc(cap, sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; ++i) {
        if (!m->keys[i])
            continue;
        size_t j = nkg_strhash(m->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return 0;
}

void **nkg_strmap_slot(nkg_strmap *m, const char *key)
{
    if ((m->n + 1) * 2 > m->cap && grow(m) != 0)
        return NULL;
    size_t j = nkg_strhash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0)
            return &m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key;
    m->vals[j] = NULL;
    m->n++;
    return &m->vals[j];
}

int nkg_strmap_put(nkg_strmap *m, const char *key, void *val)
{
    void **slot = nkg_strmap_slot(m, key);
    if (!slot)
        return -1;
    *slot = val;
    return 0;
}

void *nkg_strmap_get(const nkg_strmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    size_t j = nkg_strhash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0)
            return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return NULL;
}
