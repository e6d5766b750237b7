//! `OstromApi::dry_run_enactment` in the real runtime: it returns what a proposal's call would
//! return if enacted now, by the pallet's own error, and keeps nothing.

use super::governance::{account, in_development_chain};
use crate::{
	genesis_config_presets::development_rules, AccountId, Balance, Block, BlockNumber, Hash,
	Runtime, RuntimeCall, UNIT,
};
use codec::Encode;
use ostrom_runtime_api::runtime_decl_for_ostrom_api::OstromApiV3;
use pallet_ostrom_proposals::{GovernanceRules, Track};
use sp_keyring::Sr25519Keyring::Ferdie;
use sp_runtime::{DispatchError, DispatchResult, StateVersion};

/// What the runtime API answers for `call` on `track`, and whether the state is as before.
fn dry_run(call: RuntimeCall, track: Track) -> (DispatchResult, bool) {
	let root = || sp_io::storage::root(StateVersion::V1);
	let before = root();
	let result =
		<Runtime as OstromApiV3<Block, AccountId, Balance, BlockNumber, Hash>>::dry_run_enactment(
			call.encode(),
			track,
		);
	(result, root() == before)
}

fn spend(amount: Balance) -> RuntimeCall {
	RuntimeCall::Treasury(pallet_ostrom_treasury::Call::spend {
		beneficiary: account(Ferdie),
		amount,
	})
}

#[test]
fn a_spend_of_nothing_is_refused_by_the_treasury_and_a_spend_passes() {
	in_development_chain(|| {
		let zero_amount = pallet_ostrom_treasury::Error::<Runtime>::ZeroAmount.into();
		assert_eq!(dry_run(spend(0), Track::Standard), (Err(zero_amount), true));
		assert_eq!(dry_run(spend(UNIT), Track::Standard), (Ok(()), true));
	});
}

#[test]
fn rules_with_a_zero_voting_period_are_refused() {
	in_development_chain(|| {
		let rules = GovernanceRules { voting_period: 0, ..development_rules() };
		let set_rules = RuntimeCall::Proposals(pallet_ostrom_proposals::Call::set_rules { rules });
		let zero_period = pallet_ostrom_proposals::Error::<Runtime>::ZeroVotingPeriod.into();
		assert_eq!(dry_run(set_rules.clone(), Track::Root), (Err(zero_period), true));
		// The Standard track's DAO origin may not set the rules at all.
		assert_eq!(dry_run(set_rules, Track::Standard), (Err(DispatchError::BadOrigin), true));
	});
}
