//! What the view functions answer.

use crate::{Approved, Config, LastAuthored, MissedSessions, Pallet, Parked, ValidatorView};
use alloc::vec::Vec;
use frame_support::traits::{ValidatorRegistration, ValidatorSet};

impl<T: Config> Pallet<T> {
	/// Every approved validator and its standing, in the order they were added.
	pub fn validator_views() -> Vec<ValidatorView<T::AccountId>> {
		let current = T::ValidatorSet::validators();
		Approved::<T>::get()
			.into_iter()
			.map(|account| ValidatorView {
				has_keys: T::KeyRegistration::is_registered(&account),
				in_current_set: current.contains(&account),
				parked_since: Parked::<T>::get(&account),
				missed_sessions: MissedSessions::<T>::get(&account).unwrap_or(0),
				last_authored: LastAuthored::<T>::get(&account),
				account,
			})
			.collect()
	}
}
