#!/usr/bin/env bash
# Re-records what Newman 6.2.2 sends for every request of the official
# Tableau collection (runner/testdata/tableau-newman-requests.jsonl), which
# the runner's parity test compares colrun against. Needs npm and ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared/fixtures ] || { echo "skip: ../shared/fixtures is not available"; exit 0; }
source scripts/lib.sh
need_node record-newman-requests
ensure_newman record-newman-requests
NEWMAN="$newman" go test ./runner -run TestOfficialTableauCollectionSendsWhatNewmanSends -record-newman -count=1 -v | tail -5
