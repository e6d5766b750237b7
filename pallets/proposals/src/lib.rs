//! # Proposals pallet
//!
//! How the Ostrom DAO decides, and how its decisions take effect.
//!
//! ## Overview
//!
//! A member submits a proposal on a [`Track`]: a signal (a statement) or a call to enact, bounded
//! through the preimage pallet (inline when small, a noted preimage when large, such as a runtime
//! upgrade). Voting opens at once and lasts the rules' voting period; only accounts that were
//! members before the proposal was submitted may vote, so joining cannot buy a say on a running
//! decision. The call's weight is read at submission, so that its enactment reserves room in its
//! block, and so are its pallet and function names ([`CallName`]), so that views name the call
//! without decoding it: a preimage may be megabytes, and many proposals may share one. The votes
//! are counted elsewhere (the quadratic voting pallet) and read through
//! [`ostrom_primitives::Tallies`]; this pallet tells the voting pallet which proposals are open
//! through [`ostrom_primitives::Polls`].
//!
//! After the voting period anyone may `close` a proposal. It passes when the turnout (voters
//! among the members at submission) reaches the track's quorum and the ayes exceed the
//! track's approval share of ayes and nays. A passed call is scheduled with pallet-scheduler
//! after the enactment delay and then dispatched by [`enact`](Pallet::enact): with the DAO
//! origin ([`EnsureDao`]) on the Standard track, as root on the Root and Emergency tracks. The
//! DAO origin is what the runtime gives the other pallets as their admin origin; root is reached
//! only here.
//!
//! ## Kills
//!
//! A proposal is stopped by `kill`, itself enacted by a proposal: the DAO origin kills Standard
//! proposals, only root kills Root and Emergency ones, and an enacted kill only reaches
//! proposals submitted before its own. The Emergency track carries nothing but such a kill: it
//! is voted on for `emergency_voting_period` (shorter than the enactment delay, with at least
//! the Root track's thresholds) and enacted in the block after approval, so a kill submitted
//! while its target is voted on lands before the target is enacted. A killed proposal that was
//! still voted on is `Killed` (its votes may be withdrawn); one that was approved is `Revoked`
//! (decided: its votes stand).
//!
//! A call whose enactment would weigh more than `MaxEnactmentWeight` (what the scheduler can
//! ever run) is refused at submission: it could never be enacted.
//!
//! The [`GovernanceRules`] (periods, deposit, thresholds per track) are storage, set at genesis
//! and changed only by `set_rules`, which needs root: a passed Root-track proposal.
//!
//! ## Dispatchable functions
//!
//! - [`submit`](Pallet::submit) — signed, an active member: submits a proposal, holding the
//!   deposit.
//! - [`close`](Pallet::close) — signed, anyone, after the voting period: approves (and schedules)
//!   or rejects, and releases the deposit.
//! - [`cancel`](Pallet::cancel) — signed, the proposer, while no one has voted.
//! - [`kill`](Pallet::kill) — `KillOrigin` (Standard proposals) or root (any), before
//!   enactment: slashes a held deposit.
//! - [`set_rules`](Pallet::set_rules) — root: changes the governance rules.
//! - [`enact`](Pallet::enact) — root, scheduled at approval: dispatches the approved call.
//!
//! ## Configuration
//!
//! `Scheduler` and `Preimages` enact calls; `Currency` holds deposits and `Slash` takes slashed
//! ones; `Membership` says who may propose; `Tallies` reports the votes.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
mod origin;
mod polls;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use origin::EnsureDao;
pub use types::{
	CallName, GovernanceRules, Proposal, ProposalKind, ProposalStatus, Track, TrackRules,
	MAX_CALL_NAME_LEN,
};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		dispatch::{extract_actual_weight, GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{
			fungible::{self, Inspect, InspectHold, MutateHold},
			schedule::{v3::Named as ScheduleNamed, DispatchTime, HARD_DEADLINE},
			tokens::Precision,
			Bounded, GetCallMetadata, Imbalance, IsSubType, OnUnbalanced, OriginTrait,
			QueryPreimage, StorePreimage,
		},
		Hashable,
	};
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::{MembershipInspect, ProposalIndex, Tallies};
	use sp_runtime::{
		traits::{Dispatchable, One, Saturating, Zero},
		Perbill,
	};

	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
	pub type CallOf<T> = <T as Config>::RuntimeCall;
	pub type BoundedCallOf<T> = Bounded<CallOf<T>, <T as frame_system::Config>::Hashing>;
	pub type PalletsOriginOf<T> =
		<<T as frame_system::Config>::RuntimeOrigin as OriginTrait>::PalletsOrigin;
	pub type RulesOf<T> = GovernanceRules<BlockNumberFor<T>, BalanceOf<T>>;
	pub type ProposalOf<T> = Proposal<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		BoundedCallOf<T>,
		<T as Config>::MaxMetadataLen,
	>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>, RuntimeOrigin: From<Origin>>
	{
		/// The calls that proposals enact; their names are recorded at submission.
		type RuntimeCall: Parameter
			+ Dispatchable<
				RuntimeOrigin = <Self as frame_system::Config>::RuntimeOrigin,
				PostInfo = PostDispatchInfo,
			> + GetDispatchInfo
			+ GetCallMetadata
			+ From<Call<Self>>
			+ IsSubType<Call<Self>>
			+ From<frame_system::Call<Self>>
			+ IsType<<Self as frame_system::Config>::RuntimeCall>;

		/// Schedules the enactment of approved calls.
		type Scheduler: ScheduleNamed<
			BlockNumberFor<Self>,
			CallOf<Self>,
			PalletsOriginOf<Self>,
			Hasher = Self::Hashing,
		>;

		/// Keeps the calls of proposals too large to be inline.
		type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;

		/// Holds proposal deposits.
		type Currency: fungible::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::hold::Balanced<Self::AccountId>;

		/// The overarching hold reason, which includes this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Takes the deposits of killed proposals (the treasury, or burnt).
		type Slash: OnUnbalanced<CreditOf<Self>>;

		/// Stops Standard proposals before enactment (the DAO origin); root stops any.
		type KillOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who may propose, and how many members may vote.
		type Membership: MembershipInspect<Self::AccountId, BlockNumberFor<Self>>;

		/// How the votes on each proposal stand.
		type Tallies: Tallies;

		/// The longest proposal metadata, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// The longest voting period the rules may set: a longer one could stall governance.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest enactment delay the rules may set.
		#[pallet::constant]
		type MaxEnactmentDelay: Get<BlockNumberFor<Self>>;

		/// The highest proposal deposit the rules may set: a higher one could price every member
		/// out of proposing, and so out of changing the rules back.
		#[pallet::constant]
		type MaxProposalDeposit: Get<BalanceOf<Self>>;

		/// The most an enactment (`enact` with its call) may weigh: what the scheduler can run
		/// in one block after its own overhead. Heavier calls are refused at submission.
		#[pallet::constant]
		type MaxEnactmentWeight: Get<Weight>;

		type WeightInfo: WeightInfo;
	}

	/// The origins this pallet gives to enacted calls.
	#[pallet::origin]
	#[derive(
		Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub enum Origin {
		/// The DAO itself: a passed Standard-track proposal.
		Dao,
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a proposal being voted on.
		Proposal,
	}

	/// The governance rules in force.
	#[pallet::storage]
	pub type Rules<T: Config> = StorageValue<_, RulesOf<T>, ValueQuery>;

	/// Every proposal, by number.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Blake2_128Concat, ProposalIndex, ProposalOf<T>>;

	/// The number of the next proposal.
	#[pallet::storage]
	pub type ProposalCount<T: Config> = StorageValue<_, ProposalIndex, ValueQuery>;

	/// The proposal whose call is being dispatched, only while `enact` runs: a kill it enacts
	/// reaches only earlier proposals.
	#[pallet::storage]
	pub type Enacting<T: Config> = StorageValue<_, ProposalIndex, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The rules the DAO starts with.
		pub rules: RulesOf<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::validate(&self.rules).expect("the genesis governance rules are valid");
			Rules::<T>::put(self.rules);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `proposer` submitted proposal `id` on `track`; votes are accepted until `voting_ends`.
		Submitted {
			id: ProposalIndex,
			proposer: T::AccountId,
			track: Track,
			voting_ends: BlockNumberFor<T>,
		},
		/// The proposer withdrew proposal `id`.
		Cancelled { id: ProposalIndex },
		/// The DAO stopped proposal `id`; `slashed` of its deposit was taken. Its status is
		/// `Killed` if it was being voted on, `Revoked` if it was approved.
		Killed { id: ProposalIndex, slashed: BalanceOf<T> },
		/// Proposal `id` passed; its call is enacted in block `enactment` (none for a signal).
		Approved { id: ProposalIndex, enactment: Option<BlockNumberFor<T>> },
		/// Proposal `id` failed: `turnout` of the eligible members voted, `ayes` to `nays`.
		Rejected { id: ProposalIndex, turnout: Perbill, ayes: u64, nays: u64 },
		/// The call of proposal `id` was dispatched, with `result`.
		Executed { id: ProposalIndex, result: DispatchResult },
		/// The governance rules are now `rules`.
		RulesChanged { rules: RulesOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a member.
		NotMember,
		/// The member is suspended and may not propose now.
		Suspended,
		/// The proposal deposit cannot be held: the balance is too low.
		InsufficientBalance,
		/// No preimage of this hash and length has been noted: note it with the preimage pallet
		/// first.
		PreimageMissing,
		/// The call (inline or noted) does not decode as a call of this runtime.
		UndecodableCall,
		/// No more proposal numbers are left.
		TooManyProposals,
		/// No proposal has this number.
		UnknownProposal,
		/// The proposal is no longer being voted on.
		NotVoting,
		/// The voting period has not ended yet.
		VotingNotEnded,
		/// Only the proposer may do this.
		NotProposer,
		/// Members have voted on the proposal: it can no longer be cancelled.
		HasVotes,
		/// The proposal was decided or enacted already and cannot be killed.
		NotKillable,
		/// The proposal has no approved call waiting for enactment.
		NotApproved,
		/// The proposal's enactment block has not come yet.
		EnactmentNotDue,
		/// Rules: the voting period must be at least one block.
		ZeroVotingPeriod,
		/// Rules: the enactment delay must be at least one block.
		ZeroEnactmentDelay,
		/// Rules: the voting period is longer than `MaxVotingPeriod`.
		VotingPeriodTooLong,
		/// Rules: the enactment delay is longer than `MaxEnactmentDelay`.
		EnactmentDelayTooLong,
		/// Rules: the proposal deposit is higher than `MaxProposalDeposit`.
		DepositTooHigh,
		/// Rules: an approval threshold below 50% would let a minority decide.
		ApprovalBelowHalf,
		/// Rules: an approval threshold of 100% can never be exceeded: nothing would pass again.
		ApprovalUnreachable,
		/// Rules: the Root track's quorum and approval must be at least the Standard track's.
		RootLaxerThanStandard,
		/// Rules: the Emergency track's quorum and approval must be at least the Root track's.
		EmergencyLaxerThanRoot,
		/// Rules: the Emergency voting period must be at least one block and shorter than the
		/// enactment delay, or its kills would land after their targets.
		EmergencyTooSlow,
		/// The call's enactment would weigh more than `MaxEnactmentWeight`: it could never be
		/// enacted.
		CallTooHeavy,
		/// The Emergency track carries only `Proposals.kill` of an earlier proposal that is
		/// being voted on or awaits enactment.
		EmergencyOnlyKills,
		/// Only root (a Root or Emergency proposal) may kill a Root or Emergency proposal.
		KillNeedsRoot,
		/// An enacted kill may only stop a proposal submitted before its own.
		KillsOnlyEarlier,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Submits a proposal; voting on it opens at once, for the track's voting period.
		///
		/// Origin: signed by an active member. Holds the rules' proposal deposit. A `Call` kind
		/// is inline, or a lookup of a noted preimage, which is then kept until the proposal
		/// ends; either way it must decode as a call, whose weight is recorded for enactment and
		/// must fit `MaxEnactmentWeight`, and whose pallet and function names are recorded for
		/// the views. An Emergency proposal must be a `kill` of an earlier proposal being voted
		/// on or awaiting enactment. The turnout's base is the membership's quorum base now.
		///
		/// Emits `Submitted`. Errors: `NotMember`, `Suspended`, `PreimageMissing`,
		/// `UndecodableCall`, `CallTooHeavy`, `EmergencyOnlyKills`, `TooManyProposals`,
		/// `InsufficientBalance`.
		#[pallet::call_index(0)]
		// An Emergency proposal also reads the proposal it kills.
		#[pallet::weight(
			T::WeightInfo::submit(Pallet::<T>::preimage_len(kind))
				.saturating_add(T::DbWeight::get().reads(1))
		)]
		pub fn submit(
			origin: OriginFor<T>,
			track: Track,
			kind: ProposalKind<BoundedCallOf<T>>,
			metadata: BoundedVec<u8, T::MaxMetadataLen>,
		) -> DispatchResult {
			let proposer = ensure_signed(origin)?;
			ensure!(T::Membership::member_since(&proposer).is_some(), Error::<T>::NotMember);
			ensure!(T::Membership::is_active_member(&proposer), Error::<T>::Suspended);
			let (call_weight, call_name) = match &kind {
				ProposalKind::Call(call) => {
					let (weight, name) = Self::enactable_call(call, track)?;
					(weight, Some(name))
				}
				ProposalKind::Signal => {
					ensure!(track != Track::Emergency, Error::<T>::EmergencyOnlyKills);
					(Weight::zero(), None)
				}
			};
			ensure!(
				T::WeightInfo::enact(Self::preimage_len(&kind))
					.saturating_add(call_weight)
					.all_lte(T::MaxEnactmentWeight::get()),
				Error::<T>::CallTooHeavy
			);
			let id = ProposalCount::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::TooManyProposals)?;

			let rules = Rules::<T>::get();
			T::Currency::hold(&HoldReason::Proposal.into(), &proposer, rules.proposal_deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			if let ProposalKind::Call(call) = &kind {
				T::Preimages::hold(call);
			}
			let now = frame_system::Pallet::<T>::block_number();
			let voting_ends = now.saturating_add(rules.voting_period(track));
			Proposals::<T>::insert(
				id,
				Proposal {
					proposer: proposer.clone(),
					track,
					kind,
					call_name,
					metadata,
					deposit: rules.proposal_deposit,
					submitted_at: now,
					voting_ends,
					eligible: T::Membership::quorum_base(),
					call_weight,
					thresholds: rules.of(track),
					status: ProposalStatus::Voting,
				},
			);
			ProposalCount::<T>::put(next);
			Self::deposit_event(Event::Submitted { id, proposer, track, voting_ends });
			Ok(())
		}

		/// Counts the votes on proposal `id` once its voting period is over.
		///
		/// Origin: signed by anyone. Releases the deposit. A proposal that meets its track's
		/// quorum and approval is approved: its call is scheduled for enactment after the rules'
		/// enactment delay (in the next block on the Emergency track). Otherwise it is rejected.
		///
		/// Emits `Approved` or `Rejected`. Errors: `UnknownProposal`, `NotVoting`,
		/// `VotingNotEnded`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::close())]
		pub fn close(origin: OriginFor<T>, id: ProposalIndex) -> DispatchResult {
			ensure_signed(origin)?;
			let mut proposal = Self::voting_proposal(id)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now >= proposal.voting_ends, Error::<T>::VotingNotEnded);

			Self::release_deposit(&mut proposal)?;
			let tally = T::Tallies::tally(id);
			if proposal.thresholds.passes(&tally, proposal.eligible) {
				let enactment = match &proposal.kind {
					ProposalKind::Signal => None,
					ProposalKind::Call(_) => {
						Some(Self::schedule_enactment(id, now, proposal.track)?)
					}
				};
				proposal.status = ProposalStatus::Approved { enactment };
				Self::deposit_event(Event::Approved { id, enactment });
			} else {
				Self::forget_call(&proposal);
				proposal.status = ProposalStatus::Rejected;
				let turnout = Perbill::from_rational(tally.voters, proposal.eligible.max(1));
				Self::deposit_event(Event::Rejected {
					id,
					turnout,
					ayes: tally.ayes,
					nays: tally.nays,
				});
			}
			Proposals::<T>::insert(id, proposal);
			Ok(())
		}

		/// Withdraws proposal `id` before anyone voted on it, releasing the deposit.
		///
		/// Origin: signed by the proposer. Emits `Cancelled`.
		/// Errors: `UnknownProposal`, `NotVoting`, `NotProposer`, `HasVotes`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, id: ProposalIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut proposal = Self::voting_proposal(id)?;
			ensure!(proposal.proposer == who, Error::<T>::NotProposer);
			ensure!(T::Tallies::tally(id).voters == 0, Error::<T>::HasVotes);

			Self::release_deposit(&mut proposal)?;
			Self::forget_call(&proposal);
			proposal.status = ProposalStatus::Cancelled;
			Proposals::<T>::insert(id, proposal);
			Self::deposit_event(Event::Cancelled { id });
			Ok(())
		}

		/// Stops proposal `id` before enactment: while it is voted on, its deposit is slashed to
		/// `Slash` and it is `Killed`; once approved, its scheduled enactment is cancelled (a
		/// task the scheduler already dropped is no obstacle) and it is `Revoked`, its votes
		/// standing.
		///
		/// Origin: `KillOrigin` (the DAO origin) for a Standard proposal; root for any. When
		/// enacted by a proposal, only a proposal submitted before that one.
		///
		/// Emits `Killed`. Errors: `UnknownProposal`, `NotKillable`, `KillNeedsRoot`,
		/// `KillsOnlyEarlier`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::kill())]
		pub fn kill(origin: OriginFor<T>, id: ProposalIndex) -> DispatchResult {
			let by_root = ensure_root(origin.clone()).is_ok();
			if !by_root {
				T::KillOrigin::ensure_origin(origin)?;
			}
			Self::do_kill(id, by_root)
		}

		/// Replaces the governance rules; proposals already submitted keep their voting period
		/// and thresholds.
		///
		/// Origin: root, i.e. a passed Root-track proposal. Emits `RulesChanged`.
		/// Errors: `ZeroVotingPeriod`, `ZeroEnactmentDelay`, `ApprovalBelowHalf`,
		/// `RootLaxerThanStandard`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_rules())]
		pub fn set_rules(origin: OriginFor<T>, rules: RulesOf<T>) -> DispatchResult {
			ensure_root(origin)?;
			Self::validate(&rules)?;
			Rules::<T>::put(rules);
			Self::deposit_event(Event::RulesChanged { rules });
			Ok(())
		}

		/// Dispatches the call of approved proposal `id`: with the DAO origin on the Standard
		/// track, as root on the Root and Emergency tracks. The proposal is executed whatever the
		/// call's result.
		///
		/// Origin: root; scheduled by `close`. The weight declared includes the enacted call's,
		/// recorded at submission, so the scheduler reserves room for it.
		///
		/// Emits `Executed`. Errors: `UnknownProposal`, `NotApproved`, `EnactmentNotDue`.
		#[pallet::call_index(5)]
		#[pallet::weight(Pallet::<T>::enactment_weight(*id))]
		pub fn enact(origin: OriginFor<T>, id: ProposalIndex) -> DispatchResultWithPostInfo {
			ensure_root(origin)?;
			let mut proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
			let (ProposalStatus::Approved { enactment: Some(when) }, ProposalKind::Call(bounded)) =
				(&proposal.status, &proposal.kind)
			else {
				return Err(Error::<T>::NotApproved.into());
			};
			ensure!(
				frame_system::Pallet::<T>::block_number() >= *when,
				Error::<T>::EnactmentNotDue
			);

			let (result, call_weight) = match T::Preimages::realize::<CallOf<T>>(bounded) {
				Ok((call, _)) => {
					let info = call.get_dispatch_info();
					let origin: OriginFor<T> = match proposal.track {
						Track::Standard => Origin::Dao.into(),
						Track::Root | Track::Emergency => frame_system::RawOrigin::Root.into(),
					};
					// A Root call may itself enact another proposal: restore the outer one after.
					let outer = Enacting::<T>::take();
					Enacting::<T>::put(id);
					let outcome = call.dispatch(origin);
					Enacting::<T>::set(outer);
					let weight = extract_actual_weight(&outcome, &info);
					(outcome.map(|_| ()).map_err(|e| e.error), weight)
				}
				Err(error) => {
					T::Preimages::drop(bounded);
					(Err(error), Weight::zero())
				}
			};
			let own_weight = T::WeightInfo::enact(Self::preimage_len(&proposal.kind));
			proposal.status = ProposalStatus::Executed;
			Proposals::<T>::insert(id, proposal);
			Self::deposit_event(Event::Executed { id, result });
			Ok(Some(own_weight.saturating_add(call_weight)).into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Checks rules before they take effect.
		pub fn validate(rules: &RulesOf<T>) -> Result<(), Error<T>> {
			ensure!(!rules.voting_period.is_zero(), Error::<T>::ZeroVotingPeriod);
			ensure!(
				rules.voting_period <= T::MaxVotingPeriod::get(),
				Error::<T>::VotingPeriodTooLong
			);
			ensure!(!rules.enactment_delay.is_zero(), Error::<T>::ZeroEnactmentDelay);
			ensure!(
				rules.enactment_delay <= T::MaxEnactmentDelay::get(),
				Error::<T>::EnactmentDelayTooLong
			);
			ensure!(
				rules.proposal_deposit <= T::MaxProposalDeposit::get(),
				Error::<T>::DepositTooHigh
			);
			let half = Perbill::from_percent(50);
			ensure!(
				rules.standard.approval >= half && rules.root.approval >= half,
				Error::<T>::ApprovalBelowHalf
			);
			ensure!(
				rules.standard.approval < Perbill::one() && rules.root.approval < Perbill::one(),
				Error::<T>::ApprovalUnreachable
			);
			ensure!(
				rules.root.quorum >= rules.standard.quorum
					&& rules.root.approval >= rules.standard.approval,
				Error::<T>::RootLaxerThanStandard
			);
			ensure!(
				rules.emergency.quorum >= rules.root.quorum
					&& rules.emergency.approval >= rules.root.approval,
				Error::<T>::EmergencyLaxerThanRoot
			);
			ensure!(rules.emergency.approval < Perbill::one(), Error::<T>::ApprovalUnreachable);
			ensure!(
				!rules.emergency_voting_period.is_zero()
					&& rules.emergency_voting_period < rules.enactment_delay,
				Error::<T>::EmergencyTooSlow
			);
			Ok(())
		}

		fn do_kill(id: ProposalIndex, by_root: bool) -> DispatchResult {
			let mut proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
			ensure!(by_root || proposal.track == Track::Standard, Error::<T>::KillNeedsRoot);
			if let Some(killer) = Enacting::<T>::get() {
				ensure!(id < killer, Error::<T>::KillsOnlyEarlier);
			}
			let (slashed, status) = match proposal.status {
				ProposalStatus::Voting => {
					let (credit, _) = <T::Currency as fungible::hold::Balanced<_>>::slash(
						&HoldReason::Proposal.into(),
						&proposal.proposer,
						proposal.deposit,
					);
					proposal.deposit = Zero::zero();
					let slashed = credit.peek();
					T::Slash::on_unbalanced(credit);
					(slashed, ProposalStatus::Killed)
				}
				ProposalStatus::Approved { enactment: Some(_) } => {
					// The scheduler may have dropped the task already (e.g. its call became
					// unavailable): there is nothing left to cancel then.
					let _ = T::Scheduler::cancel_named(Self::task_name(id));
					(Zero::zero(), ProposalStatus::Revoked)
				}
				_ => return Err(Error::<T>::NotKillable.into()),
			};
			Self::forget_call(&proposal);
			proposal.status = status;
			Proposals::<T>::insert(id, proposal);
			Self::deposit_event(Event::Killed { id, slashed });
			Ok(())
		}

		/// Whether proposal `id` can still be killed: being voted on, or awaiting enactment.
		fn is_killable(id: ProposalIndex) -> bool {
			Proposals::<T>::get(id).is_some_and(|proposal| {
				matches!(
					proposal.status,
					ProposalStatus::Voting | ProposalStatus::Approved { enactment: Some(_) }
				)
			})
		}

		/// The name of the scheduler task that enacts proposal `id`.
		pub fn task_name(id: ProposalIndex) -> [u8; 32] {
			(*b"ostrom/proposals/enact", id).blake2_256()
		}

		/// The weight `call` declares and its name, both read from the one decoding of the call
		/// at submission; fails unless it can be enacted later on `track`: inline, or noted with
		/// exactly its hash and length, decoding as a call, and on the Emergency track a kill of
		/// a killable proposal.
		fn enactable_call(
			call: &BoundedCallOf<T>,
			track: Track,
		) -> Result<(Weight, CallName), DispatchError> {
			if let Some(hash) = call.lookup_hash() {
				ensure!(T::Preimages::len(&hash) == call.lookup_len(), Error::<T>::PreimageMissing);
			}
			let (call, _) = T::Preimages::peek(call).map_err(|_| Error::<T>::UndecodableCall)?;
			if track == Track::Emergency {
				let target = match call.is_sub_type() {
					Some(Call::kill { id }) => *id,
					_ => return Err(Error::<T>::EmergencyOnlyKills.into()),
				};
				ensure!(Self::is_killable(target), Error::<T>::EmergencyOnlyKills);
			}
			Ok((call.get_dispatch_info().call_weight, call.get_call_metadata().into()))
		}

		/// The length of the preimage a proposal's call is read from; zero when it is inline.
		pub fn preimage_len(kind: &ProposalKind<BoundedCallOf<T>>) -> u32 {
			match kind {
				ProposalKind::Call(call) => call.lookup_len().unwrap_or(0),
				ProposalKind::Signal => 0,
			}
		}

		/// What enacting proposal `id` may weigh: reading its call, and the call itself.
		pub fn enactment_weight(id: ProposalIndex) -> Weight {
			Proposals::<T>::get(id).map_or(T::WeightInfo::enact(0), |proposal| {
				T::WeightInfo::enact(Self::preimage_len(&proposal.kind))
					.saturating_add(proposal.call_weight)
			})
		}

		/// Proposal `id`, if it is being voted on.
		fn voting_proposal(id: ProposalIndex) -> Result<ProposalOf<T>, DispatchError> {
			let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
			ensure!(proposal.status == ProposalStatus::Voting, Error::<T>::NotVoting);
			Ok(proposal)
		}

		/// Schedules `enact(id)` as root after the enactment delay (the next block on the
		/// Emergency track); returns its block.
		fn schedule_enactment(
			id: ProposalIndex,
			now: BlockNumberFor<T>,
			track: Track,
		) -> Result<BlockNumberFor<T>, DispatchError> {
			let delay = match track {
				Track::Standard | Track::Root => Rules::<T>::get().enactment_delay,
				Track::Emergency => One::one(),
			};
			let when = now.saturating_add(delay);
			let enact = T::Preimages::bound(CallOf::<T>::from(Call::enact { id }))?;
			T::Scheduler::schedule_named(
				Self::task_name(id),
				DispatchTime::At(when),
				None,
				HARD_DEADLINE,
				frame_system::RawOrigin::Root.into(),
				enact,
			)?;
			Ok(when)
		}

		/// Lets the preimage pallet forget the call of a proposal that will not be enacted.
		fn forget_call(proposal: &ProposalOf<T>) {
			if let ProposalKind::Call(call) = &proposal.kind {
				T::Preimages::drop(call);
			}
		}

		fn release_deposit(proposal: &mut ProposalOf<T>) -> DispatchResult {
			T::Currency::release(
				&HoldReason::Proposal.into(),
				&proposal.proposer,
				proposal.deposit,
				Precision::BestEffort,
			)?;
			proposal.deposit = Zero::zero();
			Ok(())
		}

		/// The invariants, checked by `try_state` and by the tests after every step: the rules
		/// are valid; proposals are numbered below `ProposalCount`; only proposals being voted on
		/// hold a deposit, and each proposer has exactly their deposits held; an approved call
		/// waiting for enactment has its task scheduled, and only calls are enacted; every call,
		/// and nothing else, has its name recorded.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;

			Self::validate(&Rules::<T>::get()).map_err(|_| "the rules in force are invalid")?;
			ensure!(Enacting::<T>::get().is_none(), "Enacting is set outside an enactment");
			let count = ProposalCount::<T>::get();
			let mut held = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
			for (id, proposal) in Proposals::<T>::iter() {
				ensure!(id < count, "a proposal is numbered at or above ProposalCount");
				ensure!(
					proposal.voting_ends >= proposal.submitted_at,
					"voting ends before it began"
				);
				ensure!(
					matches!(proposal.kind, ProposalKind::Call(_)) == proposal.call_name.is_some(),
					"a call without a recorded name, or a signal with one"
				);
				match proposal.status {
					ProposalStatus::Voting => {
						let total = held.entry(proposal.proposer.clone()).or_default();
						*total = total.saturating_add(proposal.deposit);
					}
					ProposalStatus::Approved { enactment: Some(_) } => {
						ensure!(
							matches!(proposal.kind, ProposalKind::Call(_)),
							"a signal awaits enactment"
						);
						ensure!(
							T::Scheduler::next_dispatch_time(Self::task_name(id)).is_ok(),
							"an approved call has no scheduled enactment"
						);
					}
					ProposalStatus::Approved { enactment: None } => ensure!(
						matches!(proposal.kind, ProposalKind::Signal),
						"an approved call was not scheduled"
					),
					ProposalStatus::Executed => ensure!(
						matches!(proposal.kind, ProposalKind::Call(_)),
						"a signal was executed"
					),
					ProposalStatus::Rejected
					| ProposalStatus::Cancelled
					| ProposalStatus::Killed
					| ProposalStatus::Revoked => {}
				}
				if proposal.status != ProposalStatus::Voting {
					ensure!(proposal.deposit.is_zero(), "an ended proposal still holds a deposit");
				}
			}
			for (proposer, deposits) in held {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::Proposal.into(), &proposer)
						== deposits,
					"a proposer's held deposit differs from their proposals'"
				);
			}
			Ok(())
		}
	}
}
