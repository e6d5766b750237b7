//! Every treasury call: its success path with events, each error leaving storage unchanged,
//! the spending cap, vesting, and quadratic-funding payouts against figures worked out by hand.
//! The invariants are checked after every step.

use crate::{
	mock::*, AuthorFees, Earmarked, Error, Event, Gift, Gifts, Grant, Grants, HoldReason,
	LiveGrants, RoundCommons, SpendRules, SpendRulesRecord, ToBlockAuthor,
};
use frame_support::assert_ok;
use frame_support::traits::{
	fungible::{Balanced, Inspect, InspectHold, Mutate, MutateHold},
	tokens::{Fortitude, Precision, Preservation},
	Hooks, OnUnbalanced,
};
use frame_system::RawOrigin;
use sp_runtime::{DispatchError, Perbill};

mod commons_funds;
mod properties;
mod rounds;

fn signed(who: AccountId) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn dao() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Treasury(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn last_event() -> Event<Test> {
	events().pop().expect("an event")
}

fn balance(who: AccountId) -> u64 {
	Balances::balance(&who)
}

fn pot() -> u64 {
	balance(Treasury::pot())
}

/// What the pot can commit before any spending: all but its existential deposit.
const SPENDABLE: u64 = POT - ED;

#[test]
fn genesis_gives_an_empty_pot_its_existential_deposit() {
	new_test_ext_with_pot(0).execute_with(|| {
		assert_eq!(pot(), ED);
		assert_eq!(Treasury::spendable(), 0);
		check_invariants();
		noop!(Treasury::spend(dao(), NOBODY, ED), Error::<Test>::InsufficientFunds);
	});
}

#[test]
fn donations_fill_the_pot() {
	build_and_execute(|| {
		ok!(Treasury::donate(signed(OUTSIDER), 5 * UNIT));
		assert_eq!((pot(), balance(OUTSIDER)), (POT + 5 * UNIT, FUNDS - 5 * UNIT));
		assert_eq!(last_event(), Event::Deposited { from: Some(OUTSIDER), amount: 5 * UNIT });
	});
}

#[test]
fn donate_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Treasury::donate(signed(OUTSIDER), 0), Error::<Test>::ZeroAmount);
		// Giving everything would kill the donor's account.
		noop!(Treasury::donate(signed(OUTSIDER), FUNDS), Error::<Test>::InsufficientBalance);
		noop!(Treasury::donate(signed(NOBODY), 1), Error::<Test>::InsufficientBalance);
		noop!(Treasury::donate(RuntimeOrigin::none(), 1), DispatchError::BadOrigin);
	});
}

#[test]
fn fees_and_slashes_handed_over_by_the_runtime_reach_the_pot() {
	build_and_execute(|| {
		let issuance = Balances::total_issuance();
		let slashed = <Balances as Balanced<AccountId>>::withdraw(
			&OUTSIDER,
			3 * UNIT,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.unwrap();
		Treasury::on_unbalanced(slashed);
		assert_eq!(pot(), POT + 3 * UNIT);
		assert_eq!(Balances::total_issuance(), issuance);
		assert_eq!(last_event(), Event::Deposited { from: None, amount: 3 * UNIT });
	});
}

/// A fee of `amount` taken from the outsider, handed to the author's share as the runtime does.
fn author_share_of_a_fee(amount: u64) {
	let fee = <Balances as Balanced<AccountId>>::withdraw(
		&OUTSIDER,
		amount,
		Precision::Exact,
		Preservation::Preserve,
		Fortitude::Polite,
	)
	.unwrap();
	ToBlockAuthor::<Test>::on_unbalanced(fee);
}

#[test]
fn the_authors_share_of_fees_waits_in_the_pot_and_is_paid_when_the_block_ends() {
	build_and_execute(|| {
		Author::set(Some(NOBODY));
		let (issuance, spendable) = (Balances::total_issuance(), Treasury::spendable());
		author_share_of_a_fee(2 * UNIT);
		author_share_of_a_fee(UNIT);
		// In the pot, owed to the author, and not the DAO's to spend.
		assert_eq!((pot(), AuthorFees::<Test>::get()), (POT + 3 * UNIT, 3 * UNIT));
		assert_eq!(Treasury::spendable(), spendable);
		assert_eq!(Balances::total_issuance(), issuance);
		check_invariants();

		Treasury::on_finalize(1);
		assert_eq!((pot(), balance(NOBODY), AuthorFees::<Test>::get()), (POT, 3 * UNIT, 0));
		assert_eq!(last_event(), Event::AuthorPaid { author: NOBODY, amount: 3 * UNIT });
		// Nothing is owed the next block's author until a fee is paid.
		let events = System::events().len();
		Treasury::on_finalize(2);
		assert_eq!((balance(NOBODY), System::events().len()), (3 * UNIT, events));
	});
}

#[test]
fn without_an_author_who_can_receive_it_the_treasury_keeps_the_authors_share() {
	build_and_execute(|| {
		// No author.
		Author::set(None);
		author_share_of_a_fee(UNIT);
		Treasury::on_finalize(1);
		assert_eq!((pot(), AuthorFees::<Test>::get()), (POT + UNIT, 0));
		// A new account cannot be given less than the existential deposit.
		Author::set(Some(NOBODY));
		author_share_of_a_fee(ED - 1);
		Treasury::on_finalize(2);
		assert_eq!(
			(pot(), balance(NOBODY), AuthorFees::<Test>::get()),
			(POT + UNIT + ED - 1, 0, 0)
		);
		assert!(!events().iter().any(|event| matches!(event, Event::AuthorPaid { .. })));
	});
}

#[test]
fn the_dao_spends_up_to_its_cap_per_period() {
	build_and_execute(|| {
		// A fifth of the pot: 199.9998 UNIT.
		let cap = SPENDABLE / 5;
		assert_eq!(Treasury::spend_cap_left(), cap);
		ok!(Treasury::spend(dao(), NOBODY, 150 * UNIT));
		assert_eq!((balance(NOBODY), pot()), (150 * UNIT, POT - 150 * UNIT));
		assert_eq!(last_event(), Event::Spent { beneficiary: NOBODY, amount: 150 * UNIT });
		// The cap is a share of the pot as it was before this period's spending.
		assert_eq!(Treasury::spend_cap_left(), cap - 150 * UNIT);
		noop!(Treasury::spend(dao(), NOBODY, 50 * UNIT), Error::<Test>::OverSpendCap);
		ok!(Treasury::spend(dao(), NOBODY, cap - 150 * UNIT));
		noop!(Treasury::spend(dao(), NOBODY, 1), Error::<Test>::OverSpendCap);

		// A new period, a new cap: a fifth of what is left.
		System::set_block_number(PERIOD);
		assert_eq!(Treasury::spend_cap_left(), (SPENDABLE - cap) / 5);
		ok!(Treasury::spend(dao(), BOB, UNIT));
		assert_eq!(balance(BOB), FUNDS + UNIT);
	});
}

#[test]
fn spend_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Treasury::spend(signed(ALICE), ALICE, UNIT), DispatchError::BadOrigin);
		noop!(Treasury::spend(dao(), NOBODY, 0), Error::<Test>::ZeroAmount);
		noop!(Treasury::spend(dao(), Treasury::pot(), UNIT), Error::<Test>::PotIsBeneficiary);
		noop!(Treasury::spend(dao(), NOBODY, POT), Error::<Test>::InsufficientFunds);
		// A new account needs at least the existential deposit.
		noop!(Treasury::spend(dao(), NOBODY, ED - 1), Error::<Test>::BeneficiaryCannotReceive);
		ok!(Treasury::set_spend_rules(
			dao(),
			SpendRulesRecord { period: PERIOD, max_share: Perbill::one() }
		));
		// Even a cap of the whole pot leaves the existential deposit.
		noop!(Treasury::spend(dao(), NOBODY, SPENDABLE + 1), Error::<Test>::InsufficientFunds);
		ok!(Treasury::spend(dao(), NOBODY, SPENDABLE));
		assert_eq!(pot(), ED);
	});
}

#[test]
fn grants_and_rounds_count_against_the_cap_and_are_earmarked() {
	build_and_execute(|| {
		ok!(Treasury::open_round(dao(), 100 * UNIT, 2, 5));
		ok!(Treasury::grant(dao(), NOBODY, 90 * UNIT, 10));
		assert_eq!(Earmarked::<Test>::get(), 190 * UNIT);
		assert_eq!(Treasury::spendable(), SPENDABLE - 190 * UNIT);
		// Committed 190 of a cap of 199.9998.
		assert_eq!(Treasury::spend_cap_left(), SPENDABLE / 5 - 190 * UNIT);
		noop!(Treasury::spend(dao(), NOBODY, 10 * UNIT), Error::<Test>::OverSpendCap);
		ok!(Treasury::spend(dao(), NOBODY, 9 * UNIT));
		// Next period, the earmarked money still cannot be spent again.
		ok!(Treasury::set_spend_rules(
			dao(),
			SpendRulesRecord { period: PERIOD, max_share: Perbill::one() }
		));
		System::set_block_number(PERIOD);
		let spendable = SPENDABLE - 199 * UNIT;
		assert_eq!(Treasury::spendable(), spendable);
		noop!(Treasury::spend(dao(), NOBODY, spendable + 1), Error::<Test>::InsufficientFunds);
	});
}

#[test]
fn the_dao_changes_the_spending_rule() {
	build_and_execute(|| {
		ok!(Treasury::spend(dao(), NOBODY, 100 * UNIT));
		let rules = SpendRulesRecord { period: 5, max_share: Perbill::from_percent(50) };
		ok!(Treasury::set_spend_rules(dao(), rules));
		assert_eq!(SpendRules::<Test>::get(), rules);
		assert_eq!(last_event(), Event::SpendRulesChanged { rules });
		// What was committed in this period still counts: half of (pot + 100) less 100.
		assert_eq!(Treasury::spend_cap_left(), SPENDABLE / 2 - 100 * UNIT);
	});
}

#[test]
fn set_spend_rules_errors_leave_state_unchanged() {
	build_and_execute(|| {
		let rules = SpendRulesRecord { period: 5, max_share: Perbill::from_percent(50) };
		noop!(Treasury::set_spend_rules(signed(ALICE), rules), DispatchError::BadOrigin);
		noop!(
			Treasury::set_spend_rules(dao(), SpendRulesRecord { period: 0, ..rules }),
			Error::<Test>::InvalidSpendRules
		);
	});
}

#[test]
fn a_grant_vests_linearly_and_is_claimed_as_it_vests() {
	build_and_execute(|| {
		ok!(Treasury::grant(dao(), NOBODY, 100 * UNIT, 10));
		let grant = Grant::<Test> {
			beneficiary: NOBODY,
			amount: 100 * UNIT,
			claimed: 0,
			start: 1,
			duration: 10,
		};
		assert_eq!(Grants::<Test>::get(0), Some(grant.clone()));
		assert_eq!(
			last_event(),
			Event::GrantCreated {
				grant: 0,
				beneficiary: NOBODY,
				amount: 100 * UNIT,
				start: 1,
				duration: 10
			}
		);
		noop!(Treasury::claim_grant(signed(NOBODY), 0), Error::<Test>::NothingToClaim);

		// Three blocks of ten: 30.
		System::set_block_number(4);
		ok!(Treasury::claim_grant(signed(NOBODY), 0));
		assert_eq!(balance(NOBODY), 30 * UNIT);
		assert_eq!(Earmarked::<Test>::get(), 70 * UNIT);
		assert_eq!(
			last_event(),
			Event::GrantClaimed { grant: 0, beneficiary: NOBODY, amount: 30 * UNIT }
		);
		noop!(Treasury::claim_grant(signed(NOBODY), 0), Error::<Test>::NothingToClaim);

		// Past its end the rest is due, and the paid-up grant is gone.
		System::set_block_number(50);
		ok!(Treasury::claim_grant(signed(NOBODY), 0));
		assert_eq!(balance(NOBODY), 100 * UNIT);
		assert_eq!((Grants::<Test>::get(0), Earmarked::<Test>::get()), (None, 0));
		assert_eq!(pot(), POT - 100 * UNIT);
	});
}

#[test]
fn vesting_rounds_down() {
	let grant =
		Grant::<Test> { beneficiary: 0u128, amount: 10u64, claimed: 0, start: 0u64, duration: 3 };
	assert_eq!([0, 1, 2, 3, 4].map(|now| grant.vested_at(now)), [0, 3, 6, 10, 10]);
}

#[test]
fn grant_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Treasury::grant(signed(ALICE), ALICE, UNIT, 10), DispatchError::BadOrigin);
		noop!(Treasury::grant(dao(), ALICE, UNIT, 0), Error::<Test>::ZeroDuration);
		noop!(Treasury::grant(dao(), ALICE, 0, 10), Error::<Test>::GrantTooSmall);
		noop!(Treasury::grant(dao(), NOBODY, ED - 1, 10), Error::<Test>::GrantTooSmall);
		noop!(Treasury::grant(dao(), Treasury::pot(), UNIT, 10), Error::<Test>::PotIsBeneficiary);
		noop!(Treasury::grant(dao(), ALICE, POT, 10), Error::<Test>::InsufficientFunds);
		noop!(Treasury::grant(dao(), ALICE, 200 * UNIT, 10), Error::<Test>::OverSpendCap);
		ok!(Treasury::grant(dao(), ALICE, 10 * UNIT, 10));
		System::set_block_number(5);
		noop!(Treasury::claim_grant(signed(ALICE), 1), Error::<Test>::UnknownGrant);
		noop!(Treasury::claim_grant(signed(BOB), 0), Error::<Test>::NotBeneficiary);
		noop!(Treasury::cancel_grant(signed(ALICE), 0), DispatchError::BadOrigin);
		noop!(Treasury::cancel_grant(dao(), 1), Error::<Test>::UnknownGrant);
		// Fully vested, nothing is left to stop; the beneficiary still claims it all.
		System::set_block_number(11);
		noop!(Treasury::cancel_grant(dao(), 0), Error::<Test>::NothingToCancel);
		ok!(Treasury::claim_grant(signed(ALICE), 0));
	});
}

#[test]
fn anyone_pays_a_grant_to_a_beneficiary_who_cannot_sign() {
	build_and_execute(|| {
		// A grant to a commons' account, which has no key.
		let account = Treasury::commons_account(OPEN_CODE);
		ok!(Treasury::grant(dao(), account, 10 * UNIT, 10));
		System::set_block_number(6);
		noop!(Treasury::claim_grant(signed(OUTSIDER), 0), Error::<Test>::NotBeneficiary);
		ok!(Treasury::claim_grant_for(signed(OUTSIDER), 0));
		assert_eq!(balance(account), 5 * UNIT);
		assert_eq!(
			last_event(),
			Event::GrantClaimed { grant: 0, beneficiary: account, amount: 5 * UNIT }
		);
		noop!(Treasury::claim_grant_for(signed(OUTSIDER), 0), Error::<Test>::NothingToClaim);
		noop!(Treasury::claim_grant_for(signed(OUTSIDER), 1), Error::<Test>::UnknownGrant);
		noop!(Treasury::claim_grant_for(RuntimeOrigin::none(), 0), DispatchError::BadOrigin);
		System::set_block_number(11);
		ok!(Treasury::claim_grant_for(signed(BOB), 0));
		assert_eq!(
			(balance(account), Grants::<Test>::get(0), Earmarked::<Test>::get()),
			(10 * UNIT, None, 0)
		);
	});
}

#[test]
fn a_cancelled_grant_pays_what_had_vested_and_releases_the_rest() {
	build_and_execute(|| {
		ok!(Treasury::grant(dao(), NOBODY, 100 * UNIT, 10));
		System::set_block_number(3);
		ok!(Treasury::claim_grant(signed(NOBODY), 0));
		System::set_block_number(5);
		ok!(Treasury::cancel_grant(dao(), 0));
		assert_eq!(last_event(), Event::GrantCancelled { grant: 0, unvested: 60 * UNIT });
		assert_eq!(Earmarked::<Test>::get(), 20 * UNIT);
		// Later blocks vest nothing more.
		System::set_block_number(9);
		ok!(Treasury::claim_grant(signed(NOBODY), 0));
		assert_eq!(balance(NOBODY), 40 * UNIT);
		assert_eq!((Grants::<Test>::get(0), Earmarked::<Test>::get()), (None, 0));
		// Cancelled in its first block, a grant vests nothing and is gone at once.
		ok!(Treasury::grant(dao(), NOBODY, 10 * UNIT, 10));
		ok!(Treasury::cancel_grant(dao(), 1));
		assert_eq!((Grants::<Test>::get(1), Earmarked::<Test>::get()), (None, 0));
	});
}

#[test]
fn the_invariants_catch_money_owed_but_missing() {
	build_and_execute(|| {
		ok!(Treasury::open_round(dao(), 20 * UNIT, 2, 5));
		ok!(Treasury::enrol(signed(ALICE), 0, OPEN_CODE));
		ok!(Treasury::give(signed(BOB), 0, OPEN_CODE, UNIT));
		Earmarked::<Test>::put(20 * UNIT);
		assert!(Treasury::do_try_state().is_err());
		Earmarked::<Test>::put(21 * UNIT);
		check_invariants();
		// A pot drained below what it owes.
		Balances::set_balance(&Treasury::pot(), 20 * UNIT);
		assert!(Treasury::do_try_state().is_err());
		Balances::set_balance(&Treasury::pot(), POT);
		// A commons paid more than its contributions and the pool allow.
		System::set_block_number(6);
		ok!(Treasury::finalize_round(signed(OUTSIDER), 0));
		RoundCommons::<Test>::mutate(0, OPEN_CODE, |entry| entry.as_mut().unwrap().matched += 1);
		assert!(Treasury::do_try_state().is_err());
		RoundCommons::<Test>::mutate(0, OPEN_CODE, |entry| entry.as_mut().unwrap().matched -= 1);
		check_invariants();
		// A lost record of a gift.
		Gifts::<Test>::remove((0, OPEN_CODE, BOB));
		assert!(Treasury::do_try_state().is_err());
		Gifts::<Test>::insert((0, OPEN_CODE, BOB), Gift { amount: UNIT, insider: false });
		check_invariants();
		// An enrolment deposit released but still recorded.
		ok!(Treasury::open_round(dao(), 20 * UNIT, 2, 5));
		ok!(Treasury::enrol(signed(ALICE), 1, OPEN_CODE));
		let enrolment = HoldReason::Enrolment.into();
		assert_ok!(Balances::release(&enrolment, &ALICE, ENROLMENT_DEPOSIT, Precision::Exact));
		assert!(Treasury::do_try_state().is_err());
		assert_ok!(Balances::hold(&enrolment, &ALICE, ENROLMENT_DEPOSIT));
		check_invariants();
	});
}

#[test]
fn the_overview_shows_the_pot_and_the_spending_period() {
	build_and_execute(|| {
		System::set_block_number(13);
		ok!(Treasury::spend(dao(), NOBODY, 10 * UNIT));
		let overview = Treasury::treasury_overview();
		assert_eq!((overview.account, overview.pot), (Treasury::pot(), POT - 10 * UNIT));
		assert_eq!((overview.earmarked, overview.spendable), (0, SPENDABLE - 10 * UNIT));
		// A fifth of what is spendable plus what was committed, less what was committed.
		assert_eq!(overview.spendable_this_period, SPENDABLE / 5 - 10 * UNIT);
		assert_eq!(
			overview.period,
			crate::SpendingPeriod { index: 1, length: PERIOD, next_starts_at: 20 }
		);
		assert_eq!(overview.max_share, Perbill::from_percent(20));
	});
}

#[test]
fn grants_are_listed_oldest_first_with_what_has_vested() {
	build_and_execute(|| {
		ok!(Treasury::grant(dao(), NOBODY, 10 * UNIT, 10));
		ok!(Treasury::grant(dao(), ALICE, 20 * UNIT, 10));
		ok!(Treasury::grant(dao(), BOB, 30 * UNIT, 10));
		System::set_block_number(4);
		ok!(Treasury::cancel_grant(dao(), 1));
		ok!(Treasury::claim_grant(signed(ALICE), 1));
		let listed: Vec<_> = Treasury::open_grants(10)
			.into_iter()
			.map(|summary| (summary.id, summary.grant.beneficiary, summary.vested))
			.collect();
		// Grant 1 was cut to what had vested and paid off: it is gone.
		assert_eq!(listed, [(0, NOBODY, 3 * UNIT), (2, BOB, 9 * UNIT)]);
		assert_eq!(Treasury::open_grants(1).len(), 1);
		assert_eq!(Treasury::open_grants(1)[0].id, 2);
		assert!(Treasury::open_grants(0).is_empty());
		assert_eq!(Treasury::grant_with_vesting(1), None);
	});
}

fn live_grants() -> Vec<u32> {
	LiveGrants::<Test>::get().into_inner()
}

#[test]
fn the_index_of_live_grants_keeps_step_with_grants_claims_and_cancellations() {
	build_and_execute(|| {
		// `ok!` checks after each step that the index is exactly the stored grants, sorted.
		ok!(Treasury::grant(dao(), NOBODY, 10 * UNIT, 10));
		ok!(Treasury::grant(dao(), ALICE, 10 * UNIT, 4));
		ok!(Treasury::grant(dao(), BOB, 10 * UNIT, 10));
		assert_eq!(live_grants(), [0, 1, 2]);
		// A partial claim keeps a grant live; the claim that pays it up removes it.
		System::set_block_number(3);
		ok!(Treasury::claim_grant(signed(ALICE), 1));
		assert_eq!(live_grants(), [0, 1, 2]);
		System::set_block_number(5);
		ok!(Treasury::claim_grant_for(signed(OUTSIDER), 1));
		assert_eq!(live_grants(), [0, 2]);
		// A cancelled grant stays live while its vested part is unclaimed.
		ok!(Treasury::cancel_grant(dao(), 0));
		assert_eq!(live_grants(), [0, 2]);
		ok!(Treasury::claim_grant(signed(NOBODY), 0));
		assert_eq!(live_grants(), [2]);
		// Cancelled with all that vested claimed, a grant is paid up at once.
		ok!(Treasury::claim_grant(signed(BOB), 2));
		ok!(Treasury::cancel_grant(dao(), 2));
		assert!(live_grants().is_empty());
		ok!(Treasury::grant(dao(), CHARLIE, 10 * UNIT, 10));
		assert_eq!(live_grants(), [3]);
	});
}

#[test]
fn a_grant_beyond_max_live_grants_fails_and_changes_nothing() {
	build_and_execute(|| {
		for _ in 0..MOST_LIVE_GRANTS {
			ok!(Treasury::grant(dao(), NOBODY, UNIT, 2));
		}
		assert_eq!(live_grants(), [0, 1, 2, 3]);
		noop!(Treasury::grant(dao(), ALICE, UNIT, 2), Error::<Test>::TooManyLiveGrants);
		// Anyone pays out a grant that has vested, which makes room.
		System::set_block_number(3);
		ok!(Treasury::claim_grant_for(signed(OUTSIDER), 1));
		ok!(Treasury::grant(dao(), ALICE, UNIT, 2));
		assert_eq!(live_grants(), [0, 2, 3, 4]);
		// So does cancelling one that has nothing vested left to claim.
		noop!(Treasury::grant(dao(), ALICE, UNIT, 2), Error::<Test>::TooManyLiveGrants);
		ok!(Treasury::cancel_grant(dao(), 4));
		ok!(Treasury::grant(dao(), ALICE, UNIT, 2));
		assert_eq!(live_grants(), [0, 2, 3, 5]);
	});
}

#[test]
fn the_invariants_catch_an_index_out_of_step() {
	build_and_execute(|| {
		ok!(Treasury::grant(dao(), NOBODY, UNIT, 2));
		ok!(Treasury::grant(dao(), ALICE, UNIT, 2));
		ok!(Treasury::open_round(dao(), UNIT, 2, 5));
		ok!(Treasury::open_round(dao(), UNIT, 2, 5));
		// A grant missing from the index, or listed twice, or out of order.
		let live = LiveGrants::<Test>::get();
		for broken in [vec![0], vec![0, 0, 1], vec![1, 0], vec![0, 1, 2]] {
			LiveGrants::<Test>::put(frame_support::BoundedVec::truncate_from(broken));
			assert!(Treasury::do_try_state().is_err());
		}
		LiveGrants::<Test>::put(live);
		check_invariants();
		// A round missing from the index, or a closed one listed.
		let open = crate::OpenRounds::<Test>::get();
		crate::OpenRounds::<Test>::put(frame_support::BoundedVec::truncate_from(vec![1]));
		assert!(Treasury::do_try_state().is_err());
		crate::OpenRounds::<Test>::put(open);
		System::set_block_number(6);
		ok!(Treasury::finalize_round(signed(OUTSIDER), 0));
		crate::OpenRounds::<Test>::put(frame_support::BoundedVec::truncate_from(vec![0, 1]));
		assert!(Treasury::do_try_state().is_err());
		// An index longer than its bound, which would read as empty.
		let too_long = codec::Encode::encode(&vec![1u32; MOST_OPEN_ROUNDS as usize + 1]);
		frame_support::storage::unhashed::put_raw(
			&crate::OpenRounds::<Test>::hashed_key(),
			&too_long,
		);
		assert!(Treasury::do_try_state().is_err());
		crate::OpenRounds::<Test>::put(frame_support::BoundedVec::truncate_from(vec![1]));
	});
}
