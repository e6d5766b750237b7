//! What the calls do.

use crate::{
	Approved, Config, Error, Event, LastAuthored, MissedSessions, Pallet, Parked, Rules, RulesOf,
};
use frame_support::{ensure, pallet_prelude::*, traits::ValidatorRegistration};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_validator(who: T::AccountId) -> DispatchResult {
		let mut approved = Approved::<T>::get();
		ensure!(!approved.contains(&who), Error::<T>::AlreadyValidator);
		ensure!(T::KeyRegistration::is_registered(&who), Error::<T>::NoSessionKeys);
		approved.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
		ensure!(
			Self::long_enough(Rules::<T>::get().session_length, approved.len() as u32),
			Error::<T>::SessionTooShort
		);
		Approved::<T>::put(approved);
		Self::deposit_event(Event::ValidatorAdded { who });
		Ok(())
	}

	pub(crate) fn do_remove_validator(who: T::AccountId) -> DispatchResult {
		let mut approved = Approved::<T>::get();
		let index = approved.iter().position(|v| *v == who).ok_or(Error::<T>::NotValidator)?;
		if !Parked::<T>::contains_key(&who) {
			ensure!(
				Self::active_count() > Rules::<T>::get().min_validators,
				Error::<T>::BelowMinimum
			);
		}
		approved.remove(index);
		Approved::<T>::put(approved);
		Parked::<T>::remove(&who);
		MissedSessions::<T>::remove(&who);
		LastAuthored::<T>::remove(&who);
		Self::deposit_event(Event::ValidatorRemoved { who });
		Ok(())
	}

	pub(crate) fn do_rejoin(who: T::AccountId) -> DispatchResult {
		ensure!(Parked::<T>::contains_key(&who), Error::<T>::NotParked);
		ensure!(T::KeyRegistration::is_registered(&who), Error::<T>::NoSessionKeys);
		Parked::<T>::remove(&who);
		MissedSessions::<T>::remove(&who);
		Self::deposit_event(Event::ValidatorRejoined { who });
		Ok(())
	}

	pub(crate) fn do_set_rules(rules: RulesOf<T>) -> DispatchResult {
		Self::validate(&rules, Approved::<T>::get().len() as u32)?;
		ensure!(rules.min_validators <= Self::active_count(), Error::<T>::BelowMinimum);
		Rules::<T>::put(rules);
		Self::deposit_event(Event::RulesSet { rules });
		Ok(())
	}

	/// Checks rules for a chain with `approved` validators (at genesis and in `set_rules`).
	pub fn validate(rules: &RulesOf<T>, approved: u32) -> Result<(), Error<T>> {
		ensure!(
			rules.min_validators > 0 && rules.max_missed_sessions > 0,
			Error::<T>::InvalidRules
		);
		ensure!(rules.min_validators <= T::MaxValidators::get(), Error::<T>::InvalidRules);
		ensure!(Self::long_enough(rules.session_length, approved), Error::<T>::SessionTooShort);
		Ok(())
	}

	/// Whether sessions of `length` blocks give each of `validators` (at least one) two Aura
	/// slots, so that a live validator authors in every session.
	pub(crate) fn long_enough(length: BlockNumberFor<T>, validators: u32) -> bool {
		let needed = BlockNumberFor::<T>::from(validators.max(1)).saturating_mul(2u32.into());
		length >= needed
	}

	/// The approved validators that are not parked and have session keys: those pallet-session
	/// puts in the next set. A validator whose account purged its keys is not among them, so
	/// that it does not hold the floor up for parking or removing others.
	pub(crate) fn active_count() -> u32 {
		let approved = Approved::<T>::get();
		approved.iter().filter(|v| Self::is_active(v)).count() as u32
	}

	/// Whether `who` (an approved validator) is in the next set planned, unless parked first.
	pub(crate) fn is_active(who: &T::AccountId) -> bool {
		!Parked::<T>::contains_key(who) && T::KeyRegistration::is_registered(who)
	}
}
