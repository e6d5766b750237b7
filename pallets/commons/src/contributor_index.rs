//! Each contributor's contributions, as [`ContributionsByContributor`] indexes them: an entry is
//! written when a contribution is recorded, and views read the index a page at a time, so that
//! listing one member's contributions never looks at anyone else's.

use crate::{Config, ContributionsByContributor, Pallet, SortedContributionId};
use alloc::vec::Vec;
use ostrom_primitives::ContributionId;

impl<T: Config> Pallet<T> {
	/// Indexes the new contribution `contribution` under `contributor`.
	pub(crate) fn index_contribution(contributor: &T::AccountId, contribution: ContributionId) {
		ContributionsByContributor::<T>::insert(
			contributor,
			SortedContributionId::from(contribution),
			(),
		);
	}

	/// One page of the ids of the contributions `contributor` recorded, in ascending order from
	/// `from` on: at most `limit` ids, and the next such id after them (the `from` of the next
	/// page), `None` when there is none. Reads at most `limit + 1` keys of the index, and no
	/// contribution.
	pub fn contribution_ids_of(
		contributor: &T::AccountId,
		from: ContributionId,
		limit: u32,
	) -> (Vec<ContributionId>, Option<ContributionId>) {
		// An iteration starts after the raw key it is given, stored or not: the key of
		// `from - 1`, or for `from` zero the contributor's own prefix.
		let keys = match from.checked_sub(1) {
			None => ContributionsByContributor::<T>::iter_key_prefix(contributor),
			Some(before) => ContributionsByContributor::<T>::iter_key_prefix_from(
				contributor,
				ContributionsByContributor::<T>::hashed_key_for(
					contributor,
					SortedContributionId::from(before),
				),
			),
		};
		let mut ids = keys.map(ContributionId::from);
		let page = ids.by_ref().take(limit as usize).collect();
		(page, ids.next())
	}
}
