//! The treasury on a `--dev` node that seals blocks on demand, driven with the typed client
//! `ostrom-client`. Two Standard proposals pass by quadratic vote: one pays Ferdie 250 OST from the
//! pot, the other opens a quadratic-funding round. Ferdie's balance rises by exactly 250 OST. The
//! stewards enrol their two commons in the round, members give to them; once it has ended Dave
//! finalises it, and each commons' account holds its gifts plus the pairwise-bounded match worked
//! out here from the gifts (the stewards' own gifts are not matched).

use ostrom::{
	commons::events::Registered,
	proposals::events::{Approved, Submitted},
	quadratic_voting::events::Voted,
	runtime_types::{
		bounded_collections::bounded_vec::BoundedVec,
		pallet_ostrom_commons::types::CommonsKind,
		pallet_ostrom_proposals::types::{ProposalStatus, Track},
	},
	treasury::events::{CommonsEnrolled, Given, RoundFinalized},
};
use ostrom_client::{AccountId, CommonsId, ProposalId};
use ostrom_e2e::{
	account_of, event, free_balance, ostrom, proposal, propose_inline, seal_until, storage,
	submit_finalized, view_function, wait_for_blocks, Api, Events, Node,
};
use std::time::Duration;
use subxt::tx::Payload;
use subxt_signer::sr25519::{dev, Keypair};

const UNIT: u128 = 1_000_000_000_000;
/// How long the round takes enrolments and gifts, in blocks.
const ENROL_BLOCKS: u32 = 8;
const ROUND_BLOCKS: u32 = 24;
/// M of the development chain: 100 OST.
const COORDINATION_BOUND: u128 = 100 * UNIT;

async fn registrant(api: &Api, id: CommonsId) -> AccountId {
	let commons = storage(api, ostrom::storage().commons().commons(), (id,)).await;
	commons.expect("the commons exists").registrant
}

/// The account of commons `id`: `PalletId(*b"os/trsry")` with the sub-account
/// `(b"cm", id)`, as `into_sub_account_truncating` derives it.
fn commons_account(id: CommonsId) -> AccountId {
	let mut account = [0u8; 32];
	let encoded = [b"modl".as_slice(), b"os/trsry", b"cm", &id.to_le_bytes()].concat();
	account[..encoded.len()].copy_from_slice(&encoded);
	AccountId::from(account)
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

/// Each of Alice, Bob and Charlie sends their payload, at the same time; all must succeed.
async fn founders_send<Call: Payload>(api: &Api, payloads: [&Call; 3]) -> [Events; 3] {
	let (alice, bob, charlie) = (dev::alice(), dev::bob(), dev::charlie());
	let signers: [&Keypair; 3] = [&alice, &bob, &charlie];
	let (a, b, c) = tokio::join!(
		submit_finalized(api, payloads[0], signers[0]),
		submit_finalized(api, payloads[1], signers[1]),
		submit_finalized(api, payloads[2], signers[2])
	);
	[a, b, c]
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dao_spends_and_runs_a_quadratic_funding_round() {
	let mut node = Node::start_manual_seal("treasury");
	let rpc = node.rpc().await;
	wait_for_blocks(&rpc, 1, 1, Duration::from_secs(120)).await;
	let api = node.api().await;
	let ferdie = account_of(&dev::ferdie());
	let ferdie_before = free_balance(&api, ferdie).await;
	let (treasury, commons_calls) =
		(ostrom::transactions().treasury(), ostrom::transactions().commons());

	// Alice proposes the spend and Bob the round, at once.
	let spend = treasury.spend(ferdie, 250 * UNIT);
	let matching = 20 * UNIT;
	let open_round = treasury.open_round(matching, ENROL_BLOCKS, ROUND_BLOCKS);
	let (pay_ferdie, fund_round) = (
		propose_inline(&api, Track::Standard, &spend, b"pay Ferdie for the orchard fence").await,
		propose_inline(&api, Track::Standard, &open_round, b"a funding round for our software")
			.await,
	);
	let (alice, bob) = (dev::alice(), dev::bob());
	let (a, b) = tokio::join!(
		submit_finalized(&api, &pay_ferdie, &alice),
		submit_finalized(&api, &fund_round, &bob)
	);
	let (spend_id, round_id): (ProposalId, ProposalId) =
		(event::<Submitted>(&a).id, event::<Submitted>(&b).id);
	assert_eq!(proposal(&api, spend_id).await.proposer, account_of(&alice));

	// All three founders vote for both; meanwhile Alice and Bob register two commons.
	let vote_aye = |id| ostrom::transactions().quadratic_voting().vote(id, true, 1);
	let (aye_spend, aye_round) = (vote_aye(spend_id), vote_aye(round_id));
	for aye in [&aye_spend, &aye_round] {
		for events in founders_send(&api, [aye; 3]).await {
			assert!(events.has::<Voted>());
		}
	}
	let register = |name: &[u8]| {
		commons_calls.register(
			BoundedVec(name.to_vec()),
			CommonsKind::Software,
			BoundedVec(b"GPL-3.0-only".to_vec()),
			BoundedVec(b"https://ostrom.example".to_vec()),
		)
	};
	let (code, seeds) = (register(b"ostrom-node"), register(b"seed-library"));
	let (a, b) =
		tokio::join!(submit_finalized(&api, &code, &alice), submit_finalized(&api, &seeds, &bob));
	let (code, seeds) = (event::<Registered>(&a).commons, event::<Registered>(&b).commons);
	assert_eq!(registrant(&api, code).await, account_of(&alice));
	assert_eq!(registrant(&api, seeds).await, account_of(&bob));

	// After the vote, Dave (not a member) closes both; they are enacted two blocks later.
	let ends =
		proposal(&api, spend_id).await.voting_ends.max(proposal(&api, round_id).await.voting_ends);
	seal_until(&rpc, ends).await;
	let dave = dev::dave();
	// Each is enacted two blocks after its closing, maybe before the other is closed.
	let mut enacted = 0;
	for id in [spend_id, round_id] {
		let close = ostrom::transactions().proposals().close(id);
		let events = submit_finalized(&api, &close, &dave).await;
		let approved = event::<Approved>(&events);
		assert_eq!(approved.id, id);
		let ProposalStatus::Approved { enactment: Some(enactment) } =
			proposal(&api, id).await.status
		else {
			panic!("proposal {id} is approved with an enactment block");
		};
		assert_eq!(approved.enactment, Some(enactment));
		enacted = enacted.max(enactment);
	}
	seal_until(&rpc, enacted + 1).await;
	assert_eq!(proposal(&api, spend_id).await.status, ProposalStatus::Executed);
	assert_eq!(proposal(&api, round_id).await.status, ProposalStatus::Executed);
	assert_eq!(
		free_balance(&api, ferdie).await,
		ferdie_before + 250 * UNIT,
		"exactly the amount spent"
	);

	// The stewards enrol their commons, each holding a deposit of 10 OST.
	let round: u32 = 0;
	let (enrol_code, enrol_seeds) = (treasury.enrol(round, code), treasury.enrol(round, seeds));
	let (a, b) = tokio::join!(
		submit_finalized(&api, &enrol_code, &alice),
		submit_finalized(&api, &enrol_seeds, &bob)
	);
	assert_eq!(event::<CommonsEnrolled>(&a).commons, code);
	assert_eq!(event::<CommonsEnrolled>(&b).commons, seeds);

	// The round: 1 OST each from Alice, Bob and Charlie to the node's code (Alice stewards it:
	// her gift is passed on, not matched); 1 from Alice and 4 from Charlie to the seed library.
	let give = |commons, amount| treasury.give(round, commons, amount);
	let one = give(code, UNIT);
	for events in founders_send(&api, [&one; 3]).await {
		assert!(events.has::<Given>());
	}
	let (alice_one, charlie_four) = (give(seeds, UNIT), give(seeds, 4 * UNIT));
	let charlie = dev::charlie();
	let (a, c) = tokio::join!(
		submit_finalized(&api, &alice_one, &alice),
		submit_finalized(&api, &charlie_four, &charlie)
	);
	let given = event::<Given>(&c);
	assert_eq!(event::<Given>(&a).giver, account_of(&alice));
	assert_eq!((given.giver, given.commons, given.amount), (account_of(&charlie), seeds, 4 * UNIT));

	let ends_at = storage(&api, ostrom::storage().treasury().rounds(), (round,))
		.await
		.expect("the round exists")
		.ends_at;
	seal_until(&rpc, ends_at).await;
	let finalize = treasury.finalize_round(round);
	let events = submit_finalized(&api, &finalize, &dave).await;
	assert_eq!(event::<RoundFinalized>(&events).round, round);

	// The code: one matched pair, Bob and Charlie, who met only there (S = 1 OST):
	// 2 · 100/101 OST. The seed library: Alice and Charlie, who met in both commons
	// (S = √1·√1 + √1·√4 = 3 OST): 2·√1·√4 · 100/103 OST. Both below a quarter of the pool.
	let code_match = pair_subsidy(UNIT, UNIT, UNIT);
	let seeds_match = pair_subsidy(UNIT, 4 * UNIT, 3 * UNIT);
	assert_eq!((code_match, seeds_match), (1_980_198_019_801, 3_883_495_145_631));
	for id in [code, seeds] {
		let account_of_commons = ostrom::view_functions().treasury().account_of_commons(id);
		assert_eq!(view_function(&api, account_of_commons).await, commons_account(id));
	}
	assert_eq!(free_balance(&api, commons_account(code)).await, 3 * UNIT + code_match);
	assert_eq!(free_balance(&api, commons_account(seeds)).await, 5 * UNIT + seeds_match);
}
