//! The eligible voters: how many members past probation voted in the last `dormant_after` epochs,
//! kept per epoch in [`ActivityWindow`] so that reading it costs one storage read.

use crate::{ActivityWindow, Config, EpochIndex, MemberCount, Members, Pallet, Rules};

impl<T: Config> Pallet<T> {
	/// The members who count as eligible voters now (past probation, voted recently), and at
	/// least the rules' `quorum_floor` of all members.
	pub fn eligible_voters() -> u32 {
		let rules = Rules::<T>::get();
		let now = Self::current_epoch();
		let counted: u32 = ActivityWindow::<T>::get()
			.iter()
			.filter(|(epoch, _)| *epoch <= now && Self::in_window(*epoch, now, rules.dormant_after))
			.fold(0u32, |sum, (_, members)| sum.saturating_add(*members));
		counted.max(rules.quorum_floor.mul_ceil(MemberCount::<T>::get()))
	}

	/// Moves `who`, who voted now, into the current epoch's count, so that they count for
	/// `dormant_after` epochs from now. Returns whether it wrote: not when they were counted in
	/// this epoch already.
	pub(crate) fn note_activity(who: &T::AccountId) -> bool {
		let now = Self::current_epoch();
		// Most votes come from members already counted this epoch: write only when moving one.
		let Some(mut record) = Members::<T>::get(who).filter(|record| record.counted_from < now)
		else {
			return false;
		};
		Self::count_from(Some(record.counted_from), Some(now));
		record.counted_from = now;
		Members::<T>::insert(who, record);
		true
	}

	/// Moves one member's count from epoch `from` to epoch `to` (either may be none: a member
	/// who joins or leaves), dropping the epochs that no longer count.
	pub(crate) fn count_from(from: Option<EpochIndex>, to: Option<EpochIndex>) {
		let dormant_after = Rules::<T>::get().dormant_after;
		let now = Self::current_epoch();
		ActivityWindow::<T>::mutate(|window| {
			if let Some(from) = from {
				if let Some(entry) = window.iter_mut().find(|(epoch, _)| *epoch == from) {
					entry.1 = entry.1.saturating_sub(1);
				}
			}
			window.retain(|(epoch, members)| {
				*members > 0 && (*epoch > now || Self::in_window(*epoch, now, dormant_after))
			});
			if let Some(to) = to {
				match window.binary_search_by_key(&to, |(epoch, _)| *epoch) {
					Ok(index) => {
						if let Some(entry) = window.get_mut(index) {
							entry.1 = entry.1.saturating_add(1);
						}
					}
					// Cannot fail: `integrity_test` checks that the window holds the longest
					// probation and dormancy the rules may set.
					Err(index) => {
						let _ = window.try_insert(index, (to, 1));
					}
				}
			}
		});
	}

	/// Whether members counted from `epoch` still count in epoch `now`.
	fn in_window(epoch: EpochIndex, now: EpochIndex, dormant_after: u32) -> bool {
		epoch.saturating_add(dormant_after) > now
	}
}
