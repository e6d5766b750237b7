//! The treasury in the real runtime: the DAO pays from it by Standard proposal, and the deposits
//! of killed proposals fill it.

use super::governance::{account, check_invariants, decide, in_development_chain, signed};
use crate::{
	genesis_config_presets::{development_rules, ENDOWMENT},
	Balances, Proposals, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, Treasury, UNIT,
};
use frame_support::traits::fungible::Inspect;
use pallet_ostrom_proposals::{ProposalKind, Track};
use pallet_ostrom_treasury::{Event as TreasuryEvent, SpendRulesRecord};
use sp_keyring::Sr25519Keyring::{Alice, Dave};
use sp_runtime::{DispatchError, Perbill};

fn treasury_events() -> Vec<TreasuryEvent<Runtime>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Treasury(event) => Some(event),
			_ => None,
		})
		.collect()
}

#[test]
fn a_standard_proposal_pays_from_the_treasury() {
	in_development_chain(|| {
		let pot = Balances::balance(&Treasury::pot());
		let amount = 250 * UNIT;
		let spend = RuntimeCall::Treasury(pallet_ostrom_treasury::Call::spend {
			beneficiary: account(Dave),
			amount,
		});
		decide(Track::Standard, spend, [2, 2, 0]);
		assert_eq!(Balances::balance(&account(Dave)), ENDOWMENT + amount);
		assert_eq!(Balances::balance(&Treasury::pot()), pot - amount);
		assert_eq!(
			treasury_events().last(),
			Some(&TreasuryEvent::Spent { beneficiary: account(Dave), amount })
		);
	});
}

#[test]
fn no_account_spends_from_the_treasury_directly_nor_lifts_its_cap() {
	in_development_chain(|| {
		assert_eq!(
			Treasury::spend(signed(Alice), account(Alice), UNIT),
			Err(DispatchError::BadOrigin)
		);
		// Root (a passed Root proposal) may, as it may do all the DAO origin does.
		assert_eq!(Treasury::spend(RuntimeOrigin::root(), account(Alice), UNIT), Ok(()));
		// The cap, though, only a Root proposal lifts: not the origin it limits.
		let no_cap = SpendRulesRecord { period: 10, max_share: Perbill::one() };
		let dao = RuntimeOrigin::from(pallet_ostrom_proposals::Origin::Dao);
		assert_eq!(Treasury::set_spend_rules(dao, no_cap), Err(DispatchError::BadOrigin));
		assert_eq!(Treasury::set_spend_rules(RuntimeOrigin::root(), no_cap), Ok(()));
	});
}

#[test]
fn a_killed_proposals_deposit_goes_to_the_treasury() {
	in_development_chain(|| {
		let pot = Balances::balance(&Treasury::pot());
		Proposals::submit(signed(Alice), Track::Standard, ProposalKind::Signal, Default::default())
			.unwrap();
		Proposals::kill(RuntimeOrigin::root(), 0).unwrap();
		let deposit = development_rules().proposal_deposit;
		assert_eq!(Balances::balance(&Treasury::pot()), pot + deposit);
		assert_eq!(
			treasury_events().last(),
			Some(&TreasuryEvent::Deposited { from: None, amount: deposit })
		);
		check_invariants();
	});
}
