#!/usr/bin/env bash
# Measures what a transaction costs on this machine outside the pallets and writes it into
# runtime/src/weights/: the database's read and write weights (`ostrom-node benchmark storage`,
# ParityDB, into paritydb_weights.rs) and the block's and an extrinsic's base weights
# (`frame-omni-bencher v1 benchmark overhead`, into block_weights.rs and extrinsic_weights.rs).
# Run `scripts/benchmark.sh` first (it installs the bencher and builds the runtime with its
# benchmarks); run both on an otherwise idle machine.
# Usage: scripts/benchmark-machine.sh [CHAIN_SPEC BASE_PATH]
# Measure the database on a populated chain: a chain spec and the base path of a node that ran it,
# e.g. those `scripts/bench.sh --keep-database` leaves (5,000 members who each voted and
# transferred). Without them it measures the development chain's genesis, some 40 keys in
# batches of 4, which flatters both reads and writes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

# `benchmark storage` needs the database backend's benchmarking access: a node built with
# `--features runtime-benchmarks`, in the benchmarks' own target directory. Its chain runs the
# plain runtime (`--runtime`), which needs none of the benchmarking host functions.
bench_target="$HOME/.cache/ostrom-bench-target"
cargo build --release --locked -p ostrom-runtime
CARGO_TARGET_DIR="$bench_target" cargo build --release --locked -p ostrom-node \
	--features runtime-benchmarks
plain_runtime="$CARGO_TARGET_DIR/release/wbuild/ostrom-runtime/ostrom_runtime.compact.compressed.wasm"
if [ "$#" -eq 2 ]; then
	# A node's own chain spec holds the plain runtime. Batches of 1,000 keys, as a block commits
	# thousands at once (the default 100,000, more keys than such a chain holds, fails with
	# "Empty input is invalid").
	chain=(--chain "$1" --base-path "$2" --batch-size 1000)
else
	database="$(mktemp -d)"
	trap 'rm -rf "$database"' EXIT
	chain=(--dev --runtime "$plain_runtime" --base-path "$database" --batch-size 4)
fi
"$bench_target/release/ostrom-node" benchmark storage "${chain[@]}" \
	--state-version 1 --database paritydb --warmups 3 --weight-path runtime/src/weights/

bench_runtime="$bench_target/release/wbuild/ostrom-runtime/ostrom_runtime.compact.compressed.wasm"
frame-omni-bencher v1 benchmark overhead --runtime "$bench_runtime" \
	--genesis-builder-preset development --weight-path runtime/src/weights/
