//! # Commons registry pallet
//!
//! What the Ostrom DAO's commons are, who cares for them and who contributed what.
//!
//! ## Overview
//!
//! A member registers a commons — open code, knowledge, a design, data, community energy, food,
//! a space, tools — under an SPDX licence, holding `RegistrationDeposit`, and becomes its first
//! steward. Stewards (who must be active members to act) add and remove fellow stewards and keep
//! the record up to date; the last steward cannot be removed. A steward or the `AdminOrigin`
//! (the DAO's origin once proposals exist) may archive a commons, which releases the deposit.
//!
//! Any member records a contribution to an active commons as pending; other members review it,
//! each once. At `ReviewsToAccept` approvals it is accepted and the contributor earns
//! `ReputationPerContribution` through [`ostrom_primitives::MembershipInspect`]; at
//! `ReviewsToReject` rejections it is rejected.
//!
//! ## Dispatchable functions
//!
//! - [`register`](Pallet::register) — signed, an active member.
//! - [`add_steward`](Pallet::add_steward), [`remove_steward`](Pallet::remove_steward),
//!   [`update`](Pallet::update), [`archive`](Pallet::archive) — a steward of the commons who is
//!   an active member, or `AdminOrigin`.
//! - [`contribute`](Pallet::contribute) — signed, an active member.
//! - [`review`](Pallet::review) — signed, an active member other than the contributor.
//!
//! ## Configuration
//!
//! `Membership` answers who is a member and takes reputation; `Currency` holds registration
//! deposits; `AdminOrigin` may update and archive any commons. Bounds: `MaxNameLen`,
//! `MaxLicenseLen`, `MaxUriLen`, `MaxNoteLen`, `MaxStewards`, `MaxPendingContributions` (per
//! commons). Review thresholds: `ReviewsToAccept`, `ReviewsToReject` (each at least one).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod license;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::{
	CommonsId, CommonsKind, CommonsRecord, CommonsStatus, Contribution, ContributionId,
	ContributionStatus,
};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::{CommonsInspect, MembershipInspect, Reputation};
	use sp_runtime::Saturating;

	pub(crate) type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	pub type CommonsRecordOf<T> = CommonsRecord<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxNameLen,
		<T as Config>::MaxLicenseLen,
		<T as Config>::MaxUriLen,
		<T as Config>::MaxStewards,
	>;

	pub type ContributionOf<T> = Contribution<
		<T as frame_system::Config>::AccountId,
		<T as frame_system::Config>::Hash,
		BlockNumberFor<T>,
		<T as Config>::MaxNoteLen,
	>;

	pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;
	pub type LicenseOf<T> = BoundedVec<u8, <T as Config>::MaxLicenseLen>;
	pub type UriOf<T> = BoundedVec<u8, <T as Config>::MaxUriLen>;
	pub type NoteOf<T> = BoundedVec<u8, <T as Config>::MaxNoteLen>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Holds registration deposits.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason, which includes this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who the members are; where reputation goes.
		type Membership: MembershipInspect<Self::AccountId, BlockNumberFor<Self>>;

		/// May update and archive any commons.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Held from the registrant until the commons is archived.
		#[pallet::constant]
		type RegistrationDeposit: Get<BalanceOf<Self>>;

		/// The longest commons name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// The longest licence identifier, in bytes.
		#[pallet::constant]
		type MaxLicenseLen: Get<u32>;

		/// The longest commons uri, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;

		/// The longest contribution note, in bytes.
		#[pallet::constant]
		type MaxNoteLen: Get<u32>;

		/// The most stewards one commons may have; at least one.
		#[pallet::constant]
		type MaxStewards: Get<u32>;

		/// The most contributions one commons may have awaiting review.
		#[pallet::constant]
		type MaxPendingContributions: Get<u32>;

		/// Approvals that accept a contribution; at least one.
		#[pallet::constant]
		type ReviewsToAccept: Get<u32>;

		/// Rejections that reject a contribution; at least one.
		#[pallet::constant]
		type ReviewsToReject: Get<u32>;

		/// Reputation a contributor earns from an accepted contribution.
		#[pallet::constant]
		type ReputationPerContribution: Get<Reputation>;

		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a registered, not yet archived commons.
		Registration,
	}

	/// The identifier the next registered commons gets.
	#[pallet::storage]
	pub type NextCommonsId<T: Config> = StorageValue<_, CommonsId, ValueQuery>;

	/// Every registered commons, archived ones included.
	#[pallet::storage]
	pub type Commons<T: Config> = StorageMap<_, Blake2_128Concat, CommonsId, CommonsRecordOf<T>>;

	/// The identifier the next recorded contribution gets.
	#[pallet::storage]
	pub type NextContributionId<T: Config> = StorageValue<_, ContributionId, ValueQuery>;

	/// Every recorded contribution, with the tally of its review.
	#[pallet::storage]
	pub type Contributions<T: Config> =
		StorageMap<_, Blake2_128Concat, ContributionId, ContributionOf<T>>;

	/// Each reviewer's verdict on a contribution: `true` approves.
	#[pallet::storage]
	pub type Reviews<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, ContributionId, Blake2_128Concat, T::AccountId, bool>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `registrant` registered commons `commons` and is its first steward.
		Registered { commons: CommonsId, registrant: T::AccountId, kind: CommonsKind },
		/// `steward` now stewards `commons`.
		StewardAdded { commons: CommonsId, steward: T::AccountId },
		/// `steward` no longer stewards `commons`.
		StewardRemoved { commons: CommonsId, steward: T::AccountId },
		/// The name, kind, licence or uri of `commons` changed.
		Updated { commons: CommonsId },
		/// `commons` takes no more contributions; its deposit was released.
		Archived { commons: CommonsId },
		/// `contributor` recorded `contribution` to `commons`; it awaits review.
		ContributionRecorded {
			contribution: ContributionId,
			commons: CommonsId,
			contributor: T::AccountId,
			content_hash: T::Hash,
		},
		/// `reviewer` approved (`approve`) or rejected `contribution`.
		ContributionReviewed { contribution: ContributionId, reviewer: T::AccountId, approve: bool },
		/// `contribution` was accepted; `contributor` earned `reputation` (zero if they are no
		/// longer a member).
		ContributionAccepted {
			contribution: ContributionId,
			contributor: T::AccountId,
			reputation: Reputation,
		},
		/// `contribution` was rejected.
		ContributionRejected { contribution: ContributionId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not a member, or is suspended.
		NotActiveMember,
		/// No commons has this identifier.
		UnknownCommons,
		/// The commons is archived.
		CommonsArchived,
		/// The caller is not a steward of this commons.
		NotSteward,
		/// Stewards must be active members.
		StewardNotMember,
		/// The account already stewards this commons.
		AlreadySteward,
		/// The commons has `MaxStewards` stewards.
		TooManyStewards,
		/// Every commons keeps at least one steward.
		LastSteward,
		/// The name is empty.
		EmptyName,
		/// The licence is not an SPDX identifier: it must be non-empty and use only letters,
		/// digits, `.`, `-` and `+`.
		InvalidLicense,
		/// An update must change something.
		NothingToUpdate,
		/// The registration deposit cannot be held: the balance is too low.
		InsufficientBalance,
		/// No more identifiers are left.
		IdsExhausted,
		/// The commons has `MaxPendingContributions` contributions awaiting review.
		TooManyPendingContributions,
		/// No contribution has this identifier.
		UnknownContribution,
		/// The contribution was already accepted or rejected.
		ContributionNotPending,
		/// Contributors cannot review their own contribution.
		OwnContribution,
		/// This member already reviewed this contribution.
		AlreadyReviewed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::ReviewsToAccept::get() >= 1, "ReviewsToAccept must be at least one");
			assert!(T::ReviewsToReject::get() >= 1, "ReviewsToReject must be at least one");
			assert!(T::MaxStewards::get() >= 1, "MaxStewards must be at least one");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a commons with the caller as its first steward.
		///
		/// Origin: signed by an active member. Holds `RegistrationDeposit` until the commons is
		/// archived. `license` is an SPDX identifier such as `GPL-3.0-only`.
		///
		/// Emits `Registered`. Errors: `NotActiveMember`, `EmptyName`, `InvalidLicense`,
		/// `InsufficientBalance`, `IdsExhausted`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(
			origin: OriginFor<T>,
			name: NameOf<T>,
			kind: CommonsKind,
			license: LicenseOf<T>,
			uri: UriOf<T>,
		) -> DispatchResult {
			let registrant = ensure_signed(origin)?;
			Self::ensure_active_member(&registrant)?;
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			ensure!(license::is_spdx_identifier(&license), Error::<T>::InvalidLicense);
			let commons = NextCommonsId::<T>::get();
			let next = commons.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

			let deposit = T::RegistrationDeposit::get();
			T::Currency::hold(&HoldReason::Registration.into(), &registrant, deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			let stewards = BoundedVec::truncate_from(alloc::vec![registrant.clone()]);
			Commons::<T>::insert(
				commons,
				CommonsRecord {
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
			NextCommonsId::<T>::put(next);
			Self::deposit_event(Event::Registered { commons, registrant, kind });
			Ok(())
		}

		/// Makes the active member `steward` a steward of `commons`.
		///
		/// Origin: a steward of the active commons who is an active member, or `AdminOrigin`
		/// (which can so revive a commons whose stewards have all left the DAO).
		/// Emits `StewardAdded`. Errors: `UnknownCommons`, `CommonsArchived`, `NotActiveMember`,
		/// `NotSteward`, `StewardNotMember`, `AlreadySteward`, `TooManyStewards`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_steward())]
		pub fn add_steward(
			origin: OriginFor<T>,
			commons: CommonsId,
			steward: T::AccountId,
		) -> DispatchResult {
			let mut record = Self::active_commons(commons)?;
			Self::ensure_steward_or_admin(origin, &record)?;
			ensure!(T::Membership::is_active_member(&steward), Error::<T>::StewardNotMember);
			ensure!(!record.stewards.contains(&steward), Error::<T>::AlreadySteward);
			record.stewards.try_push(steward.clone()).map_err(|_| Error::<T>::TooManyStewards)?;
			Commons::<T>::insert(commons, record);
			Self::deposit_event(Event::StewardAdded { commons, steward });
			Ok(())
		}

		/// Removes `steward` from the stewards of `commons`; a steward may remove themself.
		///
		/// Origin: a steward of the active commons who is an active member, or `AdminOrigin`.
		/// Emits `StewardRemoved`. Errors: `UnknownCommons`, `CommonsArchived`,
		/// `NotActiveMember`, `NotSteward`, `LastSteward`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_steward())]
		pub fn remove_steward(
			origin: OriginFor<T>,
			commons: CommonsId,
			steward: T::AccountId,
		) -> DispatchResult {
			let mut record = Self::active_commons(commons)?;
			Self::ensure_steward_or_admin(origin, &record)?;
			let position =
				record.stewards.iter().position(|s| s == &steward).ok_or(Error::<T>::NotSteward)?;
			ensure!(record.stewards.len() > 1, Error::<T>::LastSteward);
			record.stewards.remove(position);
			Commons::<T>::insert(commons, record);
			Self::deposit_event(Event::StewardRemoved { commons, steward });
			Ok(())
		}

		/// Changes any of the name, kind, licence and uri of `commons`; `None` keeps a field.
		///
		/// Origin: a steward of the active commons who is an active member, or `AdminOrigin`.
		/// Emits `Updated`. Errors: `UnknownCommons`, `CommonsArchived`, `NotActiveMember`,
		/// `NotSteward`, `NothingToUpdate`, `EmptyName`, `InvalidLicense`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::update())]
		pub fn update(
			origin: OriginFor<T>,
			commons: CommonsId,
			name: Option<NameOf<T>>,
			kind: Option<CommonsKind>,
			license: Option<LicenseOf<T>>,
			uri: Option<UriOf<T>>,
		) -> DispatchResult {
			let mut record = Self::active_commons(commons)?;
			Self::ensure_steward_or_admin(origin, &record)?;
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

		/// Archives `commons` and releases the registration deposit to its registrant. Pending
		/// contributions can still be reviewed; no new ones are taken.
		///
		/// Origin: a steward of the active commons who is an active member, or `AdminOrigin`.
		/// Emits `Archived`. Errors: `UnknownCommons`, `CommonsArchived`, `NotActiveMember`,
		/// `NotSteward`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::archive())]
		pub fn archive(origin: OriginFor<T>, commons: CommonsId) -> DispatchResult {
			let mut record = Self::active_commons(commons)?;
			Self::ensure_steward_or_admin(origin, &record)?;
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

		/// Records a contribution to `commons`, pending review.
		///
		/// Origin: signed by an active member. Emits `ContributionRecorded`.
		/// Errors: `NotActiveMember`, `UnknownCommons`, `CommonsArchived`,
		/// `TooManyPendingContributions`, `IdsExhausted`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::contribute())]
		pub fn contribute(
			origin: OriginFor<T>,
			commons: CommonsId,
			content_hash: T::Hash,
			note: NoteOf<T>,
		) -> DispatchResult {
			let contributor = ensure_signed(origin)?;
			Self::ensure_active_member(&contributor)?;
			let mut record = Self::active_commons(commons)?;
			ensure!(
				record.pending_contributions < T::MaxPendingContributions::get(),
				Error::<T>::TooManyPendingContributions
			);
			let contribution = NextContributionId::<T>::get();
			let next = contribution.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

			record.pending_contributions.saturating_inc();
			Commons::<T>::insert(commons, record);
			Contributions::<T>::insert(
				contribution,
				Contribution {
					commons,
					contributor: contributor.clone(),
					content_hash,
					note,
					recorded_at: frame_system::Pallet::<T>::block_number(),
					approvals: 0,
					rejections: 0,
					status: ContributionStatus::Pending,
				},
			);
			NextContributionId::<T>::put(next);
			Self::deposit_event(Event::ContributionRecorded {
				contribution,
				commons,
				contributor,
				content_hash,
			});
			Ok(())
		}

		/// Approves or rejects a pending contribution. The review that reaches
		/// `ReviewsToAccept` approvals accepts it and gives the contributor
		/// `ReputationPerContribution`; the one that reaches `ReviewsToReject` rejections
		/// rejects it.
		///
		/// Origin: signed by an active member who is not the contributor and has not reviewed
		/// it yet. Emits `ContributionReviewed`, then `ContributionAccepted` or
		/// `ContributionRejected` on a verdict. Errors: `NotActiveMember`,
		/// `UnknownContribution`, `ContributionNotPending`, `OwnContribution`,
		/// `AlreadyReviewed`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::review())]
		pub fn review(
			origin: OriginFor<T>,
			contribution: ContributionId,
			approve: bool,
		) -> DispatchResult {
			let reviewer = ensure_signed(origin)?;
			Self::ensure_active_member(&reviewer)?;
			let mut entry =
				Contributions::<T>::get(contribution).ok_or(Error::<T>::UnknownContribution)?;
			ensure!(
				entry.status == ContributionStatus::Pending,
				Error::<T>::ContributionNotPending
			);
			ensure!(entry.contributor != reviewer, Error::<T>::OwnContribution);
			ensure!(
				!Reviews::<T>::contains_key(contribution, &reviewer),
				Error::<T>::AlreadyReviewed
			);

			Reviews::<T>::insert(contribution, &reviewer, approve);
			Self::deposit_event(Event::ContributionReviewed { contribution, reviewer, approve });
			if approve {
				entry.approvals.saturating_inc();
			} else {
				entry.rejections.saturating_inc();
			}
			if entry.approvals >= T::ReviewsToAccept::get() {
				entry.status = ContributionStatus::Accepted;
				let earned = T::ReputationPerContribution::get();
				// A contributor who has left the DAO since gets the verdict, not the reputation.
				let reputation = if T::Membership::add_reputation(&entry.contributor, earned) {
					earned
				} else {
					0
				};
				Self::deposit_event(Event::ContributionAccepted {
					contribution,
					contributor: entry.contributor.clone(),
					reputation,
				});
			} else if entry.rejections >= T::ReviewsToReject::get() {
				entry.status = ContributionStatus::Rejected;
				Self::deposit_event(Event::ContributionRejected { contribution });
			}
			if entry.status != ContributionStatus::Pending {
				Commons::<T>::mutate(entry.commons, |record| {
					if let Some(record) = record {
						record.pending_contributions.saturating_dec();
						if entry.status == ContributionStatus::Accepted {
							record.accepted_contributions.saturating_inc();
						} else {
							record.rejected_contributions.saturating_inc();
						}
					}
				});
			}
			Contributions::<T>::insert(contribution, entry);
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		fn ensure_active_member(who: &T::AccountId) -> DispatchResult {
			ensure!(T::Membership::is_active_member(who), Error::<T>::NotActiveMember);
			Ok(())
		}

		/// The record of `commons`, if it exists and is not archived.
		fn active_commons(commons: CommonsId) -> Result<CommonsRecordOf<T>, DispatchError> {
			let record = Commons::<T>::get(commons).ok_or(Error::<T>::UnknownCommons)?;
			ensure!(record.status == CommonsStatus::Active, Error::<T>::CommonsArchived);
			Ok(record)
		}

		/// Fails unless `who` stewards the commons and may act as a member now.
		fn ensure_acting_steward(
			who: &T::AccountId,
			record: &CommonsRecordOf<T>,
		) -> DispatchResult {
			Self::ensure_active_member(who)?;
			ensure!(record.stewards.contains(who), Error::<T>::NotSteward);
			Ok(())
		}

		fn ensure_steward_or_admin(
			origin: OriginFor<T>,
			record: &CommonsRecordOf<T>,
		) -> DispatchResult {
			match T::AdminOrigin::try_origin(origin) {
				Ok(_) => Ok(()),
				Err(origin) => Self::ensure_acting_steward(&ensure_signed(origin)?, record),
			}
		}

		/// The invariants, checked by `try_state` and by the tests after every step: each
		/// commons has between one and `MaxStewards` distinct stewards, a valid licence and an
		/// identifier below `NextCommonsId`; its pending, accepted and rejected counts equal its
		/// contributions in each state;
		/// each contribution's tally equals its stored reviews, and only a pending one is short
		/// of both thresholds; each registrant has exactly the deposits of their active commons
		/// held.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;

			// Per commons: its pending, accepted and rejected contributions.
			let mut counts = BTreeMap::<CommonsId, [u32; 3]>::new();
			let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
			for (id, record) in Commons::<T>::iter() {
				ensure!(id < NextCommonsId::<T>::get(), "a commons id is not below NextCommonsId");
				ensure!(!record.stewards.is_empty(), "a commons has no steward");
				let mut stewards = record.stewards.to_vec();
				stewards.sort();
				stewards.dedup();
				ensure!(stewards.len() == record.stewards.len(), "a steward is listed twice");
				ensure!(license::is_spdx_identifier(&record.license), "an invalid licence");
				if record.status == CommonsStatus::Active {
					let held = deposits.entry(record.registrant.clone()).or_default();
					*held = held.saturating_add(record.deposit);
				}
				counts.insert(id, [0u32; 3]);
			}

			for (id, entry) in Contributions::<T>::iter() {
				ensure!(
					id < NextContributionId::<T>::get(),
					"a contribution id is not below NextContributionId"
				);
				let (mut approvals, mut rejections) = (0u32, 0u32);
				for (_, approve) in Reviews::<T>::iter_prefix(id) {
					if approve {
						approvals.saturating_inc();
					} else {
						rejections.saturating_inc();
					}
				}
				ensure!(
					(approvals, rejections) == (entry.approvals, entry.rejections),
					"a contribution's tally differs from its reviews"
				);
				let decided = approvals >= T::ReviewsToAccept::get()
					|| rejections >= T::ReviewsToReject::get();
				ensure!(
					decided == (entry.status != ContributionStatus::Pending),
					"a contribution's status does not follow from its tally"
				);
				let count = counts.get_mut(&entry.commons).ok_or("a contribution to no commons")?;
				let state = match entry.status {
					ContributionStatus::Pending => 0,
					ContributionStatus::Accepted => 1,
					ContributionStatus::Rejected => 2,
				};
				count[state].saturating_inc();
			}
			for (id, record) in Commons::<T>::iter() {
				ensure!(
					counts.get(&id)
						== Some(&[
							record.pending_contributions,
							record.accepted_contributions,
							record.rejected_contributions
						]),
					"a commons' contribution counts differ from its contributions"
				);
			}
			for (registrant, total) in deposits {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::Registration.into(), &registrant)
						== total,
					"a registrant's held deposit differs from their active commons' deposits"
				);
			}
			Ok(())
		}
	}

	impl<T: Config> CommonsInspect<T::AccountId> for Pallet<T> {
		fn is_active(commons: CommonsId) -> bool {
			Commons::<T>::get(commons).is_some_and(|record| record.status == CommonsStatus::Active)
		}

		fn is_steward(commons: CommonsId, who: &T::AccountId) -> bool {
			Commons::<T>::get(commons).is_some_and(|record| record.stewards.contains(who))
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn register_for_benchmarks(steward: &T::AccountId) -> CommonsId {
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
			NextCommonsId::<T>::put(commons.saturating_add(1));
			commons
		}
	}
}
