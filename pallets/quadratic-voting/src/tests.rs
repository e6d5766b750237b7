//! Every call of quadratic voting: its success path with events, each error leaving storage
//! unchanged, and the credit budget across replacements, removals and epochs. The invariants
//! are checked after every step.

use crate::{mock::*, Error, Event, Spent, Tally, TallyOf, VoteRecord, Votes};
use frame_system::RawOrigin;
use sp_runtime::DispatchError;

mod properties;

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::QuadraticVoting(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn tally(ayes: u64, nays: u64, voters: u32, credits: u64) -> Tally {
	Tally { ayes, nays, voters, credits }
}

#[test]
fn a_vote_costs_the_square_of_its_votes() {
	build_and_execute(|| {
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 3));
		ok!(QuadraticVoting::vote(signed(BOB), EARLY, false, 2));
		assert_eq!(QuadraticVoting::credits_left(&ALICE), CREDITS - 9);
		assert_eq!(QuadraticVoting::credits_left(&BOB), CREDITS - 4);
		assert_eq!(QuadraticVoting::tally(EARLY), tally(3, 2, 2, 13));
		assert_eq!(
			Votes::<Test>::get(EARLY, ALICE),
			Some(VoteRecord { aye: true, votes: 3, cost: 9, epoch: 0 })
		);
		assert_eq!(
			events(),
			vec![
				Event::Voted { who: ALICE, proposal: EARLY, aye: true, votes: 3, cost: 9 },
				Event::Voted { who: BOB, proposal: EARLY, aye: false, votes: 2, cost: 4 },
			]
		);
	});
}

#[test]
fn voting_again_replaces_the_vote_and_its_cost() {
	build_and_execute(|| {
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 5));
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, false, 3));
		assert_eq!(QuadraticVoting::tally(EARLY), tally(0, 3, 1, 9));
		assert_eq!(QuadraticVoting::credits_left(&ALICE), CREDITS - 9);
	});
}

#[test]
fn the_budget_is_shared_by_all_proposals_of_an_epoch() {
	build_and_execute(|| {
		// 6² + 8² = 100: the whole budget.
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 6));
		ok!(QuadraticVoting::vote(signed(ALICE), LATE, true, 8));
		assert_eq!(QuadraticVoting::credits_left(&ALICE), 0);
		noop!(QuadraticVoting::vote(signed(BOB), EARLY, true, 11), Error::<Test>::NotEnoughCredits);
		// Raising one vote needs credits that are all spent; lowering it frees some.
		noop!(
			QuadraticVoting::vote(signed(ALICE), EARLY, true, 7),
			Error::<Test>::NotEnoughCredits
		);
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 1));
		assert_eq!(QuadraticVoting::credits_left(&ALICE), CREDITS - 1 - 64);
	});
}

#[test]
fn a_new_epoch_brings_a_new_budget_and_old_credits_do_not_come_back() {
	build_and_execute(|| {
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 10));
		assert_eq!(QuadraticVoting::credits_left(&ALICE), 0);

		System::set_block_number(EPOCH);
		check_invariants();
		assert_eq!(QuadraticVoting::credits_left(&ALICE), CREDITS);
		// Replacing last epoch's vote refunds nothing: the new vote is paid in full from this
		// epoch's budget, which it exhausts.
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 10));
		assert_eq!(QuadraticVoting::credits_left(&ALICE), 0);
		noop!(QuadraticVoting::vote(signed(ALICE), LATE, true, 1), Error::<Test>::NotEnoughCredits);
		assert_eq!(QuadraticVoting::tally(EARLY), tally(10, 0, 1, 100));
	});
}

#[test]
fn removing_a_vote_of_this_epoch_gives_its_credits_back() {
	build_and_execute(|| {
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 4));
		ok!(QuadraticVoting::vote(signed(BOB), EARLY, true, 1));
		ok!(QuadraticVoting::remove_vote(signed(ALICE), EARLY));
		assert_eq!(QuadraticVoting::credits_left(&ALICE), CREDITS);
		assert_eq!(QuadraticVoting::tally(EARLY), tally(1, 0, 1, 1));
		assert_eq!(Votes::<Test>::get(EARLY, ALICE), None);
		assert_eq!(events().last(), Some(&Event::VoteRemoved { who: ALICE, proposal: EARLY }));
	});
}

#[test]
fn removing_a_vote_of_a_past_epoch_gives_nothing_back() {
	build_and_execute(|| {
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 4));
		System::set_block_number(EPOCH);
		ok!(QuadraticVoting::vote(signed(ALICE), LATE, true, 9));
		ok!(QuadraticVoting::remove_vote(signed(ALICE), EARLY));
		assert_eq!(QuadraticVoting::credits_left(&ALICE), CREDITS - 81);
		assert_eq!(QuadraticVoting::tally(EARLY), Tally::default());
	});
}

#[test]
fn vote_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 0), Error::<Test>::ZeroVotes);
		noop!(
			QuadraticVoting::vote(signed(OUTSIDER), EARLY, true, 1),
			Error::<Test>::NotActiveMember
		);
		noop!(QuadraticVoting::vote(signed(ALICE), 7, true, 1), Error::<Test>::UnknownProposal);
		// Dave joined at block 5, after EARLY was submitted at block 2, but before LATE.
		noop!(QuadraticVoting::vote(signed(DAVE), EARLY, true, 1), Error::<Test>::NotEligible);
		ok!(QuadraticVoting::vote(signed(DAVE), LATE, true, 1));
		noop!(
			QuadraticVoting::vote(signed(ALICE), EARLY, true, 11),
			Error::<Test>::NotEnoughCredits
		);
		noop!(
			QuadraticVoting::vote(signed(ALICE), EARLY, true, u32::MAX),
			Error::<Test>::NotEnoughCredits
		);
		TestMembership::suspend(BOB);
		noop!(QuadraticVoting::vote(signed(BOB), EARLY, true, 1), Error::<Test>::NotActiveMember);
		TestBallots::close(EARLY);
		noop!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 1), Error::<Test>::VotingClosed);
		noop!(
			QuadraticVoting::vote(RawOrigin::Root.into(), LATE, true, 1),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn remove_vote_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(QuadraticVoting::remove_vote(signed(ALICE), EARLY), Error::<Test>::NoVote);
		noop!(QuadraticVoting::remove_vote(signed(ALICE), 7), Error::<Test>::UnknownProposal);
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 2));
		TestBallots::close(EARLY);
		// The vote stays counted once voting is over.
		noop!(QuadraticVoting::remove_vote(signed(ALICE), EARLY), Error::<Test>::VotingClosed);
		assert_eq!(QuadraticVoting::tally(EARLY), tally(2, 0, 1, 4));
		noop!(QuadraticVoting::remove_vote(RawOrigin::Root.into(), LATE), DispatchError::BadOrigin);
	});
}

#[test]
fn spent_credits_are_recorded_per_epoch() {
	build_and_execute(|| {
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 2));
		assert_eq!(
			Spent::<Test>::get(ALICE).map(|spent| (spent.epoch, spent.credits)),
			Some((0, 4))
		);
		System::set_block_number(3 * EPOCH);
		ok!(QuadraticVoting::vote(signed(ALICE), LATE, false, 3));
		assert_eq!(
			Spent::<Test>::get(ALICE).map(|spent| (spent.epoch, spent.credits)),
			Some((3, 9))
		);
		assert_eq!(TallyOf::<Test>::get(LATE), tally(0, 3, 1, 9));
	});
}

#[test]
fn votes_on_a_withdrawn_proposal_can_be_removed_with_their_credits() {
	build_and_execute(|| {
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 5));
		TestBallots::withdraw(EARLY);
		noop!(QuadraticVoting::vote(signed(BOB), EARLY, true, 1), Error::<Test>::VotingClosed);
		ok!(QuadraticVoting::remove_vote(signed(ALICE), EARLY));
		assert_eq!(QuadraticVoting::credits_left(&ALICE), CREDITS);
		assert_eq!(QuadraticVoting::tally(EARLY), Tally::default());
	});
}

#[test]
fn a_member_on_probation_may_not_vote() {
	build_and_execute(|| {
		// Admitted, but on probation until block 8.
		TestMembership::set_member_since(OUTSIDER, 8);
		noop!(QuadraticVoting::vote(signed(OUTSIDER), LATE, true, 1), Error::<Test>::InProbation);
	});
}

#[test]
fn anyone_reaps_the_vote_of_a_removed_or_suspended_member_for_free() {
	build_and_execute(|| {
		ok!(QuadraticVoting::vote(signed(ALICE), LATE, true, 3));
		ok!(QuadraticVoting::vote(signed(BOB), LATE, false, 2));
		ok!(QuadraticVoting::vote(signed(CHARLIE), LATE, true, 1));
		noop!(
			QuadraticVoting::remove_other_vote(signed(OUTSIDER), ALICE, LATE),
			Error::<Test>::VoterStillActive
		);
		TestMembership::remove(ALICE);
		TestMembership::suspend(BOB);
		let reaped = QuadraticVoting::remove_other_vote(signed(OUTSIDER), ALICE, LATE);
		assert_eq!(reaped.map(|info| info.pays_fee), Ok(frame_support::dispatch::Pays::No));
		check_invariants();
		ok!(QuadraticVoting::remove_other_vote(signed(OUTSIDER), BOB, LATE));
		assert_eq!(QuadraticVoting::tally(LATE), tally(1, 0, 1, 1));
		assert_eq!(QuadraticVoting::credits_left(&ALICE), CREDITS, "as if she withdrew it");
		assert_eq!(
			events()[3..].to_vec(),
			vec![
				Event::VoteReaped { who: ALICE, proposal: LATE, by: OUTSIDER },
				Event::VoteReaped { who: BOB, proposal: LATE, by: OUTSIDER },
			]
		);
	});
}

#[test]
fn remove_other_vote_errors_leave_state_unchanged() {
	build_and_execute(|| {
		ok!(QuadraticVoting::vote(signed(ALICE), EARLY, true, 2));
		TestMembership::remove(ALICE);
		noop!(
			QuadraticVoting::remove_other_vote(signed(OUTSIDER), ALICE, LATE),
			Error::<Test>::NoVote
		);
		noop!(
			QuadraticVoting::remove_other_vote(signed(OUTSIDER), ALICE, 7),
			Error::<Test>::UnknownProposal
		);
		TestBallots::close(EARLY);
		// A decided proposal keeps its votes.
		noop!(
			QuadraticVoting::remove_other_vote(signed(OUTSIDER), ALICE, EARLY),
			Error::<Test>::VotingClosed
		);
		noop!(
			QuadraticVoting::remove_other_vote(RawOrigin::Root.into(), ALICE, EARLY),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_voter_counted_earlier_in_the_epoch_is_refunded_what_the_membership_did_not_write() {
	build_and_execute(|| {
		let first = QuadraticVoting::vote(signed(ALICE), EARLY, true, 1).unwrap();
		assert_eq!(first.actual_weight, None, "the first vote is weighed in full");
		let second = QuadraticVoting::vote(signed(ALICE), LATE, true, 1).unwrap();
		assert_eq!(
			second.actual_weight,
			Some(<() as crate::WeightInfo>::vote_by_counted_voter()),
			"the membership counted Alice already"
		);
		check_invariants();
	});
}
