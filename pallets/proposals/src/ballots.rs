//! How the voting pallet sees proposals: through [`Ballots`].

use crate::{Config, Pallet, ProposalStatus, Proposals};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::{BallotState, Ballots, ProposalId};

impl<T: Config> Ballots<BlockNumberFor<T>> for Pallet<T> {
	fn ballot_state(proposal: ProposalId) -> BallotState<BlockNumberFor<T>> {
		let Some(proposal) = Proposals::<T>::get(proposal) else {
			return BallotState::Unknown;
		};
		let now = frame_system::Pallet::<T>::block_number();
		match proposal.status {
			ProposalStatus::Voting if now < proposal.voting_ends => {
				BallotState::Open { submitted_at: proposal.submitted_at }
			}
			// Killed while being voted on: undecided. A revoked proposal was decided.
			ProposalStatus::Killed | ProposalStatus::Cancelled => BallotState::Withdrawn,
			_ => BallotState::Closed,
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn open_ballot_for_benchmarks() -> ProposalId {
		crate::benchmarking::open_signal::<T>()
	}
}
