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

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib.sh
need_node parity
ensure_newman parity

work=$(mktemp -d "${TMPDIR:-/tmp}/colrun-parity-sh.XXXXXX")
trap 'stop_mock; rm -rf "$work"' EXIT
go build -o "$work/parity" ./scripts/parity
start_mock parity "$work" --echo --quiet
api_version=$(sed -n 's/^Postman variables: .* api-version=\([^ ]*\) .*/\1/p' "$work/mock.out")

"$work/parity" \
	-colrun "$work/colrun" \
	-newman "$newman_dir/node_modules/newman" \
	-server "${url#http://}" \
	-api-version "${api_version:-3.24}" \
	-corpus testdata/scripts \
	-allowlist scripts/parity-allowlist.json \
	"$@"
