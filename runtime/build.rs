#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
	// The same runtime with `spec_version` raised by one, which the end-to-end tests upgrade a
	// running chain to (`next_spec_version.compact.compressed.wasm` beside the runtime's wasm).
	// Benchmark builds do not need it.
	if std::env::var_os("CARGO_FEATURE_RUNTIME_BENCHMARKS").is_none() {
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_feature("next-spec-version")
			.set_file_name("next_spec_version")
			.build();
	}
}

/// When the crate itself is compiled to wasm there is nothing to build.
#[cfg(not(feature = "std"))]
fn main() {}
