//! The pallet as pallet-session's `SessionManager` (which validators the next set holds) and
//! `ShouldEndSession` (when a session ends).

use crate::{
	Approved, Config, Event, MissedSessions, Pallet, Parked, Rules, SessionIndex, SessionStartedAt,
};
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{EstimateNextSessionRotation, ValidatorRegistration, ValidatorSet},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, Permill};

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	/// Plans the set of session `index`: the active validators (approved, not parked, with
	/// keys), after parking those silent too long while more than the minimum stay active.
	/// `None` when that is the current set, so that Aura and GRANDPA change nothing. With no
	/// active validator left (every one purged its keys), the approved ones with keys, parked
	/// or not; with none of those either, `None` as well: pallet-session then queues those of
	/// its current validators that still have keys.
	fn new_session(index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::park_silent(index);
		let approved = Approved::<T>::get();
		let mut planned: Vec<T::AccountId> =
			approved.iter().filter(|who| Self::is_active(who)).cloned().collect();
		if planned.is_empty() {
			planned = approved.into_iter().filter(T::KeyRegistration::is_registered).collect();
		}
		if planned.is_empty() {
			log::warn!(target: "runtime::validators", "session {index}: no approved validator has session keys");
			return None;
		}
		// Against pallet-session's own set, not a copy: with `None` it queues its current
		// validators, which must then be exactly the planned ones.
		(planned != T::ValidatorSet::validators()).then_some(planned)
	}

	/// At genesis the first two sessions have the genesis validators.
	fn new_session_genesis(_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Some(Approved::<T>::get().into_inner()).filter(|set| !set.is_empty())
	}

	fn end_session(index: SessionIndex) {
		Self::count_missed(index);
	}

	fn start_session(_index: SessionIndex) {
		SessionStartedAt::<T>::put(frame_system::Pallet::<T>::block_number());
	}
}

impl<T: Config> Pallet<T> {
	/// Parks, in the order they were approved, the validators not yet parked that missed
	/// `max_missed_sessions` sessions in a row, while more than `min_validators` stay active
	/// (one without session keys was not active, so parking it leaves the count as it is).
	fn park_silent(index: SessionIndex) {
		let rules = Rules::<T>::get();
		let mut active = Self::active_count();
		for who in Approved::<T>::get() {
			if active <= rules.min_validators {
				break;
			}
			let missed = MissedSessions::<T>::get(&who).unwrap_or(0);
			if missed >= rules.max_missed_sessions && !Parked::<T>::contains_key(&who) {
				if Self::is_active(&who) {
					active.saturating_dec();
				}
				Parked::<T>::insert(&who, index);
				MissedSessions::<T>::remove(&who);
				Self::deposit_event(Event::ValidatorParked { who, session: index, missed });
			}
		}
	}

	/// The block at which the current session ends and the next starts.
	pub fn next_rotation() -> BlockNumberFor<T> {
		SessionStartedAt::<T>::get().saturating_add(Rules::<T>::get().session_length)
	}
}

impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		now >= Self::next_rotation()
	}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		Rules::<T>::get().session_length
	}

	fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
		let length = Rules::<T>::get().session_length;
		let elapsed = now.saturating_sub(SessionStartedAt::<T>::get());
		let progress = Permill::from_rational(elapsed.min(length), length);
		(Some(progress), T::DbWeight::get().reads(2))
	}

	fn estimate_next_session_rotation(
		_now: BlockNumberFor<T>,
	) -> (Option<BlockNumberFor<T>>, Weight) {
		(Some(Self::next_rotation()), T::DbWeight::get().reads(2))
	}
}
