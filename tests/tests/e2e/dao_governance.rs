//! Proposals and quadratic voting on a `--dev` node that seals blocks on demand, driven with the
//! typed client `ostrom-client`: Alice and Bob each submit a proposal; members vote quadratically;
//! after the voting period the proposal two of three members voted on passes, the one only Charlie
//! voted on fails its quorum. Tallies, voice credits and outcomes are read back from chain state
//! over RPC.

use ostrom::{
	proposals::events::{Approved, Rejected, Submitted},
	quadratic_voting::events::Voted,
	runtime_types::{
		bounded_collections::bounded_vec::BoundedVec,
		pallet_ostrom_proposals::types::{ProposalKind, ProposalStatus, Track},
		pallet_ostrom_quadratic_voting::types::Tally,
	},
};
use ostrom_e2e::{
	account_of, event, ostrom, proposal, seal_until, storage, submit_finalized, wait_for_blocks,
	Api, Node, ProposalId,
};
use std::time::Duration;
use subxt_signer::sr25519::{dev, Keypair};

/// The runtime's voice credits per member and epoch.
const CREDITS_PER_EPOCH: u64 = 100;

async fn tally(api: &Api, id: ProposalId) -> Tally {
	let tally = storage(api, ostrom::storage().quadratic_voting().tally_of(), (id,)).await;
	tally.expect("TallyOf has a default")
}

async fn credits_spent(api: &Api, who: &Keypair) -> u64 {
	let spent = storage(api, ostrom::storage().quadratic_voting().spent(), (account_of(who),));
	spent.await.map_or(0, |spent| spent.credits)
}

fn submit_signal(text: &[u8]) -> impl subxt::tx::Payload {
	ostrom::transactions().proposals().submit(
		Track::Standard,
		ProposalKind::Signal,
		BoundedVec(text.to_vec()),
	)
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
	let (orchard, shed) = (event::<Submitted>(&by_alice), event::<Submitted>(&by_bob));
	assert_eq!((orchard.proposer, shed.proposer), (account_of(&alice), account_of(&bob)));
	let (orchard, shed) = (orchard.id, shed.id);
	assert_eq!(proposal(&api, orchard).await.proposer, account_of(&alice));
	assert_eq!(proposal(&api, orchard).await.eligible, 3, "three founding members");

	// Alice casts 3 votes for the orchard (9 credits), Bob 1 against (1 credit); Charlie alone
	// casts 2 votes for the shed (4 credits).
	let vote = |id, aye, votes| ostrom::transactions().quadratic_voting().vote(id, aye, votes);
	let (alice_for, bob_against, charlie_for) =
		(vote(orchard, true, 3), vote(orchard, false, 1), vote(shed, true, 2));
	let (a, b, c) = tokio::join!(
		submit_finalized(&api, &alice_for, &alice),
		submit_finalized(&api, &bob_against, &bob),
		submit_finalized(&api, &charlie_for, &charlie)
	);
	for events in [&a, &b, &c] {
		assert!(events.has::<Voted>());
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
	let close = |id| ostrom::transactions().proposals().close(id);
	let events = submit_finalized(&api, &close(orchard), &dave).await;
	assert_eq!(event::<Approved>(&events), Approved { id: orchard, enactment: None });
	let events = submit_finalized(&api, &close(shed), &dave).await;
	assert_eq!(event::<Rejected>(&events).id, shed);

	assert_eq!(proposal(&api, orchard).await.status, ProposalStatus::Approved { enactment: None });
	assert_eq!(proposal(&api, shed).await.status, ProposalStatus::Rejected);
}
