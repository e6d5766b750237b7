//! Weights for `pallet_ostrom_validators`: NOT YET MEASURED. Run `scripts/benchmark.sh
//! pallet_ostrom_validators` on this machine, which overwrites this file.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_ostrom_validators`.
pub trait WeightInfo {
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
	fn rejoin() -> Weight;
	fn set_rules() -> Weight;
	fn note_author() -> Weight;
}

/// Measured weights, with the database costs of the runtime that uses them.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn rejoin() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn set_rules() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn note_author() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
}

/// The same measurements with ParityDB's costs, for mock runtimes in tests.
impl WeightInfo for () {
	fn add_validator() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn rejoin() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn set_rules() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn note_author() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
}
