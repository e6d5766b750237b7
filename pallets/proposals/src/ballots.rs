//! How the voting pallet sees proposals: through [`ostrom_primitives::Ballots`].

use crate::{Ballots, Config, Pallet, ProposalStatus, Proposals};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::{BallotState, ProposalId};

impl<T: Config> ostrom_primitives::Ballots<BlockNumberFor<T>> for Pallet<T> {
	/// Reads the proposal's [`Ballot`](crate::Ballot), a few bytes, while it is voted on; the
	/// whole proposal only when there is no ballot, to tell why the vote fails.
	fn ballot_state(proposal: ProposalId) -> BallotState<BlockNumberFor<T>> {
		if let Some(ballot) = Ballots::<T>::get(proposal) {
			let now = frame_system::Pallet::<T>::block_number();
			return if now < ballot.voting_ends {
				BallotState::Open { submitted_at: ballot.submitted_at }
			} else {
				// Over, waiting for `close`.
				BallotState::Closed
			};
		}
		match Proposals::<T>::get(proposal).map(|proposal| proposal.status) {
			None => BallotState::Unknown,
			// Killed while being voted on: undecided. A revoked proposal was decided.
			Some(ProposalStatus::Killed | ProposalStatus::Cancelled) => BallotState::Withdrawn,
			Some(_) => BallotState::Closed,
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn open_ballot_for_benchmarks() -> ProposalId {
		crate::benchmarking::open_signal::<T>()
	}
}
