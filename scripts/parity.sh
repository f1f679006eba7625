#!/usr/bin/env bash
# parity.sh: run the script corpus (testdata/scripts/*.postman_collection.json)
# with Newman 6.2.2 and with colrun, against one `colrun mock --echo`, and
# compare per request the assertion names, outcomes and failure messages and
# the script errors (scripts/parity/main.go does the comparing). It exits 1
# on any difference that scripts/parity-allowlist.json does not list, and on
# a collection whose tests mean something else to Newman than the corpus
# says (testdata/scripts/README.md). Skips, with a message and exit 0, when
# node or npm is missing.
#
# Arguments are passed to the comparer, e.g. `scripts/parity.sh -run '^chai-'`
# for some collections only, or `-work DIR` to keep both runs' JSON reports.
# Environment:
#   NEWMAN_DIR   npm prefix Newman is installed into
#                (default: node_modules/.colrun-newman, gitignored)
set -euo pipefail

NEWMAN_VERSION=6.2.2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	echo "parity: skipped: node and npm are needed to run Newman"
	exit 0
fi

newman_dir=${NEWMAN_DIR:-$root/node_modules/.colrun-newman}
newman=$newman_dir/node_modules/.bin/newman
if [[ ! -x $newman ]] || [[ $("$newman" --version 2>/dev/null) != "$NEWMAN_VERSION" ]]; then
	echo "parity: installing newman@$NEWMAN_VERSION into $newman_dir"
	mkdir -p "$newman_dir"
	npm install --prefix "$newman_dir" --no-audit --no-fund --loglevel=error "newman@$NEWMAN_VERSION" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/colrun-parity-sh.XXXXXX")
mock_pid=
cleanup() {
	if [[ -n $mock_pid ]]; then
		kill "$mock_pid" 2>/dev/null || true
		wait "$mock_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/colrun" ./cmd/colrun
go build -o "$work/parity" ./scripts/parity
"$work/colrun" mock --echo --addr 127.0.0.1:0 --quiet >"$work/mock.out" 2>"$work/mock.log" &
mock_pid=$!

# The first line of colrun mock's output names the URL it listens on.
url=
for _ in $(seq 100); do
	url=$(sed -n '1s/^colrun mock: listening on \(http:[^ ]*\)$/\1/p' "$work/mock.out")
	[[ -n $url ]] && break
	if ! kill -0 "$mock_pid" 2>/dev/null; then
		echo "parity: colrun mock exited early:" >&2
		cat "$work/mock.log" >&2
		exit 1
	fi
	sleep 0.1
done
if [[ -z $url ]]; then
	echo "parity: colrun mock did not start" >&2
	exit 1
fi
api_version=$(sed -n 's/^Postman variables: .* api-version=\([^ ]*\) .*/\1/p' "$work/mock.out")

"$work/parity" \
	-colrun "$work/colrun" \
	-newman "$newman_dir/node_modules/newman" \
	-server "${url#http://}" \
	-api-version "${api_version:-3.24}" \
	-corpus testdata/scripts \
	-allowlist scripts/parity-allowlist.json \
	"$@"
