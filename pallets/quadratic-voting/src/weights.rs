//! Bootstrap weights, replaced by the output of `scripts/benchmark.sh`.

use core::marker::PhantomData;
use frame_support::weights::Weight;

pub trait WeightInfo {
	fn vote() -> Weight;
	fn remove_vote() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn vote() -> Weight {
		Weight::zero()
	}
	fn remove_vote() -> Weight {
		Weight::zero()
	}
}

impl WeightInfo for () {
	fn vote() -> Weight {
		Weight::zero()
	}
	fn remove_vote() -> Weight {
		Weight::zero()
	}
}
