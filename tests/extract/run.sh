#!/usr/bin/env bash
# tests/extract/run.sh - extraction cases: small invented articles, one
# construction each, with the statements expected (or forbidden) of them.
#
#     tests/extract/run.sh [NEWSKG]        (from the repository root or anywhere)
#
# Each case is a directory tests/extract/cases/NAME holding one or more
# articles (*.txt, *.jsonl, *.html, extracted together) and an `expect` file of
# checks (see check.py). Prints "ok N - NAME" / "not ok N - NAME" per case,
# with the failed checks as "#" lines, and exits non-zero when any failed.
# NEWSKG defaults to build/newskg; the mappings are the repository's.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
newskg=${1:-$root/build/newskg}
py=${NKG_PYTHON:-/usr/bin/python3}
[ -x "$py" ] || py=python3
if [ ! -x "$newskg" ]; then
    echo "not ok 1 - extract cases: no $newskg (run make)"
    exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/newskg-extract.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
n=0
failed=0
for dir in "$here"/cases/*/; do
    name=$(basename "$dir")
    n=$((n + 1))
    inputs=()
    for f in "$dir"*.txt "$dir"*.jsonl "$dir"*.html; do [ -f "$f" ] && inputs+=("$f"); done
    if "$newskg" extract --mappings "$root/mappings" -f ntriples "${inputs[@]}" >"$work/out.nt" 2>"$work/err" &&
        "$py" "$here/check.py" "$work/out.nt" "$dir/expect" >"$work/check" 2>&1; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name"
        sed 's/^/# /' "$work/err" "$work/check"
        failed=$((failed + 1))
    fi
done
[ "$failed" -eq 0 ]
