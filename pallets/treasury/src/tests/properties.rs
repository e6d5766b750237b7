//! Random sequences of donations, spends, grants, claims, cancellations, rounds,
//! contributions, finalisations and payments from commons' accounts. After every step: the
//! invariants hold (the pot covers what is earmarked and keeps its existential deposit, rounds
//! add up), total issuance is unchanged (money only moves), a failed call left storage exactly
//! as it was, and a finalised round paid each commons its contributions plus the match that the
//! formula gives from the stored contributions.

use super::*;
use crate::{Pallet, RoundIndex};
use frame_support::dispatch::DispatchResult;
use ostrom_primitives::CommonsId;
use proptest::prelude::*;
use sp_runtime::traits::IntegerSquareRoot;

const FUNDED: [CommonsId; 4] = [OPEN_CODE, SEED_BANK, ARCHIVED, TOOL_LIBRARY];
const STEWARDS: [AccountId; 4] = [ALICE, BOB, DAVE, EVE];

#[derive(Clone, Debug)]
enum Step {
	Donate {
		who: AccountId,
		amount: u64,
	},
	Spend {
		to: AccountId,
		amount: u64,
	},
	Stream {
		to: AccountId,
		amount: u64,
		blocks: u64,
	},
	Claim {
		who: AccountId,
		grant: u32,
	},
	Cancel {
		grant: u32,
	},
	Open {
		matching: u64,
		duration: u64,
	},
	Contribute {
		who: AccountId,
		round: RoundIndex,
		commons: CommonsId,
		amount: u64,
	},
	/// Finalises `round`, first waiting for its end when `at_end`.
	Finalize {
		round: RoundIndex,
		at_end: bool,
	},
	SpendCommons {
		steward: AccountId,
		commons: CommonsId,
		amount: u64,
	},
	Wait {
		blocks: u64,
	},
}

fn step() -> impl Strategy<Value = Step> {
	let who = proptest::sample::select([ALICE, BOB, CHARLIE, DAVE, OUTSIDER, NOBODY].to_vec());
	let commons = proptest::sample::select(FUNDED.to_vec());
	// From below the existential deposit to more than anyone has.
	let amount = prop_oneof![0..2 * ED, 0..20 * UNIT, 0..300 * UNIT];
	// Mostly members giving what they can, so that rounds gather several gifts per commons.
	let giver =
		proptest::sample::select([ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE, OUTSIDER].to_vec());
	let gift = prop_oneof![1 => 0..2 * ED, 6 => ED..5 * UNIT, 1 => 50 * UNIT..200 * UNIT];
	prop_oneof![
		1 => (who.clone(), amount.clone()).prop_map(|(who, amount)| Step::Donate { who, amount }),
		2 => (who.clone(), amount.clone()).prop_map(|(to, amount)| Step::Spend { to, amount }),
		2 => (who.clone(), amount.clone(), 0u64..20)
			.prop_map(|(to, amount, blocks)| Step::Stream { to, amount, blocks }),
		2 => (who.clone(), 0u32..4).prop_map(|(who, grant)| Step::Claim { who, grant }),
		1 => (0u32..4).prop_map(|grant| Step::Cancel { grant }),
		// Pools small enough that the ideal matches often exceed them and are scaled.
		2 => (prop_oneof![0..2 * ED, 0..10 * UNIT], 0u64..40)
			.prop_map(|(matching, duration)| Step::Open { matching, duration }),
		12 => (giver, 0u32..2, commons.clone(), gift).prop_map(
			|(who, round, commons, amount)| Step::Contribute { who, round, commons, amount }
		),
		2 => (0u32..2, any::<bool>()).prop_map(|(round, at_end)| Step::Finalize { round, at_end }),
		1 => (proptest::sample::select(STEWARDS.to_vec()), commons, amount)
			.prop_map(|(steward, commons, amount)| Step::SpendCommons { steward, commons, amount }),
		1 => (1u64..8).prop_map(|blocks| Step::Wait { blocks }),
	]
}

fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

/// What each commons of `round` should receive, worked out from the stored contributions.
fn expected_payouts(round: RoundIndex) -> Vec<(CommonsId, u64)> {
	let matching = u128::from(Rounds::<Test>::get(round).unwrap().matching);
	let mut per_commons: Vec<(CommonsId, u128, u128)> = FUNDED
		.iter()
		.map(|commons| {
			let gifts: Vec<u128> = Contributions::<Test>::iter_prefix((round, *commons))
				.map(|(_, amount)| u128::from(amount))
				.collect();
			let roots: u128 = gifts.iter().map(|gift| gift.integer_sqrt()).sum();
			(*commons, gifts.iter().sum(), (roots * roots).saturating_sub(gifts.iter().sum()))
		})
		.collect();
	let ideal_total: u128 = per_commons.iter().map(|(_, _, ideal)| ideal).sum();
	per_commons
		.drain(..)
		.map(|(commons, contributed, ideal)| {
			let matched =
				if ideal_total <= matching { ideal } else { ideal * matching / ideal_total };
			(commons, (contributed + matched) as u64)
		})
		.collect()
}

fn run(step: &Step) -> DispatchResult {
	match *step {
		Step::Donate { who, amount } => Treasury::donate(signed(who), amount),
		Step::Spend { to, amount } => Treasury::spend(dao(), to, amount),
		Step::Stream { to, amount, blocks } => Treasury::spend_stream(dao(), to, amount, blocks),
		Step::Claim { who, grant } => Treasury::claim(signed(who), grant),
		Step::Cancel { grant } => Treasury::cancel_grant(dao(), grant),
		Step::Open { matching, duration } => Treasury::open_round(dao(), matching, duration),
		Step::Contribute { who, round, commons, amount } => {
			Treasury::contribute(signed(who), round, commons, amount)
		}
		Step::Finalize { round, at_end } => {
			if let Some(record) = Rounds::<Test>::get(round).filter(|_| at_end) {
				System::set_block_number(System::block_number().max(record.ends_at));
			}
			let expected = Rounds::<Test>::get(round)
				.filter(|record| record.status == RoundStatus::Open)
				.map(|_| expected_payouts(round));
			let before: Vec<u64> = FUNDED
				.iter()
				.map(|commons| balance(Pallet::<Test>::commons_account(*commons)))
				.collect();
			let result =
				Treasury::finalize_round(signed(OUTSIDER), round).map(|_| ()).map_err(|e| e.error);
			if result.is_ok() {
				for ((commons, payout), before) in expected.unwrap().into_iter().zip(before) {
					let account = Pallet::<Test>::commons_account(commons);
					assert_eq!(balance(account) - before, payout, "payout of commons {commons}");
				}
			}
			result
		}
		Step::SpendCommons { steward, commons, amount } => {
			Treasury::spend_commons_funds(signed(steward), commons, NOBODY, amount)
		}
		Step::Wait { blocks } => {
			System::set_block_number(System::block_number() + blocks);
			Ok(())
		}
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

	#[test]
	fn money_only_moves_and_what_is_owed_stays_covered(
		steps in proptest::collection::vec(step(), 1..80)
	) {
		build_and_execute(|| {
			// Give the pot room for several periods' caps.
			ok!(Treasury::set_spend_rules(
				dao(),
				SpendRules { period: PERIOD, max_share: Perbill::from_percent(60) }
			));
			let issuance = Balances::total_issuance();
			for step in &steps {
				let before = storage_root();
				if run(step).is_err() {
					assert_eq!(storage_root(), before, "{step:?} failed but changed storage");
				}
				check_invariants();
				assert_eq!(Balances::total_issuance(), issuance, "after {step:?}");
			}
		});
	}
}
