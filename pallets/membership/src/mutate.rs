//! What other pallets record about members: through [`MembershipMutate`].

use crate::{Config, EpochReputation, Event, Members, Pallet, ReputationEarned};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::{MembershipMutate, Reputation};

impl<T: Config> MembershipMutate<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn note_vote(who: &T::AccountId) -> bool {
		Pallet::<T>::note_activity(who)
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
}
