//! How other pallets see the membership: through [`MembershipInspect`].

use crate::{Config, MemberCount, Members, Pallet};
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

	fn eligible_voters() -> u32 {
		Pallet::<T>::eligible_voters()
	}

	fn reputation(who: &T::AccountId) -> Reputation {
		Members::<T>::get(who).map_or(0, |record| record.reputation)
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
