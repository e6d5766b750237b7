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
//! `ReputationPerContribution` through [`ostrom_primitives::MembershipMutate`] (within what
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
//! ## Views
//!
//! [`views`] gives the runtime's views what they show of a commons and a contribution, and the
//! end of the list of commons; [`contribution_ids_of`](Pallet::contribution_ids_of) pages one
//! contributor's contributions from [`ContributionsByContributor`], an index written as each is
//! recorded. The view functions `commons`, `contribution`, `stewardship` and
//! `pending_per_contributor` answer dApps.
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
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod commons_inspect;
mod contributions;
mod contributor_index;
mod invariants;
mod license;
pub mod migrations;
#[cfg(test)]
mod mock;
mod registry;
mod stewardship;
#[cfg(test)]
mod tests;
pub mod types;
pub mod views;
pub mod weights;

pub use types::{
	CommonsKind, CommonsRecord, CommonsStatus, Contribution, ContributionStatus, Review,
	SortedContributionId,
};
pub use views::ContributionCounts;
pub use weights::WeightInfo;

use frame_support::traits::fungible::Inspect;

/// The balance type of the registry's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{BalancedHold, Credit, Mutate, MutateHold},
			OnUnbalanced,
		},
	};
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::{CommonsId, ContributionId, MembershipMutate, Reputation};

	/// Funds taken out of an account, on their way to `Config::Slashed`.
	pub type CreditOf<T> = Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

	/// A commons' name.
	pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;
	/// A licence identifier.
	pub type LicenseOf<T> = BoundedVec<u8, <T as Config>::MaxLicenseLen>;
	/// A commons' uri.
	pub type UriOf<T> = BoundedVec<u8, <T as Config>::MaxUriLen>;
	/// A contribution's note.
	pub type NoteOf<T> = BoundedVec<u8, <T as Config>::MaxNoteLen>;

	/// The layout of this pallet's storage; see `migrations` for the changes between versions.
	/// Version 0 is the layout of runtime 100; version 1 indexes every contribution under its
	/// contributor in [`ContributionsByContributor`].
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The commons registry pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
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
		type Membership: MembershipMutate<Self::AccountId, BlockNumberFor<Self>>;

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

		/// The weights of this pallet's calls.
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
	pub type Commons<T: Config> = StorageMap<_, Blake2_128Concat, CommonsId, CommonsRecord<T>>;

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
		StorageMap<_, Blake2_128Concat, ContributionId, Contribution<T>>;

	/// The id of every contribution under its contributor, as keys without values: one entry
	/// per contribution, written when it is recorded (a contribution is never removed, and its
	/// contributor never changes), so that a list of one member's contributions reads those and
	/// no others.
	///
	/// The contributor is hashed (`Blake2_128Concat`): accounts are chosen by users, who could
	/// otherwise crowd one branch of the trie. The id is stored unhashed (`Identity`) as a
	/// big-endian [`SortedContributionId`], so that one contributor's ids iterate in ascending
	/// order from any id on; ids are given in sequence, not chosen. An entry is 88 bytes of key
	/// and no value, less than the contribution's own record: the deposit and fee that admit a
	/// contribution cover it.
	#[pallet::storage]
	pub type ContributionsByContributor<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, SortedContributionId, ()>;

	/// How many contributions each contributor has pending at each commons, at most
	/// `MaxPendingPerContributor`; absent when none.
	#[pallet::storage]
	pub type PendingPerContributor<T: Config> = StorageDoubleMap<
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

	/// What happened in the registry.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A member registered a commons and is its first steward.
		Registered {
			/// The new commons.
			commons: CommonsId,
			/// Who registered it.
			registrant: T::AccountId,
			/// What kind of commons it is.
			kind: CommonsKind,
		},
		/// A member now stewards a commons (again, if their stewardship was void).
		StewardAdded {
			/// The commons.
			commons: CommonsId,
			/// The steward.
			steward: T::AccountId,
		},
		/// A member no longer stewards a commons.
		StewardRemoved {
			/// The commons.
			commons: CommonsId,
			/// The former steward.
			steward: T::AccountId,
		},
		/// A void stewardship was removed.
		StewardReaped {
			/// The commons.
			commons: CommonsId,
			/// The former steward.
			steward: T::AccountId,
		},
		/// The name, kind, licence or uri of a commons changed.
		Updated {
			/// The commons.
			commons: CommonsId,
		},
		/// A commons takes no more contributions; its deposit was released.
		Archived {
			/// The commons.
			commons: CommonsId,
		},
		/// A commons is active again, holding no deposit.
		Unarchived {
			/// The commons.
			commons: CommonsId,
		},
		/// A contribution was recorded; it awaits review.
		ContributionRecorded {
			/// The new contribution.
			contribution: ContributionId,
			/// The commons it was made to.
			commons: CommonsId,
			/// Who made it.
			contributor: T::AccountId,
			/// The hash of its content, which lives off-chain.
			content_hash: T::Hash,
		},
		/// A member reviewed a contribution.
		ContributionReviewed {
			/// The contribution.
			contribution: ContributionId,
			/// The reviewer.
			reviewer: T::AccountId,
			/// Whether they approved it (else they rejected it).
			approve: bool,
		},
		/// A contribution was accepted and its deposit returned.
		ContributionAccepted {
			/// The contribution.
			contribution: ContributionId,
			/// Who made it.
			contributor: T::AccountId,
			/// The reputation they earned: less than `ReputationPerContribution` beyond their
			/// allowance for the epoch, zero if they are no longer a member.
			reputation: Reputation,
		},
		/// A contribution was rejected; its deposit went to the treasury.
		ContributionRejected {
			/// The contribution.
			contribution: ContributionId,
		},
		/// The contributor withdrew a contribution; its deposit was returned.
		ContributionWithdrawn {
			/// The contribution.
			contribution: ContributionId,
		},
		/// A steward or the DAO dismissed a contribution; its deposit was returned.
		ContributionDismissed {
			/// The contribution.
			contribution: ContributionId,
		},
	}

	/// Why a registry call failed.
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
		/// The account to appoint is not an active member: stewards must be.
		NotMember,
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
		/// `TooManyStewardships`, `IdsExhausted`, `InsufficientBalance`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(
			origin: OriginFor<T>,
			name: NameOf<T>,
			kind: CommonsKind,
			license: LicenseOf<T>,
			uri: UriOf<T>,
		) -> DispatchResult {
			Self::do_register(ensure_signed(origin)?, name, kind, license, uri)
		}

		/// Makes the active member `steward` a steward of `commons`, appointed now. A steward
		/// whose stewardship is void (appointed in an earlier membership) is appointed anew.
		///
		/// Origin: an acting steward of the active commons, or `AdminOrigin` for any commons,
		/// archived or not (so the DAO replaces stewards who left or went rogue).
		/// Emits `StewardAdded`. Errors: `UnknownCommons`, `NotActiveMember`, `NotSteward`,
		/// `StewardshipVoid`, `CommonsArchived`, `NotMember`, `AlreadySteward`,
		/// `TooManyStewards`, `TooManyStewardships`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_steward())]
		pub fn add_steward(
			origin: OriginFor<T>,
			commons: CommonsId,
			steward: T::AccountId,
		) -> DispatchResult {
			Self::do_add_steward(origin, commons, steward)
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
			Self::do_remove_steward(origin, commons, steward)
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
			Self::do_update(origin, commons, name, kind, license, uri)
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
			Self::do_archive(origin, commons)
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
			Self::do_contribute(ensure_signed(origin)?, commons, content_hash, note)
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
			Self::do_review(ensure_signed(origin)?, contribution, approve)
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
			Self::do_unarchive(commons)
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
			Self::do_reap_steward(commons, steward)
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
			Self::do_withdraw_contribution(ensure_signed(origin)?, contribution)
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
			Self::do_dismiss_contribution(origin, contribution)
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Commons `commons` as registered; `None` if there is none.
		pub fn commons(commons: CommonsId) -> Option<CommonsRecord<T>> {
			Commons::<T>::get(commons)
		}

		/// Contribution `contribution` with the tally of its review; `None` if there is none.
		pub fn contribution(contribution: ContributionId) -> Option<Contribution<T>> {
			Contributions::<T>::get(contribution)
		}

		/// The block in which `steward` was appointed to `commons`, and whether they may act
		/// now; `None` if they are not listed as its steward.
		pub fn stewardship(
			commons: CommonsId,
			steward: T::AccountId,
		) -> Option<(BlockNumberFor<T>, bool)> {
			Self::appointment(commons, &steward)
		}

		/// How many contributions `contributor` has awaiting review at `commons`.
		pub fn pending_per_contributor(commons: CommonsId, contributor: T::AccountId) -> u32 {
			PendingPerContributor::<T>::get(commons, contributor)
		}
	}
}
