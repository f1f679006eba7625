#!/usr/bin/env bash
# newman-smoke.sh: run the official Tableau Postman collection's smoke subset
# (../shared/fixtures/tableau-postman/derived/smoke.postman_collection.json)
# with Newman 6.2.2 against `colrun mock`, signing in with the demo password,
# the demo PAT and a JWT minted for the demo Connected App. It fails unless
# every request gets a 2xx answer and no assertion or script fails.
#
# It proves the mock is good enough for Tableau's own client, so it skips
# (exit 0, with a message) where that client cannot run: no ../shared, no
# node/npm. Environment:
#   COLRUN_SHARED   shared fixtures (default: ../shared from the repo root)
#   NEWMAN_DIR      npm prefix Newman is installed into
#                   (default: node_modules/.colrun-newman, gitignored)
#   CONTENT_URL     site to sign in to (default: "", the Default site)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib.sh

shared=${COLRUN_SHARED:-$root/../shared}
collection=$shared/fixtures/tableau-postman/derived/smoke.postman_collection.json
if [[ ! -f $collection ]]; then
	echo "newman-smoke: skipped: $collection not found (the shared fixtures are not checked out)"
	exit 0
fi
need_node newman-smoke
ensure_newman newman-smoke

work=$(mktemp -d)
trap 'stop_mock; rm -rf "$work"' EXIT
start_mock newman-smoke "$work"
server=${url#http://}
api_version=$(sed -n 's/^Postman variables: .* api-version=\([^ ]*\) .*/\1/p' "$work/mock.out")

# A JWT for the demo Connected App (the values colrun mock prints), valid for
# five minutes, with scopes for everything the collection reads.
jwt=$(node -e '
const crypto = require("crypto");
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
const now = Math.floor(Date.now() / 1000);
const header = { alg: "HS256", typ: "JWT", kid: "8a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", iss: "0f7d9c3e-5f3b-4b8e-9c1d-2a6b7c8d9e0f" };
const claims = { iss: header.iss, aud: "tableau", sub: "admin", exp: now + 300, jti: crypto.randomUUID(),
  scp: ["tableau:content:read", "tableau:users:read", "tableau:groups:read"] };
const unsigned = b64(header) + "." + b64(claims);
const sig = crypto.createHmac("sha256", "mock-connected-app-secret-value").update(unsigned).digest("base64url");
process.stdout.write(unsigned + "." + sig);
')

set +e
"$newman" run "$collection" \
	--env-var protocol=http \
	--env-var "server=$server" \
	--env-var "api-version=$api_version" \
	--env-var "content-url=${CONTENT_URL:-}" \
	--env-var admin-username=admin \
	--env-var admin-password=admin-password \
	--env-var admin-PAT-name=mock-pat \
	--env-var admin-PAT-secret=mock-pat-secret \
	--env-var "jwt=$jwt" \
	--reporters cli,json --reporter-json-export "$work/report.json" \
	--color off
status=$?
set -e
if [[ $status -ne 0 ]]; then
	echo "newman-smoke: newman failed (exit $status); mock log:" >&2
	tail -n 40 "$work/mock.log" >&2
	exit 1
fi

# Newman passes a request that got a 4xx unless a test looks at it; demand
# a 2xx for every one of the collection's requests.
node -e '
const report = require(process.argv[1]);
const ex = report.run.executions;
const bad = ex.filter((e) => !e.response || e.response.code < 200 || e.response.code > 299);
const failures = report.run.failures.length;
for (const e of bad) console.error(`newman-smoke: ${e.item.name}: ${e.response ? e.response.code : "no response"}`);
if (bad.length || failures || ex.length === 0) process.exit(1);
console.log(`newman-smoke: ok, ${ex.length} requests, all 2xx, no failed assertions`);
' "$work/report.json"
