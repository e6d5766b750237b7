#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// When the crate itself is compiled to wasm there is nothing to build.
#[cfg(not(feature = "std"))]
fn main() {}
