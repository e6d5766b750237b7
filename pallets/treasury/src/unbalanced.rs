//! Fees and slashed deposits handed over by the runtime go to the pot.

use crate::{Config, CreditOf, Event, Pallet};
use frame_support::traits::{fungible::Balanced, Imbalance, OnUnbalanced};

impl<T: Config> OnUnbalanced<CreditOf<T>> for Pallet<T> {
	fn on_nonzero_unbalanced(credit: CreditOf<T>) {
		let amount = credit.peek();
		// The pot always exists, so resolving cannot fail for being below the minimum;
		// if it failed anyway the credit would be dropped, i.e. burnt.
		if T::Currency::resolve(&Self::pot(), credit).is_ok() {
			Self::deposit_event(Event::Deposited { from: None, amount });
		}
	}
}
