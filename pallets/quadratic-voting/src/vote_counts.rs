//! How the proposals pallet sees the votes: through [`VoteCounts`].

use crate::{Config, Pallet, TallyOf};
use ostrom_primitives::{approval_of, turnout_of, ProposalId, VoteCounts};
use sp_runtime::Perbill;

impl<T: Config> VoteCounts for Pallet<T> {
	fn turnout(proposal: ProposalId, eligible: u32) -> Perbill {
		turnout_of(TallyOf::<T>::get(proposal).voters, eligible)
	}

	fn approval(proposal: ProposalId) -> Perbill {
		let tally = TallyOf::<T>::get(proposal);
		approval_of(tally.ayes, tally.nays)
	}

	fn anyone_voted(proposal: ProposalId) -> bool {
		TallyOf::<T>::get(proposal).voters > 0
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_ayes_for_benchmarks(proposal: ProposalId, voters: u32) {
		let tally = crate::Tally { ayes: voters.into(), nays: 0, voters, credits: voters.into() };
		TallyOf::<T>::insert(proposal, tally);
	}
}
