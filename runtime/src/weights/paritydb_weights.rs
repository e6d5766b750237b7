//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-03 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! DATABASE: `ParityDb`, RUNTIME: `Ostrom Throughput Benchmark`
//! BLOCK-NUM: `Number(25)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `3`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `runtime/src/weights/`
//! METRIC: `Average`, WEIGHT-MUL: `1.0`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/ostrom-bench-target/release/ostrom-node
//   benchmark
//   storage
//   --chain
//   /tmp/ostrom-throughput-27952/chain-spec.json
//   --base-path
//   /tmp/ostrom-throughput-27952/database
//   --state-version
//   1
//   --database
//   paritydb
//   --warmups
//   3
//   --batch-size
//   1000
//   --weight-path
//   runtime/src/weights/

/// Storage DB weights for the `Ostrom Throughput Benchmark` runtime and `ParityDb`.
pub mod constants {
	use frame_support::weights::constants;
	use sp_core::parameter_types;
	use sp_weights::RuntimeDbWeight;

	parameter_types! {
		/// `ParityDB` can be enabled with a feature flag, but is still experimental. These weights
		/// are available for brave runtime engineers who may want to try this out as default.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			/// Time to read one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 1_262, 457_270
			///   Average:  6_876
			///   Median:   6_279
			///   Std-Dev:  6963.89
			///
			/// Percentiles nanoseconds:
			///   99th: 19_449
			///   95th: 8_352
			///   75th: 6_930
			read: 6_876 * constants::WEIGHT_REF_TIME_PER_NANOS,

			/// Time to write one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 9_456, 24_254
			///   Average:  13_615
			///   Median:   12_259
			///   Std-Dev:  3641.87
			///
			/// Percentiles nanoseconds:
			///   99th: 24_254
			///   95th: 20_064
			///   75th: 14_996
			write: 13_615 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use sp_weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
