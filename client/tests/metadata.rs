//! The metadata file the client is generated from must be the runtime's own: a change to the
//! runtime that is not blessed into `metadata/ostrom.scale` fails here, not on a live chain.
//!
//! Regenerate the file after changing the runtime:
//!
//! ```sh
//! OSTROM_BLESS_METADATA=1 SKIP_WASM_BUILD=1 cargo test --release -p ostrom-client --test metadata
//! ```

use std::{env, fs, path::Path};

/// The variable that makes the test write the runtime's metadata instead of comparing it.
const BLESS: &str = "OSTROM_BLESS_METADATA";

/// The runtime's metadata as subxt asks a node for it: the newest stable version
/// (`u32::MAX` marks the unstable one), SCALE-encoded with its magic prefix.
fn runtime_metadata() -> Vec<u8> {
	let version = ostrom_runtime::Runtime::metadata_versions()
		.into_iter()
		.filter(|version| *version != u32::MAX)
		.max()
		.expect("the runtime offers a stable metadata version");
	let metadata = ostrom_runtime::Runtime::metadata_at_version(version)
		.expect("the runtime builds the metadata version it offers");
	metadata.to_vec()
}

#[test]
fn the_metadata_file_is_the_runtimes() {
	// The package directory of this run, not the compiled-in one: a binary built in another
	// checkout sharing the target directory must check this checkout's file.
	let package = env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
	let path = Path::new(&package).join(ostrom_client::METADATA_PATH);
	let expected = runtime_metadata();
	if env::var_os(BLESS).is_some_and(|value| value == "1") {
		fs::write(&path, &expected).expect("cannot write the metadata file");
		return;
	}
	let stored = fs::read(&path).unwrap_or_default();
	assert!(
		stored == expected,
		"{} is not the runtime's metadata: regenerate it with\n  {BLESS}=1 SKIP_WASM_BUILD=1 \
		 cargo test --release -p ostrom-client --test metadata\nand rebuild the clients",
		path.display()
	);
}
