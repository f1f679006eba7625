#!/usr/bin/env bash
# bench/run.sh: the benchmark of issue 6. It builds colrun, serves a fixed
# JSON body on 127.0.0.1, generates the collections and CSV files, and runs
# colrun, Newman 6.2.2 (installed from npm into node_modules/.colrun-newman)
# and a bare Go net/http loop against the same server, several times each.
# It prints Markdown tables of medians, the Newman/colrun ratios and issue 6's
# targets (met / not met), and writes bench/out/summary.json.
#
#   bench/run.sh            full run (about 5 minutes on 2 cores)
#   bench/run.sh --quick    fewer repetitions, no 2,000-request Newman run
#   bench/run.sh --no-newman
#   bench/run.sh --out DIR  write builds, inputs and results to DIR (default bench/out)
#
# Traffic stays on 127.0.0.1. The servers it starts stop when it exits, and
# by themselves after 30 minutes if it is killed before it can stop them.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
use_newman=1
out=bench/out
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-newman) use_newman=0 ;;
    --out) out="${2:?--out needs a directory}"; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# Repetitions: the medians of R runs. Newman's long runs get fewer because
# one of them takes half a minute and its spread is small next to the ratio.
if [ "$quick" = 1 ]; then
  R=5 R_NEWMAN_1=3 R_NEWMAN_200=1 R_NEWMAN_2000=0 R_CSV=1 R_PAR=1
else
  R=7 R_NEWMAN_1=5 R_NEWMAN_200=3 R_NEWMAN_2000=3 R_CSV=3 R_PAR=3
fi

mkdir -p "$out/bin" "$out/inputs" "$out/results" "$out/reports"
out="$(cd "$out" && pwd)"
rm -f "$out"/results/*.json "$out"/reports/*.json
bin="$out/bin" in="$out/inputs" res="$out/results"

# pids are the servers; current is the step running now. Steps run in the
# background and are waited for, so that an interrupt stops the benchmark at
# once instead of after the step (benchtool measure kills its child on TERM).
pids=()
current=""
cleanup() {
  [ -z "$current" ] || kill "$current" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}" $current; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
step() {
  local rc=0
  "$@" &
  current=$!
  wait "$current" || rc=$?
  current=""
  return "$rc"
}

load1() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?'; }
load_start="$(load1)"
log() { printf '\n== %s\n' "$*" >&2; }

log "building colrun and benchtool"
# A static binary, as colrun is released (no libc: less to map at start).
CGO_ENABLED=0 go build -o "$bin/colrun" ./cmd/colrun
go build -o "$bin/benchtool" ./bench/benchtool
colrun="$bin/colrun" bt="$bin/benchtool"

newman=""
newman_note="not run (--no-newman)"
if [ "$use_newman" = 1 ]; then
  dir="node_modules/.colrun-newman"
  if ! command -v node >/dev/null; then
    newman_note="not run: node is not installed"
  elif [ -x "$dir/node_modules/.bin/newman" ]; then
    newman="$PWD/$dir/node_modules/.bin/newman"
  elif ! command -v npm >/dev/null; then
    newman_note="not run: npm is not installed"
  else
    log "installing newman@6.2.2 into $dir"
    mkdir -p "$dir"
    if npm install --silent --no-audit --no-fund --prefix "$dir" newman@6.2.2 >/dev/null; then
      newman="$PWD/$dir/node_modules/.bin/newman"
    else
      newman_note="not run: npm install newman@6.2.2 failed"
    fi
  fi
  if [ -n "$newman" ]; then
    v="$("$newman" --version 2>/dev/null || true)"
    if [ "$v" = 6.2.2 ]; then
      newman_note="6.2.2"
    else
      newman_note="not run: $dir holds Newman ${v:-(broken)}, not 6.2.2"
      newman=""
    fi
  fi
fi
[ -n "$newman" ] || echo "Newman: $newman_note" >&2

log "generating collections and CSV files in $in"
step "$bt" gen -dir "$in" -sizes 1,200,2000 -rows 1000,100000 -echo-requests 20

# waitline FILE PREFIX: the first line of FILE starting with PREFIX, minus
# the prefix, once the server has printed it (at most 10 s).
waitline() {
  local i line
  for i in $(seq 1 200); do
    line="$(grep -m1 "^$2" "$1" 2>/dev/null || true)"
    if [ -n "$line" ]; then echo "${line#"$2"}"; return 0; fi
    sleep 0.05
  done
  echo "bench/run.sh: no address in $1:" >&2
  cat "$1" >&2
  return 1
}

# colrun and Newman send loopback requests through HTTP_PROXY too
# (postman-request's rules): keep the measured runs off any proxy set here.
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
export no_proxy="$NO_PROXY"

log "starting the fixed-JSON server and colrun mock --latency 5ms"
"$bt" serve -addr 127.0.0.1:0 -lifetime 30m >"$out/server.log" 2>&1 &
pids+=($!)
base="$(waitline "$out/server.log" "http://")"
base="http://$base"
stop_after=()
command -v timeout >/dev/null && stop_after=(timeout 30m)
"${stop_after[@]}" "$colrun" mock --addr 127.0.0.1:0 --latency 5ms --echo -q >"$out/mock.log" 2>&1 &
pids+=($!)
mock="$(waitline "$out/mock.log" "colrun mock: listening on ")"
echo "server $base, mock $mock" >&2

# m NAME RUNS WARMUP TIMEOUT -- CMD...: one measured scenario; a failure
# is reported and recorded but does not stop the benchmark.
m() {
  local name="$1" runs="$2" warm="$3" limit="$4"
  shift 5
  [ "$runs" -gt 0 ] || return 0
  step "$bt" measure -name "$name" -runs "$runs" -warmup "$warm" -timeout "$limit" -out "$res/$name.json" -- "$@" ||
    echo "bench/run.sh: $name failed; its row is marked" >&2
}

log "checking that the test scripts run (JSON reports of 200 requests)"
step "$colrun" run "$in/scripts-200.postman_collection.json" --env-var "base=$base" --silent \
  -r json --reporter-json-export "$out/reports/colrun-200.json" || true
"$bt" assertions -expect 400 -out "$res/assertions-colrun.json" "$out/reports/colrun-200.json" || true
if [ -n "$newman" ]; then
  step "$newman" run "$in/scripts-200.postman_collection.json" --env-var "base=$base" --silent \
    -r json --reporter-json-export "$out/reports/newman-200.json" || true
  "$bt" assertions -expect 400 -out "$res/assertions-newman.json" "$out/reports/newman-200.json" || true
fi

log "bare Go net/http loop, 2,000 requests"
step "$bt" bare -url "$base/items/1" -n 2000 -runs "$R" -out "$res/bare.json"
# The same loop on one P, as colrun's sequential runs use after start-up.
step env GOMAXPROCS=1 "$bt" bare -name bare-1p -url "$base/items/1" -n 2000 -runs "$R" -out "$res/bare-1p.json"

log "colrun against the fixed-JSON server"
for n in 1 200 2000; do
  m "colrun-$n" "$R" 1 3m -- "$colrun" run "$in/scripts-$n.postman_collection.json" --env-var "base=$base"
done
for n in 1 2000; do
  m "colrun-noscripts-$n" "$R" 1 3m -- "$colrun" run "$in/noscripts-$n.postman_collection.json" --env-var "base=$base"
done

if [ -n "$newman" ]; then
  log "Newman 6.2.2 against the same server"
  m newman-1 "$R_NEWMAN_1" 1 3m -- "$newman" run "$in/scripts-1.postman_collection.json" --env-var "base=$base"
  m newman-200 "$R_NEWMAN_200" 0 3m -- "$newman" run "$in/scripts-200.postman_collection.json" --env-var "base=$base"
  m newman-2000 "$R_NEWMAN_2000" 0 5m -- "$newman" run "$in/scripts-2000.postman_collection.json" --env-var "base=$base"
fi

log "colrun with CSV iteration data: 1,000 and 100,000 rows"
m csv-1000 "$R" 1 3m -- "$colrun" run "$in/csv.postman_collection.json" --env-var "base=$base" -d "$in/rows-1000.csv"
m csv-100000 "$R_CSV" 0 5m -- "$colrun" run "$in/csv.postman_collection.json" --env-var "base=$base" -d "$in/rows-100000.csv"

log "colrun --parallel 1 and 4: 20 requests x 100 iterations against the mock (5 ms latency)"
m parallel-1 "$R_PAR" 0 3m -- "$colrun" run "$in/echo-20.postman_collection.json" --env-var "base=$mock" -n 100 --parallel 1
m parallel-4 "$R_PAR" 0 3m -- "$colrun" run "$in/echo-20.postman_collection.json" --env-var "base=$mock" -n 100 --parallel 4

log "summary"
mode=full
[ "$quick" = 1 ] && mode=quick
"$bt" summarize -dir "$res" -json "$out/summary.json" \
  -meta "mode=$mode" \
  -meta "date=$(date -u +%Y-%m-%dT%H:%MZ)" \
  -meta "cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')" \
  -meta "load_start=$load_start" -meta "load_end=$(load1)" \
  -meta "go=$(go env GOVERSION)" \
  -meta "colrun=$(git describe --always --dirty 2>/dev/null || echo '?')" \
  -meta "newman=$newman_note" | tee "$out/summary.md"
echo >&2
echo "wrote $out/summary.md and $out/summary.json" >&2
