//! The registry's invariants, checked by `try_state` and by the tests after every step.

use crate::{
	license, BalanceOf, Commons, CommonsStatus, Config, ContributionStatus, Contributions,
	ContributionsByContributor, HoldReason, NextCommonsId, NextContributionId, Pallet,
	PendingPerContributor, Reviews, SortedContributionId, StewardshipCount, Stewardships,
};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use ostrom_primitives::{CommonsId, ContributionId};
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	/// The invariants:
	/// - each commons has an identifier below `NextCommonsId`, a valid licence and at most
	///   `MaxStewards` distinct stewards (none when frozen);
	/// - `Stewardships` holds exactly one entry per listed steward, and `StewardshipCount`
	///   counts each account's entries, never more than `MaxStewardships`;
	/// - each commons' pending, accepted and rejected counts equal its contributions in each
	///   state, and `PendingPerContributor` counts each contributor's pending ones, at most
	///   `MaxPendingPerContributor`;
	/// - each contribution's tallies, steward ones included, equal its stored reviews; it is
	///   accepted exactly when it has `ReviewsToAccept` approvals with a steward's among them,
	///   rejected exactly when it has `ReviewsToReject` rejections with a steward's among them;
	/// - each contribution is indexed under its contributor in `ContributionsByContributor`, and
	///   every entry there names a contribution by that contributor;
	/// - each account has exactly the deposits of the active commons it registered held for
	///   registrations, and exactly those of its pending contributions held for contributions.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		// Per commons: its pending, accepted and rejected contributions.
		let mut counts = BTreeMap::<CommonsId, [u32; 3]>::new();
		let mut registrations = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut listed = BTreeMap::<(T::AccountId, CommonsId), ()>::new();
		let mut stewardships = BTreeMap::<T::AccountId, u32>::new();
		for (id, record) in Commons::<T>::iter() {
			ensure!(id < NextCommonsId::<T>::get(), "a commons id is not below NextCommonsId");
			let mut stewards = record.stewards.to_vec();
			stewards.sort();
			stewards.dedup();
			ensure!(stewards.len() == record.stewards.len(), "a steward is listed twice");
			ensure!(license::is_spdx_identifier(&record.license), "an invalid licence");
			for steward in stewards {
				*stewardships.entry(steward.clone()).or_default() += 1;
				listed.insert((steward, id), ());
			}
			if record.status == CommonsStatus::Active {
				let held = registrations.entry(record.registrant.clone()).or_default();
				*held = held.saturating_add(record.deposit);
			}
			counts.insert(id, [0u32; 3]);
		}

		let mut entries = 0usize;
		for (steward, commons, _) in Stewardships::<T>::iter() {
			ensure!(
				listed.contains_key(&(steward, commons)),
				"a stewardship of a steward not listed by the commons"
			);
			entries += 1;
		}
		ensure!(entries == listed.len(), "a listed steward has no stewardship");
		for (steward, count) in StewardshipCount::<T>::iter() {
			ensure!(
				stewardships.get(&steward) == Some(&count),
				"a StewardshipCount differs from the account's stewardships"
			);
		}
		for (steward, count) in stewardships {
			ensure!(
				StewardshipCount::<T>::get(&steward) == count,
				"an account's stewardships are not counted"
			);
			ensure!(count <= T::MaxStewardships::get(), "more stewardships than MaxStewardships");
		}

		let mut pending_of = BTreeMap::<(CommonsId, T::AccountId), u32>::new();
		let mut contribution_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (id, entry) in Contributions::<T>::iter() {
			ensure!(
				id < NextContributionId::<T>::get(),
				"a contribution id is not below NextContributionId"
			);
			ensure!(
				ContributionsByContributor::<T>::contains_key(
					&entry.contributor,
					SortedContributionId::from(id)
				),
				"a contribution is not indexed under its contributor"
			);
			// Approvals, rejections, and each by stewards.
			let mut tally = [0u32; 4];
			for (_, review) in Reviews::<T>::iter_prefix(id) {
				let side = if review.approve { 0 } else { 1 };
				tally[side].saturating_inc();
				if review.by_steward {
					tally[side + 2].saturating_inc();
				}
			}
			ensure!(
				tally
					== [
						entry.approvals,
						entry.rejections,
						entry.steward_approvals,
						entry.steward_rejections
					],
				"a contribution's tally differs from its reviews"
			);
			let accepts = tally[0] >= T::ReviewsToAccept::get() && tally[2] > 0;
			let rejects = tally[1] >= T::ReviewsToReject::get() && tally[3] > 0;
			ensure!(
				(accepts, rejects)
					== (
						entry.status == ContributionStatus::Accepted,
						entry.status == ContributionStatus::Rejected
					),
				"a contribution's status does not follow from its tally"
			);
			let count = counts.get_mut(&entry.commons).ok_or("a contribution to no commons")?;
			match entry.status {
				ContributionStatus::Pending => {
					count[0].saturating_inc();
					*pending_of.entry((entry.commons, entry.contributor.clone())).or_default() += 1;
					let held = contribution_deposits.entry(entry.contributor.clone()).or_default();
					*held = held.saturating_add(entry.deposit);
				}
				ContributionStatus::Accepted => count[1].saturating_inc(),
				ContributionStatus::Rejected => count[2].saturating_inc(),
				ContributionStatus::Withdrawn | ContributionStatus::Dismissed => {}
			}
		}
		for (contributor, key) in ContributionsByContributor::<T>::iter_keys() {
			ensure!(
				Contributions::<T>::get(ContributionId::from(key))
					.is_some_and(|entry| entry.contributor == contributor),
				"an index entry names no contribution, or one by another contributor"
			);
		}
		for (id, record) in Commons::<T>::iter() {
			ensure!(
				counts.get(&id)
					== Some(&[
						record.pending_contributions,
						record.accepted_contributions,
						record.rejected_contributions
					]),
				"a commons' contribution counts differ from its contributions"
			);
		}
		for (commons, contributor, count) in PendingPerContributor::<T>::iter() {
			ensure!(
				pending_of.get(&(commons, contributor)) == Some(&count),
				"a PendingPerContributor count differs from the contributor's pending contributions"
			);
		}
		for ((commons, contributor), count) in pending_of {
			ensure!(
				PendingPerContributor::<T>::get(commons, &contributor) == count,
				"a contributor's pending contributions are not counted"
			);
			ensure!(
				count <= T::MaxPendingPerContributor::get(),
				"more pending contributions than MaxPendingPerContributor"
			);
		}

		for (registrant, total) in registrations {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Registration.into(), &registrant)
					== total,
				"a registrant's held deposit differs from their active commons' deposits"
			);
		}
		for (contributor, total) in contribution_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Contribution.into(), &contributor)
					== total,
				"a contributor's held deposit differs from their pending contributions' deposits"
			);
		}
		Ok(())
	}
}
