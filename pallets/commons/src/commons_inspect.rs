//! How other pallets see the registry: [`CommonsInspect`].

use crate::{Commons, CommonsStatus, Config, Pallet};
use alloc::vec::Vec;
use ostrom_primitives::{CommonsId, CommonsInspect};

impl<T: Config> CommonsInspect<T::AccountId> for Pallet<T> {
	fn is_active(commons: CommonsId) -> bool {
		Commons::<T>::get(commons).is_some_and(|record| record.status == CommonsStatus::Active)
	}

	fn is_acting_steward(commons: CommonsId, who: &T::AccountId) -> bool {
		Self::is_acting(commons, who)
	}

	fn acting_stewards(commons: CommonsId) -> u32 {
		Commons::<T>::get(commons).map_or(0, |record| Self::count_acting(commons, &record))
	}

	fn is_seasoned_steward(commons: CommonsId, who: &T::AccountId) -> bool {
		Self::is_seasoned(commons, who)
	}

	fn seasoned_stewards(commons: CommonsId) -> u32 {
		Commons::<T>::get(commons).map_or(0, |record| {
			record.stewards.iter().filter(|steward| Self::is_seasoned(commons, steward)).count()
				as u32
		})
	}

	fn insiders(commons: CommonsId) -> Vec<T::AccountId> {
		let Some(record) = Commons::<T>::get(commons) else { return Vec::new() };
		let mut insiders = record.stewards.into_inner();
		if !insiders.contains(&record.registrant) {
			insiders.push(record.registrant);
		}
		insiders
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(steward: &T::AccountId) -> CommonsId {
		use crate::{CommonsKind, CommonsRecord, NextCommonsId};
		use frame_support::BoundedVec;
		use sp_runtime::traits::Zero;
		let commons = NextCommonsId::<T>::get();
		Commons::<T>::insert(
			commons,
			CommonsRecord::<T> {
				name: BoundedVec::truncate_from(b"benchmark".to_vec()),
				kind: CommonsKind::Software,
				license: BoundedVec::truncate_from(b"MIT".to_vec()),
				uri: BoundedVec::new(),
				stewards: BoundedVec::truncate_from(alloc::vec![steward.clone()]),
				status: CommonsStatus::Active,
				registered_at: frame_system::Pallet::<T>::block_number(),
				registrant: steward.clone(),
				deposit: Zero::zero(),
				pending_contributions: 0,
				accepted_contributions: 0,
				rejected_contributions: 0,
			},
		);
		Self::appoint(commons, steward);
		NextCommonsId::<T>::put(commons.saturating_add(1));
		commons
	}
}
