#!/usr/bin/env bash
# tests/score.sh - extraction quality must not fall: runs the scorers of
# ../shared/eval and checks every figure against the floors in
# tests/score-floors.tsv (columns: scorer metric floor).
#
#   seeds  newskg extract -f ntriples ../shared/seeds/*.txt, scored by
#          ../shared/eval/score.py against ../shared/eval/gold
#   gvc    newskg extract -f ntriples ../shared/eval/gvc-train/docs, scored by
#          ../shared/eval/score_incidents.py against gvc-train/gold.jsonl
#   devset newskg extract -f ntriples tests/devset/docs (invented articles
#          of other countries and event types), scored by
#          ../shared/eval/score.py against tests/devset/gold
#   heldout newskg extract -f ntriples tests/heldout/docs (invented articles
#          written and annotated without seeing newskg's output; never
#          tuned on: only its summary figures are printed), scored by
#          ../shared/eval/score.py against tests/heldout/gold
#
# Each scorer's summary lines are printed as "#" comments, then one
# "ok N"/"not ok N" line per floor: the figure (from the scorer's last line,
# "score: name=value ...") must be at least the floor. "a/b" figures compare
# as fractions. Without ../shared: one "ok 1 - # SKIP" line.
#
# usage: bash tests/score.sh   (from the repository root; NEWSKG=path to
#                               test another binary than build/newskg)
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/lib.sh

NEWSKG=${NEWSKG:-build/newskg}
PY=$NKG_PY
FLOORS=tests/score-floors.tsv
export NEWSKG_MAPPINGS=${NEWSKG_MAPPINGS:-$PWD/mappings}

if [ -z "$NKG_SHARED" ]; then
    tap_skip "../shared not found"
    tap_done
    exit 0
fi
tap_require_binary "$NEWSKG"

T=$(mktemp -d "${TMPDIR:-/tmp}/newskg-score.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
E=$NKG_SHARED/eval

# score NAME: run extraction and scorer NAME; the summary in $T/NAME.score.
score() {
    local name=$1 rc
    case $name in
    seeds)
        "$NEWSKG" extract -f ntriples -o "$T/seeds.nt" "$NKG_SHARED"/seeds/*.txt 2>"$T/seeds.err" &&
            "$PY" "$E/score.py" --gold "$E/gold" --docs "$NKG_SHARED/seeds" --graph "$T/seeds.nt" \
                >"$T/seeds.out" 2>>"$T/seeds.err"
        ;;
    gvc)
        "$NEWSKG" extract -f ntriples -o "$T/gvc.nt" "$E/gvc-train/docs" 2>"$T/gvc.err" &&
            "$PY" "$E/score_incidents.py" --gold "$E/gvc-train/gold.jsonl" --docs "$E/gvc-train/docs" \
                --graph "$T/gvc.nt" >"$T/gvc.out" 2>>"$T/gvc.err"
        ;;
    devset | heldout) # the repository's own sets: tests/NAME/docs and tests/NAME/gold
        "$NEWSKG" extract -f ntriples -o "$T/$name.nt" "tests/$name/docs" 2>"$T/$name.err" &&
            "$PY" "$E/score.py" --gold "tests/$name/gold" --docs "tests/$name/docs" --graph "$T/$name.nt" \
                >"$T/$name.out" 2>>"$T/$name.err"
        ;;
    esac
    rc=$?
    # The per-dimension table and the summary, without the per-item lines.
    if [ -f "$T/$name.out" ]; then
        grep -vE '^  (ok|FAIL) ' "$T/$name.out" | sed "s/^/# $name: /"
    fi
    if [ $rc -ne 0 ]; then
        tap_not_ok "$name: extraction and scoring ran (exit $rc)"
        tap_diag "$T/$name.err"
        return 1
    fi
    tail -n 1 "$T/$name.out" >"$T/$name.score"
    if ! grep -q '^score: ' "$T/$name.score"; then
        tap_not_ok "$name: the scorer's last line is a 'score: ...' summary"
        tap_diag "$T/$name.score"
        return 1
    fi
}

# value NAME METRIC: the figure METRIC of scorer NAME's summary, or nothing.
value() {
    tr ' ' '\n' <"$T/$1.score" | sed -n "s/^$2=//p" | head -n 1
}

# at_least VALUE FLOOR: VALUE >= FLOOR; "a/b" values are fractions.
at_least() {
    awk -v v="$1" -v f="$2" 'BEGIN {
        if (split(v, p, "/") == 2) v = (p[2] > 0) ? p[1] / p[2] : 0
        exit !(v + 0 >= f + 0) }'
}

for name in seeds gvc devset heldout; do
    grep -q "^${name}[[:space:]]" "$FLOORS" || continue
    score "$name" || continue
    while IFS=$'\t' read -r scorer metric floor _; do
        [ "$scorer" = "$name" ] || continue
        v=$(value "$name" "$metric")
        if [ -z "$v" ]; then
            tap_not_ok "$name $metric: the scorer reports no such figure (floor $floor)"
        elif at_least "$v" "$floor"; then
            tap_ok "$name $metric = $v (floor $floor)"
        else
            tap_not_ok "$name $metric = $v, below the floor $floor"
        fi
    done < <(grep -v '^[[:space:]]*\(#\|$\)' "$FLOORS")
done

tap_done
