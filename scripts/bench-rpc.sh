#!/usr/bin/env bash
# Measures the `dao_*` JSON-RPC methods' latency against `state_getStorage` on a fresh `--dev`
# node: starts `ostrom-node --dev --tmp --sealing manual` on free ports, runs `ostrom-rpc-bench`
# against it (p50/p99 per method at 1, 10 and 50 concurrent clients), stops the node, and says
# how often the node ran out of pooled runtime instances meanwhile.
#
#   scripts/bench-rpc.sh [ostrom-rpc-bench options, e.g. --clients 50 --seconds 5 --json FILE]
#
# The chain is the `--dev` genesis: Alice is a member, there are no proposals or commons yet, so
# `dao_proposal`, `dao_tally` and `dao_commons` measure the way into the runtime and back more than
# the views. Build first: `cargo build --release --locked -p ostrom-node -p ostrom-rpc-bench`.
# Figures depend on the machine and on what else runs on it; compare runs made on the same one.
set -euo pipefail
repository="$(cd "$(dirname "$0")/.." && pwd)"
source "$repository/scripts/env.sh"

node="${OSTROM_NODE:-$CARGO_TARGET_DIR/release/ostrom-node}"
tool="$CARGO_TARGET_DIR/release/ostrom-rpc-bench"
for binary in "$node" "$tool"; do
	if [ ! -x "$binary" ]; then
		echo "missing $binary: build it with" >&2
		echo "  cd $repository && source scripts/env.sh && cargo build --release --locked -p ostrom-node -p ostrom-rpc-bench" >&2
		exit 1
	fi
done

log="$(mktemp -t ostrom-bench-rpc-XXXXXX.log)"
# Port 0: the node binds free ports and logs the RPC server's address.
"$node" --dev --tmp --sealing manual --rpc-port 0 --port 0 --no-prometheus --no-telemetry \
	>"$log" 2>&1 &
node_pid=$!
trap 'kill -INT "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null || true' EXIT

port=""
for _ in $(seq 1 120); do
	port="$(sed -n 's/.*Running JSON-RPC server: addr=127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log" | head -n 1)"
	[ -n "$port" ] && break
	if ! kill -0 "$node_pid" 2>/dev/null; then
		echo "the node exited during start-up; log: $log" >&2
		exit 1
	fi
	sleep 0.5
done
if [ -z "$port" ]; then
	echo "the node's RPC server did not start within a minute; log: $log" >&2
	exit 1
fi

"$tool" --uri "ws://127.0.0.1:$port" "$@"

echo "\"Ran out of free WASM instances\" in the node's log: $(grep -c 'Ran out of free WASM instances' "$log" || true)"
echo "node log: $log"
