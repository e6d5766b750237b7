//! The invariants, checked by `try_state` and by the tests after every step.

use crate::{
	ActivityWindow, Applications, Config, EpochIndex, HoldReason, MemberCount, Members, Pallet,
	ReputationEarned, Rules,
};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};

impl<T: Config> Pallet<T> {
	/// The rules are valid; the member count matches the stored members and respects the bound; no
	/// probation ends before its member joined; the activity window is ordered, counts
	/// exactly the members counted from each of its epochs, and holds the current and
	/// future epochs that members count from; an
	/// applicant is not a member, has fewer sponsors than required, all distinct, and
	/// exactly the application deposit is held from them; reputation is earned only by
	/// members, within `MaxReputationPerEpoch`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;

		let rules = Rules::<T>::get();
		Self::validate(&rules).map_err(|_| "the admission rules in force are invalid")?;
		let mut counted = BTreeMap::<EpochIndex, u32>::new();
		let mut members = 0u32;
		for (_, record) in Members::<T>::iter() {
			members += 1;
			ensure!(record.probation_ends >= record.joined_at, "a probation ends before it began");
			*counted.entry(record.counted_from).or_default() += 1;
		}
		ensure!(members == MemberCount::<T>::get(), "MemberCount differs from Members");
		ensure!(members <= T::MaxMembers::get(), "more members than MaxMembers");

		let window = ActivityWindow::<T>::get();
		ensure!(
			window.windows(2).all(|pair| pair[0].0 < pair[1].0),
			"the activity window is not ordered by epoch"
		);
		let now = Self::current_epoch();
		for (epoch, count) in &window {
			ensure!(
				counted.get(epoch).copied().unwrap_or_default() == *count,
				"the activity window miscounts the members of an epoch"
			);
		}
		// Older epochs may have been dropped under a shorter `dormant_after`.
		for (epoch, _) in counted {
			ensure!(
				epoch < now || window.iter().any(|(kept, _)| *kept == epoch),
				"the activity window misses members who count now or later"
			);
		}

		for (who, earned) in ReputationEarned::<T>::iter() {
			ensure!(Members::<T>::contains_key(&who), "a non-member earned reputation");
			ensure!(
				earned.earned <= T::MaxReputationPerEpoch::get(),
				"a member earned more reputation in an epoch than MaxReputationPerEpoch"
			);
		}

		for (applicant, application) in Applications::<T>::iter() {
			ensure!(!Members::<T>::contains_key(&applicant), "an applicant is a member");
			ensure!(
				(application.sponsors.len() as u32) < T::SponsorsRequired::get(),
				"an application has enough sponsors but is still pending"
			);
			let mut sponsors = application.sponsors.to_vec();
			sponsors.sort();
			sponsors.dedup();
			ensure!(
				sponsors.len() == application.sponsors.len(),
				"an application counts one sponsor twice"
			);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Application.into(), &applicant)
					== application.deposit,
				"an applicant's held deposit differs from the application's"
			);
		}
		Ok(())
	}
}
