//! # Commons registry pallet
//!
//! What the Ostrom DAO's commons are, who cares for them and who contributed what.
//!
//! ## Overview
//!
//! A member registers a commons — open code, knowledge, a design, data, community energy, food,
//! a space, tools — under an SPDX licence, holding `RegistrationDeposit`, and becomes its first
//! steward. A steward *acts* only while listed, an active member, and appointed during their
//! current membership: a member the DAO removed (or who resigned) stewards nothing, even once
//! admitted again, and anyone may [`reap_steward`](Pallet::reap_steward) such a void
//! stewardship. Acting stewards add and remove fellow stewards and keep the record up to date,
//! but cannot remove the last acting steward. A steward or the `AdminOrigin` (the DAO's origin)
//! may archive a commons, which releases the deposit.
//!
//! The DAO answers for every commons: `AdminOrigin` appoints and removes stewards of active and
//! archived commons alike, may remove the last one, and may [`unarchive`](Pallet::unarchive) a
//! commons. A commons with no acting steward is *frozen*: the treasury refuses to pay from it,
//! no contribution to it can be decided, and only `AdminOrigin` can appoint a steward.
//!
//! Any member records a contribution to an active commons as pending, holding
//! `ContributionDeposit`; a member has at most `MaxPendingPerContributor` pending per commons.
//! Other members review it, each once. At `ReviewsToAccept` approvals, one at least by an
//! acting steward, it is accepted: the deposit comes back and the contributor earns
//! `ReputationPerContribution` through [`ostrom_primitives::MembershipInspect`] (within what
//! membership lets them earn per epoch). At `ReviewsToReject` rejections, one at least by an
//! acting steward, it is rejected and the deposit goes to the treasury (`Slashed`), never to the
//! commons. The review that would reach a threshold without a steward is refused, so that
//! members outside the commons can neither mint reputation nor slash deposits among themselves.
//! The contributor may withdraw a pending contribution, and a steward may dismiss it; both
//! return the deposit.
//!
//! ## Dispatchable functions
//!
//! - [`register`](Pallet::register) — signed, an active member.
//! - [`update`](Pallet::update), [`archive`](Pallet::archive) — an acting steward of the active
//!   commons, or `AdminOrigin`.
//! - [`add_steward`](Pallet::add_steward), [`remove_steward`](Pallet::remove_steward) — an acting
//!   steward of the active commons (of an archived one too, to remove themself), or
//!   `AdminOrigin` for any commons.
//! - [`unarchive`](Pallet::unarchive) — `AdminOrigin`.
//! - [`reap_steward`](Pallet::reap_steward) — signed, anyone; free when it succeeds.
//! - [`contribute`](Pallet::contribute) — signed, an active member.
//! - [`review`](Pallet::review) — signed, an active member other than the contributor.
//! - [`withdraw_contribution`](Pallet::withdraw_contribution) — signed, the contributor.
//! - [`dismiss_contribution`](Pallet::dismiss_contribution) — an acting steward of the commons,
//!   or `AdminOrigin`.
//!
//! ## Configuration
//!
//! `Membership` answers who is a member and takes reputation; `Currency` holds registration and
//! contribution deposits; `Slashed` receives the deposits of rejected contributions (the
//! treasury); `AdminOrigin` administers any commons. Bounds: `MaxNameLen`, `MaxLicenseLen`,
//! `MaxUriLen`, `MaxNoteLen`, `MaxStewards` (per commons), `MaxStewardships` (per account),
//! `MaxPendingContributions` (per commons), `MaxPendingPerContributor` (per contributor and
//! commons). Review thresholds: `ReviewsToAccept`, `ReviewsToReject` (each at least one).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
mod license;
#[cfg(test)]
mod mock;
mod stewardship;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::{
	CommonsId, CommonsKind, CommonsRecord, CommonsStatus, Contribution, ContributionId,
	ContributionStatus, Review,
};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		dispatch::Pays,
		pallet_prelude::*,
		traits::{
			fungible::{BalancedHold, Credit, Inspect, Mutate, MutateHold},
			tokens::Precision,
			OnUnbalanced,
		},
	};
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::{MembershipInspect, Reputation};
	use sp_runtime::{traits::Zero, Saturating};
	use stewardship::{Actor, Standing};

	pub(crate) type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// Funds taken out of an account, on their way to `Config::Slashed`.
	pub type CreditOf<T> = Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

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
		BalanceOf<T>,
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
		/// Holds registration and contribution deposits; slashes those of rejected
		/// contributions.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ BalancedHold<Self::AccountId>;

		/// The overarching hold reason, which includes this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who the members are; where reputation goes.
		type Membership: MembershipInspect<Self::AccountId, BlockNumberFor<Self>>;

		/// Administers any commons: appoints and removes stewards, updates, archives and
		/// unarchives.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Receives the deposits of rejected contributions: the treasury, never the commons,
		/// so that its stewards gain nothing by rejecting.
		type Slashed: OnUnbalanced<CreditOf<Self>>;

		/// Held from the registrant until the commons is archived.
		#[pallet::constant]
		type RegistrationDeposit: Get<BalanceOf<Self>>;

		/// Held from a contributor while their contribution is pending: returned unless the
		/// review rejects it.
		#[pallet::constant]
		type ContributionDeposit: Get<BalanceOf<Self>>;

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

		/// The most commons one account may steward; at least one.
		#[pallet::constant]
		type MaxStewardships: Get<u32>;

		/// How long after their appointment a steward is *seasoned* and may approve large
		/// spends from the commons' account: long enough for the other stewards to see the
		/// appointment and the DAO to undo it.
		#[pallet::constant]
		type StewardSeasoning: Get<BlockNumberFor<Self>>;

		/// The most contributions one commons may have awaiting review.
		#[pallet::constant]
		type MaxPendingContributions: Get<u32>;

		/// The most contributions one contributor may have awaiting review at one commons; at
		/// least one.
		#[pallet::constant]
		type MaxPendingPerContributor: Get<u32>;

		/// Approvals that accept a contribution, one of them by an acting steward; at least
		/// one.
		#[pallet::constant]
		type ReviewsToAccept: Get<u32>;

		/// Rejections that reject a contribution, one of them by an acting steward; at least
		/// one.
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
		/// The deposit of a contribution awaiting review.
		Contribution,
	}

	/// The identifier the next registered commons gets.
	#[pallet::storage]
	pub type NextCommonsId<T: Config> = StorageValue<_, CommonsId, ValueQuery>;

	/// Every registered commons, archived ones included.
	#[pallet::storage]
	pub type Commons<T: Config> = StorageMap<_, Blake2_128Concat, CommonsId, CommonsRecordOf<T>>;

	/// The block in which each steward was appointed to each commons: one entry per steward
	/// listed in a `CommonsRecord`. A stewardship appointed before its steward's current
	/// membership began is void.
	#[pallet::storage]
	pub type Stewardships<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		CommonsId,
		BlockNumberFor<T>,
	>;

	/// How many commons each account stewards (its entries in `Stewardships`), at most
	/// `MaxStewardships`; absent when none.
	#[pallet::storage]
	pub type StewardshipCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The identifier the next recorded contribution gets.
	#[pallet::storage]
	pub type NextContributionId<T: Config> = StorageValue<_, ContributionId, ValueQuery>;

	/// Every recorded contribution, with the tally of its review.
	#[pallet::storage]
	pub type Contributions<T: Config> =
		StorageMap<_, Blake2_128Concat, ContributionId, ContributionOf<T>>;

	/// How many contributions each contributor has pending at each commons, at most
	/// `MaxPendingPerContributor`; absent when none.
	#[pallet::storage]
	pub type PendingOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CommonsId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// Each reviewer's verdict on a contribution, and whether they gave it as a steward.
	#[pallet::storage]
	pub type Reviews<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ContributionId,
		Blake2_128Concat,
		T::AccountId,
		Review,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `registrant` registered commons `commons` and is its first steward.
		Registered { commons: CommonsId, registrant: T::AccountId, kind: CommonsKind },
		/// `steward` now stewards `commons` (again, if their stewardship was void).
		StewardAdded { commons: CommonsId, steward: T::AccountId },
		/// `steward` no longer stewards `commons`.
		StewardRemoved { commons: CommonsId, steward: T::AccountId },
		/// The void stewardship of `steward` over `commons` was removed.
		StewardReaped { commons: CommonsId, steward: T::AccountId },
		/// The name, kind, licence or uri of `commons` changed.
		Updated { commons: CommonsId },
		/// `commons` takes no more contributions; its deposit was released.
		Archived { commons: CommonsId },
		/// `commons` is active again, holding no deposit.
		Unarchived { commons: CommonsId },
		/// `contributor` recorded `contribution` to `commons`; it awaits review.
		ContributionRecorded {
			contribution: ContributionId,
			commons: CommonsId,
			contributor: T::AccountId,
			content_hash: T::Hash,
		},
		/// `reviewer` approved (`approve`) or rejected `contribution`.
		ContributionReviewed { contribution: ContributionId, reviewer: T::AccountId, approve: bool },
		/// `contribution` was accepted and its deposit returned; `contributor` earned
		/// `reputation` (less than `ReputationPerContribution` beyond their allowance for the
		/// epoch, zero if they are no longer a member).
		ContributionAccepted {
			contribution: ContributionId,
			contributor: T::AccountId,
			reputation: Reputation,
		},
		/// `contribution` was rejected; its deposit went to the treasury.
		ContributionRejected { contribution: ContributionId },
		/// The contributor withdrew `contribution`; its deposit was returned.
		ContributionWithdrawn { contribution: ContributionId },
		/// A steward or the DAO dismissed `contribution`; its deposit was returned.
		ContributionDismissed { contribution: ContributionId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not a member, or is suspended.
		NotActiveMember,
		/// No commons has this identifier.
		UnknownCommons,
		/// The commons is archived.
		CommonsArchived,
		/// The commons is not archived.
		CommonsNotArchived,
		/// The account is not a steward of this commons.
		NotSteward,
		/// The caller's stewardship was appointed before their current membership began: it is
		/// void.
		StewardshipVoid,
		/// Stewards must be active members.
		StewardNotMember,
		/// The account already stewards this commons.
		AlreadySteward,
		/// The commons has `MaxStewards` stewards.
		TooManyStewards,
		/// The account stewards `MaxStewardships` commons.
		TooManyStewardships,
		/// Stewards cannot remove the last acting steward: only the DAO can freeze a commons.
		LastSteward,
		/// A steward may only resign: removing another steward takes the DAO, so that no
		/// steward can push the others out and rule the commons' account alone.
		RemovalNeedsDao,
		/// The steward may act: only void stewardships can be reaped.
		StewardStillActing,
		/// The steward is suspended, not removed: their stewardship resumes with their
		/// membership, and only the DAO or a fellow steward can remove it.
		StewardSuspended,
		/// The name is empty.
		EmptyName,
		/// The licence is not an SPDX identifier: it must be non-empty and use only letters,
		/// digits, `.`, `-` and `+`.
		InvalidLicense,
		/// An update must change something.
		NothingToUpdate,
		/// The deposit cannot be held: the balance is too low.
		InsufficientBalance,
		/// No more identifiers are left.
		IdsExhausted,
		/// The commons has `MaxPendingContributions` contributions awaiting review.
		TooManyPendingContributions,
		/// The contributor has `MaxPendingPerContributor` contributions awaiting review at this
		/// commons.
		TooManyPendingFromContributor,
		/// No contribution has this identifier.
		UnknownContribution,
		/// The contribution is no longer pending.
		ContributionNotPending,
		/// Only the contributor may withdraw a contribution.
		NotContributor,
		/// Contributors cannot review their own contribution.
		OwnContribution,
		/// This member already reviewed this contribution.
		AlreadyReviewed,
		/// This approval would accept the contribution with no acting steward among the
		/// approvers: the deciding approval must be a steward's.
		StewardApprovalNeeded,
		/// This rejection would reject the contribution with no acting steward among the
		/// rejecters: the deciding rejection must be a steward's.
		StewardRejectionNeeded,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::ReviewsToAccept::get() >= 1, "ReviewsToAccept must be at least one");
			assert!(T::ReviewsToReject::get() >= 1, "ReviewsToReject must be at least one");
			assert!(T::MaxStewards::get() >= 1, "MaxStewards must be at least one");
			assert!(T::MaxStewardships::get() >= 1, "MaxStewardships must be at least one");
			assert!(
				T::MaxPendingPerContributor::get() >= 1,
				"MaxPendingPerContributor must be at least one"
			);
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
		/// Origin: signed by an active member stewarding fewer than `MaxStewardships` commons.
		/// Holds `RegistrationDeposit` until the commons is archived. `license` is an SPDX
		/// identifier such as `GPL-3.0-only`.
		///
		/// Emits `Registered`. Errors: `NotActiveMember`, `EmptyName`, `InvalidLicense`,
		/// `TooManyStewardships`, `InsufficientBalance`, `IdsExhausted`.
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
			Self::ensure_may_steward_more(&registrant)?;
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
			Self::appoint(commons, &registrant);
			NextCommonsId::<T>::put(next);
			Self::deposit_event(Event::Registered { commons, registrant, kind });
			Ok(())
		}

		/// Makes the active member `steward` a steward of `commons`, appointed now. A steward
		/// whose stewardship is void (appointed in an earlier membership) is appointed anew.
		///
		/// Origin: an acting steward of the active commons, or `AdminOrigin` for any commons,
		/// archived or not (so the DAO replaces stewards who left or went rogue).
		/// Emits `StewardAdded`. Errors: `UnknownCommons`, `NotActiveMember`, `NotSteward`,
		/// `StewardshipVoid`, `CommonsArchived`, `StewardNotMember`, `AlreadySteward`,
		/// `TooManyStewards`, `TooManyStewardships`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_steward())]
		pub fn add_steward(
			origin: OriginFor<T>,
			commons: CommonsId,
			steward: T::AccountId,
		) -> DispatchResult {
			let mut record = Self::commons(commons)?;
			let actor = Self::ensure_steward_or_admin(origin, commons)?;
			ensure!(
				matches!(actor, Actor::Admin) || record.status == CommonsStatus::Active,
				Error::<T>::CommonsArchived
			);
			ensure!(T::Membership::is_active_member(&steward), Error::<T>::StewardNotMember);
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

		/// Removes `steward` from the stewards of `commons`.
		///
		/// Origin: an acting steward resigning (archived commons included), unless they are the
		/// last acting steward; or `AdminOrigin` for any steward of any commons, who may remove
		/// the last one and so freeze the commons.
		/// Emits `StewardRemoved`. Errors: `UnknownCommons`, `NotActiveMember`, `NotSteward`,
		/// `StewardshipVoid`, `RemovalNeedsDao`, `LastSteward`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_steward())]
		pub fn remove_steward(
			origin: OriginFor<T>,
			commons: CommonsId,
			steward: T::AccountId,
		) -> DispatchResult {
			let mut record = Self::commons(commons)?;
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

		/// Changes any of the name, kind, licence and uri of `commons`; `None` keeps a field.
		///
		/// Origin: an acting steward of the active commons, or `AdminOrigin`.
		/// Emits `Updated`. Errors: `UnknownCommons`, `CommonsArchived`, `NotActiveMember`,
		/// `NotSteward`, `StewardshipVoid`, `NothingToUpdate`, `EmptyName`, `InvalidLicense`.
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

		/// Archives `commons` and releases the registration deposit to its registrant. Pending
		/// contributions can still be reviewed, withdrawn or dismissed; no new ones are taken.
		///
		/// Origin: an acting steward of the active commons, or `AdminOrigin`.
		/// Emits `Archived`. Errors: `UnknownCommons`, `CommonsArchived`, `NotActiveMember`,
		/// `NotSteward`, `StewardshipVoid`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::archive())]
		pub fn archive(origin: OriginFor<T>, commons: CommonsId) -> DispatchResult {
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

		/// Records a contribution to `commons`, pending review, holding `ContributionDeposit`
		/// from the contributor until the verdict.
		///
		/// Origin: signed by an active member with fewer than `MaxPendingPerContributor`
		/// contributions pending at this commons. Emits `ContributionRecorded`.
		/// Errors: `NotActiveMember`, `UnknownCommons`, `CommonsArchived`,
		/// `TooManyPendingFromContributor`, `TooManyPendingContributions`, `IdsExhausted`,
		/// `InsufficientBalance`.
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
			let pending_of = PendingOf::<T>::get(commons, &contributor);
			ensure!(
				pending_of < T::MaxPendingPerContributor::get(),
				Error::<T>::TooManyPendingFromContributor
			);
			ensure!(
				record.pending_contributions < T::MaxPendingContributions::get(),
				Error::<T>::TooManyPendingContributions
			);
			let contribution = NextContributionId::<T>::get();
			let next = contribution.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			let deposit = T::ContributionDeposit::get();
			T::Currency::hold(&HoldReason::Contribution.into(), &contributor, deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;

			record.pending_contributions.saturating_inc();
			Commons::<T>::insert(commons, record);
			PendingOf::<T>::insert(commons, &contributor, pending_of.saturating_add(1));
			Contributions::<T>::insert(
				contribution,
				Contribution {
					commons,
					contributor: contributor.clone(),
					content_hash,
					note,
					recorded_at: frame_system::Pallet::<T>::block_number(),
					deposit,
					approvals: 0,
					rejections: 0,
					steward_approvals: 0,
					steward_rejections: 0,
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
		/// `ReviewsToAccept` approvals, one at least by an acting steward, accepts it: the
		/// deposit is returned and the contributor earns up to `ReputationPerContribution`. The
		/// one that reaches `ReviewsToReject` rejections, one at least by an acting steward,
		/// rejects it: the deposit goes to `Slashed`. A review that would reach a threshold
		/// with no steward among its side is refused.
		///
		/// Origin: signed by an active member who is not the contributor and has not reviewed
		/// it yet. Emits `ContributionReviewed`, then `ContributionAccepted` or
		/// `ContributionRejected` on a verdict. Errors: `NotActiveMember`,
		/// `UnknownContribution`, `ContributionNotPending`, `OwnContribution`,
		/// `AlreadyReviewed`, `StewardApprovalNeeded`, `StewardRejectionNeeded`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::review().max(T::WeightInfo::review_reject()))]
		pub fn review(
			origin: OriginFor<T>,
			contribution: ContributionId,
			approve: bool,
		) -> DispatchResult {
			let reviewer = ensure_signed(origin)?;
			Self::ensure_active_member(&reviewer)?;
			let mut entry = Self::pending_contribution(contribution)?;
			ensure!(entry.contributor != reviewer, Error::<T>::OwnContribution);
			ensure!(
				!Reviews::<T>::contains_key(contribution, &reviewer),
				Error::<T>::AlreadyReviewed
			);

			let by_steward = Self::is_acting(entry.commons, &reviewer);
			let (tally, steward_tally, threshold, error) = if approve {
				(
					&mut entry.approvals,
					&mut entry.steward_approvals,
					T::ReviewsToAccept::get(),
					Error::<T>::StewardApprovalNeeded,
				)
			} else {
				(
					&mut entry.rejections,
					&mut entry.steward_rejections,
					T::ReviewsToReject::get(),
					Error::<T>::StewardRejectionNeeded,
				)
			};
			tally.saturating_inc();
			if by_steward {
				steward_tally.saturating_inc();
			}
			let decides = *tally >= threshold;
			// Members outside the commons cannot decide among themselves, nor pile up reviews
			// while waiting for a steward: the deciding review is a steward's, or one came first.
			ensure!(!decides || *steward_tally > 0, error);

			Reviews::<T>::insert(contribution, &reviewer, Review { approve, by_steward });
			Self::deposit_event(Event::ContributionReviewed { contribution, reviewer, approve });
			if decides && approve {
				Self::accept(contribution, entry);
			} else if decides {
				Self::reject(contribution, entry);
			} else {
				Contributions::<T>::insert(contribution, entry);
			}
			Ok(())
		}

		/// Brings an archived `commons` back to active. It holds no registration deposit from
		/// then on: the DAO, not the registrant, chose to revive it. Its stewards stay as they
		/// were; without an acting one it stays frozen until the DAO appoints one.
		///
		/// Origin: `AdminOrigin`. Emits `Unarchived`.
		/// Errors: `UnknownCommons`, `CommonsNotArchived`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::unarchive())]
		pub fn unarchive(origin: OriginFor<T>, commons: CommonsId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let mut record = Self::commons(commons)?;
			ensure!(record.status == CommonsStatus::Archived, Error::<T>::CommonsNotArchived);
			record.status = CommonsStatus::Active;
			// Archiving released the deposit; nothing is held again.
			record.deposit = Zero::zero();
			Commons::<T>::insert(commons, record);
			Self::deposit_event(Event::Unarchived { commons });
			Ok(())
		}

		/// Removes the void stewardship of `steward` over `commons`: one appointed before
		/// `steward`'s current membership began, or of an account that is no longer a member.
		/// Even the last steward is reaped: the commons is then frozen until the DAO appoints
		/// one.
		///
		/// Origin: signed, anyone; free when it succeeds. Emits `StewardReaped`.
		/// Errors: `UnknownCommons`, `NotSteward`, `StewardStillActing`, `StewardSuspended`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reap_steward())]
		pub fn reap_steward(
			origin: OriginFor<T>,
			commons: CommonsId,
			steward: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut record = Self::commons(commons)?;
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

		/// Withdraws the caller's pending `contribution` and returns its deposit.
		///
		/// Origin: signed by the contributor, member or not. Emits `ContributionWithdrawn`.
		/// Errors: `UnknownContribution`, `ContributionNotPending`, `NotContributor`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::withdraw_contribution())]
		pub fn withdraw_contribution(
			origin: OriginFor<T>,
			contribution: ContributionId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let entry = Self::pending_contribution(contribution)?;
			ensure!(entry.contributor == who, Error::<T>::NotContributor);
			Self::close_without_verdict(contribution, entry, ContributionStatus::Withdrawn)?;
			Self::deposit_event(Event::ContributionWithdrawn { contribution });
			Ok(())
		}

		/// Takes the pending `contribution` off its commons' queue without a verdict, returning
		/// the deposit: a dismissal says the contribution does not belong here, not that it was
		/// made in bad faith, so it costs the contributor nothing. Works on archived commons too.
		///
		/// Origin: an acting steward of the contribution's commons, or `AdminOrigin`.
		/// Emits `ContributionDismissed`. Errors: `UnknownContribution`,
		/// `ContributionNotPending`, `NotActiveMember`, `NotSteward`, `StewardshipVoid`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::dismiss_contribution())]
		pub fn dismiss_contribution(
			origin: OriginFor<T>,
			contribution: ContributionId,
		) -> DispatchResult {
			let entry = Self::pending_contribution(contribution)?;
			Self::ensure_steward_or_admin(origin, entry.commons)?;
			Self::close_without_verdict(contribution, entry, ContributionStatus::Dismissed)?;
			Self::deposit_event(Event::ContributionDismissed { contribution });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		fn ensure_active_member(who: &T::AccountId) -> DispatchResult {
			ensure!(T::Membership::is_active_member(who), Error::<T>::NotActiveMember);
			Ok(())
		}

		/// The record of `commons`, archived or not.
		fn commons(commons: CommonsId) -> Result<CommonsRecordOf<T>, DispatchError> {
			Ok(Commons::<T>::get(commons).ok_or(Error::<T>::UnknownCommons)?)
		}

		/// The record of `commons`, if it exists and is not archived.
		fn active_commons(commons: CommonsId) -> Result<CommonsRecordOf<T>, DispatchError> {
			let record = Self::commons(commons)?;
			ensure!(record.status == CommonsStatus::Active, Error::<T>::CommonsArchived);
			Ok(record)
		}

		/// The contribution `contribution`, if it exists and awaits its verdict.
		fn pending_contribution(
			contribution: ContributionId,
		) -> Result<ContributionOf<T>, DispatchError> {
			let entry =
				Contributions::<T>::get(contribution).ok_or(Error::<T>::UnknownContribution)?;
			ensure!(
				entry.status == ContributionStatus::Pending,
				Error::<T>::ContributionNotPending
			);
			Ok(entry)
		}

		/// Accepts `entry`: returns its deposit and rewards its contributor.
		fn accept(contribution: ContributionId, mut entry: ContributionOf<T>) {
			Self::release_contribution_deposit(&entry);
			// A contributor who has left the DAO since gets the verdict, not the reputation;
			// one who earned their allowance for the epoch gets what is left of it.
			let reputation = T::Membership::add_reputation(
				&entry.contributor,
				T::ReputationPerContribution::get(),
			);
			Self::deposit_event(Event::ContributionAccepted {
				contribution,
				contributor: entry.contributor.clone(),
				reputation,
			});
			entry.status = ContributionStatus::Accepted;
			Self::leave_queue(contribution, entry);
		}

		/// Rejects `entry`: its deposit goes to `Slashed`.
		fn reject(contribution: ContributionId, mut entry: ContributionOf<T>) {
			let (slashed, _) = T::Currency::slash(
				&HoldReason::Contribution.into(),
				&entry.contributor,
				entry.deposit,
			);
			T::Slashed::on_unbalanced(slashed);
			Self::deposit_event(Event::ContributionRejected { contribution });
			entry.status = ContributionStatus::Rejected;
			Self::leave_queue(contribution, entry);
		}

		/// Ends the pending `entry` as `status` (withdrawn or dismissed), returning its deposit.
		fn close_without_verdict(
			contribution: ContributionId,
			mut entry: ContributionOf<T>,
			status: ContributionStatus,
		) -> DispatchResult {
			Self::release_contribution_deposit(&entry);
			entry.status = status;
			Self::leave_queue(contribution, entry);
			Ok(())
		}

		fn release_contribution_deposit(entry: &ContributionOf<T>) {
			// Best effort: the deposit was held at `contribute` and only this pallet releases
			// it, so all of it is there.
			let _ = T::Currency::release(
				&HoldReason::Contribution.into(),
				&entry.contributor,
				entry.deposit,
				Precision::BestEffort,
			);
		}

		/// Stores `entry`, no longer pending, and takes it off its commons' and contributor's
		/// pending counts, counting a verdict.
		fn leave_queue(contribution: ContributionId, entry: ContributionOf<T>) {
			Commons::<T>::mutate(entry.commons, |record| {
				if let Some(record) = record {
					record.pending_contributions.saturating_dec();
					match entry.status {
						ContributionStatus::Accepted => {
							record.accepted_contributions.saturating_inc()
						}
						ContributionStatus::Rejected => {
							record.rejected_contributions.saturating_inc()
						}
						_ => {}
					}
				}
			});
			PendingOf::<T>::mutate_exists(entry.commons, &entry.contributor, |count| {
				*count = count.and_then(|count| count.checked_sub(1)).filter(|count| *count > 0);
			});
			Contributions::<T>::insert(contribution, entry);
		}
	}
}
