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
//! [`ostrom_primitives::VoteCounts`]; this pallet tells the voting pallet which proposals are
//! open through [`ostrom_primitives::Ballots`], from the small [`Ballot`] it keeps of each
//! proposal being voted on, so that a vote does not read the whole proposal.
//!
//! After the voting period anyone may `close` a proposal. It passes when the turnout (voters
//! among the eligible voters counted at submission) reaches the track's quorum and the ayes
//! exceed the track's approval share of ayes and nays. A passed call is scheduled with pallet-scheduler
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
//! - [`enact`](Pallet::enact) — root, scheduled at approval: dispatches the approved call; its
//!   weight comes from the witnesses it is scheduled with, checked against the proposal.
//!
//! ## Views
//!
//! [`views`] computes a proposal's summary (status and kind by name, enactment, and how its
//! votes stand: turnout, approval, passing) once for `close` and for the runtime API; the view
//! functions [`proposal_summary`](Pallet::proposal_summary) and
//! [`vote_standing`](Pallet::vote_standing) serve it to clients.
//! [`proposal_ids_in`](Pallet::proposal_ids_in) pages the ids of the proposals in one status
//! from [`ProposalsByStatus`], an index kept in step with every change of status.
//! [`dry_run_enactment`](Pallet::dry_run_enactment) tells the runtime API what a call would
//! return if a proposal on a track enacted it now, and keeps nothing it changes: clients refuse
//! a proposal that can only fail before it is signed.
//!
//! ## Configuration
//!
//! `Scheduler` and `Preimages` enact calls; `Currency` holds deposits and `Slash` takes slashed
//! ones; `Membership` says who may propose and how many may vote; `VoteCounts` reports the
//! votes.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;

mod ballots;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchable_impls;
mod dry_run;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod origin;
mod rules;
mod status_index;
#[cfg(test)]
mod tests;
pub mod types;
pub mod views;
pub mod weights;

pub use origin::EnsureDao;
pub use types::{
	Ballot, CallName, GovernanceRules, Proposal, ProposalKind, ProposalKindName, ProposalStatus,
	ProposalStatusName, SortedProposalId, Track, TrackRules, MAX_CALL_NAME_LEN,
};
pub use views::{ProposalSummary, VoteStanding};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{
			fungible::{self, Inspect, MutateHold},
			schedule::v3::Named as ScheduleNamed,
			Bounded, GetCallMetadata, IsSubType, OnUnbalanced, OriginTrait, QueryPreimage,
			StorePreimage,
		},
	};
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::{MembershipInspect, ProposalId, VoteCounts};
	use sp_runtime::{traits::Dispatchable, Perbill};

	/// The balance of the deposit currency.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// Funds taken from an account, e.g. a slashed deposit.
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
	/// The calls proposals enact.
	pub type CallOf<T> = <T as Config>::RuntimeCall;
	/// A call inline or through a preimage.
	pub type BoundedCallOf<T> = Bounded<CallOf<T>, <T as frame_system::Config>::Hashing>;
	/// The origins the scheduler dispatches with.
	pub type PalletsOriginOf<T> =
		<<T as frame_system::Config>::RuntimeOrigin as OriginTrait>::PalletsOrigin;
	/// The governance rules of this runtime.
	pub type RulesOf<T> = GovernanceRules<BlockNumberFor<T>, BalanceOf<T>>;

	/// The layout of this pallet's storage; see `migrations` for the changes between versions.
	/// Version 0 is the layout of runtime 100; version 1 records each proposal's
	/// `spec_version`; version 2 keeps a [`Ballot`] of each proposal being voted on; version 3
	/// indexes every proposal under its status in [`ProposalsByStatus`].
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
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

		/// Who may propose, and how many members are eligible voters.
		type Membership: MembershipInspect<Self::AccountId, BlockNumberFor<Self>>;

		/// How the votes on each proposal stand.
		type VoteCounts: VoteCounts;

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

		/// The weights of this pallet's calls.
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

	/// Every proposal, by id.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Blake2_128Concat, ProposalId, Proposal<T>>;

	/// What a vote reads of each proposal being voted on, by id: there exactly while the
	/// proposal's status is `Voting`, so that a vote reads a few bytes instead of the proposal.
	#[pallet::storage]
	pub type Ballots<T: Config> = StorageMap<_, Blake2_128Concat, ProposalId, Ballot<T>>;

	/// The id of every proposal under its status's name, as keys without values: one entry per
	/// proposal, moved at each change of its status, so that a list of the proposals in one
	/// status reads those and no others.
	///
	/// Both keys are stored unhashed (`Identity`), so that one status's ids iterate in
	/// ascending order from any id on: the status is one byte, the id a big-endian
	/// [`SortedProposalId`]. Neither is chosen by users (seven statuses; ids given in sequence),
	/// so they cannot crowd a branch of the trie. An entry is 37 bytes of key and no value,
	/// less than the key of the proposal's own record: the deposit and fee that admit a proposal
	/// cover it, and a change of status moves it rather than adding one.
	#[pallet::storage]
	pub type ProposalsByStatus<T: Config> =
		StorageDoubleMap<_, Identity, ProposalStatusName, Identity, SortedProposalId, ()>;

	/// The id of the next proposal.
	#[pallet::storage]
	pub type NextProposalId<T: Config> = StorageValue<_, ProposalId, ValueQuery>;

	/// The proposal whose call is being dispatched, only while `enact` runs: a kill it enacts
	/// reaches only earlier proposals.
	#[pallet::storage]
	pub type Enacting<T: Config> = StorageValue<_, ProposalId, OptionQuery>;

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
			/// The new proposal.
			id: ProposalId,
			/// Who submitted it.
			proposer: T::AccountId,
			/// Its track.
			track: Track,
			/// Votes are accepted before this block.
			voting_ends: BlockNumberFor<T>,
		},
		/// The proposer withdrew proposal `id`.
		Cancelled {
			/// The proposal.
			id: ProposalId,
		},
		/// The DAO stopped proposal `id`; `slashed` of its deposit was taken. Its status is
		/// `Killed` if it was being voted on, `Revoked` if it was approved.
		Killed {
			/// The proposal.
			id: ProposalId,
			/// What was taken of its deposit.
			slashed: BalanceOf<T>,
		},
		/// Proposal `id` passed; its call is enacted in block `enactment` (none for a signal).
		Approved {
			/// The proposal.
			id: ProposalId,
			/// The block its call is enacted in; `None` for a signal.
			enactment: Option<BlockNumberFor<T>>,
		},
		/// Proposal `id` failed: `turnout` of the eligible voters voted, `ayes` share approving.
		Rejected {
			/// The proposal.
			id: ProposalId,
			/// The share of eligible voters who voted.
			turnout: Perbill,
			/// The share of ayes among ayes and nays.
			approval: Perbill,
		},
		/// The call of proposal `id` was dispatched, with `result`; or it was not, and `result`
		/// is `CallChanged`, because an upgrade since its submission changed what it decodes to.
		Executed {
			/// The proposal.
			id: ProposalId,
			/// What the call returned, or why it was not dispatched.
			result: DispatchResult,
		},
		/// The governance rules are now `rules`.
		RulesChanged {
			/// The rules in force.
			rules: RulesOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not an active member: not a member, or suspended.
		NotActiveMember,
		/// The proposal deposit cannot be held: the balance is too low.
		InsufficientBalance,
		/// No preimage of this hash and length has been noted: note it with the preimage pallet
		/// first.
		PreimageMissing,
		/// The call (inline or noted) does not decode as a call of this runtime.
		UndecodableCall,
		/// No proposal ids are left.
		IdsExhausted,
		/// No proposal has this id.
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
		/// The call weight or preimage length given to `enact` is below the proposal's: the
		/// enactment would weigh more than it declared.
		WitnessTooLow,
		/// The runtime was upgraded after the proposal was submitted, and its call now decodes
		/// to another pallet's or function's call than the one voted on: it is not dispatched.
		CallChanged,
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
		/// on or awaiting enactment. The turnout's base is the membership's count of eligible
		/// voters now.
		///
		/// Emits `Submitted`. Errors: `NotActiveMember`, `PreimageMissing`, `UndecodableCall`,
		/// `EmergencyOnlyKills`, `CallTooHeavy`, `IdsExhausted`, `InsufficientBalance`.
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
			Self::do_submit(ensure_signed(origin)?, track, kind, metadata)
		}

		/// Counts the votes on proposal `id` once its voting period is over.
		///
		/// Origin: signed by anyone. Releases the deposit. A proposal that meets its track's
		/// quorum and approval is approved: its call is scheduled for enactment after the rules'
		/// enactment delay (in the next block on the Emergency track). Otherwise it is rejected
		/// and its preimage released.
		///
		/// Emits `Approved` or `Rejected`. Errors: `UnknownProposal`, `NotVoting`,
		/// `VotingNotEnded`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::close())]
		pub fn close(origin: OriginFor<T>, id: ProposalId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close(id)
		}

		/// Withdraws proposal `id` before anyone voted on it, releasing the deposit and the
		/// preimage.
		///
		/// Origin: signed by the proposer. Emits `Cancelled`.
		/// Errors: `UnknownProposal`, `NotVoting`, `NotProposer`, `HasVotes`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, id: ProposalId) -> DispatchResult {
			Self::do_cancel(ensure_signed(origin)?, id)
		}

		/// Stops proposal `id` before enactment: while it is voted on, its deposit is slashed to
		/// `Slash` and it is `Killed`; once approved, its scheduled enactment is cancelled (a
		/// task the scheduler already dropped is no obstacle) and it is `Revoked`, its votes
		/// standing.
		///
		/// Origin: `KillOrigin` (the DAO origin) for a Standard proposal; root for any. When
		/// enacted by a proposal, only a proposal submitted before that one.
		///
		/// Emits `Killed`. Errors: `BadOrigin`, `UnknownProposal`, `KillNeedsRoot`,
		/// `KillsOnlyEarlier`, `NotKillable`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::kill())]
		pub fn kill(origin: OriginFor<T>, id: ProposalId) -> DispatchResult {
			Self::do_kill(Self::ensure_kill_origin(origin)?, id)
		}

		/// Replaces the governance rules; proposals already submitted keep their voting period
		/// and thresholds.
		///
		/// Origin: root, i.e. a passed Root-track proposal. Emits `RulesChanged`.
		/// Errors: `ZeroVotingPeriod`, `VotingPeriodTooLong`, `ZeroEnactmentDelay`,
		/// `EnactmentDelayTooLong`, `DepositTooHigh`, `ApprovalBelowHalf`,
		/// `ApprovalUnreachable`, `RootLaxerThanStandard`, `EmergencyLaxerThanRoot`,
		/// `EmergencyTooSlow`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_rules())]
		pub fn set_rules(origin: OriginFor<T>, rules: RulesOf<T>) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_set_rules(rules)
		}

		/// Dispatches the call of approved proposal `id`: with the DAO origin on the Standard
		/// track, as root on the Root and Emergency tracks. The proposal is executed whatever the
		/// call's result. If the runtime has been upgraded since submission and the call now
		/// decodes to another pallet or function than the one recorded, it is not dispatched and
		/// `Executed` carries `CallChanged`.
		///
		/// Origin: root; scheduled by `close` with the proposal's call weight and preimage length
		/// as `call_weight_bound` and `preimage_len_bound`, which this call is weighed by (so the
		/// scheduler reserves room for the call) and which must be at least the proposal's. The
		/// unused weight is refunded.
		///
		/// Emits `Executed`. Errors: `UnknownProposal`, `NotApproved`, `EnactmentNotDue`,
		/// `WitnessTooLow`.
		#[pallet::call_index(5)]
		#[pallet::weight(
			T::WeightInfo::enact(*preimage_len_bound).saturating_add(*call_weight_bound)
		)]
		pub fn enact(
			origin: OriginFor<T>,
			id: ProposalId,
			call_weight_bound: Weight,
			preimage_len_bound: u32,
		) -> DispatchResultWithPostInfo {
			ensure_root(origin)?;
			Self::do_enact(id, call_weight_bound, preimage_len_bound)
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Proposal `id` summed up: its status and kind by name, its enactment block, and how its
		/// votes stand; `None` if there is no such proposal.
		pub fn proposal_summary(id: ProposalId) -> Option<ProposalSummary<T>> {
			Proposals::<T>::get(id).map(|proposal| Self::summary_of(id, proposal))
		}

		/// How the votes on proposal `id` stand against its thresholds; `None` if there is no
		/// such proposal.
		pub fn vote_standing(id: ProposalId) -> Option<VoteStanding> {
			Proposals::<T>::get(id).map(|proposal| Self::standing_of(id, &proposal))
		}
	}
}
