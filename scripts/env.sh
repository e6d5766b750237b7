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
