#!/usr/bin/env bash
# bench/instructions.sh: the instructions colrun executes for the
# benchmark's small runs (1 and 200 scripted requests, 200 without
# scripts), counted by valgrind's callgrind. Wall time on a shared 2-core
# machine drifts by 15% or more from one hour to the next; an instruction
# count moves by about 1% (the collector's timing), so two builds can be
# compared on a busy machine. It counts CPU work only: waiting, page faults
# and memory are bench/run.sh's to measure.
#
#   bench/instructions.sh                 this checkout
#   bench/instructions.sh REV [REV...]    git revisions, built in temporary worktrees
#   bench/instructions.sh --runs N ...    N counts per run, the lowest kept (default 2)
#
# Needs valgrind. Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=2
if [ "${1:-}" = "--runs" ]; then runs="${2:?--runs needs a number}"; shift 2; fi
case "${1:-}" in -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
command -v valgrind >/dev/null || { echo "bench/instructions.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }

work="$(mktemp -d)"
server=""
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  for wt in "$work"/wt-*; do [ -d "$wt" ] && git worktree remove --force "$wt" >/dev/null 2>&1; done
  rm -rf "$work"
}
trap cleanup EXIT

# Builds: this checkout, or each revision given.
names=() bins=()
if [ $# -eq 0 ]; then
  CGO_ENABLED=0 go build -o "$work/colrun-checkout" ./cmd/colrun
  names+=(checkout) bins+=("$work/colrun-checkout")
else
  for rev in "$@"; do
    sha="$(git rev-parse --short "$rev^{commit}")"
    git worktree add --detach "$work/wt-$sha" "$sha" >/dev/null 2>&1
    (cd "$work/wt-$sha" && CGO_ENABLED=0 go build -o "$work/colrun-$sha" ./cmd/colrun)
    names+=("$rev") bins+=("$work/colrun-$sha")
  done
fi
go build -o "$work/benchtool" ./bench/benchtool
"$work/benchtool" gen -dir "$work/in" -sizes 1,200 -rows 1 >/dev/null
"$work/benchtool" serve -addr 127.0.0.1:0 -lifetime 30m >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do grep -q '^http://' "$work/server.log" 2>/dev/null && break; sleep 0.05; done
base="$(grep -m1 '^http://' "$work/server.log")"

# count BIN COLLECTION: the lowest of $runs instruction counts. Go's
# asynchronous preemption signals stop callgrind, so they are off.
count() {
  local best="" n i
  for ((i = 0; i < runs; i++)); do
    GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      "$1" run "$2" --env-var "base=$base" >/dev/null 2>"$work/cg.err" || true
    n="$(grep -oE 'Collected : [0-9]+' "$work/cg.err" | grep -oE '[0-9]+$' || true)"
    [ -n "$n" ] || { echo "bench/instructions.sh: callgrind failed on $1:" >&2; tail -5 "$work/cg.err" >&2; exit 1; }
    if [ -z "$best" ] || [ "$n" -lt "$best" ]; then best=$n; fi
  done
  echo "$best"
}

echo "| build | 1 request, scripts | 200 requests, scripts | 200 requests, no scripts |"
echo "|---|--:|--:|--:|"
for i in "${!bins[@]}"; do
  row="| ${names[$i]}"
  for c in scripts-1 scripts-200 noscripts-200; do
    row+=" | $(awk -v n="$(count "${bins[$i]}" "$work/in/$c.postman_collection.json")" 'BEGIN { printf "%.1fM", n / 1e6 }')"
  done
  echo "$row |"
done
