//! Paying from a commons' account: one steward alone within the allowance per period, a
//! majority of the acting stewards above it, nobody when the commons is frozen.

use super::*;
use crate::{CommonsSpends, StewardSpending};

/// Puts `amount` into the account of `commons`.
fn fund(commons: ostrom_primitives::CommonsId, amount: u64) -> AccountId {
	let account = Treasury::commons_account(commons);
	Balances::set_balance(&account, amount);
	account
}

#[test]
fn one_steward_pays_within_the_allowance_per_period() {
	build_and_execute(|| {
		let account = fund(SEED_BANK, 100 * UNIT);
		ok!(Treasury::spend_commons_funds(signed(CHARLIE), SEED_BANK, NOBODY, 6 * UNIT));
		assert_eq!(
			last_event(),
			Event::CommonsFundsSpent {
				commons: SEED_BANK,
				steward: CHARLIE,
				beneficiary: NOBODY,
				amount: 6 * UNIT
			}
		);
		assert_eq!((balance(account), balance(NOBODY)), (94 * UNIT, 6 * UNIT));
		// The allowance is the commons', not each steward's: Bob has 4 left, not 10.
		noop!(
			Treasury::spend_commons_funds(signed(BOB), SEED_BANK, NOBODY, 5 * UNIT),
			Error::<Test>::OverStewardAllowance
		);
		ok!(Treasury::spend_commons_funds(signed(BOB), SEED_BANK, NOBODY, 4 * UNIT));
		// A new period, a new allowance.
		System::set_block_number(PERIOD);
		ok!(Treasury::spend_commons_funds(signed(BOB), SEED_BANK, NOBODY, STEWARD_ALLOWANCE));
		assert_eq!(StewardSpending::<Test>::get(SEED_BANK).committed, STEWARD_ALLOWANCE);
		// An archived commons' acting stewards may still pay from it.
		TestCommons::archive(SEED_BANK);
		System::set_block_number(2 * PERIOD);
		ok!(Treasury::spend_commons_funds(signed(BOB), SEED_BANK, BOB, UNIT));
	});
}

#[test]
fn spend_commons_funds_errors_leave_state_unchanged() {
	build_and_execute(|| {
		fund(OPEN_CODE, UNIT);
		noop!(
			Treasury::spend_commons_funds(signed(ALICE), OPEN_CODE, NOBODY, 0),
			Error::<Test>::ZeroAmount
		);
		noop!(
			Treasury::spend_commons_funds(signed(BOB), OPEN_CODE, NOBODY, UNIT),
			Error::<Test>::NotSteward
		);
		noop!(
			Treasury::spend_commons_funds(signed(ALICE), OPEN_CODE, NOBODY, UNIT + 1),
			Error::<Test>::InsufficientCommonsFunds
		);
		noop!(
			Treasury::spend_commons_funds(signed(ALICE), OPEN_CODE, NOBODY, ED - 1),
			Error::<Test>::BeneficiaryCannotReceive
		);
		// Leaving less than the existential deposit would destroy it as dust.
		noop!(
			Treasury::spend_commons_funds(signed(ALICE), OPEN_CODE, ALICE, UNIT - ED + 1),
			Error::<Test>::WouldLeaveDust
		);
		fund(OPEN_CODE, 100 * UNIT);
		noop!(
			Treasury::spend_commons_funds(signed(ALICE), OPEN_CODE, NOBODY, STEWARD_ALLOWANCE + 1),
			Error::<Test>::OverStewardAllowance
		);
		// Alice is its only steward: suspended, she leaves the commons frozen.
		TestMembership::suspend(ALICE as u64);
		noop!(
			Treasury::spend_commons_funds(signed(ALICE), OPEN_CODE, NOBODY, UNIT),
			Error::<Test>::CommonsFrozen
		);
	});
}

#[test]
fn a_majority_of_acting_stewards_pays_a_larger_spend() {
	build_and_execute(|| {
		let account = fund(TOOL_LIBRARY, 100 * UNIT);
		TestCommons::set(TOOL_LIBRARY, true, &[EVE, ALICE, BOB]);
		ok!(Treasury::propose_commons_spend(signed(EVE), TOOL_LIBRARY, NOBODY, 60 * UNIT));
		assert_eq!(
			last_event(),
			Event::CommonsSpendProposed {
				commons: TOOL_LIBRARY,
				spend: 0,
				steward: EVE,
				beneficiary: NOBODY,
				amount: 60 * UNIT
			}
		);
		// One of three is no majority.
		assert_eq!(balance(account), 100 * UNIT);
		ok!(Treasury::approve_commons_spend(signed(BOB), TOOL_LIBRARY, 0));
		assert_eq!((balance(account), balance(NOBODY)), (40 * UNIT, 60 * UNIT));
		assert_eq!(
			events()[events().len() - 2..],
			[
				Event::CommonsSpendApproved { commons: TOOL_LIBRARY, spend: 0, steward: BOB },
				Event::CommonsFundsSpent {
					commons: TOOL_LIBRARY,
					steward: BOB,
					beneficiary: NOBODY,
					amount: 60 * UNIT
				}
			]
		);
		assert!(CommonsSpends::<Test>::get(TOOL_LIBRARY).is_empty());
	});
}

#[test]
fn approvals_of_stewards_who_no_longer_act_do_not_count() {
	build_and_execute(|| {
		fund(TOOL_LIBRARY, 100 * UNIT);
		TestCommons::set(TOOL_LIBRARY, true, &[EVE, ALICE, BOB, CHARLIE]);
		ok!(Treasury::propose_commons_spend(signed(EVE), TOOL_LIBRARY, NOBODY, 60 * UNIT));
		ok!(Treasury::approve_commons_spend(signed(ALICE), TOOL_LIBRARY, 0));
		// Two of four is no majority; Eve is suspended: one of three acting is not either.
		TestMembership::suspend(EVE as u64);
		ok!(Treasury::approve_commons_spend(signed(BOB), TOOL_LIBRARY, 0));
		assert_eq!(balance(Treasury::commons_account(TOOL_LIBRARY)), 40 * UNIT);
	});
}

#[test]
fn a_lone_steward_is_a_majority() {
	build_and_execute(|| {
		fund(OPEN_CODE, 100 * UNIT);
		ok!(Treasury::propose_commons_spend(signed(ALICE), OPEN_CODE, NOBODY, 60 * UNIT));
		assert_eq!(balance(NOBODY), 60 * UNIT);
		assert!(CommonsSpends::<Test>::get(OPEN_CODE).is_empty());
	});
}

#[test]
fn spends_lapse_and_are_removed() {
	build_and_execute(|| {
		fund(SEED_BANK, 100 * UNIT);
		TestCommons::set(SEED_BANK, true, &[BOB, CHARLIE, DAVE]);
		ok!(Treasury::propose_commons_spend(signed(BOB), SEED_BANK, NOBODY, 50 * UNIT));
		ok!(Treasury::propose_commons_spend(signed(BOB), SEED_BANK, NOBODY, 40 * UNIT));
		noop!(
			Treasury::propose_commons_spend(signed(BOB), SEED_BANK, NOBODY, 30 * UNIT),
			Error::<Test>::TooManyPendingSpends
		);
		noop!(
			Treasury::remove_commons_spend(signed(OUTSIDER), SEED_BANK, 0),
			Error::<Test>::SpendNotLapsed
		);
		ok!(Treasury::remove_commons_spend(signed(CHARLIE), SEED_BANK, 0));
		assert_eq!(last_event(), Event::CommonsSpendRemoved { commons: SEED_BANK, spend: 0 });
		ok!(Treasury::remove_commons_spend(dao(), SEED_BANK, 1));
		ok!(Treasury::propose_commons_spend(signed(BOB), SEED_BANK, NOBODY, 30 * UNIT));
		System::set_block_number(1 + SPEND_LIFETIME);
		noop!(
			Treasury::approve_commons_spend(signed(CHARLIE), SEED_BANK, 2),
			Error::<Test>::CommonsSpendLapsed
		);
		ok!(Treasury::remove_commons_spend(signed(OUTSIDER), SEED_BANK, 2));
		// The DAO removes a spend whether it lapsed or not.
		ok!(Treasury::propose_commons_spend(signed(BOB), SEED_BANK, NOBODY, 30 * UNIT));
		System::set_block_number(1 + 2 * SPEND_LIFETIME);
		ok!(Treasury::remove_commons_spend(dao(), SEED_BANK, 3));
		// Lapsed spends also make room when a new one is proposed.
		ok!(Treasury::propose_commons_spend(signed(BOB), SEED_BANK, NOBODY, 30 * UNIT));
		ok!(Treasury::propose_commons_spend(signed(BOB), SEED_BANK, NOBODY, 20 * UNIT));
		System::set_block_number(1 + 3 * SPEND_LIFETIME);
		ok!(Treasury::propose_commons_spend(signed(BOB), SEED_BANK, NOBODY, 10 * UNIT));
		assert_eq!(CommonsSpends::<Test>::get(SEED_BANK).len(), 1);
	});
}

#[test]
fn commons_spend_errors_leave_state_unchanged() {
	build_and_execute(|| {
		fund(SEED_BANK, 100 * UNIT);
		TestCommons::set(SEED_BANK, true, &[BOB, CHARLIE, DAVE]);
		noop!(
			Treasury::propose_commons_spend(signed(BOB), SEED_BANK, NOBODY, 0),
			Error::<Test>::ZeroAmount
		);
		noop!(
			Treasury::propose_commons_spend(signed(EVE), SEED_BANK, NOBODY, UNIT),
			Error::<Test>::NotSteward
		);
		ok!(Treasury::propose_commons_spend(signed(BOB), SEED_BANK, NOBODY, 500 * UNIT));
		noop!(
			Treasury::approve_commons_spend(signed(EVE), SEED_BANK, 0),
			Error::<Test>::NotSteward
		);
		noop!(
			Treasury::approve_commons_spend(signed(CHARLIE), SEED_BANK, 7),
			Error::<Test>::UnknownCommonsSpend
		);
		noop!(
			Treasury::approve_commons_spend(signed(BOB), SEED_BANK, 0),
			Error::<Test>::AlreadyApproved
		);
		// The majority is reached, but the account has not this much.
		noop!(
			Treasury::approve_commons_spend(signed(CHARLIE), SEED_BANK, 0),
			Error::<Test>::InsufficientCommonsFunds
		);
		noop!(
			Treasury::remove_commons_spend(signed(BOB), SEED_BANK, 7),
			Error::<Test>::UnknownCommonsSpend
		);
		// Nobody acts for a commons whose stewards all left: it is frozen.
		for steward in [BOB, CHARLIE, DAVE] {
			TestMembership::suspend(steward as u64);
		}
		noop!(
			Treasury::approve_commons_spend(signed(CHARLIE), SEED_BANK, 0),
			Error::<Test>::CommonsFrozen
		);
		noop!(
			Treasury::propose_commons_spend(signed(CHARLIE), SEED_BANK, NOBODY, UNIT),
			Error::<Test>::CommonsFrozen
		);
	});
}

#[test]
fn a_spend_gathers_at_most_max_approvals() {
	build_and_execute(|| {
		fund(SEED_BANK, 100 * UNIT);
		// Nine acting stewards: a majority is five, more than the mock's four approvals.
		let stewards: Vec<AccountId> = (20..29).collect();
		for who in &stewards {
			TestMembership::set_member(*who as u64);
		}
		TestCommons::set(SEED_BANK, true, &stewards);
		ok!(Treasury::propose_commons_spend(signed(20), SEED_BANK, NOBODY, 50 * UNIT));
		for who in 21..24 {
			ok!(Treasury::approve_commons_spend(signed(who), SEED_BANK, 0));
		}
		noop!(
			Treasury::approve_commons_spend(signed(24), SEED_BANK, 0),
			Error::<Test>::TooManyApprovals
		);
	});
}
