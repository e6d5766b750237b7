# Sourced by the other scripts: where the build goes and how the wasm runtime is built.
# One persistent target directory outside the clone, so that every clone (CI's too) reuses it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/ostrom-target}"
# Debian's rustc-web builds the runtime's wasm (rustup has no wasm target here); see setup.sh.
export WASM_BUILD_TOOLCHAIN="${WASM_BUILD_TOOLCHAIN:-debian-web}"
# The runtime imports host functions (ext_storage_* …) that the node provides at run time.
export WASM_BUILD_RUSTFLAGS="${WASM_BUILD_RUSTFLAGS:--C link-arg=--allow-undefined}"
export OSTROM_NODE="$CARGO_TARGET_DIR/release/ostrom-node"
# The wasm builder looks for Cargo.lock upwards from the target directory; ours is elsewhere.
export WASM_BUILD_WORKSPACE_HINT="${WASM_BUILD_WORKSPACE_HINT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

# The one build both commands share: everything, tests included, in the release profile. The same
# packages and profile every time mean the same features, so each dependency compiles once and
# `dev.sh` after `test.sh` (or the other way round) rebuilds nothing.
build_everything() {
	cargo build --release --locked --workspace --all-targets
}

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 20000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
}

# `wait_for_rpc PORT PID LOG`: waits up to a minute until the node PID answers JSON-RPC on PORT;
# if it does not, prints the end of its LOG and fails.
wait_for_rpc() {
	local port=$1 pid=$2 log=$3
	for _ in $(seq 60); do
		if curl -sf -H 'Content-Type: application/json' \
			-d '{"id":1,"jsonrpc":"2.0","method":"system_health"}' \
			"http://127.0.0.1:$port" >/dev/null; then
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 1
	done
	echo "the node's RPC did not answer on port $port; its log ends:" >&2
	tail -20 "$log" >&2
	return 1
}
