#!/usr/bin/env bash
# Runs every Ostrom test: the pallets' and the runtime's unit tests, the end-to-end tests that
# start real nodes, and the pallets' benchmarks (run once each, as tests, in their mock runtimes).
# Sets up a new machine first (scripts/setup.sh); reuses the persistent target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

# The end-to-end tests start the node built here.
build_everything
# The benchmarks need the `runtime-benchmarks` feature, which changes FRAME: only the pallets
# are built with it, so the node's build above is not redone.
# Both runs go to the end; the script fails if either failed.
status=0
cargo nextest run --release --locked --no-fail-fast \
	-p pallet-ostrom-membership -p pallet-ostrom-commons -p pallet-ostrom-proposals \
	-p pallet-ostrom-quadratic-voting -p pallet-ostrom-treasury --features runtime-benchmarks || status=$?
cargo nextest run --release --locked --workspace --no-fail-fast || status=$?
exit "$status"
