//! Proposals and quadratic voting on a `--dev` node that seals blocks on demand, driven with
//! subxt: Alice and Bob
//! each submit a proposal; members vote quadratically; after the voting period the proposal two
//! of three members voted on passes, the one only Charlie voted on fails its quorum. Tallies,
//! voice credits and outcomes are read back from chain state over RPC.

use ostrom_e2e::{
	has_event, proposal, seal_until, submit_finalized, wait_for_blocks, Api, Node, ProposalStatus,
};
use scale_decode::DecodeAsType;
use std::time::Duration;
use subxt::dynamic::{self, Value};
use subxt_signer::sr25519::{dev, Keypair};

/// The runtime's voice credits per member and epoch.
const CREDITS_PER_EPOCH: u64 = 100;

#[derive(Debug, PartialEq, DecodeAsType)]
struct Tally {
	ayes: u64,
	nays: u64,
	voters: u32,
	credits: u64,
}

#[derive(Debug, DecodeAsType)]
struct SpentCredits {
	credits: u64,
}

async fn tally(api: &Api, id: u32) -> Tally {
	let address = dynamic::storage::<(u32,), Tally>("QuadraticVoting", "TallyOf");
	let at = api.at_current_block().await.unwrap();
	at.storage().fetch(address, (id,)).await.expect("TallyOf has a default").decode().unwrap()
}

async fn credits_spent(api: &Api, who: &Keypair) -> u64 {
	let address = dynamic::storage::<([u8; 32],), SpentCredits>("QuadraticVoting", "Spent");
	let at = api.at_current_block().await.unwrap();
	let value = at.storage().try_fetch(address, (who.public_key().0,)).await.unwrap();
	value.map_or(0, |spent| spent.decode().expect("spent credits decode").credits)
}

fn submit_signal(text: &[u8]) -> subxt::tx::DynamicPayload<Vec<Value>> {
	dynamic::tx(
		"Proposals",
		"submit",
		vec![
			Value::unnamed_variant("Standard", []),
			Value::unnamed_variant("Signal", []),
			Value::from_bytes(text),
		],
	)
}

fn vote(id: u32, aye: bool, votes: u32) -> subxt::tx::DynamicPayload<Vec<Value>> {
	dynamic::tx(
		"QuadraticVoting",
		"vote",
		vec![Value::u128(id.into()), Value::bool(aye), Value::u128(votes.into())],
	)
}

fn close(id: u32) -> subxt::tx::DynamicPayload<Vec<Value>> {
	dynamic::tx("Proposals", "close", vec![Value::u128(id.into())])
}

#[tokio::test(flavor = "multi_thread")]
async fn a_well_attended_proposal_passes_and_a_thin_one_fails_its_quorum() {
	let mut node = Node::start_manual_seal("governance");
	let rpc = node.rpc().await;
	wait_for_blocks(&rpc, 1, 1, Duration::from_secs(120)).await;
	let api = node.api().await;
	let (alice, bob, charlie, dave) = (dev::alice(), dev::bob(), dev::charlie(), dev::dave());

	// Alice and Bob submit at the same time.
	let orchard = submit_signal(b"plant a community orchard");
	let shed = submit_signal(b"paint the tool shed pink");
	let (by_alice, by_bob) =
		tokio::join!(submit_finalized(&api, &orchard, &alice), submit_finalized(&api, &shed, &bob));
	assert!(has_event(&by_alice, "Proposals", "Submitted"));
	assert!(has_event(&by_bob, "Proposals", "Submitted"));
	let (orchard, shed) =
		if proposal(&api, 0).await.proposer == alice.public_key().0 { (0, 1) } else { (1, 0) };
	assert_eq!(proposal(&api, orchard).await.eligible, 3, "three founding members");

	// Alice casts 3 votes for the orchard (9 credits), Bob 1 against (1 credit); Charlie alone
	// casts 2 votes for the shed (4 credits).
	let (alice_for, bob_against, charlie_for) =
		(vote(orchard, true, 3), vote(orchard, false, 1), vote(shed, true, 2));
	let (a, b, c) = tokio::join!(
		submit_finalized(&api, &alice_for, &alice),
		submit_finalized(&api, &bob_against, &bob),
		submit_finalized(&api, &charlie_for, &charlie)
	);
	for events in [&a, &b, &c] {
		assert!(has_event(events, "QuadraticVoting", "Voted"));
	}
	assert_eq!(tally(&api, orchard).await, Tally { ayes: 3, nays: 1, voters: 2, credits: 10 });
	assert_eq!(tally(&api, shed).await, Tally { ayes: 2, nays: 0, voters: 1, credits: 4 });
	assert_eq!(credits_spent(&api, &alice).await, 9);
	assert_eq!(CREDITS_PER_EPOCH - credits_spent(&api, &charlie).await, 96);

	// Once the voting period has passed, anyone closes: two of three voters meet the 50%
	// quorum, one does not.
	let ends =
		proposal(&api, orchard).await.voting_ends.max(proposal(&api, shed).await.voting_ends);
	seal_until(&rpc, ends).await;
	let events = submit_finalized(&api, &close(orchard), &dave).await;
	assert!(has_event(&events, "Proposals", "Approved"));
	let events = submit_finalized(&api, &close(shed), &dave).await;
	assert!(has_event(&events, "Proposals", "Rejected"));

	assert!(matches!(
		proposal(&api, orchard).await.status,
		ProposalStatus::Approved { enactment: None }
	));
	assert!(matches!(proposal(&api, shed).await.status, ProposalStatus::Rejected));
}
