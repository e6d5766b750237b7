//! How other pallets see the membership: through [`MembershipInspect`].

use crate::{Config, EpochReputation, Event, MemberCount, Members, Pallet, ReputationEarned};
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

	fn add_reputation(who: &T::AccountId, amount: Reputation) -> Reputation {
		let Some(mut record) = Members::<T>::get(who) else { return 0 };
		let reputation =
			record.reputation.saturating_add(amount.min(Pallet::<T>::reputation_left(who)));
		// What the reputation actually rose by: less than allowed once it saturates.
		let added = reputation.saturating_sub(record.reputation);
		if added == 0 {
			return 0;
		}
		record.reputation = reputation;
		Members::<T>::insert(who, record);
		let epoch = Pallet::<T>::current_epoch();
		ReputationEarned::<T>::mutate(who, |earned| {
			let earned = earned.get_or_insert_with(Default::default);
			if earned.epoch != epoch {
				*earned = EpochReputation { epoch, earned: 0 };
			}
			earned.earned = earned.earned.saturating_add(added);
		});
		Pallet::<T>::deposit_event(Event::ReputationChanged { who: who.clone(), reputation });
		added
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
