#!/usr/bin/env bash
# tests/cli.sh - end-to-end tests of the newskg command: exit codes, one-line
# error messages, no partial output, --keep-going, byte-identical output,
# mention offsets, stdin, directories, JSON Lines and HTML metadata, --base,
# --stats and --store. One "ok N"/"not ok N" line per test (see tests/lib.sh).
#
# usage: bash tests/cli.sh        (from the repository root; NEWSKG=path to
#                                  test another binary than build/newskg)
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/lib.sh

NEWSKG=${NEWSKG:-build/newskg}
case $NEWSKG in /*) ;; *) NEWSKG=$PWD/$NEWSKG ;; esac
DATA=$PWD/tests/data/cli
ARTICLES=$DATA/articles
CHECK_OFFSETS=$PWD/tests/check_offsets.py
PY=$NKG_PY
export NEWSKG_MAPPINGS=${NEWSKG_MAPPINGS:-$PWD/mappings}

tap_require_binary "$NEWSKG"

ROOT=$(mktemp -d "${TMPDIR:-/tmp}/newskg-cli.XXXXXX") || exit 1
trap 'chmod -R u+rwx "$ROOT" 2>/dev/null; rm -rf "$ROOT"' EXIT

# A fresh, empty directory for one test.
fresh() { mktemp -d "$ROOT/t.XXXXXX"; }

# run ARGS...: newskg with its stdout, stderr and exit code in $T/out,
# $T/err, $rc (T is the current test directory).
run() { "$NEWSKG" "$@" >"$T/out" 2>"$T/err" </dev/null; rc=$?; }

# Details of the last run, shown after a failed test.
show() {
    echo "#   exit $rc; stderr:"
    tap_diag "$T/err"
}

lines() { grep -c '' "$1" 2>/dev/null || echo 0; }

# --- help, version, usage ----------------------------------------------------
T=$(fresh)
run --help
if [ $rc -eq 0 ] && grep -q '^usage: newskg' "$T/out"; then tap_ok "--help exits 0 and prints the usage on stdout"
else tap_not_ok "--help exits 0 and prints the usage on stdout"; show; fi

run --version
if [ $rc -eq 0 ] && grep -qE '^newskg [0-9]' "$T/out"; then tap_ok "--version exits 0 and prints 'newskg VERSION'"
else tap_not_ok "--version exits 0 and prints 'newskg VERSION'"; show; fi

# usage_error NAME ARGS...: exit 2, nothing on stdout, stderr starts with a
# "newskg: " line (the usage text may follow it); with no argument at all,
# the usage text alone will do.
usage_error() {
    local name=$1
    shift
    T=$(fresh)
    cp "$ARTICLES/01-zurich-fire.txt" "$T/a.txt"
    (cd "$T" && "$NEWSKG" "$@" >out 2>err </dev/null)
    rc=$?
    if [ $rc -eq 2 ] && [ ! -s "$T/out" ] && { [ $# -eq 0 ] && [ -s "$T/err" ] || head -n 1 "$T/err" | grep -q '^newskg: '; }; then
        tap_ok "usage error exits 2: $name"
    else
        tap_not_ok "usage error exits 2: $name"
        show
    fi
}
usage_error "no arguments"
usage_error "unknown command" frobnicate a.txt
usage_error "extract without input" extract
usage_error "unknown option" extract --no-such-option a.txt
usage_error "unknown output format" extract -f rdfxml a.txt
usage_error "-o without its value" extract a.txt -o
usage_error "unknown store" extract --store nosuchstore:x a.txt
usage_error "convert without input" convert

# --- bad input ---------------------------------------------------------------
# bad_input NAME CODE PATTERN ARGS...: run in a fresh directory T (which the
# caller has filled through $PREP) with -o T/out/result.ttl after ARGS. The run
# must exit CODE, print exactly one line on stderr that starts with "newskg:"
# and matches PATTERN (grep -E), print nothing on stdout, and leave neither
# the output file nor a temporary file.
bad_input() {
    local name=$1 code=$2 pattern=$3
    shift 3
    local why=()
    mkdir -p "$T/outdir"
    (cd "$T" && "$NEWSKG" extract -o "$T/outdir/result.ttl" "$@" >stdout 2>stderr </dev/null)
    rc=$?
    [ $rc -eq "$code" ] || why+=("exit $rc, want $code")
    [ "$(lines "$T/stderr")" -eq 1 ] || why+=("$(lines "$T/stderr") lines on stderr, want 1")
    head -n 1 "$T/stderr" | grep -q '^newskg: ' || why+=("stderr does not start with 'newskg: '")
    grep -qE -- "$pattern" "$T/stderr" || why+=("stderr does not match /$pattern/")
    [ -s "$T/stdout" ] && why+=("output on stdout")
    [ -n "$(ls -A "$T/outdir")" ] && why+=("files left in the output directory: $(ls -A "$T/outdir" | tr '\n' ' ')")
    if [ ${#why[@]} -eq 0 ]; then
        tap_ok "bad input: $name: exit $code, one 'newskg:' line, no output"
    else
        tap_not_ok "bad input: $name: exit $code, one 'newskg:' line, no output"
        printf '#   %s\n' "${why[@]}"
        tap_diag "$T/stderr"
    fi
}

T=$(fresh)
bad_input "missing file" 4 'missing\.txt' missing.txt

T=$(fresh)
if [ "$(id -u)" != 0 ]; then
    cp "$ARTICLES/01-zurich-fire.txt" "$T/secret.txt"
    chmod 000 "$T/secret.txt"
    bad_input "unreadable file (mode 000)" 4 'secret\.txt' secret.txt
elif command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
    # As root, permissions do not stop reading: run as nobody, from copies
    # that nobody can reach.
    U=$(mktemp -d /tmp/newskg-cli-nobody.XXXXXX)
    mkdir -p "$U/bin" "$U/mappings" "$U/outdir"
    cp "$NEWSKG" "$U/bin/newskg" && cp -R "$NEWSKG_MAPPINGS"/. "$U/mappings/"
    cp "$ARTICLES/01-zurich-fire.txt" "$U/secret.txt"
    chmod 000 "$U/secret.txt"
    chmod -R a+rX "$U/bin" "$U/mappings"
    chmod 755 "$U"
    chmod 777 "$U/outdir"
    (cd "$U" && setpriv --reuid=nobody --regid=nogroup --clear-groups \
        env NEWSKG_MAPPINGS="$U/mappings" "$U/bin/newskg" extract -o "$U/outdir/result.ttl" secret.txt \
        >"$T/stdout" 2>"$T/stderr" </dev/null)
    rc=$?
    if [ $rc -eq 4 ] && [ "$(lines "$T/stderr")" -eq 1 ] && grep -q '^newskg: .*secret\.txt' "$T/stderr" &&
        [ ! -s "$T/stdout" ] && [ -z "$(ls -A "$U/outdir")" ]; then
        tap_ok "bad input: unreadable file (mode 000, read as nobody): exit 4, one 'newskg:' line, no output"
    else
        tap_not_ok "bad input: unreadable file (mode 000, read as nobody): exit 4, one 'newskg:' line, no output"
        show
        tap_diag "$T/stderr"
    fi
    rm -rf "$U"
else
    tap_skip "unreadable file: running as root without setpriv"
fi

T=$(fresh)
: >"$T/empty.txt"
bad_input "empty file" 3 'empty\.txt' empty.txt

T=$(fresh)
mkdir "$T/nothing"
printf '# notes\n' >"$T/nothing/notes.md"
printf 'hidden\n' >"$T/nothing/.hidden.txt"
bad_input "directory with no article files" 3 'nothing' nothing

T=$(fresh)
printf 'VALENCIA, Spain - Police said the caf\xc3\xa9 \xff\xfe was closed.\n' >"$T/latin.txt"
# "VALENCIA, Spain - Police said the café " is 40 bytes: the bad byte is at
# offset 40 (counted from 0).
bad_input "invalid UTF-8 (names the file and the byte offset)" 3 'latin\.txt.*\b40\b' latin.txt

T=$(fresh)
printf 'PK\003\004\000\000\010\000binary\000data\n' >"$T/archive.txt"
bad_input "binary file (NUL bytes)" 3 'archive\.txt' archive.txt

T=$(fresh)
cp "$DATA/bad/no-body.html" "$T/"
bad_input "HTML with no body text" 3 'no-body\.html' no-body.html

T=$(fresh)
cp "$DATA/bad/broken.jsonl" "$T/"
bad_input "JSON Lines with a broken line (names the line)" 3 'broken\.jsonl(:2\b|.*line 2\b)' broken.jsonl

# Unwritable output paths.
# out_error NAME OUTPATH: a good input, -o OUTPATH must fail with exit 4 and
# one line, leaving no file in T.
out_error() {
    local name=$1 out=$2 why=()
    (cd "$T" && "$NEWSKG" extract -o "$out" "$ARTICLES/01-zurich-fire.txt" >stdout 2>stderr </dev/null)
    rc=$?
    [ $rc -eq 4 ] || why+=("exit $rc, want 4")
    [ "$(lines "$T/stderr")" -eq 1 ] || why+=("$(lines "$T/stderr") lines on stderr, want 1")
    head -n 1 "$T/stderr" | grep -q '^newskg: ' || why+=("stderr does not start with 'newskg: '")
    [ -s "$T/stdout" ] && why+=("output on stdout")
    local left
    left=$(cd "$T" && find . -name '*.tmp-*' | head -n 5)
    [ -n "$left" ] && why+=("temporary files left: $left")
    if [ ${#why[@]} -eq 0 ]; then
        tap_ok "unwritable output: $name: exit 4, one 'newskg:' line, no temporary file"
    else
        tap_not_ok "unwritable output: $name: exit 4, one 'newskg:' line, no temporary file"
        printf '#   %s\n' "${why[@]}"
        tap_diag "$T/stderr"
    fi
}
T=$(fresh)
out_error "-o /nonexistent-dir/out.ttl" /nonexistent-dir/out.ttl
T=$(fresh)
mkdir "$T/taken"
out_error "-o names a directory" "$T/taken"
if [ "$(id -u)" != 0 ]; then
    T=$(fresh)
    mkdir "$T/ro"
    chmod 555 "$T/ro"
    out_error "-o in a read-only directory" "$T/ro/out.ttl"
    [ -z "$(ls -A "$T/ro")" ] || { echo "#   files left in the read-only directory"; }
else
    T=$(fresh)
    out_error "-o below a regular file" "$T/stdout-is-a-file/out.ttl"
fi

# A failed run leaves an existing output file unchanged.
for case in "missing input:missing.txt" "invalid UTF-8:bad.txt"; do
    T=$(fresh)
    printf 'previous output, must survive\n' >"$T/keep.ttl"
    cp "$T/keep.ttl" "$T/keep.orig"
    printf 'ab\xffcd\n' >"$T/bad.txt"
    (cd "$T" && "$NEWSKG" extract -o keep.ttl "${case#*:}" >/dev/null 2>stderr </dev/null)
    rc=$?
    if [ $rc -ne 0 ] && cmp -s "$T/keep.ttl" "$T/keep.orig" && [ -z "$(cd "$T" && find . -name '*.tmp-*')" ]; then
        tap_ok "a failed run (${case%%:*}) leaves the existing -o file unchanged"
    else
        tap_not_ok "a failed run (${case%%:*}) leaves the existing -o file unchanged"
        show
    fi
done

# --- --keep-going --------------------------------------------------------------
T=$(fresh)
cp "$ARTICLES/01-zurich-fire.txt" "$T/good1.txt"
cp "$ARTICLES/03-wire.jsonl" "$T/good2.jsonl"
printf 'ab\xffcd\n' >"$T/bad.txt"
(cd "$T" && "$NEWSKG" extract --keep-going -f ntriples -o out.nt good1.txt bad.txt missing.txt good2.jsonl \
    >stdout 2>stderr </dev/null)
rc=$?
why=()
[ $rc -ne 0 ] && [ $rc -ne 2 ] || why+=("exit $rc, want a non-zero input/I/O code")
grep -q 'bad\.txt' "$T/stderr" || why+=("stderr does not name bad.txt")
grep -q 'missing\.txt' "$T/stderr" || why+=("stderr does not name missing.txt")
grep -qv '^newskg: ' "$T/stderr" && why+=("a stderr line does not start with 'newskg: '")
[ -f "$T/out.nt" ] || why+=("no output file")
grep -q '"good1.txt"' "$T/out.nt" 2>/dev/null || why+=("good1.txt is not in the output")
grep -q '"wire-001"' "$T/out.nt" 2>/dev/null || why+=("good2.jsonl is not in the output")
grep -q '"bad.txt"' "$T/out.nt" 2>/dev/null && why+=("bad.txt is in the output")
if [ ${#why[@]} -eq 0 ]; then
    tap_ok "--keep-going: writes the good inputs, names the skipped ones, exits $rc"
else
    tap_not_ok "--keep-going: writes the good inputs, names the skipped ones, exits non-zero"
    printf '#   %s\n' "${why[@]}"
    tap_diag "$T/stderr"
fi

T=$(fresh)
printf 'ab\xffcd\n' >"$T/bad.txt"
(cd "$T" && "$NEWSKG" extract --keep-going -o out.ttl bad.txt >stdout 2>stderr </dev/null)
rc=$?
if [ $rc -eq 3 ] && [ ! -e "$T/out.ttl" ] && ! grep -qv '^newskg: ' "$T/stderr"; then
    tap_ok "--keep-going with no good input: exit 3, no output file"
else
    tap_not_ok "--keep-going with no good input: exit 3, no output file"
    show
fi

# --- deterministic output ------------------------------------------------------
T=$(fresh)
for fmt in turtle ntriples nquads jsonld; do
    "$NEWSKG" extract -f "$fmt" -o "$T/1.$fmt" "$ARTICLES" 2>"$T/err"
    r1=$?
    "$NEWSKG" extract -f "$fmt" -o "$T/2.$fmt" "$ARTICLES" 2>>"$T/err"
    r2=$?
    "$NEWSKG" extract -f "$fmt" "$ARTICLES" >"$T/3.$fmt" 2>>"$T/err"
    r3=$?
    if [ $r1$r2$r3 = 000 ] && [ -s "$T/1.$fmt" ] && cmp -s "$T/1.$fmt" "$T/2.$fmt" && cmp -s "$T/1.$fmt" "$T/3.$fmt"; then
        tap_ok "-f $fmt: byte-identical across runs, and -o FILE equals stdout"
    else
        tap_not_ok "-f $fmt: byte-identical across runs, and -o FILE equals stdout"
        rc="$r1/$r2/$r3"
        show
        diff "$T/1.$fmt" "$T/2.$fmt" | tap_diag
    fi
done
if "$PY" -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$T/1.jsonld" 2>"$T/err"; then
    tap_ok "-f jsonld: the output is JSON"
else
    tap_not_ok "-f jsonld: the output is JSON"
    tap_diag "$T/err"
fi

T=$(fresh)
A=$ARTICLES/01-zurich-fire.txt B=$ARTICLES/03-wire.jsonl C=$ARTICLES/02-lagos-arrests.html
"$NEWSKG" extract -f nquads -o "$T/abc.nq" "$A" "$B" "$C" 2>"$T/err"
r1=$?
"$NEWSKG" extract -f nquads -o "$T/cba.nq" "$C" "$B" "$A" 2>>"$T/err"
r2=$?
if [ $r1$r2 = 00 ] && cmp -s "$T/abc.nq" "$T/cba.nq"; then
    tap_ok "-f nquads: byte-identical for inputs 'a b c' and 'c b a'"
else
    tap_not_ok "-f nquads: byte-identical for inputs 'a b c' and 'c b a'"
    rc="$r1/$r2"
    show
    diff "$T/abc.nq" "$T/cba.nq" | tap_diag
fi

# --- offsets -------------------------------------------------------------------
# Every nif:Phrase's anchorOf is the [beginIndex, endIndex) slice, in code
# points, of the text: the file itself for plain text (also with CRLF line
# ends), the nif:isString of --include-text for HTML and JSON Lines.
T=$(fresh)
cp "$ARTICLES"/*.txt "$ARTICLES"/*.html "$ARTICLES"/*.jsonl "$T/"
sed 's/$/\r/' "$ARTICLES/01-zurich-fire.txt" >"$T/04-crlf.txt"
inputs=("$T"/*.txt "$T"/*.html "$T"/*.jsonl)
offset_inputs=("${inputs[@]}")
[ -n "$NKG_SHARED" ] && offset_inputs+=("$NKG_SHARED"/seeds/*.txt)
"$NEWSKG" extract -f ntriples --include-text -o "$T/out.nt" "${offset_inputs[@]}" 2>"$T/err"
rc=$?
if [ $rc -eq 0 ] && "$PY" "$CHECK_OFFSETS" "$T/out.nt" "$T"/*.txt ${NKG_SHARED:+"$NKG_SHARED"/seeds/*.txt} >"$T/check" 2>&1; then
    tap_ok "offsets: anchorOf == text[beginIndex:endIndex] in code points ($(head -n 1 "$T/check"))"
else
    tap_not_ok "offsets: anchorOf == text[beginIndex:endIndex] in code points"
    show
    tap_diag "$T/check"
fi
"$NEWSKG" extract -f ntriples -o "$T/plain.nt" "$T/01-zurich-fire.txt" "$T/04-crlf.txt" 2>"$T/err"
rc=$?
if [ $rc -eq 0 ] && "$PY" "$CHECK_OFFSETS" "$T/plain.nt" "$T/01-zurich-fire.txt" "$T/04-crlf.txt" >"$T/check" 2>&1; then
    tap_ok "offsets: plain text without --include-text, sliced from the files themselves"
else
    tap_not_ok "offsets: plain text without --include-text, sliced from the files themselves"
    show
    tap_diag "$T/check"
fi
sed 's/\(nif-core#anchorOf> "\)\([^"]\)/\1X\2/' "$T/plain.nt" >"$T/wrong.nt"
if "$PY" "$CHECK_OFFSETS" "$T/wrong.nt" "$T/01-zurich-fire.txt" "$T/04-crlf.txt" >"$T/check" 2>&1; then
    tap_not_ok "offsets: check_offsets.py rejects a wrong anchorOf"
else
    tap_ok "offsets: check_offsets.py rejects a wrong anchorOf"
fi

# --- standard input --------------------------------------------------------------
T=$(fresh)
"$NEWSKG" extract -f ntriples --include-text - <"$ARTICLES/01-zurich-fire.txt" >"$T/stdin.nt" 2>"$T/err"
rc=$?
"$NEWSKG" extract -f ntriples "$ARTICLES/01-zurich-fire.txt" >"$T/file.nt" 2>>"$T/err"
phrases() { grep -c 'nif-core#Phrase> ' "$1"; }
if [ $rc -eq 0 ] && grep -q '/terms/identifier> "stdin" ' "$T/stdin.nt" &&
    [ "$(phrases "$T/stdin.nt")" -eq "$(phrases "$T/file.nt")" ] && [ "$(phrases "$T/file.nt")" -gt 0 ] &&
    "$PY" "$CHECK_OFFSETS" "$T/stdin.nt" >"$T/check" 2>&1; then
    tap_ok "stdin (-): a document 'stdin' with the same mentions as the file, offsets right"
else
    tap_not_ok "stdin (-): a document 'stdin' with the same mentions as the file, offsets right"
    show
    tap_diag "$T/check"
fi

# --- directories -----------------------------------------------------------------
T=$(fresh)
mkdir "$T/dir"
# Created in reverse order: the listing must sort, not follow creation order.
for f in 03-wire.jsonl 02-lagos-arrests.html 01-zurich-fire.txt .hidden.txt notes.md; do
    cp "$ARTICLES/$f" "$T/dir/$f"
done
"$NEWSKG" extract -f nquads "$T/dir" >"$T/dir.nq" 2>"$T/err"
rc=$?
"$NEWSKG" extract -f nquads "$T/dir/01-zurich-fire.txt" "$T/dir/02-lagos-arrests.html" "$T/dir/03-wire.jsonl" \
    >"$T/files.nq" 2>>"$T/err"
if [ $rc -eq 0 ] && cmp -s "$T/dir.nq" "$T/files.nq"; then
    tap_ok "a directory input reads its article files, sorted (same output as naming them)"
else
    tap_not_ok "a directory input reads its article files, sorted (same output as naming them)"
    show
    diff "$T/dir.nq" "$T/files.nq" | tap_diag
fi
"$NEWSKG" extract -f ntriples --stats "$T/dir" >"$T/dir.nt" 2>"$T/err"
rc=$?
if [ $rc -eq 0 ] && ! grep -q 'hidden' "$T/dir.nt" && ! grep -qi 'notes\.md' "$T/dir.nt" &&
    [ "$(grep -c 'terms/identifier> ' "$T/dir.nt")" -eq 4 ]; then
    tap_ok "a directory input skips hidden and non-article files (4 documents)"
else
    tap_not_ok "a directory input skips hidden and non-article files (4 documents)"
    show
    grep 'terms/identifier> ' "$T/dir.nt" | tap_diag
fi

# --- JSON Lines and HTML documents ----------------------------------------------------
T=$(fresh)
"$NEWSKG" extract -f ntriples --include-text "$ARTICLES/03-wire.jsonl" "$ARTICLES/02-lagos-arrests.html" \
    >"$T/out.nt" 2>"$T/err"
rc=$?
has() { grep -qF -- "$1" "$T/out.nt"; }
W='<https://wire.example/2029/08/01/oslo-ferry>'
if [ $rc -eq 0 ] && has "$W <https://schema.org/url> $W ." &&
    has "$W <http://purl.org/dc/terms/title> \"Ferry runs aground near Oslo, 40 passengers evacuated\" ." &&
    has "$W <http://purl.org/dc/terms/identifier> \"wire-001\" ." &&
    has "<https://w3id.org/newskg/id/article/wire-002> <http://purl.org/dc/terms/identifier> \"wire-002\" ."; then
    tap_ok "JSON Lines: a record's url is the document IRI and schema:url, its title dct:title; no url: BASE article/<id>"
else
    tap_not_ok "JSON Lines: a record's url is the document IRI and schema:url, its title dct:title; no url: BASE article/<id>"
    show
    grep -E 'wire|identifier' "$T/out.nt" | tap_diag
fi
H='<https://lagoon-evening.example/news/2029/07/08/lagos-market-arrests>'
if [ $rc -eq 0 ] && has "$H <https://schema.org/url> $H ." &&
    has "$H <http://purl.org/dc/terms/title> \"Police arrest three after Lagos market robbery\" ." &&
    has "$H <http://purl.org/dc/terms/issued> \"2029-07-08\"^^<http://www.w3.org/2001/XMLSchema#date> ." &&
    grep -qF "$H <http://purl.org/dc/terms/publisher> " "$T/out.nt" &&
    ! grep -q 'MUST-NOT-APPEAR' "$T/out.nt"; then
    tap_ok "HTML: canonical URL, <meta> title, date and site name; no script or nav text"
else
    tap_not_ok "HTML: canonical URL, <meta> title, date and site name; no script or nav text"
    show
    grep -E 'lagoon|MUST-NOT' "$T/out.nt" | grep -v '#char=' | tap_diag
fi

# One named graph per article, named by the article.
T=$(fresh)
"$NEWSKG" extract -f nquads "$ARTICLES" >"$T/out.nq" 2>"$T/err"
rc=$?
"$PY" - "$T/out.nq" >"$T/check" 2>&1 <<'EOF'
import re, sys
docs, graphs = set(), set()
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'(<[^>]*>|_:\S+) <([^>]*)> (.*?)(?: (<[^>]*>|_:\S+))? \.\s*$', line)
    if not m:
        continue
    s, p, o, g = m.groups()
    if g:
        graphs.add(g)
    if p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" and o == "<https://schema.org/NewsArticle>":
        docs.add(s)
        if g != s:
            print("%s is described in graph %s" % (s, g))
            sys.exit(1)
if not docs <= graphs or len(docs) != 4:
    print("documents %s, graphs %s" % (sorted(docs), sorted(graphs)))
    sys.exit(1)
print(" ".join(sorted(graphs - docs)) or "none")
EOF
if [ $rc -eq 0 ] && [ "$(lines "$T/check")" -eq 1 ]; then
    tap_ok "N-Quads: one named graph per article (4), named by the article's IRI (other graphs: $(cat "$T/check"))"
else
    tap_not_ok "N-Quads: one named graph per article (4), named by the article's IRI"
    show
    tap_diag "$T/check"
fi

# --- options -------------------------------------------------------------------------
T=$(fresh)
"$NEWSKG" extract -f ntriples --base https://kg.example/id/ "$ARTICLES/01-zurich-fire.txt" >"$T/out.nt" 2>"$T/err"
rc=$?
if [ $rc -eq 0 ] && grep -q '^<https://kg.example/id/article/01-zurich-fire.txt> ' "$T/out.nt" &&
    ! grep -q 'w3id.org/newskg/id/' "$T/out.nt"; then
    tap_ok "--base IRI: minted IRIs start with the base"
else
    tap_not_ok "--base IRI: minted IRIs start with the base"
    show
    grep 'w3id.org/newskg/id/' "$T/out.nt" | head -n 5 | tap_diag
fi

T=$(fresh)
"$NEWSKG" extract --stats -f nquads "$ARTICLES" >"$T/out.nq" 2>"$T/err"
rc=$?
"$NEWSKG" extract -f nquads "$ARTICLES" >"$T/plain.nq" 2>/dev/null
if [ $rc -eq 0 ] && [ "$(lines "$T/err")" -eq 1 ] && grep -qE '\barticles 4\b.*\btriples [0-9]+' "$T/err" &&
    cmp -s "$T/out.nq" "$T/plain.nq"; then
    tap_ok "--stats: one summary line on stderr ($(cut -c1-60 "$T/err")...), same output"
else
    tap_not_ok "--stats: one summary line on stderr, same output"
    show
fi

T=$(fresh)
"$NEWSKG" extract -f nquads --store "sqlite:$T/store.db" "$ARTICLES" >"$T/sqlite.nq" 2>"$T/err"
rc=$?
"$NEWSKG" extract -f nquads "$ARTICLES" >"$T/memory.nq" 2>/dev/null
if [ $rc -eq 0 ] && [ -s "$T/store.db" ] && cmp -s "$T/sqlite.nq" "$T/memory.nq"; then
    tap_ok "--store sqlite:FILE: same N-Quads as the memory store"
else
    tap_not_ok "--store sqlite:FILE: same N-Quads as the memory store"
    show
    echo "#   $(lines "$T/sqlite.nq") quads from sqlite, $(lines "$T/memory.nq") from memory"
    diff "$T/sqlite.nq" "$T/memory.nq" | tap_diag
fi

# A changed article replaces its graph in the store: no stale claim stays.
T=$(fresh)
mkdir "$T/v1" "$T/v2"
printf 'Blast in Nairobi\n\nA bomb killed 9 people in Nairobi, Kenya, police said.\n' >"$T/v1/story.txt"
printf 'Blast in Nairobi\n\nA bomb killed 11 people in Nairobi, Kenya, police said.\n' >"$T/v2/story.txt"
"$NEWSKG" extract -f nquads --store "sqlite:$T/s.db" "$T/v1/story.txt" >/dev/null 2>&1
"$NEWSKG" extract -f nquads --store "sqlite:$T/s.db" "$T/v2/story.txt" >"$T/store.nq" 2>"$T/err"
"$NEWSKG" extract -f nquads "$T/v2/story.txt" >"$T/fresh.nq" 2>/dev/null
if grep -v '/run/' "$T/store.nq" | sort | cmp -s - <(grep -v '/run/' "$T/fresh.nq" | sort) &&
    ! grep -q 'ns#count> "9"' "$T/store.nq"; then
    tap_ok "--store: extracting a changed article again replaces its graph"
else
    tap_not_ok "--store: extracting a changed article again replaces its graph"
    diff <(grep -v '/run/' "$T/store.nq" | sort) <(grep -v '/run/' "$T/fresh.nq" | sort) | tap_diag
fi

tap_done
