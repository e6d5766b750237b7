//! How the voting pallet sees proposals: through [`Polls`].

use crate::{Config, Pallet, ProposalStatus, Proposals};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::{PollState, Polls, ProposalIndex};

impl<T: Config> Polls<BlockNumberFor<T>> for Pallet<T> {
	fn poll_state(proposal: ProposalIndex) -> PollState<BlockNumberFor<T>> {
		let Some(proposal) = Proposals::<T>::get(proposal) else {
			return PollState::Unknown;
		};
		let now = frame_system::Pallet::<T>::block_number();
		match proposal.status {
			ProposalStatus::Voting if now < proposal.voting_ends => {
				PollState::Open { submitted_at: proposal.submitted_at }
			}
			// Killed while being voted on: undecided. A revoked proposal was decided.
			ProposalStatus::Killed | ProposalStatus::Cancelled => PollState::Withdrawn,
			_ => PollState::Closed,
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn open_poll_for_benchmarks() -> ProposalIndex {
		crate::benchmarking::open_signal::<T>()
	}
}
