//! # Membership pallet
//!
//! Who belongs to the Ostrom DAO.
//!
//! ## Overview
//!
//! Membership is open, peer-validated and sybil-resistant: anyone may apply by holding a small
//! deposit, and becomes a member as soon as `SponsorsRequired` members have vouched for them.
//! No admin key admits anyone; the `AdminOrigin` (the DAO's own origin once proposals exist)
//! can add, remove and suspend members. Each member has an equal voice in quadratic voting, so
//! admission is the sybil gate: one person cannot cheaply become many members.
//!
//! Each member record keeps the block the member joined, a reputation earned from accepted
//! contributions to the commons (added by other pallets through
//! [`ostrom_primitives::MembershipInspect`], at most `MaxReputationPerEpoch` per member and
//! epoch) and a status: active or suspended until a block.
//! A suspended member cannot propose, vote, sponsor or review until that block.
//!
//! ## Capture resistance
//!
//! Sponsorship is accountable and rate-limited by the [`AdmissionRules`], so that a few
//! colluders cannot outgrow the honest members before these react:
//! - **probation**: a new member may neither vote nor sponsor, and does not count towards
//!   quorum, for `probation` blocks;
//! - **quota**: a member sponsors at most `sponsorships_per_epoch` applicants per epoch;
//! - **bounded growth**: sponsorships admit at most `max(admissions_floor, admissions_share ×
//!   quorum base)` members per epoch, DAO-wide;
//! - **accountability**: when the DAO removes a member within `accountability_period` of their
//!   admission, their sponsors are suspended for `sponsor_suspension`;
//! - **emergency brake**: the admin origin pauses and resumes admissions by sponsorship;
//! - **no freeze by passive members**: the quorum base ([`MembershipInspect::quorum_base`])
//!   counts the members past probation who voted in the last `dormant_after` epochs, and at
//!   least `quorum_floor` of all members. It is kept per epoch in [`ActivityWindow`], so reading
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
//! ## Configuration
//!
//! `Currency` holds deposits; `ApplicationDeposit`, `SponsorsRequired` (at least one),
//! `MaxMembers`, `MaxMetadataLen`, `MaxRemovals`, `EpochLength`, `MaxReputationPerEpoch` and
//! the bounds on the rules are constants; `AdminOrigin` decides admin calls, `RulesOrigin` the rules. The genesis config
//! lists the initial members (past probation) and the admission rules.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod activity;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod inspect;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::{
	AdmissionRules, Application, EpochAdmissions, EpochIndex, EpochReputation, MemberRecord,
	MemberStatus, SponsorQuota,
};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::Reputation;
	use sp_runtime::traits::{SaturatedConversion, Saturating, Zero};

	pub(crate) type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	pub type ApplicationOf<T> = Application<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		<T as Config>::MaxMetadataLen,
		<T as Config>::SponsorsRequired,
	>;

	pub type MemberRecordOf<T> = MemberRecord<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::SponsorsRequired,
	>;

	pub type RulesOf<T> = AdmissionRules<BlockNumberFor<T>>;

	/// The most epochs the activity window keeps: the quorum window, the epochs a probation
	/// spans, and the current one.
	pub type MaxActivityEpochs = ConstU32<64>;

	#[pallet::pallet]
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
	pub type Members<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, MemberRecordOf<T>>;

	/// The number of entries in `Members`.
	#[pallet::storage]
	pub type MemberCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Pending applications, by applicant.
	#[pallet::storage]
	pub type Applications<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ApplicationOf<T>>;

	/// The admission rules in force.
	#[pallet::storage]
	pub type Rules<T: Config> = StorageValue<_, RulesOf<T>, ValueQuery>;

	/// How many applicants sponsorships admitted in the current epoch.
	#[pallet::storage]
	pub type Admissions<T: Config> = StorageValue<_, EpochAdmissions, ValueQuery>;

	/// Whether admissions by sponsorship are paused (the emergency brake).
	#[pallet::storage]
	pub type AdmissionsPaused<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// How many members count in the quorum base from each epoch on (see
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
		Applied { who: T::AccountId, deposit: BalanceOf<T> },
		/// `sponsor` vouched for `applicant`, who now has `sponsors` sponsors.
		Sponsored { applicant: T::AccountId, sponsor: T::AccountId, sponsors: u32 },
		/// `who` withdrew their application and got the deposit back.
		ApplicationWithdrawn { who: T::AccountId },
		/// `who` became a member.
		MemberAdded { who: T::AccountId },
		/// `who` resigned.
		MemberLeft { who: T::AccountId },
		/// `who` was removed by the admin origin.
		MemberRemoved { who: T::AccountId },
		/// `who` may not act before block `until`.
		MemberSuspended { who: T::AccountId, until: BlockNumberFor<T> },
		/// The reputation of `who` is now `reputation`.
		ReputationChanged { who: T::AccountId, reputation: Reputation },
		/// `sponsor` admitted `member`, whom the DAO removed within the accountability period:
		/// `sponsor` may not act before block `until`.
		SponsorSanctioned { sponsor: T::AccountId, member: T::AccountId, until: BlockNumberFor<T> },
		/// Admissions by sponsorship are paused (`true`) or resumed (`false`).
		AdmissionsPausedSet { paused: bool },
		/// The admission rules are now `rules`.
		RulesChanged { rules: RulesOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a member.
		AlreadyMember,
		/// The account is not a member.
		NotMember,
		/// The member is suspended and may not act now.
		Suspended,
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
			let who = ensure_signed(origin)?;
			ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
			ensure!(!Applications::<T>::contains_key(&who), Error::<T>::AlreadyApplied);
			ensure!(MemberCount::<T>::get() < T::MaxMembers::get(), Error::<T>::TooManyMembers);

			let deposit = T::ApplicationDeposit::get();
			T::Currency::hold(&HoldReason::Application.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			Applications::<T>::insert(
				&who,
				Application { metadata, deposit, sponsors: BoundedVec::new() },
			);
			Self::deposit_event(Event::Applied { who, deposit });
			Ok(())
		}

		/// Vouches for an applicant.
		///
		/// Origin: signed by an active member past probation who has not yet sponsored this
		/// application and has sponsorships left in this epoch's quota. Earlier sponsors who are
		/// no longer active members are dropped first. When the application reaches
		/// `SponsorsRequired` sponsors, the applicant becomes a member at once (on probation),
		/// the deposit is released, and the admission counts against this epoch's growth cap.
		///
		/// Emits `Sponsored`, then `MemberAdded` on admission. Errors: `NotMember`, `Suspended`,
		/// `InProbation`, `AdmissionsPaused`, `NoApplication`, `AlreadySponsored`,
		/// `SponsorQuotaExhausted`, `AdmissionCapReached`, `TooManyMembers`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::sponsor())]
		pub fn sponsor(origin: OriginFor<T>, applicant: T::AccountId) -> DispatchResult {
			let sponsor = ensure_signed(origin)?;
			Self::do_sponsor(sponsor, applicant)
		}

		/// Withdraws the caller's pending application and releases its deposit.
		///
		/// Origin: signed by an applicant. Emits `ApplicationWithdrawn`.
		/// Errors: `NoApplication`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_application())]
		pub fn withdraw_application(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(Applications::<T>::contains_key(&who), Error::<T>::NoApplication);
			Self::close_application(&who)?;
			Self::deposit_event(Event::ApplicationWithdrawn { who });
			Ok(())
		}

		/// Resigns from the DAO; the reputation is forgotten.
		///
		/// Origin: signed by an active member: a suspended one cannot leave, or they could
		/// escape the suspension by applying again. Emits `MemberLeft`.
		/// Errors: `NotMember`, `Suspended`, `LastMember`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_active_member(&who)?;
			Self::remove(&who)?;
			Self::deposit_event(Event::MemberLeft { who });
			Ok(())
		}

		/// Makes `who` a member without sponsors, on probation and outside the growth cap (the
		/// DAO answers for it); a pending application of `who` ends and its deposit is released.
		///
		/// Origin: `AdminOrigin`. Emits `MemberAdded`. Errors: `AlreadyMember`, `TooManyMembers`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
			Self::admit(&who, BoundedVec::new())
		}

		/// Removes the member `who`. If `who` was admitted by sponsorship within the
		/// accountability period, each sponsor still a member is suspended for the rules'
		/// `sponsor_suspension`.
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
		/// Errors: `NotMember`, `SuspensionNotInFuture`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(
			origin: OriginFor<T>,
			who: T::AccountId,
			until: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(
				until > frame_system::Pallet::<T>::block_number(),
				Error::<T>::SuspensionNotInFuture
			);
			Members::<T>::try_mutate(&who, |record| {
				let record = record.as_mut().ok_or(Error::<T>::NotMember)?;
				record.status = MemberStatus::Suspended { until };
				Ok::<_, Error<T>>(())
			})?;
			Self::deposit_event(Event::MemberSuspended { who, until });
			Ok(())
		}

		/// Removes every member in `members` at once, as `remove_member` does each (sanctioning
		/// their sponsors): one vote undoes a wave of sybils. All or nothing.
		///
		/// Origin: `AdminOrigin`. Emits `MemberRemoved` per member and `SponsorSanctioned` per
		/// sanction. Errors: `NotMember`, `DuplicateRemoval`, `LastMember`.
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
		/// Origin: `AdminOrigin`. Emits `AdmissionsPausedSet`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_admissions_paused())]
		pub fn set_admissions_paused(origin: OriginFor<T>, paused: bool) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			AdmissionsPaused::<T>::put(paused);
			Self::deposit_event(Event::AdmissionsPausedSet { paused });
			Ok(())
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
			Self::validate(&rules)?;
			Rules::<T>::put(rules);
			Self::deposit_event(Event::RulesChanged { rules });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Fails unless `who` is a member who may act now.
		pub fn ensure_active_member(who: &T::AccountId) -> DispatchResult {
			let record = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(record.is_active_at(&now), Error::<T>::Suspended);
			Ok(())
		}

		/// Fails unless `who` is an active member past probation.
		pub fn ensure_settled_member(
			who: &T::AccountId,
		) -> Result<MemberRecordOf<T>, DispatchError> {
			let record = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(record.is_active_at(&now), Error::<T>::Suspended);
			ensure!(record.is_settled_at(&now), Error::<T>::InProbation);
			Ok(record)
		}

		/// The epoch block `block` belongs to.
		pub fn epoch_of(block: BlockNumberFor<T>) -> EpochIndex {
			(block / T::EpochLength::get()).saturated_into()
		}

		/// How much more reputation `who` may earn in the current epoch.
		pub fn reputation_left(who: &T::AccountId) -> Reputation {
			let earned = ReputationEarned::<T>::get(who)
				.filter(|earned| earned.epoch == Self::current_epoch())
				.map_or(0, |earned| earned.earned);
			T::MaxReputationPerEpoch::get().saturating_sub(earned)
		}

		/// The epoch the current block belongs to.
		pub fn current_epoch() -> EpochIndex {
			Self::epoch_of(frame_system::Pallet::<T>::block_number())
		}

		/// How many more applicants the member of `record` may sponsor in the current epoch:
		/// none while on probation.
		pub fn sponsorships_left(record: &MemberRecordOf<T>) -> u32 {
			if !record.is_settled_at(&frame_system::Pallet::<T>::block_number()) {
				return 0;
			}
			Rules::<T>::get()
				.sponsorships_per_epoch
				.saturating_sub(record.sponsorships_in(Self::current_epoch()))
		}

		/// How many members sponsorships may still admit in the current epoch.
		pub fn admissions_left() -> u32 {
			let rules = Rules::<T>::get();
			let cap = (rules.admissions_share * Self::quorum_base()).max(rules.admissions_floor);
			let admissions = Admissions::<T>::get();
			let admitted =
				if admissions.epoch == Self::current_epoch() { admissions.admitted } else { 0 };
			cap.saturating_sub(admitted)
		}

		fn do_sponsor(sponsor: T::AccountId, applicant: T::AccountId) -> DispatchResult {
			let mut record = Self::ensure_settled_member(&sponsor)?;
			ensure!(!AdmissionsPaused::<T>::get(), Error::<T>::AdmissionsPaused);
			let mut application =
				Applications::<T>::get(&applicant).ok_or(Error::<T>::NoApplication)?;
			ensure!(!application.sponsors.contains(&sponsor), Error::<T>::AlreadySponsored);
			let epoch = Self::current_epoch();
			let used = record.sponsorships_in(epoch);
			ensure!(
				used < Rules::<T>::get().sponsorships_per_epoch,
				Error::<T>::SponsorQuotaExhausted
			);

			// A vouch counts only while its giver may act: one who left, was removed or is
			// suspended since no longer helps to admit anyone.
			application.sponsors.retain(|earlier| Self::ensure_active_member(earlier).is_ok());
			let sponsors = (application.sponsors.len() as u32).saturating_add(1);
			let admits = sponsors >= T::SponsorsRequired::get();
			ensure!(!admits || Self::admissions_left() > 0, Error::<T>::AdmissionCapReached);

			record.quota = SponsorQuota { epoch, used: used.saturating_add(1) };
			Members::<T>::insert(&sponsor, record);
			Self::deposit_event(Event::Sponsored {
				applicant: applicant.clone(),
				sponsor: sponsor.clone(),
				sponsors,
			});
			// Cannot fail: fewer than `SponsorsRequired` sponsors are kept, and one more fits.
			application.sponsors.try_push(sponsor).map_err(|_| Error::<T>::AlreadySponsored)?;
			if admits {
				Self::admit(&applicant, application.sponsors)?;
				Admissions::<T>::mutate(|admissions| {
					if admissions.epoch != epoch {
						*admissions = EpochAdmissions { epoch, admitted: 0 };
					}
					admissions.admitted = admissions.admitted.saturating_add(1);
				});
				Ok(())
			} else {
				Applications::<T>::insert(&applicant, application);
				Ok(())
			}
		}

		fn do_remove_member(who: T::AccountId) -> DispatchResult {
			let record = Self::remove(&who)?;
			Self::deposit_event(Event::MemberRemoved { who: who.clone() });
			Self::sanction_sponsors(&who, &record);
			Ok(())
		}

		#[frame_support::transactional]
		fn do_remove_members(members: BoundedVec<T::AccountId, T::MaxRemovals>) -> DispatchResult {
			let mut sorted = members.to_vec();
			sorted.sort();
			sorted.dedup();
			ensure!(sorted.len() == members.len(), Error::<T>::DuplicateRemoval);
			for who in members {
				Self::do_remove_member(who)?;
			}
			Ok(())
		}

		/// Suspends the sponsors of `member`, just removed, if it was admitted within the
		/// accountability period; sponsors no longer members are beyond reach.
		fn sanction_sponsors(member: &T::AccountId, record: &MemberRecordOf<T>) {
			let rules = Rules::<T>::get();
			let now = frame_system::Pallet::<T>::block_number();
			if now >= record.joined_at.saturating_add(rules.accountability_period) {
				return;
			}
			let until = now.saturating_add(rules.sponsor_suspension);
			for sponsor in &record.sponsors {
				let sanctioned = Members::<T>::mutate(sponsor, |sponsor_record| {
					let Some(sponsor_record) = sponsor_record else { return false };
					// A longer suspension already in force stays.
					if let MemberStatus::Suspended { until: earlier } = sponsor_record.status {
						if earlier >= until {
							return false;
						}
					}
					sponsor_record.status = MemberStatus::Suspended { until };
					true
				});
				if sanctioned {
					Self::deposit_event(Event::SponsorSanctioned {
						sponsor: sponsor.clone(),
						member: member.clone(),
						until,
					});
				}
			}
		}

		/// Checks admission rules before they take effect.
		pub fn validate(rules: &RulesOf<T>) -> Result<(), Error<T>> {
			let longest = T::EpochLength::get().saturating_mul(T::MaxProbationEpochs::get().into());
			ensure!(rules.probation <= longest, Error::<T>::ProbationTooLong);
			ensure!(
				(1..=T::MaxDormantAfter::get()).contains(&rules.dormant_after),
				Error::<T>::DormancyOutOfRange
			);
			ensure!(
				rules.sponsorships_per_epoch > 0 && rules.admissions_floor > 0,
				Error::<T>::ZeroAdmissions
			);
			Ok(())
		}

		/// Makes `who` a member admitted by `sponsors`, ending their application if they have
		/// one.
		fn admit(
			who: &T::AccountId,
			sponsors: BoundedVec<T::AccountId, T::SponsorsRequired>,
		) -> DispatchResult {
			ensure!(MemberCount::<T>::get() < T::MaxMembers::get(), Error::<T>::TooManyMembers);
			if Applications::<T>::contains_key(who) {
				Self::close_application(who)?;
			}
			let probation = Rules::<T>::get().probation;
			Self::insert_member(who, probation, sponsors);
			Self::deposit_event(Event::MemberAdded { who: who.clone() });
			Ok(())
		}

		/// Stores `who` as a member on probation for `probation` blocks, counted in the quorum
		/// base from the first epoch that starts after the probation.
		pub(crate) fn insert_member(
			who: &T::AccountId,
			probation: BlockNumberFor<T>,
			sponsors: BoundedVec<T::AccountId, T::SponsorsRequired>,
		) {
			let now = frame_system::Pallet::<T>::block_number();
			let probation_ends = now.saturating_add(probation);
			let counted_from = if probation.is_zero() {
				Self::epoch_of(now)
			} else {
				Self::epoch_of(probation_ends).saturating_add(1)
			};
			Members::<T>::insert(
				who,
				MemberRecord {
					joined_at: now,
					reputation: 0,
					status: MemberStatus::Active,
					probation_ends,
					sponsors,
					quota: SponsorQuota::default(),
					counted_from,
				},
			);
			Self::count_from(None, Some(counted_from));
			MemberCount::<T>::mutate(|count| *count = count.saturating_add(1));
		}

		/// Removes the member `who`; returns their record.
		pub(crate) fn remove(who: &T::AccountId) -> Result<MemberRecordOf<T>, DispatchError> {
			let record = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
			ensure!(MemberCount::<T>::get() > 1, Error::<T>::LastMember);
			Members::<T>::remove(who);
			ReputationEarned::<T>::remove(who);
			Self::count_from(Some(record.counted_from), None);
			MemberCount::<T>::mutate(|count| *count = count.saturating_sub(1));
			Ok(record)
		}

		/// Removes the application of `who` and releases its deposit.
		fn close_application(who: &T::AccountId) -> DispatchResult {
			let application = Applications::<T>::take(who).ok_or(Error::<T>::NoApplication)?;
			T::Currency::release(
				&HoldReason::Application.into(),
				who,
				application.deposit,
				Precision::BestEffort,
			)?;
			Ok(())
		}

		/// The invariants, checked by `try_state` and by the tests after every step: the rules
		/// are valid; the member count matches the stored members and respects the bound; no
		/// probation ends before its member joined; the activity window is ordered, counts
		/// exactly the members counted from each of its epochs, and holds the current and
		/// future epochs that members count from; an
		/// applicant is not a member, has fewer sponsors than required, all distinct, and
		/// exactly the application deposit is held from them; reputation is earned only by
		/// members, within `MaxReputationPerEpoch`.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;

			let rules = Rules::<T>::get();
			Self::validate(&rules).map_err(|_| "the admission rules in force are invalid")?;
			let mut counted = BTreeMap::<EpochIndex, u32>::new();
			let mut members = 0u32;
			for (_, record) in Members::<T>::iter() {
				members += 1;
				ensure!(
					record.probation_ends >= record.joined_at,
					"a probation ends before it began"
				);
				*counted.entry(record.counted_from).or_default() += 1;
			}
			ensure!(members == MemberCount::<T>::get(), "MemberCount differs from Members");
			ensure!(members <= T::MaxMembers::get(), "more members than MaxMembers");

			let window = ActivityWindow::<T>::get();
			ensure!(
				window.windows(2).all(|pair| pair[0].0 < pair[1].0),
				"the activity window is not ordered by epoch"
			);
			let now = Self::current_epoch();
			for (epoch, count) in &window {
				ensure!(
					counted.get(epoch).copied().unwrap_or_default() == *count,
					"the activity window miscounts the members of an epoch"
				);
			}
			// Older epochs may have been dropped under a shorter `dormant_after`.
			for (epoch, _) in counted {
				ensure!(
					epoch < now || window.iter().any(|(kept, _)| *kept == epoch),
					"the activity window misses members who count now or later"
				);
			}

			for (who, earned) in ReputationEarned::<T>::iter() {
				ensure!(Members::<T>::contains_key(&who), "a non-member earned reputation");
				ensure!(
					earned.earned <= T::MaxReputationPerEpoch::get(),
					"a member earned more reputation in an epoch than MaxReputationPerEpoch"
				);
			}

			for (applicant, application) in Applications::<T>::iter() {
				ensure!(!Members::<T>::contains_key(&applicant), "an applicant is a member");
				ensure!(
					(application.sponsors.len() as u32) < T::SponsorsRequired::get(),
					"an application has enough sponsors but is still pending"
				);
				let mut sponsors = application.sponsors.to_vec();
				sponsors.sort();
				sponsors.dedup();
				ensure!(
					sponsors.len() == application.sponsors.len(),
					"an application counts one sponsor twice"
				);
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::Application.into(), &applicant)
						== application.deposit,
					"an applicant's held deposit differs from the application's"
				);
			}
			Ok(())
		}
	}
}
