/* cli_convert.c - `newskg convert`: between Turtle, TriG, N-Triples,
 * N-Quads and JSON-LD. raptor2 reads and writes the RDF syntaxes, jsonld.c
 * the JSON-LD. The whole output is built in memory and written only on
 * success, so a failed run prints nothing on standard output. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "fileio.h"
#include "jsonld.h"
#include "utf8.h"
#include "vocab.h"

static const char convert_usage[] =
    "usage: newskg convert [-i turtle|ntriples|nquads|trig|jsonld]\n"
    "                      [-o turtle|ntriples|nquads|jsonld] [--expanded]\n"
    "                      [--use-native-types] [--use-rdf-type]\n"
    "                      [--rdf-direction=i18n-datatype|compound-literal]\n"
    "                      [-b|--base IRI] FILE|-\n"
    "The input format is guessed from the extension (.ttl .nt .nq .trig .jsonld\n"
    ".json) when -i is not given; the output format is nquads by default.\n"
    "JSON-LD output is newskg's compact form, or expanded with --expanded.\n"
    "--base is the base IRI for relative IRIs (default: the file's URI).\n"
    "--use-native-types, --use-rdf-type and --rdf-direction are the JSON-LD\n"
    "fromRdf options; --rdf-direction also applies when reading JSON-LD.\n"
    "Exit codes: 0 ok, 2 usage, 3 bad input, 4 I/O error, 5 other error.\n";

typedef struct {
    raptor_world *world;
    raptor_parser *parser; /* while a raptor parser runs, for locations */
    const char *fname; /* the input as named in messages */
    int writing;       /* raptor messages now come from a serializer */
    raptor_statement **q;
    size_t n, cap;
    char *(*ns)[2]; /* namespaces the input declared: malloc'd prefix, IRI */
    size_t nns, cns;
    int oom;
    nkg_diag d;
} conv;

/* 1 when s[0..n) is UTF-8 of Unicode scalar values: raptor2 lets "\ud800"
 * through as a surrogate, which no RDF syntax can carry. */
static int valid_utf8(const unsigned char *s, size_t n)
{
    return nkg_utf8_check((const char *)s, n) == n;
}

static void on_log(void *ud, raptor_log_message *m)
{
    conv *c = ud;
    if (m->level < RAPTOR_LOG_LEVEL_WARN)
        return;
    char where[64] = "";
    const raptor_locator *l = m->locator;
    if (!c->writing && l && l->line > 0) {
        if (l->column >= 0)
            snprintf(where, sizeof where, ":%d:%d", l->line, l->column + 1);
        else
            snprintf(where, sizeof where, ":%d", l->line);
    }
    /* One line of valid UTF-8: raptor2 quotes input (sometimes garbage)
     * in its messages. */
    char text[512];
    const unsigned char *t = (const unsigned char *)(m->text ? m->text : "error");
    size_t o = 0;
    for (size_t i = 0; t[i] && o + 4 < sizeof text;) {
        size_t len = 1;
        while (t[i + len] && len < 4 && (t[i + len] & 0xC0) == 0x80)
            len++;
        if (t[i] < 0x20 || t[i] == 0x7F) {
            text[o++] = ' ';
            i++;
        } else if (t[i] < 0x80) {
            text[o++] = (char)t[i++];
        } else if (nkg_utf8_seq(t + i, len) == len) {
            memcpy(text + o, t + i, len);
            o += len;
            i += len;
        } else {
            text[o++] = '?';
            i++;
        }
    }
    text[o] = '\0';
    if (m->level == RAPTOR_LOG_LEVEL_WARN) {
        fprintf(stderr, "newskg: %s%s: warning: %s\n", c->fname, where, text);
        return;
    }
    if (c->writing)
        nkg_diag_set(&c->d, NKG_ERR_RDF, "cannot serialize: %s", text);
    else
        nkg_diag_set(&c->d, NKG_ERR_INPUT, "%s%s: %s", c->fname, where, text);
}

static int valid_term(const raptor_term *t)
{
    size_t n;
    const unsigned char *s;
    if (!t)
        return 1;
    switch (t->type) {
    case RAPTOR_TERM_TYPE_URI:
        s = raptor_uri_as_counted_string(t->value.uri, &n);
        return valid_utf8(s, n);
    case RAPTOR_TERM_TYPE_BLANK:
        return valid_utf8(t->value.blank.string, t->value.blank.string_len);
    case RAPTOR_TERM_TYPE_LITERAL:
        if (t->value.literal.datatype) {
            s = raptor_uri_as_counted_string(t->value.literal.datatype, &n);
            if (!valid_utf8(s, n))
                return 0;
        }
        return valid_utf8(t->value.literal.string, t->value.literal.string_len);
    default:
        return 1;
    }
}

static void on_statement(void *ud, raptor_statement *st)
{
    conv *c = ud;
    if (c->oom || c->d.status != NKG_OK)
        return;
    if (!valid_term(st->subject) || !valid_term(st->predicate) || !valid_term(st->object) ||
        !valid_term(st->graph)) {
        raptor_locator *l = c->parser ? raptor_parser_get_locator(c->parser) : NULL;
        if (l && l->line > 0)
            nkg_diag_set(&c->d, NKG_ERR_INPUT, "%s:%d: a term is not valid Unicode "
                         "(a surrogate escape such as \\ud800?)", c->fname, l->line);
        else
            nkg_diag_set(&c->d, NKG_ERR_INPUT, "%s: a term is not valid Unicode", c->fname);
        return;
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        raptor_statement **q = realloc(c->q, cap * sizeof *q);
        if (!q) {
            c->oom = 1;
            return;
        }
        c->q = q;
        c->cap = cap;
    }
    raptor_statement *copy = raptor_statement_copy(st);
    if (!copy) {
        c->oom = 1;
        return;
    }
    c->q[c->n++] = copy;
}

static char *dupstr(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static void on_namespace(void *ud, raptor_namespace *ns)
{
    conv *c = ud;
    const unsigned char *prefix = raptor_namespace_get_prefix(ns);
    raptor_uri *uri = raptor_namespace_get_uri(ns);
    if (!prefix || !*prefix || !uri || c->oom)
        return; /* the empty prefix cannot be a JSON-LD term */
    const char *iri = (const char *)raptor_uri_as_string(uri);
    for (size_t i = 0; i < c->nns; ++i) {
        if (strcmp(c->ns[i][0], (const char *)prefix) == 0) {
            char *v = dupstr(iri); /* a redefinition: the last one wins */
            if (!v) {
                c->oom = 1;
                return;
            }
            free(c->ns[i][1]);
            c->ns[i][1] = v;
            return;
        }
    }
    if (c->nns == c->cns) {
        size_t cap = c->cns ? c->cns * 2 : 16;
        char *(*p)[2] = realloc(c->ns, cap * sizeof *p);
        if (!p) {
            c->oom = 1;
            return;
        }
        c->ns = p;
        c->cns = cap;
    }
    char *a = dupstr((const char *)prefix), *b = dupstr(iri);
    if (!a || !b) {
        free(a);
        free(b);
        c->oom = 1;
        return;
    }
    c->ns[c->nns][0] = a;
    c->ns[c->nns][1] = b;
    c->nns++;
}

static const char *guess_format(const char *path)
{
    static const struct { const char *ext, *fmt; } exts[] = {
        {".ttl", "turtle"}, {".nt", "ntriples"}, {".nq", "nquads"},
        {".trig", "trig"},  {".jsonld", "jsonld"}, {".json", "jsonld"},
    };
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; ++i) {
        size_t e = strlen(exts[i].ext);
        if (n > e && strcmp(path + n - e, exts[i].ext) == 0)
            return exts[i].fmt;
    }
    return NULL;
}

/* The canonical name of a format (or of an alias as serialize.c knows
 * them), when it is among names; else NULL. */
static const char *format_name(const char *s, const char *const *names)
{
    static const char *const alias[][2] = {
        {"ttl", "turtle"}, {"nt", "ntriples"}, {"nq", "nquads"}, {"json-ld", "jsonld"},
    };
    for (size_t i = 0; i < sizeof alias / sizeof alias[0]; ++i)
        if (strcmp(s, alias[i][0]) == 0)
            s = alias[i][1];
    for (; *names; ++names)
        if (strcmp(s, *names) == 0)
            return *names;
    return NULL;
}

static void on_jsonld(void *ud, raptor_statement *st) { on_statement(ud, st); }

static nkg_status parse_input(conv *c, const char *fmt, const char *bytes, size_t len,
                              const char *base, nkg_rdf_direction dir)
{
    if (strcmp(fmt, "jsonld") == 0) {
        nkg_jsonld_read_options ro = {base, dir};
        nkg_status st = nkg_jsonld_read_opts(c->world, c->fname, bytes, len, &ro, c, on_jsonld, &c->d);
        if (st == NKG_OK && c->oom)
            st = nkg_diag_set(&c->d, NKG_ERR_NOMEM, "out of memory");
        return st;
    }
    raptor_parser *p = raptor_new_parser(c->world, fmt);
    if (!p)
        return nkg_diag_set(&c->d, NKG_ERR_RDF, "raptor has no %s parser", fmt);
    raptor_parser_set_statement_handler(p, c, on_statement);
    raptor_parser_set_namespace_handler(p, c, on_namespace);
    raptor_uri *b = raptor_new_uri(c->world, (const unsigned char *)base);
    c->parser = p;
    int rc = !b || raptor_parser_parse_start(p, b) ||
             raptor_parser_parse_chunk(p, (const unsigned char *)bytes, len, 1);
    c->parser = NULL;
    if (b)
        raptor_free_uri(b);
    raptor_free_parser(p);
    if (c->oom)
        return nkg_diag_set(&c->d, NKG_ERR_NOMEM, "out of memory");
    if (c->d.status != NKG_OK)
        return c->d.status;
    if (rc)
        return nkg_diag_set(&c->d, NKG_ERR_INPUT, "%s: cannot parse as %s", c->fname, fmt);
    return NKG_OK;
}

static int iri_uses(const raptor_term *t, const char *ns, size_t nl)
{
    if (!t)
        return 0;
    raptor_uri *u = t->type == RAPTOR_TERM_TYPE_URI       ? t->value.uri
                    : t->type == RAPTOR_TERM_TYPE_LITERAL ? t->value.literal.datatype
                                                          : NULL;
    return u && strncmp((const char *)raptor_uri_as_string(u), ns, nl) == 0;
}

/* The prefixes to write: newskg's table, then the input's own, each kept
 * only when some IRI of the dataset starts with its namespace. The result
 * borrows the strings; free() the array. */
static const char *(*used_prefixes(const conv *c, size_t *np))[2]
{
    size_t total = nkg_n_prefixes + c->nns, m = 0;
    const char *(*p)[2] = malloc((total ? total : 1) * sizeof *p);
    if (!p)
        return NULL;
    for (size_t i = 0; i < total; ++i) {
        const char *pfx = i < nkg_n_prefixes ? nkg_prefixes[i][0] : c->ns[i - nkg_n_prefixes][0];
        const char *ns = i < nkg_n_prefixes ? nkg_prefixes[i][1] : c->ns[i - nkg_n_prefixes][1];
        size_t nl = strlen(ns), k;
        for (k = 0; k < m; ++k)
            if (strcmp(p[k][0], pfx) == 0 || strcmp(p[k][1], ns) == 0)
                break;
        if (k < m || !nl)
            continue;
        for (k = 0; k < c->n; ++k) {
            const raptor_statement *s = c->q[k];
            if (iri_uses(s->subject, ns, nl) || iri_uses(s->predicate, ns, nl) ||
                iri_uses(s->object, ns, nl) || iri_uses(s->graph, ns, nl))
                break;
        }
        if (k == c->n)
            continue;
        p[m][0] = pfx;
        p[m][1] = ns;
        m++;
    }
    *np = m;
    return p;
}

static nkg_status write_raptor(conv *c, const char *fmt, char **out, size_t *len)
{
    int quads = strcmp(fmt, "nquads") == 0;
    if (!quads) {
        for (size_t i = 0; i < c->n; ++i)
            if (c->q[i]->graph)
                return nkg_diag_set(&c->d, NKG_ERR_INPUT,
                                    "%s: the input has named graphs, which %s cannot hold "
                                    "(use -o nquads or -o jsonld)", c->fname, fmt);
    }
    raptor_serializer *ser = raptor_new_serializer(c->world, fmt);
    if (!ser)
        return nkg_diag_set(&c->d, NKG_ERR_RDF, "raptor has no %s serializer", fmt);
    /* A memory stream, not raptor's string iostream, which costs a heap
     * block per small write (1.3 GB for 260,000 triples). */
    char *str = NULL;
    size_t slen = 0;
    FILE *f = open_memstream(&str, &slen);
    int rc = !f;
    c->writing = 1;
    if (!rc && strcmp(fmt, "turtle") == 0) {
        size_t np = 0;
        const char *(*p)[2] = used_prefixes(c, &np);
        rc = !p;
        for (size_t i = 0; !rc && i < np; ++i) {
            /* raptor's Turtle serializer declares rdf: itself and refuses
             * a second one. */
            if (strcmp(p[i][0], "rdf") == 0)
                continue;
            raptor_uri *u = raptor_new_uri(c->world, (const unsigned char *)p[i][1]);
            rc = !u || raptor_serializer_set_namespace(ser, u, (const unsigned char *)p[i][0]);
            if (u)
                raptor_free_uri(u);
        }
        free(p);
    }
    int started = !rc && !raptor_serializer_start_to_file_handle(ser, NULL, f);
    rc = rc || !started;
    for (size_t i = 0; i < c->n && !rc; ++i)
        rc = raptor_serializer_serialize_statement(ser, c->q[i]);
    if (started)
        rc = raptor_serializer_serialize_end(ser) || rc;
    raptor_free_serializer(ser);
    if (f && fclose(f) != 0)
        rc = 1;
    c->writing = 0;
    if (rc || !str) {
        free(str);
        if (c->d.status != NKG_OK)
            return c->d.status;
        return nkg_diag_set(&c->d, NKG_ERR_RDF, "cannot serialize %s", fmt);
    }
    *out = str;
    *len = slen;
    return NKG_OK;
}

static nkg_status write_jsonld(conv *c, nkg_jsonld_options *opt, char **out, size_t *len)
{
    size_t np = 0;
    const char *(*p)[2] = used_prefixes(c, &np);
    if (!p)
        return nkg_diag_set(&c->d, NKG_ERR_NOMEM, "out of memory");
    opt->prefixes = (const char *const (*)[2])p;
    opt->n_prefixes = np;
    char *str = NULL;
    size_t slen = 0;
    FILE *f = open_memstream(&str, &slen);
    nkg_status st;
    nkg_diag wd = {0};
    if (!f) {
        st = nkg_diag_set(&c->d, NKG_ERR_NOMEM, "out of memory");
    } else {
        st = nkg_jsonld_write(f, c->world, c->q, c->n, opt, &wd);
        if (fclose(f) != 0 && st == NKG_OK)
            st = nkg_diag_set(&wd, NKG_ERR_NOMEM, "out of memory");
        /* The writer's messages are about the dataset: name its source. */
        if (st != NKG_OK)
            nkg_diag_set(&c->d, st, "%s: %s", c->fname, wd.msg[0] ? wd.msg : nkg_strerror(st));
    }
    free(p);
    if (st != NKG_OK) {
        free(str);
        return st;
    }
    *out = str;
    *len = slen;
    return NKG_OK;
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("newskg: convert: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fputs(convert_usage, stderr);
    return nkg_exit_code(NKG_ERR_USAGE);
}

/* `newskg convert`: argv (borrowed) holds "convert" and its arguments.
 * Returns the exit code; prints only the output (stdout) or one error line
 * (stderr). */
int nkg_cli_convert(int argc, char **argv)
{
    static const char *const in_fmts[] = {"turtle", "ntriples", "nquads", "trig", "jsonld", NULL};
    static const char *const out_fmts[] = {"turtle", "ntriples", "nquads", "jsonld", NULL};
    const char *in_fmt = NULL, *out_fmt = "nquads", *base = NULL, *path = NULL;
    nkg_jsonld_options jo = {0};
    jo.expanded = 0;
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        const char *val = NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(convert_usage, stdout);
            return 0;
        }
        if (i + 1 == argc && (strcmp(a, "-i") == 0 || strcmp(a, "--input") == 0 ||
                              strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 ||
                              strcmp(a, "-b") == 0 || strcmp(a, "--base") == 0 ||
                              strcmp(a, "--rdf-direction") == 0))
            return usage_error("option %s needs a value", a);
        if (nkg_opt_value(argc, argv, &i, "-i", "--input", &val)) {
            if (!(in_fmt = format_name(val, in_fmts)))
                return usage_error("unknown input format '%s'", val);
        } else if (nkg_opt_value(argc, argv, &i, "-o", "--output", &val)) {
            if (!(out_fmt = format_name(val, out_fmts)))
                return usage_error("unknown output format '%s'", val);
        } else if (nkg_opt_value(argc, argv, &i, "-b", "--base", &val)) {
            base = val;
        } else if (nkg_opt_value(argc, argv, &i, "--rdf-direction", "--rdf-direction", &val)) {
            if (strcmp(val, "i18n-datatype") == 0)
                jo.rdf_direction = NKG_RDFDIR_I18N_DATATYPE;
            else if (strcmp(val, "compound-literal") == 0)
                jo.rdf_direction = NKG_RDFDIR_COMPOUND;
            else
                return usage_error("unknown --rdf-direction '%s'", val);
        } else if (strcmp(a, "--expanded") == 0) {
            jo.expanded = 1;
        } else if (strcmp(a, "--use-native-types") == 0) {
            jo.use_native_types = 1;
        } else if (strcmp(a, "--use-rdf-type") == 0) {
            jo.use_rdf_type = 1;
        } else if (strcmp(a, "--") == 0) {
            if (i + 2 != argc || path)
                return usage_error("%s", "exactly one input must follow --");
            path = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option '%s'", a);
        } else if (path) {
            return usage_error("more than one input: '%s'", a);
        } else {
            path = a;
        }
    }
    if (!path)
        return usage_error("%s", "no input given");
    if (!in_fmt && !(in_fmt = guess_format(path)))
        return usage_error("cannot tell the format of '%s' from its name: use -i", path);

    conv c = {0};
    c.fname = strcmp(path, "-") == 0 ? "stdin" : path;
    char *bytes = NULL, *out = NULL;
    size_t len = 0, outlen = 0;
    char *file_uri = NULL;
    nkg_status st = nkg_read_file(path, &bytes, &len, &c.d);
    if (st == NKG_OK) {
        c.world = raptor_new_world();
        if (!c.world)
            st = nkg_diag_set(&c.d, NKG_ERR_NOMEM, "out of memory");
    }
    if (st == NKG_OK) {
        /* Before raptor_world_open: raptor must never print by itself. */
        raptor_world_set_log_handler(c.world, &c, on_log);
        if (raptor_world_open(c.world))
            st = nkg_diag_set(&c.d, NKG_ERR_RDF, "cannot initialize raptor");
    }
    if (st == NKG_OK && !base) {
        if (strcmp(path, "-") == 0) {
            base = "file:///dev/stdin";
        } else {
            file_uri = (char *)raptor_uri_filename_to_uri_string(path);
            if (!file_uri)
                st = nkg_diag_set(&c.d, NKG_ERR_NOMEM, "out of memory");
            base = file_uri;
        }
    }
    if (st == NKG_OK)
        st = parse_input(&c, in_fmt, bytes, len, base, jo.rdf_direction);
    if (st == NKG_OK) {
        if (strcmp(out_fmt, "jsonld") == 0)
            st = write_jsonld(&c, &jo, &out, &outlen);
        else
            st = write_raptor(&c, out_fmt, &out, &outlen);
    }
    if (st == NKG_OK) {
        if (fwrite(out, 1, outlen, stdout) != outlen || fflush(stdout) != 0)
            st = nkg_diag_set(&c.d, NKG_ERR_IO, "cannot write the output: %s", strerror(errno));
    }
    int rc = st == NKG_OK ? 0 : nkg_cli_fail(&c.d, st);

    free(out);
    free(bytes);
    if (file_uri)
        raptor_free_memory(file_uri);
    for (size_t i = 0; i < c.n; ++i)
        raptor_free_statement(c.q[i]);
    free(c.q);
    for (size_t i = 0; i < c.nns; ++i) {
        free(c.ns[i][0]);
        free(c.ns[i][1]);
    }
    free(c.ns);
    if (c.world)
        raptor_free_world(c.world);
    return rc;
}
