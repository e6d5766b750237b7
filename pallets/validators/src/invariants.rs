//! The invariants, checked by `try_state` and by the tests after every step.

use crate::{Approved, Config, LastAuthored, MissedSessions, Pallet, Parked, Rules};
use frame_support::{ensure, traits::ValidatorSet};

impl<T: Config> Pallet<T> {
	/// The approved validators are distinct and the rules hold for them; the parked and the
	/// counted are approved validators, the noted authors approved or still validating; the
	/// approved ones not parked are at least the rules' minimum, unless fewer were ever approved
	/// (whether they have keys is their accounts' doing, so it is not an invariant).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let approved = Approved::<T>::get();
		let rules = Rules::<T>::get();
		for (i, who) in approved.iter().enumerate() {
			ensure!(!approved[..i].contains(who), "a validator is approved twice");
		}
		ensure!(
			Self::validate(&rules, approved.len() as u32).is_ok(),
			"the rules do not hold for the approved validators"
		);
		ensure!(
			Parked::<T>::iter_keys().all(|who| approved.contains(&who)),
			"a parked account is not an approved validator"
		);
		ensure!(
			MissedSessions::<T>::iter_keys().all(|who| approved.contains(&who)),
			"missed sessions are counted for an account that is not an approved validator"
		);
		let current = T::ValidatorSet::validators();
		ensure!(
			LastAuthored::<T>::iter_keys()
				.all(|who| approved.contains(&who) || current.contains(&who)),
			"an author is noted that is neither approved nor validating"
		);
		ensure!(
			MissedSessions::<T>::iter_keys().all(|who| !Parked::<T>::contains_key(&who)),
			"missed sessions are counted for a parked validator"
		);
		let unparked = approved.iter().filter(|who| !Parked::<T>::contains_key(*who)).count();
		ensure!(
			unparked as u32 >= rules.min_validators.min(approved.len() as u32),
			"fewer validators not parked than the rules' minimum"
		);
		Ok(())
	}
}
