//! The reads the runtime API and clients use: epochs, credits, what a vote costs, tallies, the
//! votes on a proposal a page at a time. Every rule about them is computed here once.

use crate::{
	Config, Credits, Epoch, EpochIndex, Pallet, Spent, VoiceCredits, VoteQuote, VoteRecord, Votes,
};
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::ProposalId;
use sp_runtime::traits::{One, SaturatedConversion, Saturating};

/// A page of the votes on a proposal: each voter with their vote, and the voter the next page
/// starts at.
pub type VotesPage<AccountId> = (Vec<(AccountId, VoteRecord)>, Option<AccountId>);

impl<T: Config> Pallet<T> {
	/// The epoch the current block belongs to, with its first block and the next epoch's.
	pub fn current_epoch() -> Epoch<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		// `integrity_test` checks that the length is not zero; `max` keeps a view from panicking
		// all the same.
		let length = T::EpochLength::get().max(One::one());
		let number = now / length;
		let starts_at = number.saturating_mul(length);
		Epoch {
			index: number.saturated_into(),
			starts_at,
			next_starts_at: starts_at.saturating_add(length),
		}
	}

	/// The credits `who` has spent in `epoch`.
	pub fn spent_in(who: &T::AccountId, epoch: EpochIndex) -> Credits {
		Spent::<T>::get(who).filter(|spent| spent.epoch == epoch).map_or(0, |spent| spent.credits)
	}

	/// The credits `who` may still spend in the current epoch.
	pub fn credits_left(who: &T::AccountId) -> Credits {
		Self::credits_of(who).left
	}

	/// The voice credits of `who` in the current epoch.
	pub fn credits_of(who: &T::AccountId) -> VoiceCredits<BlockNumberFor<T>> {
		let epoch = Self::current_epoch();
		let per_epoch = T::CreditsPerEpoch::get();
		let spent = Self::spent_in(who, epoch.index);
		VoiceCredits { epoch, per_epoch, spent, left: per_epoch.saturating_sub(spent) }
	}

	/// What a vote of `votes` votes by `who` on `proposal` would cost now.
	pub fn quote(who: &T::AccountId, proposal: ProposalId, votes: u32) -> VoteQuote {
		let cost = Credits::from(votes).saturating_mul(Credits::from(votes));
		let epoch = Self::current_epoch().index;
		let refund = Votes::<T>::get(proposal, who).map_or(0, |earlier| earlier.cost_in(epoch));
		let per_epoch = T::CreditsPerEpoch::get();
		let spent = Self::spent_in(who, epoch);
		let spent_after = spent.saturating_sub(refund).checked_add(cost);
		VoteQuote {
			cost,
			refund,
			credits_left: per_epoch.saturating_sub(spent),
			affordable: spent_after.is_some_and(|spent| spent <= per_epoch),
		}
	}

	/// One page of the votes still stored on `proposal`, in the order `Votes` stores them (by
	/// the hash of the voter): at most `limit` votes from voter `from` on (`from` included if
	/// they have a vote; `None` for the first), and the voter after them (the `from` of the next
	/// page), `None` when there is none. Reads at most `limit + 1` votes.
	pub fn votes_on(
		proposal: ProposalId,
		from: Option<&T::AccountId>,
		limit: u32,
	) -> VotesPage<T::AccountId> {
		let (first, rest) = match from {
			None => (None, Votes::<T>::iter_prefix(proposal)),
			// An iteration starts after the raw key it is given, stored or not.
			Some(from) => (
				Votes::<T>::get(proposal, from).map(|vote| (from.clone(), vote)),
				Votes::<T>::iter_prefix_from(proposal, Votes::<T>::hashed_key_for(proposal, from)),
			),
		};
		let mut votes = first.into_iter().chain(rest);
		let page = votes.by_ref().take(limit as usize).collect();
		(page, votes.next().map(|(voter, _)| voter))
	}
}
