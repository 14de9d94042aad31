/* ingest.c - read articles from plain text, HTML and JSON Lines.
 *
 * Every reader checks the whole input (NUL bytes, UTF-8, emptiness, JSONL
 * syntax of every line) before it hands out the first article, so a bad
 * file yields exactly one diagnostic and no article.
 *
 * Messages name the file as given; byte offsets in them count from 0, JSONL
 * lines from 1 and JSONL columns (in code points) from 1.
 */
#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fileio.h"
#include "ingest.h"
#include "json.h"

/* Bytes of the white-space code point at s[0..n), or 0. White space is ASCII
 * white space plus the Unicode spaces (NBSP, U+1680, U+2000..U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000, U+0085). */
static size_t ws_len(const unsigned char *s, size_t n)
{
    if (n == 0)
        return 0;
    switch (s[0]) {
    case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
        return 1;
    case 0xC2:
        return n >= 2 && (s[1] == 0x85 || s[1] == 0xA0) ? 2 : 0;
    case 0xE1:
        return n >= 3 && s[1] == 0x9A && s[2] == 0x80 ? 3 : 0;
    case 0xE2:
        if (n < 3)
            return 0;
        if (s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xA8 ||
                             s[2] == 0xA9 || s[2] == 0xAF))
            return 3; /* U+2000..U+200A, U+2028, U+2029, U+202F */
        return s[1] == 0x81 && s[2] == 0x9F ? 3 : 0;
    case 0xE3:
        return n >= 3 && s[1] == 0x80 && s[2] == 0x80 ? 3 : 0;
    default:
        return 0;
    }
}

static int has_bom(const char *s, size_t n)
{
    return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
}

/* A trimmed arena copy of s[0..n), or NULL when nothing is left (or out of
 * memory: metadata is optional, so the caller treats both as absent). */
static char *trim_dup(nkg_arena *a, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t b = 0, e = 0, k;
    while (b < n && (k = ws_len(u + b, n - b)) > 0)
        b += k;
    for (size_t i = b; i < n;) {
        k = ws_len(u + i, n - i);
        if (k) {
            i += k;
        } else {
            i++;
            e = i;
        }
    }
    return e > b ? nkg_arena_strndup(a, s + b, e - b) : NULL;
}

/* An arena copy of s with white-space runs collapsed to one space and both
 * ends trimmed; NULL when empty or not UTF-8. */
static char *collapse_dup(nkg_arena *a, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    if (nkg_utf8_check(s, n) != n)
        return NULL;
    char *out = nkg_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0;
    int space = 0;
    for (size_t i = 0; i < n;) {
        size_t k = ws_len(u + i, n - i);
        if (k) {
            space = 1;
            i += k;
            continue;
        }
        if (space && o > 0)
            out[o++] = ' ';
        space = 0;
        out[o++] = s[i++];
    }
    out[o] = '\0';
    return o ? out : NULL;
}

/* ------------------------------------------------------------ file names */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

/* The format an extension stands for, or NKG_FMT_AUTO. */
static nkg_input_format ext_format(const char *path)
{
    if (!path)
        return NKG_FMT_AUTO;
    const char *base = base_name(path);
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return NKG_FMT_AUTO;
    static const struct { const char *ext; nkg_input_format fmt; } tab[] = {
        {"txt", NKG_FMT_TEXT},    {"text", NKG_FMT_TEXT},  {"html", NKG_FMT_HTML},
        {"htm", NKG_FMT_HTML},    {"xhtml", NKG_FMT_HTML}, {"jsonl", NKG_FMT_JSONL},
        {"ndjson", NKG_FMT_JSONL},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (strcasecmp(dot + 1, tab[i].ext) == 0)
            return tab[i].fmt;
    return NKG_FMT_AUTO;
}

nkg_input_format nkg_ingest_guess(const char *path, const char *bytes, size_t n)
{
    nkg_input_format f = ext_format(path);
    if (f != NKG_FMT_AUTO)
        return f;
    if (!bytes)
        return NKG_FMT_TEXT;
    size_t i = has_bom(bytes, n) ? 3 : 0;
    while (i < n && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' ||
                     bytes[i] == '\r' || bytes[i] == '\f' || bytes[i] == '\v'))
        i++;
    if (i < n && bytes[i] == '<')
        return NKG_FMT_HTML;
    if (i < n && bytes[i] == '{')
        return NKG_FMT_JSONL;
    return NKG_FMT_TEXT;
}

/* ------------------------------------------------------------ the checks */

/* 1 when s[0..n) holds nothing but a BOM and white space (Unicode white
 * space when `unicode`, else ASCII only: the bytes may not be UTF-8). */
static int blank(const char *s, size_t n, int unicode)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = has_bom(s, n) ? 3 : 0;
    while (i < n) {
        size_t k = unicode ? ws_len(u + i, n - i) : (u[i] == ' ' || (u[i] >= '\t' && u[i] <= '\r'));
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

/* The checks every format shares: not empty, no NUL, UTF-8 (when utf8). */
static nkg_status check_bytes(const char *name, const char *s, size_t n, int utf8,
                              nkg_diag *d)
{
    if (n == 0)
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: empty file", name);
    const char *nul = memchr(s, '\0', n);
    if (nul)
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: binary file (NUL byte at byte %zu)",
                            name, (size_t)(nul - s));
    if (utf8) {
        size_t bad = nkg_utf8_check(s, n);
        if (bad != n)
            return nkg_diag_set(d, NKG_ERR_INPUT, "%s: invalid UTF-8 at byte %zu", name, bad);
    }
    if (blank(s, n, utf8))
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: empty file", name);
    return NKG_OK;
}

static nkg_article *new_article(nkg_arena *a, const char *name)
{
    nkg_article *art = nkg_arena_alloc(a, sizeof *art);
    if (art) {
        art->id = nkg_arena_strdup(a, base_name(name));
        art->source = nkg_arena_strdup(a, name);
        if (!art->id || !art->source)
            return NULL;
    }
    return art;
}

static nkg_status nomem(nkg_diag *d, const char *name)
{
    return nkg_diag_set(d, NKG_ERR_NOMEM, "%s: out of memory", name);
}

/* ------------------------------------------------------------ plain text */

static nkg_status read_text(nkg_arena *a, const char *name, const char *s, size_t n,
                            nkg_article_fn fn, void *ud, nkg_diag *d)
{
    nkg_status st = check_bytes(name, s, n, 1, d);
    if (st != NKG_OK)
        return st;
    nkg_article *art = new_article(a, name);
    if (!art || !(art->text = nkg_arena_strndup(a, s, n)))
        return nomem(d, name);
    art->text_len = n;
    art->text_cps = nkg_utf8_count(s, n);
    /* Title: the first line that is not blank; the BOM is not part of it. */
    size_t i = has_bom(s, n) ? 3 : 0;
    while (i < n && !art->title) {
        size_t e = i;
        while (e < n && s[e] != '\n' && s[e] != '\r')
            e++;
        art->title = trim_dup(a, s + i, e - i);
        i = e + 1;
    }
    return fn ? fn(ud, art) : NKG_OK;
}

/* ------------------------------------------------------------ JSON Lines */

/* A metadata member: absent or null -> NULL; a string -> its trimmed copy
 * (NULL when blank). Numbers are accepted when `num_ok` (ids). */
static nkg_status meta_field(nkg_arena *a, const nkg_json *v, const char *key,
                             int num_ok, const char **out, const char *src, nkg_diag *d)
{
    *out = NULL;
    if (!v || v->type == NKG_JSON_NULL)
        return NKG_OK;
    if (v->type == NKG_JSON_NUMBER && num_ok) {
        *out = v->str;
        return NKG_OK;
    }
    if (v->type != NKG_JSON_STRING)
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: \"%s\" must be a string", src, key);
    if (strlen(v->str) != v->len)
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: \"%s\" contains a NUL character", src, key);
    *out = trim_dup(a, v->str, v->len);
    return NKG_OK;
}

/* The article of one parsed JSONL record, or an error naming src. */
static nkg_status jsonl_article(nkg_arena *a, const char *name, size_t line,
                                const nkg_json *o, nkg_article **out, nkg_diag *d)
{
    const char *where = nkg_arena_printf(a, "%s:%zu", name, line);
    if (!where)
        return nomem(d, name);

    if (o->type != NKG_JSON_OBJECT)
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: not a JSON object", where);
    const nkg_json *text = nkg_json_get(o, "text");
    if (!text)
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: missing \"text\"", where);
    if (text->type != NKG_JSON_STRING)
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: \"text\" must be a string", where);
    if (strlen(text->str) != text->len)
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: \"text\" contains a NUL character", where);
    if (blank(text->str, text->len, 1))
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: \"text\" is empty", where);

    nkg_article *art = nkg_arena_alloc(a, sizeof *art);
    if (!art)
        return nomem(d, name);
    art->source = where;
    art->text = text->str; /* exactly as decoded: the tree lives in the arena */
    art->text_len = text->len;
    art->text_cps = nkg_utf8_count(text->str, text->len);

    const nkg_json *date = nkg_json_get(o, "published");
    const char *date_key = "published";
    if (!date || date->type == NKG_JSON_NULL) {
        date = nkg_json_get(o, "date");
        date_key = "date";
    }
    nkg_status st;
    if ((st = meta_field(a, nkg_json_get(o, "id"), "id", 1, &art->id, where, d)) ||
        (st = meta_field(a, nkg_json_get(o, "url"), "url", 0, &art->url, where, d)) ||
        (st = meta_field(a, nkg_json_get(o, "title"), "title", 0, &art->title, where, d)) ||
        (st = meta_field(a, date, date_key, 0, &art->published, where, d)))
        return st;
    const nkg_json *pub = nkg_json_get(o, "publisher");
    if (pub && pub->type == NKG_JSON_OBJECT) /* {"name": ...}, as in schema.org */
        pub = nkg_json_get(pub, "name");
    if ((st = meta_field(a, pub, "publisher", 0, &art->publisher, where, d)))
        return st;
    if (!art->id && !(art->id = nkg_arena_printf(a, "%s#%zu", base_name(name), line)))
        return nomem(d, name);
    *out = art;
    return NKG_OK;
}

static nkg_status read_jsonl(nkg_arena *a, const char *name, const char *s, size_t n,
                             nkg_article_fn fn, void *ud, nkg_diag *d)
{
    nkg_status st = check_bytes(name, s, n, 1, d);
    if (st != NKG_OK)
        return st;
    nkg_article **arts = NULL;
    size_t narts = 0, cap = 0, line = 1;
    /* A BOM may start the file; it is not part of line 1's JSON. */
    for (size_t pos = has_bom(s, n) ? 3 : 0; pos < n; line++) {
        const char *nl = memchr(s + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - s) : n;
        const char *ln = s + pos;
        size_t len = end - pos;
        pos = end + 1;
        size_t k = 0;
        while (k < len && (ln[k] == ' ' || ln[k] == '\t' || ln[k] == '\r'))
            k++;
        if (k == len)
            continue; /* blank lines separate nothing */
        nkg_json *v = NULL;
        size_t off = 0;
        nkg_diag jd = {0};
        st = nkg_json_parse(a, ln, len, &v, &off, &jd);
        if (st == NKG_ERR_INPUT) {
            st = nkg_diag_set(d, st, "%s:%zu:%zu: %s", name, line,
                              nkg_utf8_count(ln, off) + 1, jd.msg);
            goto out;
        }
        if (st != NKG_OK) {
            st = nomem(d, name);
            goto out;
        }
        nkg_article *art = NULL;
        if ((st = jsonl_article(a, name, line, v, &art, d)) != NKG_OK)
            goto out;
        if (narts == cap) {
            cap = cap ? cap * 2 : 16;
            nkg_article **na = realloc(arts, cap * sizeof *na);
            if (!na) {
                st = nomem(d, name);
                goto out;
            }
            arts = na;
        }
        arts[narts++] = art;
    }
    if (narts == 0) {
        st = nkg_diag_set(d, NKG_ERR_INPUT, "%s: no article", name);
        goto out;
    }
    /* Every line was valid: only now do articles go out. */
    for (size_t i = 0; i < narts && st == NKG_OK; i++)
        st = fn ? fn(ud, arts[i]) : NKG_OK;
out:
    free(arts);
    return st;
}

/* ------------------------------------------------------------------ HTML */

/* Case-insensitive search for needle (lower case) in s[0..n). */
static const char *find_ci(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp(s + i, needle, k) == 0)
            return s + i;
    return NULL;
}

/* Copies into cs the charset name that follows `key` (e.g. "charset") in
 * s[0..n), if any: key, optional blanks, '=', optional blanks and quote. */
static int charset_after(const char *s, size_t n, const char *key, char *cs, size_t cssz)
{
    const char *p = find_ci(s, n, key);
    if (!p)
        return 0;
    const char *e = s + n;
    p += strlen(key);
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    if (p >= e || *p != '=')
        return 0;
    p++;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '"' ||
                     *p == '\''))
        p++;
    size_t k = 0;
    while (p < e && k + 1 < cssz &&
           (((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_' || *p == '.' || *p == ':'))
        cs[k++] = *p++;
    cs[k] = '\0';
    return k > 0;
}

/* The character encoding the document declares: an XML declaration's
 * encoding, or a <meta charset> / <meta http-equiv content="...charset=">
 * before <body>. Returns 0 when none is declared. */
static int html_charset(const char *s, size_t n, char *cs, size_t cssz)
{
    size_t i = has_bom(s, n) ? 3 : 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    if (n - i >= 5 && strncmp(s + i, "<?xml", 5) == 0) {
        const char *end = memchr(s + i, '>', n - i);
        size_t len = end ? (size_t)(end - (s + i)) : n - i;
        if (charset_after(s + i, len, "encoding", cs, cssz))
            return 1;
    }
    /* Only the head can declare a charset; bound the scan for huge pages. */
    size_t lim = n < 65536 ? n : 65536;
    const char *body = find_ci(s, lim, "<body");
    if (body)
        lim = (size_t)(body - s);
    for (const char *p = s; (p = find_ci(p, lim - (size_t)(p - s), "<meta")) != NULL;) {
        /* The tag ends at '>' or, in broken markup, where the next tag
         * starts; so every byte is looked at once, not once per tag. */
        size_t len = 5;
        while (len < lim - (size_t)(p - s) && p[len] != '>' && p[len] != '<')
            len++;
        if (charset_after(p, len, "charset", cs, cssz))
            return 1;
        p += len;
    }
    return 0;
}

/* Labels that mean UTF-8 here. As in browsers, a meta tag that claims a
 * 16- or 32-bit Unicode form on an 8-bit document means UTF-8 too. */
static int means_utf8(const char *cs)
{
    static const char *const prefixes[] = {"utf-8", "utf8", "unicode", "utf-16", "utf16",
                                           "utf-32", "utf32", "ucs-2", "ucs2", "ucs-4",
                                           "ucs4", "iso-10646", NULL};
    for (size_t i = 0; prefixes[i]; i++)
        if (strncasecmp(cs, prefixes[i], strlen(prefixes[i])) == 0)
            return 1;
    return 0;
}

/* Converts s[0..n) from charset cs to UTF-8 in a malloc'd buffer (*out,
 * owned by the caller). Bytes that do not decode become U+FFFD, as in
 * browsers. We convert rather than libxml2 because its converter reports
 * failures on stderr and silently drops the rest of the document. */
static nkg_status to_utf8(const char *name, const char *cs, const char *s, size_t n,
                          char **out, size_t *outlen, nkg_diag *d)
{
    iconv_t cd = iconv_open("UTF-8", cs);
    if (cd == (iconv_t)-1)
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: unsupported charset \"%s\"", name, cs);
    size_t cap = n < SIZE_MAX / 4 ? n * 2 + 64 : n;
    char *buf = malloc(cap);
    char *in = (char *)s; /* iconv's prototype is not const-correct */
    size_t inleft = n, used = 0;
    nkg_status st = NKG_OK;
    /* UTF-8 output has no shift state, so no final flush call is needed. */
    while (buf && inleft > 0) {
        char *o = buf + used;
        size_t oleft = cap - used;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        int e = errno;
        used = (size_t)(o - buf);
        if (r != (size_t)-1)
            continue;
        if (e == E2BIG || cap - used < 3) {
            char *nb = cap < SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
            if (e == E2BIG)
                continue;
        }
        if (e != EILSEQ && e != EINVAL) {
            st = nkg_diag_set(d, NKG_ERR_INPUT, "%s: cannot decode charset \"%s\"", name, cs);
            break;
        }
        /* An undecodable or truncated sequence: U+FFFD for one byte. */
        memcpy(buf + used, "\xEF\xBF\xBD", 3);
        used += 3;
        in++;
        inleft--;
    }
    iconv_close(cd);
    if (!buf)
        return nomem(d, name);
    if (st != NKG_OK) {
        free(buf);
        return st;
    }
    *out = buf;
    *outlen = used;
    return NKG_OK;
}

static int name_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static int name_in(const xmlNode *n, const char *const *names)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    for (; *names; names++)
        if (strcmp((const char *)n->name, *names) == 0)
            return 1;
    return 0;
}

/* The value of attribute `name`, borrowed from the tree: the HTML parser
 * stores a value as one text child. "" for a valueless attribute, NULL when
 * absent. */
static const char *attr(const xmlNode *n, const char *name)
{
    xmlAttr *at = xmlHasProp(n, (const xmlChar *)name);
    if (!at || at->type != XML_ATTRIBUTE_NODE)
        return NULL;
    if (at->children && at->children->type == XML_TEXT_NODE && !at->children->next &&
        at->children->content)
        return (const char *)at->children->content;
    return "";
}

/* Elements whose content is not article text (captions are noise too). */
static const char *const skipped_names[] = {
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "figure", "figcaption", "select", "textarea", "object",
    "embed", "canvas", "audio", "video", "head", "title", NULL};

static int skipped(const xmlNode *n)
{
    return name_in(n, skipped_names) || attr(n, "hidden") != NULL;
}

/* Pre-order successor of n below root; descend into n's children when
 * `down`. Iterative, so a deeply nested document cannot exhaust the stack. */
static xmlNode *next_node(xmlNode *n, const xmlNode *root, int down)
{
    if (down && n->children)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* What the metadata walk finds; the first find of each slot wins. */
enum { M_OG_TITLE, M_TITLE, M_H1, M_PUB_OG, M_PUB_NAME, M_PUB_ITEMPROP, M_PUB_TIME,
       M_SITE_OG, M_SITE_PUB, M_SITE_APP, M_CANONICAL, M_OG_URL, M_COUNT };

typedef struct {
    nkg_arena *a;
    const char *v[M_COUNT];
} html_meta;

static void set_slot(html_meta *m, int slot, const char *value)
{
    if (!m->v[slot] && value)
        m->v[slot] = collapse_dup(m->a, value);
}

/* Text content of an element (collapsed), for <title>, <h1> and the like. */
static void set_slot_text(html_meta *m, int slot, xmlNode *n)
{
    if (m->v[slot])
        return;
    xmlChar *t = xmlNodeGetContent(n);
    if (t) {
        set_slot(m, slot, (const char *)t);
        xmlFree(t);
    }
}

static void meta_tag(html_meta *m, const xmlNode *n)
{
    const char *content = attr(n, "content");
    if (!content)
        return;
    const char *key = attr(n, "property");
    if (!key || !*key)
        key = attr(n, "name"); /* some sites put og: keys in name= */
    const char *ip = attr(n, "itemprop");
    if (ip && strcasecmp(ip, "datePublished") == 0)
        set_slot(m, M_PUB_ITEMPROP, content);
    if (!key)
        return;
    static const struct { const char *key; int slot; } tab[] = {
        {"og:title", M_OG_TITLE},          {"article:published_time", M_PUB_OG},
        {"pubdate", M_PUB_NAME},           {"date", M_PUB_NAME},
        {"dc.date.issued", M_PUB_NAME},    {"publishdate", M_PUB_NAME},
        {"og:site_name", M_SITE_OG},       {"publisher", M_SITE_PUB},
        {"application-name", M_SITE_APP}, {"og:url", M_OG_URL},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (strcasecmp(key, tab[i].key) == 0)
            set_slot(m, tab[i].slot, content);
}

/* 1 when the space-separated token list `list` holds `tok` (ASCII case
 * insensitive), as for rel="canonical". */
static int has_token(const char *list, const char *tok)
{
    size_t k = strlen(tok);
    for (const char *p = list; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            p++;
        const char *b = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f')
            p++;
        if ((size_t)(p - b) == k && strncasecmp(b, tok, k) == 0)
            return 1;
    }
    return 0;
}

/* One walk over the whole document for the metadata. */
static void html_metadata(html_meta *m, xmlNode *root)
{
    for (xmlNode *n = root; n;) {
        int down = 1;
        if (n->type == XML_ELEMENT_NODE) {
            if (name_is(n, "meta")) {
                meta_tag(m, n);
            } else if (name_is(n, "title")) {
                set_slot_text(m, M_TITLE, n);
                down = 0;
            } else if (name_is(n, "h1")) {
                set_slot_text(m, M_H1, n);
            } else if (name_is(n, "link")) {
                const char *rel = attr(n, "rel"), *href = attr(n, "href");
                if (rel && href && has_token(rel, "canonical"))
                    set_slot(m, M_CANONICAL, href);
            } else if (name_is(n, "svg") || name_is(n, "script") || name_is(n, "style") ||
                       name_is(n, "template")) {
                down = 0; /* an svg <title> is not the page's */
            }
            const char *ip = attr(n, "itemprop");
            if (ip && strcasecmp(ip, "datePublished") == 0 && !name_is(n, "meta")) {
                const char *dt = attr(n, "datetime");
                if (!dt)
                    dt = attr(n, "content");
                if (dt)
                    set_slot(m, M_PUB_ITEMPROP, dt);
                else
                    set_slot_text(m, M_PUB_ITEMPROP, n);
            }
        }
        n = next_node(n, root, down);
    }
}

/* The first <time datetime> of the article, outside related-story boxes. */
static void article_time(html_meta *m, xmlNode *art)
{
    for (xmlNode *n = art->children; n && !m->v[M_PUB_TIME];) {
        int down = !(name_is(n, "aside") || name_is(n, "nav"));
        if (name_is(n, "time"))
            set_slot(m, M_PUB_TIME, attr(n, "datetime"));
        n = next_node(n, art, down);
    }
}

/* Where the text is: the first <article>, <main> and <body> outside
 * skipped elements. */
static void content_roots(xmlNode *root, xmlNode **article, xmlNode **main_el, xmlNode **body)
{
    *article = *main_el = *body = NULL;
    for (xmlNode *n = root; n;) {
        int down = 1;
        if (n->type == XML_ELEMENT_NODE) {
            if (n != root && skipped(n))
                down = 0;
            else if (!*article && name_is(n, "article"))
                *article = n;
            else if (!*main_el && name_is(n, "main"))
                *main_el = n;
            else if (!*body && name_is(n, "body"))
                *body = n;
        }
        n = next_node(n, root, down);
    }
}

/* Text builder: white space collapses to one space, block boundaries
 * become line breaks, nothing leads or trails. */
typedef struct {
    char *buf;
    size_t len, cap;
    int brk;   /* pending line breaks: 0, 1 ("\n") or 2 ("\n\n") */
    int space; /* pending space */
    int oom;
} textbuf;

static void tb_put(textbuf *t, const char *s, size_t n)
{
    if (t->oom)
        return;
    if (t->cap - t->len < n + 1) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap - t->len < n + 1)
            cap *= 2;
        char *nb = realloc(t->buf, cap);
        if (!nb) {
            t->oom = 1;
            return;
        }
        t->buf = nb;
        t->cap = cap;
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
}

static void tb_text(textbuf *t, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t k = ws_len(u + i, n - i);
        if (k) {
            t->space = 1;
            i += k;
            continue;
        }
        size_t run = i + 1; /* a run of ordinary bytes up to the next space */
        while (run < n && !ws_len(u + run, n - run))
            run++;
        if (t->len > 0) {
            if (t->brk)
                tb_put(t, "\n\n", (size_t)t->brk);
            else if (t->space)
                tb_put(t, " ", 1);
        }
        t->brk = t->space = 0;
        tb_put(t, s + i, run - i);
        i = run;
    }
}

enum { B_INLINE, B_LINE, B_PARA, B_CELL, B_BR };

static int block_kind(const xmlNode *n)
{
    static const char *const para[] = {
        "address", "article", "aside", "blockquote", "body", "center", "details", "dialog",
        "div", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "main", "nav", "noscript", "p", "pre",
        "section", "table", "iframe", "video", "audio", "canvas", "object", "textarea",
        "select", "template", NULL};
    /* Lists are line-level so that nested lists do not open blank lines. */
    static const char *const line[] = {"li", "dt", "dd", "tr", "caption", "legend", "summary",
                                       "option", "thead", "tbody", "tfoot", "ul", "ol", "dl",
                                       "menu", "dir", NULL};
    if (name_is(n, "br"))
        return B_BR;
    if (name_is(n, "td") || name_is(n, "th"))
        return B_CELL;
    if (name_in(n, line))
        return B_LINE;
    if (name_in(n, para))
        return B_PARA;
    return B_INLINE;
}

static void tb_boundary(textbuf *t, int kind)
{
    if (kind == B_PARA)
        t->brk = 2;
    else if (kind == B_LINE && t->brk < 1)
        t->brk = 1;
    else if (kind == B_CELL)
        t->space = 1;
    else if (kind == B_BR && t->brk < 2)
        t->brk++; /* <br><br> separates paragraphs */
}

/* The text of root's content (not of root's own block-ness). Skipped
 * elements still act as boundaries, as an empty block would. */
static void html_text(textbuf *t, xmlNode *root)
{
    xmlNode *n = root->children;
    while (n) {
        int down = 0;
        if (n->type == XML_ELEMENT_NODE) {
            int kind = block_kind(n);
            tb_boundary(t, kind);
            if (!skipped(n) && n->children && kind != B_BR)
                down = 1;
            else if (kind != B_BR)
                tb_boundary(t, kind);
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                   n->content) {
            tb_text(t, (const char *)n->content);
        }
        if (down) {
            n = n->children;
            continue;
        }
        /* Leave the elements we are done with: their end is a boundary too. */
        while (n && n != root && !n->next) {
            n = n->parent;
            if (n && n != root)
                tb_boundary(t, block_kind(n));
        }
        n = n && n != root ? n->next : NULL;
    }
}

static int xml_ready;

/* The article of an HTML document already in valid UTF-8. */
static nkg_status html_article(nkg_arena *a, const char *name, const char *s, size_t n,
                               nkg_article_fn fn, void *ud, nkg_diag *d)
{
    nkg_status st = NKG_OK;
    if (n > INT_MAX)
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: file too large for the HTML parser", name);
    if (!xml_ready) {
        xmlInitParser();
        xml_ready = 1;
    }
    /* With the encoding given, libxml2 ignores <meta charset>: the bytes are
     * UTF-8 by now whatever the document says. */
    htmlDocPtr doc = htmlReadMemory(s, (int)n, NULL, "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        xmlFreeDoc(doc);
        return nkg_diag_set(d, NKG_ERR_INPUT, "%s: HTML has no body text", name);
    }
    html_meta m = {.a = a};
    html_metadata(&m, root);
    xmlNode *art_el, *main_el, *body;
    content_roots(root, &art_el, &main_el, &body);
    if (art_el)
        article_time(&m, art_el);

    /* The first of article, main, body (else the whole page) with text. */
    xmlNode *cands[] = {art_el, main_el, body, root};
    textbuf t = {0};
    for (size_t i = 0; i < 4 && t.len == 0 && !t.oom; i++)
        if (cands[i])
            html_text(&t, cands[i]);
    xmlFreeDoc(doc);

    nkg_article *art = NULL;
    if (t.oom) {
        st = nomem(d, name);
    } else if (t.len == 0) {
        st = nkg_diag_set(d, NKG_ERR_INPUT, "%s: HTML has no body text", name);
    } else if (nkg_utf8_check(t.buf, t.len) != t.len) {
        /* libxml2 emits UTF-8; this guards the contract all the same. */
        st = nkg_diag_set(d, NKG_ERR_INPUT, "%s: cannot decode the HTML text", name);
    } else if (!(art = new_article(a, name)) || !(art->text = nkg_arena_strndup(a, t.buf, t.len))) {
        st = nomem(d, name);
    }
    if (st == NKG_OK) {
        art->text_len = t.len;
        art->text_cps = nkg_utf8_count(t.buf, t.len);
        art->from_markup = 1;
        art->title = m.v[M_OG_TITLE] ? m.v[M_OG_TITLE] : m.v[M_TITLE] ? m.v[M_TITLE] : m.v[M_H1];
        for (int k = M_PUB_OG; k <= M_PUB_TIME && !art->published; k++)
            art->published = m.v[k];
        for (int k = M_SITE_OG; k <= M_SITE_APP && !art->publisher; k++)
            art->publisher = m.v[k];
        art->url = m.v[M_CANONICAL] ? m.v[M_CANONICAL] : m.v[M_OG_URL];
    }
    free(t.buf);
    if (st != NKG_OK)
        return st;
    return fn ? fn(ud, art) : NKG_OK;
}

static nkg_status read_html(nkg_arena *a, const char *name, const char *s, size_t n,
                            nkg_article_fn fn, void *ud, nkg_diag *d)
{
    /* Empty and binary input first: they say more than a charset would. */
    nkg_status st = check_bytes(name, s, n, 0, d);
    if (st != NKG_OK)
        return st;
    char cs[64];
    if (has_bom(s, n) || !html_charset(s, n, cs, sizeof cs) || means_utf8(cs)) {
        if ((st = check_bytes(name, s, n, 1, d)) != NKG_OK)
            return st;
        return html_article(a, name, s, n, fn, ud, d);
    }
    char *u = NULL;
    size_t ulen = 0;
    if ((st = to_utf8(name, cs, s, n, &u, &ulen, d)) == NKG_OK &&
        (st = check_bytes(name, u, ulen, 1, d)) == NKG_OK)
        st = html_article(a, name, u, ulen, fn, ud, d);
    free(u);
    return st;
}

/* ------------------------------------------------------------ entry points */

nkg_status nkg_ingest_buffer(nkg_arena *arena, const char *name, const char *bytes,
                             size_t n, nkg_input_format fmt, nkg_article_fn fn,
                             void *ud, nkg_diag *d)
{
    if (!name)
        name = "input";
    if (!arena || (!bytes && n))
        return nkg_diag_set(d, NKG_ERR_INTERNAL, "%s: no arena or no buffer", name);
    if (!bytes)
        bytes = "";
    if (fmt == NKG_FMT_AUTO)
        fmt = nkg_ingest_guess(name, bytes, n);
    switch (fmt) {
    case NKG_FMT_HTML: return read_html(arena, name, bytes, n, fn, ud, d);
    case NKG_FMT_JSONL: return read_jsonl(arena, name, bytes, n, fn, ud, d);
    default: return read_text(arena, name, bytes, n, fn, ud, d);
    }
}

nkg_status nkg_ingest_file(nkg_arena *arena, const char *path, nkg_input_format fmt,
                           nkg_article_fn fn, void *ud, nkg_diag *d)
{
    if (!path)
        return nkg_diag_set(d, NKG_ERR_INTERNAL, "no file name");
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "stdin" : path;
    char *buf = NULL;
    size_t n = 0;
    nkg_status st = nkg_read_file(path, &buf, &n, d);
    if (st != NKG_OK)
        return st;
    if (fmt == NKG_FMT_AUTO)
        fmt = nkg_ingest_guess(is_stdin ? NULL : path, buf, n);
    st = nkg_ingest_buffer(arena, name, buf, n, fmt, fn, ud, d);
    free(buf);
    return st;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

nkg_status nkg_list_dir(nkg_arena *arena, const char *dir, char ***out, size_t *n,
                        nkg_diag *d)
{
    *out = NULL;
    *n = 0;
    DIR *dp = opendir(dir);
    if (!dp)
        return nkg_diag_set(d, NKG_ERR_IO, "%s: %s", dir, strerror(errno));
    size_t dlen = strlen(dir);
    int slash = dlen > 0 && dir[dlen - 1] == '/';
    char **names = NULL;
    size_t cnt = 0, cap = 0;
    nkg_status st = NKG_OK;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.' || ext_format(e->d_name) == NKG_FMT_AUTO)
            continue;
        char *full = nkg_arena_printf(arena, "%s%s%s", dir, slash ? "" : "/", e->d_name);
        if (!full) {
            st = nomem(d, dir);
            break;
        }
        struct stat sb;
        if (stat(full, &sb) != 0 || !S_ISREG(sb.st_mode))
            continue;
        if (cnt == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                st = nomem(d, dir);
                break;
            }
            names = nn;
        }
        names[cnt++] = full;
    }
    closedir(dp);
    if (st == NKG_OK && (cnt == 0 || !names)) {
        nkg_diag_set(d, NKG_ERR_INPUT, "%s: no article files", dir);
        st = NKG_ERR_INPUT;
    }
    if (st == NKG_OK && names) {
        /* Same directory prefix everywhere: sorting paths sorts the names. */
        qsort(names, cnt, sizeof *names, cmp_str);
        char **arr = nkg_arena_alloc(arena, cnt * sizeof *arr);
        if (!arr) {
            st = nomem(d, dir);
        } else {
            memcpy(arr, names, cnt * sizeof *arr);
            *out = arr;
            *n = cnt;
        }
    }
    free(names);
    return st;
}
