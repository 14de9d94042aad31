#!/usr/bin/env bash
# tests/run.sh - THE test command: `make check` runs it, CI's .ci/run runs
# `make check`. On a fresh Debian 12 machine (as root) it installs what is
# missing, builds, and runs every test group whose files exist:
#
#   build        make
#   unit         make unit, then every build/tests/* binary
#   asan         make asan, then every build-asan/tests/* binary, and the
#                ASan+UBSan newskg over the examples (and the seeds)
#   fuzz-replay  make fuzz-replay (the fuzz corpora through a plain driver)
#   cli          tests/cli.sh            end-to-end command tests
#   push         tests/push.sh           SPARQL Graph Store push against a real Virtuoso on loopback
#   merge        tests/merge.sh          sqlite store, shard merge, re-add no-op, example queries
#   extract-cases tests/extract/run.sh   one construction per invented article, expected and forbidden statements
#   roundtrip    tests/roundtrip.sh      rapper, pyld, valgrind, seed score
#   gazetteer    tests/test_gazetteer.py
#   w3c          tests/w3c_fromrdf.py, tests/w3c_rdf.py (W3C manifests)
#   shacl        tests/shacl.mjs         our output against ontology/shapes.ttl
#   interop      tests/interop.mjs       other RDF parsers read our output
#   ontology     tests/ontology_check.py
#   score        tests/score.sh          scorers against tests/score-floors.tsv
#
# Every group prints TAP-style "ok N - ..." / "not ok N - ..." lines; this
# script counts them over all groups. A group that exits non-zero without a
# "not ok" line (a crash, a timeout) counts as one failure, and so does one
# that prints no result at all. The last line is exactly "N passed, N failed";
# the exit status is non-zero when anything failed.
#
# Environment: JOBS (parallel make jobs, default: the number of CPUs),
# GROUP_TIMEOUT (seconds per group, default 900), NKG_SHARED (default
# ../shared), NKG_PYTHON (default /usr/bin/python3).
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/lib.sh

nkg_install_deps all || exit 1

JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
GROUP_TIMEOUT=${GROUP_TIMEOUT:-900}
NEWSKG=build/newskg
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newskg-check.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
summary=()
start_all=$SECONDS

# run_group NAME COMMAND...: run one group, show its output, count its lines.
run_group() {
    local name=$1 log="$WORK/group.log" rc p f t0=$SECONDS
    shift
    if [ "$1" = step ]; then echo "# --- $name ---"; else echo "# --- $name: $* ---"; fi
    if declare -F "$1" >/dev/null; then
        "$@" </dev/null | tee "$log"
    else
        timeout -k 10 "$GROUP_TIMEOUT" "$@" </dev/null | tee "$log"
    fi
    rc=${PIPESTATUS[0]}
    p=$(grep -cE '^ok( |$)' "$log")
    f=$(grep -cE '^not ok( |$)' "$log")
    # A runtime killed by a signal before it reported anything (node's V8
    # has aborted with "Fatal error ... unreachable code" once in many runs)
    # is not a failed check: run the group once more, and say so.
    if [ "$rc" -gt 128 ] && [ "$rc" -ne 124 ] && [ $((p + f)) -eq 0 ] && [ -z "${retried:-}" ]; then
        echo "# $name: exited with status $rc (signal $((rc - 128))) before any result; running it again"
        retried=1 run_group "$name" "$@"
        return
    fi
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        if [ "$rc" -eq 124 ]; then
            echo "not ok - $name: timed out after ${GROUP_TIMEOUT}s"
        else
            echo "not ok - $name: exited with status $rc without reporting a failure"
        fi
        f=1
    elif [ "$rc" -eq 0 ] && [ $((p + f)) -eq 0 ]; then
        echo "not ok - $name: printed no test result"
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    summary+=("$(printf '%-22s %4d passed, %3d failed, %4ds' "$name" "$p" "$f" $((SECONDS - t0)))")
}

# step NAME COMMAND...: one check whose output is shown only on failure.
step() {
    local name=$1 out="$WORK/step.out"
    shift
    if timeout -k 10 "$GROUP_TIMEOUT" "$@" >"$out" 2>&1; then
        echo "ok 1 - $name"
    else
        echo "not ok 1 - $name"
        tail -n 30 "$out" | sed 's/^/#   /'
        return 1
    fi
}

# not_run NAME WHY: a group that cannot run counts as one failure.
not_run() {
    echo "# --- $1 ---"
    echo "not ok - $1: not run: $2"
    failed=$((failed + 1))
    summary+=("$(printf '%-22s %4d passed, %3d failed (not run: %s)' "$1" 0 1 "$2")")
}

skip_group() {
    echo "# --- $1 ---"
    echo "ok - $1 # SKIP $2"
    passed=$((passed + 1))
    summary+=("$(printf '%-22s skipped: %s' "$1" "$2")")
}

# Build.
run_group build step "make" make -j"$JOBS"
built=0
# A stale binary from an earlier build must not stand in for a failed one.
[ -x "$NEWSKG" ] && ! grep -q '^not ok' "$WORK/group.log" && built=1

# Unit tests.
if compgen -G 'tests/unit/*.c' >/dev/null; then
    run_group unit-build step "make unit" make -k -j"$JOBS" unit
    for t in build/tests/*; do
        [ -f "$t" ] && [ -x "$t" ] && run_group "unit: ${t##*/}" "$t"
    done
fi

# The same with AddressSanitizer and UndefinedBehaviorSanitizer. -k: the unit
# tests still build when the command does not link.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
run_group asan-build step "make asan" make -k -j"$JOBS" asan
for t in build-asan/tests/*; do
    [ -f "$t" ] && [ -x "$t" ] && run_group "asan: ${t##*/}" "$t"
done
if [ -x build-asan/newskg ]; then
    asan_inputs=(examples/articles)
    [ -n "$NKG_SHARED" ] && asan_inputs+=("$NKG_SHARED"/seeds/*.txt)
    for fmt in turtle jsonld; do
        run_group "asan: newskg -f $fmt" step "ASan+UBSan newskg extract -f $fmt over the examples${NKG_SHARED:+ and the seeds}" \
            build-asan/newskg extract -f "$fmt" -o "$WORK/asan.out" "${asan_inputs[@]}"
    done
fi

# Fuzz corpus replay.
if grep -q '^fuzz-replay:' GNUmakefile; then
    run_group fuzz-replay make -s -j"$JOBS" fuzz-replay
fi

# The outputs that the SHACL, interop and ontology checks read.
outputs_ok=0
if [ "$built" = 1 ]; then
    outputs_ok=1
    for fmt in turtle:ttl ntriples:nt nquads:nq jsonld:jsonld; do
        "$NEWSKG" extract -f "${fmt%%:*}" -o "$WORK/examples.${fmt#*:}" examples/articles 2>"$WORK/gen.err" || outputs_ok=0
        if [ -n "$NKG_SHARED" ]; then
            "$NEWSKG" extract -f "${fmt%%:*}" -o "$WORK/seeds.${fmt#*:}" "$NKG_SHARED"/seeds/*.txt 2>>"$WORK/gen.err" || outputs_ok=0
        fi
    done
    [ "$outputs_ok" = 1 ] || { echo "# cannot produce the outputs for shacl/interop/ontology:"; tap_diag "$WORK/gen.err"; }
fi
our_outputs() {
    local s
    for s in examples seeds; do
        [ -f "$WORK/$s.ttl" ] && printf '%s\n' "$WORK/$s.ttl" "$WORK/$s.nt" "$WORK/$s.nq" "$WORK/$s.jsonld"
    done
}

# Groups that run newskg: a failed build stops them.
needs_binary() { [ "$built" = 1 ] || { not_run "$1" "the build failed"; return 1; }; }
needs_shared() { [ -n "$NKG_SHARED" ] || { skip_group "$1" "../shared not found"; return 1; }; }
needs_outputs() { [ "$outputs_ok" = 1 ] || { not_run "$1" "newskg could not produce the outputs"; return 1; }; }

[ -f tests/cli.sh ] && needs_binary cli && run_group cli bash tests/cli.sh
[ -f tests/push.sh ] && needs_binary push && run_group push bash tests/push.sh
[ -f tests/merge.sh ] && needs_binary merge && run_group merge bash tests/merge.sh
[ -f tests/extract/run.sh ] && needs_binary extract-cases && run_group extract-cases bash tests/extract/run.sh
[ -f tests/roundtrip.sh ] && needs_binary roundtrip && run_group roundtrip bash tests/roundtrip.sh
[ -f tests/test_gazetteer.py ] && run_group gazetteer "$NKG_PY" tests/test_gazetteer.py
for w in w3c_fromrdf w3c_rdf; do
    [ -f "tests/$w.py" ] && needs_binary "$w" && needs_shared "$w" &&
        run_group "$w" "$NKG_PY" "tests/$w.py" "$NEWSKG" "$NKG_SHARED"
done
if [ -f tests/shacl.mjs ] && needs_binary shacl && needs_outputs shacl; then
    mapfile -t outs < <(our_outputs)
    neg=()
    [ -f tests/data/broken.ttl ] && neg=(--expect-violations tests/data/broken.ttl)
    run_group shacl node tests/shacl.mjs ontology/shapes.ttl "${outs[@]}" "${neg[@]}"
fi
if [ -f tests/interop.mjs ]; then
    if compgen -G 'tests/data/interop/sample.*' >/dev/null; then
        run_group "interop: fixtures" node tests/interop.mjs tests/data/interop/sample.*
    fi
    if needs_binary interop && needs_outputs interop; then
        for s in examples seeds; do
            [ -f "$WORK/$s.ttl" ] && run_group "interop: $s" node tests/interop.mjs \
                "$WORK/$s.ttl" "$WORK/$s.nt" "$WORK/$s.nq" "$WORK/$s.jsonld"
        done
    fi
fi
if [ -f tests/ontology_check.py ]; then
    outs=()
    [ "$outputs_ok" = 1 ] && mapfile -t outs < <(our_outputs)
    run_group ontology "$NKG_PY" tests/ontology_check.py "${outs[@]}"
fi
[ -f tests/score.sh ] && needs_binary score && run_group score bash tests/score.sh

echo "# --- summary ($((SECONDS - start_all))s) ---"
printf '# %s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
