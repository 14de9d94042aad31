#!/usr/bin/env python3
"""Run the W3C RDF 1.1 Turtle, N-Triples and N-Quads test suites through
`newskg convert`, then check the JSON-LD writer and reader on every dataset
the suites define.

usage: tests/w3c_rdf.py NEWSKG [SHARED] [--no-jsonld]   (SHARED defaults to ../shared)

Manifest tests (the counts of the last line):
  positive syntax tests   must exit 0;
  negative syntax/eval    must exit non-zero;
  eval tests              must give a dataset isomorphic to the expected .nt.
Tests listed in tests/w3c_rdf_known.txt ("SUITE#NAME reason") are places
where raptor2 itself deviates from the manifest; they are reported as
"ok N - # SKIP known raptor2 deviation: reason", and reported as failures
if they start passing (so that the list stays true). "SUITE#NAME@turtle"
lines do the same for the Turtle round trip (raptor2's serializer).

Round trips (unless --no-jsonld), for each dataset a positive test
produces:
  - compact JSON-LD read back by newskg is isomorphic to it;
  - expanded JSON-LD read back by newskg is isomorphic to it;
  - Turtle written and read back by newskg (raptor2) is isomorphic to it,
    for datasets without named graphs;
  - compact JSON-LD expanded and converted to RDF by pyld (python3-pyld, run
    with /usr/bin/python3) is isomorphic to it; skipped when pyld is missing
    or the dataset has an xsd:double literal not in canonical form, which
    pyld 2.0.3 cannot read back (it fails on xsd:double strings).
The TriG suite is not among the shared suites, so TriG is not tested here.
The isomorphism check is this file's own (stdlib only).
"""
import json
import os
import subprocess
import sys

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
RDFT = "http://www.w3.org/ns/rdftest#"
XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double"

SUITES = [
    ("rdf-turtle", "turtle", ".ttl"),
    ("rdf-n-triples", "ntriples", ".nt"),
    ("rdf-n-quads", "nquads", ".nq"),
]

# ------------------------------------------------------------ N-Quads parser


class ParseError(Exception):
    pass


def unescape(s, i, end_char):
    """Read an N-Triples string or IRI body from s[i:], up to end_char."""
    out = []
    while i < len(s):
        c = s[i]
        if c == end_char:
            return "".join(out), i + 1
        if c == "\\":
            e = s[i + 1:i + 2]
            simple = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f",
                      '"': '"', "'": "'", "\\": "\\"}
            if e in simple:
                out.append(simple[e])
                i += 2
            elif e in ("u", "U"):
                n = 4 if e == "u" else 8
                out.append(chr(int(s[i + 2:i + 2 + n], 16)))
                i += 2 + n
            else:
                raise ParseError("bad escape")
        else:
            out.append(c)
            i += 1
    raise ParseError("unterminated")


def parse_term(s, i):
    while i < len(s) and s[i] in " \t":
        i += 1
    if i >= len(s):
        raise ParseError("missing term")
    c = s[i]
    if c == "<":
        v, i = unescape(s, i + 1, ">")
        return ("I", v), i
    if s.startswith("_:", i):
        j = i + 2
        while j < len(s) and s[j] not in " \t<\"":
            j += 1
        if j == len(s):  # "_:a." at the end: the dot ends the statement
            while s[j - 1] == ".":
                j -= 1
        return ("B", s[i + 2:j]), j
    if c == '"':
        v, i = unescape(s, i + 1, '"')
        lang, dt = None, None
        if s.startswith("@", i):
            j = i + 1
            while j < len(s) and (s[j].isalnum() or s[j] == "-"):
                j += 1
            lang, i = s[i + 1:j].lower(), j
        elif s.startswith("^^<", i):
            dt, i = unescape(s, i + 3, ">")
            if dt == "http://www.w3.org/2001/XMLSchema#string":
                dt = None
        return ("L", v, dt, lang), i
    raise ParseError("unexpected %r" % c)


def parse_nquads(text):
    """A set of (s, p, o, g) with g None for the default graph."""
    quads = set()
    # Split on LF only and trim only N-Triples white space: literals may hold
    # characters Python would also take as line breaks or spaces.
    for line in text.split("\n"):
        t = line.strip(" \t\r")
        if not t or t.startswith("#"):
            continue
        terms, i = [], 0
        while True:
            while i < len(t) and t[i] in " \t":
                i += 1
            if i < len(t) and t[i] == ".":
                break
            term, i = parse_term(t, i)
            terms.append(term)
        if len(terms) == 3:
            terms.append(None)
        if len(terms) != 4:
            raise ParseError("bad statement: " + t)
        quads.add(tuple(terms))
    return quads

# ---------------------------------------------------------------- isomorphism


def isomorphic(a, b):
    """Datasets as sets of quads: equal up to a renaming of blank nodes."""
    if len(a) != len(b):
        return False
    isb = lambda t: t is not None and t[0] == "B"
    ga = {q for q in a if not any(isb(t) for t in q)}
    gb = {q for q in b if not any(isb(t) for t in q)}
    if ga != gb:
        return False
    ra, rb = list(a - ga), list(b - gb)
    na = sorted({t for q in ra for t in q if isb(t)})
    nb = sorted({t for q in rb for t in q if isb(t)})
    if len(na) != len(nb):
        return False
    return search(ra, rb, refine(ra, {n: 0 for n in na}), refine(rb, {n: 0 for n in nb}), set(rb))


def refine(quads, color):
    """Colour refinement: a blank node's colour from its quads' shapes."""
    while True:
        sig = {n: [color[n]] for n in color}
        for q in quads:
            for pos, t in enumerate(q):
                if t is not None and t[0] == "B":
                    sig[t].append((pos, tuple(("B", color[u]) if u is not None and u[0] == "B"
                                             else u for u in q)))
        keys = {n: repr(sorted(map(repr, v))) for n, v in sig.items()}
        names = {k: i for i, k in enumerate(sorted(set(keys.values())))}
        new = {n: names[keys[n]] for n in color}
        if len(set(new.values())) == len(set(color.values())):
            return new
        color = new


def search(ra, rb, ca, cb, setb):
    # Colours are only comparable when both sides refined the same way:
    # compare colour class sizes through the canonical signature order.
    if sorted(ca.values()) != sorted(cb.values()):
        return False
    classes = {}
    for n, c in ca.items():
        classes.setdefault(c, []).append(n)
    if all(len(v) == 1 for v in classes.values()):
        inv = {c: n for n, c in cb.items()}
        m = {n: inv[c] for n, c in ca.items()}
        tr = lambda t: m[t] if t is not None and t[0] == "B" else t
        return {tuple(tr(t) for t in q) for q in ra} == setb
    c = min((c for c, v in classes.items() if len(v) > 1), key=lambda c: len(classes[c]))
    n = classes[c][0]
    top = max(max(ca.values()), max(cb.values())) + 1
    for cand in [x for x, col in cb.items() if col == c]:
        na = dict(ca)
        nb = dict(cb)
        na[n] = top
        nb[cand] = top
        if search(ra, rb, refine(ra, na), refine(rb, nb), setb):
            return True
    return False

# -------------------------------------------------------------------- running


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def read_manifest(binary, suite_dir):
    path = os.path.join(suite_dir, "manifest.ttl")
    rc, out, err = run([binary, "convert", "-i", "turtle", "-o", "ntriples", path])
    if rc != 0:
        raise SystemExit("cannot read %s: %s" % (path, err.strip()))
    quads = parse_nquads(out)
    props = {}
    for s, p, o, _ in quads:
        props.setdefault(s, {}).setdefault(p[1], []).append(o)
    manifest = [s for s, ps in props.items()
                if ("I", MF + "Manifest") in ps.get(RDF + "type", [])][0]
    # The N-Triples and N-Quads manifests name no base: their tests need none.
    default_base = "https://w3c.github.io/rdf-tests/rdf/rdf11/%s/" % os.path.basename(suite_dir)
    base = props[manifest].get(MF + "assumedTestBase", [("I", default_base)])[0][1]
    entries, node = [], props[manifest][MF + "entries"][0]
    while node != ("I", RDF + "nil"):
        entries.append(props[node][RDF + "first"][0])
        node = props[node][RDF + "rest"][0]
    local_prefix = manifest[1].rsplit("/", 1)[0] + "/"
    tests = []
    for e in entries:
        ps = props[e]
        rel = lambda t: t[1][len(local_prefix):]
        test = {
            "name": ps[MF + "name"][0][1],
            "type": ps[RDF + "type"][0][1].split("#")[-1],
            "action": rel(ps[MF + "action"][0]),
            "result": rel(ps[MF + "result"][0]) if MF + "result" in ps else None,
        }
        test["base"] = base + test["action"]
        tests.append(test)
    return tests


def load_known(path):
    known = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    tid, _, reason = line.partition(" ")
                    known[tid] = reason.strip()
    return known


PYLD_SCRIPT = r"""
import json, sys
from pyld import jsonld
docs = json.load(sys.stdin)
out = {}
for k, text in docs.items():
    try:
        out[k] = ["ok", jsonld.to_rdf(json.loads(text), {"format": "application/n-quads"})]
    except Exception as e:
        out[k] = ["error", "%s: %s" % (type(e).__name__, e)]
json.dump(out, sys.stdout)
"""


def pyld_batch(docs):
    """{key: compact JSON-LD} -> {key: ("ok", nquads) | ("error", msg)}, or
    None when /usr/bin/python3 has no pyld."""
    if not docs:
        return {}
    py = "/usr/bin/python3"
    if not os.path.exists(py) or subprocess.run([py, "-c", "import pyld"],
                                                stderr=subprocess.DEVNULL).returncode != 0:
        return None
    p = subprocess.run([py, "-c", PYLD_SCRIPT], input=json.dumps(docs).encode("utf-8"),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        return {k: ("error", p.stderr.decode("utf-8", "replace")) for k in docs}
    return json.loads(p.stdout.decode("utf-8"))


def canonical_double(lex):
    try:
        d = float(lex)
    except ValueError:
        return False
    if d != d or d in (float("inf"), float("-inf")):
        return False
    m, _, e = ("%.15E" % d).partition("E")
    m = m.rstrip("0")
    if m.endswith("."):
        m += "0"
    return lex == "%sE%d" % (m, int(e))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    do_jsonld = "--no-jsonld" not in sys.argv
    if not args:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary = args[0]
    shared = args[1] if len(args) > 1 else "../shared"
    root = os.path.join(shared, "w3c", "rdf-tests", "rdf", "rdf11")
    known = load_known(os.path.join(os.path.dirname(os.path.abspath(__file__)), "w3c_rdf_known.txt"))
    n = passed = failed = skipped = 0
    datasets = []  # (label, dataset) of positive tests, for the JSON-LD checks

    def report(ok, label, why=None, skip=None):
        nonlocal n
        n += 1
        if skip:
            print("ok %d - %s # SKIP %s" % (n, label, skip))
        elif ok:
            print("ok %d - %s" % (n, label))
        else:
            print("not ok %d - %s" % (n, label))
            if why:
                print("#   " + why.strip().replace("\n", "\n#   "))

    for suite, fmt, _ext in SUITES:
        suite_dir = os.path.join(root, suite)
        for t in read_manifest(binary, suite_dir):
            tid = "%s#%s" % (suite, t["name"])
            action = os.path.join(suite_dir, t["action"])
            out_fmt = "nquads" if fmt == "nquads" else "ntriples"
            rc, out, err = run([binary, "convert", "-i", fmt, "-o", out_fmt, "--base", t["base"], action])
            positive = t["type"] in ("TestTurtleEval", "TestTurtlePositiveSyntax",
                                     "TestNTriplesPositiveSyntax", "TestNQuadsPositiveSyntax")
            why = None
            if not positive:
                if rc == 0:
                    why = "accepted a bad input (exit 0)"
                elif rc != 3:
                    why = "exit %d (bad input is 3): %s" % (rc, err)
                elif out:
                    why = "wrote output despite the error"
                elif len(err.strip().splitlines()) != 1 or not err.startswith("newskg: "):
                    why = "the error is not one 'newskg: ...' line: %r" % err
            elif rc != 0:
                why = "exit %d: %s" % (rc, err)
            else:
                got = parse_nquads(out)
                if t["type"] == "TestTurtleEval":
                    with open(os.path.join(suite_dir, t["result"]), encoding="utf-8") as f:
                        expected = parse_nquads(f.read())
                    if not isomorphic(expected, got):
                        why = "result not isomorphic to %s" % t["result"]
                if why is None:
                    datasets.append((tid, action, fmt, t["base"], got))
            label = "%s %s" % (tid, t["type"])
            if tid in known:
                if why is None:
                    failed += 1
                    report(False, label, "listed in w3c_rdf_known.txt but passes: remove it")
                else:
                    skipped += 1
                    report(True, label, skip="known raptor2 deviation: " + known[tid])
            elif why is None:
                passed += 1
                report(True, label)
            else:
                failed += 1
                report(False, label, why)

    jfail = 0
    if do_jsonld:
        jpass = jskip = 0
        compact = {}
        for tid, action, fmt, base, got in datasets:
            for mode in ("compact", "expanded", "turtle"):
                out_fmt = "turtle" if mode == "turtle" else "jsonld"
                if mode == "turtle" and any(q[3] is not None for q in got):
                    continue  # Turtle holds no named graphs
                cmd = [binary, "convert", "-i", fmt, "-o", out_fmt, "--base", base, action]
                if mode == "expanded":
                    cmd.insert(6, "--expanded")
                rc, out, err = run(cmd)
                why = None
                if rc != 0:
                    why = "writing %s: exit %d: %s" % (out_fmt, rc, err)
                else:
                    if mode == "compact":
                        compact[tid] = out
                    p = subprocess.run([binary, "convert", "-i", out_fmt, "-o", "nquads", "-"],
                                       input=out.encode("utf-8"), stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE)
                    if p.returncode != 0:
                        why = "reading back: exit %d: %s" % (p.returncode, p.stderr.decode())
                    elif not isomorphic(got, parse_nquads(p.stdout.decode("utf-8"))):
                        why = "read back, the dataset differs"
                what = "Turtle" if mode == "turtle" else "JSON-LD " + mode
                label = "%s %s write/read round trip" % (tid, what)
                key = "%s@%s" % (tid, mode)
                if key in known:
                    if why is None:
                        jfail += 1
                        report(False, label, "listed in w3c_rdf_known.txt but passes: remove it")
                    else:
                        jskip += 1
                        report(True, label, skip="known raptor2 deviation: " + known[key])
                elif why:
                    jfail += 1
                    report(False, label, why)
                else:
                    jpass += 1
                    report(True, label)
        results = pyld_batch(compact)
        for tid, action, fmt, base, got in datasets:
            label = "%s compact JSON-LD read by pyld" % tid
            doubles = [o for _, _, o, _ in got if o[0] == "L" and o[2] == XSD_DOUBLE]
            if results is None:
                jskip += 1
                report(True, label, skip="pyld is not installed for /usr/bin/python3")
            elif any(not canonical_double(o[1]) for o in doubles):
                jskip += 1
                report(True, label, skip="pyld 2.0.3 cannot read xsd:double strings")
            elif tid not in results:
                jfail += 1
                report(False, label, "no compact output")
            elif results[tid][0] != "ok":
                jfail += 1
                report(False, label, "pyld: " + results[tid][1])
            elif not isomorphic(got, parse_nquads(results[tid][1])):
                jfail += 1
                report(False, label, "pyld's dataset differs")
            else:
                jpass += 1
                report(True, label)
        print("# round trips: %d passed, %d failed, %d skipped" % (jpass, jfail, jskip))
    print("# rdf-tests: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed or jfail else 0


if __name__ == "__main__":
    sys.exit(main())
