//! Placeholder until `scripts/benchmark.sh pallet_ostrom_treasury` writes the measured weights.

use core::marker::PhantomData;
use frame_support::weights::Weight;

pub trait WeightInfo {
	fn donate() -> Weight;
	fn spend() -> Weight;
	fn spend_stream() -> Weight;
	fn claim() -> Weight;
	fn cancel_grant() -> Weight;
	fn open_round() -> Weight;
	fn contribute() -> Weight;
	fn finalize_round(c: u32) -> Weight;
	fn spend_commons_funds() -> Weight;
	fn set_spend_rules() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn donate() -> Weight {
		Weight::zero()
	}
	fn spend() -> Weight {
		Weight::zero()
	}
	fn spend_stream() -> Weight {
		Weight::zero()
	}
	fn claim() -> Weight {
		Weight::zero()
	}
	fn cancel_grant() -> Weight {
		Weight::zero()
	}
	fn open_round() -> Weight {
		Weight::zero()
	}
	fn contribute() -> Weight {
		Weight::zero()
	}
	fn finalize_round(_c: u32) -> Weight {
		Weight::zero()
	}
	fn spend_commons_funds() -> Weight {
		Weight::zero()
	}
	fn set_spend_rules() -> Weight {
		Weight::zero()
	}
}
impl WeightInfo for () {
	fn donate() -> Weight {
		Weight::zero()
	}
	fn spend() -> Weight {
		Weight::zero()
	}
	fn spend_stream() -> Weight {
		Weight::zero()
	}
	fn claim() -> Weight {
		Weight::zero()
	}
	fn cancel_grant() -> Weight {
		Weight::zero()
	}
	fn open_round() -> Weight {
		Weight::zero()
	}
	fn contribute() -> Weight {
		Weight::zero()
	}
	fn finalize_round(_c: u32) -> Weight {
		Weight::zero()
	}
	fn spend_commons_funds() -> Weight {
		Weight::zero()
	}
	fn set_spend_rules() -> Weight {
		Weight::zero()
	}
}
