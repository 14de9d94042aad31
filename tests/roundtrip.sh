#!/usr/bin/env bash
# tests/roundtrip.sh - other tools read what newskg writes, over the examples
# (examples/articles) and the seeds (../shared/seeds, when present):
#   - rapper (raptor2-utils) parses our Turtle, N-Triples and N-Quads, with
#     as many triples/quads as our N-Triples/N-Quads have lines, and the
#     Turtle means the same graph as the N-Triples (rdflib isomorphism);
#   - pyld's jsonld.to_rdf of our JSON-LD is isomorphic, graph by graph, to
#     our N-Quads (rdflib);
#   - valgrind finds no memory error and no definite or indirect leak in an
#     end-to-end run;
#   - the seed scorer (../shared/eval/score.py) sees both seed documents and
#     offsets_ok 1.000.
# One "ok N"/"not ok N" line per check (see tests/lib.sh).
#
# usage: bash tests/roundtrip.sh   (from the repository root; NEWSKG=path to
#                                   test another binary than build/newskg)
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/lib.sh

NEWSKG=${NEWSKG:-build/newskg}
PY=$NKG_PY
export NEWSKG_MAPPINGS=${NEWSKG_MAPPINGS:-$PWD/mappings}

tap_require_binary "$NEWSKG"

T=$(mktemp -d "${TMPDIR:-/tmp}/newskg-roundtrip.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT

# Input sets: NAME and its inputs.
sets=(examples)
# shellcheck disable=SC2034 # read through "declare -n" below
set_examples=(examples/articles)
if [ -n "$NKG_SHARED" ]; then
    sets+=(seeds)
    # shellcheck disable=SC2034
    set_seeds=("$NKG_SHARED"/seeds/*.txt)
fi

# Line count of an N-Triples/N-Quads file (statements only).
stmts() { grep -cv '^[[:space:]]*\(#\|$\)' "$1"; }

# rapper_count SYNTAX FILE: the number rapper reports after parsing FILE.
rapper_count() {
    rapper -i "$1" -c "$2" 2>&1 >/dev/null | sed -n 's/.*returned \([0-9][0-9]*\) .*/\1/p' | tail -n 1
}

# rdflib_same A SYNTAX_A B SYNTAX_B: the two files are isomorphic RDF
# datasets, graph by graph (a triples syntax reads as the default graph).
rdflib_same() {
    "$PY" - "$@" <<'EOF'
import sys
from rdflib import Dataset
from rdflib.compare import isomorphic, graph_diff, to_isomorphic

# The default graph gets this name on both sides (rdflib would otherwise name
# it after the file, or with a fresh blank node).
DEFAULT = "urn:x-newskg-test:default-graph"

def load(path, fmt):
    ds = Dataset()
    if fmt == "pyld":
        from pyld import jsonld
        import json
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        nq = jsonld.to_rdf(doc, {"format": "application/n-quads"})
        ds.parse(data=nq, format="nquads", publicID=DEFAULT)
    else:
        ds.parse(path, format=fmt, publicID=DEFAULT)
    graphs = {}
    for g in ds.graphs():
        if len(g):
            graphs[str(g.identifier)] = g
    return graphs

a, b = load(sys.argv[1], sys.argv[2]), load(sys.argv[3], sys.argv[4])
bad = 0
for name in sorted(set(a) | set(b)):
    ga, gb = a.get(name), b.get(name)
    if ga is None or gb is None:
        print("graph %s only in %s" % (name, sys.argv[1] if gb is None else sys.argv[3]))
        bad += 1
    elif not isomorphic(ga, gb):
        bad += 1
        both, only_a, only_b = graph_diff(to_isomorphic(ga), to_isomorphic(gb))
        print("graph %s differs: %d triples only in %s, %d only in %s" %
              (name, len(only_a), sys.argv[2], len(only_b), sys.argv[4]))
        for t in sorted(only_a)[:5]:
            print("  - " + " ".join(x.n3() for x in t))
        for t in sorted(only_b)[:5]:
            print("  + " + " ".join(x.n3() for x in t))
print("%d graphs compared, %d differ" % (len(set(a) | set(b)), bad))
sys.exit(1 if bad else 0)
EOF
}

for s in "${sets[@]}"; do
    declare -n inputs="set_$s"
    ok=1
    for fmt in turtle:ttl ntriples:nt nquads:nq jsonld:jsonld; do
        "$NEWSKG" extract -f "${fmt%%:*}" -o "$T/$s.${fmt#*:}" "${inputs[@]}" 2>"$T/err" || ok=0
    done
    if [ $ok = 0 ]; then
        tap_not_ok "$s: newskg writes the four formats"
        tap_diag "$T/err"
        continue
    fi
    nt=$(stmts "$T/$s.nt")
    nq=$(stmts "$T/$s.nq")

    for case in "turtle:ttl:$nt" "ntriples:nt:$nt" "nquads:nq:$nq"; do
        IFS=: read -r syntax ext want <<<"$case"
        got=$(rapper_count "$syntax" "$T/$s.$ext")
        if [ -n "$got" ] && [ "$got" = "$want" ]; then
            tap_ok "$s: rapper -i $syntax parses our .$ext: $got statements, as many as our lines"
        else
            tap_not_ok "$s: rapper -i $syntax parses our .$ext: ${got:-no count} statements, want $want"
            rapper -i "$syntax" -c "$T/$s.$ext" 2>&1 >/dev/null | tap_diag
        fi
    done

    if rapper -q -i turtle -o ntriples "$T/$s.ttl" >"$T/$s.ttl.nt" 2>"$T/err" &&
        rdflib_same "$T/$s.ttl.nt" nt "$T/$s.nt" nt >"$T/cmp" 2>&1; then
        tap_ok "$s: our Turtle, read by rapper, is the graph of our N-Triples (rdflib isomorphic)"
    else
        tap_not_ok "$s: our Turtle, read by rapper, is the graph of our N-Triples (rdflib isomorphic)"
        tap_diag "$T/err" "$T/cmp"
    fi

    if rdflib_same "$T/$s.jsonld" pyld "$T/$s.nq" nquads >"$T/cmp" 2>&1; then
        tap_ok "$s: pyld to_rdf of our JSON-LD is isomorphic to our N-Quads, graph by graph ($(tail -n 1 "$T/cmp"))"
    else
        tap_not_ok "$s: pyld to_rdf of our JSON-LD is isomorphic to our N-Quads, graph by graph"
        tap_diag "$T/cmp"
    fi
done

# valgrind over end-to-end runs: the seeds (plain text) as the brief asks,
# and the examples (HTML, JSON Lines) with the JSON-LD writer.
if ! command -v valgrind >/dev/null 2>&1; then
    tap_skip "valgrind is not installed"
else
    # shellcheck disable=SC2054
    vg=(valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99)
    runs=("examples/articles:jsonld")
    [ -n "$NKG_SHARED" ] && runs=("seeds:ntriples" "${runs[@]}")
    for r in "${runs[@]}"; do
        what=${r%%:*} fmt=${r#*:}
        if [ "$what" = seeds ]; then in=("$NKG_SHARED"/seeds/*.txt); else in=("$what"); fi
        "${vg[@]}" "$NEWSKG" extract -f "$fmt" -o "$T/vg.out" "${in[@]}" >"$T/vg.log" 2>&1
        rc=$?
        if [ $rc -eq 0 ] && [ -s "$T/vg.out" ]; then
            tap_ok "valgrind: newskg extract -f $fmt $what: no memory errors, no definite/indirect leaks"
        else
            tap_not_ok "valgrind: newskg extract -f $fmt $what: exit $rc (99: valgrind found errors or leaks)"
            grep -E '==[0-9]+== *(Invalid|Conditional|Use of|Mismatched|[0-9,]+ bytes in|by 0x|at 0x|ERROR SUMMARY)' "$T/vg.log" |
                head -n 20 | tap_diag
        fi
    done
fi

# The seed scorer: both documents found, every mention's offsets right.
if [ -z "$NKG_SHARED" ]; then
    tap_skip "../shared not found"
else
    "$NEWSKG" extract -f ntriples -o "$T/seeds-score.nt" "$NKG_SHARED"/seeds/*.txt 2>"$T/err"
    "$PY" "$NKG_SHARED/eval/score.py" --gold "$NKG_SHARED/eval/gold" --docs "$NKG_SHARED/seeds" \
        --graph "$T/seeds-score.nt" >"$T/score" 2>&1
    rc=$?
    head_line=$(grep -m1 '^documents ' "$T/score")
    if [ $rc -eq 0 ] && grep -q '^documents 2/2 ' "$T/score" && grep -qE '^documents .*offsets_ok 1\.000' "$T/score"; then
        tap_ok "seeds: score.py reports '$head_line'"
    else
        tap_not_ok "seeds: score.py reports 'documents 2/2' and 'offsets_ok 1.000' (got '${head_line:-nothing}', exit $rc)"
        tap_diag "$T/err" "$T/score"
    fi
fi

tap_done
