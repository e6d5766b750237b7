//! The invariants, checked by `try_state` and by the tests after every step.

use crate::{
	BalanceOf, Ballots, Config, Enacting, HoldReason, NextProposalId, Pallet, ProposalKind,
	ProposalStatus, Proposals, ProposalsByStatus, Rules, SortedProposalId,
};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, schedule::v3::Named as ScheduleNamed},
};
use ostrom_primitives::ProposalId;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The rules are valid; proposal ids are below `NextProposalId`; only proposals being voted
	/// on hold a deposit, and each proposer has exactly their deposits held; an approved call
	/// waiting for enactment has its task scheduled, and only calls are enacted; every call, and
	/// nothing else, has its name recorded; no proposal was submitted under a later runtime;
	/// exactly the proposals being voted on have a ballot, equal to their own values; every
	/// proposal is indexed under its status in `ProposalsByStatus`, and every entry there names
	/// a proposal in that status.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;

		Self::validate(&Rules::<T>::get()).map_err(|_| "the rules in force are invalid")?;
		ensure!(Enacting::<T>::get().is_none(), "Enacting is set outside an enactment");
		let next_id = NextProposalId::<T>::get();
		let mut held = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (id, proposal) in Proposals::<T>::iter() {
			ensure!(id < next_id, "a proposal id is at or above NextProposalId");
			ensure!(proposal.voting_ends >= proposal.submitted_at, "voting ends before it began");
			ensure!(
				proposal.spec_version <= Self::spec_version(),
				"a proposal was submitted under a later runtime than the one running"
			);
			ensure!(
				matches!(proposal.kind, ProposalKind::Call(_)) == proposal.call_name.is_some(),
				"a call without a recorded name, or a signal with one"
			);
			match proposal.status {
				ProposalStatus::Voting => {
					let total = held.entry(proposal.proposer.clone()).or_default();
					*total = total.saturating_add(proposal.deposit);
				}
				ProposalStatus::Approved { enactment: Some(_) } => {
					ensure!(
						matches!(proposal.kind, ProposalKind::Call(_)),
						"a signal awaits enactment"
					);
					ensure!(
						T::Scheduler::next_dispatch_time(Self::task_name(id)).is_ok(),
						"an approved call has no scheduled enactment"
					);
				}
				ProposalStatus::Approved { enactment: None } => ensure!(
					matches!(proposal.kind, ProposalKind::Signal),
					"an approved call was not scheduled"
				),
				ProposalStatus::Executed => {
					ensure!(
						matches!(proposal.kind, ProposalKind::Call(_)),
						"a signal was executed"
					);
				}
				ProposalStatus::Rejected
				| ProposalStatus::Cancelled
				| ProposalStatus::Killed
				| ProposalStatus::Revoked => {}
			}
			if proposal.status != ProposalStatus::Voting {
				ensure!(proposal.deposit.is_zero(), "an ended proposal still holds a deposit");
			}
			ensure!(
				ProposalsByStatus::<T>::contains_key(
					proposal.status.name(),
					SortedProposalId::from(id)
				),
				"a proposal is not indexed under its status"
			);
			let expected = (proposal.status == ProposalStatus::Voting).then(|| proposal.ballot());
			ensure!(
				Ballots::<T>::get(id) == expected,
				"a proposal being voted on has no ballot or a wrong one, or an ended one has one"
			);
		}
		for id in Ballots::<T>::iter_keys() {
			ensure!(Proposals::<T>::contains_key(id), "a ballot has no proposal");
		}
		for (status, key) in ProposalsByStatus::<T>::iter_keys() {
			let id = ProposalId::from(key);
			ensure!(
				Proposals::<T>::get(id).is_some_and(|proposal| proposal.status.name() == status),
				"an index entry names no proposal, or one in another status"
			);
		}
		for (proposer, deposits) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Proposal.into(), &proposer) == deposits,
				"a proposer's held deposit differs from their proposals'"
			);
		}
		Ok(())
	}
}
