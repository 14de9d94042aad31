#!/usr/bin/env bash
# tests/bench.sh - `make bench`: extraction throughput of newskg.
#
# usage: bash tests/bench.sh [NEWSKG]      (default build/newskg)
#
# Generates about 1 MB (BENCH_KB, default 1024) of invented article text,
# deterministically, by repeating and varying the plain-text example articles
# (examples/articles/*.txt and tests/data/cli/articles/*.txt): numbers,
# years, cities and surnames change from copy to copy, and each generated
# article joins four varied bodies (about 4 KB, the size of a wire report).
# Then it times, best of BENCH_RUNS (default 3; a command that takes more
# than 20 s runs once):
#   newskg extract -f nquads over the generated directory,
#   extraction alone into the null sink (tests/bench/extract_only.c),
# and, as baselines measured in the same run on the same machine:
#   cat      reading the same bytes (the floor of any reader),
#   rapper   raptor parsing newskg's own N-Quads output and writing N-Quads
#            (what plain RDF I/O of that many statements costs).
# Figures are printed as MB/s and as ratios to the baselines. With valgrind,
# it also counts instructions (callgrind) over the first BENCH_CG_KB
# (default 16) KB, and for start-up alone (BENCH_CALLGRIND=0: skip). Nothing is asserted: timings vary between machines.
set -u
cd "$(dirname "$0")/.." || exit 1
NEWSKG=${1:-build/newskg}
KB=${BENCH_KB:-1024}
RUNS=${BENCH_RUNS:-3}
CG_KB=${BENCH_CG_KB:-16}
export NEWSKG_MAPPINGS=${NEWSKG_MAPPINGS:-$PWD/mappings}

[ -x "$NEWSKG" ] || { echo "bench: $NEWSKG is not built (make)" >&2; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/newskg-bench.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
mkdir "$T/in" "$T/cg"

# --- the input -----------------------------------------------------------------
templates=(examples/articles/*.txt tests/data/cli/articles/[0-9]*.txt)
LC_ALL=C awk -v limit=$((KB * 1024)) -v dir="$T/in" '
function vary(s, i,    out, n, c, k) {
    # Numbers: small counts and years change with the copy number i.
    out = ""
    while (match(s, /[0-9]+/)) {
        n = substr(s, RSTART, RLENGTH)
        if (RLENGTH <= 2) n = (n * 7 + i) % 90 + 2
        else if (n >= 1990 && n < 2100) n = 2021 + (n + i) % 9
        out = out substr(s, 1, RSTART - 1) n
        s = substr(s, RSTART + RLENGTH)
    }
    s = out s
    for (k = 1; k <= ntown; ++k)
        gsub(town[k], city[(k + i) % ncity + 1], s)
    for (k = 1; k <= nname; ++k)
        gsub(name[k], surname[(k * 3 + i) % nsurname + 1], s)
    return s
}
BEGIN {
    ncity = split("Lyon Porto Rotterdam Manila Nairobi Lagos Oslo Quito Valencia Mombasa Leeds Dublin Austin Denver Perth Accra", city, " ")
    nsurname = split("Okafor Lindqvist Moreau Tanaka Haddad Novak Silva Brennan Kowalski Mensah Duarte Varga Ibsen Castro", surname, " ")
    ntown = split("Valencia Mombasa Zürich Nairobi", town, " ")
    nname = split("Almeida Quiroga Ruiz Otieno Brändli Müller", name, " ")
}
FNR == 1 { ++nt; head[nt] = $0; next }
{ body[nt] = body[nt] $0 "\n" }
END {
    total = 0
    for (i = 0; total < limit; ++i) {
        t = i % nt + 1
        text = vary(head[t], i) "\n"
        for (k = 0; k < 4; ++k)
            text = text vary(body[(i + k) % nt + 1], i * 4 + k)
        file = sprintf("%s/article-%05d.txt", dir, i)
        printf "%s", text > file
        close(file)
        total += length(text)
    }
    print i, total
}' "${templates[@]}" >"$T/gen" || exit 1
read -r narticles nbytes <"$T/gen"
# The callgrind slice: the first files, up to CG_KB.
acc=0
for f in "$T"/in/*; do
    [ $acc -ge $((CG_KB * 1024)) ] && break
    cp "$f" "$T/cg/"
    acc=$((acc + $(wc -c <"$f")))
done

# --- timing --------------------------------------------------------------------
now() { date +%s%N; }
# best COMMAND...: the fastest of RUNS runs, in nanoseconds, in $best (one
# run when it takes more than 20 s).
best() {
    local r t0 t1
    best=
    for ((r = 0; r < RUNS; ++r)); do
        [ -n "$best" ] && [ "$best" -gt 20000000000 ] && break
        t0=$(now)
        "$@" >/dev/null 2>"$T/err" || { echo "bench: failed: $*" >&2; cat "$T/err" >&2; exit 1; }
        t1=$(now)
        if [ -z "$best" ] || [ $((t1 - t0)) -lt "$best" ]; then best=$((t1 - t0)); fi
    done
}
best "$NEWSKG" extract -f nquads -o "$T/out.nq" "$T/in"
t_newskg=$best
# Extraction alone (null sink, no librdf store, no writer), when built.
t_xonly=
if [ -n "${BENCH_EXTRACT_ONLY:-}" ] && [ -x "$BENCH_EXTRACT_ONLY" ]; then
    best "$BENCH_EXTRACT_ONLY" "$NEWSKG_MAPPINGS" "$T/in"
    t_xonly=$best
fi
best sh -c 'cat "$1"/* >/dev/null' sh "$T/in"
t_cat=$best
quads=$(grep -c '' "$T/out.nq")
outbytes=$(wc -c <"$T/out.nq")
t_rapper=
if command -v rapper >/dev/null 2>&1; then
    best rapper -q -i nquads -o nquads "$T/out.nq"
    t_rapper=$best
fi

awk -v n="$narticles" -v b="$nbytes" -v q="$quads" -v ob="$outbytes" \
    -v tn="$t_newskg" -v tc="$t_cat" -v tr="$t_rapper" -v tx="$t_xonly" -v runs="$RUNS" 'BEGIN {
    mb = b / 1048576
    printf "bench: %.2f MB of generated text in %d articles -> %d quads (%.1f MB of N-Quads); best of up to %d runs\n", mb, n, q, ob / 1048576, runs
    printf "  %-38s %8.3f s  %7.3f MB/s  %9.0f quads/s\n", "newskg extract -f nquads", tn / 1e9, mb / (tn / 1e9), q / (tn / 1e9)
    if (tx != "")
        printf "  %-38s %8.3f s  %7.3f MB/s  (%.0f%% of the whole run; the rest is the librdf store and writing)\n", "extraction alone (null sink)", tx / 1e9, mb / (tx / 1e9), 100 * tx / tn
    printf "  %-38s %8.3f s  %7.1f MB/s  newskg/cat    %8.1f x\n", "baseline: cat of the same bytes", tc / 1e9, mb / (tc / 1e9), tn / tc
    if (tr != "")
        printf "  %-38s %8.3f s  %7.3f MB/s  newskg/rapper %8.2f x\n", "baseline: rapper nquads -> nquads", tr / 1e9, (ob / 1048576) / (tr / 1e9), tn / tr
}'

# --- instruction counts ----------------------------------------------------------
if command -v valgrind >/dev/null 2>&1 && [ "${BENCH_CALLGRIND:-1}" != 0 ]; then
    cgbytes=$(cat "$T"/cg/* | wc -c)
    ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : *\([0-9][0-9]*\).*/\1/p' | tail -n 1; }
    ir_run=$(ir "$NEWSKG" extract -f nquads -o "$T/cg.nq" "$T/cg")
    # The same start-up (loading mappings/) with a one-line input.
    printf 'Nothing happened.\n' >"$T/empty.txt"
    ir_start=$(ir "$NEWSKG" extract -f nquads -o "$T/cg0.nq" "$T/empty.txt")
    if [ -n "$ir_run" ] && [ -n "$ir_start" ]; then
        awk -v r="$ir_run" -v s="$ir_start" -v b="$cgbytes" -v n="$(ls "$T/cg" | wc -l)" 'BEGIN {
            printf "  callgrind, %d articles (%d KB): %.3g instructions; start-up alone %.3g; %.0f per input byte after start-up\n", n, b / 1024, r, s, (r - s) / b }'
    fi
fi
