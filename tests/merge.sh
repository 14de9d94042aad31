#!/usr/bin/env bash
# tests/merge.sh - merging across articles in the Redland store (issue 4),
# and the query command. One "ok N"/"not ok N" line per test (tests/lib.sh).
#
# For the examples (examples/articles) and, when ../shared is there, the
# seeds (../shared/seeds/*.txt):
#   - extracting the articles one at a time into a sqlite store gives a graph
#     isomorphic to one run over all of them, apart from the runs' own PROV
#     records (every graph named by a prov:Activity, and default-graph
#     statements about a prov:Activity or prov:SoftwareAgent); the store
#     keeps every article's named graph and the summary graph, and each run
#     replaced the summaries (one value per summary number);
#   - the same in the reverse order gives byte-identical N-Quads, and so does
#     one run over the inputs in the reverse order;
#   - `newskg merge` of one N-Quads shard per input equals one run, apart
#     from PROV, and is byte-identical whatever the order of the shards;
#   - extracting an article again into the store changes nothing: the same
#     N-Quads, the same number of rows in the store; `merge --store` with
#     no file writes the store unchanged.
# For the seeds: the attack event both articles report has a casualty
# summary for nkg:Killed with lowestCount 59, highestCount 59, sourceCount 2.
# `merge` of a triples file with N-Quads keeps its triples in the default
# graph, in the memory and the sqlite store.
# For the query command: each examples/queries/NAME.rq, run over the N-Quads
# of the examples with -f csv, prints exactly examples/queries/expected/
# NAME.csv, and prints the same over the sqlite store; -f json is valid
# SPARQL results JSON with the same rows, -f table the same rows with tabs;
# a query without rows still names its variables; --store of a missing file
# exits 4 and creates nothing; a bad query exits 3 with one error line; a bad
# format exits 2, a missing file 4.
#
# Graphs are compared with rdflib (NKG_PYTHON, default /usr/bin/python3).
#
# usage: bash tests/merge.sh        (from the repository root; NEWSKG=path to
#                                    test another binary than build/newskg)
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/lib.sh

NEWSKG=${NEWSKG:-build/newskg}
case $NEWSKG in /*) ;; *) NEWSKG=$PWD/$NEWSKG ;; esac
export NEWSKG_MAPPINGS=${NEWSKG_MAPPINGS:-$PWD/mappings}
PY=$NKG_PY
QUERIES=$PWD/examples/queries
BASE=https://w3id.org/newskg/id/

tap_require_binary "$NEWSKG"
if ! "$PY" -c 'import rdflib' 2>/dev/null; then
    tap_not_ok "$PY has rdflib"
    tap_done
    exit 1
fi

ROOT=$(mktemp -d "${TMPDIR:-/tmp}/newskg-merge.XXXXXX") || exit 1
trap 'rm -rf "$ROOT"' EXIT

# --- helpers -------------------------------------------------------------------

# rdfcheck.py same A.nq B.nq: exit 0 when the two datasets are isomorphic once
# the runs' PROV records are dropped from both; otherwise "#" lines saying
# what differs.
# rdfcheck.py single FILE.nq: exit 0 when every casualty summary has one
# lowest, highest and source count.
# rdfcheck.py graphs FILE.nq: the names of its graphs, one a line.
# rdfcheck.py summary FILE.nq ARTICLE1 ARTICLE2 TYPE: "low high sources" of
# the TYPE summary of each event with mentions in both articles.
cat >"$ROOT/rdfcheck.py" <<'EOF'
import sys
from rdflib import BNode, ConjunctiveGraph, Graph, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

PROV = Namespace("http://www.w3.org/ns/prov#")
NKG = Namespace("https://w3id.org/newskg/ns#")
GAF = Namespace("http://groundedannotationframework.org/gaf#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
DEFAULT = URIRef("urn:x-newskg-test:default-graph")


def quads(path):
    # rdflib puts the default graph's triples in a graph named by publicID.
    cg = ConjunctiveGraph()
    cg.parse(path, format="nquads", publicID=DEFAULT)
    return {(s, p, o, g.identifier) for s, p, o, g in cg.quads((None, None, None, None))}


def without_prov(qs):
    runs = {s for s, p, o, g in qs
            if p == RDF.type and o in (PROV.Activity, PROV.SoftwareAgent)}
    return {q for q in qs if q[3] not in runs and not (q[3] == DEFAULT and q[0] in runs)}


def isomorphic_quads(a, b):
    if not any(isinstance(t, BNode) for q in a | b for t in q):
        return a == b
    # Blank nodes: compare the datasets as graphs of one node per quad.
    def graph(qs):
        g = Graph()
        for s, p, o, c in qs:
            n = BNode()
            for k, v in zip("spog", (s, p, o, c)):
                g.add((n, URIRef("urn:x-newskg-test:" + k), v))
        return g
    return isomorphic(graph(a), graph(b))


def same(a_path, b_path):
    a, b = without_prov(quads(a_path)), without_prov(quads(b_path))
    if isomorphic_quads(a, b):
        return 0
    print("#   %d quads against %d, apart from PROV" % (len(a), len(b)))
    for sign, d in (("-", a - b), ("+", b - a)):
        for q in sorted(d, key=str)[:8]:
            print("#   %s %s" % (sign, " ".join(t.n3() for t in q)))
    return 1


def single(path):
    """Each casualty summary has one value for each of its numbers."""
    cg = ConjunctiveGraph()
    cg.parse(path, format="nquads")
    bad = 0
    for s in sorted(set(cg.subjects(RDF.type, NKG.CasualtySummary))):
        for p in (NKG.lowestCount, NKG.highestCount, NKG.sourceCount):
            vals = sorted(set(cg.objects(s, p)))
            if len(vals) != 1:
                bad += 1
                if bad <= 8:
                    print("#   %s %s: %s" % (s.n3(), p.n3(), ", ".join(v.n3() for v in vals)))
    return 1 if bad else 0


def graphs(path):
    for g in sorted({q[3] for q in quads(path)} - {DEFAULT}):
        print(g)
    return 0


def summary(path, art1, art2, ctype):
    cg = ConjunctiveGraph()
    cg.parse(path, format="nquads")
    def articles(event):
        return {cg.value(m, NIF.referenceContext) for m in cg.objects(event, GAF.denotedBy)}
    for event in sorted(set(cg.subjects(NKG.summary, None))):
        if not {URIRef(art1), URIRef(art2)} <= articles(event):
            continue
        for s in cg.objects(event, NKG.summary):
            if cg.value(s, NKG.casualtyType) == NKG[ctype]:
                print(cg.value(s, NKG.lowestCount), cg.value(s, NKG.highestCount),
                      cg.value(s, NKG.sourceCount))
    return 0


def shared(path, art1, art2, ctype):
    """The TYPE summaries that events of ART1 and events of ART2 both point
    at (events joined only by owl:sameAs share one)."""
    cg = ConjunctiveGraph()
    cg.parse(path, format="nquads")
    def sums(art):
        out = set()
        for event in set(cg.subjects(NKG.summary, None)):
            if URIRef(art) in {cg.value(m, NIF.referenceContext) for m in cg.objects(event, GAF.denotedBy)}:
                out |= {s for s in cg.objects(event, NKG.summary) if cg.value(s, NKG.casualtyType) == NKG[ctype]}
        return out
    for s in sorted(sums(art1) & sums(art2)):
        print(cg.value(s, NKG.lowestCount), cg.value(s, NKG.highestCount), cg.value(s, NKG.sourceCount))
    return 0


sys.exit({"same": same, "single": single, "graphs": graphs, "summary": summary,
          "shared": shared}[sys.argv[1]](*sys.argv[2:]))
EOF

# Fresh directory per test.
fresh() { mktemp -d "$ROOT/t.XXXXXX"; }

# nk ARGS...: newskg with stderr to $T/err; returns its status.
nk() { "$NEWSKG" "$@" 2>>"$T/err" </dev/null; }

show_err() { [ -s "$T/err" ] && { echo "#   stderr:"; tap_diag "$T/err"; }; }

# same DESC A B: ok when A and B are isomorphic apart from PROV.
same() {
    local desc=$1 out
    if out=$("$PY" "$ROOT/rdfcheck.py" same "$2" "$3" 2>&1); then
        tap_ok "$desc"
    else
        tap_not_ok "$desc"
        printf '%s\n' "$out" | head -n 20 | sed 's/^\([^#]\)/#   \1/'
    fi
}

# identical DESC A B: ok when A and B are the same bytes.
identical() {
    if cmp -s "$2" "$3"; then
        tap_ok "$1"
    else
        tap_not_ok "$1"
        diff "$2" "$3" | head -n 10 | sed 's/^/#   /'
    fi
}

# store_rows FILE: the number of statement rows in a Redland sqlite store.
store_rows() {
    "$PY" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM triples").fetchone()[0])' "$1"
}

# article_iri FILE: the IRI newskg gives a plain-text article.
article_iri() { printf '%sarticle/%s' "$BASE" "${1##*/}"; }

# --- one collection: store, shards, order, re-adding ---------------------------------

# corpus NAME INPUT...: the merge tests over the INPUTs (files, each one shard).
corpus() {
    local name=$1 i rc out reversed=()
    shift
    for ((i = $#; i >= 1; i--)); do reversed+=("${!i}"); done
    T=$(fresh)
    CORPUS_DIR=$T

    # One run over all of them, in both orders.
    nk extract -f nquads -o "$T/one.nq" "$@" && nk extract -f nquads -o "$T/one-rev.nq" "${reversed[@]}"
    rc=$?
    if [ $rc -ne 0 ] || [ ! -s "$T/one.nq" ]; then
        tap_not_ok "$name: one run over all inputs (exit $rc)"
        show_err
        return
    fi
    identical "$name: one run, inputs in reverse order: byte-identical N-Quads" "$T/one.nq" "$T/one-rev.nq"

    # A sqlite store, one input per run.
    rc=0
    for i in "$@"; do
        nk extract -f nquads --store "sqlite:$T/store.db" -o "$T/inc.nq" "$i" || { rc=$?; break; }
    done
    if [ $rc -eq 0 ] && [ -s "$T/inc.nq" ]; then
        tap_ok "$name: extract into a sqlite store, one input per run"
        same "$name: sqlite store filled one input at a time == one run (apart from PROV)" "$T/one.nq" "$T/inc.nq"
        if out=$("$PY" "$ROOT/rdfcheck.py" single "$T/inc.nq" 2>&1); then
            tap_ok "$name: each run replaced the store's summaries (one value per summary number)"
        else
            tap_not_ok "$name: each run replaced the store's summaries (one value per summary number)"
            printf '%s\n' "$out" | head -n 10
        fi
        "$PY" "$ROOT/rdfcheck.py" graphs "$T/one.nq" | grep -v "^${BASE}run/" >"$T/graphs.want"
        nk query --store "sqlite:$T/store.db" -f csv \
            -e 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g' >"$T/graphs.csv"
        tail -n +2 "$T/graphs.csv" | grep -v "^${BASE}run/" >"$T/graphs.got"
        if [ -s "$T/graphs.want" ] && cmp -s "$T/graphs.want" "$T/graphs.got"; then
            tap_ok "$name: the sqlite store keeps every article's named graph and the summary graph"
        else
            tap_not_ok "$name: the sqlite store keeps every article's named graph and the summary graph"
            diff "$T/graphs.want" "$T/graphs.got" | head -n 10 | sed 's/^/#   /'
            show_err
        fi
    else
        tap_not_ok "$name: extract into a sqlite store, one input per run (exit $rc)"
        show_err
        tap_skip "$name: sqlite store == one run: no store"
        tap_skip "$name: summaries replaced: no store"
        tap_skip "$name: sqlite store keeps the named graphs: no store"
    fi

    # The same, inputs in the reverse order.
    rc=0
    for i in "${reversed[@]}"; do
        nk extract -f nquads --store "sqlite:$T/store-rev.db" -o "$T/inc-rev.nq" "$i" || { rc=$?; break; }
    done
    if [ $rc -eq 0 ] && [ -s "$T/inc-rev.nq" ]; then
        identical "$name: sqlite store filled in the reverse order: byte-identical N-Quads" "$T/inc.nq" "$T/inc-rev.nq"
    else
        tap_not_ok "$name: sqlite store filled in the reverse order (exit $rc)"
        show_err
    fi

    # Re-adding an article is a no-op.
    if [ -s "$T/inc.nq" ]; then
        local before after
        before=$(store_rows "$T/store.db")
        nk extract -f nquads --store "sqlite:$T/store.db" -o "$T/again.nq" "$1"
        rc=$?
        after=$(store_rows "$T/store.db")
        if [ $rc -eq 0 ] && cmp -s "$T/inc.nq" "$T/again.nq" && [ "$before" = "$after" ]; then
            tap_ok "$name: extracting ${1##*/} into the store again changes nothing ($after rows)"
        else
            tap_not_ok "$name: extracting ${1##*/} into the store again changes nothing"
            echo "#   exit $rc; store rows $before -> $after"
            diff "$T/inc.nq" "$T/again.nq" | head -n 10 | sed 's/^/#   /'
            show_err
        fi
        # merge --store with no file writes the store as it is.
        before=$(store_rows "$T/store.db")
        nk merge -f nquads --store "sqlite:$T/store.db" -o "$T/store-out.nq"
        rc=$?
        after=$(store_rows "$T/store.db")
        if [ $rc -eq 0 ] && cmp -s "$T/inc.nq" "$T/store-out.nq" && [ "$before" = "$after" ]; then
            tap_ok "$name: merge --store of the store alone writes it unchanged"
        else
            tap_not_ok "$name: merge --store of the store alone writes it unchanged"
            echo "#   exit $rc; store rows $before -> $after"
            diff "$T/inc.nq" "$T/store-out.nq" | head -n 10 | sed 's/^/#   /'
            show_err
        fi
    fi

    # Shards: one N-Quads file per input, merged.
    local shards=() k=0
    rc=0
    for i in "$@"; do
        k=$((k + 1))
        nk extract -f nquads -o "$T/shard$k.nq" "$i" || { rc=$?; break; }
        shards+=("$T/shard$k.nq")
    done
    local rshards=()
    for ((i = ${#shards[@]} - 1; i >= 0; i--)); do rshards+=("${shards[i]}"); done
    if [ $rc -eq 0 ] && nk merge -f nquads -o "$T/merged.nq" "${shards[@]}" &&
        nk merge -f nquads -o "$T/merged-rev.nq" "${rshards[@]}"; then
        same "$name: merge of one shard per input == one run (apart from PROV)" "$T/one.nq" "$T/merged.nq"
        identical "$name: merge of the shards in the reverse order: byte-identical N-Quads" "$T/merged.nq" "$T/merged-rev.nq"
    else
        tap_not_ok "$name: extract the shards and merge them"
        show_err
    fi
}

# --- the examples ----------------------------------------------------------------

mapfile -t example_inputs < <(find "$PWD/examples/articles" -maxdepth 1 -type f \
    \( -name '*.txt' -o -name '*.html' -o -name '*.jsonl' \) | sort)
corpus examples "${example_inputs[@]}"
EX=$CORPUS_DIR

# --- the seeds -------------------------------------------------------------------------

if [ -n "$NKG_SHARED" ] && compgen -G "$NKG_SHARED/seeds/*.txt" >/dev/null; then
    mapfile -t seeds < <(printf '%s\n' "$NKG_SHARED"/seeds/*.txt | sort)
    corpus seeds "${seeds[@]}"
    S=$CORPUS_DIR
    if [ ${#seeds[@]} -ge 2 ]; then
        a1=$(article_iri "${seeds[0]}")
        a2=$(article_iri "${seeds[1]}")
        for f in one.nq inc.nq merged.nq; do
            [ -s "$S/$f" ] || continue
            got=$("$PY" "$ROOT/rdfcheck.py" summary "$S/$f" "$a1" "$a2" Killed 2>&1)
            case $f in one.nq) what="one run" ;; inc.nq) what="the sqlite store" ;; *) what="the merged shards" ;; esac
            if printf '%s\n' "$got" | grep -qx '59 59 2'; then
                tap_ok "seeds: the attack event in both articles has a Killed summary 59..59 from 2 sources ($what)"
            else
                tap_not_ok "seeds: the attack event in both articles has a Killed summary 59..59 from 2 sources ($what)"
                echo "#   lowest highest sources of the events in both articles: $(printf '%s; ' $got)"
            fi
        done
    fi
else
    tap_skip "seeds: ../shared/seeds not found"
fi

# --- events joined only by owl:sameAs share their summaries -------------------------------
# Article a keys its event by place and date, b by the victim's name, which
# a gives as an alias: one incident, two IRIs, one Killed summary from 2
# sources, whichever way the store was filled.
T=$(fresh)
alias_a=$PWD/tests/data/merge-alias/a.txt
alias_b=$PWD/tests/data/merge-alias/b.txt
if nk extract -f nquads -o "$T/one.nq" "$alias_a" "$alias_b" &&
    nk extract --store "sqlite:$T/s.db" -f nquads -o "$T/a.nq" "$alias_a" &&
    nk extract --store "sqlite:$T/s.db" -f nquads -o "$T/inc.nq" "$alias_b"; then
    for f in one.nq inc.nq; do
        got=$("$PY" "$ROOT/rdfcheck.py" shared "$T/$f" "$(article_iri "$alias_a")" "$(article_iri "$alias_b")" Killed 2>&1)
        if [ "$got" = "1 1 2" ]; then
            tap_ok "sameAs-joined events: one shared Killed summary 1..1 from 2 sources ($f)"
        else
            tap_not_ok "sameAs-joined events: one shared Killed summary 1..1 from 2 sources ($f)"
            echo "#   got: $(printf '%s; ' $got)"
        fi
    done
else
    tap_not_ok "sameAs-joined events: extract the two articles"
    show_err
fi

# --- the default graph beside named graphs ----------------------------------------------
# A triples file merged with N-Quads: its triples stay in the default graph,
# also when a named graph holds the same triple, in either store.
T=$(fresh)
printf '%s\n' '<http://example.org/s1> <http://example.org/p> "in g1" <http://example.org/g1> .' >"$T/a.nq"
printf '%s\n' '<http://example.org/s2> <http://example.org/p> "default graph" .' \
    '<http://example.org/s1> <http://example.org/p> "in g1" .' >"$T/b.ttl"
printf '%s\n' '<http://example.org/s3> <http://example.org/p> "in g2" <http://example.org/g2> .' >"$T/c.nq"
cat "$T/a.nq" "$T/b.ttl" "$T/c.nq" >"$T/want.nq"
for store in memory sqlite; do
    spec=memory
    [ $store = sqlite ] && spec=sqlite:$T/dg.db
    if nk merge --store "$spec" -f nquads -o "$T/dg-$store.nq" "$T/a.nq" "$T/b.ttl" "$T/c.nq"; then
        grep -v "${BASE}graph/summary" "$T/dg-$store.nq" >"$T/dg-$store.got"
        same "merge --store $store keeps a triples file's triples in the default graph" "$T/want.nq" "$T/dg-$store.got"
    else
        tap_not_ok "merge --store $store keeps a triples file's triples in the default graph"
        show_err
    fi
done

# --- query: the example queries ---------------------------------------------------------

T=$(fresh)
if [ -s "$EX/one.nq" ]; then
    for q in "$QUERIES"/*.rq; do
        name=${q##*/}
        name=${name%.rq}
        want=$QUERIES/expected/$name.csv
        nk query -f csv "$q" "$EX/one.nq" >"$T/$name.csv"
        rc=$?
        if [ ! -f "$want" ]; then
            tap_not_ok "query $name.rq: no expected/$name.csv"
        elif [ $rc -eq 0 ] && cmp -s "$want" "$T/$name.csv"; then
            tap_ok "query $name.rq over the examples prints expected/$name.csv ($(($(grep -c '' "$want") - 1)) rows)"
        else
            tap_not_ok "query $name.rq over the examples prints expected/$name.csv"
            echo "#   exit $rc; diff expected actual:"
            diff "$want" "$T/$name.csv" | head -n 16 | sed 's/^/#   /'
            show_err
        fi
    done

    # The same queries over the sqlite store that holds the examples.
    if [ -f "$EX/store.db" ]; then
        bad=()
        for q in "$QUERIES"/*.rq; do
            name=${q##*/}
            name=${name%.rq}
            nk query --store "sqlite:$EX/store.db" -f csv "$q" >"$T/$name.store.csv" &&
                cmp -s "$T/$name.csv" "$T/$name.store.csv" || bad+=("$name")
        done
        if [ ${#bad[@]} -eq 0 ]; then
            tap_ok "the example queries print the same over the sqlite store as over the N-Quads"
        else
            tap_not_ok "the example queries print the same over the sqlite store as over the N-Quads"
            echo "#   differ: ${bad[*]}"
            show_err
        fi
    fi

    # -f json: SPARQL 1.1 results JSON with the rows of the CSV.
    q=$QUERIES/actors-by-role.rq
    nk query -f json "$q" "$EX/one.nq" >"$T/q.json"
    rc=$?
    if [ $rc -eq 0 ] && "$PY" - "$T/q.json" "$T/actors-by-role.csv" <<'EOF'
import csv, json, sys
doc = json.load(open(sys.argv[1]))
rows = list(csv.reader(open(sys.argv[2])))
vars_ = doc["head"]["vars"]
b = doc["results"]["bindings"]
assert vars_ == rows[0], (vars_, rows[0])
assert len(b) == len(rows) - 1, (len(b), len(rows) - 1)
for got, want in zip(b, rows[1:]):
    assert [got[v]["value"] if v in got else "" for v in vars_] == want, (got, want)
    assert all(got[v]["type"] in ("uri", "literal", "bnode", "typed-literal") for v in got)
EOF
    then
        tap_ok "query -f json prints valid SPARQL results JSON with the rows of -f csv"
    else
        tap_not_ok "query -f json prints valid SPARQL results JSON with the rows of -f csv"
        echo "#   exit $rc"
        head -c 600 "$T/q.json" | sed 's/^/#   /'
        show_err
    fi

    # -f table: tab-separated, a header and the same rows.
    nk query -f table "$q" "$EX/one.nq" >"$T/q.tsv"
    rc=$?
    if [ $rc -eq 0 ] && [ "$(tr '\t' ',' <"$T/q.tsv")" = "$(cat "$T/actors-by-role.csv")" ]; then
        tap_ok "query -f table prints the rows of -f csv, tab-separated"
    else
        tap_not_ok "query -f table prints the rows of -f csv, tab-separated"
        echo "#   exit $rc"
        show_err
    fi
else
    tap_not_ok "the example queries: no N-Quads of the examples"
fi

# --- query: no rows, a missing store ------------------------------------------------------
T=$(fresh)
data=$EX/one.nq
[ -s "$data" ] || data=$PWD/examples/articles/valencia-market-shooting.txt
noq='SELECT ?s ?o WHERE { ?s <http://example.org/no-such-property> ?o }'
nk query -f csv -e "$noq" "$data" >"$T/none.csv"
nk query -f json -e "$noq" "$data" >"$T/none.json"
if [ "$(cat "$T/none.csv")" = "s,o" ] &&
    "$PY" -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["head"]["vars"] == ["s", "o"] and d["results"]["bindings"] == []' "$T/none.json" 2>/dev/null; then
    tap_ok "query with no rows prints its variables: the CSV header, the JSON head"
else
    tap_not_ok "query with no rows prints its variables: the CSV header, the JSON head"
    { echo "csv:"; cat "$T/none.csv"; echo "json:"; head -c 300 "$T/none.json"; } | sed 's/^/#   /'
fi
"$NEWSKG" query --store "sqlite:$T/no-such.db" -e 'SELECT ?s WHERE { ?s ?p ?o }' >"$T/out" 2>"$T/err" </dev/null
rc=$?
if [ $rc -eq 4 ] && [ ! -e "$T/no-such.db" ] && [ "$(grep -c '' "$T/err")" -eq 1 ]; then
    tap_ok "query --store of a missing sqlite file exits 4 and creates no store"
else
    tap_not_ok "query --store of a missing sqlite file exits 4 and creates no store"
    if [ -e "$T/no-such.db" ]; then echo "#   exit $rc; it created the store"; else echo "#   exit $rc"; fi
    tap_diag "$T/err"
fi

# --- query: errors ------------------------------------------------------------------------

# query_error DESC CODE ARGS...: exit CODE, nothing on stdout, one line on
# stderr starting with "newskg: " (for a usage error, exit 2, the usage text
# may follow that line, as tests/cli.sh has it).
query_error() {
    local desc=$1 code=$2 lines
    shift 2
    T=$(fresh)
    "$NEWSKG" query "$@" >"$T/out" 2>"$T/err" </dev/null
    rc=$?
    lines=$(grep -c '' "$T/err")
    [ "$code" -eq 2 ] && [ "$lines" -gt 1 ] && lines=1
    if [ $rc -eq "$code" ] && [ ! -s "$T/out" ] && [ "$lines" -eq 1 ] &&
        head -n 1 "$T/err" | grep -q '^newskg: '; then
        tap_ok "query: $desc exits $code with one error line"
    else
        tap_not_ok "query: $desc exits $code with one error line"
        echo "#   exit $rc; stdout $(wc -c <"$T/out") bytes; stderr:"
        tap_diag "$T/err"
    fi
}
query_error "a query with a syntax error" 3 -e 'SELECT ?s WHERE { ?s ?p' "$data"
query_error "an unknown function" 3 -e 'SELECT ?s WHERE { ?s ?p ?o FILTER(nosuch(?o)) }' "$data"
query_error "an unknown result format" 2 -f xml -e 'SELECT ?s WHERE { ?s ?p ?o }' "$data"
query_error "a missing query file" 4 "$ROOT/no-such-query.rq" "$data"
query_error "a missing data file" 4 -e 'SELECT ?s WHERE { ?s ?p ?o }' "$ROOT/no-such-data.nq"

tap_done
