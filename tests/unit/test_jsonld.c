/* test_jsonld.c - the JSON-LD writer and reader (jsonld.h). */
#include <stdlib.h>
#include <string.h>
#include "jsonld.h"
#include "tap.h"

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define EX "http://example.org/"

static raptor_world *world;

/* ------------------------------------------------------------- datasets */

typedef struct {
    raptor_statement **q;
    size_t n, cap;
} dataset;

static raptor_term *term(const char *t)
{
    /* "<iri>", "_:label", or a literal: "\"lex\"", "\"lex\"@lang",
     * "\"lex\"^^<dt>" (the lexical form has no '"'). */
    if (t[0] == '<') {
        size_t n = strlen(t) - 2;
        return raptor_new_term_from_counted_uri_string(world, (const unsigned char *)t + 1, n);
    }
    if (t[0] == '_')
        return raptor_new_term_from_blank(world, (const unsigned char *)t + 2);
    const char *end = strchr(t + 1, '"');
    size_t len = (size_t)(end - t - 1);
    char *lex = malloc(len + 1);
    memcpy(lex, t + 1, len);
    lex[len] = '\0';
    raptor_term *r;
    if (end[1] == '@') {
        r = raptor_new_term_from_counted_literal(world, (const unsigned char *)lex, len, NULL,
                                                 (const unsigned char *)end + 2,
                                                 (unsigned char)strlen(end + 2));
    } else if (end[1] == '^') {
        char *dt = strdup(end + 4);
        dt[strlen(dt) - 1] = '\0';
        raptor_uri *u = raptor_new_uri(world, (const unsigned char *)dt);
        r = raptor_new_term_from_counted_literal(world, (const unsigned char *)lex, len, u, NULL, 0);
        raptor_free_uri(u);
        free(dt);
    } else {
        r = raptor_new_term_from_counted_literal(world, (const unsigned char *)lex, len, NULL, NULL, 0);
    }
    free(lex);
    return r;
}

static void add(dataset *ds, const char *s, const char *p, const char *o, const char *g)
{
    if (ds->n == ds->cap) {
        ds->cap = ds->cap ? ds->cap * 2 : 16;
        ds->q = realloc(ds->q, ds->cap * sizeof *ds->q);
    }
    ds->q[ds->n++] = raptor_new_statement_from_nodes(world, term(s), term(p), term(o),
                                                     g ? term(g) : NULL);
}

/* A literal term with an arbitrary lexical form (may hold '"' or NUL). */
static void add_lit(dataset *ds, const char *s, const char *p, const char *lex, size_t len,
                    const char *dt)
{
    raptor_uri *u = dt ? raptor_new_uri(world, (const unsigned char *)dt) : NULL;
    raptor_term *o = raptor_new_term_from_counted_literal(world, (const unsigned char *)lex, len,
                                                          u, NULL, 0);
    if (u)
        raptor_free_uri(u);
    if (ds->n == ds->cap) {
        ds->cap = ds->cap ? ds->cap * 2 : 16;
        ds->q = realloc(ds->q, ds->cap * sizeof *ds->q);
    }
    ds->q[ds->n++] = raptor_new_statement_from_nodes(world, term(s), term(p), o, NULL);
}

static void ds_free(dataset *ds)
{
    for (size_t i = 0; i < ds->n; ++i)
        raptor_free_statement(ds->q[i]);
    free(ds->q);
    memset(ds, 0, sizeof *ds);
}

/* The writer's output as a malloc'd string, or NULL on error (d set). */
static char *write_str(const dataset *ds, const nkg_jsonld_options *opt, nkg_status *st,
                       nkg_diag *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    *st = nkg_jsonld_write(f, world, ds->q, ds->n, opt, d);
    fclose(f);
    if (*st != NKG_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

static const char *const prefixes[][2] = {
    {"ex", EX}, {"rdf", RDF}, {"xsd", XSD}, {"odd", "http://odd.example/ns"},
};

/* ------------------------------------------------------ reading, comparing */

static void on_stmt(void *ud, raptor_statement *st)
{
    dataset *ds = ud;
    if (ds->n == ds->cap) {
        ds->cap = ds->cap ? ds->cap * 2 : 16;
        ds->q = realloc(ds->q, ds->cap * sizeof *ds->q);
    }
    ds->q[ds->n++] = raptor_statement_copy(st);
}

static nkg_status read_str(const char *json, dataset *out, nkg_diag *d)
{
    return nkg_jsonld_read(world, "t.jsonld", json, strlen(json), out, on_stmt, d);
}

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The dataset as sorted N-Quads lines joined by '\n' (blank labels as
 * they are: compare ground datasets only). */
static char *canon(const dataset *ds)
{
    char **lines = calloc(ds->n + 1, sizeof *lines);
    size_t total = 1;
    for (size_t i = 0; i < ds->n; ++i) {
        raptor_statement *s = ds->q[i];
        unsigned char *t[4] = {raptor_term_to_string(s->subject),
                               raptor_term_to_string(s->predicate),
                               raptor_term_to_string(s->object),
                               s->graph ? raptor_term_to_string(s->graph) : NULL};
        size_t n = 8;
        for (int k = 0; k < 4; ++k)
            n += t[k] ? strlen((char *)t[k]) : 0;
        lines[i] = malloc(n);
        snprintf(lines[i], n, "%s %s %s%s%s", t[0], t[1], t[2], t[3] ? " " : "",
                 t[3] ? (char *)t[3] : "");
        for (int k = 0; k < 4; ++k)
            if (t[k])
                raptor_free_memory(t[k]);
        total += strlen(lines[i]) + 1;
    }
    qsort(lines, ds->n, sizeof *lines, cmp_line);
    char *out = malloc(total);
    out[0] = '\0';
    for (size_t i = 0; i < ds->n; ++i) {
        /* drop repeats: a dataset is a set */
        if (i && strcmp(lines[i], lines[i - 1]) == 0) {
            free(lines[i]);
            lines[i] = NULL;
            continue;
        }
        strcat(out, lines[i]);
        strcat(out, "\n");
    }
    for (size_t i = 0; i < ds->n; ++i)
        free(lines[i]);
    free(lines);
    return out;
}

static int contains(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

/* ------------------------------------------------------------------ tests */

static void test_escaping(void)
{
    dataset ds = {0};
    const char lex[] = "tab\there \"q\" back\\slash \x01\x1f nul\0end \xc3\xa9\xe2\x82\xac \xf0\x9f\x98\x80";
    add_lit(&ds, "<" EX "s>", "<" EX "p>", lex, sizeof lex - 1, NULL);
    nkg_jsonld_options opt = {0};
    opt.expanded = 1;
    nkg_status st;
    nkg_diag d = {0};
    char *out = write_str(&ds, &opt, &st, &d);
    CHECK(st == NKG_OK, "escaping: writes");
    CHECK(contains(out, "\"@value\": \"tab\\there \\\"q\\\" back\\\\slash \\u0001\\u001f nul\\u0000end "
                        "\xc3\xa9\xe2\x82\xac \xf0\x9f\x98\x80\""),
          "escaping: \\t, quote, backslash, \\u00XX for controls and NUL, UTF-8 kept");
    free(out);
    ds_free(&ds);

    /* Bytes that are not UTF-8 cannot be JSON: an error, no output. */
    add_lit(&ds, "<" EX "s>", "<" EX "p>", "bad \xff", 5, NULL);
    nkg_diag_clear(&d);
    out = write_str(&ds, &opt, &st, &d);
    CHECK(st == NKG_ERR_INPUT && !out && contains(d.msg, "UTF-8"), "escaping: invalid UTF-8 is an error");
    ds_free(&ds);
}

static void test_native_types(void)
{
    dataset ds = {0};
    add(&ds, "<" EX "s>", "<" EX "i>", "\"42\"^^<" XSD "integer>", NULL);
    add(&ds, "<" EX "s>", "<" EX "neg>", "\"-007\"^^<" XSD "integer>", NULL);
    add(&ds, "<" EX "s>", "<" EX "d>", "\"1.1E-1\"^^<" XSD "double>", NULL);
    add(&ds, "<" EX "s>", "<" EX "big>", "\"1e21\"^^<" XSD "double>", NULL);
    add(&ds, "<" EX "s>", "<" EX "small>", "\"1E-7\"^^<" XSD "double>", NULL);
    add(&ds, "<" EX "s>", "<" EX "mid>", "\"123456.5\"^^<" XSD "double>", NULL);
    add(&ds, "<" EX "s>", "<" EX "inf>", "\"INF\"^^<" XSD "double>", NULL);
    add(&ds, "<" EX "s>", "<" EX "t>", "\"true\"^^<" XSD "boolean>", NULL);
    add(&ds, "<" EX "s>", "<" EX "f>", "\"0\"^^<" XSD "boolean>", NULL);
    add(&ds, "<" EX "s>", "<" EX "bad>", "\"yes\"^^<" XSD "boolean>", NULL);
    add(&ds, "<" EX "s>", "<" EX "dec>", "\"1.50\"^^<" XSD "decimal>", NULL);
    nkg_jsonld_options opt = {0};
    opt.expanded = 1;
    opt.use_native_types = 1;
    nkg_status st;
    nkg_diag d = {0};
    char *out = write_str(&ds, &opt, &st, &d);
    CHECK(st == NKG_OK, "native: writes");
    CHECK(contains(out, "\"" EX "i\": [{\"@value\": 42}]"), "native: xsd:integer 42");
    CHECK(contains(out, "\"" EX "neg\": [{\"@value\": -7}]"), "native: xsd:integer -007 is -7");
    CHECK(contains(out, "\"" EX "d\": [{\"@value\": 0.11}]"), "native: xsd:double 1.1E-1 is 0.11");
    CHECK(contains(out, "\"" EX "big\": [{\"@value\": 1e+21}]"), "native: 1e21 as ECMAScript writes it");
    CHECK(contains(out, "\"" EX "small\": [{\"@value\": 1e-7}]"), "native: 1E-7 is 1e-7");
    CHECK(contains(out, "\"" EX "mid\": [{\"@value\": 123456.5}]"), "native: 123456.5");
    CHECK(contains(out, "{\"@value\": \"INF\", \"@type\": \"" XSD "double\"}"), "native: INF stays a string");
    CHECK(contains(out, "\"" EX "t\": [{\"@value\": true}]"), "native: boolean true");
    CHECK(contains(out, "\"" EX "f\": [{\"@value\": false}]"), "native: boolean 0 is false");
    CHECK(contains(out, "{\"@value\": \"yes\", \"@type\": \"" XSD "boolean\"}"), "native: a bad boolean stays typed");
    CHECK(contains(out, "{\"@value\": \"1.50\", \"@type\": \"" XSD "decimal\"}"), "native: decimal stays typed");
    free(out);

    /* Without the option nothing is converted. */
    opt.use_native_types = 0;
    out = write_str(&ds, &opt, &st, &d);
    CHECK(contains(out, "{\"@value\": \"42\", \"@type\": \"" XSD "integer\"}"), "native off: typed strings");
    free(out);
    ds_free(&ds);

    /* rdf:JSON: parsed (canonical JSON); invalid ones are an error. */
    add_lit(&ds, "<" EX "s>", "<" EX "j>", "{ \"b\": [1.0, true], \"a\": null }", 31, RDF "JSON");
    out = write_str(&ds, &opt, &st, &d);
    CHECK(contains(out, "[{\"@value\": {\"a\":null,\"b\":[1,true]}, \"@type\": \"@json\"}]"),
          "rdf:JSON: written as its JSON value");
    free(out);
    ds_free(&ds);
    add_lit(&ds, "<" EX "s>", "<" EX "j>", "[{]", 3, RDF "JSON");
    nkg_diag_clear(&d);
    out = write_str(&ds, &opt, &st, &d);
    CHECK(st == NKG_ERR_INPUT && !out && contains(d.msg, "invalid JSON literal"),
          "rdf:JSON: an invalid JSON literal is an error");
    ds_free(&ds);
}

static void test_lists_and_graphs(void)
{
    dataset ds = {0};
    add(&ds, "<" EX "s>", "<" EX "list>", "_:l1", NULL);
    add(&ds, "_:l1", "<" RDF "first>", "\"a\"", NULL);
    add(&ds, "_:l1", "<" RDF "rest>", "_:l2", NULL);
    add(&ds, "_:l2", "<" RDF "first>", "<" EX "b>", NULL);
    add(&ds, "_:l2", "<" RDF "rest>", "<" RDF "nil>", NULL);
    add(&ds, "<" EX "s>", "<" EX "empty>", "<" RDF "nil>", NULL);
    /* An ill-formed one (two rdf:first) stays nodes. */
    add(&ds, "<" EX "s>", "<" EX "bad>", "_:m1", NULL);
    add(&ds, "_:m1", "<" RDF "first>", "\"x\"", NULL);
    add(&ds, "_:m1", "<" RDF "first>", "\"y\"", NULL);
    add(&ds, "_:m1", "<" RDF "rest>", "<" RDF "nil>", NULL);
    /* A list in a named graph. */
    add(&ds, "<" EX "s>", "<" EX "glist>", "_:g1", "<" EX "G>");
    add(&ds, "_:g1", "<" RDF "first>", "\"in G\"", "<" EX "G>");
    add(&ds, "_:g1", "<" RDF "rest>", "<" RDF "nil>", "<" EX "G>");
    add(&ds, "<" EX "G>", "<" EX "label>", "\"the graph\"", NULL);
    nkg_jsonld_options opt = {0};
    opt.expanded = 1;
    nkg_status st;
    nkg_diag d = {0};
    char *out = write_str(&ds, &opt, &st, &d);
    CHECK(st == NKG_OK, "lists: writes");
    CHECK(contains(out, "\"" EX "list\": [\n      {\n        \"@list\": [\n          {\"@value\": \"a\"},\n"
                        "          {\"@id\": \"" EX "b\"}\n        ]\n      }\n    ]"),
          "lists: a well-formed list is @list in order");
    CHECK(contains(out, "\"" EX "empty\": [{\"@list\": []}]"), "lists: rdf:nil is an empty @list");
    CHECK(contains(out, "\"@id\": \"_:m1\"") && contains(out, "\"" EX "bad\": [{\"@id\": \"_:m1\"}]"),
          "lists: an ill-formed list stays nodes");
    CHECK(!contains(out, "\"@id\": \"_:l1\"") && !contains(out, "\"@id\": \"_:g1\""),
          "lists: list nodes are gone");
    CHECK(contains(out, "\"@id\": \"" EX "G\",\n    \"" EX "label\": [{\"@value\": \"the graph\"}],\n"
                        "    \"@graph\": [\n      {\n        \"@id\": \"" EX "s\",\n        \"" EX
                        "glist\": [{\"@list\": [{\"@value\": \"in G\"}]}]"),
          "graphs: the named graph is @graph of its node, with its list");
    free(out);
    ds_free(&ds);
}

static void test_compact(void)
{
    dataset ds = {0};
    add(&ds, "<" EX "a>", "<" RDF "type>", "<" EX "Person>", NULL);
    add(&ds, "<" EX "a>", "<" EX "name>", "\"Alice\"", NULL);
    add(&ds, "<" EX "a>", "<" EX "name>", "\"Alicia\"@es", NULL);
    add(&ds, "<" EX "a>", "<" EX "age>", "\"42\"^^<" XSD "integer>", NULL);
    add(&ds, "<" EX "a>", "<" EX "padded>", "\"042\"^^<" XSD "integer>", NULL);
    add(&ds, "<" EX "a>", "<" EX "ok>", "\"true\"^^<" XSD "boolean>", NULL);
    add(&ds, "<" EX "a>", "<" EX "when>", "\"2024-01-02\"^^<" XSD "date>", NULL);
    add(&ds, "<" EX "a>", "<" EX "knows>", "<" EX "with/slash>", NULL);
    add(&ds, "<" EX "a>", "<" EX "knows>", "<http://odd.example/nsThing>", NULL);
    add(&ds, "<" EX "b>", "<" EX "in>", "<" EX "G>", "<" EX "G>");
    nkg_jsonld_options opt = {0};
    opt.prefixes = prefixes;
    opt.n_prefixes = sizeof prefixes / sizeof prefixes[0];
    nkg_status st;
    nkg_diag d = {0};
    char *out = write_str(&ds, &opt, &st, &d);
    CHECK(st == NKG_OK, "compact: writes");
    CHECK(out && strncmp(out, "{\n  \"@context\": {\n    \"ex\": \"" EX "\",", 30) == 0,
          "compact: starts with @context of the prefixes");
    CHECK(contains(out, "\"odd\": {\n      \"@id\": \"http://odd.example/ns\",\n      \"@prefix\": true\n    }"),
          "compact: a namespace without a gen-delim end is an explicit @prefix");
    CHECK(contains(out, "\"@graph\": [\n    {\n      \"@id\": \"ex:G\",\n      \"@graph\": [\n"),
          "compact: a named graph is {@id, @graph}");
    CHECK(contains(out, "\"@id\": \"ex:a\",\n      \"@type\": \"ex:Person\","), "compact: @type, compact IRIs");
    CHECK(contains(out, "\"ex:age\": 42,"), "compact: canonical xsd:integer as a number");
    CHECK(contains(out, "\"ex:padded\": {\"@value\": \"042\", \"@type\": \"xsd:integer\"}"),
          "compact: other integers typed");
    CHECK(contains(out, "\"ex:ok\": true"), "compact: xsd:boolean as a JSON boolean");
    CHECK(contains(out, "\"ex:when\": {\"@value\": \"2024-01-02\", \"@type\": \"xsd:date\"}"),
          "compact: other literals with a compact @type");
    CHECK(contains(out, "\"ex:name\": [\n        \"Alice\",\n        {\"@value\": \"Alicia\", \"@language\": \"es\"}\n      ]"),
          "compact: several values as an array, plain strings as strings");
    CHECK(contains(out, "{\"@id\": \"" EX "with/slash\"}") && contains(out, "{\"@id\": \"odd:Thing\"}"),
          "compact: a local part with '/' stays a full IRI");
    free(out);

    /* A full IRI whose scheme is a prefix name would be misread: the
     * prefix is left out of the context. */
    ds_free(&ds);
    add(&ds, "<ex:notcompact>", "<" EX "p>", "\"v\"", NULL);
    out = write_str(&ds, &opt, &st, &d);
    CHECK(st == NKG_OK && !contains(out, "\"ex\": ") && contains(out, "\"@id\": \"ex:notcompact\""),
          "compact: a prefix that a full IRI would collide with is not declared");
    free(out);
    ds_free(&ds);
}

static void test_determinism(void)
{
    dataset a = {0}, b = {0};
    const char *q[][4] = {
        {"<" EX "s>", "<" EX "p>", "\"1\"", NULL},
        {"<" EX "s>", "<" EX "p>", "\"2\"@en", NULL},
        {"<" EX "s>", "<" RDF "type>", "<" EX "T>", NULL},
        {"<" EX "s>", "<" EX "q>", "_:x", "<" EX "G>"},
        {"_:x", "<" EX "p>", "<" EX "o>", "<" EX "G>"},
        {"<" EX "t>", "<" EX "p>", "\"3\"^^<" XSD "integer>", NULL},
        {"<" EX "s>", "<" EX "l>", "_:l", NULL},
        {"_:l", "<" RDF "first>", "\"x\"", NULL},
        {"_:l", "<" RDF "rest>", "<" RDF "nil>", NULL},
    };
    size_t n = sizeof q / sizeof q[0];
    for (size_t i = 0; i < n; ++i)
        add(&a, q[i][0], q[i][1], q[i][2], q[i][3]);
    for (size_t i = n; i-- > 0;)
        add(&b, q[i][0], q[i][1], q[i][2], q[i][3]);
    add(&b, q[0][0], q[0][1], q[0][2], q[0][3]); /* a repeat changes nothing */
    for (int expanded = 0; expanded <= 1; ++expanded) {
        nkg_jsonld_options opt = {0};
        opt.expanded = expanded;
        opt.prefixes = prefixes;
        opt.n_prefixes = 2;
        nkg_status s1, s2;
        nkg_diag d = {0};
        char *o1 = write_str(&a, &opt, &s1, &d), *o2 = write_str(&b, &opt, &s2, &d);
        CHECK(s1 == NKG_OK && s2 == NKG_OK && strcmp(o1, o2) == 0,
              "determinism: the same quads in two orders give the same bytes (%s)",
              expanded ? "expanded" : "compact");
        free(o1);
        free(o2);
    }
    ds_free(&a);
    ds_free(&b);
}

static void test_round_trip(void)
{
    dataset ds = {0};
    add(&ds, "<" EX "a>", "<" RDF "type>", "<" EX "Person>", NULL);
    add(&ds, "<" EX "a>", "<" EX "name>", "\"Alice \\\\ \\u00e9\"", NULL);
    add(&ds, "<" EX "a>", "<" EX "name>", "\"Alicia\"@es", NULL);
    add(&ds, "<" EX "a>", "<" EX "age>", "\"42\"^^<" XSD "integer>", NULL);
    add(&ds, "<" EX "a>", "<" EX "age>", "\"042\"^^<" XSD "integer>", NULL);
    add(&ds, "<" EX "a>", "<" EX "h>", "\"1.5E0\"^^<" XSD "double>", NULL);
    add(&ds, "<" EX "a>", "<" EX "h>", "\"1.5\"^^<" XSD "double>", NULL);
    add(&ds, "<" EX "a>", "<" EX "ok>", "\"false\"^^<" XSD "boolean>", NULL);
    add(&ds, "<" EX "a>", "<" EX "json>", "\"[1,2]\"^^<" RDF "JSON>", NULL);
    add(&ds, "<" EX "a>", "<" EX "in>", "<" EX "G>", "<" EX "G>");
    add(&ds, "<" EX "G>", "<" EX "label>", "\"g\"", NULL);
    add(&ds, "<" EX "b>", "<" EX "x>", "<" EX "a>", "<" EX "H>");
    for (int expanded = 0; expanded <= 1; ++expanded) {
        nkg_jsonld_options opt = {0};
        opt.expanded = expanded;
        opt.prefixes = prefixes;
        opt.n_prefixes = sizeof prefixes / sizeof prefixes[0];
        nkg_status st;
        nkg_diag d = {0};
        char *out = write_str(&ds, &opt, &st, &d);
        dataset back = {0};
        nkg_status rs = out ? read_str(out, &back, &d) : NKG_ERR_INTERNAL;
        char *c1 = canon(&ds), *c2 = canon(&back);
        CHECK(st == NKG_OK && rs == NKG_OK && strcmp(c1, c2) == 0,
              "round trip: write (%s) then read gives the same dataset", expanded ? "expanded" : "compact");
        if (strcmp(c1, c2) != 0)
            printf("# wrote:\n%s# read:\n%s", c1, c2);
        free(c1);
        free(c2);
        free(out);
        ds_free(&back);
    }
    ds_free(&ds);

    /* Blank nodes and lists: same shape back (counted, labels differ). */
    add(&ds, "<" EX "s>", "<" EX "l>", "_:l1", NULL);
    add(&ds, "_:l1", "<" RDF "first>", "_:n", NULL);
    add(&ds, "_:l1", "<" RDF "rest>", "<" RDF "nil>", NULL);
    add(&ds, "_:n", "<" EX "p>", "\"v\"", NULL);
    nkg_jsonld_options opt = {0};
    nkg_status st;
    nkg_diag d = {0};
    char *out = write_str(&ds, &opt, &st, &d);
    dataset back = {0};
    CHECK(out && read_str(out, &back, &d) == NKG_OK && back.n == 4,
          "round trip: blank nodes and a list come back as 4 triples");
    free(out);
    ds_free(&back);
    ds_free(&ds);
}

static void test_reader(void)
{
    dataset ds = {0};
    nkg_diag d = {0};
    const char *doc =
        "{\"@context\": {\"@vocab\": \"" EX "\", \"@base\": \"" EX "base/\",\n"
        "  \"xsd\": \"" XSD "\", \"knows\": {\"@type\": \"@id\"},\n"
        "  \"tags\": {\"@container\": \"@list\"}, \"label\": {\"@language\": \"EN\"},\n"
        "  \"day\": {\"@id\": \"when\", \"@type\": \"xsd:date\"},\n"
        "  \"parent\": {\"@reverse\": \"child\"}, \"id\": \"@id\"},\n"
        " \"id\": \"me\", \"@type\": \"Person\", \"knows\": \"you\", \"tags\": [\"a\", 2],\n"
        " \"label\": \"hello\", \"day\": \"2024-01-02\", \"parent\": {\"@id\": \"mum\"},\n"
        " \"n\": [1, 2.5, 1e3, true, 12345678901234567890],\n"
        " \"@reverse\": {\"friend\": {\"@id\": \"them\"}}}";
    nkg_status st = read_str(doc, &ds, &d);
    char *c = canon(&ds);
    CHECK(st == NKG_OK, "reader: a compacted document with a context");
    CHECK(contains(c, "<" EX "base/me> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" EX "Person>"),
          "reader: @base for @id, @vocab for @type");
    CHECK(contains(c, "<" EX "base/me> <" EX "knows> <" EX "base/you>"), "reader: @type @id coercion");
    CHECK(contains(c, "<" EX "base/me> <" EX "label> \"hello\"@en"), "reader: term @language, lower-cased");
    CHECK(contains(c, "<" EX "base/me> <" EX "when> \"2024-01-02\"^^<" XSD "date>"),
          "reader: typed term with a compact IRI datatype");
    CHECK(contains(c, "<" EX "base/mum> <" EX "child> <" EX "base/me>"), "reader: a @reverse term");
    CHECK(contains(c, "<" EX "base/them> <" EX "friend> <" EX "base/me>"), "reader: @reverse");
    CHECK(contains(c, "\"1\"^^<" XSD "integer>") && contains(c, "\"2.5E0\"^^<" XSD "double>") &&
              contains(c, "\"1000\"^^<" XSD "integer>") && contains(c, "\"true\"^^<" XSD "boolean>") &&
              contains(c, "\"12345678901234567890\"^^<" XSD "integer>"),
          "reader: native numbers and booleans in canonical form");
    CHECK(contains(c, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"a\"") &&
              contains(c, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"2\"^^<" XSD "integer>"),
          "reader: @container @list");
    CHECK(ds.n == 16, "reader: 16 triples (got %zu)", ds.n);
    free(c);
    ds_free(&ds);

    /* Named graphs, blank graph names, @set, @graph at the top. */
    doc = "{\"@context\": {\"ex\": \"" EX "\"}, \"@graph\": ["
          "{\"@id\": \"ex:G\", \"@graph\": {\"@id\": \"ex:s\", \"ex:p\": {\"@set\": [\"x\"]}}},"
          "{\"@graph\": [{\"@id\": \"_:n\", \"ex:p\": {\"@id\": \"_:n\"}}]}]}";
    nkg_diag_clear(&d);
    st = read_str(doc, &ds, &d);
    c = canon(&ds);
    CHECK(st == NKG_OK && contains(c, "<" EX "s> <" EX "p> \"x\" <" EX "G>\n") &&
              contains(c, "_:b1 <" EX "p> _:b1 _:b0\n") && ds.n == 2,
          "reader: named graphs, @set, blank graph names");
    free(c);
    ds_free(&ds);

    /* Errors. */
    nkg_diag_clear(&d);
    st = read_str("{\"a\": [1,\n  2,]}", &ds, &d);
    CHECK(st == NKG_ERR_INPUT && contains(d.msg, "t.jsonld:2:5: ") && contains(d.msg, "(byte 14)"),
          "reader: a JSON syntax error names line, column and byte (%s)", d.msg);
    nkg_diag_clear(&d);
    st = read_str("{\"@context\": \"https://schema.org/\", \"name\": \"x\"}", &ds, &d);
    CHECK(st == NKG_ERR_INPUT && contains(d.msg, "remote contexts are not supported"),
          "reader: remote contexts are refused");
    nkg_diag_clear(&d);
    st = read_str("{\"@id\": \"" EX "s\", \"" EX "p\": {\"@value\": \"x\", \"" EX "q\": 1}}", &ds, &d);
    CHECK(st == NKG_ERR_INPUT && contains(d.msg, "invalid value object"), "reader: invalid value object");
    nkg_diag_clear(&d);
    st = read_str("{\"@context\": {\"a\": \"b:c\", \"b\": \"a:d\"}, \"a\": 1}", &ds, &d);
    CHECK(st == NKG_OK || st == NKG_ERR_INPUT, "reader: terms defined through each other do not loop");
    ds_free(&ds);
}

int main(void)
{
    world = raptor_new_world();
    raptor_world_open(world);
    test_escaping();
    test_native_types();
    test_lists_and_graphs();
    test_compact();
    test_determinism();
    test_round_trip();
    test_reader();
    raptor_free_world(world);
    return TAP_DONE();
}
