#!/usr/bin/env bash
# tests/example.sh - `make example`: install what is missing (Debian 12,
# as root), build, run newskg over examples/articles and write
# examples/out/examples.ttl (Turtle) and examples/out/examples.jsonld
# (JSON-LD), then print a short summary.
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/lib.sh

nkg_install_deps build || exit 1
make -s -j"$(nproc 2>/dev/null || echo 2)" || exit 1

NEWSKG=build/newskg
OUT=examples/out
mkdir -p "$OUT" || exit 1
for fmt in turtle:ttl jsonld:jsonld; do
    # --stats prints one line to stderr: articles, events, reports, ...
    if ! "$NEWSKG" extract --stats -f "${fmt%%:*}" -o "$OUT/examples.${fmt#*:}" examples/articles \
        2>"$OUT/.stats"; then
        cat "$OUT/.stats" >&2
        rm -f "$OUT/.stats"
        exit 1
    fi
    stats=$(tail -n 1 "$OUT/.stats")
done
rm -f "$OUT/.stats"

# "articles 5  events 21  reports 18 ... triples 1646  time 0.183s"
field() { printf '%s\n' "$stats" | tr -s ' ' '\n' | sed -n "/^$1\$/{n;p;}" | head -n 1; }
echo "newskg over examples/articles:"
printf '  %-9s %s\n' articles "$(field articles)" events "$(field events)" reports "$(field reports)" \
    triples "$(field triples)" time "$(field time)"
echo "wrote $OUT/examples.ttl and $OUT/examples.jsonld"
