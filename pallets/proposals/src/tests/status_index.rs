//! The index of proposals by status: each proposal is listed under its status alone, moved by
//! every call that changes the status; pages come in ascending order from any id, however the
//! ids encode; and the invariants that say so.

use super::*;
use crate::{ProposalStatusName, ProposalsByStatus, SortedProposalId};

/// Every status a proposal can be in.
const STATUSES: [ProposalStatusName; 7] = [
	ProposalStatusName::Voting,
	ProposalStatusName::Approved,
	ProposalStatusName::Rejected,
	ProposalStatusName::Cancelled,
	ProposalStatusName::Killed,
	ProposalStatusName::Executed,
	ProposalStatusName::Revoked,
];

/// The statuses proposal `id` is indexed under: exactly its own, when the index is in step.
fn indexed_under(id: ProposalId) -> Vec<ProposalStatusName> {
	let key = SortedProposalId::from(id);
	STATUSES
		.into_iter()
		.filter(|status| ProposalsByStatus::<Test>::contains_key(status, key))
		.collect()
}

/// Proposal `id` is indexed under `expected` and nothing else, and the invariants hold.
fn assert_indexed(id: ProposalId, expected: ProposalStatusName) {
	assert_eq!(status(id).name(), expected);
	assert_eq!(indexed_under(id), vec![expected], "proposal {id}");
	check_invariants();
}

/// The whole list of the proposals in `status`.
fn all_in(status: ProposalStatusName) -> Vec<ProposalId> {
	Proposals::proposal_ids_in(status, 0, u32::MAX).0
}

#[test]
fn every_change_of_status_moves_the_proposal_in_the_index() {
	build_and_execute(|| {
		let approved_signal = submit_signal(ALICE);
		let executed = submit_call(BOB, Track::Standard, remark(10));
		let revoked = submit_call(CHARLIE, Track::Root, remark(11));
		let rejected = submit_signal(ALICE);
		let cancelled = submit_signal(BOB);
		let killed = submit_signal(CHARLIE);
		for id in [approved_signal, executed, revoked, rejected, cancelled, killed] {
			assert_indexed(id, ProposalStatusName::Voting);
		}

		ok!(Proposals::cancel(signed(BOB), cancelled));
		assert_indexed(cancelled, ProposalStatusName::Cancelled);
		ok!(Proposals::kill(RawOrigin::Root.into(), killed));
		assert_indexed(killed, ProposalStatusName::Killed);

		for id in [approved_signal, executed, revoked] {
			TestVoteCounts::set(id, 3, 0, 3);
		}
		close_with(rejected, 0, 3, 3);
		assert_indexed(rejected, ProposalStatusName::Rejected);
		for id in [approved_signal, executed, revoked] {
			ok!(Proposals::close(signed(OUTSIDER), id));
			assert_indexed(id, ProposalStatusName::Approved);
		}
		ok!(Proposals::kill(RawOrigin::Root.into(), revoked));
		assert_indexed(revoked, ProposalStatusName::Revoked);

		// Enacted by the scheduler.
		run_to_block(System::block_number() + ENACTMENT_DELAY);
		assert_indexed(executed, ProposalStatusName::Executed);
		assert_indexed(approved_signal, ProposalStatusName::Approved);

		let lists: Vec<_> = STATUSES.into_iter().map(all_in).collect();
		assert_eq!(
			lists,
			vec![
				vec![],
				vec![approved_signal],
				vec![rejected],
				vec![cancelled],
				vec![killed],
				vec![executed],
				vec![revoked]
			]
		);
	});
}

#[test]
fn an_enacted_kill_moves_its_target_and_itself() {
	build_and_execute(|| {
		let target = submit_signal(ALICE);
		let kill = submit_call(BOB, Track::Emergency, kill_call(target));
		close_with(kill, 3, 0, 3);
		assert_indexed(kill, ProposalStatusName::Approved);
		assert_indexed(target, ProposalStatusName::Voting);
		run_to_block(System::block_number() + 1);
		assert_indexed(target, ProposalStatusName::Killed);
		assert_indexed(kill, ProposalStatusName::Executed);
	});
}

#[test]
fn failed_calls_leave_the_index_alone() {
	build_and_execute(|| {
		let id = submit_signal(ALICE);
		let root = submit_call(BOB, Track::Root, remark(10));
		noop!(Proposals::close(signed(BOB), id), Error::<Test>::VotingNotEnded);
		noop!(Proposals::cancel(signed(BOB), id), Error::<Test>::NotProposer);
		noop!(
			Proposals::kill(RuntimeOrigin::from(Origin::Dao), root),
			Error::<Test>::KillNeedsRoot
		);
		assert_eq!(all_in(ProposalStatusName::Voting), vec![id, root]);
	});
}

#[test]
fn a_page_lists_one_status_in_ascending_order_from_any_id() {
	build_and_execute(|| {
		let voting = ProposalStatusName::Voting;
		let first = submit_signal(ALICE);
		// Ids across the bytes of their encoding: little-endian, 256 would come before 254.
		NextProposalId::<Test>::put(254);
		let mut ids = vec![first];
		for who in [BOB, CHARLIE, BOB, CHARLIE, BOB] {
			ids.push(submit_signal(who));
		}
		NextProposalId::<Test>::put(65_535);
		ids.push(submit_signal(ALICE));
		ids.push(submit_signal(ALICE));
		assert_eq!(ids, vec![0, 254, 255, 256, 257, 258, 65_535, 65_536]);
		ok!(Proposals::cancel(signed(CHARLIE), 255));
		let expected = vec![0, 254, 256, 257, 258, 65_535, 65_536];

		assert_eq!(Proposals::proposal_ids_in(voting, 0, 100), (expected.clone(), None));
		// A page stops at its limit; `next` is the next id in the status.
		assert_eq!(Proposals::proposal_ids_in(voting, 0, 3), (vec![0, 254, 256], Some(257)));
		// It starts at `from` whether or not `from` is in the status.
		assert_eq!(Proposals::proposal_ids_in(voting, 257, 2), (vec![257, 258], Some(65_535)));
		assert_eq!(Proposals::proposal_ids_in(voting, 1, 1), (vec![254], Some(256)));
		assert_eq!(Proposals::proposal_ids_in(voting, 255, 1), (vec![256], Some(257)));
		// The last page has no `next`, even when it is full.
		assert_eq!(Proposals::proposal_ids_in(voting, 65_535, 2), (vec![65_535, 65_536], None));
		assert_eq!(Proposals::proposal_ids_in(voting, 65_537, 100), (vec![], None));
		assert_eq!(Proposals::proposal_ids_in(voting, ProposalId::MAX, 100), (vec![], None));
		// A limit of zero gives no id, and says where the list goes on.
		assert_eq!(Proposals::proposal_ids_in(voting, 1, 0), (vec![], Some(254)));

		assert_eq!(
			Proposals::proposal_ids_in(ProposalStatusName::Cancelled, 0, 100),
			(vec![255], None)
		);
		assert_eq!(
			Proposals::proposal_ids_in(ProposalStatusName::Cancelled, 256, 100),
			(vec![], None)
		);
		for status in STATUSES.into_iter().filter(|status| {
			![ProposalStatusName::Voting, ProposalStatusName::Cancelled].contains(status)
		}) {
			assert_eq!(Proposals::proposal_ids_in(status, 0, 100), (vec![], None), "{status:?}");
		}

		// Following `next` from page to page lists every proposal in the status once.
		let (mut walked, mut from) = (Vec::new(), Some(0));
		while let Some(start) = from {
			let (page, next) = Proposals::proposal_ids_in(voting, start, 2);
			assert!(!page.is_empty());
			walked.extend(page);
			from = next;
		}
		assert_eq!(walked, expected);
	});
}

#[test]
fn the_invariants_want_each_proposal_indexed_under_its_status_alone() {
	// Each broken state fails the invariants: no `build_and_execute` here.
	let broken = |break_it: fn(SortedProposalId, SortedProposalId)| {
		new_test_ext().execute_with(|| {
			let voting = submit_signal(ALICE);
			let cancelled = submit_signal(BOB);
			ok!(Proposals::cancel(signed(BOB), cancelled));
			check_invariants();
			break_it(voting.into(), cancelled.into());
			assert!(Proposals::do_try_state().is_err());
		});
	};
	// A proposal not indexed.
	broken(|voting, _| ProposalsByStatus::<Test>::remove(ProposalStatusName::Voting, voting));
	// Indexed under another status instead of its own.
	broken(|_, cancelled| {
		ProposalsByStatus::<Test>::remove(ProposalStatusName::Cancelled, cancelled);
		ProposalsByStatus::<Test>::insert(ProposalStatusName::Voting, cancelled, ());
	});
	// Indexed under another status besides its own: a list of that status would show it.
	broken(|_, cancelled| {
		ProposalsByStatus::<Test>::insert(ProposalStatusName::Voting, cancelled, ());
	});
	// An entry for no proposal.
	broken(|_, _| {
		ProposalsByStatus::<Test>::insert(
			ProposalStatusName::Voting,
			SortedProposalId::from(7),
			(),
		);
	});
}
