//! The ballot a vote reads: kept exactly while a proposal is voted on, with the proposal's own
//! values, removed by every call that ends the vote; and the invariants that say so.

use super::*;
use crate::{Ballot, Ballots as BallotsStorage};

fn ballot(id: ProposalId) -> Option<Ballot<Test>> {
	BallotsStorage::<Test>::get(id)
}

#[test]
fn submit_stores_the_ballot_of_the_new_proposal() {
	build_and_execute(|| {
		let signal = submit_signal(ALICE);
		run_to_block(3);
		let root = submit_call(BOB, Track::Root, remark(10));
		let emergency = submit_call(CHARLIE, Track::Emergency, kill_call(root));
		assert_eq!(
			ballot(signal),
			Some(Ballot {
				submitted_at: 1,
				voting_ends: 1 + VOTING_PERIOD,
				track: Track::Standard
			})
		);
		assert_eq!(
			ballot(root),
			Some(Ballot { submitted_at: 3, voting_ends: 3 + VOTING_PERIOD, track: Track::Root })
		);
		assert_eq!(
			ballot(emergency),
			Some(Ballot {
				submitted_at: 3,
				voting_ends: 3 + EMERGENCY_VOTING_PERIOD,
				track: Track::Emergency
			})
		);
		for id in [signal, root, emergency] {
			assert_eq!(ballot(id), Some(ProposalsStorage::<Test>::get(id).unwrap().ballot()));
		}
	});
}

#[test]
fn a_ballot_outlives_the_voting_period_until_the_proposal_is_closed() {
	build_and_execute(|| {
		let id = submit_signal(ALICE);
		run_to_block(1 + VOTING_PERIOD + 3);
		assert!(ballot(id).is_some());
		assert_eq!(Proposals::ballot_state(id), BallotState::Closed);
		ok!(Proposals::close(signed(OUTSIDER), id));
		assert_eq!(ballot(id), None);
		assert_eq!(Proposals::ballot_state(id), BallotState::Closed);
	});
}

#[test]
fn every_call_that_ends_a_vote_removes_the_ballot() {
	build_and_execute(|| {
		let approved_signal = submit_signal(ALICE);
		let approved_call = submit_call(BOB, Track::Root, remark(10));
		let rejected = submit_signal(CHARLIE);
		let cancelled = submit_signal(ALICE);
		let killed = submit_signal(BOB);
		let others = submit_signal(CHARLIE);

		ok!(Proposals::cancel(signed(ALICE), cancelled));
		ok!(Proposals::kill(RawOrigin::Root.into(), killed));
		assert_eq!((ballot(cancelled), ballot(killed)), (None, None));
		assert_eq!(Proposals::ballot_state(cancelled), BallotState::Withdrawn);
		assert_eq!(Proposals::ballot_state(killed), BallotState::Withdrawn);

		TestVoteCounts::set(approved_signal, 3, 0, 3);
		TestVoteCounts::set(approved_call, 3, 0, 3);
		close_with(rejected, 0, 3, 3);
		ok!(Proposals::close(signed(OUTSIDER), approved_signal));
		ok!(Proposals::close(signed(OUTSIDER), approved_call));
		assert_eq!(status(approved_signal), ProposalStatus::Approved { enactment: None });
		assert_eq!(status(rejected), ProposalStatus::Rejected);
		for id in [approved_signal, approved_call, rejected] {
			assert_eq!(ballot(id), None);
			assert_eq!(Proposals::ballot_state(id), BallotState::Closed);
		}

		// Enactment and revocation come after the vote: there is no ballot left to remove.
		run_to_block(System::block_number() + ENACTMENT_DELAY);
		assert_eq!(status(approved_call), ProposalStatus::Executed);
		assert_eq!(ballot(approved_call), None);
		// Only the proposal still voted on keeps its ballot.
		assert_eq!(BallotsStorage::<Test>::iter_keys().collect::<Vec<_>>(), vec![others]);
	});
}

#[test]
fn a_revoked_proposal_has_no_ballot() {
	build_and_execute(|| {
		let id = submit_call(ALICE, Track::Root, set_rules_call(50));
		close_with(id, 3, 0, 3);
		ok!(Proposals::kill(RawOrigin::Root.into(), id));
		assert_eq!(status(id), ProposalStatus::Revoked);
		assert_eq!(ballot(id), None);
		assert_eq!(Proposals::ballot_state(id), BallotState::Closed);
	});
}

#[test]
fn an_emergency_kill_enacted_during_the_vote_removes_its_targets_ballot() {
	build_and_execute(|| {
		let target = submit_signal(ALICE);
		let kill = submit_call(BOB, Track::Emergency, kill_call(target));
		close_with(kill, 3, 0, 3);
		run_to_block(System::block_number() + 1);
		assert_eq!(status(target), ProposalStatus::Killed);
		assert_eq!(ballot(target), None);
		assert_eq!(Proposals::ballot_state(target), BallotState::Withdrawn);
	});
}

#[test]
fn failed_calls_leave_the_ballot_alone() {
	build_and_execute(|| {
		let id = submit_signal(ALICE);
		let root = submit_call(BOB, Track::Root, remark(10));
		let kept = (ballot(id), ballot(root));
		noop!(Proposals::close(signed(BOB), id), Error::<Test>::VotingNotEnded);
		noop!(Proposals::cancel(signed(BOB), id), Error::<Test>::NotProposer);
		TestVoteCounts::set(id, 1, 0, 1);
		noop!(Proposals::cancel(signed(ALICE), id), Error::<Test>::HasVotes);
		noop!(
			Proposals::kill(RuntimeOrigin::from(Origin::Dao), root),
			Error::<Test>::KillNeedsRoot
		);
		assert_eq!((ballot(id), ballot(root)), kept);
	});
}

#[test]
fn an_open_vote_reads_the_ballot_not_the_proposal() {
	// The proposal is made unreadable, which breaks the invariants: no `build_and_execute`.
	new_test_ext().execute_with(|| {
		let id = submit_signal(ALICE);
		let key = ProposalsStorage::<Test>::hashed_key_for(id);
		frame_support::storage::unhashed::put_raw(&key, &[1, 2, 3]);
		assert_eq!(Proposals::ballot_state(id), BallotState::Open { submitted_at: 1 });
		// Without a ballot, the proposal is read to tell why voting is not open.
		BallotsStorage::<Test>::remove(id);
		assert_eq!(Proposals::ballot_state(id), BallotState::Unknown);
	});
}

#[test]
fn the_invariants_want_a_ballot_exactly_for_each_proposal_being_voted_on() {
	// Each broken state fails the invariants: no `build_and_execute` here.
	let broken = |break_it: fn(ProposalId, ProposalId)| {
		new_test_ext().execute_with(|| {
			let voting = submit_signal(ALICE);
			let cancelled = submit_signal(BOB);
			ok!(Proposals::cancel(signed(BOB), cancelled));
			break_it(voting, cancelled);
			assert!(Proposals::do_try_state().is_err());
		});
	};
	// A proposal being voted on without its ballot.
	broken(|voting, _| BallotsStorage::<Test>::remove(voting));
	// Its ballot with another deadline, submission block or track.
	broken(|voting, _| {
		BallotsStorage::<Test>::mutate(voting, |b| b.as_mut().unwrap().voting_ends += 1);
	});
	broken(|voting, _| {
		BallotsStorage::<Test>::mutate(voting, |b| b.as_mut().unwrap().submitted_at = 0);
	});
	broken(|voting, _| {
		BallotsStorage::<Test>::mutate(voting, |b| b.as_mut().unwrap().track = Track::Root);
	});
	// A ballot for an ended proposal, and one for no proposal.
	broken(|voting, cancelled| {
		BallotsStorage::<Test>::insert(cancelled, BallotsStorage::<Test>::get(voting).unwrap());
	});
	broken(|voting, _| {
		BallotsStorage::<Test>::insert(voting + 10, BallotsStorage::<Test>::get(voting).unwrap());
	});
}
