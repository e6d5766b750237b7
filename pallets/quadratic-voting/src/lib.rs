//! # Quadratic voting pallet
//!
//! How members vote on proposals: `n` votes cost `n²` voice credits.
//!
//! ## Overview
//!
//! Every member has the same budget of `CreditsPerEpoch` voice credits in each epoch of
//! `EpochLength` blocks; what is not spent in an epoch is lost at its end. A member spreads the
//! budget over proposals: intensity of preference counts (more votes where it matters more), but
//! the quadratic cost makes each extra vote dearer, so no one can buy an outcome.
//!
//! Only members whose probation ended before a proposal was submitted may vote on it, and only
//! while [`ostrom_primitives::Ballots`] says it is open. Each vote tells the membership that its
//! voter is active, so that it counts among the eligible voters. A vote whose voter is no longer an
//! active member (removed, or suspended) stops counting once anyone reaps it with
//! [`remove_other_vote`](Pallet::remove_other_vote), free of fees. Voting again replaces the earlier vote; credits
//! of a replaced or removed vote come back only if that vote was cast in the current epoch
//! (credits of a past epoch are gone). So within one epoch a member never spends more than
//! `CreditsPerEpoch`, whatever they do.
//!
//! Each proposal's [`Tally`] is kept as votes come and go: voting is O(1), and closing a
//! proposal reads the tally (through [`ostrom_primitives::VoteCounts`]) without visiting voters.
//!
//! ## Dispatchable functions
//!
//! - [`vote`](Pallet::vote) — signed, an eligible active member: casts or replaces a vote.
//! - [`remove_vote`](Pallet::remove_vote) — signed, a voter: withdraws a vote while voting is
//!   open.
//! - [`remove_other_vote`](Pallet::remove_other_vote) — signed, anyone: reaps the vote of a
//!   voter who is no longer an active member from a proposal still open.
//!
//! ## Views
//!
//! The read helpers the runtime API composes live in [`views`]; the per-account ones are view
//! functions: [`vote_quote`](Pallet::vote_quote) (what a vote would cost now),
//! [`voice_credits`](Pallet::voice_credits), [`vote_of`](Pallet::vote_of) and
//! [`tally`](Pallet::tally).
//!
//! ## Configuration
//!
//! `Membership` tells who may vote and since when; `Ballots` tells which proposals are open;
//! `CreditsPerEpoch` and `EpochLength` (non-zero) set the budget.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchable_impls;
mod invariants;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod views;
mod vote_counts;
pub mod weights;

pub use types::{
	Credits, Epoch, EpochIndex, SpentCredits, Tally, VoiceCredits, VoteQuote, VoteRecord,
};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::{Ballots, MembershipMutate, ProposalId};
	use sp_runtime::traits::Zero;

	/// The layout of this pallet's storage. Version 0 is the layout of runtime 100; a change
	/// of a stored type raises it and adds a migration (see `docs/upgrades.md`).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is a member, and since when; told of every vote.
		type Membership: MembershipMutate<Self::AccountId, BlockNumberFor<Self>>;

		/// Which proposals are open to votes.
		type Ballots: Ballots<BlockNumberFor<Self>>;

		/// The voice credits every member has in each epoch.
		#[pallet::constant]
		type CreditsPerEpoch: Get<Credits>;

		/// The length of an epoch in blocks; not zero.
		#[pallet::constant]
		type EpochLength: Get<BlockNumberFor<Self>>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Each member's vote on each proposal.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProposalId,
		Blake2_128Concat,
		T::AccountId,
		VoteRecord,
	>;

	/// The sums of the votes on each proposal.
	#[pallet::storage]
	pub type TallyOf<T: Config> = StorageMap<_, Blake2_128Concat, ProposalId, Tally, ValueQuery>;

	/// The credits each member spent in the last epoch they voted in.
	#[pallet::storage]
	pub type Spent<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, SpentCredits>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` cast `votes` votes for (`aye`) or against `proposal`, costing `cost` credits.
		Voted {
			/// The voter.
			who: T::AccountId,
			/// The proposal voted on.
			proposal: ProposalId,
			/// For the proposal, or against it.
			aye: bool,
			/// How many votes.
			votes: u32,
			/// What they cost: `votes²` voice credits.
			cost: Credits,
		},
		/// `who` withdrew their vote on `proposal`.
		VoteRemoved {
			/// The voter.
			who: T::AccountId,
			/// The proposal.
			proposal: ProposalId,
		},
		/// `by` removed the vote of `who`, no longer an active member, from `proposal`.
		VoteReaped {
			/// The former voter.
			who: T::AccountId,
			/// The proposal.
			proposal: ProposalId,
			/// Who reaped the vote.
			by: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not an active member: not a member, or suspended.
		NotActiveMember,
		/// The member is on probation and may not vote yet.
		InProbation,
		/// The member's probation ended after the proposal was submitted, so they have no vote
		/// on it.
		NotEligible,
		/// No proposal has this id.
		UnknownProposal,
		/// The proposal no longer accepts votes.
		VotingClosed,
		/// A vote needs at least one vote.
		ZeroVotes,
		/// The vote costs more voice credits than the member has left in this epoch.
		NotEnoughCredits,
		/// The account has no vote on this proposal.
		NoVote,
		/// The voter is an active member: only they may withdraw their vote.
		VoterStillActive,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::EpochLength::get().is_zero(), "EpochLength must not be zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Casts `votes` votes for (`aye`) or against `proposal`, costing `votes²` voice credits;
		/// replaces the caller's earlier vote on it.
		///
		/// Origin: signed by an active member whose probation ended before the proposal was
		/// submitted. The credits of a replaced vote cast in this epoch are given back first (see
		/// [`vote_quote`](Pallet::vote_quote)). The voter counts among the membership's eligible
		/// voters from now on.
		///
		/// Weighed as a member's first vote in an epoch, which counts them among the eligible
		/// voters; a later vote in the same epoch writes less and is refunded the difference.
		///
		/// Emits `Voted`. Errors: `ZeroVotes`, `NotActiveMember`, `InProbation`,
		/// `UnknownProposal`, `VotingClosed`, `NotEligible`, `NotEnoughCredits`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(
			origin: OriginFor<T>,
			proposal: ProposalId,
			aye: bool,
			votes: u32,
		) -> DispatchResultWithPostInfo {
			Self::do_vote(ensure_signed(origin)?, proposal, aye, votes)
		}

		/// Withdraws the caller's vote on `proposal` while it is open to votes, or after it was
		/// withdrawn (killed or cancelled) undecided; its credits come back if it was cast in
		/// this epoch.
		///
		/// Origin: signed by an account with a vote on `proposal`. Emits `VoteRemoved`.
		/// Errors: `UnknownProposal`, `VotingClosed`, `NoVote`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_vote())]
		pub fn remove_vote(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResult {
			Self::do_remove_vote(ensure_signed(origin)?, proposal)
		}

		/// Removes the vote of `voter` on `proposal`, still open to votes, because `voter` is no
		/// longer an active member (removed, or suspended): their vote stops counting. Their
		/// credits of this epoch come back to their record, as if they had withdrawn it.
		///
		/// Origin: signed by anyone; no fee when it succeeds. Emits `VoteReaped`.
		/// Errors: `VoterStillActive`, `UnknownProposal`, `VotingClosed`, `NoVote`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_other_vote())]
		pub fn remove_other_vote(
			origin: OriginFor<T>,
			voter: T::AccountId,
			proposal: ProposalId,
		) -> DispatchResultWithPostInfo {
			Self::do_remove_other_vote(ensure_signed(origin)?, voter, proposal)
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// What a vote of `votes` votes by `who` on `proposal` would cost now: its cost, what
		/// replacing their earlier vote gives back, the credits they have left, and whether the
		/// budget pays for it. The `vote` call charges exactly this.
		pub fn vote_quote(who: T::AccountId, proposal: ProposalId, votes: u32) -> VoteQuote {
			Self::quote(&who, proposal, votes)
		}

		/// The voice credits of `who` in the current epoch: spent, left, and when the budget is
		/// whole again. Anyone has a budget; only active members may spend it.
		pub fn voice_credits(who: T::AccountId) -> VoiceCredits<BlockNumberFor<T>> {
			Self::credits_of(&who)
		}

		/// The vote of `who` on `proposal`, if any.
		pub fn vote_of(who: T::AccountId, proposal: ProposalId) -> Option<VoteRecord> {
			Votes::<T>::get(proposal, who)
		}

		/// The running totals of the votes on `proposal`; all zero when no one voted.
		pub fn tally(proposal: ProposalId) -> Tally {
			TallyOf::<T>::get(proposal)
		}
	}
}
