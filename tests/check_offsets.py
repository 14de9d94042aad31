#!/usr/bin/env python3
"""check_offsets.py - do newskg's mentions point at their text?

usage: check_offsets.py OUT.nt|OUT.nq [TEXTFILE ...]

For every nif:Phrase in the N-Triples or N-Quads file, the nif:anchorOf must
equal the document text sliced by [nif:beginIndex, nif:endIndex) counted in
Unicode code points, and the IRI's "#char=B,E" fragment must name the same
offsets. The document text is the TEXTFILE whose base name is the context's
dct:identifier (read as UTF-8, exactly as is), else the context's
nif:isString (run newskg with --include-text). When both exist they must be
equal: for plain text the text is the file's content, nothing normalised.

Prints one line "N phrases in D documents checked, K bad" and the first bad
ones; exit status 0 when all are good and there is at least one phrase,
1 otherwise, 2 on bad usage. Standard library only.
"""
import os
import re
import sys

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DCT_ID = "http://purl.org/dc/terms/identifier"

TERM = re.compile(r'\s*(?:<([^>]*)>|(_:\S+)|"((?:[^"\\]|\\.)*)"(?:\^\^<[^>]*>|@[A-Za-z0-9-]+)?)')
ESC = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def unescape(s):
    def one(m):
        if m.group(1) or m.group(2):
            return chr(int(m.group(1) or m.group(2), 16))
        return SIMPLE.get(m.group(3), "\\" + m.group(3))
    return ESC.sub(one, s)


def terms(line):
    """The terms of one N-Triples/N-Quads line: (kind, value) tuples."""
    out, pos = [], 0
    while True:
        m = TERM.match(line, pos)
        if not m:
            break
        if m.group(1) is not None:
            out.append(("iri", unescape(m.group(1))))
        elif m.group(2) is not None:
            out.append(("bnode", m.group(2)))
        else:
            out.append(("literal", unescape(m.group(3))))
        pos = m.end()
    return out


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    files = {}
    for path in argv[1:]:
        with open(path, "rb") as f:
            files[os.path.basename(path)] = f.read().decode("utf-8")
    props = {}  # subject -> {predicate: value}
    phrases = set()
    with open(argv[0], encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            t = terms(line)
            if len(t) < 3:
                print("%s:%d: cannot read this line" % (argv[0], n))
                return 1
            (_, s), (_, p), (_, o) = t[:3]
            if p == RDF_TYPE and o == NIF + "Phrase":
                phrases.add(s)
            elif p in (NIF + "referenceContext", NIF + "beginIndex", NIF + "endIndex",
                       NIF + "anchorOf", NIF + "isString", DCT_ID):
                props.setdefault(s, {})[p] = o
    bad = []
    docs = {}

    def text_of(ctx):
        if ctx in docs:
            return docs[ctx]
        p = props.get(ctx, {})
        text, ident = p.get(NIF + "isString"), p.get(DCT_ID)
        if ident in files:
            if text is not None and text != files[ident]:
                bad.append("%s: nif:isString differs from the content of %s" % (ctx, ident))
            text = files[ident]
        docs[ctx] = text
        return text

    for m in sorted(phrases):
        p = props.get(m, {})
        ctx, anchor = p.get(NIF + "referenceContext"), p.get(NIF + "anchorOf")
        try:
            b, e = int(p[NIF + "beginIndex"]), int(p[NIF + "endIndex"])
        except (KeyError, ValueError):
            bad.append("%s: no integer nif:beginIndex/nif:endIndex" % m)
            continue
        if ctx is None or anchor is None:
            bad.append("%s: no nif:referenceContext or nif:anchorOf" % m)
            continue
        if not m.endswith("#char=%d,%d" % (b, e)):
            bad.append("%s: the IRI does not end in #char=%d,%d" % (m, b, e))
        text = text_of(ctx)
        if text is None:
            bad.append("%s: no text for %s (give the file or use --include-text)" % (m, ctx))
        elif not 0 <= b < e <= len(text):
            bad.append("%s: [%d,%d) is outside the text (%d code points)" % (m, b, e, len(text)))
        elif text[b:e] != anchor:
            bad.append("%s: anchorOf %r but the text has %r" % (m, anchor, text[b:e]))
    print("%d phrases in %d documents checked, %d bad" % (len(phrases), len(docs), len(bad)))
    for line in bad[:20]:
        print("  " + line)
    return 1 if bad or not phrases else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
