//! Who authored in each session: pallet-authorship's `EventHandler`, and the count of sessions
//! missed, kept when a session ends.

use crate::{Approved, Config, LastAuthored, MissedSessions, Pallet, Parked, SessionIndex};
use frame_support::traits::ValidatorSet;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> pallet_authorship::EventHandler<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	/// Notes that `author` authored in the current session. Authors are the session's
	/// validators, so the map stays as small as the approved set.
	fn note_author(author: T::AccountId) {
		LastAuthored::<T>::insert(author, T::ValidatorSet::session_index());
	}
}

impl<T: Config> Pallet<T> {
	/// Session `ended` is over: each of its validators still approved and not parked either
	/// authored in it (its count of missed sessions is cleared) or missed it once more. A
	/// removed validator that still validated is forgotten.
	pub(crate) fn count_missed(ended: SessionIndex) {
		let approved = Approved::<T>::get();
		for who in T::ValidatorSet::validators() {
			if !approved.contains(&who) {
				LastAuthored::<T>::remove(&who);
				continue;
			}
			if Parked::<T>::contains_key(&who) {
				continue;
			}
			if LastAuthored::<T>::get(&who) == Some(ended) {
				MissedSessions::<T>::remove(&who);
			} else {
				MissedSessions::<T>::mutate(&who, |missed| {
					*missed = Some(missed.unwrap_or(0).saturating_add(1));
				});
			}
		}
	}
}
