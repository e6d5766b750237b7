//! Who may act as a steward of a commons, and how other pallets see it (through
//! [`CommonsInspect`]).
//!
//! A stewardship is void once its steward's membership ends: membership does not call this
//! pallet (no cycle between pallets), so the registry notes when each steward was appointed and
//! compares it, whenever a steward acts, with when their current membership began.

use crate::{
	Commons, CommonsId, CommonsRecordOf, Config, Error, Pallet, StewardshipCount, Stewardships,
};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::EnsureOrigin};
use frame_system::{ensure_signed, pallet_prelude::OriginFor};
use ostrom_primitives::{CommonsInspect, MembershipInspect};
use sp_runtime::Saturating;

/// Where a listed steward stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standing {
	/// An active member appointed during their current membership: may act.
	Acting,
	/// Appointed during their current membership, but suspended: acts again once the
	/// suspension ends.
	Suspended,
	/// No longer a member, or appointed before their current membership began: never acts
	/// again.
	Void,
}

/// Who a call that stewards or the DAO may make comes from.
pub(crate) enum Actor<AccountId> {
	Admin,
	Steward(AccountId),
}

impl<T: Config> Pallet<T> {
	/// Where `who` stands as a steward of `commons`; `None` if not listed.
	pub(crate) fn standing(commons: CommonsId, who: &T::AccountId) -> Option<Standing> {
		let appointed_at = Stewardships::<T>::get(who, commons)?;
		Some(match T::Membership::member_since(who) {
			Some(since) if since <= appointed_at => {
				if T::Membership::is_active_member(who) {
					Standing::Acting
				} else {
					Standing::Suspended
				}
			}
			_ => Standing::Void,
		})
	}

	/// Whether `who` may act as a steward of `commons` now.
	pub(crate) fn is_acting(commons: CommonsId, who: &T::AccountId) -> bool {
		Self::standing(commons, who) == Some(Standing::Acting)
	}

	/// Whether `who` may act as a steward of `commons` and was appointed `StewardSeasoning`
	/// blocks ago or earlier.
	pub(crate) fn is_seasoned(commons: CommonsId, who: &T::AccountId) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		Self::is_acting(commons, who)
			&& Stewardships::<T>::get(who, commons).is_some_and(|appointed_at| {
				appointed_at.saturating_add(T::StewardSeasoning::get()) <= now
			})
	}

	/// How many stewards of the commons `commons`, whose record is `record`, may act now.
	pub(crate) fn count_acting(commons: CommonsId, record: &CommonsRecordOf<T>) -> u32 {
		record.stewards.iter().filter(|steward| Self::is_acting(commons, steward)).count() as u32
	}

	/// Fails unless `who` may act as a steward of `commons` now.
	pub(crate) fn ensure_acting_steward(commons: CommonsId, who: &T::AccountId) -> DispatchResult {
		ensure!(T::Membership::is_active_member(who), Error::<T>::NotActiveMember);
		match Self::standing(commons, who) {
			Some(Standing::Acting) => Ok(()),
			Some(Standing::Void) => Err(Error::<T>::StewardshipVoid.into()),
			// A suspended member is not an active one: refused above.
			Some(Standing::Suspended) => Err(Error::<T>::NotActiveMember.into()),
			None => Err(Error::<T>::NotSteward.into()),
		}
	}

	/// Accepts `AdminOrigin`, or a signed acting steward of `commons`.
	pub(crate) fn ensure_steward_or_admin(
		origin: OriginFor<T>,
		commons: CommonsId,
	) -> Result<Actor<T::AccountId>, DispatchError> {
		match T::AdminOrigin::try_origin(origin) {
			Ok(_) => Ok(Actor::Admin),
			Err(origin) => {
				let who = ensure_signed(origin)?;
				Self::ensure_acting_steward(commons, &who)?;
				Ok(Actor::Steward(who))
			}
		}
	}

	/// Fails if `who` stewards `MaxStewardships` commons already.
	pub(crate) fn ensure_may_steward_more(who: &T::AccountId) -> DispatchResult {
		ensure!(
			StewardshipCount::<T>::get(who) < T::MaxStewardships::get(),
			Error::<T>::TooManyStewardships
		);
		Ok(())
	}

	/// Notes that `who`, listed as a steward of `commons`, was appointed now.
	pub(crate) fn appoint(commons: CommonsId, who: &T::AccountId) {
		if !Stewardships::<T>::contains_key(who, commons) {
			StewardshipCount::<T>::mutate(who, |count| count.saturating_inc());
		}
		Stewardships::<T>::insert(who, commons, frame_system::Pallet::<T>::block_number());
	}

	/// Forgets the stewardship of `who` over `commons`, just taken off its list.
	pub(crate) fn dismiss_steward(commons: CommonsId, who: &T::AccountId) {
		if Stewardships::<T>::take(who, commons).is_some() {
			StewardshipCount::<T>::mutate_exists(who, |count| {
				*count = count.and_then(|count| count.checked_sub(1)).filter(|count| *count > 0);
			});
		}
	}
}

impl<T: Config> CommonsInspect<T::AccountId> for Pallet<T> {
	fn is_active(commons: CommonsId) -> bool {
		Commons::<T>::get(commons)
			.is_some_and(|record| record.status == crate::CommonsStatus::Active)
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
		use crate::{CommonsKind, CommonsRecord, CommonsStatus, NextCommonsId};
		use sp_runtime::traits::Zero;
		let commons = NextCommonsId::<T>::get();
		Commons::<T>::insert(
			commons,
			CommonsRecord {
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
