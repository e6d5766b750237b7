//! Bootstrap weights, replaced by the output of `scripts/benchmark.sh`.

use core::marker::PhantomData;
use frame_support::weights::Weight;

pub trait WeightInfo {
	fn register() -> Weight;
	fn add_steward() -> Weight;
	fn remove_steward() -> Weight;
	fn update() -> Weight;
	fn archive() -> Weight;
	fn contribute() -> Weight;
	fn review() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register() -> Weight {
		Weight::zero()
	}
	fn add_steward() -> Weight {
		Weight::zero()
	}
	fn remove_steward() -> Weight {
		Weight::zero()
	}
	fn update() -> Weight {
		Weight::zero()
	}
	fn archive() -> Weight {
		Weight::zero()
	}
	fn contribute() -> Weight {
		Weight::zero()
	}
	fn review() -> Weight {
		Weight::zero()
	}
}

impl WeightInfo for () {
	fn register() -> Weight {
		Weight::zero()
	}
	fn add_steward() -> Weight {
		Weight::zero()
	}
	fn remove_steward() -> Weight {
		Weight::zero()
	}
	fn update() -> Weight {
		Weight::zero()
	}
	fn archive() -> Weight {
		Weight::zero()
	}
	fn contribute() -> Weight {
		Weight::zero()
	}
	fn review() -> Weight {
		Weight::zero()
	}
}
