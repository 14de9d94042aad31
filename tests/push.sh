#!/usr/bin/env bash
# tests/push.sh - `newskg push` end to end, on loopback only.
#
# 1. Against a small Graph Store stand-in (Python, in this file) whose
#    answers we choose: URLs, methods, media type, basic auth from the
#    environment, retries on 503/500, none on 400/401, timeouts, usage.
# 2. Against a real store: Debian's Virtuoso (installed when missing, as
#    root), started on free loopback ports with a scratch database in a
#    temporary directory. The seeds' dataset is pushed to the Graph Store
#    endpoint /sparql-graph-crud-auth (digest auth, a user with the
#    SPARQL_UPDATE role), then triples per graph and nkg:CasualtyReport
#    counts over HTTP SPARQL are compared with `newskg query` over the same
#    N-Quads; PUT replaces, POST appends, --default-graph; a wrong port and
#    a wrong password fail and say which graphs did not load.
#
# Prints "ok N - ..." / "not ok N - ..." lines; everything it started is
# stopped and its directory removed on exit. Every wait is bounded.
# Environment: NEWSKG (default build/newskg), NKG_SHARED (default ../shared).
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/lib.sh

NEWSKG=${NEWSKG:-build/newskg}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newskg-push.XXXXXX") || exit 1
MOCK_PID='' VIRT_PID=''
unset NEWSKG_PUSH_USER NEWSKG_PUSH_PASSWORD

cleanup() {
    local until=$((SECONDS + 15))
    [ -n "$MOCK_PID" ] && kill "$MOCK_PID" 2>/dev/null
    if [ -n "$VIRT_PID" ] && kill -0 "$VIRT_PID" 2>/dev/null; then
        # SIGTERM lets Virtuoso close its files; SIGKILL after 15 s.
        kill "$VIRT_PID" 2>/dev/null
        while kill -0 "$VIRT_PID" 2>/dev/null && [ "$SECONDS" -lt "$until" ]; do sleep 0.5; done
        kill -9 "$VIRT_PID" 2>/dev/null
    fi
    wait 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# A port nothing listens on now (the kernel's pick for an ephemeral bind).
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# --- the dataset ----------------------------------------------------------
tap_require_binary "$NEWSKG"
if ! "$NEWSKG" push --help >/dev/null 2>&1; then
    tap_not_ok "$NEWSKG has a push command"
    tap_done
    exit 1
fi
inputs=(examples/articles)
[ -n "$NKG_SHARED" ] && inputs=("$NKG_SHARED"/seeds/*.txt)
NQ=$WORK/seeds.nq
if "$NEWSKG" extract -f nquads -o "$NQ" "${inputs[@]}" 2>"$WORK/extract.err"; then
    tap_ok "extract the test dataset from ${inputs[*]}"
else
    tap_not_ok "extract the test dataset"; tap_diag "$WORK/extract.err"; tap_done; exit 1
fi

# Expected values, from newskg's own SPARQL over the N-Quads.
nq_query() { "$NEWSKG" query -f csv -e "$1" "$NQ" | tail -n +2 | tr -d '"\r'; }
PER_GRAPH='SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g'
nq_query "$PER_GRAPH" >"$WORK/want.graphs"
NGRAPHS=$(wc -l <"$WORK/want.graphs")
NQUADS=$(nq_query 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }')
NREPORTS=$(nq_query 'PREFIX nkg: <https://w3id.org/newskg/ns#>
SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r a nkg:CasualtyReport } }')
NUNION=$(nq_query 'SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }')
if [ "$NGRAPHS" -gt 0 ] && [ "${NQUADS:-0}" -gt 0 ] && [ "$(awk -F, '{s+=$2} END {print s}' "$WORK/want.graphs")" = "$NQUADS" ]; then
    tap_ok "newskg query: $NGRAPHS graphs, $NQUADS triples, $NREPORTS casualty reports"
else
    tap_not_ok "newskg query counts the dataset's graphs and triples"
fi
cut -d, -f1 "$WORK/want.graphs" | sort >"$WORK/want.names"

# A small dataset with two graphs, for the checks that retry.
cat >"$WORK/two.nq" <<'EOF'
<http://example.org/s> <http://example.org/p> "one" <http://example.org/g/1> .
<http://example.org/s> <http://example.org/p> "two" <http://example.org/g/2> .
<http://example.org/s> <http://example.org/p> "three" <http://example.org/g/2> .
EOF

# --- 1. a Graph Store stand-in ---------------------------------------------
# Paths: /gs (basic auth u:pw, 204), /created (201), /flaky (503 twice per
# graph, then 204), /e500 (always 500), /e400 (always 400), /slow (answers
# after 5 s). Each request is logged as "METHOD TARGET TYPE LINES AUTH".
cat >"$WORK/mock.py" <<'EOF'
import base64, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
log = open(sys.argv[1], "a", buffering=1)
seen = {}
lock = threading.Lock()
GOOD = "Basic " + base64.b64encode(b"u:pw").decode()
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def handle_one(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else b""
        auth = self.headers.get("Authorization") or "-"
        with lock:
            log.write("%s %s %s %d %s\n" % (self.command, self.path,
                      self.headers.get("Content-Type"), body.count(b"\n"),
                      "good" if auth == GOOD else ("bad" if auth != "-" else "none")))
            seen[self.path] = seen.get(self.path, 0) + 1
            k = seen[self.path]
        p = self.path.split("?")[0]
        if p == "/gs":
            if auth != GOOD:
                return self.reply(401, b"who are you", [("WWW-Authenticate", 'Basic realm="t"')])
            return self.reply(204)
        if p == "/created": return self.reply(201, b"created")
        if p == "/flaky": return self.reply(503 if k <= 2 else 204, b"busy")
        if p == "/e500": return self.reply(500, b"<html><body><h1>Oops</h1> store <b>broken</b></body></html>")
        if p == "/e400": return self.reply(400, b"bad triples")
        if p == "/slow":
            time.sleep(5)
            return self.reply(204)
        return self.reply(404, b"no such endpoint")
    def reply(self, code, body=b"", headers=()):
        self.send_response(code)
        for h in headers: self.send_header(*h)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_PUT = do_POST = handle_one
srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
srv.daemon_threads = True
open(sys.argv[2], "w").write(str(srv.server_address[1]))
srv.serve_forever()
EOF
MLOG=$WORK/mock.log
: >"$MLOG"
python3 "$WORK/mock.py" "$MLOG" "$WORK/mock.port" &
MOCK_PID=$!
for _ in $(seq 1 50); do [ -s "$WORK/mock.port" ] && break; sleep 0.1; done
if [ -s "$WORK/mock.port" ]; then
    M=http://127.0.0.1:$(cat "$WORK/mock.port")
    tap_ok "stand-in Graph Store listening on $M"
else
    tap_not_ok "stand-in Graph Store starts"; M=
fi

# push_mock NAME ARGS...: run push with a fresh request log; keeps rc, out, err.
push_mock() {
    local name=$1; shift
    : >"$MLOG"
    timeout -k 5 120 "$NEWSKG" push "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
    echo $? >"$WORK/$name.rc"
}
rc_of() { cat "$WORK/$1.rc"; }
# ok_if DESCRIPTION [FILE...]: ok when the command before succeeded; on
# failure the FILEs are shown.
ok_if() {
    local s=$? d=$1
    shift
    tap_result "$s" "$d"
    [ "$s" = 0 ] || [ $# = 0 ] || tap_diag "$@"
}
requests() { grep -c "$@" "$MLOG"; }

if [ -n "$M" ]; then
    NEWSKG_PUSH_USER=u NEWSKG_PUSH_PASSWORD=pw push_mock put --endpoint "$M/gs" "$NQ"
    lines=$(awk '$1 == "PUT" && $5 == "good" {s += $4} END {print s + 0}' "$MLOG")
    [ "$(rc_of put)" = 0 ] && [ "$lines" = "$NQUADS" ] && [ "$(requests '^PUT .* good$')" = "$NGRAPHS" ]
    ok_if "PUT with basic auth from the environment: exit 0, $NGRAPHS graphs, $NQUADS triples" "$WORK/put.err"
    grep -qxF "pushed $NGRAPHS graphs ($NQUADS triples) to $M/gs" "$WORK/put.out"
    ok_if "summary line: pushed $NGRAPHS graphs ($NQUADS triples) to $M/gs" "$WORK/put.out"
    awk '$5 == "good" {print $2}' "$MLOG" | sed 's/^\/gs?graph=//' |
        python3 -c 'import sys, urllib.parse; [print(urllib.parse.unquote(l.strip())) for l in sys.stdin]' |
        sort >"$WORK/put.names"
    cmp -s "$WORK/put.names" "$WORK/want.names"
    ok_if "?graph= carries each graph IRI, percent-encoded"
    ! awk '{print $2}' "$MLOG" | sed 's/^[^=]*=//' | grep -q '[:/#?&=]'
    ok_if "?graph= leaves no reserved character unencoded"
    ! awk '$3 != "application/n-triples"' "$MLOG" | grep -q .
    ok_if "Content-Type: application/n-triples"

    push_mock cmdline --endpoint "$M/gs" --user u:pw --auth basic --append "$NQ"
    [ "$(rc_of cmdline)" = 0 ] && [ "$(requests '^POST .* good$')" = "$NGRAPHS" ] &&
        [ "$(wc -l <"$MLOG")" = "$NGRAPHS" ]
    ok_if "--append --user u:pw --auth basic: one POST per graph, with credentials" "$WORK/cmdline.err"

    push_mock dflt --endpoint "$M/created" --default-graph "$NQ"
    [ "$(rc_of dflt)" = 0 ] && [ "$(wc -l <"$MLOG")" = 1 ] &&
        [ "$(requests "^PUT /created?default application/n-triples $NUNION ")" = 1 ] &&
        grep -qxF "pushed 1 graph ($NUNION triples) to $M/created" "$WORK/dflt.out"
    ok_if "--default-graph: one PUT to ?default with the union ($NUNION triples), 201 accepted" "$WORK/dflt.err"

    push_mock badpw --endpoint "$M/gs" --user u:nope --auth basic --retries 3 "$NQ"
    [ "$(rc_of badpw)" = 4 ] && [ "$(wc -l <"$MLOG")" = 1 ] &&
        [ "$(grep -c '^newskg: push: not loaded: ' "$WORK/badpw.err")" = "$NGRAPHS" ] &&
        ! grep -q '^pushed\|: loaded: ' "$WORK/badpw.out" "$WORK/badpw.err"
    ok_if "wrong password: exit 4, one request (no retry on 401), every graph not loaded" "$WORK/badpw.err"
    push_mock badpw2 --endpoint "$M/gs" --user u:nope --retries 3 "$NQ"
    [ "$(rc_of badpw2)" = 4 ] && [ "$(requests ' bad$')" = 1 ]
    ok_if "wrong password, --auth any: the credentials are refused once, not retried" "$MLOG"

    push_mock flaky --endpoint "$M/flaky" --retries 3 "$WORK/two.nq"
    [ "$(rc_of flaky)" = 0 ] && [ "$(wc -l <"$MLOG")" = 6 ] &&
        [ "$(grep -c 'retrying in' "$WORK/flaky.err")" = 4 ]
    ok_if "503 twice then 204: retried, exit 0, 3 requests per graph" "$WORK/flaky.err"

    push_mock e500 --endpoint "$M/e500" --retries 1 "$WORK/two.nq"
    [ "$(rc_of e500)" = 4 ] && [ "$(wc -l <"$MLOG")" = 4 ] &&
        grep -qxF 'newskg: push: not loaded: http://example.org/g/1: HTTP 500: Oops store broken (after 2 attempts)' "$WORK/e500.err" &&
        grep -q '^newskg: push: not loaded: http://example.org/g/2: ' "$WORK/e500.err"
    ok_if "500: retried --retries times, then both graphs named as not loaded" "$WORK/e500.err"

    push_mock e400 --endpoint "$M/e400" --retries 3 "$WORK/two.nq"
    [ "$(rc_of e400)" = 4 ] && [ "$(wc -l <"$MLOG")" = 2 ] &&
        [ "$(grep -c '^newskg: push: not loaded: .*: HTTP 400: bad triples$' "$WORK/e400.err")" = 2 ]
    ok_if "400: no retry, each graph tried once and named as not loaded" "$WORK/e400.err"

    push_mock e404 --endpoint "$M/nowhere" "$WORK/two.nq"
    [ "$(rc_of e404)" = 4 ] && [ "$(wc -l <"$MLOG")" = 1 ] &&
        grep -q 'not loaded: http://example.org/g/2: not attempted' "$WORK/e404.err"
    ok_if "404: the endpoint is wrong, the second graph is not attempted" "$WORK/e404.err"

    t0=$SECONDS
    push_mock slow --endpoint "$M/slow" --timeout 1 --retries 0 "$WORK/two.nq"
    [ "$(rc_of slow)" = 4 ] && [ $((SECONDS - t0)) -le 4 ] &&
        grep -qi 'not loaded: http://example.org/g/1: .*time' "$WORK/slow.err"
    ok_if "--timeout 1 against a 5 s answer: fails within 4 s" "$WORK/slow.err"

    usage_ok=1
    for args in "--user u:pw $NQ" "--endpoint ftp://127.0.0.1/ $NQ" "--endpoint $M/gs#frag $NQ" \
                "--endpoint $M/gs --retries x $NQ" "--endpoint $M/gs --timeout 0 $NQ" \
                "--endpoint $M/gs --auth ntlm $NQ" "--endpoint $M/gs" "--endpoint $M/gs --bogus $NQ"; do
        # shellcheck disable=SC2086
        push_mock usage $args
        if [ "$(rc_of usage)" != 2 ] || [ ! -s "$WORK/usage.err" ] || [ -s "$MLOG" ]; then
            usage_ok=0; echo "#   push $args: exit $(rc_of usage)"
        fi
    done
    [ "$usage_ok" = 1 ]
    ok_if "usage errors exit 2, say why, send nothing"
    push_mock missing --endpoint "$M/gs" "$WORK/no-such-file.nq"
    [ "$(rc_of missing)" != 0 ] && [ -s "$WORK/missing.err" ] && [ ! -s "$MLOG" ]
    ok_if "a missing FILE: non-zero exit, a message, nothing sent"
    kill "$MOCK_PID" 2>/dev/null; wait "$MOCK_PID" 2>/dev/null; MOCK_PID=
fi

# --- 2. Virtuoso ------------------------------------------------------------
# The server binary alone (virtuoso-opensource-7-bin, part of Debian's
# virtuoso-opensource): the full package adds a system service that would
# start on all interfaces with the default password.
if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then
    why=
    if [ "$(id -u)" != 0 ]; then
        why="not root, and virtuoso-t is not installed"
    elif ! command -v apt-get >/dev/null 2>&1; then
        why="no apt-get"
    else
        echo "# installing virtuoso-opensource-7-bin with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        timeout 600 apt-get install -y -q --no-install-recommends virtuoso-opensource-7-bin >"$WORK/apt.log" 2>&1 ||
            { timeout 300 apt-get update -q >>"$WORK/apt.log" 2>&1 &&
              timeout 600 apt-get install -y -q --no-install-recommends virtuoso-opensource-7-bin >>"$WORK/apt.log" 2>&1; } ||
            why="apt-get failed: $(grep -E '^E:' "$WORK/apt.log" | head -n 1)"
        [ -z "$why" ] && ! command -v virtuoso-t >/dev/null 2>&1 && why="no virtuoso-t after apt-get"
    fi
    if [ -n "$why" ]; then
        tap_skip "virtuoso not installable: $why"
        tap_done
        exit $?
    fi
fi

SQL_PORT=$(free_port)
HTTP_PORT=$(free_port)
while [ "$HTTP_PORT" = "$SQL_PORT" ]; do HTTP_PORT=$(free_port); done
VDIR=$WORK/virtuoso
mkdir -p "$VDIR"
cat >"$VDIR/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $VDIR/virtuoso.db
ErrorLogFile = $VDIR/virtuoso.log
LockFile = $VDIR/virtuoso.lck
TransactionFile = $VDIR/virtuoso.trx
xa_persistent_file = $VDIR/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $VDIR/virtuoso-temp.db
TransactionFile = $VDIR/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$SQL_PORT
DisableUnixSocket = 1
DirsAllowed = ., $VDIR
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:$HTTP_PORT
ServerRoot = $VDIR
ServerThreads = 4
MaxClientConnections = 4
[SPARQL]
ResultSetMaxRows = 100000
EOF
(cd "$VDIR" && exec virtuoso-t +foreground +configfile "$VDIR/virtuoso.ini" >"$VDIR/stdout.log" 2>&1) &
VIRT_PID=$!
V=http://127.0.0.1:$HTTP_PORT

# HTTP from Python (a test dependency already; curl may be missing).
# sparql QUERY prints the CSV rows of Virtuoso's /sparql, header and quotes
# dropped; TRIES tries (3) of at most TIMEOUT seconds (30) each.
cat >"$WORK/sparql.py" <<'EOF'
import csv, io, os, sys, time, urllib.parse, urllib.request
url, query = sys.argv[1], sys.argv[2]
tries, timeout = int(os.environ.get("TRIES", 3)), float(os.environ.get("TIMEOUT", 30))
data = urllib.parse.urlencode({"query": query, "format": "text/csv"}).encode()
err = None
for attempt in range(tries):
    try:
        with urllib.request.urlopen(url, data, timeout=timeout) as r:
            rows = list(csv.reader(io.StringIO(r.read().decode("utf-8"))))
        break
    except OSError as e:
        err = e
        if attempt + 1 < tries:
            time.sleep(1)
else:
    sys.exit("sparql: %s" % err)
for row in rows[1:]:
    print(",".join(row))
EOF
sparql() { python3 "$WORK/sparql.py" "$V/sparql" "$1"; }
ready() { TRIES=1 TIMEOUT=2 sparql 'ASK {}' >/dev/null 2>&1; }

up=0
deadline=$((SECONDS + 60))
while [ "$SECONDS" -lt "$deadline" ] && kill -0 "$VIRT_PID" 2>/dev/null; do
    if ready; then up=1; break; fi
    sleep 0.5
done
if [ "$up" = 1 ]; then
    tap_ok "Virtuoso up on 127.0.0.1:$SQL_PORT (SQL) and $V"
else
    tap_not_ok "Virtuoso starts within 60 s"; tap_diag "$VDIR/virtuoso.log" "$VDIR/stdout.log"
    tap_done; exit 1
fi

# A fresh database's dba password is "dba": replace it, and make a push
# user with the SPARQL_UPDATE role.
rnd() { printf 'p%s' "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"; }
DBA_PW=$(rnd) PUSH_PW=$(rnd)
DEFAULT_G=urn:newskg:test:default
# isql-vt exits 0 after a failed statement: its output says.
isql() {
    timeout 60 isql-vt "127.0.0.1:$SQL_PORT" dba "$1" exec="$2" >"$WORK/isql.out" 2>&1
    local rc=$?
    cat "$WORK/isql.out" >>"$WORK/isql.log"
    [ "$rc" = 0 ] && ! grep -q '\*\*\* Error' "$WORK/isql.out"
}
if isql dba "USER_CHANGE_PASSWORD('dba', 'dba', '$DBA_PW');" &&
   isql "$DBA_PW" "DB.DBA.USER_CREATE('nkgpush', '$PUSH_PW'); GRANT SPARQL_UPDATE TO \"nkgpush\";"; then
    tap_ok "Virtuoso: a push user with the SPARQL_UPDATE role"
else
    tap_not_ok "Virtuoso: set up the push user"; tap_diag "$WORK/isql.log"
fi
GS=$V/sparql-graph-crud-auth

OURS='FILTER(STRSTARTS(STR(?g), "https://w3id.org/newskg/"))'
v_graphs() { sparql "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } $OURS } GROUP BY ?g ORDER BY ?g"; }
# Virtuoso's /sparql mishandles GRAPH <constant> once a Host has a default
# graph (SYS_SPARQL_HOST): bind the graph with VALUES instead.
graph_size() { sparql "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?g { <$1> } GRAPH ?g { ?s ?p ?o } }"; }
vpush() {
    local name=$1; shift
    NEWSKG_PUSH_USER=nkgpush NEWSKG_PUSH_PASSWORD=$PUSH_PW \
        timeout -k 5 300 "$NEWSKG" push --endpoint "$GS" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
    echo $? >"$WORK/$name.rc"
}

vpush v1 "$NQ"
[ "$(rc_of v1)" = 0 ] && grep -qxF "pushed $NGRAPHS graphs ($NQUADS triples) to $GS" "$WORK/v1.out"
ok_if "push the seeds' dataset to Virtuoso: exit 0, summary line" "$WORK/v1.out" "$WORK/v1.err"
v_graphs >"$WORK/got.graphs"
if cmp -s "$WORK/got.graphs" "$WORK/want.graphs"; then
    tap_ok "triples per graph over HTTP SPARQL = newskg query ($NGRAPHS graphs)"
else
    tap_not_ok "triples per graph over HTTP SPARQL = newskg query"
    diff "$WORK/want.graphs" "$WORK/got.graphs" | tap_diag
fi
got=$(sparql "PREFIX nkg: <https://w3id.org/newskg/ns#>
SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r a nkg:CasualtyReport } $OURS }")
[ "$got" = "$NREPORTS" ]
ok_if "nkg:CasualtyReport count over HTTP SPARQL = newskg query ($NREPORTS)"

# PUT replaces: one graph down to one triple; POST adds to it; PUT again
# restores it.
G1=$(head -n 1 "$WORK/want.names")
printf '<https://w3id.org/newskg/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "replaced" <%s> .\n' "$G1" >"$WORK/one.nq"
vpush v2 "$WORK/one.nq"
got=$(graph_size "$G1")
[ "$(rc_of v2)" = 0 ] && [ "$got" = 1 ]
ok_if "PUT replaces a graph (now 1 triple)" "$WORK/v2.err"
vpush v3 --append "$NQ"
want1=$(grep -F "$G1," "$WORK/want.graphs" | cut -d, -f2)
got=$(graph_size "$G1")
[ "$(rc_of v3)" = 0 ] && [ "$got" = $((want1 + 1)) ]
ok_if "--append (POST) merges ($want1 + 1 triples)" "$WORK/v3.err"
vpush v4 "$NQ"
v_graphs >"$WORK/got.graphs"
[ "$(rc_of v4)" = 0 ] && cmp -s "$WORK/got.graphs" "$WORK/want.graphs"
ok_if "PUT again restores every graph" "$WORK/v4.err"

# ?default needs a graph named for the request's Host (SYS_SPARQL_HOST);
# that also becomes /sparql's default graph, so it comes last.
isql "$DBA_PW" "INSERT INTO DB.DBA.SYS_SPARQL_HOST (SH_HOST, SH_GRAPH_URI) VALUES ('127.0.0.1:%', '$DEFAULT_G');" ||
    tap_diag "$WORK/isql.out"
vpush v5 --default-graph "$NQ"
got=$(graph_size "$DEFAULT_G")
[ "$(rc_of v5)" = 0 ] && [ "$got" = "$NUNION" ]
ok_if "--default-graph: the union ($NUNION triples) in the endpoint's default graph" "$WORK/v5.err"

# Failures: nothing listens on a fresh port; a wrong password.
DEAD=$(free_port)
t0=$SECONDS
NEWSKG_PUSH_USER=nkgpush NEWSKG_PUSH_PASSWORD=$PUSH_PW timeout -k 5 120 "$NEWSKG" push \
    --endpoint "http://127.0.0.1:$DEAD/sparql-graph-crud-auth" --retries 2 "$NQ" >"$WORK/dead.out" 2>"$WORK/dead.err"
rc=$?
sed -n 's/^newskg: push: not loaded: \([^ ]*\): .*/\1/p' "$WORK/dead.err" | sort >"$WORK/dead.names"
[ "$rc" = 4 ] && [ $((SECONDS - t0)) -le 30 ]
ok_if "wrong port: exit 4 within 30 s" "$WORK/dead.err"
cmp -s "$WORK/dead.names" "$WORK/want.names" && ! grep -q ': loaded: \|^pushed' "$WORK/dead.err" "$WORK/dead.out"
ok_if "wrong port: every graph named as not loaded, none as loaded" "$WORK/dead.err"

vpush v6 --user "nkgpush:wrong-$PUSH_PW" "$NQ"
sed -n 's/^newskg: push: not loaded: \([^ ]*\): .*/\1/p' "$WORK/v6.err" | sort >"$WORK/v6.names"
[ "$(rc_of v6)" = 4 ] && cmp -s "$WORK/v6.names" "$WORK/want.names" && [ ! -s "$WORK/v6.out" ]
ok_if "wrong password: exit 4, every graph named as not loaded" "$WORK/v6.err"

tap_done
