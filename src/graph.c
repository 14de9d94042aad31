/* graph.c - the librdf model behind a run: the only module that calls librdf.
 *
 * librdf ownership, in one place:
 *  - librdf_new_statement_from_nodes takes its nodes, even on failure;
 *  - librdf_model_context_add_statement copies the statement, borrows the
 *    context node;
 *  - librdf_stream_get_object / get_context2 return borrowed pointers.
 */
#include <stdlib.h>
#include <string.h>
#include <rasqal.h>
#include <redland.h>
#include "fileio.h"
#include "graph.h"
#include "jsonld.h"

/* The default graph is kept as a context of its own, named so that no input
 * uses it, and mapped back to "no graph" when read: librdf drops a triple
 * added without a context when a named graph already holds it (both
 * storages test "contains" across contexts), and the sqlite storage hands
 * back a row without a context with the context of the row before it. */
#define DEFAULT_GRAPH "urn:x-newskg:default-graph"

struct nkg_graph {
    librdf_world *world;
    librdf_storage *storage;
    librdf_model *model;
    librdf_node *default_ctx; /* DEFAULT_GRAPH */
    int in_transaction;
    nkg_diag *diag; /* where librdf's log goes while a call runs, or NULL */
    char first_log[512];
};

static int log_handler(void *ud, librdf_log_message *msg)
{
    nkg_graph *g = ud;
    /* Keep the first error for our one-line message; print nothing. */
    if (librdf_log_message_level(msg) >= LIBRDF_LOG_ERROR && !g->first_log[0]) {
        const char *m = librdf_log_message_message(msg);
        snprintf(g->first_log, sizeof g->first_log, "%s", m ? m : "librdf error");
    }
    return 1;
}

static void raptor_log(void *ud, raptor_log_message *msg)
{
    nkg_graph *g = ud;
    if (msg->level >= RAPTOR_LOG_LEVEL_ERROR && !g->first_log[0])
        snprintf(g->first_log, sizeof g->first_log, "%s", msg->text ? msg->text : "raptor error");
}

nkg_status nkg_graph_new(nkg_graph **out, const char *store, nkg_diag *d)
{
    int sqlite = 0;
    *out = NULL;
    nkg_graph *g = calloc(1, sizeof *g);
    if (!g)
        return nkg_diag_set(d, NKG_ERR_NOMEM, "out of memory");
    g->world = librdf_new_world();
    if (!g->world) {
        free(g);
        return nkg_diag_set(d, NKG_ERR_RDF, "cannot create the librdf world");
    }
    librdf_world_set_logger(g->world, g, log_handler);
    librdf_world_open(g->world);
    raptor_world_set_log_handler(librdf_world_get_raptor(g->world), g, raptor_log);
    if (!store || strcmp(store, "memory") == 0) {
        g->storage = librdf_new_storage(g->world, "hashes", "newskg",
                                        "hash-type='memory',contexts='yes'");
    } else if (strncmp(store, "sqlite:", 7) == 0 && store[7]) {
        /* Redland's sqlite storage creates the file with new='yes'; open an
         * existing one as it is, so runs add to what is there. */
        FILE *f = fopen(store + 7, "rb");
        const char *opts = f ? "contexts='yes'" : "new='yes',contexts='yes'";
        if (f)
            fclose(f);
        g->storage = librdf_new_storage(g->world, "sqlite", store + 7, opts);
        sqlite = 1;
    } else {
        nkg_graph_free(g);
        return nkg_diag_set(d, NKG_ERR_USAGE, "unknown store '%s' (use memory or sqlite:FILE)",
                            store);
    }
    if (g->storage)
        g->model = librdf_new_model(g->world, g->storage, NULL);
    if (g->model)
        g->default_ctx = librdf_new_node_from_uri_string(g->world,
                                                         (const unsigned char *)DEFAULT_GRAPH);
    if (!g->storage || !g->model || !g->default_ctx) {
        nkg_diag_set(d, NKG_ERR_RDF, "%s: cannot open the store%s%s", store ? store : "memory",
                     g->first_log[0] ? ": " : "", g->first_log);
        nkg_graph_free(g);
        return NKG_ERR_RDF;
    }
    /* One transaction per run: the sqlite storage otherwise commits (and
     * syncs) every statement on its own. nkg_graph_free commits it. */
    if (sqlite && librdf_model_transaction_start(g->model) == 0)
        g->in_transaction = 1;
    *out = g;
    return NKG_OK;
}

void nkg_graph_free(nkg_graph *g)
{
    if (!g)
        return;
    if (g->in_transaction)
        librdf_model_transaction_commit(g->model);
    if (g->default_ctx)
        librdf_free_node(g->default_ctx);
    if (g->model)
        librdf_free_model(g->model);
    if (g->storage)
        librdf_free_storage(g->storage);
    if (g->world)
        librdf_free_world(g->world);
    free(g);
}

raptor_world *nkg_graph_raptor(nkg_graph *g)
{
    return librdf_world_get_raptor(g->world);
}

static librdf_node *make_node(librdf_world *w, const nkg_term *t)
{
    switch (t->kind) {
    case NKG_TERM_IRI:
        return librdf_new_node_from_uri_string(w, (const unsigned char *)t->value);
    case NKG_TERM_BLANK:
        return librdf_new_node_from_blank_identifier(w, (const unsigned char *)t->value);
    case NKG_TERM_LITERAL: {
        librdf_uri *dt = NULL;
        if (t->datatype) {
            dt = librdf_new_uri(w, (const unsigned char *)t->datatype);
            if (!dt)
                return NULL;
        }
        librdf_node *n = librdf_new_node_from_typed_literal(w, (const unsigned char *)t->value,
                                                            t->lang, dt);
        if (dt)
            librdf_free_uri(dt);
        return n;
    }
    }
    return NULL;
}

static nkg_status graph_quad(void *h, const nkg_term *s, const nkg_term *p,
                             const nkg_term *o, const nkg_term *gr)
{
    nkg_graph *g = h;
    librdf_node *ns = make_node(g->world, s), *np = make_node(g->world, p),
                *no = make_node(g->world, o);
    if (!ns || !np || !no) {
        if (ns)
            librdf_free_node(ns);
        if (np)
            librdf_free_node(np);
        if (no)
            librdf_free_node(no);
        return NKG_ERR_RDF;
    }
    librdf_statement *st = librdf_new_statement_from_nodes(g->world, ns, np, no);
    if (!st)
        return NKG_ERR_NOMEM; /* the nodes went with it */
    librdf_node *ctx = gr ? make_node(g->world, gr) : NULL;
    int rc = gr && !ctx ? 1
                        : librdf_model_context_add_statement(g->model, ctx ? ctx : g->default_ctx, st);
    if (ctx)
        librdf_free_node(ctx);
    librdf_free_statement(st);
    return rc ? NKG_ERR_RDF : NKG_OK;
}

nkg_sink nkg_graph_sink(nkg_graph *g)
{
    nkg_sink k = {g, graph_quad};
    return k;
}

/* Total order on triples (graph ignored), then on quads: graph first, the
 * default graph first of all. qsort comparators over raptor_statement *. */
int nkg_triple_cmp(const void *a, const void *b)
{
    const raptor_statement *x = *(raptor_statement *const *)a;
    const raptor_statement *y = *(raptor_statement *const *)b;
    int c;
    if ((c = raptor_term_compare(x->subject, y->subject)))
        return c;
    if ((c = raptor_term_compare(x->predicate, y->predicate)))
        return c;
    return raptor_term_compare(x->object, y->object);
}

size_t nkg_triples_unique(raptor_statement **v, size_t n)
{
    if (n)
        qsort(v, n, sizeof *v, nkg_triple_cmp);
    size_t m = 0;
    for (size_t i = 0; i < n; ++i)
        if (!m || nkg_triple_cmp(&v[m - 1], &v[i]) != 0)
            v[m++] = v[i];
    return m;
}

int nkg_quad_cmp(const void *a, const void *b)
{
    const raptor_statement *x = *(raptor_statement *const *)a;
    const raptor_statement *y = *(raptor_statement *const *)b;
    if (!x->graph != !y->graph)
        return x->graph ? 1 : -1;
    int c = x->graph ? raptor_term_compare(x->graph, y->graph) : 0;
    return c ? c : nkg_triple_cmp(a, b);
}

/* A deep copy of a term. raptor_term_copy only adds a reference, and some
 * storages (sqlite) rewrite the terms of the statement a stream hands out
 * in place as it advances, so a shared reference would change under us. */
static raptor_term *term_dup(raptor_world *w, const raptor_term *t)
{
    if (!t)
        return NULL;
    switch (t->type) {
    case RAPTOR_TERM_TYPE_URI:
        return raptor_new_term_from_uri_string(w, raptor_uri_as_string(t->value.uri));
    case RAPTOR_TERM_TYPE_BLANK:
        return raptor_new_term_from_counted_blank(w, t->value.blank.string,
                                                  t->value.blank.string_len);
    case RAPTOR_TERM_TYPE_LITERAL: {
        raptor_uri *dt = t->value.literal.datatype
                             ? raptor_new_uri(w, raptor_uri_as_string(t->value.literal.datatype))
                             : NULL;
        raptor_term *c = raptor_new_term_from_counted_literal(
            w, t->value.literal.string, t->value.literal.string_len, dt, t->value.literal.language,
            (unsigned char)t->value.literal.language_len);
        if (dt)
            raptor_free_uri(dt);
        return c;
    }
    default:
        return NULL;
    }
}

static raptor_statement *quad_dup(raptor_world *w, const raptor_statement *st, const raptor_term *ctx)
{
    raptor_statement *c = raptor_new_statement(w);
    if (!c)
        return NULL;
    c->subject = term_dup(w, st->subject);
    c->predicate = term_dup(w, st->predicate);
    c->object = term_dup(w, st->object);
    c->graph = ctx ? term_dup(w, ctx) : NULL;
    if (!c->subject || !c->predicate || !c->object || (ctx && !c->graph)) {
        raptor_free_statement(c);
        return NULL;
    }
    return c;
}

nkg_status nkg_graph_quads(nkg_graph *g, raptor_statement ***out, size_t *n)
{
    raptor_world *rw = librdf_world_get_raptor(g->world);
    *out = NULL;
    *n = 0;
    librdf_stream *s = librdf_model_as_stream(g->model);
    if (!s)
        return NKG_ERR_RDF;
    size_t cap = 1024, len = 0;
    raptor_statement **v = malloc(cap * sizeof *v);
    nkg_status st = v ? NKG_OK : NKG_ERR_NOMEM;
    for (; st == NKG_OK && !librdf_stream_end(s); librdf_stream_next(s)) {
        librdf_statement *cur = librdf_stream_get_object(s);
        librdf_node *ctx = librdf_stream_get_context2(s);
        if (len == cap) {
            raptor_statement **nv = realloc(v, (cap *= 2) * sizeof *v);
            if (!nv) {
                st = NKG_ERR_NOMEM;
                break;
            }
            v = nv;
        }
        if (ctx && librdf_node_equals(ctx, g->default_ctx))
            ctx = NULL;
        raptor_statement *c = quad_dup(rw, cur, ctx);
        if (!c) {
            st = NKG_ERR_NOMEM;
            break;
        }
        v[len++] = c;
    }
    librdf_free_stream(s);
    if (st != NKG_OK) {
        nkg_quads_free(v, len);
        return st;
    }
    qsort(v, len, sizeof *v, nkg_quad_cmp);
    size_t k = 0;
    for (size_t i = 0; i < len; ++i) {
        if (k && nkg_quad_cmp(&v[k - 1], &v[i]) == 0)
            raptor_free_statement(v[i]);
        else
            v[k++] = v[i];
    }
    *out = v;
    *n = k;
    return NKG_OK;
}

void nkg_quads_free(raptor_statement **q, size_t n)
{
    if (!q)
        return;
    for (size_t i = 0; i < n; ++i)
        raptor_free_statement(q[i]);
    free(q);
}

size_t nkg_graph_size(nkg_graph *g)
{
    raptor_statement **q;
    size_t n;
    if (nkg_graph_quads(g, &q, &n) != NKG_OK)
        return 0;
    nkg_quads_free(q, n);
    return n;
}

/* The names a SELECT query projects, from the query itself: rasqal 0.9.33
 * reports no variables for a result that has no rows. Calls put(name, i, ud)
 * for each; returns how many. */
static int query_var_names(nkg_graph *g, const char *sparql,
                           void (*put)(const char *, int, void *), void *ud)
{
    int n = 0;
    rasqal_query *rq = rasqal_new_query(librdf_world_get_rasqal(g->world), "sparql", NULL);
    if (rq && rasqal_query_prepare(rq, (const unsigned char *)sparql, NULL) == 0) {
        raptor_sequence *vars = rasqal_query_get_bound_variable_sequence(rq);
        for (; vars && n < raptor_sequence_size(vars); ++n) {
            rasqal_variable *v = raptor_sequence_get_at(vars, n);
            put((const char *)v->name, n, ud);
        }
    }
    if (rq)
        rasqal_free_query(rq);
    return n;
}

typedef struct {
    FILE *out;
    const char *sep, *quote;
} name_out;

static void put_name(const char *name, int i, void *ud)
{
    name_out *o = ud;
    fprintf(o->out, "%s%s%s%s", i ? o->sep : "", o->quote, name, o->quote);
}

nkg_status nkg_graph_query(nkg_graph *g, const char *sparql, const char *format, FILE *out,
                           nkg_diag *d)
{
    g->first_log[0] = '\0';
    librdf_query *q = librdf_new_query(g->world, "sparql", NULL, (const unsigned char *)sparql,
                                       NULL);
    if (!q)
        return nkg_diag_set(d, NKG_ERR_INPUT, "query: %s",
                            g->first_log[0] ? g->first_log : "cannot parse the query");
    librdf_query_results *r = librdf_query_execute(q, g->model);
    if (!r) {
        librdf_free_query(q);
        return nkg_diag_set(d, NKG_ERR_INPUT, "query: %s",
                            g->first_log[0] ? g->first_log : "cannot run the query");
    }
    nkg_status st = NKG_OK;
    if (librdf_query_results_is_bindings(r) && (!format || strcmp(format, "table") == 0 ||
                                                strcmp(format, "csv") == 0)) {
        int csv = format && strcmp(format, "csv") == 0;
        int nb = librdf_query_results_get_bindings_count(r);
        for (int i = 0; i < nb; ++i)
            fprintf(out, "%s%s", i ? (csv ? "," : "\t") : "",
                    librdf_query_results_get_binding_name(r, i));
        if (nb == 0) {
            name_out o = {out, csv ? "," : "\t", ""};
            query_var_names(g, sparql, put_name, &o);
        }
        fputc('\n', out);
        while (!librdf_query_results_finished(r)) {
            for (int i = 0; i < nb; ++i) {
                librdf_node *v = librdf_query_results_get_binding_value(r, i);
                const char *txt = "";
                char *own = NULL;
                if (v) {
                    if (librdf_node_is_resource(v))
                        txt = (const char *)librdf_uri_as_string(librdf_node_get_uri(v));
                    else if (librdf_node_is_literal(v))
                        txt = (const char *)librdf_node_get_literal_value(v);
                    else if (librdf_node_is_blank(v))
                        txt = own = (char *)raptor_term_to_string(v);
                }
                if (csv && strpbrk(txt, ",\"\n")) {
                    fputs(i ? ",\"" : "\"", out);
                    for (const char *c = txt; *c; ++c) {
                        if (*c == '"')
                            fputc('"', out);
                        fputc(*c, out);
                    }
                    fputc('"', out);
                } else {
                    fprintf(out, "%s%s", i ? (csv ? "," : "\t") : "", txt);
                }
                free(own);
                if (v)
                    librdf_free_node(v);
            }
            fputc('\n', out);
            librdf_query_results_next(r);
        }
    } else {
        const char *name = format && strcmp(format, "json") == 0 ? "json" : "csv";
        if (librdf_query_results_is_bindings(r) && strcmp(name, "json") == 0 &&
            librdf_query_results_get_bindings_count(r) == 0) {
            /* No rows: rasqal would write no variables either. */
            name_out o = {out, ", ", "\""};
            fputs("{\n  \"head\": {\n    \"vars\": [ ", out);
            query_var_names(g, sparql, put_name, &o);
            fputs(" ]\n  },\n  \"results\": {\n    \"bindings\": [ ]\n  }\n}\n", out);
        } else if (librdf_query_results_is_bindings(r) || librdf_query_results_is_boolean(r)) {
            if (librdf_query_results_to_file_handle2(r, out, name, NULL, NULL, NULL))
                st = nkg_diag_set(d, NKG_ERR_RDF, "query: cannot format the results");
        } else {
            st = nkg_diag_set(d, NKG_ERR_USAGE, "query: only SELECT and ASK queries");
        }
    }
    librdf_free_query_results(r);
    librdf_free_query(q);
    return st;
}

typedef struct {
    nkg_graph *g;
    int failed;
} load_ctx;

static void load_statement(void *ud, raptor_statement *st)
{
    load_ctx *c = ud;
    /* librdf nodes are raptor terms of the same world: add as they are. */
    int rc = librdf_model_context_add_statement(c->g->model,
                                                st->graph ? st->graph : c->g->default_ctx, st);
    if (rc)
        c->failed = 1;
}

static const char *rdf_format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return "nquads";
    static const char *const map[][2] = {
        {".ttl", "turtle"}, {".turtle", "turtle"}, {".nt", "ntriples"}, {".nq", "nquads"},
        {".trig", "trig"}, {".jsonld", "jsonld"}, {".json", "jsonld"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; ++i)
        if (strcmp(dot, map[i][0]) == 0)
            return map[i][1];
    return "nquads";
}

static void jsonld_statement(void *ud, raptor_statement *st) { load_statement(ud, st); }

nkg_status nkg_graph_load(nkg_graph *g, const char *path, nkg_diag *d)
{
    int is_stdin = strcmp(path, "-") == 0;
    char *buf = NULL;
    size_t len = 0;
    nkg_status st = nkg_read_file(path, &buf, &len, d);
    if (st != NKG_OK)
        return st;
    const char *fmt = is_stdin ? "nquads" : rdf_format_of(path);
    raptor_world *rw = librdf_world_get_raptor(g->world);
    load_ctx c = {g, 0};
    g->first_log[0] = '\0';
    if (strcmp(fmt, "jsonld") == 0) {
        st = nkg_jsonld_read(rw, path, buf, len, &c, jsonld_statement, d);
    } else {
        raptor_parser *p = raptor_new_parser(rw, fmt);
        raptor_uri *base = raptor_new_uri(rw, (const unsigned char *)"file:///newskg-input");
        if (!p || !base) {
            st = NKG_ERR_RDF;
        } else {
            raptor_parser_set_statement_handler(p, &c, load_statement);
            if (raptor_parser_parse_start(p, base) ||
                raptor_parser_parse_chunk(p, (const unsigned char *)buf, len, 1) || g->first_log[0])
                st = nkg_diag_set(d, NKG_ERR_INPUT, "%s:%d: %s", path,
                                  raptor_locator_line(raptor_parser_get_locator(p)),
                                  g->first_log[0] ? g->first_log : "cannot parse");
        }
        if (p)
            raptor_free_parser(p);
        if (base)
            raptor_free_uri(base);
    }
    free(buf);
    if (st == NKG_OK && c.failed)
        st = nkg_diag_set(d, NKG_ERR_RDF, "%s: the store refused a statement", path);
    if (st == NKG_ERR_RDF)
        nkg_diag_set(d, st, "%s: RDF library error", path);
    return st;
}

nkg_status nkg_graph_clear(nkg_graph *g, const char *graph_iri)
{
    librdf_node *ctx = librdf_new_node_from_uri_string(g->world, (const unsigned char *)graph_iri);
    if (!ctx)
        return NKG_ERR_NOMEM;
    /* Failing to remove from an empty context is not an error. */
    librdf_model_context_remove_statements(g->model, ctx);
    librdf_free_node(ctx);
    return NKG_OK;
}
