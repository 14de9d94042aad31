/* test_ingest.c - the ingest stage: UTF-8 helpers, format guessing, plain
 * text, HTML extraction, JSON Lines, file and directory errors. Inputs are
 * invented; bigger samples live in tests/data/ingest/. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>
#include "ingest.h"
#include "tap.h"

/* tests/unit/test_ingest.c -> tests/unit/../data/ingest (run from the root) */
#define DATA "tests/unit/../data/ingest"

/* ------------------------------------------------------------ harness */

enum { MAX_ARTS = 16 };
typedef struct {
    const nkg_article *arts[MAX_ARTS];
    size_t n;
    nkg_status stop_with; /* what the callback returns */
} sink;

static nkg_status collect(void *ud, const nkg_article *art)
{
    sink *k = ud;
    if (k->n < MAX_ARTS)
        k->arts[k->n] = art;
    k->n++;
    return k->stop_with;
}

static nkg_arena *A;
static sink K;
static nkg_diag D;

/* Ingests the n bytes of s as `name`; the articles land in K, errors in D. */
static nkg_status ingest_n(const char *name, const char *s, size_t n, nkg_input_format fmt)
{
    memset(&K, 0, sizeof K);
    nkg_diag_clear(&D);
    return nkg_ingest_buffer(A, name, s, n, fmt, collect, &K, &D);
}
#define INGEST(name, lit, fmt) ingest_n(name, lit, sizeof(lit) - 1, fmt)

/* Expects failure with status st and exactly message msg, and no article. */
static void fails(nkg_status got, nkg_status st, const char *msg, const char *what)
{
    CHECK(got == st && D.status == st, "%s: status %d (got %d)", what, (int)st, (int)got);
    CHECK(K.n == 0, "%s: no article handed out", what);
    CHECK_STR(D.msg, msg, what);
}

/* The invariants every article keeps. */
static void check_article(const nkg_article *a, const char *what)
{
    CHECK(a && a->id && a->source && a->text, "%s: id, source and text set", what);
    if (!a || !a->text)
        return;
    CHECK(strlen(a->text) == a->text_len, "%s: text NUL-terminated at text_len", what);
    CHECK(nkg_utf8_check(a->text, a->text_len) == a->text_len, "%s: text is UTF-8", what);
    CHECK(nkg_utf8_count(a->text, a->text_len) == a->text_cps, "%s: text_cps", what);
}

/* ------------------------------------------------------------ UTF-8 */

static void test_utf8(void)
{
    static const struct { const char *s; size_t n, bad; const char *what; } cases[] = {
        {"", 0, 0, "empty"},
        {"plain ascii, long enough for the 8-byte path", 45, 45, "ascii"},
        {"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", 14, 14, "2, 3 and 4 byte forms"},
        {"\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF", 18, 18, "boundaries"},
        {"\xED\x9F\xBF\xEE\x80\x80", 6, 6, "U+D7FF and U+E000"},
        {"ab\x80", 3, 2, "lone continuation byte"},
        {"abc\xC0\xAF", 5, 3, "overlong 2 bytes (C0)"},
        {"\xC1\xBF", 2, 0, "overlong 2 bytes (C1)"},
        {"x\xE0\x80\xAF", 4, 1, "overlong 3 bytes"},
        {"x\xE0\x9F\xBF", 4, 1, "overlong 3 bytes, top"},
        {"xy\xF0\x80\x80\xAF", 6, 2, "overlong 4 bytes"},
        {"xy\xF0\x8F\xBF\xBF", 6, 2, "overlong 4 bytes, top"},
        {"\xED\xA0\x80", 3, 0, "high surrogate U+D800"},
        {"ok\xED\xBF\xBF", 5, 2, "low surrogate U+DFFF"},
        {"\xF4\x90\x80\x80", 4, 0, "U+110000"},
        {"\xF5\x80\x80\x80", 4, 0, "F5 lead byte"},
        {"\xF8\x88\x80\x80\x80", 5, 0, "5-byte form"},
        {"a\xFE", 2, 1, "FE"},
        {"a\xFF", 2, 1, "FF"},
        {"abcdefgh\xE2\x82", 10, 8, "truncated at the end"},
        {"\xE2\x82 x", 4, 0, "truncated by ASCII"},
        {"\xF0\x9F\x98", 3, 0, "truncated 4 bytes"},
        {"0123456789abcdef\xC3", 17, 16, "bad byte after the fast path"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t got = nkg_utf8_check(cases[i].s, cases[i].n);
        CHECK(got == cases[i].bad, "utf8_check %s: %zu (got %zu)", cases[i].what, cases[i].bad, got);
    }
    CHECK(nkg_utf8_count("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", 14) == 8, "utf8_count");
    CHECK(nkg_utf8_count("", 0) == 0, "utf8_count empty");
    CHECK(nkg_utf8_check("a\0b", 3) == 3, "NUL is valid UTF-8 (binary is checked apart)");
}

/* ------------------------------------------------------------ guessing */

static void test_guess(void)
{
    CHECK(nkg_ingest_guess("a.txt", "<p>", 3) == NKG_FMT_TEXT, ".txt wins over content");
    CHECK(nkg_ingest_guess("dir/a.TEXT", NULL, 0) == NKG_FMT_TEXT, ".TEXT");
    CHECK(nkg_ingest_guess("a.html", "{", 1) == NKG_FMT_HTML, ".html");
    CHECK(nkg_ingest_guess("a.Htm", NULL, 0) == NKG_FMT_HTML, ".Htm");
    CHECK(nkg_ingest_guess("a.xhtml", NULL, 0) == NKG_FMT_HTML, ".xhtml");
    CHECK(nkg_ingest_guess("a.jsonl", NULL, 0) == NKG_FMT_JSONL, ".jsonl");
    CHECK(nkg_ingest_guess("a.NDJSON", NULL, 0) == NKG_FMT_JSONL, ".NDJSON");
    CHECK(nkg_ingest_guess("a.md", " \n <!doctype html>", 18) == NKG_FMT_HTML, "sniff '<'");
    CHECK(nkg_ingest_guess("noext", "\xEF\xBB\xBF\r\n{\"text\":1}", 15) == NKG_FMT_JSONL, "sniff '{' after BOM");
    CHECK(nkg_ingest_guess(NULL, "Hello", 5) == NKG_FMT_TEXT, "sniff text");
    CHECK(nkg_ingest_guess(NULL, NULL, 0) == NKG_FMT_TEXT, "nothing: text");
    CHECK(nkg_ingest_guess("x.html.bak", "Hi", 2) == NKG_FMT_TEXT, "only the last extension counts");
    CHECK(nkg_ingest_guess(".txt", "<", 1) == NKG_FMT_HTML, "a dot-file has no extension");
    CHECK(nkg_ingest_guess("a.d/file", "{", 1) == NKG_FMT_JSONL, "dots in directories do not count");
}

/* ------------------------------------------------------------ plain text */

static void test_text(void)
{
    nkg_status st = INGEST("dir/a.txt", "  Flood warning\tlifted \r\nRiver levels fell.\r\n", NKG_FMT_TEXT);
    CHECK(st == NKG_OK && K.n == 1, "text: one article");
    if (K.n == 1) {
        const nkg_article *a = K.arts[0];
        check_article(a, "text");
        CHECK_STR(a->text, "  Flood warning\tlifted \r\nRiver levels fell.\r\n", "text: exactly as read, \\r kept");
        CHECK_STR(a->title, "Flood warning\tlifted", "text: title is the trimmed first line");
        CHECK_STR(a->id, "a.txt", "text: id is the base name");
        CHECK_STR(a->source, "dir/a.txt", "text: source is the name");
        CHECK(!a->url && !a->published && !a->publisher && !a->from_markup, "text: no metadata");
        CHECK(a->text_len == 45 && a->text_cps == 45, "text: length");
    }
    st = INGEST("b.txt", "\xEF\xBB\xBF\xC2\xA0\xE3\x80\x80" "Caf\xC3\xA9\xC2\xA0news\xE2\x80\x83\nbody\xC2\xA0 x", NKG_FMT_TEXT);
    CHECK(st == NKG_OK && K.n == 1, "text with BOM and NBSP");
    if (K.n == 1) {
        const nkg_article *a = K.arts[0];
        check_article(a, "bom");
        CHECK(a->text_len == 31 && memcmp(a->text, "\xEF\xBB\xBF", 3) == 0, "bom: kept in the text");
        CHECK_STR(a->title, "Caf\xC3\xA9\xC2\xA0news", "bom: title without BOM, Unicode spaces trimmed, inner NBSP kept");
        CHECK(a->text_cps == 21, "bom: text_cps counts the BOM and NBSPs (%zu)", a->text_cps);
    }
    st = INGEST("c.txt", "\n \r\n\t\n  Third line is the title\nrest", NKG_FMT_TEXT);
    CHECK(st == NKG_OK && K.n == 1 && strcmp(K.arts[0]->title, "Third line is the title") == 0,
          "text: leading blank lines skipped for the title");
    st = INGEST("d.txt", "Old Mac title\rsecond", NKG_FMT_TEXT);
    CHECK(st == NKG_OK && K.n == 1 && strcmp(K.arts[0]->title, "Old Mac title") == 0, "text: CR ends a line");
    st = INGEST("e.txt", "one line, no newline", NKG_FMT_TEXT);
    CHECK(st == NKG_OK && K.n == 1 && strcmp(K.arts[0]->title, "one line, no newline") == 0, "text: single line");
    st = INGEST("-", "x", NKG_FMT_AUTO);
    CHECK(st == NKG_OK && K.n == 1 && strcmp(K.arts[0]->id, "-") == 0, "buffer: the name is the id");
    st = INGEST(NULL, "x", NKG_FMT_TEXT);
    CHECK(st == NKG_OK && K.n == 1, "buffer: NULL name is allowed");
    memset(&K, 0, sizeof K);
    CHECK(nkg_ingest_buffer(A, "f.txt", "x", 1, NKG_FMT_TEXT, NULL, NULL, NULL) == NKG_OK,
          "NULL fn and d: validate only");

    /* The callback's status stops the reader and comes back. */
    memset(&K, 0, sizeof K);
    K.stop_with = NKG_ERR_RDF;
    st = nkg_ingest_buffer(A, "g.txt", "x", 1, NKG_FMT_TEXT, collect, &K, NULL);
    CHECK(st == NKG_ERR_RDF && K.n == 1, "callback status is returned");
}

static void test_text_errors(void)
{
    fails(INGEST("e.txt", "", NKG_FMT_TEXT), NKG_ERR_INPUT, "e.txt: empty file", "empty");
    fails(INGEST("e.txt", " \r\n\t\n\xC2\xA0\xE2\x80\xA8", NKG_FMT_TEXT), NKG_ERR_INPUT,
          "e.txt: empty file", "white space only (Unicode too)");
    fails(INGEST("e.txt", "\xEF\xBB\xBF\n", NKG_FMT_TEXT), NKG_ERR_INPUT, "e.txt: empty file", "BOM only");
    fails(INGEST("bin.txt", "ABCDE\0FG", NKG_FMT_TEXT), NKG_ERR_INPUT,
          "bin.txt: binary file (NUL byte at byte 5)", "NUL byte");
    fails(INGEST("bin.txt", "\0", NKG_FMT_TEXT), NKG_ERR_INPUT,
          "bin.txt: binary file (NUL byte at byte 0)", "only a NUL");
    fails(INGEST("u.txt", "Hello\xC3\xA9 \xC0\xAF", NKG_FMT_TEXT), NKG_ERR_INPUT,
          "u.txt: invalid UTF-8 at byte 8", "overlong");
    fails(INGEST("u.txt", "\xED\xA0\x80", NKG_FMT_TEXT), NKG_ERR_INPUT,
          "u.txt: invalid UTF-8 at byte 0", "surrogate");
    fails(INGEST("u.txt", "abc \xF4\x90\x80\x80", NKG_FMT_TEXT), NKG_ERR_INPUT,
          "u.txt: invalid UTF-8 at byte 4", "above U+10FFFF");
    fails(INGEST("u.txt", "Latin-1 caf\xE9", NKG_FMT_TEXT), NKG_ERR_INPUT,
          "u.txt: invalid UTF-8 at byte 11", "Latin-1 byte");
    fails(INGEST("u.txt", "end \xE2\x82", NKG_FMT_TEXT), NKG_ERR_INPUT,
          "u.txt: invalid UTF-8 at byte 4", "truncated at end");
    fails(INGEST("u.txt", "\xFF\xFEH\0i\0", NKG_FMT_TEXT), NKG_ERR_INPUT,
          "u.txt: binary file (NUL byte at byte 3)", "UTF-16 is binary");
    fails(ingest_n("n.txt", NULL, 3, NKG_FMT_TEXT), NKG_ERR_INTERNAL,
          "n.txt: no arena or no buffer", "NULL bytes with n > 0");
}

/* ------------------------------------------------------------ HTML */

static const nkg_article *html(const char *name, const char *s)
{
    nkg_status st = ingest_n(name, s, strlen(s), NKG_FMT_HTML);
    CHECK(st == NKG_OK && K.n == 1, "%s: one article (%s)", name, D.msg);
    if (st != NKG_OK || K.n != 1)
        return NULL;
    check_article(K.arts[0], name);
    CHECK(K.arts[0]->from_markup == 1, "%s: from_markup", name);
    return K.arts[0];
}

#define HTML_FIELD(art, field, want, what) CHECK_STR((art) ? (art)->field : "(no article)", want, what)

static void test_html_metadata(void)
{
    const nkg_article *a = html("m1.html",
        "<html><head><title> Page  title </title><meta property='og:title' content=' OG title '>"
        "<meta property='og:site_name' content='Site'><meta name='publisher' content='Pub'>"
        "<link rel='alternate canonical' href=' https://x.example/c '><meta property='og:url' content='https://x.example/og'>"
        "<meta name='pubdate' content='2020-02-02'><meta property='article:published_time' content='2020-01-01T10:00:00Z'>"
        "</head><body><h1>H1 title</h1><p>Body.</p></body></html>");
    HTML_FIELD(a, title, "OG title", "og:title first");
    HTML_FIELD(a, publisher, "Site", "og:site_name first");
    HTML_FIELD(a, url, "https://x.example/c", "canonical first (rel token list, trimmed)");
    HTML_FIELD(a, published, "2020-01-01T10:00:00Z", "article:published_time first");
    HTML_FIELD(a, id, "m1.html", "id");

    a = html("m2.html",
        "<html><head><title>\n Page\n\ttitle &amp; more </title><meta name='application-name' content='App'>"
        "<meta property='og:url' content='https://x.example/og'><meta name='DC.date.issued' content='2019-09-09'>"
        "</head><body><svg><title>icon</title></svg><h1>H1</h1><p>Body.</p></body></html>");
    HTML_FIELD(a, title, "Page title & more", "<title> when no og:title, collapsed");
    HTML_FIELD(a, publisher, "App", "application-name");
    HTML_FIELD(a, url, "https://x.example/og", "og:url when no canonical");
    HTML_FIELD(a, published, "2019-09-09", "DC.date.issued");

    a = html("m3.html",
        "<body><svg><title>icon</title></svg><div><h1> The <em>H1</em>\n title</h1><p>Text</p>"
        "<span itemprop='datePublished' content='2018-08-08'>Aug 8</span></div></body>");
    HTML_FIELD(a, title, "The H1 title", "first <h1> when no title");
    HTML_FIELD(a, published, "2018-08-08", "itemprop=datePublished content");
    CHECK(a && !a->publisher && !a->url, "m3: no publisher, no url");

    a = html("m4.html",
        "<head><meta name='publishdate' content='2017-07-07'></head><body><p>x</p></body>");
    HTML_FIELD(a, published, "2017-07-07", "publishdate");
    a = html("m5.html",
        "<head><meta name='date' content='2016-06-06'><meta itemprop='datePublished' content='2000-01-01'></head><p>x</p>");
    HTML_FIELD(a, published, "2016-06-06", "name=date before itemprop");
    a = html("m6.html", "<body><p>x <time itemprop='datePublished' datetime='2015-05-05'>May</time></p></body>");
    HTML_FIELD(a, published, "2015-05-05", "itemprop on <time datetime>");
    a = html("m7.html", "<body><time datetime='1999-01-01'>no</time><article><header><time datetime='2014-04-04'>"
                        "April</time></header><aside><time datetime='1998-01-01'></time></aside><p>Text</p></article></body>");
    HTML_FIELD(a, published, "2014-04-04", "<time datetime> inside the article");
    a = html("m8.html", "<body><time datetime='1999-01-01'>no</time><p>Text</p></body>");
    CHECK(a && !a->published, "a <time> outside an article is not the date");
    a = html("m9.html", "<head><title>  </title><meta property='og:title' content=''></head><body><h1>Fallback</h1><p>x</p></body>");
    HTML_FIELD(a, title, "Fallback", "blank og:title and title fall through");
    a = html("m10.html", "<head><title>T</title><meta name='og:title' content='Named OG'></head><p>x</p>");
    HTML_FIELD(a, title, "Named OG", "og:title in name=");
}

static void test_html_text(void)
{
    const nkg_article *a = html("t1.html",
        "<html><head><style>.x{}</style><script>var a = '<p>no</p>';</script></head><body>"
        "<nav><p>Menu</p></nav><header>Site header</header>"
        "<main><p>Main text</p></main>"
        "<article><h2>Story</h2><p>First   para\n with\ttabs&nbsp;&nbsp;and\xC2\xA0nbsp.</p>"
        "<figure><img src='a.png'><figcaption>Caption noise</figcaption></figure>"
        "<p>Second <b>bold</b><i>italic</i> para.<br>Next line.</p>"
        "<div hidden>Hidden</div><p hidden>Hidden too</p>"
        "<ul><li>One</li><li>Two</li></ul><noscript>Turn on JS</noscript><template><p>T</p></template>"
        "<iframe src='x'></iframe><button>Share</button><form><p>Form</p></form>"
        "<aside>Related</aside><footer>Foot</footer>"
        "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "<blockquote>Quote</blockquote>x<br><br><br><br>y</article>"
        "<footer>Page foot</footer></body></html>");
    HTML_FIELD(a, text,
               "Story\n\nFirst para with tabs and nbsp.\n\nSecond bolditalic para.\nNext line.\n\n"
               "One\nTwo\n\nA B\n1 2\n\nQuote\n\nx\n\ny",
               "article text: skips, blocks, collapsing");
    if (a)
        CHECK(a->text_cps == nkg_utf8_count(a->text, a->text_len), "article text cps");

    a = html("t2.html", "<body><div>Outside</div><main><p>Main <span>only</span></p></main></body>");
    HTML_FIELD(a, text, "Main only", "<main> when no article");
    a = html("t3.html", "<body>  Loose <b>text</b>\n<p>and a para</p> tail </body>");
    HTML_FIELD(a, text, "Loose text\n\nand a para\n\ntail", "<body> when no main");
    a = html("t4.html", "<body><aside><article><p>Teaser</p></article></aside><article><p>Real</p></article></body>");
    HTML_FIELD(a, text, "Real", "an article inside an aside is not the article");
    a = html("t5.html", "<body><article></article><p>Body text</p></body>");
    HTML_FIELD(a, text, "Body text", "an empty article falls back to the body");
    a = html("t6.html", "Just text, no tags &amp; an entity &eacute;&#233;&#x1F600;");
    HTML_FIELD(a, text, "Just text, no tags & an entity \xC3\xA9\xC3\xA9\xF0\x9F\x98\x80", "bare text and entities");
    a = html("t7.html", "<p>a<br>b</p><p>c</p><div><div>d</div></div>e");
    HTML_FIELD(a, text, "a\nb\n\nc\n\nd\n\ne", "breaks do not pile up");
    a = html("t8.html", "<p>x</p><pre>  keep\n  lines  </pre><p>caf&eacute;\xE2\x80\x83 y</p>");
    HTML_FIELD(a, text, "x\n\nkeep lines\n\ncaf\xC3\xA9 y", "pre collapses too; Unicode spaces collapse");
    a = html("t9.html", "\xEF\xBB\xBF<p>BOM &lt;ok&gt;</p><!-- comment -->");
    HTML_FIELD(a, text, "BOM <ok>", "BOM, comments");
    a = html("t10.html", "<p>Unclosed <b>bold <i>nest<p>next para");
    HTML_FIELD(a, text, "Unclosed bold nest\n\nnext para", "broken markup is recovered");
    a = html("t11.html", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>");
    HTML_FIELD(a, text, "a\nb\nc", "nested lists");
}

static void test_html_encoding(void)
{
    const nkg_article *a = html("l1.html",
        "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xE9</title></head><body><p>Cr\xEApe &amp; caf\xE9\xA0!</p></body></html>");
    HTML_FIELD(a, text, "Cr\xC3\xAApe & caf\xC3\xA9 !", "declared Latin-1 converted (NBSP collapsed)");
    HTML_FIELD(a, title, "Caf\xC3\xA9", "Latin-1 title converted");
    a = html("l2.html",
        "<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'><p>\x93quoted\x94 \x80</p>");
    HTML_FIELD(a, text, "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC", "http-equiv windows-1252");
    a = html("l3.html", "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html><body><p>\xA4uro</p></body></html>");
    HTML_FIELD(a, text, "\xE2\x82\xACuro", "XML declaration encoding");
    a = html("l4.html", "<meta charset='utf-16'><p>caf\xC3\xA9</p>");
    HTML_FIELD(a, text, "caf\xC3\xA9", "meta utf-16 on 8-bit bytes means UTF-8");

    a = html("l5.html", "<meta charset=windows-1252><p>a\x9D\x81" "b</p>");
    HTML_FIELD(a, text, "a\xEF\xBF\xBD\xEF\xBF\xBD" "b", "undecodable bytes become U+FFFD");
    a = html("l6.html", "\xEF\xBB\xBF<meta charset=iso-8859-1><p>caf\xC3\xA9</p>");
    HTML_FIELD(a, text, "caf\xC3\xA9", "a UTF-8 BOM beats the meta charset");
    a = html("l7.html", "<meta charset=\"UTF-32LE\"><p>ok\xC3\xA9</p>");
    HTML_FIELD(a, text, "ok\xC3\xA9", "meta utf-32 means UTF-8");
    a = html("l8.html", "<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>");
    HTML_FIELD(a, text, "\xE6\x97\xA5\xE6\x9C\xAC", "Shift_JIS converted");
    fails(INGEST("u1.html", "<p>caf\xE9</p>", NKG_FMT_HTML), NKG_ERR_INPUT,
          "u1.html: invalid UTF-8 at byte 6", "HTML without charset is UTF-8");
    fails(INGEST("u2.html", "<meta charset=UTF-8><p>\xED\xA0\x80</p>", NKG_FMT_HTML), NKG_ERR_INPUT,
          "u2.html: invalid UTF-8 at byte 23", "HTML declared UTF-8 is checked");
    fails(INGEST("u3.html", "<meta charset=klingon-7><p>x</p>", NKG_FMT_HTML), NKG_ERR_INPUT,
          "u3.html: unsupported charset \"klingon-7\"", "unknown charset");
    fails(INGEST("u4.html", "<meta charset=latin1><p>a\0b</p>", NKG_FMT_HTML), NKG_ERR_INPUT,
          "u4.html: binary file (NUL byte at byte 25)", "NUL in HTML");
    fails(INGEST("u5.html", "  \n", NKG_FMT_HTML), NKG_ERR_INPUT, "u5.html: empty file", "empty HTML");
}

static void test_html_errors(void)
{
    static const char *const empty[] = {
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<body><script>var x = 1;</script><nav>Menu</nav><footer>f</footer></body>",
        "<p hidden>secret</p><figure><figcaption>caption</figcaption></figure>",
        "<!-- just a comment -->",
        "<body>&nbsp; &#160;\xC2\xA0</body>",
        "<html>",
    };
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
        char what[32];
        snprintf(what, sizeof what, "no body text %zu", i);
        fails(ingest_n("x.html", empty[i], strlen(empty[i]), NKG_FMT_HTML), NKG_ERR_INPUT,
              "x.html: HTML has no body text", what);
    }
    /* Hostile nesting: an error or an article, never a crash. */
    size_t n = 200000;
    char *deep = malloc(n * 5 + 16);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(deep + k, "<div>", 5);
        k += 5;
    }
    memcpy(deep + k, "deep", 4);
    k += 4;
    nkg_status st = ingest_n("deep.html", deep, k, NKG_FMT_HTML);
    CHECK(st == NKG_OK || st == NKG_ERR_INPUT, "200000 nested divs: no crash (%d)", (int)st);
    free(deep);
}

/* ------------------------------------------------------------ JSON Lines */

static void test_jsonl(void)
{
    const char *in =
        "\xEF\xBB\xBF{\"id\":\"x1\",\"url\":\"https://a.example/1\",\"title\":\" T1 \",\"published\":\"2020-01-01\","
        "\"publisher\":\"Paper\",\"text\":\"  Line\\none\\r\\n\\t\\u00e9\\ud83d\\ude00 \"}\r\n"
        "\n"
        "   \t\r\n"
        "{\"text\":\"Second\",\"date\":\"2021-02-02\",\"publisher\":{\"name\":\"Radio\",\"url\":\"u\"},\"extra\":[1,{}]}\n"
        "{\"id\":42,\"text\":\"Third\",\"published\":null,\"date\":\"d\",\"title\":null,\"publisher\":{\"url\":\"no name\"}}";
    nkg_status st = ingest_n("dir/feed.jsonl", in, strlen(in), NKG_FMT_JSONL);
    CHECK(st == NKG_OK && K.n == 3, "jsonl: 3 articles (%s)", D.msg);
    if (K.n != 3)
        return;
    for (size_t i = 0; i < 3; i++)
        check_article(K.arts[i], "jsonl");
    const nkg_article *a = K.arts[0];
    CHECK_STR(a->id, "x1", "jsonl: id");
    CHECK_STR(a->source, "dir/feed.jsonl:1", "jsonl: source names the line");
    CHECK_STR(a->url, "https://a.example/1", "jsonl: url");
    CHECK_STR(a->title, "T1", "jsonl: title trimmed");
    CHECK_STR(a->published, "2020-01-01", "jsonl: published");
    CHECK_STR(a->publisher, "Paper", "jsonl: publisher string");
    CHECK_STR(a->text, "  Line\none\r\n\t\xC3\xA9\xF0\x9F\x98\x80 ", "jsonl: text exactly as decoded");
    CHECK(a->text_cps == 16 && !a->from_markup, "jsonl: text_cps %zu", a->text_cps);
    a = K.arts[1];
    CHECK_STR(a->id, "feed.jsonl#4", "jsonl: default id <basename>#<line>");
    CHECK_STR(a->source, "dir/feed.jsonl:4", "jsonl: blank lines still count");
    CHECK_STR(a->published, "2021-02-02", "jsonl: date when no published");
    CHECK_STR(a->publisher, "Radio", "jsonl: publisher object name");
    CHECK(!a->title && !a->url, "jsonl: absent fields NULL");
    a = K.arts[2];
    CHECK_STR(a->id, "42", "jsonl: number id as written");
    CHECK_STR(a->published, "d", "jsonl: null published falls back to date");
    CHECK(!a->title && !a->publisher, "jsonl: null title, publisher object without name");
}

static void test_jsonl_errors(void)
{
    /* Every line is validated before the first article goes out. */
    fails(INGEST("f.jsonl", "{\"text\":\"ok\"}\n{\"text\":\"ok\"}\n{\"text\":\"a\",}\n", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:3:13: expected a string as object key", "syntax error names line and column");
    fails(INGEST("f.jsonl", "{\"text\":\"ok\"}\n\n{\"text\":\"\xC3\xA9\xE2\x82\xAC\" x}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:3:14: expected ',' or '}' in object", "column counts code points");
    fails(INGEST("f.jsonl", "{\"text\":\"ok\"}\r\n{\"text\":\"ok\"\r\n", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:2:14: unexpected end of input", "truncated record");
    fails(INGEST("f.jsonl", "{\"text\":\"a\"} {\"text\":\"b\"}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1:14: unexpected data after the JSON value", "two records on a line");
    fails(INGEST("f.jsonl", "{\"text\":\"a\"}\n[1,2]\n", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:2: not a JSON object", "array record");
    fails(INGEST("f.jsonl", "\"text\"\n", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: not a JSON object", "string record");
    fails(INGEST("f.jsonl", "{\"title\":\"t\"}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: missing \"text\"", "missing text");
    fails(INGEST("f.jsonl", "{\"text\":[\"a\"]}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: \"text\" must be a string", "text not a string");
    fails(INGEST("f.jsonl", "{\"text\":null}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: \"text\" must be a string", "text null");
    fails(INGEST("f.jsonl", "{\"text\":\"\"}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: \"text\" is empty", "text empty");
    fails(INGEST("f.jsonl", "{\"text\":\" \\n\\u00a0\"}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: \"text\" is empty", "text blank");
    fails(INGEST("f.jsonl", "{\"text\":\"a\\u0000b\"}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: \"text\" contains a NUL character", "text with U+0000");
    fails(INGEST("f.jsonl", "{\"text\":\"a\",\"title\":5}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: \"title\" must be a string", "title a number");
    fails(INGEST("f.jsonl", "{\"text\":\"a\",\"id\":true}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: \"id\" must be a string", "id a boolean");
    fails(INGEST("f.jsonl", "{\"text\":\"a\",\"date\":[]}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: \"date\" must be a string", "date an array");
    fails(INGEST("f.jsonl", "{\"text\":\"a\",\"url\":\"x\\u0000\"}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: \"url\" contains a NUL character", "url with U+0000");
    fails(INGEST("f.jsonl", "{\"text\":\"a\",\"publisher\":{\"name\":1}}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:1: \"publisher\" must be a string", "publisher name a number");
    fails(INGEST("f.jsonl", "{\"text\":\"a\"}\n{\"text\":\"\\ud800\"}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:2:10: lone high surrogate in \\u escape", "lone surrogate escape");
    fails(INGEST("f.jsonl", "{\"text\":\"a\"}\n{\"text\":\"caf\xE9\"}", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl: invalid UTF-8 at byte 25", "invalid UTF-8 is a file error");
    fails(INGEST("f.jsonl", "{\"text\":\"a\"}\n\0", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl: binary file (NUL byte at byte 13)", "NUL in JSONL");
    fails(INGEST("f.jsonl", "\n\n  \n", NKG_FMT_JSONL), NKG_ERR_INPUT, "f.jsonl: empty file", "blank JSONL");
    fails(INGEST("f.jsonl", "{\"text\":\"a\"}\n\x0c\n", NKG_FMT_JSONL),
          NKG_ERR_INPUT, "f.jsonl:2:1: unexpected byte 0x0C", "form feed is no JSON white space");

    /* Depth: 512 levels inside a record are fine, 513 are not. */
    char buf[2 * 520 + 64];
    for (int depth = 511; depth <= 512; depth++) {
        size_t k = (size_t)sprintf(buf, "{\"text\":\"t\",\"x\":");
        for (int i = 1; i < depth; i++)
            buf[k++] = '[';
        for (int i = 1; i < depth; i++)
            buf[k++] = ']';
        buf[k++] = '}';
        nkg_status st = ingest_n("deep.jsonl", buf, k, NKG_FMT_JSONL);
        if (depth == 512)
            CHECK(st == NKG_OK && K.n == 1, "jsonl: depth 512 accepted");
        else
            CHECK(st == NKG_OK, "jsonl: depth 511 accepted");
    }
    size_t k = (size_t)sprintf(buf, "{\"text\":\"t\",\"x\":");
    for (int i = 0; i < 512; i++)
        buf[k++] = '[';
    fails(ingest_n("deep.jsonl", buf, k, NKG_FMT_JSONL), NKG_ERR_INPUT,
          "deep.jsonl:1:528: nesting deeper than 512 levels", "jsonl: depth 513 rejected");
}

/* ------------------------------------------------------------ files */

static char tmpdir[64];

static void write_file(const char *name, const char *content)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(content, f);
        fclose(f);
    }
}

static nkg_status ingest_path(const char *path, nkg_input_format fmt)
{
    memset(&K, 0, sizeof K);
    nkg_diag_clear(&D);
    return nkg_ingest_file(A, path, fmt, collect, &K, &D);
}

static void test_files(void)
{
    nkg_status st = ingest_path(DATA "/article.html", NKG_FMT_AUTO);
    CHECK(st == NKG_OK && K.n == 1, "article.html read (%s)", D.msg);
    if (K.n == 1) {
        const nkg_article *a = K.arts[0];
        check_article(a, "article.html");
        CHECK_STR(a->id, "article.html", "article.html: id");
        CHECK_STR(a->title, "Harbour ferry resumes service", "article.html: title");
        CHECK_STR(a->url, "https://courier.example/news/ferry", "article.html: canonical");
        CHECK_STR(a->published, "2021-04-03T08:15:00Z", "article.html: published");
        CHECK_STR(a->publisher, "The Lakeside Courier", "article.html: publisher");
        CHECK_STR(a->text,
                  "The Lakeside ferry carried its first passengers on Saturday, after a winter of repairs.\n\n"
                  "Captain Mara Olsen said the crossing took twelve minutes.\nTickets cost \xE2\x82\xAC" "3 & up.\n\n"
                  "Weekdays: 7:00\nWeekends: 9:00\n\nFare 3\nChild 1\n\nLine one\n\nLine two",
                  "article.html: text");
    }
    st = ingest_path(DATA "/article.txt", NKG_FMT_AUTO);
    CHECK(st == NKG_OK && K.n == 1 && strcmp(K.arts[0]->title, "Town council approves new bicycle lanes") == 0 &&
          K.arts[0]->text_len == 173, "article.txt read");
    st = ingest_path(DATA "/articles.jsonl", NKG_FMT_AUTO);
    CHECK(st == NKG_OK && K.n == 3, "articles.jsonl read: 3 articles");
    if (K.n == 3) {
        CHECK_STR(K.arts[1]->id, "articles.jsonl#3", "articles.jsonl: default id");
        CHECK_STR(K.arts[1]->text, "The library will open until nine.\xC2\xA0Staff said caf\xC3\xA9 hours stay.",
                  "articles.jsonl: escapes decoded");
    }
    st = ingest_path(DATA "/latin1.html", NKG_FMT_AUTO);
    CHECK(st == NKG_OK && K.n == 1, "latin1.html read");
    if (K.n == 1)
        CHECK_STR(K.arts[0]->text, "A new caf\xC3\xA9 opened on the square; the owner, Jos\xC3\xA9, serves cr\xC3\xAApes.",
                  "latin1.html: converted");
    st = ingest_path(DATA "/article.html", NKG_FMT_TEXT);
    CHECK(st == NKG_OK && K.n == 1 && K.arts[0]->text[0] == '<' && !K.arts[0]->from_markup,
          "an explicit format beats the extension");

    /* Errors. */
    char path[256];
    snprintf(path, sizeof path, "%s/missing.txt", tmpdir);
    char want[512];
    snprintf(want, sizeof want, "%s: %s", path, strerror(ENOENT));
    fails(ingest_path(path, NKG_FMT_AUTO), NKG_ERR_IO, want, "missing file");
    snprintf(want, sizeof want, "%s: %s", tmpdir, strerror(EISDIR));
    fails(ingest_path(tmpdir, NKG_FMT_AUTO), NKG_ERR_IO, want, "directory");
    write_file("locked.txt", "secret");
    snprintf(path, sizeof path, "%s/locked.txt", tmpdir);
    chmod(path, 0);
    if (geteuid() != 0) {
        snprintf(want, sizeof want, "%s: %s", path, strerror(EACCES));
        fails(ingest_path(path, NKG_FMT_AUTO), NKG_ERR_IO, want, "unreadable file");
    } else {
        CHECK(1, "unreadable file # SKIP running as root");
    }
    unlink(path);
    write_file("empty.txt", "");
    snprintf(path, sizeof path, "%s/empty.txt", tmpdir);
    snprintf(want, sizeof want, "%s: empty file", path);
    fails(ingest_path(path, NKG_FMT_AUTO), NKG_ERR_INPUT, want, "empty file on disk");
    write_file("sniff", "  <p>Sniffed HTML</p>");
    snprintf(path, sizeof path, "%s/sniff", tmpdir);
    st = ingest_path(path, NKG_FMT_AUTO);
    CHECK(st == NKG_OK && K.n == 1 && K.arts[0]->from_markup && strcmp(K.arts[0]->text, "Sniffed HTML") == 0,
          "no extension: content sniffed");

    /* "-" reads standard input and is called "stdin". */
    int saved = dup(STDIN_FILENO);
    int fd = open(DATA "/articles.jsonl", O_RDONLY);
    if (saved >= 0 && fd >= 0 && dup2(fd, STDIN_FILENO) >= 0) {
        st = ingest_path("-", NKG_FMT_AUTO);
        CHECK(st == NKG_OK && K.n == 3, "stdin: sniffed as JSONL");
        if (K.n == 3) {
            CHECK_STR(K.arts[1]->id, "stdin#3", "stdin: default id");
            CHECK_STR(K.arts[1]->source, "stdin:3", "stdin: source");
        }
        dup2(saved, STDIN_FILENO);
    }
    if (fd >= 0)
        close(fd);
    if (saved >= 0)
        close(saved);
    fd = open("/dev/null", O_RDONLY);
    saved = dup(STDIN_FILENO);
    if (saved >= 0 && fd >= 0 && dup2(fd, STDIN_FILENO) >= 0) {
        fails(ingest_path("-", NKG_FMT_AUTO), NKG_ERR_INPUT, "stdin: empty file", "empty stdin");
        dup2(saved, STDIN_FILENO);
    }
    if (fd >= 0)
        close(fd);
    if (saved >= 0)
        close(saved);
}

static void test_list_dir(void)
{
    char sub[128], path[256];
    snprintf(sub, sizeof sub, "%s/list", tmpdir);
    mkdir(sub, 0700);
    static const char *const files[] = {"b.txt", "a.html", "C.jsonl", "z.ndjson", ".hidden.txt",
                                        "notes.md", "README", "x.HTM", "a.text", "y.xhtml"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "list/%s", files[i]);
        write_file(path, "x");
    }
    snprintf(path, sizeof path, "%s/list/dir.txt", tmpdir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/list/dangling.txt", tmpdir);
    if (symlink("nowhere", path) != 0)
        CHECK(0, "symlink");

    char **names = NULL;
    size_t n = 0;
    nkg_diag_clear(&D);
    nkg_status st = nkg_list_dir(A, sub, &names, &n, &D);
    static const char *const want[] = {"C.jsonl", "a.html", "a.text", "b.txt", "x.HTM", "y.xhtml", "z.ndjson"};
    CHECK(st == NKG_OK && n == 7, "list_dir: 7 article files (%zu)", n);
    for (size_t i = 0; i < n && i < 7; i++) {
        char w[256];
        snprintf(w, sizeof w, "%s/%s", sub, want[i]);
        CHECK_STR(names[i], w, "list_dir: sorted full path");
    }
    /* A trailing slash does not double. */
    char slash[160];
    snprintf(slash, sizeof slash, "%s/", sub);
    st = nkg_list_dir(A, slash, &names, &n, &D);
    char w[256];
    snprintf(w, sizeof w, "%s/C.jsonl", sub);
    CHECK(st == NKG_OK && n == 7 && strcmp(names[0], w) == 0, "list_dir: trailing slash");

    snprintf(path, sizeof path, "%s/none", tmpdir);
    mkdir(path, 0700);
    write_file("none/.x.txt", "x");
    write_file("none/readme.md", "x");
    nkg_diag_clear(&D);
    st = nkg_list_dir(A, path, &names, &n, &D);
    char msg[512];
    snprintf(msg, sizeof msg, "%s: no article files", path);
    CHECK(st == NKG_ERR_INPUT && n == 0 && names == NULL, "list_dir: none -> NKG_ERR_INPUT");
    CHECK_STR(D.msg, msg, "list_dir: no article files message");
    snprintf(path, sizeof path, "%s/absent", tmpdir);
    nkg_diag_clear(&D);
    st = nkg_list_dir(A, path, &names, &n, &D);
    snprintf(msg, sizeof msg, "%s: %s", path, strerror(ENOENT));
    CHECK(st == NKG_ERR_IO, "list_dir: missing directory -> NKG_ERR_IO");
    CHECK_STR(D.msg, msg, "list_dir: missing directory message");
}

/* Removes what test_files and test_list_dir made (names known). */
static void cleanup(void)
{
    static const char *const names[] = {
        "empty.txt", "sniff", "list/b.txt", "list/a.html", "list/C.jsonl", "list/z.ndjson",
        "list/.hidden.txt", "list/notes.md", "list/README", "list/x.HTM", "list/a.text",
        "list/y.xhtml", "list/dangling.txt", "none/.x.txt", "none/readme.md"};
    char path[256];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", tmpdir, names[i]);
        unlink(path);
    }
    static const char *const dirs[] = {"list/dir.txt", "list", "none"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", tmpdir, dirs[i]);
        rmdir(path);
    }
    rmdir(tmpdir);
}

int main(void)
{
    A = nkg_arena_new();
    snprintf(tmpdir, sizeof tmpdir, "/tmp/nkg-ingest-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        printf("Bail out! mkdtemp: %s\n", strerror(errno));
        return 1;
    }
    test_utf8();
    test_guess();
    test_text();
    test_text_errors();
    test_html_metadata();
    test_html_text();
    test_html_encoding();
    test_html_errors();
    test_jsonl();
    test_jsonl_errors();
    test_files();
    test_list_dir();
    cleanup();
    nkg_arena_free(A);
    xmlCleanupParser(); /* libxml2's globals, so valgrind sees no leak */
    return TAP_DONE();
}
