/* strmap.h - a string-keyed hash map (open addressing). Keys are borrowed:
 * they must outlive the map (use arena strings). Values are opaque. */
#ifndef NKG_STRMAP_H
#define NKG_STRMAP_H
#include <stddef.h>

typedef struct {
    const char **keys;
    void **vals;
    size_t cap, n;
} nkg_strmap;

/* Zero-initialised nkg_strmap is an empty map. */
void nkg_strmap_free(nkg_strmap *m);
/* Returns 0 on success, -1 when out of memory. Replaces an existing value. */
int nkg_strmap_put(nkg_strmap *m, const char *key, void *val);
void *nkg_strmap_get(const nkg_strmap *m, const char *key);
/* A slot for key, created (holding NULL) when absent; NULL when out of memory. */
void **nkg_strmap_slot(nkg_strmap *m, const char *key);
size_t nkg_strhash(const char *s);
#endif
