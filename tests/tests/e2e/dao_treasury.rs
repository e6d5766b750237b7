//! The treasury on a `--dev` node that seals blocks on demand, driven with subxt. Two Standard proposals pass by
//! quadratic vote: one pays Ferdie 250 OST from the pot, the other opens a quadratic-funding
//! round. Ferdie's balance rises by exactly 250 OST. The stewards enrol their two commons in the
//! round, members give to them; once it has ended Dave finalises it, and each commons' account
//! holds its gifts plus the pairwise-bounded match worked out here from the gifts (the
//! stewards' own gifts are not matched).

use ostrom_e2e::{
	free_balance, has_event, proposal, seal_until, submit_finalized, wait_for_blocks, Api, Node,
	ProposalStatus,
};
use scale_decode::DecodeAsType;
use std::time::Duration;
use subxt::dynamic::{self, Value};
use subxt_signer::sr25519::{dev, Keypair};

type Payload = subxt::tx::DynamicPayload<Vec<Value>>;

const UNIT: u128 = 1_000_000_000_000;
/// How long the round takes enrolments and gifts, in blocks.
const ENROL_BLOCKS: u32 = 8;
const ROUND_BLOCKS: u32 = 24;
/// M of the development chain: 100 OST.
const COORDINATION_BOUND: u128 = 100 * UNIT;

#[derive(Debug, DecodeAsType)]
struct Round {
	ends_at: u32,
}

#[derive(Debug, DecodeAsType)]
struct CommonsRecord {
	registrant: [u8; 32],
}

async fn registrant(api: &Api, id: u32) -> [u8; 32] {
	let address = dynamic::storage::<(u32,), CommonsRecord>("Commons", "Commons");
	let at = api.at_current_block().await.unwrap();
	at.storage()
		.fetch(address, (id,))
		.await
		.expect("the commons exists")
		.decode()
		.unwrap()
		.registrant
}

/// The account of commons `id`: `PalletId(*b"os/trsry")` with the sub-account
/// `(b"cm", id)`, as `into_sub_account_truncating` derives it.
fn commons_account(id: u32) -> [u8; 32] {
	let mut account = [0u8; 32];
	let encoded = [b"modl".as_slice(), b"os/trsry", b"cm", &id.to_le_bytes()].concat();
	account[..encoded.len()].copy_from_slice(&encoded);
	account
}

/// The integer square root, as the runtime takes it of each contributor's total.
fn isqrt(n: u128) -> u128 {
	let mut root = (n as f64).sqrt() as u128;
	while root * root > n {
		root -= 1;
	}
	while (root + 1) * (root + 1) <= n {
		root += 1;
	}
	root
}

/// What one pair of givers, who gave `a` and `b` to a commons and whose coordination over the
/// round is `together` (Σ √aₚ·√bₚ over the commons both gave to), earns that commons:
/// `2·√a·√b · M / (M + together)`, rounded down.
fn pair_subsidy(a: u128, b: u128, together: u128) -> u128 {
	2 * isqrt(a) * isqrt(b) * COORDINATION_BOUND / (COORDINATION_BOUND + together)
}

/// A Standard proposal to enact `call`, inline.
async fn propose<Call: subxt::tx::Payload>(api: &Api, call: &Call, text: &[u8]) -> Payload {
	let call_data = api.at_current_block().await.unwrap().transactions().call_data(call).unwrap();
	let inline = Value::unnamed_variant("Inline", [Value::from_bytes(call_data)]);
	dynamic::tx(
		"Proposals",
		"submit",
		vec![
			Value::unnamed_variant("Standard", []),
			Value::unnamed_variant("Call", [inline]),
			Value::from_bytes(text),
		],
	)
}

fn vote_aye(id: u32) -> Payload {
	dynamic::tx(
		"QuadraticVoting",
		"vote",
		vec![Value::u128(id.into()), Value::bool(true), Value::u128(1)],
	)
}

fn register(name: &[u8]) -> Payload {
	dynamic::tx(
		"Commons",
		"register",
		vec![
			Value::from_bytes(name),
			Value::unnamed_variant("Software", []),
			Value::from_bytes(b"GPL-3.0-only"),
			Value::from_bytes(b"https://ostrom.example"),
		],
	)
}

fn enrol(commons: u32) -> Payload {
	dynamic::tx("Treasury", "enrol", vec![Value::u128(0), Value::u128(commons.into())])
}

fn contribute(commons: u32, amount: u128) -> Payload {
	dynamic::tx(
		"Treasury",
		"contribute",
		vec![Value::u128(0), Value::u128(commons.into()), Value::u128(amount)],
	)
}

/// Each of Alice, Bob and Charlie sends their payload, at the same time; all must succeed.
async fn founders_send(api: &Api, payloads: [&Payload; 3], event: (&str, &str)) {
	let (alice, bob, charlie) = (dev::alice(), dev::bob(), dev::charlie());
	let signers: [&Keypair; 3] = [&alice, &bob, &charlie];
	let (a, b, c) = tokio::join!(
		submit_finalized(api, payloads[0], signers[0]),
		submit_finalized(api, payloads[1], signers[1]),
		submit_finalized(api, payloads[2], signers[2])
	);
	for events in [&a, &b, &c] {
		assert!(has_event(events, event.0, event.1), "{event:?} expected");
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dao_spends_and_runs_a_quadratic_funding_round() {
	let mut node = Node::start_manual_seal("treasury");
	let rpc = node.rpc().await;
	wait_for_blocks(&rpc, 1, 1, Duration::from_secs(120)).await;
	let api = node.api().await;
	let ferdie = dev::ferdie().public_key().0;
	let ferdie_before = free_balance(&api, ferdie).await;

	// Alice proposes the spend and Bob the round, at once.
	let beneficiary = dev::ferdie().public_key().to_account_id();
	let spend = dynamic::tx("Treasury", "spend", (beneficiary, 250 * UNIT));
	let matching = 20 * UNIT;
	let open_round = dynamic::tx("Treasury", "open_round", (matching, ENROL_BLOCKS, ROUND_BLOCKS));
	let (pay_ferdie, fund_round) = (
		propose(&api, &spend, b"pay Ferdie for the orchard fence").await,
		propose(&api, &open_round, b"a funding round for our software").await,
	);
	let (alice, bob) = (dev::alice(), dev::bob());
	let (a, b) = tokio::join!(
		submit_finalized(&api, &pay_ferdie, &alice),
		submit_finalized(&api, &fund_round, &bob)
	);
	assert!(has_event(&a, "Proposals", "Submitted") && has_event(&b, "Proposals", "Submitted"));
	let (spend_id, round_id) =
		if proposal(&api, 0).await.proposer == alice.public_key().0 { (0, 1) } else { (1, 0) };

	// All three founders vote for both; meanwhile Alice and Bob register two commons.
	let (aye_spend, aye_round) = (vote_aye(spend_id), vote_aye(round_id));
	founders_send(&api, [&aye_spend; 3], ("QuadraticVoting", "Voted")).await;
	founders_send(&api, [&aye_round; 3], ("QuadraticVoting", "Voted")).await;
	let (code, seeds) = (register(b"ostrom-node"), register(b"seed-library"));
	let (a, b) =
		tokio::join!(submit_finalized(&api, &code, &alice), submit_finalized(&api, &seeds, &bob));
	assert!(has_event(&a, "Commons", "Registered") && has_event(&b, "Commons", "Registered"));
	let (code, seeds) =
		if registrant(&api, 0).await == alice.public_key().0 { (0, 1) } else { (1, 0) };

	// After the vote, Dave (not a member) closes both; they are enacted two blocks later.
	let ends =
		proposal(&api, spend_id).await.voting_ends.max(proposal(&api, round_id).await.voting_ends);
	seal_until(&rpc, ends).await;
	let dave = dev::dave();
	// Each is enacted two blocks after its closing, maybe before the other is closed.
	let mut enacted = 0;
	for id in [spend_id, round_id] {
		let close = dynamic::tx("Proposals", "close", vec![Value::u128(id.into())]);
		let events = submit_finalized(&api, &close, &dave).await;
		assert!(has_event(&events, "Proposals", "Approved"));
		let ProposalStatus::Approved { enactment: Some(enactment) } =
			proposal(&api, id).await.status
		else {
			panic!("proposal {id} is approved with an enactment block");
		};
		enacted = enacted.max(enactment);
	}
	seal_until(&rpc, enacted + 1).await;
	assert!(matches!(proposal(&api, spend_id).await.status, ProposalStatus::Executed));
	assert!(matches!(proposal(&api, round_id).await.status, ProposalStatus::Executed));
	assert_eq!(
		free_balance(&api, ferdie).await,
		ferdie_before + 250 * UNIT,
		"exactly the amount spent"
	);

	// The stewards enrol their commons, each holding a deposit of 10 OST.
	let (enrol_code, enrol_seeds) = (enrol(code), enrol(seeds));
	let (a, b) = tokio::join!(
		submit_finalized(&api, &enrol_code, &alice),
		submit_finalized(&api, &enrol_seeds, &bob)
	);
	assert!(has_event(&a, "Treasury", "CommonsEnrolled"));
	assert!(has_event(&b, "Treasury", "CommonsEnrolled"));

	// The round: 1 OST each from Alice, Bob and Charlie to the node's code (Alice stewards it:
	// her gift is passed on, not matched); 1 from Alice and 4 from Charlie to the seed library.
	let one = |commons| contribute(commons, UNIT);
	founders_send(&api, [&one(code), &one(code), &one(code)], ("Treasury", "Contributed")).await;
	let (alice_one, charlie_four) = (one(seeds), contribute(seeds, 4 * UNIT));
	let charlie = dev::charlie();
	let (a, c) = tokio::join!(
		submit_finalized(&api, &alice_one, &alice),
		submit_finalized(&api, &charlie_four, &charlie)
	);
	assert!(has_event(&a, "Treasury", "Contributed") && has_event(&c, "Treasury", "Contributed"));

	let round = dynamic::storage::<(u32,), Round>("Treasury", "Rounds");
	let at = api.at_current_block().await.unwrap();
	let round = at.storage().fetch(round, (0u32,)).await.unwrap().decode().unwrap();
	seal_until(&rpc, round.ends_at).await;
	let finalize = dynamic::tx("Treasury", "finalize_round", vec![Value::u128(0)]);
	let events = submit_finalized(&api, &finalize, &dave).await;
	assert!(has_event(&events, "Treasury", "RoundFinalized"));

	// The code: one matched pair, Bob and Charlie, who met only there (S = 1 OST):
	// 2 · 100/101 OST. The seed library: Alice and Charlie, who met in both commons
	// (S = √1·√1 + √1·√4 = 3 OST): 2·√1·√4 · 100/103 OST. Both below a quarter of the pool.
	let code_match = pair_subsidy(UNIT, UNIT, UNIT);
	let seeds_match = pair_subsidy(UNIT, 4 * UNIT, 3 * UNIT);
	assert_eq!((code_match, seeds_match), (1_980_198_019_801, 3_883_495_145_631));
	assert_eq!(free_balance(&api, commons_account(code)).await, 3 * UNIT + code_match);
	assert_eq!(free_balance(&api, commons_account(seeds)).await, 5 * UNIT + seeds_match);
}
