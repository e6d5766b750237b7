#!/usr/bin/env bash
# Measures how many quadratic votes and transfers a block takes, and the `dao_*` latencies, on a
# node that authors in real 6-second Aura slots with ParityDB: runs `ostrom-throughput`, which
# generates the development chain spec with N more members (`//bench//0` … on the dev phrase,
# members past probation, endowed), starts `ostrom-node` on it with a throw-away database, has
# Alice open a Signal proposal, then floods the node with a signed `QuadraticVoting.vote` from
# every member at once and reads the blocks that carry them; then the same with a
# `Balances.transfer_keep_alive` from every member, and with a Signal proposal from each of the
# first 2,000 (`--proposals`); then runs `ostrom-rpc-bench` against it, on a chain that stores
# those proposals.
#
#   scripts/bench.sh [--members 5000] [--runtime WASM] [--json FILE] [--keep-database] [other ostrom-throughput options]
#
# `--keep-database` leaves the chain it made (5,000 members who each voted and transferred,
# 2,000 proposals) for
# `scripts/benchmark-machine.sh CHAIN_SPEC BASE_PATH`, which measures the storage weights on it.
#
# `--runtime runtime/releases/ostrom-runtime-100.compact.compressed.wasm` measures a released
# runtime on the same node, for a before-and-after comparison. Prints per block: the flood's
# transactions it carried, its normal-class weight, how long the node took to build it (its
# log's "Prepared block for proposing" line) and how long the runtime takes to execute it again
# (`Core_execute_block`); then over the full blocks (those whose builder stopped at a limit, not
# for want of transactions): per block min / median / max, the weight of one transaction, the
# build and execution times against the block's weight, and the pool's drops (refused at
# submission, never included). Build first:
#   cargo build --release --locked -p ostrom-node -p ostrom-throughput -p ostrom-rpc-bench
# Figures depend on the machine and on what else runs on it: compare runs made on the same one,
# with nothing else running.
set -euo pipefail
repository="$(cd "$(dirname "$0")/.." && pwd)"
source "$repository/scripts/env.sh"

tool="$CARGO_TARGET_DIR/release/ostrom-throughput"
if [ ! -x "$tool" ]; then
	echo "missing $tool: build it with" >&2
	echo "  cd $repository && source scripts/env.sh && cargo build --release --locked -p ostrom-node -p ostrom-throughput -p ostrom-rpc-bench" >&2
	exit 1
fi
# The tool finds `ostrom-node` and `ostrom-rpc-bench` beside itself unless `--node` and
# `--rpc-bench` say otherwise.
exec "$tool" "$@"
