#!/usr/bin/env bash
# Installs what a new machine lacks to build and test Ostrom; quiet and quick when all is there.
#
# The rustup toolchain has no wasm target, so the runtime's wasm is built with Debian's
# rustc-web (1.96, std sources included) linked into rustup as `debian-web`; substrate-wasm-builder
# then builds with -Zbuild-std. Its prerequisite check still wants a wasm32v1-none core/alloc in
# the sysroot, which is built here once from those std sources.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'setup: %s\n' "$*"; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

# chromium: Debian's, for the dashboard's browser tests (Playwright downloads no browser).
packages=(rustc-web cargo-web rust-web-src lld-22 protobuf-compiler clang libclang-dev chromium)
# Node.js and npm for the dashboard (web/), from Debian unless the machine has them already.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
	log "installing Debian packages: ${missing[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! rustup toolchain list | grep -q '^debian-web'; then
	log "linking Debian's rustc into rustup as debian-web"
	rustup toolchain link debian-web /usr
fi

sysroot=/usr/lib/rustlib/wasm32v1-none/lib
if ! ls "$sysroot"/libcore-*.rlib >/dev/null 2>&1; then
	log "building core and alloc for wasm32v1-none into $sysroot"
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	mkdir -p "$work/src"
	cat >"$work/Cargo.toml" <<'TOML'
[package]
name = "wasm-sysroot"
version = "0.0.0"
edition = "2021"

[lib]
crate-type = ["cdylib"]

# LTO keeps core's embedded bitcode, which the runtime's own LTO link needs.
[profile.release]
panic = "abort"
lto = true
codegen-units = 1
TOML
	printf '#![no_std]\n#[panic_handler]\nfn panic(_: &core::panic::PanicInfo) -> ! { loop {} }\n' >"$work/src/lib.rs"
	(cd "$work" && RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$work/target" \
		/usr/bin/cargo build -q --release --target wasm32v1-none -Zbuild-std=core,alloc)
	$SUDO mkdir -p "$sysroot"
	$SUDO cp "$work"/target/wasm32v1-none/release/deps/lib{core,alloc,compiler_builtins}-*.rlib "$sysroot/"
	# wasm-builder caches its prerequisite check in the target directory's wbuild folders.
	rm -rf "${CARGO_TARGET_DIR:-$HOME/.cache/ostrom-target}"/*/wbuild
fi

if ! command -v cargo-nextest >/dev/null 2>&1; then
	log "installing cargo-nextest"
	cargo install --locked -q cargo-nextest
fi

# The dashboard's packages, exactly as the lock file says; again only when the lock changed.
lock_sum=$(sha256sum web/package-lock.json | cut -d' ' -f1)
if [ "$(cat web/node_modules/.ostrom-lock 2>/dev/null)" != "$lock_sum" ]; then
	log "installing the dashboard's npm packages (npm ci)"
	(cd web && npm ci --no-audit --no-fund --loglevel=error)
	echo "$lock_sum" >web/node_modules/.ostrom-lock
fi
