//! How other pallets see the membership: through [`MembershipInspect`].

use crate::{Config, Event, MemberCount, Members, Pallet};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::{MembershipInspect, Reputation};

impl<T: Config> MembershipInspect<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn is_active_member(who: &T::AccountId) -> bool {
		Pallet::<T>::ensure_active_member(who).is_ok()
	}

	fn member_since(who: &T::AccountId) -> Option<BlockNumberFor<T>> {
		Members::<T>::get(who).map(|record| record.joined_at)
	}

	fn settled_since(who: &T::AccountId) -> Option<BlockNumberFor<T>> {
		Members::<T>::get(who).map(|record| record.probation_ends)
	}

	fn member_count() -> u32 {
		MemberCount::<T>::get()
	}

	fn quorum_base() -> u32 {
		Pallet::<T>::quorum_base()
	}

	fn note_vote(who: &T::AccountId) {
		Pallet::<T>::note_activity(who);
	}

	fn reputation(who: &T::AccountId) -> Reputation {
		Members::<T>::get(who).map_or(0, |record| record.reputation)
	}

	fn add_reputation(who: &T::AccountId, amount: Reputation) -> bool {
		let Some(reputation) = Members::<T>::mutate(who, |record| {
			record.as_mut().map(|record| {
				record.reputation = record.reputation.saturating_add(amount);
				record.reputation
			})
		}) else {
			return false;
		};
		Pallet::<T>::deposit_event(Event::ReputationChanged { who: who.clone(), reputation });
		true
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add_member_for_benchmarks(who: &T::AccountId) {
		use sp_runtime::traits::Zero;
		if !Members::<T>::contains_key(who) {
			Pallet::<T>::insert_member(who, Zero::zero(), Default::default());
		}
		Members::<T>::mutate(who, |record| {
			if let Some(record) = record {
				record.status = crate::MemberStatus::Active;
				record.probation_ends = Zero::zero();
			}
		});
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn remove_member_for_benchmarks(who: &T::AccountId) {
		let _ = Pallet::<T>::remove(who);
	}
}
