#!/usr/bin/env bash
# Runs every Ostrom test: the pallets' benchmarks (run once each, as tests, in their mock
# runtimes), the pallets' and the runtime's unit tests, this source's runtime upgrade tried on a
# dev node's state (scripts/try-upgrade.sh), the end-to-end tests that start real nodes, and the
# web dashboard's unit and browser tests (scripts/test-dashboard.sh). Sets up a new machine first (scripts/setup.sh); reuses the persistent target directory.
# At the end, whether the tests passed or not, prints how long each stage took, and each
# end-to-end test, so that growth shows.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=()
current="" current_start=0
status=0

# `stage NAME COMMAND...`: runs COMMAND as the stage NAME and records its time and result.
stage() {
	local name=$1 rc=0
	shift
	current=$name current_start=$SECONDS
	"$@" || rc=$?
	current=""
	record "$name" $((SECONDS - current_start)) "$([ "$rc" -eq 0 ] && echo ok || echo "failed ($rc)")"
	return "$rc"
}

record() {
	rows+=("$(printf '%-44s %7s  %s' "$1" "$(minutes "$2")" "$3")")
}

minutes() {
	printf '%d:%02d' $(($1 / 60)) $(($1 % 60))
}

# Each end-to-end test's own time, indented under its stage, from the JUnit report that the
# `e2e` nextest profile writes (.config/nextest.toml) into nextest's store, target/nextest under
# the workspace: `<testcase name="module::test" … time="seconds">`.
e2e_report() {
	echo "target/nextest/e2e/junit.xml"
}
record_e2e_tests() {
	local name seconds
	[ -f "$(e2e_report)" ] || return 0
	while read -r name seconds; do
		record "  $name" "$seconds" ""
	done < <(grep -o '<testcase name="[^"]*"[^>]*time="[0-9]*' "$(e2e_report)" |
		sed -E 's/^<testcase name="([^:"]*)::[^"]*".* time="([0-9]*)$/\1 \2/')
}

print_times() {
	if [ -n "$current" ]; then record "$current" $((SECONDS - current_start)) "interrupted"; fi
	echo
	printf '%-44s %7s  %s\n' "stage" "m:ss" "result"
	printf '%s\n' "${rows[@]}"
	printf '%-44s %7s\n' "total" "$(minutes "$SECONDS")"
}
trap print_times EXIT

# Starts a throw-away dev node on free ports and tries this source's runtime upgrade on its state
# (scripts/try-upgrade.sh). A subshell, so that its trap stops the node however it ends.
try_upgrade_on_dev_node() (
	local rpc_port node_log node_pid
	rpc_port=$(free_port)
	node_log=$(mktemp)
	"$OSTROM_NODE" --dev --tmp --rpc-port "$rpc_port" --port "$(free_port)" \
		--prometheus-port "$(free_port)" >"$node_log" 2>&1 &
	node_pid=$!
	trap 'kill "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null; rm -f "$node_log"' EXIT
	wait_for_rpc "$rpc_port" "$node_pid" "$node_log"
	bash scripts/try-upgrade.sh --uri "ws://127.0.0.1:$rpc_port"
)

stage "setup" bash scripts/setup.sh
source scripts/env.sh

# The end-to-end tests start the node built here.
stage "build (everything, release)" build_everything

# The test stages all run to the end; the script fails if any failed.
# The benchmarks need the `runtime-benchmarks` feature, which changes FRAME: only the pallets
# are built with it, so the node's build above is not redone.
stage "pallet benchmarks (as tests)" cargo nextest run --release --locked --no-fail-fast \
	-p pallet-ostrom-membership -p pallet-ostrom-commons -p pallet-ostrom-proposals \
	-p pallet-ostrom-quadratic-voting -p pallet-ostrom-treasury -p pallet-ostrom-validators \
	--features runtime-benchmarks ||
	status=1
# Both runs select the whole workspace, as the build did, so that cargo sees the same features
# and rebuilds nothing; a filter splits the tests between them.
stage "unit tests (workspace but e2e)" cargo nextest run --release --locked --workspace \
	--no-fail-fast -E 'not package(ostrom-e2e)' || status=1
stage "try-upgrade (dev node)" try_upgrade_on_dev_node || status=1
rm -f "$(e2e_report)"
stage "e2e tests (real nodes)" cargo nextest run --release --locked --workspace \
	--no-fail-fast --profile e2e -E 'package(ostrom-e2e)' || status=1
record_e2e_tests
stage "dashboard (unit, build, browser)" bash scripts/test-dashboard.sh || status=1
exit "$status"
