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
//! while [`ostrom_primitives::Polls`] says it is open. Each vote tells the membership that its
//! voter is active, so that the quorum base counts them. A vote whose voter is no longer an
//! active member (removed, or suspended) stops counting once anyone reaps it with
//! [`remove_other_vote`](Pallet::remove_other_vote), free of fees. Voting again replaces the earlier vote; credits
//! of a replaced or removed vote come back only if that vote was cast in the current epoch
//! (credits of a past epoch are gone). So within one epoch a member never spends more than
//! `CreditsPerEpoch`, whatever they do.
//!
//! Each proposal's [`Tally`] is kept as votes come and go: voting is O(1), and closing a
//! proposal reads the tally (through [`ostrom_primitives::Tallies`]) without visiting voters.
//!
//! ## Dispatchable functions
//!
//! - [`vote`](Pallet::vote) — signed, an eligible active member: casts or replaces a vote.
//! - [`remove_vote`](Pallet::remove_vote) — signed, a voter: withdraws a vote while voting is
//!   open.
//! - [`remove_other_vote`](Pallet::remove_other_vote) — signed, anyone: reaps the vote of a
//!   voter who is no longer an active member from a proposal still open.
//!
//! ## Configuration
//!
//! `Membership` tells who may vote and since when; `Polls` tells which proposals are open;
//! `CreditsPerEpoch` and `EpochLength` (non-zero) set the budget.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use ostrom_primitives::Tally;
pub use types::{EpochIndex, SpentCredits, VoteRecord};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::{Credits, MembershipInspect, PollState, Polls, ProposalIndex, Tallies};
	use sp_runtime::traits::{SaturatedConversion, Zero};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is a member, and since when.
		type Membership: MembershipInspect<Self::AccountId, BlockNumberFor<Self>>;

		/// Which proposals are open to votes.
		type Polls: Polls<BlockNumberFor<Self>>;

		/// The voice credits every member has in each epoch.
		#[pallet::constant]
		type CreditsPerEpoch: Get<Credits>;

		/// The length of an epoch in blocks; not zero.
		#[pallet::constant]
		type EpochLength: Get<BlockNumberFor<Self>>;

		type WeightInfo: WeightInfo;
	}

	/// Each member's vote on each proposal.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProposalIndex,
		Blake2_128Concat,
		T::AccountId,
		VoteRecord,
	>;

	/// The sums of the votes on each proposal.
	#[pallet::storage]
	pub type TallyOf<T: Config> = StorageMap<_, Blake2_128Concat, ProposalIndex, Tally, ValueQuery>;

	/// The credits each member spent in the last epoch they voted in.
	#[pallet::storage]
	pub type Spent<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, SpentCredits>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` cast `votes` votes for (`aye`) or against `proposal`, costing `cost` credits.
		Voted { who: T::AccountId, proposal: ProposalIndex, aye: bool, votes: u32, cost: Credits },
		/// `who` withdrew their vote on `proposal`.
		VoteRemoved { who: T::AccountId, proposal: ProposalIndex },
		/// `by` removed the vote of `who`, no longer an active member, from `proposal`.
		VoteReaped { who: T::AccountId, proposal: ProposalIndex, by: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a member.
		NotMember,
		/// The member is suspended and may not vote now.
		Suspended,
		/// The member joined after the proposal was submitted, so has no vote on it.
		NotEligible,
		/// No proposal has this number.
		UnknownProposal,
		/// The proposal no longer accepts votes.
		VotingClosed,
		/// A vote needs at least one vote.
		ZeroVotes,
		/// The vote costs more voice credits than the member has left in this epoch.
		NotEnoughCredits,
		/// The account has no vote on this proposal.
		NoVote,
		/// The member is on probation and may not vote yet.
		InProbation,
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
		/// submitted. The credits of a replaced vote cast in this epoch are given back first. The
		/// voter counts in the membership's quorum base from now on.
		///
		/// Emits `Voted`. Errors: `ZeroVotes`, `NotMember`, `Suspended`, `InProbation`,
		/// `UnknownProposal`, `VotingClosed`, `NotEligible`, `NotEnoughCredits`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(
			origin: OriginFor<T>,
			proposal: ProposalIndex,
			aye: bool,
			votes: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(votes > 0, Error::<T>::ZeroVotes);
			let settled = T::Membership::settled_since(&who).ok_or(Error::<T>::NotMember)?;
			ensure!(T::Membership::is_active_member(&who), Error::<T>::Suspended);
			ensure!(settled <= frame_system::Pallet::<T>::block_number(), Error::<T>::InProbation);
			let submitted_at = Self::ensure_open(proposal)?;
			ensure!(settled < submitted_at, Error::<T>::NotEligible);

			let cost = Credits::from(votes).saturating_mul(Credits::from(votes));
			let epoch = Self::current_epoch();
			let earlier = Votes::<T>::get(proposal, &who);
			let spent = Self::spent_in(&who, epoch)
				.saturating_sub(earlier.map_or(0, |vote| vote.cost_in(epoch)))
				.checked_add(cost)
				.filter(|spent| *spent <= T::CreditsPerEpoch::get())
				.ok_or(Error::<T>::NotEnoughCredits)?;

			let vote = VoteRecord { aye, votes, cost, epoch };
			TallyOf::<T>::mutate(proposal, |tally| {
				match earlier {
					Some(earlier) => earlier.take_from(tally),
					None => tally.voters = tally.voters.saturating_add(1),
				}
				vote.add_to(tally);
			});
			Votes::<T>::insert(proposal, &who, vote);
			Spent::<T>::insert(&who, SpentCredits { epoch, credits: spent });
			T::Membership::note_vote(&who);
			Self::deposit_event(Event::Voted { who, proposal, aye, votes, cost });
			Ok(())
		}

		/// Withdraws the caller's vote on `proposal` while it is open to votes, or after it was
		/// withdrawn (killed) undecided; its credits come back if it was cast in this epoch.
		///
		/// Origin: signed by an account with a vote on `proposal`. Emits `VoteRemoved`.
		/// Errors: `UnknownProposal`, `VotingClosed`, `NoVote`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_vote())]
		pub fn remove_vote(origin: OriginFor<T>, proposal: ProposalIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			match T::Polls::poll_state(proposal) {
				PollState::Open { .. } | PollState::Withdrawn => {}
				PollState::Closed => return Err(Error::<T>::VotingClosed.into()),
				PollState::Unknown => return Err(Error::<T>::UnknownProposal.into()),
			}
			Self::take_vote(&who, proposal)?;
			Self::deposit_event(Event::VoteRemoved { who, proposal });
			Ok(())
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
			proposal: ProposalIndex,
		) -> DispatchResultWithPostInfo {
			let by = ensure_signed(origin)?;
			ensure!(!T::Membership::is_active_member(&voter), Error::<T>::VoterStillActive);
			Self::ensure_open(proposal)?;
			Self::take_vote(&voter, proposal)?;
			Self::deposit_event(Event::VoteReaped { who: voter, proposal, by });
			Ok(Pays::No.into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Takes the vote of `who` on `proposal` out of storage and its tally; gives back its
		/// credits if it was cast in this epoch.
		fn take_vote(who: &T::AccountId, proposal: ProposalIndex) -> DispatchResult {
			let vote = Votes::<T>::take(proposal, who).ok_or(Error::<T>::NoVote)?;
			TallyOf::<T>::mutate(proposal, |tally| {
				vote.take_from(tally);
				tally.voters = tally.voters.saturating_sub(1);
			});
			let epoch = Self::current_epoch();
			let refund = vote.cost_in(epoch);
			if refund > 0 {
				let credits = Self::spent_in(who, epoch).saturating_sub(refund);
				Spent::<T>::insert(who, SpentCredits { epoch, credits });
			}
			Ok(())
		}

		/// The epoch the current block belongs to.
		pub fn current_epoch() -> EpochIndex {
			let now = frame_system::Pallet::<T>::block_number();
			(now / T::EpochLength::get()).saturated_into()
		}

		/// The credits `who` has spent in `epoch`.
		pub fn spent_in(who: &T::AccountId, epoch: EpochIndex) -> Credits {
			Spent::<T>::get(who)
				.filter(|spent| spent.epoch == epoch)
				.map_or(0, |spent| spent.credits)
		}

		/// The credits `who` may still spend in the current epoch.
		pub fn credits_left(who: &T::AccountId) -> Credits {
			T::CreditsPerEpoch::get().saturating_sub(Self::spent_in(who, Self::current_epoch()))
		}

		/// Fails unless `proposal` accepts votes; returns the block it was submitted in.
		fn ensure_open(proposal: ProposalIndex) -> Result<BlockNumberFor<T>, Error<T>> {
			match T::Polls::poll_state(proposal) {
				PollState::Open { submitted_at } => Ok(submitted_at),
				PollState::Closed | PollState::Withdrawn => Err(Error::<T>::VotingClosed),
				PollState::Unknown => Err(Error::<T>::UnknownProposal),
			}
		}

		/// The invariants, checked by `try_state` and by the tests after every step: each tally
		/// is the sum of the stored votes on its proposal, and what each member spent in the
		/// current epoch is the cost of their votes cast in it and at most `CreditsPerEpoch`.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;

			let epoch = Self::current_epoch();
			let mut tallies = BTreeMap::<ProposalIndex, Tally>::new();
			let mut spent_now = BTreeMap::<T::AccountId, Credits>::new();
			for (proposal, who, vote) in Votes::<T>::iter() {
				let tally = tallies.entry(proposal).or_default();
				vote.add_to(tally);
				tally.voters = tally.voters.saturating_add(1);
				*spent_now.entry(who).or_default() += vote.cost_in(epoch);
			}
			for (proposal, tally) in TallyOf::<T>::iter() {
				ensure!(
					tallies.remove(&proposal).unwrap_or_default() == tally,
					"a tally differs from the sum of its votes"
				);
			}
			ensure!(
				tallies.values().all(|tally| *tally == Tally::default()),
				"votes are stored for a proposal without a tally"
			);
			for (who, spent) in Spent::<T>::iter() {
				let recorded = if spent.epoch == epoch { spent.credits } else { 0 };
				ensure!(
					spent_now.remove(&who).unwrap_or_default() == recorded,
					"credits spent this epoch differ from the cost of this epoch's votes"
				);
				ensure!(
					recorded <= T::CreditsPerEpoch::get(),
					"a member spent more than CreditsPerEpoch in this epoch"
				);
			}
			ensure!(
				spent_now.values().all(|credits| *credits == 0),
				"votes of this epoch were not charged"
			);
			Ok(())
		}
	}

	impl<T: Config> Tallies for Pallet<T> {
		fn tally(proposal: ProposalIndex) -> Tally {
			TallyOf::<T>::get(proposal)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn set_tally_for_benchmarks(proposal: ProposalIndex, tally: Tally) {
			TallyOf::<T>::insert(proposal, tally);
		}
	}
}
