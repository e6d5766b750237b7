//! The pallets whose benchmarks the runtime runs (`scripts/benchmark.sh`).

frame_benchmarking::define_benchmarks!(
	[pallet_ostrom_membership, Membership]
	[pallet_ostrom_commons, Commons]
	[pallet_ostrom_proposals, Proposals]
	[pallet_ostrom_quadratic_voting, QuadraticVoting]
	[pallet_ostrom_treasury, Treasury]
);
