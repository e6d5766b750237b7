#!/usr/bin/env bash
# Tries a runtime upgrade on the live state of a running node before it is proposed or voted on:
# runs the candidate runtime's `on_runtime_upgrade` with every migration's `pre_upgrade` and
# `post_upgrade`, decodes the whole state, runs every pallet's `try_state`, then runs the upgrade
# once more to check that the migrations are idempotent. Nothing is written to the chain.
#
#   scripts/try-upgrade.sh [--uri ws://127.0.0.1:9944] [--wasm FILE] [--at BLOCK_HASH]
#
# The candidate must be built with the runtime's `try-runtime` feature, which adds the checks and
# the `TryRuntime` API: the runtime's build script builds it beside the runtime's own wasm
# (`$CARGO_TARGET_DIR/release/wbuild/ostrom-runtime/try_runtime.compact.compressed.wasm`, the
# default). The wasm proposed on chain is the normal build of the same source
# (`ostrom_runtime.compact.compressed.wasm`), never this one.
#
# The state is the finalized head's unless `--at` names a block. Fails (non-zero exit) if a check
# fails, if the upgrade would not fit in one block, if a second upgrade changes the state, or if
# the candidate is another chain's runtime; warns if its spec_version is not above the chain's.
# `RUST_LOG` selects the runtime's log lines (default `info`).
set -euo pipefail
repository="$(cd "$(dirname "$0")/.." && pwd)"
source "$repository/scripts/env.sh"

uri=ws://127.0.0.1:9944
wasm="$CARGO_TARGET_DIR/release/wbuild/ostrom-runtime/try_runtime.compact.compressed.wasm"
at=()
while [ $# -gt 0 ]; do
	case $1 in
	--uri) uri=$2 ;;
	--wasm) wasm=$2 ;;
	--at) at=(--at "$2") ;;
	*)
		echo "usage: $0 [--uri ws://127.0.0.1:9944] [--wasm FILE] [--at BLOCK_HASH]" >&2
		exit 2
		;;
	esac
	shift 2
done

tool="$CARGO_TARGET_DIR/release/ostrom-try-upgrade"
if [ ! -x "$tool" ] || [ ! -f "$wasm" ]; then
	echo "missing ${tool} or ${wasm}: build them with" >&2
	echo "  cd $repository && source scripts/env.sh && cargo build --release --locked --workspace --all-targets" >&2
	echo "(scripts/dev.sh and scripts/test.sh run the same build)" >&2
	exit 1
fi
exec "$tool" --uri "$uri" --wasm "$wasm" "${at[@]}"
