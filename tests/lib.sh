# shellcheck shell=bash
# tests/lib.sh - shell helpers shared by tests/run.sh, tests/example.sh and
# the shell test groups (tests/cli.sh, tests/roundtrip.sh, tests/score.sh).
# Source it with the repository root as the working directory:
#
#     . tests/lib.sh
#
# It defines:
#   nkg_install_deps build|all   install the Debian packages (and, for "all",
#                                the npm test tools) that are missing
#   tap_*                        TAP-style result lines, counted by run.sh
#   NKG_PY                       the Python that has rdflib and pyld
#   NKG_SHARED                   ../shared (evaluation data), when present

# Debian packages, by what needs them.
#   build: compiler, pkg-config and the -dev packages of the libraries.
#   tests: rapper (raptor2-utils), the SQLite store of librdf (--store test),
#          Python with rdflib and pyld, valgrind, Node.js and npm.
NKG_DEBS_BUILD="build-essential pkg-config librdf0-dev libraptor2-dev librasqal3-dev libxml2-dev"
NKG_DEBS_TEST="raptor2-utils librdf-storage-sqlite python3 python3-rdflib python3-pyld valgrind nodejs npm"

# The Python with Debian's rdflib and pyld: PATH may have another python3
# first (pyenv, a virtualenv) that lacks them.
NKG_PY=${NKG_PYTHON:-/usr/bin/python3}
[ -x "$NKG_PY" ] || NKG_PY=python3

# The evaluation data lives beside the repository (CI clones the repo with
# shared/ next to it). Empty when absent; tests then skip what needs it.
NKG_SHARED=${NKG_SHARED:-../shared}
[ -d "$NKG_SHARED" ] || NKG_SHARED=

# The packages of a list that are not installed. Node.js and npm count as
# present when their commands are: NodeSource's nodejs bundles npm and
# conflicts with Debian's npm package.
nkg_missing_debs() {
    local p
    for p in "$@"; do
        case $p in
        nodejs) command -v node >/dev/null 2>&1 && continue ;;
        npm) command -v npm >/dev/null 2>&1 && continue ;;
        esac
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$' || printf '%s ' "$p"
    done
}

# nkg_install_deps build|all
# Installs the missing Debian packages with apt-get (only when something is
# missing; as root only: otherwise prints the command and fails), then, for
# "all", the npm test tools of tests/package.json when tests/node_modules is
# missing. Messages go to stderr. Returns non-zero when something is missing
# and could not be installed.
nkg_install_deps() {
    local want=$NKG_DEBS_BUILD missing
    [ "${1:-all}" = all ] && want="$want $NKG_DEBS_TEST"
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "tests: no dpkg-query (not Debian?): not checking packages: $want" >&2
    else
        # shellcheck disable=SC2086
        missing=$(nkg_missing_debs $want)
        missing=${missing% }
        if [ -n "$missing" ]; then
            local cmd="apt-get update && apt-get install -y --no-install-recommends $missing"
            if [ "$(id -u)" != 0 ]; then
                echo "tests: missing Debian packages: $missing" >&2
                echo "tests: install them as root with:" >&2
                echo "  $cmd" >&2
                return 1
            fi
            echo "tests: installing missing Debian packages: $missing" >&2
            # shellcheck disable=SC2086
            { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
              DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing; } >&2 ||
                { echo "tests: apt-get failed: $cmd" >&2; return 1; }
        fi
    fi
    if [ "${1:-all}" = all ] && [ -f tests/package.json ] && [ ! -d tests/node_modules ]; then
        echo "tests: installing the npm test tools (npm ci --prefix tests)" >&2
        npm ci --prefix tests --no-audit --no-fund >&2 ||
            { echo "tests: npm ci --prefix tests failed" >&2; return 1; }
    fi
    return 0
}

# --- TAP-style results -------------------------------------------------------
# Each check prints "ok N - what" or "not ok N - what"; details go in "#"
# lines. tap_done prints the plan and returns non-zero when a check failed.
tap_n=0
tap_failed=0

tap_ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
tap_not_ok() { tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_n - $*"; }
tap_skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - # SKIP $*"; }
# tap_result STATUS DESCRIPTION: ok when STATUS is 0.
tap_result() { local s=$1; shift; if [ "$s" -eq 0 ]; then tap_ok "$@"; else tap_not_ok "$@"; fi; }
# tap_check DESCRIPTION COMMAND...: ok when the command succeeds.
tap_check() { local d=$1; shift; if "$@"; then tap_ok "$d"; else tap_not_ok "$d"; fi; }
# Standard input, or the named files, as "#" lines (at most 20 of them).
tap_diag() { cat "$@" 2>/dev/null | head -n 20 | sed 's/^/#   /'; }
tap_done() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }
# A group that needs the binary fails at once, with one line, without it.
tap_require_binary() { [ -x "$1" ] || { tap_not_ok "$1 is built"; tap_done; exit 1; }; }
