//! Bootstrap weights, replaced by the output of `scripts/benchmark.sh`.

use core::marker::PhantomData;
use frame_support::weights::Weight;

pub trait WeightInfo {
	fn submit(n: u32) -> Weight;
	fn close() -> Weight;
	fn cancel() -> Weight;
	fn kill() -> Weight;
	fn set_rules() -> Weight;
	fn enact(n: u32) -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn submit(_n: u32) -> Weight {
		Weight::zero()
	}
	fn close() -> Weight {
		Weight::zero()
	}
	fn cancel() -> Weight {
		Weight::zero()
	}
	fn kill() -> Weight {
		Weight::zero()
	}
	fn set_rules() -> Weight {
		Weight::zero()
	}
	fn enact(_n: u32) -> Weight {
		Weight::zero()
	}
}

impl WeightInfo for () {
	fn submit(_n: u32) -> Weight {
		Weight::zero()
	}
	fn close() -> Weight {
		Weight::zero()
	}
	fn cancel() -> Weight {
		Weight::zero()
	}
	fn kill() -> Weight {
		Weight::zero()
	}
	fn set_rules() -> Weight {
		Weight::zero()
	}
	fn enact(_n: u32) -> Weight {
		Weight::zero()
	}
}
