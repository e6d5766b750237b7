//! The pallets whose benchmarks the runtime runs (`scripts/benchmark.sh`): Ostrom's, and the
//! FRAME parts whose weights the runtime generates for itself (`runtime/src/weights/`).

use crate::Runtime;

pub use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_ostrom_membership, Membership]
	[pallet_ostrom_commons, Commons]
	[pallet_ostrom_proposals, Proposals]
	[pallet_ostrom_quadratic_voting, QuadraticVoting]
	[pallet_ostrom_treasury, Treasury]
	[pallet_ostrom_validators, Validators]
);

impl frame_system_benchmarking::Config for Runtime {}

impl pallet_transaction_payment::BenchmarkConfig for Runtime {
	/// A block with an author, as every real block has: the fee is then split between the
	/// treasury and the author's share, which waits in the pot for the end of the block.
	fn setup_benchmark_environment() {
		use pallet_ostrom_treasury::BlockAuthor;
		crate::configs::fees::AuraBlockAuthor::author_for_benchmarks();
	}
}
