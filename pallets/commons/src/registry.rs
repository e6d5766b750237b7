//! Registering commons and keeping their record: update, archive, unarchive.

use crate::{
	license, Commons, CommonsKind, CommonsRecord, CommonsStatus, Config, Error, Event, HoldReason,
	LicenseOf, NameOf, NextCommonsId, Pallet, UriOf,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::OriginFor;
use ostrom_primitives::{CommonsId, MembershipInspect};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register(
		registrant: T::AccountId,
		name: NameOf<T>,
		kind: CommonsKind,
		license: LicenseOf<T>,
		uri: UriOf<T>,
	) -> DispatchResult {
		Self::ensure_active_member(&registrant)?;
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		ensure!(license::is_spdx_identifier(&license), Error::<T>::InvalidLicense);
		Self::ensure_may_steward_more(&registrant)?;
		let commons = NextCommonsId::<T>::get();
		let next = commons.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let deposit = T::RegistrationDeposit::get();
		T::Currency::hold(&HoldReason::Registration.into(), &registrant, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		let stewards = BoundedVec::truncate_from(alloc::vec![registrant.clone()]);
		Commons::<T>::insert(
			commons,
			CommonsRecord::<T> {
				name,
				kind,
				license,
				uri,
				stewards,
				status: CommonsStatus::Active,
				registered_at: frame_system::Pallet::<T>::block_number(),
				registrant: registrant.clone(),
				deposit,
				pending_contributions: 0,
				accepted_contributions: 0,
				rejected_contributions: 0,
			},
		);
		Self::appoint(commons, &registrant);
		NextCommonsId::<T>::put(next);
		Self::deposit_event(Event::Registered { commons, registrant, kind });
		Ok(())
	}

	pub(crate) fn do_update(
		origin: OriginFor<T>,
		commons: CommonsId,
		name: Option<NameOf<T>>,
		kind: Option<CommonsKind>,
		license: Option<LicenseOf<T>>,
		uri: Option<UriOf<T>>,
	) -> DispatchResult {
		let mut record = Self::active_commons(commons)?;
		Self::ensure_steward_or_admin(origin, commons)?;
		ensure!(
			name.is_some() || kind.is_some() || license.is_some() || uri.is_some(),
			Error::<T>::NothingToUpdate
		);
		if let Some(name) = name {
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			record.name = name;
		}
		if let Some(license) = license {
			ensure!(license::is_spdx_identifier(&license), Error::<T>::InvalidLicense);
			record.license = license;
		}
		if let Some(kind) = kind {
			record.kind = kind;
		}
		if let Some(uri) = uri {
			record.uri = uri;
		}
		Commons::<T>::insert(commons, record);
		Self::deposit_event(Event::Updated { commons });
		Ok(())
	}

	pub(crate) fn do_archive(origin: OriginFor<T>, commons: CommonsId) -> DispatchResult {
		let mut record = Self::active_commons(commons)?;
		Self::ensure_steward_or_admin(origin, commons)?;
		T::Currency::release(
			&HoldReason::Registration.into(),
			&record.registrant,
			record.deposit,
			Precision::BestEffort,
		)?;
		record.status = CommonsStatus::Archived;
		Commons::<T>::insert(commons, record);
		Self::deposit_event(Event::Archived { commons });
		Ok(())
	}

	pub(crate) fn do_unarchive(commons: CommonsId) -> DispatchResult {
		let mut record = Self::existing_commons(commons)?;
		ensure!(record.status == CommonsStatus::Archived, Error::<T>::CommonsNotArchived);
		record.status = CommonsStatus::Active;
		// Archiving released the deposit; nothing is held again.
		record.deposit = Zero::zero();
		Commons::<T>::insert(commons, record);
		Self::deposit_event(Event::Unarchived { commons });
		Ok(())
	}

	pub(crate) fn ensure_active_member(who: &T::AccountId) -> DispatchResult {
		ensure!(T::Membership::is_active_member(who), Error::<T>::NotActiveMember);
		Ok(())
	}

	/// The record of `commons`, archived or not.
	pub(crate) fn existing_commons(commons: CommonsId) -> Result<CommonsRecord<T>, DispatchError> {
		Ok(Commons::<T>::get(commons).ok_or(Error::<T>::UnknownCommons)?)
	}

	/// The record of `commons`, if it exists and is not archived.
	pub(crate) fn active_commons(commons: CommonsId) -> Result<CommonsRecord<T>, DispatchError> {
		let record = Self::existing_commons(commons)?;
		ensure!(record.status == CommonsStatus::Active, Error::<T>::CommonsArchived);
		Ok(record)
	}
}
