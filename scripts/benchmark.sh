#!/usr/bin/env bash
# Measures the weight of every call of Ostrom's pallets, and of the FRAME parts the runtime prices
# itself (system calls, transaction extensions, fee payment), on this machine and writes the
# weight files with frame-omni-bencher (installed here once, into ~/.cargo/bin).
# Usage: scripts/benchmark.sh [pallet…]   e.g. scripts/benchmark.sh pallet_ostrom_membership
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

BENCHER_VERSION=0.28.0 # frame-omni-bencher of polkadot-sdk stable2609
if ! frame-omni-bencher --version 2>/dev/null | grep -q " $BENCHER_VERSION"; then
	echo "benchmark: installing frame-omni-bencher $BENCHER_VERSION (a long build, once)"
	# Its own target directory: its features differ from the node's, so sharing would rebuild both.
	# Its storage-access test runtime is not needed to benchmark pallets, so its wasm is skipped
	# (and the workspace hint, which points at Ostrom, must not mislead that crate's wasm build).
	env -u WASM_BUILD_WORKSPACE_HINT SKIP_WASM_BUILD=1 \
		CARGO_TARGET_DIR="$HOME/.cache/ostrom-bencher-target" \
		cargo install --locked --quiet frame-omni-bencher --version "$BENCHER_VERSION"
fi

# A wasm runtime with the benchmarks compiled in, in its own target directory: the feature changes
# most of FRAME, and the node's build should not be redone after each benchmark run. `check` runs
# the runtime's build script, which builds the wasm in full; the native crates are only checked.
bench_target="$HOME/.cache/ostrom-bench-target"
CARGO_TARGET_DIR="$bench_target" cargo check --release --locked -p ostrom-runtime --features runtime-benchmarks
runtime="$bench_target/release/wbuild/ostrom-runtime/ostrom_runtime.compact.compressed.wasm"

# Ostrom's pallets: each `weights.rs` has its own trait (scripts/weight-template.hbs).
declare -A folder=(
	[pallet_ostrom_membership]=pallets/membership
	[pallet_ostrom_commons]=pallets/commons
	[pallet_ostrom_proposals]=pallets/proposals
	[pallet_ostrom_quadratic_voting]=pallets/quadratic-voting
	[pallet_ostrom_treasury]=pallets/treasury
	[pallet_ostrom_validators]=pallets/validators
)
# FRAME's parts whose weights the runtime measures for itself, into runtime/src/weights/ with the
# bencher's default template (an impl of the FRAME crate's own `WeightInfo` trait).
frame=(frame_system frame_system_extensions pallet_transaction_payment)
pallets=("$@")
[ "${#pallets[@]}" -gt 0 ] || pallets=("${!folder[@]}" "${frame[@]}")
for pallet in "${pallets[@]}"; do
	echo "benchmark: $pallet"
	if [ -n "${folder[$pallet]:-}" ]; then
		output=(--template scripts/weight-template.hbs --output "${folder[$pallet]}/src/weights.rs")
	else
		output=(--output "runtime/src/weights/$pallet.rs")
	fi
	frame-omni-bencher v1 benchmark pallet \
		--runtime "$runtime" \
		--genesis-builder-preset development \
		--pallet "$pallet" --extrinsic '*' \
		--steps 50 --repeat 20 \
		"${output[@]}"
done
