/* test_push.c - Graph Store request URLs and endpoint redaction (push.h).
 * No network: the HTTP side is tested end to end by tests/push.sh. */
#include <stdlib.h>
#include "push.h"
#include "tap.h"

static void url_is(const char *endpoint, const char *graph, const char *want, const char *name)
{
    char *got = nkg_push_url(endpoint, graph);
    CHECK_STR(got, want, name);
    free(got);
}

static void redacted_is(const char *endpoint, const char *want, const char *name)
{
    char *got = nkg_push_redact(endpoint);
    CHECK_STR(got, want, name);
    free(got);
}

int main(void)
{
    url_is("http://h/gs", NULL, "http://h/gs?default", "default graph: ?default");
    url_is("http://h/gs?x=1", NULL, "http://h/gs?x=1&default", "default graph after a query: &default");
    url_is("http://h/gs", "https://w3id.org/newskg/id/article/a.txt",
           "http://h/gs?graph=https%3A%2F%2Fw3id.org%2Fnewskg%2Fid%2Farticle%2Fa.txt",
           "named graph: ':' and '/' encoded, '.' kept");
    url_is("http://h/gs?repo=x", "urn:g", "http://h/gs?repo=x&graph=urn%3Ag",
           "named graph after a query: &graph=");
    url_is("http://h/gs", "http://e/g?a=1&b=2#frag", "http://h/gs?graph=http%3A%2F%2Fe%2Fg%3Fa%3D1%26b%3D2%23frag",
           "'?', '=', '&', '#' in the IRI are encoded");
    url_is("http://h/gs", "http://e/a b+c%20", "http://h/gs?graph=http%3A%2F%2Fe%2Fa%20b%2Bc%2520",
           "space, '+' and '%' are encoded ('%' too: no double meaning)");
    url_is("http://h/gs", "http://e/~x-y_z.", "http://h/gs?graph=http%3A%2F%2Fe%2F~x-y_z.",
           "RFC 3986 unreserved characters are kept");
    url_is("http://h/gs", "http://e/Z\xc3\xbcrich", "http://h/gs?graph=http%3A%2F%2Fe%2FZ%C3%BCrich",
           "UTF-8 bytes are encoded one by one, upper-case hex");
    url_is("http://h/gs", "", "http://h/gs?graph=", "an empty IRI gives an empty value");
    url_is("http://h/gs#x", "urn:g", NULL, "an endpoint with a fragment is refused");

    redacted_is("http://u:secret@h:8890/gs", "http://h:8890/gs", "user:password removed");
    redacted_is("https://u@h/gs", "https://h/gs", "user alone removed");
    redacted_is("http://u:p@ss@h/gs?graph=a@b", "http://h/gs?graph=a@b",
                "the last '@' before the path ends the userinfo; '@' in the query stays");
    redacted_is("http://h/gs", "http://h/gs", "nothing to remove");
    redacted_is("h/gs", "h/gs", "no scheme: unchanged");

    nkg_push_report r = {0};
    nkg_push_report_free(&r);
    nkg_push_report_free(NULL);
    CHECK(r.n == 0 && r.graphs == NULL, "freeing an empty report, and NULL, is fine");

    /* Refusals that happen before any request (no network, no world). */
    nkg_push_options o = {0};
    nkg_diag d = {0};
    o.endpoint = "ftp://h/gs";
    CHECK(nkg_push_quads(&o, NULL, NULL, 0, &r, &d) == NKG_ERR_USAGE && d.msg[0] && r.n == 0,
          "a non-HTTP endpoint is a usage error");
    nkg_diag_clear(&d);
    o.endpoint = NULL;
    CHECK(nkg_push_quads(&o, NULL, NULL, 0, &r, &d) == NKG_ERR_USAGE, "no endpoint is a usage error");
    nkg_diag_clear(&d);
    o.endpoint = "HTTPS://h/gs";
    CHECK(nkg_push_quads(&o, NULL, NULL, 0, &r, &d) == NKG_ERR_INPUT && r.n == 0,
          "an empty dataset is refused (scheme matched without case)");
    nkg_push_report_free(&r);
    return TAP_DONE();
}
