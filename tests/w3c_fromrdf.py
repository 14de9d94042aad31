#!/usr/bin/env python3
"""Run the W3C JSON-LD 1.1 fromRdf manifest against `newskg convert`.

usage: tests/w3c_fromrdf.py NEWSKG [SHARED]   (SHARED defaults to ../shared)

Each test converts its N-Quads input with
    NEWSKG convert -i nquads -o jsonld --expanded [options]
and compares the result with the expected document the way the W3C harness
does: JSON equality where arrays are unordered except @list arrays, and
blank node identifiers are equal up to a consistent renaming. Negative
tests pass when the command exits non-zero. Tests for JSON-LD 1.0 only
(specVersion/processingMode json-ld-1.0) are skipped.
"""
import json
import os
import subprocess
import sys


def is_bnode(s):
    return isinstance(s, str) and s.startswith("_:")


def same_scalar(a, b):
    # bool is an int in Python: keep true apart from 1.
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def match(a, b, m, ident=False):
    """Yield each extension of the blank node mapping m (expected id ->
    actual id) under which a equals b."""
    if ident and is_bnode(a) and is_bnode(b):
        if a in m:
            if m[a] == b:
                yield m
        elif b not in m.values():
            n = dict(m)
            n[a] = b
            yield n
        return
    if isinstance(a, dict):
        if not isinstance(b, dict) or set(a) != set(b):
            return
        yield from match_members(sorted(a), a, b, m)
    elif isinstance(a, list):
        if not isinstance(b, list) or len(a) != len(b):
            return
        yield from match_unordered(a, list(b), m, ident)
    elif same_scalar(a, b):
        yield m


def match_members(keys, a, b, m):
    if not keys:
        yield m
        return
    k, rest = keys[0], keys[1:]
    if k == "@list":
        gen = match_ordered(a[k], b[k], m)
    elif k == "@value" and a.get("@type") == "@json":
        gen = (m,) if a[k] == b[k] and json_equal(a[k], b[k]) else ()
    else:
        gen = match(a[k], b[k], m, ident=k in ("@id", "@type"))
    for m2 in gen:
        yield from match_members(rest, a, b, m2)


def json_equal(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and set(a) == set(b) and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b))
    return same_scalar(a, b)


def match_ordered(a, b, m):
    if not isinstance(a, list) or not isinstance(b, list) or len(a) != len(b):
        return
    if not a:
        yield m
        return
    for m2 in match(a[0], b[0], m):
        yield from match_ordered(a[1:], b[1:], m2)


def match_unordered(a, b, m, ident):
    if not a:
        yield m
        return
    for i, cand in enumerate(b):
        for m2 in match(a[0], cand, m, ident):
            yield from match_unordered(a[1:], b[:i] + b[i + 1:], m2, ident)


def equivalent(expected, actual):
    for _ in match(expected, actual, {}):
        return True
    return False


def options_for(opt):
    args = []
    if opt.get("useNativeTypes"):
        args.append("--use-native-types")
    if opt.get("useRdfType"):
        args.append("--use-rdf-type")
    if opt.get("rdfDirection"):
        args.append("--rdf-direction=" + opt["rdfDirection"])
    return args


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary = sys.argv[1]
    shared = sys.argv[2] if len(sys.argv) > 2 else "../shared"
    tests_dir = os.path.join(shared, "w3c", "json-ld-api", "tests")
    with open(os.path.join(tests_dir, "fromRdf-manifest.jsonld"), encoding="utf-8") as f:
        manifest = json.load(f)
    passed = failed = skipped = 0
    for n, test in enumerate(manifest["sequence"], 1):
        tid, name = test["@id"], test.get("name", "")
        types = test["@type"] if isinstance(test["@type"], list) else [test["@type"]]
        opt = test.get("option", {})
        if opt.get("specVersion") == "json-ld-1.0" or opt.get("processingMode") == "json-ld-1.0":
            skipped += 1
            print("ok %d - %s %s # SKIP json-ld-1.0 only" % (n, tid, name))
            continue
        cmd = [binary, "convert", "-i", "nquads", "-o", "jsonld", "--expanded"]
        cmd += options_for(opt)
        cmd.append(os.path.join(tests_dir, test["input"]))
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        why = None
        if "jld:NegativeEvaluationTest" in types:
            if proc.returncode == 0:
                why = "expected an error (%s), got exit 0" % test.get("expectErrorCode")
        elif proc.returncode != 0:
            why = "exit %d: %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace").strip())
        else:
            with open(os.path.join(tests_dir, test["expect"]), encoding="utf-8") as f:
                expected = json.load(f)
            try:
                actual = json.loads(proc.stdout.decode("utf-8"))
            except ValueError as e:
                actual, why = None, "output is not JSON: %s" % e
            if why is None and not equivalent(expected, actual):
                why = "output differs from %s" % test["expect"]
        if why is None:
            passed += 1
            print("ok %d - %s %s" % (n, tid, name))
        else:
            failed += 1
            print("not ok %d - %s %s" % (n, tid, name))
            print("#   " + why.replace("\n", "\n#   "))
    print("# fromRdf: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
