//! The proposals in each status, as [`ProposalsByStatus`] indexes them: an entry is written at
//! submission and moved at every change of status, and views read the index a page at a time,
//! so that listing the proposals in one status never looks at the others.

use crate::{
	Config, Pallet, Proposal, ProposalStatus, ProposalStatusName, ProposalsByStatus,
	SortedProposalId,
};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::ProposalId;

impl<T: Config> Pallet<T> {
	/// Indexes the new proposal `id` under `Voting`, the status every proposal starts in.
	pub(crate) fn index_submitted(id: ProposalId) {
		ProposalsByStatus::<T>::insert(ProposalStatusName::Voting, SortedProposalId::from(id), ());
	}

	/// Gives `proposal`, numbered `id`, the status `status`, and moves its index entry from its
	/// old status to the new one. Every change of a stored proposal's status goes through here.
	pub(crate) fn set_status(
		id: ProposalId,
		proposal: &mut Proposal<T>,
		status: ProposalStatus<BlockNumberFor<T>>,
	) {
		let key = SortedProposalId::from(id);
		ProposalsByStatus::<T>::remove(proposal.status.name(), key);
		ProposalsByStatus::<T>::insert(status.name(), key, ());
		proposal.status = status;
	}

	/// One page of the ids of the proposals in `status`, in ascending order from `from` on: at
	/// most `limit` ids, and the next such id after them (the `from` of the next page), `None`
	/// when there is none. Reads at most `limit + 1` keys of the index, and no proposal.
	pub fn proposal_ids_in(
		status: ProposalStatusName,
		from: ProposalId,
		limit: u32,
	) -> (Vec<ProposalId>, Option<ProposalId>) {
		// An iteration starts after the raw key it is given, stored or not: the key of
		// `from - 1`, or for `from` zero the status's own prefix.
		let keys = match from.checked_sub(1) {
			None => ProposalsByStatus::<T>::iter_key_prefix(status),
			Some(before) => ProposalsByStatus::<T>::iter_key_prefix_from(
				status,
				ProposalsByStatus::<T>::hashed_key_for(status, SortedProposalId::from(before)),
			),
		};
		let mut ids = keys.map(ProposalId::from);
		let page = ids.by_ref().take(limit as usize).collect();
		(page, ids.next())
	}
}
