#!/usr/bin/env bash
# Runs every Ostrom test: runtime unit tests and the end-to-end tests that start real nodes.
# Sets up a new machine first (scripts/setup.sh); reuses the persistent target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

# One build of everything (node binary included) in the release profile, so that every
# dependency compiles once; the end-to-end tests then start the node built here.
cargo build --release --locked --workspace --all-targets
cargo nextest run --release --locked --workspace --no-fail-fast
