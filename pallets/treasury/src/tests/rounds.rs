//! Quadratic-funding rounds: enrolment, gifts, exclusion, cancellation, refunds, and
//! pairwise-bounded matching against figures worked out by hand.
//!
//! The mock's unit has a whole square root (√1_000_000 = 1_000) and its coordination bound is
//! M = 100 units, so a pair of givers of `a` and `b` units who meet only in one commons earns it
//! `2·√a·√b · 100 / (100 + √a·√b)` units, rounded down in the smallest unit.

use super::*;
use crate::{
	CommonsFunding, FundingState, GiverGifts, MatchingRulesRecord, OpenRounds, Payout,
	RoundCommons, RoundStatus, Rounds,
};
use ostrom_primitives::{CommonsId, RoundId};

/// Members who steward nothing, each with `FUNDS`.
const DONORS: [AccountId; 10] = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];

fn add_donors(funds: u64) {
	for who in DONORS {
		TestMembership::set_member(who as u64);
		Balances::set_balance(&who, funds);
	}
}

/// Opens round 0 with `matching` (enrolment for 2 blocks, gifts for 5), enrols `commons` by
/// their first stewards.
fn open_with(matching: u64, commons: &[(CommonsId, AccountId)]) {
	ok!(Treasury::open_round(dao(), matching, 2, 5));
	for (commons, steward) in commons {
		ok!(Treasury::enrol(signed(*steward), 0, *commons));
	}
}

fn give_all(gifts: &[(AccountId, CommonsId, u64)]) {
	for (who, commons, amount) in gifts {
		ok!(Treasury::give(signed(*who), 0, *commons, *amount));
	}
}

fn finalize() {
	System::set_block_number(6);
	ok!(Treasury::finalize_round(signed(OUTSIDER), 0));
}

fn matched(commons: CommonsId) -> u64 {
	RoundCommons::<Test>::get(0, commons).unwrap().matched
}

fn set_match_share(percent: u32) {
	ok!(Treasury::set_matching_rules(
		dao(),
		MatchingRulesRecord {
			coordination_bound: COORDINATION_BOUND,
			max_match_share: Perbill::from_percent(percent),
		}
	));
}

#[test]
fn open_round_earmarks_the_matching_pool() {
	build_and_execute(|| {
		ok!(Treasury::open_round(dao(), 20 * UNIT, 2, 5));
		assert_eq!(
			last_event(),
			Event::RoundOpened { round: 0, matching: 20 * UNIT, enrolment_ends: 3, ends_at: 6 }
		);
		assert_eq!(Rounds::<Test>::get(0).unwrap().status, RoundStatus::Open);
		assert_eq!(Earmarked::<Test>::get(), 20 * UNIT);
		noop!(Treasury::open_round(signed(ALICE), UNIT, 2, 5), DispatchError::BadOrigin);
		noop!(Treasury::open_round(dao(), UNIT, 2, 0), Error::<Test>::ZeroDuration);
		noop!(Treasury::open_round(dao(), UNIT, 0, 5), Error::<Test>::ZeroDuration);
		noop!(Treasury::open_round(dao(), UNIT, 6, 5), Error::<Test>::RoundTooLong);
		noop!(
			Treasury::open_round(dao(), UNIT, 2, MAX_ROUND_BLOCKS + 1),
			Error::<Test>::RoundTooLong
		);
		noop!(Treasury::open_round(dao(), 0, 2, 5), Error::<Test>::ZeroAmount);
		noop!(Treasury::open_round(dao(), 190 * UNIT, 2, 5), Error::<Test>::OverSpendCap);
	});
}

#[test]
fn stewards_enrol_their_commons_holding_a_deposit() {
	build_and_execute(|| {
		ok!(Treasury::open_round(dao(), 20 * UNIT, 2, 5));
		ok!(Treasury::enrol(signed(CHARLIE), 0, SEED_BANK));
		assert_eq!(
			last_event(),
			Event::CommonsEnrolled {
				round: 0,
				commons: SEED_BANK,
				steward: CHARLIE,
				deposit: ENROLMENT_DEPOSIT
			}
		);
		assert_eq!(Balances::balance_on_hold(&HoldReason::Enrolment.into(), &CHARLIE), UNIT);
		assert_eq!(
			RoundCommons::<Test>::get(0, SEED_BANK),
			Some(CommonsFunding::<Test> {
				enrolled_by: CHARLIE,
				deposit: ENROLMENT_DEPOSIT,
				given: 0,
				givers: 0,
				matched: 0,
				state: FundingState::Enrolled,
			})
		);
		assert_eq!(Rounds::<Test>::get(0).unwrap().commons, 1);
	});
}

#[test]
fn enrol_errors_leave_state_unchanged() {
	build_and_execute(|| {
		ok!(Treasury::open_round(dao(), 20 * UNIT, 2, 5));
		noop!(Treasury::enrol(signed(ALICE), 1, OPEN_CODE), Error::<Test>::UnknownRound);
		noop!(Treasury::enrol(signed(DAVE), 0, ARCHIVED), Error::<Test>::CommonsNotActive);
		noop!(Treasury::enrol(signed(BOB), 0, OPEN_CODE), Error::<Test>::NotSteward);
		TestMembership::suspend(ALICE as u64);
		noop!(Treasury::enrol(signed(ALICE), 0, OPEN_CODE), Error::<Test>::NotSteward);
		ok!(Treasury::enrol(signed(BOB), 0, SEED_BANK));
		noop!(Treasury::enrol(signed(CHARLIE), 0, SEED_BANK), Error::<Test>::AlreadyEnrolled);
		Balances::set_balance(&EVE, ENROLMENT_DEPOSIT / 2);
		noop!(Treasury::enrol(signed(EVE), 0, TOOL_LIBRARY), Error::<Test>::InsufficientBalance);
		Balances::set_balance(&EVE, FUNDS);
		ok!(Treasury::enrol(signed(EVE), 0, TOOL_LIBRARY));
		TestCommons::set(4, true, &[FERDIE]);
		TestCommons::set(5, true, &[FERDIE]);
		ok!(Treasury::enrol(signed(FERDIE), 0, 4));
		noop!(Treasury::enrol(signed(FERDIE), 0, 5), Error::<Test>::TooManyCommons);
		System::set_block_number(3);
		noop!(Treasury::enrol(signed(FERDIE), 0, 5), Error::<Test>::EnrolmentClosed);
		System::set_block_number(6);
		ok!(Treasury::finalize_round(signed(OUTSIDER), 0));
		noop!(Treasury::enrol(signed(FERDIE), 0, 5), Error::<Test>::RoundNotOpen);
	});
}

#[test]
fn gifts_are_kept_in_the_pot_and_summed_per_member() {
	build_and_execute(|| {
		open_with(20 * UNIT, &[(OPEN_CODE, ALICE)]);
		ok!(Treasury::give(signed(BOB), 0, OPEN_CODE, UNIT));
		assert_eq!(
			last_event(),
			Event::Given { round: 0, commons: OPEN_CODE, giver: BOB, amount: UNIT }
		);
		ok!(Treasury::give(signed(BOB), 0, OPEN_CODE, 3 * UNIT));
		ok!(Treasury::give(signed(ALICE), 0, OPEN_CODE, UNIT));
		assert_eq!(balance(BOB), FUNDS - 4 * UNIT);
		assert_eq!(pot(), POT + 5 * UNIT);
		assert_eq!(
			Gifts::<Test>::get((0, OPEN_CODE, BOB)),
			Some(Gift { amount: 4 * UNIT, insider: false })
		);
		// Alice stewards the commons: her gift is marked when she gives.
		assert_eq!(
			Gifts::<Test>::get((0, OPEN_CODE, ALICE)),
			Some(Gift { amount: UNIT, insider: true })
		);
		assert_eq!(GiverGifts::<Test>::get(0, BOB).to_vec(), vec![(OPEN_CODE, 4 * UNIT)]);
		let entry = RoundCommons::<Test>::get(0, OPEN_CODE).unwrap();
		assert_eq!((entry.given, entry.givers), (5 * UNIT, 2));
		let round = Rounds::<Test>::get(0).unwrap();
		assert_eq!(
			(round.given, round.unsettled, round.gifts, round.commons),
			(5 * UNIT, 5 * UNIT, 2, 1)
		);
		assert_eq!(Earmarked::<Test>::get(), 25 * UNIT);
	});
}

#[test]
fn give_errors_leave_state_unchanged() {
	build_and_execute(|| {
		open_with(20 * UNIT, &[(OPEN_CODE, ALICE)]);
		noop!(Treasury::give(signed(OUTSIDER), 0, OPEN_CODE, UNIT), Error::<Test>::NotActiveMember);
		TestMembership::suspend(FERDIE as u64);
		noop!(Treasury::give(signed(FERDIE), 0, OPEN_CODE, UNIT), Error::<Test>::NotActiveMember);
		noop!(Treasury::give(signed(BOB), 1, OPEN_CODE, UNIT), Error::<Test>::UnknownRound);
		noop!(Treasury::give(signed(BOB), 0, SEED_BANK, UNIT), Error::<Test>::NotEnrolled);
		noop!(Treasury::give(signed(BOB), 0, OPEN_CODE, ED - 1), Error::<Test>::GiftTooSmall);
		noop!(Treasury::give(signed(BOB), 0, OPEN_CODE, FUNDS), Error::<Test>::InsufficientBalance);
		TestCommons::archive(OPEN_CODE);
		noop!(Treasury::give(signed(BOB), 0, OPEN_CODE, UNIT), Error::<Test>::CommonsNotActive);
		System::set_block_number(6);
		noop!(Treasury::give(signed(BOB), 0, OPEN_CODE, UNIT), Error::<Test>::RoundEnded);
	});
}

#[test]
fn a_round_bounds_its_gifts_givers_and_gifts_per_giver() {
	build_and_execute(|| {
		add_donors(FUNDS);
		open_with(20 * UNIT, &[(OPEN_CODE, ALICE), (SEED_BANK, BOB), (TOOL_LIBRARY, EVE)]);
		ok!(Treasury::give(signed(CHARLIE), 0, OPEN_CODE, UNIT));
		ok!(Treasury::give(signed(CHARLIE), 0, TOOL_LIBRARY, UNIT));
		noop!(
			Treasury::give(signed(CHARLIE), 0, SEED_BANK, UNIT),
			Error::<Test>::TooManyCommonsForGiver
		);
		// Giving more to the same commons takes no new place.
		ok!(Treasury::give(signed(CHARLIE), 0, OPEN_CODE, UNIT));
		for who in DONORS.iter().take(9) {
			ok!(Treasury::give(signed(*who), 0, OPEN_CODE, UNIT));
		}
		noop!(Treasury::give(signed(DONORS[9]), 0, OPEN_CODE, UNIT), Error::<Test>::TooManyGivers);
		ok!(Treasury::give(signed(DONORS[9]), 0, SEED_BANK, UNIT));
		assert_eq!(Rounds::<Test>::get(0).unwrap().gifts, MAX_GIFTS_PER_ROUND);
		noop!(Treasury::give(signed(DAVE), 0, SEED_BANK, UNIT), Error::<Test>::TooManyGiftsInRound);
	});
}

#[test]
fn ten_small_donors_get_nearly_the_plain_quadratic_match() {
	build_and_execute(|| {
		add_donors(FUNDS);
		open_with(190 * UNIT, &[(OPEN_CODE, ALICE)]);
		give_all(&DONORS.map(|who| (who, OPEN_CODE, UNIT)));
		finalize();
		// Plain: 45 pairs of 2·1·1 = 90. Each pair met once with S = 1, so it earns
		// 2 · 100/101 = 1.980198…, rounded down to 1_980_198: 89_108_910 in all, 0.99 % less.
		assert_eq!(matched(OPEN_CODE), 45 * 1_980_198);
		assert_eq!(matched(OPEN_CODE), 89_108_910);
		assert_eq!(balance(Treasury::commons_account(OPEN_CODE)), 10 * UNIT + 89_108_910);
		let payouts = vec![Payout { commons: OPEN_CODE, given: 10 * UNIT, matched: 89_108_910 }];
		assert_eq!(
			last_event(),
			Event::RoundFinalized {
				round: 0,
				payouts: payouts.try_into().unwrap(),
				returned: 190 * UNIT - 89_108_910
			}
		);
		// The deposit came back, and nothing is owed any more.
		assert_eq!(Balances::balance_on_hold(&HoldReason::Enrolment.into(), &ALICE), 0);
		assert_eq!(Earmarked::<Test>::get(), 0);
	});
}

#[test]
fn two_colluders_are_matched_less_than_twice_the_bound() {
	build_and_execute(|| {
		add_donors(3_000 * UNIT);
		set_match_share(100);
		open_with(190 * UNIT, &[(OPEN_CODE, ALICE)]);
		give_all(&[(DONORS[0], OPEN_CODE, 1_000 * UNIT), (DONORS[1], OPEN_CODE, 1_000 * UNIT)]);
		finalize();
		// √1000 units = 31_622 (integer root of 10⁹), S = 31_622² = 999_950_884.
		// Plain QF would pay 2·S = 1_999_901_768 (all of the pool). Pairwise:
		// 2·S·M / (M + S) = 181_817_369, below 2·M = 200 units.
		assert_eq!(matched(OPEN_CODE), 181_817_369);
		assert!(matched(OPEN_CODE) < 2 * COORDINATION_BOUND);
	});
}

#[test]
fn a_pair_co_funding_two_commons_is_bounded_across_both() {
	build_and_execute(|| {
		add_donors(3_000 * UNIT);
		set_match_share(100);
		open_with(199 * UNIT, &[(OPEN_CODE, ALICE), (TOOL_LIBRARY, EVE)]);
		let (a, b) = (DONORS[0], DONORS[1]);
		give_all(&[
			(a, OPEN_CODE, 1_000 * UNIT),
			(b, OPEN_CODE, 1_000 * UNIT),
			(a, TOOL_LIBRARY, 1_000 * UNIT),
			(b, TOOL_LIBRARY, 1_000 * UNIT),
		]);
		finalize();
		// Their coordination counts both commons: S = 2 · 999_950_884, and each commons gets
		// 1_999_901_768 · M / (M + S) = 95_237_872; both together stay below 2·M.
		assert_eq!((matched(OPEN_CODE), matched(TOOL_LIBRARY)), (95_237_872, 95_237_872));
		assert!(matched(OPEN_CODE) + matched(TOOL_LIBRARY) < 2 * COORDINATION_BOUND);
	});
}

#[test]
fn one_commons_is_matched_at_most_its_share_of_the_pool() {
	build_and_execute(|| {
		add_donors(FUNDS);
		open_with(100 * UNIT, &[(OPEN_CODE, ALICE), (SEED_BANK, BOB)]);
		give_all(&DONORS.map(|who| (who, OPEN_CODE, UNIT)));
		give_all(&[(DAVE, SEED_BANK, UNIT), (EVE, SEED_BANK, UNIT)]);
		finalize();
		// Open code's ideal 89_108_910 is capped at half the pool; the seed bank's one pair
		// earns 1_980_198; together they fit the pool.
		assert_eq!(matched(OPEN_CODE), 50 * UNIT);
		assert_eq!(matched(SEED_BANK), 1_980_198);
	});
}

#[test]
fn insiders_gifts_are_passed_on_but_never_matched() {
	build_and_execute(|| {
		open_with(100 * UNIT, &[(SEED_BANK, BOB)]);
		// Bob and Charlie steward the seed bank: only Dave's gift is matched, and one giver
		// makes no pair.
		give_all(&[(BOB, SEED_BANK, UNIT), (CHARLIE, SEED_BANK, UNIT), (DAVE, SEED_BANK, UNIT)]);
		// Charlie steps down before the end: his gift was marked when he gave.
		TestCommons::set(SEED_BANK, true, &[BOB]);
		finalize();
		assert_eq!(matched(SEED_BANK), 0);
		assert_eq!(balance(Treasury::commons_account(SEED_BANK)), 3 * UNIT);
	});
}

#[test]
fn a_steward_appointed_after_giving_is_not_matched_either() {
	build_and_execute(|| {
		open_with(100 * UNIT, &[(OPEN_CODE, ALICE)]);
		give_all(&[(BOB, OPEN_CODE, UNIT), (CHARLIE, OPEN_CODE, UNIT), (DAVE, OPEN_CODE, UNIT)]);
		TestCommons::set(OPEN_CODE, true, &[ALICE, DAVE]);
		finalize();
		// Only Bob and Charlie make a pair: 2 · 100/101.
		assert_eq!(matched(OPEN_CODE), 1_980_198);
	});
}

#[test]
fn a_small_pool_is_shared_in_proportion_rounding_down() {
	build_and_execute(|| {
		add_donors(FUNDS);
		set_match_share(100);
		open_with(7_000_001, &[(OPEN_CODE, ALICE), (SEED_BANK, BOB)]);
		// Ideals: three pairs of open code 3 · 1_980_198 = 5_940_594; one pair of the seed
		// bank 1_980_198: 3 : 1. Shared: 5_250_000.75 and 1_750_000.25, one unit of dust stays.
		give_all(&[(DONORS[0], OPEN_CODE, UNIT), (DONORS[1], OPEN_CODE, UNIT)]);
		give_all(&[(DONORS[2], OPEN_CODE, UNIT), (DONORS[3], SEED_BANK, UNIT)]);
		give_all(&[(DONORS[4], SEED_BANK, UNIT)]);
		finalize();
		assert_eq!((matched(OPEN_CODE), matched(SEED_BANK)), (5_250_000, 1_750_000));
		assert_eq!(
			Rounds::<Test>::get(0).unwrap().status,
			RoundStatus::Finalized { matched: 7_000_000, returned: 1 }
		);
	});
}

#[test]
fn a_round_without_gifts_returns_its_whole_pool() {
	build_and_execute(|| {
		open_with(20 * UNIT, &[]);
		finalize();
		assert_eq!(
			last_event(),
			Event::RoundFinalized { round: 0, payouts: Default::default(), returned: 20 * UNIT }
		);
		assert_eq!((pot(), Earmarked::<Test>::get()), (POT, 0));
	});
}

#[test]
fn finalize_errors_leave_state_unchanged() {
	build_and_execute(|| {
		open_with(20 * UNIT, &[(OPEN_CODE, ALICE)]);
		ok!(Treasury::give(signed(BOB), 0, OPEN_CODE, UNIT));
		noop!(Treasury::finalize_round(signed(OUTSIDER), 1), Error::<Test>::UnknownRound);
		System::set_block_number(5);
		noop!(Treasury::finalize_round(signed(OUTSIDER), 0), Error::<Test>::RoundNotEnded);
		System::set_block_number(6);
		noop!(Treasury::finalize_round(RuntimeOrigin::none(), 0), DispatchError::BadOrigin);
		ok!(Treasury::finalize_round(signed(OUTSIDER), 0));
		noop!(Treasury::finalize_round(signed(OUTSIDER), 0), Error::<Test>::RoundNotOpen);
		noop!(Treasury::give(signed(BOB), 0, OPEN_CODE, UNIT), Error::<Test>::RoundEnded);
	});
}

#[test]
fn a_commons_archived_during_the_round_gets_no_match_and_its_gifts_go_back() {
	build_and_execute(|| {
		open_with(100 * UNIT, &[(OPEN_CODE, ALICE), (SEED_BANK, BOB)]);
		give_all(&[(CHARLIE, OPEN_CODE, UNIT), (DAVE, OPEN_CODE, 2 * UNIT)]);
		give_all(&[(DAVE, SEED_BANK, UNIT), (EVE, SEED_BANK, UNIT)]);
		TestCommons::archive(OPEN_CODE);
		finalize();
		assert!(events().contains(&Event::CommonsExcluded {
			round: 0,
			commons: OPEN_CODE,
			slashed: 0
		}));
		let entry = RoundCommons::<Test>::get(0, OPEN_CODE).unwrap();
		assert_eq!((entry.state, entry.matched), (FundingState::Excluded, 0));
		assert_eq!(balance(Treasury::commons_account(OPEN_CODE)), 0);
		// Its steward's deposit came back: archiving is no misconduct.
		assert_eq!(balance(ALICE), FUNDS);
		assert_eq!(Earmarked::<Test>::get(), 3 * UNIT);
		ok!(Treasury::refund_gifts(signed(OUTSIDER), 0, OPEN_CODE));
		assert_eq!(
			last_event(),
			Event::GiftsRefunded { round: 0, commons: OPEN_CODE, givers: 2, amount: 3 * UNIT }
		);
		assert_eq!((balance(CHARLIE), balance(DAVE)), (FUNDS, FUNDS - UNIT));
		assert_eq!(Earmarked::<Test>::get(), 0);
		noop!(
			Treasury::refund_gifts(signed(OUTSIDER), 0, OPEN_CODE),
			Error::<Test>::NothingToRefund
		);
	});
}

#[test]
fn the_dao_excludes_a_commons_and_takes_its_deposit() {
	build_and_execute(|| {
		open_with(100 * UNIT, &[(OPEN_CODE, ALICE)]);
		give_all(&[(BOB, OPEN_CODE, UNIT), (CHARLIE, OPEN_CODE, UNIT)]);
		let pot_before = pot();
		ok!(Treasury::exclude_commons(dao(), 0, OPEN_CODE));
		assert_eq!(
			last_event(),
			Event::CommonsExcluded { round: 0, commons: OPEN_CODE, slashed: ENROLMENT_DEPOSIT }
		);
		assert_eq!(pot(), pot_before + ENROLMENT_DEPOSIT);
		assert_eq!(balance(ALICE), FUNDS - ENROLMENT_DEPOSIT);
		noop!(Treasury::give(signed(DAVE), 0, OPEN_CODE, UNIT), Error::<Test>::NotEnrolled);
		noop!(Treasury::exclude_commons(dao(), 0, OPEN_CODE), Error::<Test>::NotEnrolled);
		// Its place is free at once, its gifts' places once they are refunded.
		let round = Rounds::<Test>::get(0).unwrap();
		assert_eq!((round.commons, round.excluded), (0, 1));
		ok!(Treasury::refund_gifts(signed(DAVE), 0, OPEN_CODE));
		assert_eq!((balance(BOB), balance(CHARLIE)), (FUNDS, FUNDS));
		assert_eq!(Rounds::<Test>::get(0).unwrap().gifts, 0);
		ok!(Treasury::enrol(signed(BOB), 0, SEED_BANK));
		noop!(Treasury::enrol(signed(ALICE), 0, OPEN_CODE), Error::<Test>::AlreadyEnrolled);
		finalize();
		assert_eq!(
			Rounds::<Test>::get(0).unwrap().status,
			RoundStatus::Finalized { matched: 0, returned: 100 * UNIT }
		);
	});
}

#[test]
fn exclude_errors_leave_state_unchanged() {
	build_and_execute(|| {
		open_with(100 * UNIT, &[(OPEN_CODE, ALICE)]);
		noop!(Treasury::exclude_commons(signed(ALICE), 0, OPEN_CODE), DispatchError::BadOrigin);
		noop!(Treasury::exclude_commons(dao(), 1, OPEN_CODE), Error::<Test>::UnknownRound);
		noop!(Treasury::exclude_commons(dao(), 0, SEED_BANK), Error::<Test>::NotEnrolled);
		finalize();
		noop!(Treasury::exclude_commons(dao(), 0, OPEN_CODE), Error::<Test>::RoundNotOpen);
	});
}

#[test]
fn the_dao_cancels_a_round_and_every_gift_goes_back() {
	build_and_execute(|| {
		let cap = Treasury::spend_cap_left();
		open_with(100 * UNIT, &[(OPEN_CODE, ALICE), (SEED_BANK, BOB)]);
		give_all(&[(BOB, OPEN_CODE, UNIT), (CHARLIE, SEED_BANK, 2 * UNIT)]);
		ok!(Treasury::cancel_round(dao(), 0));
		// The pool is no longer committed in this period either.
		assert_eq!(Treasury::spend_cap_left(), cap);
		assert_eq!(last_event(), Event::RoundCancelled { round: 0 });
		assert_eq!(Rounds::<Test>::get(0).unwrap().status, RoundStatus::Cancelled);
		// The pool is spendable again; the deposits came back; the gifts are still owed.
		assert_eq!(Earmarked::<Test>::get(), 3 * UNIT);
		assert_eq!(balance(ALICE), FUNDS);
		noop!(Treasury::give(signed(DAVE), 0, OPEN_CODE, UNIT), Error::<Test>::RoundEnded);
		noop!(Treasury::finalize_round(signed(DAVE), 0), Error::<Test>::RoundNotOpen);
		noop!(Treasury::cancel_round(dao(), 0), Error::<Test>::RoundNotOpen);
		ok!(Treasury::refund_gifts(signed(OUTSIDER), 0, OPEN_CODE));
		ok!(Treasury::refund_gifts(signed(OUTSIDER), 0, SEED_BANK));
		assert_eq!((balance(BOB), balance(CHARLIE)), (FUNDS, FUNDS));
		assert_eq!((Earmarked::<Test>::get(), pot()), (0, POT));
	});
}

#[test]
fn cancel_and_refund_errors_leave_state_unchanged() {
	build_and_execute(|| {
		open_with(100 * UNIT, &[(OPEN_CODE, ALICE)]);
		noop!(Treasury::cancel_round(signed(ALICE), 0), DispatchError::BadOrigin);
		noop!(Treasury::cancel_round(dao(), 1), Error::<Test>::UnknownRound);
		noop!(Treasury::refund_gifts(signed(ALICE), 1, OPEN_CODE), Error::<Test>::UnknownRound);
		noop!(Treasury::refund_gifts(signed(ALICE), 0, SEED_BANK), Error::<Test>::NotEnrolled);
		noop!(Treasury::refund_gifts(signed(ALICE), 0, OPEN_CODE), Error::<Test>::NothingToRefund);
		noop!(
			Treasury::refund_gifts(RuntimeOrigin::none(), 0, OPEN_CODE),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn matching_rules_are_set_by_their_origin_and_validated() {
	build_and_execute(|| {
		let rules = MatchingRulesRecord {
			coordination_bound: 5 * UNIT,
			max_match_share: Perbill::from_percent(10),
		};
		ok!(Treasury::set_matching_rules(dao(), rules));
		assert_eq!(last_event(), Event::MatchingRulesChanged { rules });
		noop!(Treasury::set_matching_rules(signed(ALICE), rules), DispatchError::BadOrigin);
		noop!(
			Treasury::set_matching_rules(
				dao(),
				MatchingRulesRecord { coordination_bound: 0, ..rules }
			),
			Error::<Test>::InvalidMatchingRules
		);
	});
}

#[test]
fn excluded_commons_give_their_place_back_within_a_bound_on_records() {
	build_and_execute(|| {
		for commons in 4..10 {
			TestCommons::set(commons, true, &[FERDIE]);
		}
		open_with(20 * UNIT, &[(OPEN_CODE, ALICE), (SEED_BANK, BOB), (TOOL_LIBRARY, EVE)]);
		// Three places, three more records for excluded commons.
		for commons in [OPEN_CODE, SEED_BANK, TOOL_LIBRARY] {
			ok!(Treasury::exclude_commons(dao(), 0, commons));
		}
		for commons in 4..7 {
			ok!(Treasury::enrol(signed(FERDIE), 0, commons));
		}
		ok!(Treasury::exclude_commons(dao(), 0, 4));
		noop!(Treasury::enrol(signed(FERDIE), 0, 7), Error::<Test>::TooManyCommons);
		let round = Rounds::<Test>::get(0).unwrap();
		assert_eq!((round.commons, round.excluded), (2, 4));
	});
}

#[test]
fn the_projection_shows_the_match_finalising_would_pay() {
	build_and_execute(|| {
		add_donors(3_000 * UNIT);
		set_match_share(100);
		open_with(199 * UNIT, &[(OPEN_CODE, ALICE), (SEED_BANK, BOB), (TOOL_LIBRARY, EVE)]);
		let (a, b) = (DONORS[0], DONORS[1]);
		give_all(&[
			(a, OPEN_CODE, 1_000 * UNIT),
			(b, OPEN_CODE, 1_000 * UNIT),
			(a, TOOL_LIBRARY, 1_000 * UNIT),
			(b, TOOL_LIBRARY, 1_000 * UNIT),
			(DONORS[2], SEED_BANK, UNIT),
		]);
		TestCommons::archive(SEED_BANK);
		System::set_block_number(6);
		// The same figures as `a_pair_co_funding_two_commons_is_bounded_across_both`: the
		// archived commons takes no part in the coordination, and is projected no match.
		let projection = Treasury::project_round(0);
		let shown: Vec<_> = projection
			.iter()
			.map(|entry| (entry.commons, entry.state, entry.given, entry.givers, entry.matched))
			.collect();
		assert_eq!(
			shown,
			[
				(OPEN_CODE, FundingState::Enrolled, 2_000 * UNIT, 2, 95_237_872),
				(SEED_BANK, FundingState::Enrolled, UNIT, 1, 0),
				(TOOL_LIBRARY, FundingState::Enrolled, 2_000 * UNIT, 2, 95_237_872),
			]
		);
		finalize();
		assert_eq!((matched(OPEN_CODE), matched(TOOL_LIBRARY)), (95_237_872, 95_237_872));
		// Once finalised, the projection shows what was paid.
		let paid: Vec<_> =
			Treasury::project_round(0).iter().map(|entry| (entry.state, entry.matched)).collect();
		assert_eq!(
			paid,
			[
				(FundingState::Paid, 95_237_872),
				(FundingState::Excluded, 0),
				(FundingState::Paid, 95_237_872)
			]
		);
		assert!(Treasury::project_round(1).is_empty());
	});
}

#[test]
fn only_open_rounds_are_listed_newest_first() {
	build_and_execute(|| {
		ok!(Treasury::open_round(dao(), UNIT, 2, 5));
		ok!(Treasury::open_round(dao(), 2 * UNIT, 2, 5));
		ok!(Treasury::open_round(dao(), 3 * UNIT, 2, 5));
		ok!(Treasury::cancel_round(dao(), 1));
		let listed = |limit| -> Vec<_> {
			Treasury::open_rounds(limit)
				.into_iter()
				.map(|(id, round)| (id, round.matching))
				.collect()
		};
		assert_eq!(listed(10), [(2, 3 * UNIT), (0, UNIT)]);
		assert_eq!(listed(1), [(2, 3 * UNIT)]);
		assert!(listed(0).is_empty());
	});
}

fn open_rounds() -> Vec<RoundId> {
	OpenRounds::<Test>::get().into_inner()
}

#[test]
fn an_open_round_stays_listed_however_many_rounds_come_after_it() {
	build_and_execute(|| {
		ok!(Treasury::open_round(dao(), UNIT, 2, 5));
		// Many rounds later (more than a view could look at, were it scanning), round 0 is
		// still open, and listed.
		for round in 1..=30 {
			ok!(Treasury::open_round(dao(), UNIT, 2, 5));
			ok!(Treasury::cancel_round(dao(), round));
		}
		assert_eq!(open_rounds(), [0]);
		assert_eq!(
			Treasury::open_rounds(u32::MAX).into_iter().map(|(id, _)| id).collect::<Vec<_>>(),
			[0]
		);
	});
}

#[test]
fn the_index_of_open_rounds_keeps_step_with_opening_finalising_and_cancelling() {
	build_and_execute(|| {
		// `ok!` checks after each step that the index is exactly the open rounds, sorted.
		ok!(Treasury::open_round(dao(), UNIT, 2, 5));
		ok!(Treasury::open_round(dao(), UNIT, 2, 5));
		ok!(Treasury::open_round(dao(), UNIT, 2, 5));
		assert_eq!(open_rounds(), [0, 1, 2]);
		ok!(Treasury::enrol(signed(ALICE), 1, OPEN_CODE));
		ok!(Treasury::give(signed(BOB), 1, OPEN_CODE, UNIT));
		ok!(Treasury::cancel_round(dao(), 1));
		assert_eq!(open_rounds(), [0, 2]);
		// An ended round stays open, and listed, until someone finalises it.
		System::set_block_number(6);
		assert_eq!(open_rounds(), [0, 2]);
		ok!(Treasury::finalize_round(signed(OUTSIDER), 2));
		assert_eq!(open_rounds(), [0]);
		ok!(Treasury::open_round(dao(), UNIT, 2, 5));
		assert_eq!(open_rounds(), [0, 3]);
		// Refunds and exclusions leave a round's place in the index as it is.
		ok!(Treasury::refund_gifts(signed(OUTSIDER), 1, OPEN_CODE));
		ok!(Treasury::enrol(signed(ALICE), 3, OPEN_CODE));
		ok!(Treasury::exclude_commons(dao(), 3, OPEN_CODE));
		assert_eq!(open_rounds(), [0, 3]);
		ok!(Treasury::finalize_round(signed(OUTSIDER), 0));
		assert_eq!(open_rounds(), [3]);
	});
}

#[test]
fn a_round_beyond_max_open_rounds_fails_and_changes_nothing() {
	build_and_execute(|| {
		for _ in 0..MOST_OPEN_ROUNDS {
			ok!(Treasury::open_round(dao(), UNIT, 2, 5));
		}
		assert_eq!(open_rounds(), [0, 1, 2, 3]);
		noop!(Treasury::open_round(dao(), UNIT, 2, 5), Error::<Test>::TooManyOpenRounds);
		// Anyone finalises a round that has ended, which makes room.
		System::set_block_number(6);
		noop!(Treasury::open_round(dao(), UNIT, 2, 5), Error::<Test>::TooManyOpenRounds);
		ok!(Treasury::finalize_round(signed(OUTSIDER), 1));
		ok!(Treasury::open_round(dao(), UNIT, 2, 5));
		assert_eq!(open_rounds(), [0, 2, 3, 4]);
		// So does cancelling one.
		noop!(Treasury::open_round(dao(), UNIT, 2, 5), Error::<Test>::TooManyOpenRounds);
		ok!(Treasury::cancel_round(dao(), 4));
		ok!(Treasury::open_round(dao(), UNIT, 2, 5));
		assert_eq!(open_rounds(), [0, 2, 3, 5]);
	});
}
