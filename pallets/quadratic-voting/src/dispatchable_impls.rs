//! What the calls do.

use crate::{
	Config, Error, Event, Pallet, Spent, SpentCredits, TallyOf, VoteRecord, Votes, WeightInfo,
};
use frame_support::{dispatch::DispatchResultWithPostInfo, ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::{BallotState, Ballots, MembershipInspect, MembershipMutate, ProposalId};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_vote(
		who: T::AccountId,
		proposal: ProposalId,
		aye: bool,
		votes: u32,
	) -> DispatchResultWithPostInfo {
		ensure!(votes > 0, Error::<T>::ZeroVotes);
		ensure!(T::Membership::is_active_member(&who), Error::<T>::NotActiveMember);
		let settled = T::Membership::settled_since(&who).ok_or(Error::<T>::NotActiveMember)?;
		ensure!(settled <= frame_system::Pallet::<T>::block_number(), Error::<T>::InProbation);
		let submitted_at = Self::ensure_open(proposal)?;
		ensure!(settled < submitted_at, Error::<T>::NotEligible);

		let quote = Self::quote(&who, proposal, votes);
		ensure!(quote.affordable, Error::<T>::NotEnoughCredits);
		let epoch = Self::current_epoch().index;
		// Affordable: what was spent, less the refund, plus the cost is within the budget.
		let spent =
			Self::spent_in(&who, epoch).saturating_sub(quote.refund).saturating_add(quote.cost);

		let vote = VoteRecord { aye, votes, cost: quote.cost, epoch };
		let earlier = Votes::<T>::get(proposal, &who);
		TallyOf::<T>::mutate(proposal, |tally| {
			match earlier {
				Some(earlier) => earlier.take_from(tally),
				None => tally.voters = tally.voters.saturating_add(1),
			}
			vote.add_to(tally);
		});
		Votes::<T>::insert(proposal, &who, vote);
		Spent::<T>::insert(&who, SpentCredits { epoch, credits: spent });
		let counted_now = T::Membership::note_vote(&who);
		Self::deposit_event(Event::Voted { who, proposal, aye, votes, cost: quote.cost });
		// A voter counted by an earlier vote in this epoch: the membership wrote nothing.
		Ok((!counted_now).then(T::WeightInfo::vote_by_counted_voter).into())
	}

	pub(crate) fn do_remove_vote(who: T::AccountId, proposal: ProposalId) -> DispatchResult {
		match T::Ballots::ballot_state(proposal) {
			BallotState::Open { .. } | BallotState::Withdrawn => {}
			BallotState::Closed => return Err(Error::<T>::VotingClosed.into()),
			BallotState::Unknown => return Err(Error::<T>::UnknownProposal.into()),
		}
		Self::take_vote(&who, proposal)?;
		Self::deposit_event(Event::VoteRemoved { who, proposal });
		Ok(())
	}

	pub(crate) fn do_remove_other_vote(
		by: T::AccountId,
		voter: T::AccountId,
		proposal: ProposalId,
	) -> DispatchResultWithPostInfo {
		ensure!(!T::Membership::is_active_member(&voter), Error::<T>::VoterStillActive);
		Self::ensure_open(proposal)?;
		Self::take_vote(&voter, proposal)?;
		Self::deposit_event(Event::VoteReaped { who: voter, proposal, by });
		Ok(Pays::No.into())
	}

	/// Takes the vote of `who` on `proposal` out of storage and its tally; gives back its
	/// credits if it was cast in this epoch.
	fn take_vote(who: &T::AccountId, proposal: ProposalId) -> DispatchResult {
		let vote = Votes::<T>::take(proposal, who).ok_or(Error::<T>::NoVote)?;
		TallyOf::<T>::mutate(proposal, |tally| {
			vote.take_from(tally);
			tally.voters = tally.voters.saturating_sub(1);
		});
		let epoch = Self::current_epoch().index;
		let refund = vote.cost_in(epoch);
		if refund > 0 {
			let credits = Self::spent_in(who, epoch).saturating_sub(refund);
			Spent::<T>::insert(who, SpentCredits { epoch, credits });
		}
		Ok(())
	}

	/// Fails unless `proposal` accepts votes; returns the block it was submitted in.
	fn ensure_open(proposal: ProposalId) -> Result<BlockNumberFor<T>, Error<T>> {
		match T::Ballots::ballot_state(proposal) {
			BallotState::Open { submitted_at } => Ok(submitted_at),
			BallotState::Closed | BallotState::Withdrawn => Err(Error::<T>::VotingClosed),
			BallotState::Unknown => Err(Error::<T>::UnknownProposal),
		}
	}
}
