//! The invariants, checked by `try_state` and by the tests after every step.

use crate::{Config, Credits, Pallet, Spent, Tally, TallyOf, Votes};
use frame_support::{ensure, traits::Get};
use ostrom_primitives::ProposalId;

impl<T: Config> Pallet<T> {
	/// Each tally is the sum of the stored votes on its proposal, and what each member spent in
	/// the current epoch is the cost of their votes cast in it and at most `CreditsPerEpoch`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;

		let epoch = Self::current_epoch().index;
		let mut tallies = BTreeMap::<ProposalId, Tally>::new();
		let mut spent_now = BTreeMap::<T::AccountId, Credits>::new();
		for (proposal, who, vote) in Votes::<T>::iter() {
			let tally = tallies.entry(proposal).or_default();
			vote.add_to(tally);
			tally.voters = tally.voters.saturating_add(1);
			let spent = spent_now.entry(who).or_default();
			*spent = spent.saturating_add(vote.cost_in(epoch));
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
