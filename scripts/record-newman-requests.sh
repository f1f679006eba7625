#!/usr/bin/env bash
# Re-records what Newman 6.2.2 sends for every request of the official
# Tableau collection (runner/testdata/tableau-newman-requests.jsonl), which
# the runner's parity test compares colrun against. Needs npm and ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared/fixtures ] || { echo "skip: ../shared/fixtures is not available"; exit 0; }
command -v npm >/dev/null || { echo "skip: npm is not installed"; exit 0; }
dir="node_modules/.colrun-newman"
if [ ! -x "$dir/node_modules/.bin/newman" ]; then
  mkdir -p "$dir"
  npm install --silent --no-audit --no-fund --prefix "$dir" newman@6.2.2 >/dev/null
fi
NEWMAN="$PWD/$dir/node_modules/.bin/newman" go test ./runner -run TestOfficialTableauCollectionSendsWhatNewmanSends -record-newman -count=1 -v | tail -5
