//! Who may act as a steward of a commons, and appointing, removing and reaping stewards.
//!
//! A stewardship is void once its steward's membership ends: membership does not call this
//! pallet (no cycle between pallets), so the registry notes when each steward was appointed and
//! compares it, whenever a steward acts, with when their current membership began.

use crate::{
	Commons, CommonsRecord, CommonsStatus, Config, Error, Event, Pallet, StewardshipCount,
	Stewardships,
};
use frame_support::{dispatch::Pays, ensure, pallet_prelude::*, traits::EnsureOrigin};
use frame_system::{
	ensure_signed,
	pallet_prelude::{BlockNumberFor, OriginFor},
};
use ostrom_primitives::{CommonsId, MembershipInspect};
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
	pub(crate) fn do_add_steward(
		origin: OriginFor<T>,
		commons: CommonsId,
		steward: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::existing_commons(commons)?;
		let actor = Self::ensure_steward_or_admin(origin, commons)?;
		ensure!(
			matches!(actor, Actor::Admin) || record.status == CommonsStatus::Active,
			Error::<T>::CommonsArchived
		);
		ensure!(T::Membership::is_active_member(&steward), Error::<T>::NotMember);
		match Self::standing(commons, &steward) {
			Some(Standing::Void) => {}
			Some(_) => return Err(Error::<T>::AlreadySteward.into()),
			None => {
				record
					.stewards
					.try_push(steward.clone())
					.map_err(|_| Error::<T>::TooManyStewards)?;
				Self::ensure_may_steward_more(&steward)?;
				Commons::<T>::insert(commons, record);
			}
		}
		Self::appoint(commons, &steward);
		Self::deposit_event(Event::StewardAdded { commons, steward });
		Ok(())
	}

	pub(crate) fn do_remove_steward(
		origin: OriginFor<T>,
		commons: CommonsId,
		steward: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::existing_commons(commons)?;
		let actor = Self::ensure_steward_or_admin(origin, commons)?;
		let position =
			record.stewards.iter().position(|s| s == &steward).ok_or(Error::<T>::NotSteward)?;
		if let Actor::Steward(caller) = actor {
			ensure!(caller == steward, Error::<T>::RemovalNeedsDao);
			// The caller acts, so only their own leaving can leave no one acting.
			ensure!(Self::count_acting(commons, &record) > 1, Error::<T>::LastSteward);
		}
		record.stewards.remove(position);
		Commons::<T>::insert(commons, record);
		Self::dismiss_steward(commons, &steward);
		Self::deposit_event(Event::StewardRemoved { commons, steward });
		Ok(())
	}

	pub(crate) fn do_reap_steward(
		commons: CommonsId,
		steward: T::AccountId,
	) -> DispatchResultWithPostInfo {
		let mut record = Self::existing_commons(commons)?;
		match Self::standing(commons, &steward) {
			None => return Err(Error::<T>::NotSteward.into()),
			Some(Standing::Acting) => return Err(Error::<T>::StewardStillActing.into()),
			Some(Standing::Suspended) => return Err(Error::<T>::StewardSuspended.into()),
			Some(Standing::Void) => {}
		}
		record.stewards.retain(|listed| listed != &steward);
		Commons::<T>::insert(commons, record);
		Self::dismiss_steward(commons, &steward);
		Self::deposit_event(Event::StewardReaped { commons, steward });
		Ok(Pays::No.into())
	}

	/// When `who` was appointed a steward of `commons`, and whether they may act now; `None`
	/// if they are not listed as its steward.
	pub fn appointment(
		commons: CommonsId,
		who: &T::AccountId,
	) -> Option<(BlockNumberFor<T>, bool)> {
		let appointed_at = Stewardships::<T>::get(who, commons)?;
		Some((appointed_at, Self::is_acting(commons, who)))
	}

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
	pub(crate) fn count_acting(commons: CommonsId, record: &CommonsRecord<T>) -> u32 {
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
			StewardshipCount::<T>::mutate(who, Saturating::saturating_inc);
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
