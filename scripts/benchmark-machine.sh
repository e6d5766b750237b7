#!/usr/bin/env bash
# Measures what a transaction costs on this machine outside the pallets and writes it into
# runtime/src/weights/: the database's read and write weights (`ostrom-node benchmark storage`,
# ParityDB, into paritydb_weights.rs) and the block's and an extrinsic's base weights
# (`frame-omni-bencher v1 benchmark overhead`, into block_weights.rs and extrinsic_weights.rs).
# Run `scripts/benchmark.sh` first (it installs the bencher and builds the runtime with its
# benchmarks); run both on an otherwise idle machine.
# Usage: scripts/benchmark-machine.sh
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
database="$(mktemp -d)"
trap 'rm -rf "$database"' EXIT
# The development chain's state; batches of 4 keys, since it has only some 40.
"$bench_target/release/ostrom-node" benchmark storage --dev --runtime "$plain_runtime" \
	--state-version 1 --database paritydb --base-path "$database" \
	--batch-size 4 --warmups 3 --weight-path runtime/src/weights/

bench_runtime="$bench_target/release/wbuild/ostrom-runtime/ostrom_runtime.compact.compressed.wasm"
frame-omni-bencher v1 benchmark overhead --runtime "$bench_runtime" \
	--genesis-builder-preset development --weight-path runtime/src/weights/
