#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
	// The same runtime with the `try-runtime` feature (`try_runtime.compact.compressed.wasm`
	// beside the runtime's wasm): the candidate `scripts/try-upgrade.sh` runs against a live
	// chain's state before this source's runtime is proposed. Benchmark builds do not need it.
	if std::env::var_os("CARGO_FEATURE_RUNTIME_BENCHMARKS").is_none() {
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_feature("try-runtime")
			.set_file_name("try_runtime")
			.build();
	}
}

/// When the crate itself is compiled to wasm there is nothing to build.
#[cfg(not(feature = "std"))]
fn main() {}
