# lib.sh: shared by the scripts that run Newman beside colrun. Source it
# from a script that has `set -euo pipefail` and has cd'd to the repo root.

NEWMAN_VERSION=6.2.2

# need_node TAG: exit 0 with a message when node or npm is missing, so CI
# without them skips the side-by-side checks instead of failing.
need_node() {
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		echo "$1: skipped: node and npm are needed to run Newman"
		exit 0
	fi
}

# ensure_newman TAG: installs Newman into $NEWMAN_DIR (default
# node_modules/.colrun-newman, gitignored) unless that exact version is
# there, and sets newman_dir and newman (the executable).
ensure_newman() {
	newman_dir=${NEWMAN_DIR:-$PWD/node_modules/.colrun-newman}
	newman=$newman_dir/node_modules/.bin/newman
	if [[ ! -x $newman ]] || [[ $("$newman" --version 2>/dev/null) != "$NEWMAN_VERSION" ]]; then
		echo "$1: installing newman@$NEWMAN_VERSION into $newman_dir"
		mkdir -p "$newman_dir"
		npm install --prefix "$newman_dir" --no-audit --no-fund --loglevel=error "newman@$NEWMAN_VERSION" >&2
	fi
}

# start_mock TAG WORK [ARGS...]: builds colrun into WORK, starts
# `colrun mock ARGS` on a free loopback port, waits for it and sets url and
# mock_pid; stop_mock ends it (call it from an EXIT trap).
start_mock() {
	local tag=$1 work=$2
	shift 2
	# Newman and colrun send loopback requests through HTTP_PROXY too
	# (postman-request's rules): keep the runs against this mock off any
	# proxy the machine has set.
	export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
	export no_proxy="$NO_PROXY"
	go build -o "$work/colrun" ./cmd/colrun
	"$work/colrun" mock --addr 127.0.0.1:0 "$@" >"$work/mock.out" 2>"$work/mock.log" &
	mock_pid=$!
	url=
	# The first line of colrun mock's output names the URL it listens on.
	for _ in $(seq 100); do
		url=$(sed -n '1s/^colrun mock: listening on \(http:[^ ]*\)$/\1/p' "$work/mock.out")
		[[ -n $url ]] && return 0
		if ! kill -0 "$mock_pid" 2>/dev/null; then
			echo "$tag: colrun mock exited early:" >&2
			cat "$work/mock.log" >&2
			exit 1
		fi
		sleep 0.1
	done
	echo "$tag: colrun mock did not start" >&2
	exit 1
}

stop_mock() {
	if [[ -n ${mock_pid:-} ]]; then
		kill "$mock_pid" 2>/dev/null || true
		wait "$mock_pid" 2>/dev/null || true
	fi
}
