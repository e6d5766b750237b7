//! What the registry shows: a commons with its stewards and contribution counts, a
//! contribution with its review, and where the list of commons ends (a contributor's
//! contributions are paged from their index, `contributor_index`). The runtime's views compose
//! these, so that they neither read the registry's storage nor re-derive its rules.

use crate::{
	Commons, CommonsRecord, Config, Contribution, Contributions, NextCommonsId, NextContributionId,
	Pallet,
};
use codec::{Decode, Encode};
use frame_support::{CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use ostrom_primitives::{CommonsId, ContributionId};
use scale_info::TypeInfo;

/// How many contributions a commons received, by where they stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct ContributionCounts {
	/// Awaiting their verdict.
	pub pending: u32,
	/// Accepted by the review.
	pub accepted: u32,
	/// Rejected by the review.
	pub rejected: u32,
}

/// A commons as the registry shows it.
#[derive(CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CommonsSummary<T: Config> {
	/// Its identifier.
	pub id: CommonsId,
	/// Its record: name, kind, licence, uri, stewards, status, registrant, deposit.
	pub record: CommonsRecord<T>,
	/// Its contributions by where they stand.
	pub contributions: ContributionCounts,
	/// How many of its stewards may act now; zero when it is frozen.
	pub acting_stewards: u32,
}

impl<T: Config> Pallet<T> {
	/// Commons `id` with its contribution counts and acting stewards; `None` if there is none.
	pub fn commons_summary(id: CommonsId) -> Option<CommonsSummary<T>> {
		let record = Commons::<T>::get(id)?;
		Some(CommonsSummary {
			id,
			contributions: ContributionCounts {
				pending: record.pending_contributions,
				accepted: record.accepted_contributions,
				rejected: record.rejected_contributions,
			},
			acting_stewards: Self::count_acting(id, &record),
			record,
		})
	}

	/// Contribution `id` with the tally of its review, if `who` made it (any contributor when
	/// `who` is `None`); `None` otherwise.
	pub fn contribution_by(
		id: ContributionId,
		who: Option<&T::AccountId>,
	) -> Option<Contribution<T>> {
		Contributions::<T>::get(id).filter(|entry| who.is_none_or(|who| &entry.contributor == who))
	}

	/// Contribution `id` if it was made to `commons`; `None` otherwise.
	pub fn contribution_to(id: ContributionId, commons: CommonsId) -> Option<Contribution<T>> {
		Contributions::<T>::get(id).filter(|entry| entry.commons == commons)
	}

	/// The end of the list of contributions: identifiers below it were given (and a
	/// contribution is never removed).
	pub fn contribution_ids_end() -> ContributionId {
		NextContributionId::<T>::get()
	}

	/// The end of the list of commons: identifiers below it were given.
	pub fn commons_ids_end() -> CommonsId {
		NextCommonsId::<T>::get()
	}
}
