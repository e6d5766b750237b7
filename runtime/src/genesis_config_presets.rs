//! Genesis presets: `development` (one validator) and `local_testnet` (four validators).

use crate::{
	AccountId, Balance, BalancesConfig, BlockNumber, MembershipConfig, ProposalsConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, Treasury, TreasuryConfig, ValidatorsConfig,
	DAYS, HOURS, MINUTES, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use pallet_ostrom_membership::AdmissionRules;
use pallet_ostrom_proposals::{GovernanceRules, TrackRules};
use pallet_ostrom_treasury::{MatchingRulesRecord, SpendRulesRecord};
use pallet_ostrom_validators::ValidatorRules;
use serde_json::Value;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::Perbill;

/// What each pre-funded development account holds at genesis: one million OST.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// What the treasury's pot holds at genesis in both presets.
pub const TREASURY_ENDOWMENT: Balance = 100_000 * UNIT;

/// M of the development chain, in OST: pairs draw less than 200 OST; givers of 1 OST keep
/// 100/101 (over 99 %) of the plain match.
pub const DEVELOPMENT_COORDINATION_BOUND: Balance = 100;

/// M of the test network, in OST: pairs draw less than 500 OST; givers of 1 OST keep 250/251
/// (over 99.6 %) of the plain match.
pub const LOCAL_COORDINATION_BOUND: Balance = 250;

/// The well-known development accounts funded by both presets.
pub fn endowed_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// A well-known development validator: its account (that of its sr25519 key) and its session
/// keys, Aura (the same sr25519 key) and GRANDPA (the ed25519 key of the same name).
fn validator(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AccountId, SessionKeys) {
	(
		aura.to_account_id(),
		SessionKeys { aura: aura.public().into(), grandpa: grandpa.public().into() },
	)
}

/// The validators of the `local_testnet` preset: Alice, Bob, Charlie and Dave. GRANDPA needs
/// more than two thirds of them, so one may be lost.
pub fn local_testnet_validators() -> Vec<(AccountId, SessionKeys)> {
	vec![
		validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	]
}

/// The validator set of a development chain: hour-long sessions (a session's last block carries
/// no transactions, so rare rotations keep a manually sealed chain predictable); one validator
/// is enough; parked after three silent sessions.
pub fn development_validator_rules() -> ValidatorRules<BlockNumber> {
	ValidatorRules { session_length: HOURS, min_validators: 1, max_missed_sessions: 3 }
}

/// The validator set of a test network: ten-minute sessions (so a set chosen by the DAO
/// validates within twenty to thirty minutes); at least three validators, so that GRANDPA's
/// two-thirds stay meaningful; a validator silent for three sessions (half an hour) is parked.
pub fn local_testnet_validator_rules() -> ValidatorRules<BlockNumber> {
	ValidatorRules { session_length: 10 * MINUTES, min_validators: 3, max_missed_sessions: 3 }
}

/// The DAO's founding members in both presets: Alice, Bob and Charlie.
pub fn founding_members() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.iter()
		.map(|k| k.to_account_id())
		.collect()
}

/// Governance on a development chain: a minute to vote and two blocks to enactment, so that
/// end-to-end tests are quick. Half the members must vote on a Standard proposal, three fifths on
/// a Root proposal, which also needs two thirds of the votes; an Emergency kill is voted on in
/// one block, by three quarters with three quarters approving.
pub fn development_rules() -> GovernanceRules<BlockNumber, Balance> {
	GovernanceRules {
		voting_period: 10,
		enactment_delay: 2,
		proposal_deposit: 10 * UNIT,
		standard: TrackRules {
			quorum: Perbill::from_percent(50),
			approval: Perbill::from_percent(50),
		},
		root: TrackRules { quorum: Perbill::from_percent(60), approval: Perbill::from_percent(66) },
		emergency_voting_period: 1,
		emergency: TrackRules {
			quorum: Perbill::from_percent(75),
			approval: Perbill::from_percent(75),
		},
	}
}

/// Admission on a development chain: a minute's probation, so that a new member can soon vote;
/// the same limits on growth as on a test network (epochs are a week on both).
pub fn development_admission_rules() -> AdmissionRules<BlockNumber> {
	AdmissionRules { probation: 10, ..local_testnet_admission_rules() }
}

/// Admission on a test network as on a real one: a week's probation; each member sponsors at
/// most two applicants a week; sponsorships admit a twentieth of the eligible voters a week, at
/// least one; sponsors of a member removed within 30 days are suspended for 14 days; members
/// silent for four weeks are dormant; at least a tenth of the members count as eligible voters.
pub fn local_testnet_admission_rules() -> AdmissionRules<BlockNumber> {
	AdmissionRules {
		probation: 7 * DAYS,
		sponsorships_per_epoch: 2,
		admissions_share: Perbill::from_percent(5),
		admissions_floor: 1,
		accountability_period: 30 * DAYS,
		sponsor_suspension: 14 * DAYS,
		dormant_after: 4,
		quorum_floor: Perbill::from_percent(10),
	}
}

/// Governance on a test network as on a real one: a week to vote, a day before enactment; a
/// fifth of the members must vote on a Standard proposal, two fifths and two thirds of the votes
/// on a Root proposal; an Emergency kill is voted on for twelve hours, by half the members with
/// three quarters approving.
pub fn local_testnet_rules() -> GovernanceRules<BlockNumber, Balance> {
	GovernanceRules {
		voting_period: 7 * DAYS,
		enactment_delay: DAYS,
		proposal_deposit: 100 * UNIT,
		standard: TrackRules {
			quorum: Perbill::from_percent(20),
			approval: Perbill::from_percent(50),
		},
		root: TrackRules { quorum: Perbill::from_percent(40), approval: Perbill::from_percent(66) },
		emergency_voting_period: 12 * HOURS,
		emergency: TrackRules {
			quorum: Perbill::from_percent(50),
			approval: Perbill::from_percent(75),
		},
	}
}

/// A fifth of the pot per spending period: a minute and a half on a development chain, a week
/// on a test network.
pub fn spend_rules(period: BlockNumber) -> SpendRulesRecord<BlockNumber> {
	SpendRulesRecord { period, max_share: Perbill::from_percent(20) }
}

/// Pairwise-bounded matching with coordination bound `bound` OST: a pair of givers draws less
/// than `2 · bound` from a round's pool, and givers of at most 1 OST who meet once keep at least
/// `bound / (bound + 1)` of the plain quadratic-funding match. No commons is matched more than a
/// quarter of the pool.
pub fn matching_rules(bound: Balance) -> MatchingRulesRecord<Balance> {
	MatchingRulesRecord {
		coordination_bound: bound * UNIT,
		max_match_share: Perbill::from_percent(25),
	}
}

fn genesis(
	validators: Vec<(AccountId, SessionKeys)>,
	validator_rules: ValidatorRules<BlockNumber>,
	endowed: Vec<AccountId>,
	rules: GovernanceRules<BlockNumber, Balance>,
	admission_rules: AdmissionRules<BlockNumber>,
	spend_rules: SpendRulesRecord<BlockNumber>,
	matching_rules: MatchingRulesRecord<Balance>,
) -> Value {
	let balances = endowed
		.into_iter()
		.map(|account| (account, ENDOWMENT))
		.chain([(Treasury::pot(), TREASURY_ENDOWMENT)])
		.collect::<Vec<_>>();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		// Aura and GRANDPA learn their authorities from pallet-session's genesis.
		validators: ValidatorsConfig {
			validators: validators.iter().map(|(account, _)| account.clone()).collect::<Vec<_>>(),
			rules: validator_rules,
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|(account, keys)| (account.clone(), account, keys))
				.collect::<Vec<_>>(),
		},
		membership: MembershipConfig { members: founding_members(), rules: admission_rules },
		proposals: ProposalsConfig { rules },
		treasury: TreasuryConfig {
			spend_period: spend_rules.period,
			max_spend_share: spend_rules.max_share,
			coordination_bound: matching_rules.coordination_bound,
			max_match_share: matching_rules.max_match_share,
		},
	})
}

/// Alice validates alone; Alice, Bob, Charlie, Dave, Eve and Ferdie are funded; Alice, Bob and
/// Charlie are the DAO's members; governance is fast ([`development_rules`]).
pub fn development_genesis() -> Value {
	genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		development_validator_rules(),
		endowed_accounts(),
		development_rules(),
		development_admission_rules(),
		spend_rules(15),
		matching_rules(DEVELOPMENT_COORDINATION_BOUND),
	)
}

/// Alice, Bob, Charlie and Dave validate; Alice, Bob and Charlie are the DAO's members; the same
/// six accounts are funded; governance takes realistic time ([`local_testnet_rules`]).
pub fn local_testnet_genesis() -> Value {
	genesis(
		local_testnet_validators(),
		local_testnet_validator_rules(),
		endowed_accounts(),
		local_testnet_rules(),
		local_testnet_admission_rules(),
		spend_rules(7 * DAYS),
		matching_rules(LOCAL_COORDINATION_BOUND),
	)
}

/// The JSON patch of the preset called `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
