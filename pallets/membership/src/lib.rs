//! # Membership pallet
//!
//! Who belongs to the Ostrom DAO.
//!
//! ## Overview
//!
//! Membership is open, peer-validated and sybil-resistant: anyone may apply by holding a small
//! deposit, and becomes a member as soon as `SponsorsRequired` members have vouched for them.
//! No admin key admits anyone; the `AdminOrigin` (the DAO's own origin: a passed Standard-track
//! proposal) can add, remove and suspend members. Each member has an equal voice in quadratic voting, so
//! admission is the sybil gate: one person cannot cheaply become many members.
//!
//! Each member record keeps the block the member joined, a reputation earned from accepted
//! contributions to the commons (added by other pallets through
//! [`ostrom_primitives::MembershipMutate`], at most `MaxReputationPerEpoch` per member and
//! epoch) and a status: active or suspended until a block.
//! A suspended member cannot propose, vote, sponsor or review until that block.
//!
//! ## Capture resistance
//!
//! Sponsorship is accountable and rate-limited by the [`AdmissionRules`], so that a few
//! colluders cannot outgrow the honest members before these react:
//! - **probation**: a new member may neither vote nor sponsor, and does not count among the
//!   eligible voters, for `probation` blocks;
//! - **quota**: a member sponsors at most `sponsorships_per_epoch` applicants per epoch;
//! - **bounded growth**: sponsorships admit at most `max(admissions_floor, admissions_share ×
//!   eligible voters)` members per epoch, DAO-wide;
//! - **accountability**: when the DAO removes a member within `accountability_period` of their
//!   admission, their sponsors are suspended for `sponsor_suspension`;
//! - **emergency brake**: the admin origin pauses and resumes admissions by sponsorship;
//! - **no freeze by passive members**: the count of eligible voters
//!   ([`ostrom_primitives::MembershipInspect::eligible_voters`]) counts the members past
//!   probation who voted in the last `dormant_after` epochs, and at least `quorum_floor` of all
//!   members. It is kept per epoch in [`ActivityWindow`], so reading
//!   it is one storage read.
//!
//! ## Dispatchable functions
//!
//! - [`apply`](Pallet::apply) — signed, not a member: applies to join, holding
//!   `ApplicationDeposit`.
//! - [`sponsor`](Pallet::sponsor) — signed, an active member: vouches for an applicant once; at
//!   `SponsorsRequired` sponsors the applicant becomes a member and the deposit is released.
//! - [`withdraw_application`](Pallet::withdraw_application) — signed, an applicant: withdraws and
//!   gets the deposit back.
//! - [`leave`](Pallet::leave) — signed, a member: resigns.
//! - [`add_member`](Pallet::add_member), [`remove_member`](Pallet::remove_member),
//!   [`remove_members`](Pallet::remove_members), [`suspend`](Pallet::suspend),
//!   [`set_admissions_paused`](Pallet::set_admissions_paused) — `AdminOrigin`.
//! - [`set_rules`](Pallet::set_rules) — `RulesOrigin`: changes the admission rules.
//!
//! ## Views
//!
//! [`views`] holds the reads the runtime API composes; the view functions
//! [`member_standing`](Pallet::member_standing) and [`admissions_left`](Pallet::admissions_left)
//! serve them to clients.
//!
//! ## Configuration
//!
//! `Currency` holds deposits; `ApplicationDeposit`, `SponsorsRequired` (at least one),
//! `MaxMembers`, `MaxMetadataLen`, `MaxRemovals`, `EpochLength`, `MaxReputationPerEpoch` and
//! the bounds on the rules are constants; `AdminOrigin` decides admin calls, `RulesOrigin` the
//! rules. The genesis config lists the initial members (past probation) and the admission rules.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;

mod activity;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchable_impls;
mod inspect;
mod invariants;
#[cfg(test)]
mod mock;
mod mutate;
mod rules;
#[cfg(test)]
mod tests;
pub mod types;
pub mod views;
pub mod weights;

pub use types::{
	AdmissionRules, Application, EpochAdmissions, EpochIndex, EpochReputation, MemberRecord,
	MemberStatus, MemberStatusName, SponsorQuota,
};
pub use views::MemberStanding;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::Reputation;
	use sp_runtime::traits::Zero;

	/// The balance of the deposit currency.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// The admission rules of this runtime.
	pub type RulesOf<T> = AdmissionRules<BlockNumberFor<T>>;

	/// The most epochs the activity window keeps: the quorum window, the epochs a probation
	/// spans, and the current one.
	pub type MaxActivityEpochs = ConstU32<64>;

	/// The layout of this pallet's storage. Version 0 is the layout of runtime 100; a change
	/// of a stored type raises it and adds a migration (see `docs/upgrades.md`).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Holds application deposits.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason, which includes this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Adds, removes and suspends members; pauses admissions.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Changes the admission rules: loosening them would open the gate to sybils, so it
		/// takes the strongest origin (root, a Root-track proposal).
		type RulesOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Held from an applicant while the application is pending.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// How many members must vouch for an applicant; at least one.
		#[pallet::constant]
		type SponsorsRequired: Get<u32>;

		/// The most members the DAO can have.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The longest application metadata, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// The most members one `remove_members` call removes.
		#[pallet::constant]
		type MaxRemovals: Get<u32>;

		/// The length of an epoch, in blocks (the voice-credit epoch); not zero.
		#[pallet::constant]
		type EpochLength: Get<BlockNumberFor<Self>>;

		/// The longest probation the rules may set, in epochs: longer ones would make the
		/// activity window overflow.
		#[pallet::constant]
		type MaxProbationEpochs: Get<u32>;

		/// The largest `dormant_after` the rules may set.
		#[pallet::constant]
		type MaxDormantAfter: Get<u32>;

		/// The most reputation a member earns in one epoch, however many contributions are
		/// accepted: a ring of members approving each other cannot mint standing faster.
		#[pallet::constant]
		type MaxReputationPerEpoch: Get<Reputation>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a pending application.
		Application,
	}

	/// Every member, with when they joined, their reputation and their status.
	#[pallet::storage]
	pub type Members<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, MemberRecord<T>>;

	/// The number of entries in `Members`.
	#[pallet::storage]
	pub type MemberCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Pending applications, by applicant.
	#[pallet::storage]
	pub type Applications<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Application<T>>;

	/// The admission rules in force.
	#[pallet::storage]
	pub type Rules<T: Config> = StorageValue<_, RulesOf<T>, ValueQuery>;

	/// How many applicants sponsorships admitted in the current epoch.
	#[pallet::storage]
	pub type Admissions<T: Config> = StorageValue<_, EpochAdmissions, ValueQuery>;

	/// Whether admissions by sponsorship are paused (the emergency brake).
	#[pallet::storage]
	pub type AdmissionsPaused<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// How many members count among the eligible voters from each epoch on (see
	/// [`MemberRecord::counted_from`]), by epoch, ascending; epochs out of the window are
	/// dropped.
	#[pallet::storage]
	pub type ActivityWindow<T: Config> =
		StorageValue<_, BoundedVec<(EpochIndex, u32), MaxActivityEpochs>, ValueQuery>;

	/// The reputation each member earned in their last earning epoch; removed with the member.
	#[pallet::storage]
	pub type ReputationEarned<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, EpochReputation>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The founding members, past probation.
		pub members: Vec<T::AccountId>,
		/// The admission rules the DAO starts with.
		pub rules: RulesOf<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::validate(&self.rules).expect("the genesis admission rules are valid");
			Rules::<T>::put(self.rules);
			for who in &self.members {
				assert!(!Members::<T>::contains_key(who), "a genesis member is listed twice");
				Pallet::<T>::insert_member(who, Zero::zero(), BoundedVec::new());
			}
			assert!(
				MemberCount::<T>::get() <= T::MaxMembers::get(),
				"more genesis members than MaxMembers"
			);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` applied to join, holding `deposit`.
		Applied {
			/// The applicant.
			who: T::AccountId,
			/// What is held from them.
			deposit: BalanceOf<T>,
		},
		/// `sponsor` vouched for `applicant`, who now has `sponsors` sponsors.
		Sponsored {
			/// The applicant.
			applicant: T::AccountId,
			/// The member who vouched.
			sponsor: T::AccountId,
			/// How many sponsors the application has now.
			sponsors: u32,
		},
		/// `who` withdrew their application and got the deposit back.
		ApplicationWithdrawn {
			/// The former applicant.
			who: T::AccountId,
		},
		/// `who` became a member.
		MemberAdded {
			/// The new member.
			who: T::AccountId,
		},
		/// `who` resigned.
		MemberLeft {
			/// The former member.
			who: T::AccountId,
		},
		/// `who` was removed by the admin origin.
		MemberRemoved {
			/// The former member.
			who: T::AccountId,
		},
		/// `who` may not act before block `until`.
		MemberSuspended {
			/// The suspended member.
			who: T::AccountId,
			/// The first block they may act again.
			until: BlockNumberFor<T>,
		},
		/// The reputation of `who` is now `reputation`.
		ReputationChanged {
			/// The member.
			who: T::AccountId,
			/// Their reputation now.
			reputation: Reputation,
		},
		/// `sponsor` admitted `member`, whom the DAO removed within the accountability period:
		/// `sponsor` may not act before block `until`.
		SponsorSanctioned {
			/// The suspended sponsor.
			sponsor: T::AccountId,
			/// The removed member they admitted.
			member: T::AccountId,
			/// The first block the sponsor may act again.
			until: BlockNumberFor<T>,
		},
		/// Admissions by sponsorship are paused (`true`) or resumed (`false`).
		AdmissionsPausedSet {
			/// Whether they are paused now.
			paused: bool,
		},
		/// The admission rules are now `rules`.
		RulesChanged {
			/// The rules in force.
			rules: RulesOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a member.
		AlreadyMember,
		/// The caller is not an active member: not a member, or suspended.
		NotActiveMember,
		/// The account the call is about is not a member.
		NotMember,
		/// The account already has a pending application.
		AlreadyApplied,
		/// The account has no pending application.
		NoApplication,
		/// This member already vouched for this applicant.
		AlreadySponsored,
		/// The DAO has `MaxMembers` members.
		TooManyMembers,
		/// The application deposit cannot be held: the balance is too low.
		InsufficientBalance,
		/// The DAO's last member cannot leave or be removed: no one would be left to govern.
		LastMember,
		/// A suspension must end in a future block.
		SuspensionNotInFuture,
		/// The member is still on probation and may not do this yet.
		InProbation,
		/// The member sponsored `sponsorships_per_epoch` applicants in this epoch already.
		SponsorQuotaExhausted,
		/// Sponsorships admitted as many members in this epoch as the growth cap allows.
		AdmissionCapReached,
		/// Admissions by sponsorship are paused.
		AdmissionsPaused,
		/// `remove_members` lists an account twice.
		DuplicateRemoval,
		/// Rules: the probation is longer than `MaxProbationEpochs` epochs.
		ProbationTooLong,
		/// Rules: `dormant_after` must be between one and `MaxDormantAfter`.
		DormancyOutOfRange,
		/// Rules: a member must be able to sponsor, and the DAO to admit, at least one
		/// applicant per epoch.
		ZeroAdmissions,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::SponsorsRequired::get() >= 1, "SponsorsRequired must be at least one");
			assert!(!T::EpochLength::get().is_zero(), "EpochLength must not be zero");
			assert!(
				T::MaxDormantAfter::get().saturating_add(T::MaxProbationEpochs::get()) + 2
					<= <MaxActivityEpochs as Get<u32>>::get(),
				"the activity window cannot hold the longest probation and dormancy"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Applies to join the DAO.
		///
		/// Origin: signed by an account that is neither a member nor an applicant.
		/// Holds `ApplicationDeposit` from the caller and stores `metadata` (a hash of, or link
		/// to, a profile) until members sponsor the application or the caller withdraws it.
		///
		/// Emits `Applied`. Errors: `AlreadyMember`, `AlreadyApplied`, `TooManyMembers`,
		/// `InsufficientBalance`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(
			origin: OriginFor<T>,
			metadata: BoundedVec<u8, T::MaxMetadataLen>,
		) -> DispatchResult {
			Self::do_apply(ensure_signed(origin)?, metadata)
		}

		/// Vouches for an applicant.
		///
		/// Origin: signed by an active member past probation who has not yet sponsored this
		/// application and has sponsorships left in this epoch's quota. Earlier sponsors who are
		/// no longer active members are dropped first. When the application reaches
		/// `SponsorsRequired` sponsors, the applicant becomes a member at once (on probation),
		/// the deposit is released, and the admission counts against this epoch's growth cap.
		///
		/// Emits `Sponsored`, then `MemberAdded` on admission. Errors: `NotActiveMember`,
		/// `InProbation`, `AdmissionsPaused`, `NoApplication`, `AlreadySponsored`,
		/// `SponsorQuotaExhausted`, `AdmissionCapReached`, `TooManyMembers`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::sponsor())]
		pub fn sponsor(origin: OriginFor<T>, applicant: T::AccountId) -> DispatchResult {
			Self::do_sponsor(ensure_signed(origin)?, applicant)
		}

		/// Withdraws the caller's pending application and releases its deposit.
		///
		/// Origin: signed by an applicant. Emits `ApplicationWithdrawn`.
		/// Errors: `NoApplication`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_application())]
		pub fn withdraw_application(origin: OriginFor<T>) -> DispatchResult {
			Self::do_withdraw_application(ensure_signed(origin)?)
		}

		/// Resigns from the DAO; the reputation is forgotten.
		///
		/// Origin: signed by an active member: a suspended one cannot leave, or they could
		/// escape the suspension by applying again. Emits `MemberLeft`.
		/// Errors: `NotActiveMember`, `LastMember`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>) -> DispatchResult {
			Self::do_leave(ensure_signed(origin)?)
		}

		/// Makes `who` a member without sponsors, on probation and outside the growth cap (the
		/// DAO answers for it); a pending application of `who` ends and its deposit is released.
		///
		/// Origin: `AdminOrigin`. Emits `MemberAdded`. Errors: `AlreadyMember`, `TooManyMembers`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_add_member(who)
		}

		/// Removes the member `who`. If `who` was admitted by sponsorship within the
		/// accountability period, each sponsor still a member is suspended for the rules'
		/// `sponsor_suspension` (a longer suspension in force stays).
		///
		/// Origin: `AdminOrigin`. Emits `MemberRemoved`, and `SponsorSanctioned` per sanctioned
		/// sponsor. Errors: `NotMember`, `LastMember`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_remove_member(who)
		}

		/// Suspends the member `who` until block `until`, replacing any earlier suspension.
		///
		/// Origin: `AdminOrigin`. Emits `MemberSuspended`.
		/// Errors: `SuspensionNotInFuture`, `NotMember`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(
			origin: OriginFor<T>,
			who: T::AccountId,
			until: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_suspend(who, until)
		}

		/// Removes every member in `members` at once, as `remove_member` does each (sanctioning
		/// their sponsors): one vote undoes a wave of sybils. All or nothing.
		///
		/// Origin: `AdminOrigin`. Emits `MemberRemoved` per member and `SponsorSanctioned` per
		/// sanction. Errors: `DuplicateRemoval`, `NotMember`, `LastMember`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::remove_members(members.len() as u32))]
		pub fn remove_members(
			origin: OriginFor<T>,
			members: BoundedVec<T::AccountId, T::MaxRemovals>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_remove_members(members)
		}

		/// Pauses (`true`) or resumes (`false`) admissions by sponsorship: the emergency brake
		/// while the DAO deals with a wave of applicants. `add_member` still works.
		///
		/// Origin: `AdminOrigin`. Emits `AdmissionsPausedSet`. Errors: only a bad origin.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_admissions_paused())]
		pub fn set_admissions_paused(origin: OriginFor<T>, paused: bool) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_admissions_paused(paused)
		}

		/// Replaces the admission rules. Members on probation keep the probation they were
		/// admitted with.
		///
		/// Origin: `RulesOrigin` (root: a Root-track proposal). Emits `RulesChanged`.
		/// Errors: `ProbationTooLong`, `DormancyOutOfRange`, `ZeroAdmissions`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_rules())]
		pub fn set_rules(origin: OriginFor<T>, rules: RulesOf<T>) -> DispatchResult {
			T::RulesOrigin::ensure_origin(origin)?;
			Self::do_set_rules(rules)
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Where `who` stands in the membership: active, suspended or applicant, with probation,
		/// suspension, sponsorships left, reputation and an applicant's sponsors and deposit;
		/// `None` for an account that is neither a member nor an applicant.
		pub fn member_standing(who: T::AccountId) -> Option<MemberStanding<T>> {
			Self::standing_of(&who)
		}

		/// How many members sponsorships may still admit in the current epoch.
		pub fn admissions_left() -> u32 {
			let rules = Rules::<T>::get();
			let cap =
				(rules.admissions_share * Self::eligible_voters()).max(rules.admissions_floor);
			let admissions = Admissions::<T>::get();
			let admitted =
				if admissions.epoch == Self::current_epoch() { admissions.admitted } else { 0 };
			cap.saturating_sub(admitted)
		}
	}
}
