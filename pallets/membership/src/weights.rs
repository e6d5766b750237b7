//! Bootstrap weights, replaced by the output of `scripts/benchmark.sh`.

use core::marker::PhantomData;
use frame_support::weights::Weight;

pub trait WeightInfo {
	fn apply() -> Weight;
	fn sponsor() -> Weight;
	fn withdraw_application() -> Weight;
	fn leave() -> Weight;
	fn add_member() -> Weight;
	fn remove_member() -> Weight;
	fn suspend() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn apply() -> Weight {
		Weight::zero()
	}
	fn sponsor() -> Weight {
		Weight::zero()
	}
	fn withdraw_application() -> Weight {
		Weight::zero()
	}
	fn leave() -> Weight {
		Weight::zero()
	}
	fn add_member() -> Weight {
		Weight::zero()
	}
	fn remove_member() -> Weight {
		Weight::zero()
	}
	fn suspend() -> Weight {
		Weight::zero()
	}
}

impl WeightInfo for () {
	fn apply() -> Weight {
		Weight::zero()
	}
	fn sponsor() -> Weight {
		Weight::zero()
	}
	fn withdraw_application() -> Weight {
		Weight::zero()
	}
	fn leave() -> Weight {
		Weight::zero()
	}
	fn add_member() -> Weight {
		Weight::zero()
	}
	fn remove_member() -> Weight {
		Weight::zero()
	}
	fn suspend() -> Weight {
		Weight::zero()
	}
}
