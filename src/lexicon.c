/* lexicon.c - TSV tables from mappings/, indexed by the first token norm. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "fileio.h"
#include "lexicon.h"
#include "strmap.h"
#include "utf8.h"

struct nkg_table {
    const char *name;
    size_t ncols;
    const char **header;
    nkg_row *rows;
    size_t nrows;
    nkg_strmap by_first; /* first token norm -> row_list */
    nkg_strmap by_phrase; /* phrase norms joined by ' ' -> first row */
    size_t max_toks;
};

typedef struct row_list {
    size_t n, cap;
    const nkg_row **v;
} row_list;

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Split one line into arena-copied cells on tabs. */
static const char **split_tabs(nkg_arena *a, const char *line, size_t len, size_t *ncols)
{
    size_t n = 1;
    for (size_t i = 0; i < len; ++i)
        n += line[i] == '\t';
    const char **cols = nkg_arena_alloc(a, n * sizeof *cols);
    if (!cols)
        return NULL;
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= len; ++i) {
        if (i == len || line[i] == '\t') {
            size_t e = i;
            while (e > start && (line[e - 1] == ' ' || line[e - 1] == '\r'))
                e--;
            size_t b = start;
            while (b < e && line[b] == ' ')
                b++;
            cols[k] = nkg_arena_strndup(a, line + b, e - b);
            if (!cols[k])
                return NULL;
            k++;
            start = i + 1;
        }
    }
    *ncols = n;
    return cols;
}

static nkg_status index_row(nkg_arena *a, nkg_table *t, nkg_row *r)
{
    nkg_text tx;
    nkg_status st = nkg_text_analyze(a, r->cols[0], strlen(r->cols[0]), NULL, &tx);
    if (st != NKG_OK)
        return st;
    r->ntoks = tx.ntoks;
    r->toks = nkg_arena_alloc(a, (tx.ntoks ? tx.ntoks : 1) * sizeof *r->toks);
    if (!r->toks)
        return NKG_ERR_NOMEM;
    for (size_t i = 0; i < tx.ntoks; ++i)
        r->toks[i] = tx.toks[i].norm;
    if (!tx.ntoks)
        return NKG_OK;
    if (tx.ntoks > t->max_toks)
        t->max_toks = tx.ntoks;
    char *phrase = nkg_text_join_dup(a, &tx, 0, tx.ntoks);
    if (!phrase)
        return NKG_ERR_NOMEM;
    void **slot = nkg_strmap_slot(&t->by_phrase, phrase);
    if (!slot)
        return NKG_ERR_NOMEM;
    if (!*slot)
        *slot = r;
    slot = nkg_strmap_slot(&t->by_first, r->toks[0]);
    if (!slot)
        return NKG_ERR_NOMEM;
    row_list *l = *slot;
    if (!l) {
        l = nkg_arena_alloc(a, sizeof *l);
        if (!l)
            return NKG_ERR_NOMEM;
        *slot = l;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 4;
        const nkg_row **v = nkg_arena_alloc(a, cap * sizeof *v);
        if (!v)
            return NKG_ERR_NOMEM;
        if (l->n)
            memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = r;
    return NKG_OK;
}

static nkg_status load_table(nkg_lexicon *lx, const char *path, const char *name, nkg_diag *d)
{
    size_t n = 0;
    char *buf = NULL;
    nkg_status st = nkg_read_file(path, &buf, &n, d);
    if (st != NKG_OK)
        return st;
    size_t bad = nkg_utf8_check(buf, n);
    if (bad < n) {
        free(buf);
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: invalid UTF-8 at byte %zu", path, bad);
    }
    nkg_arena *a = lx->arena;
    nkg_table *t = nkg_arena_alloc(a, sizeof *t);
    st = t ? NKG_OK : NKG_ERR_NOMEM;
    size_t nlines = 1;
    for (size_t i = 0; i < n; ++i)
        nlines += buf[i] == '\n';
    if (st == NKG_OK) {
        t->name = nkg_arena_strdup(a, name);
        t->rows = nkg_arena_alloc(a, nlines * sizeof *t->rows);
        if (!t->rows || !t->name)
            st = NKG_ERR_NOMEM;
    }
    size_t lineno = 0;
    for (size_t i = 0; i < n && st == NKG_OK;) {
        size_t e = i;
        while (e < n && buf[e] != '\n')
            e++;
        lineno++;
        const char *line = buf + i;
        size_t len = e - i;
        i = e + 1;
        if (len && line[len - 1] == '\r')
            len--;
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k == len || line[k] == '#')
            continue;
        size_t ncols;
        const char **cols = split_tabs(a, line, len, &ncols);
        if (!cols) {
            st = NKG_ERR_NOMEM;
            break;
        }
        if (!t->header) {
            t->header = cols;
            t->ncols = ncols;
            continue;
        }
        if (ncols > t->ncols) {
            st = nkg_diag_set(d, NKG_ERR_INPUT, "%s:%zu: %zu columns, the header has %zu",
                              path, lineno, ncols, t->ncols);
            break;
        }
        nkg_row *r = &t->rows[t->nrows++];
        r->ncols = ncols;
        r->cols = cols;
        r->line = lineno;
        st = index_row(a, t, r);
    }
    free(buf);
    if (st == NKG_OK && t && !t->header)
        st = nkg_diag_set(d, NKG_ERR_INPUT, "%s: no header line", path);
    if (st == NKG_ERR_NOMEM)
        nkg_diag_set(d, st, "%s: out of memory", path);
    if (st != NKG_OK) {
        if (t) {
            nkg_strmap_free(&t->by_first);
            nkg_strmap_free(&t->by_phrase);
        }
        return st;
    }
    nkg_table **tabs = nkg_arena_alloc(a, (lx->ntables + 1) * sizeof *tabs);
    if (!tabs) {
        nkg_strmap_free(&t->by_first);
        nkg_strmap_free(&t->by_phrase);
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    }
    if (lx->ntables)
        memcpy(tabs, lx->tables, lx->ntables * sizeof *tabs);
    tabs[lx->ntables++] = t;
    lx->tables = tabs;
    return NKG_OK;
}

nkg_status nkg_lexicon_load(nkg_lexicon **out, const char *dir, nkg_diag *d)
{
    *out = NULL;
    DIR *dh = opendir(dir);
    if (!dh)
        return nkg_diag_set(d, NKG_ERR_IO, "%s: %s", dir, strerror(errno));
    nkg_lexicon *lx = calloc(1, sizeof *lx);
    nkg_arena *a = nkg_arena_new();
    if (!lx || !a) {
        closedir(dh);
        free(lx);
        nkg_arena_free(a);
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    }
    lx->arena = a;
    lx->dir = nkg_arena_strdup(a, dir);
    size_t n = 0, cap = 16;
    char **names = malloc(cap * sizeof *names);
    struct dirent *de;
    nkg_status st = names ? NKG_OK : NKG_ERR_NOMEM;
    while (st == NKG_OK && (de = readdir(dh))) {
        size_t l = strlen(de->d_name);
        if (de->d_name[0] == '.' || l < 5 || strcmp(de->d_name + l - 4, ".tsv") != 0)
            continue;
        if (n == cap) {
            char **nn = realloc(names, (cap *= 2) * sizeof *names);
            if (!nn) {
                st = NKG_ERR_NOMEM;
                break;
            }
            names = nn;
        }
        names[n] = nkg_arena_strdup(a, de->d_name);
        if (!names[n++])
            st = NKG_ERR_NOMEM;
    }
    closedir(dh);
    if (st == NKG_OK)
        qsort(names, n, sizeof *names, cmp_names); /* a stable load order */
    for (size_t i = 0; i < n && st == NKG_OK; ++i) {
        char *path = nkg_arena_printf(a, "%s/%s", dir, names[i]);
        char *name = nkg_arena_strndup(a, names[i], strlen(names[i]) - 4);
        st = path && name ? load_table(lx, path, name, d) : NKG_ERR_NOMEM;
    }
    free(names);
    if (st != NKG_OK) {
        nkg_diag_set(d, st, "%s: cannot load the mappings", dir);
        nkg_lexicon_free(lx);
        return st;
    }
    *out = lx;
    return NKG_OK;
}

void nkg_lexicon_free(nkg_lexicon *lx)
{
    if (!lx)
        return;
    for (size_t i = 0; i < lx->ntables; ++i) {
        nkg_strmap_free(&lx->tables[i]->by_first);
        nkg_strmap_free(&lx->tables[i]->by_phrase);
    }
    nkg_arena_free(lx->arena);
    free(lx);
}

const nkg_table *nkg_lexicon_table(const nkg_lexicon *lx, const char *name)
{
    for (size_t i = 0; lx && i < lx->ntables; ++i)
        if (strcmp(lx->tables[i]->name, name) == 0)
            return lx->tables[i];
    return NULL;
}

size_t nkg_table_rows(const nkg_table *t) { return t ? t->nrows : 0; }

const nkg_row *nkg_table_row(const nkg_table *t, size_t i)
{
    return t && i < t->nrows ? &t->rows[i] : NULL;
}

int nkg_table_col(const nkg_table *t, const char *name)
{
    for (size_t i = 0; t && i < t->ncols; ++i)
        if (strcmp(t->header[i], name) == 0)
            return (int)i;
    return -1;
}

const char *nkg_row_get(const nkg_row *r, int col)
{
    return r && col >= 0 && (size_t)col < r->ncols ? r->cols[col] : "";
}

size_t nkg_table_match(const nkg_table *tab, const nkg_text *t, size_t i,
                       const nkg_row **out, size_t max, size_t *len_out)
{
    *len_out = 0;
    if (!tab || i >= t->ntoks)
        return 0;
    const row_list *l = nkg_strmap_get(&tab->by_first, t->toks[i].norm);
    if (!l)
        return 0;
    size_t best = 0, n = 0;
    for (size_t k = 0; k < l->n; ++k) {
        const nkg_row *r = l->v[k];
        if (i + r->ntoks > t->ntoks || r->ntoks < best)
            continue;
        size_t j = 1;
        for (; j < r->ntoks; ++j) {
            const nkg_tok *tk = &t->toks[i + j];
            if (strcmp(tk->norm, r->toks[j]) != 0)
                break;
            /* A phrase does not run across a sentence or a line. */
            if (tk->flags & NKG_TOK_NL)
                break;
        }
        if (j < r->ntoks)
            continue;
        if (r->ntoks > best) {
            best = r->ntoks;
            n = 0;
        }
        if (n < max)
            out[n++] = r;
    }
    *len_out = best;
    return n;
}

const nkg_row *nkg_table_find(const nkg_table *tab, const char *phrase)
{
    return tab ? nkg_strmap_get(&tab->by_phrase, phrase) : NULL;
}
