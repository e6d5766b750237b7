//! The DAO changes the validator set of a four-validator local network (Alice, Bob, Charlie,
//! Dave) with ten-block sessions, by Root-track proposals:
//! - Eve's own node generates her session keys (`author_rotateKeysWithOwner`), she registers
//!   them (`Session.set_keys`), a proposal adds her, and once the set has rotated she authors
//!   blocks and the set has five members;
//! - Dave's node stops and a proposal removes Charlie: Dave is parked after a silent session,
//!   Charlie authors no more, and Alice, Bob and Eve finalize on.

use ostrom::{
	proposals::events::Submitted,
	runtime_types::pallet_ostrom_proposals::types::{ProposalStatus, Track},
};
use ostrom_e2e::{
	account_of, call, event, finalized_number, from_hex,
	network::{
		block_author, local_spec, peer_address, set_validator_rules, start_validator,
		wait_for_finalized, Keys,
	},
	ostrom, proposal, propose_inline, rpc_params, storage, submit_finalized, to_hex, view_function,
	wait_until_block, AccountId, Api,
};
use std::time::{Duration, Instant};
use subxt::rpcs::RpcClient;
use subxt_signer::sr25519::{dev, Keypair};

/// Blocks of a session: two per validator for five validators, the fewest the rules allow.
const SESSION: u32 = 10;

/// Alice proposes `call` on the Root track, the three founders vote for it, and once the vote
/// is over Bob closes it; returns when it has been enacted.
async fn pass_root_proposal(
	api: &Api,
	rpc: &RpcClient,
	call: &impl subxt::tx::Payload,
	text: &[u8],
) {
	let submit = propose_inline(api, Track::Root, call, text).await;
	let id = event::<Submitted>(&submit_finalized(api, &submit, &dev::alice()).await).id;
	let aye = ostrom::transactions().quadratic_voting().vote(id, true, 1);
	let (alice, bob, charlie) = (dev::alice(), dev::bob(), dev::charlie());
	tokio::join!(
		submit_finalized(api, &aye, &alice),
		submit_finalized(api, &aye, &bob),
		submit_finalized(api, &aye, &charlie)
	);
	wait_until_block(rpc, proposal(api, id).await.voting_ends).await;
	submit_finalized(api, &ostrom::transactions().proposals().close(id), &bob).await;
	let deadline = Instant::now() + Duration::from_secs(60);
	while !matches!(proposal(api, id).await.status, ProposalStatus::Executed) {
		assert!(Instant::now() < deadline, "proposal {id} was not enacted");
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

async fn session_validators(api: &Api) -> Vec<AccountId> {
	storage(api, ostrom::storage().session().validators(), ()).await.unwrap_or_default()
}

/// Waits until the validators of the current session are `expected`; returns how long it took.
async fn wait_for_set(api: &Api, expected: &[AccountId], timeout: Duration) -> Duration {
	let start = Instant::now();
	loop {
		let set = session_validators(api).await;
		if set == expected {
			return start.elapsed();
		}
		assert!(start.elapsed() < timeout, "after {timeout:?} the set is still {set:?}");
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

/// The Aura keys that sealed the best block's `count` predecessors and itself.
async fn recent_authors(rpc: &RpcClient, count: u64) -> Vec<[u8; 32]> {
	let best = ostrom_e2e::block_number(rpc, None).await;
	let mut authors = Vec::new();
	for number in best.saturating_sub(count)..=best {
		authors.push(block_author(rpc, number).await);
	}
	authors
}

fn aura_key(keypair: &Keypair) -> [u8; 32] {
	keypair.public_key().0
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dao_adds_and_removes_validators_and_a_silent_one_is_parked() {
	let spec = local_spec("validator-set", |patch| {
		set_validator_rules(patch, SESSION, 3, 1);
		// Long enough for three votes to be finalized after the proposal is.
		patch["proposals"]["rules"]["votingPeriod"] = 5.into();
		// As on a development chain: an emergency kill is voted on before an enactment.
		patch["proposals"]["rules"]["enactmentDelay"] = 2.into();
		patch["proposals"]["rules"]["emergencyVotingPeriod"] = 1.into();
	});
	let mut alice = start_validator("alice", &spec.0, Keys::WellKnown("alice"), None, None);
	let bootnode = peer_address(&mut alice).await;
	let start = |name: &str, keys| start_validator(name, &spec.0, keys, Some(&bootnode), None);
	let (_bob, _charlie) =
		(start("bob", Keys::WellKnown("bob")), start("charlie", Keys::WellKnown("charlie")));
	let mut dave = start("dave", Keys::WellKnown("dave"));
	let mut eve_node = start("eve", Keys::Own);
	let rpc = alice.rpc().await;
	let eve_rpc = eve_node.rpc().await;
	let _ = dave.rpc().await;
	wait_for_finalized(&rpc, 1, Duration::from_secs(180)).await;
	let api = alice.api().await;
	let [alice_id, bob_id, charlie_id, dave_id, eve_id] =
		[dev::alice(), dev::bob(), dev::charlie(), dev::dave(), dev::eve()].map(|k| account_of(&k));

	// Eve's node generates her keys, with a proof that her account owns them; she registers them.
	let owner = to_hex(&eve_id.0);
	let generated = call(&eve_rpc, "author_rotateKeysWithOwner", rpc_params![owner]).await;
	let field = |name: &str| from_hex(generated[name].as_str().expect("hex bytes"));
	let (keys, proof) = (field("keys"), field("proof"));
	let eve_aura: [u8; 32] = keys[..32].try_into().unwrap();
	let session_keys = {
		use ostrom::runtime_types::{
			sp_consensus_aura::sr25519::app_sr25519, sp_consensus_grandpa::app,
		};
		ostrom::runtime_types::ostrom_runtime::SessionKeys {
			aura: app_sr25519::Public(keys[..32].try_into().unwrap()),
			grandpa: app::Public(keys[32..64].try_into().unwrap()),
		}
	};
	let set_keys = ostrom::transactions().session().set_keys(session_keys, proof);

	// She registers them while a Root proposal adds her (her keys are checked at its enactment);
	// two rotations later she validates.
	let add = ostrom::transactions().validators().add_validator(eve_id);
	let (proposed, eve) = (Instant::now(), dev::eve());
	tokio::join!(
		submit_finalized(&api, &set_keys, &eve),
		pass_root_proposal(&api, &rpc, &add, b"Eve validates from her own machine")
	);
	println!("Eve's proposal passed and was enacted in {:?}", proposed.elapsed());

	// Dave's machine stops now: he authored in this session, so the set of five, chosen at the
	// next rotation, still holds him; he misses the next session and is parked at the rotation
	// after. Meanwhile the DAO votes Charlie out: enacted more than a session after Eve's
	// addition (a proposal takes longer than a session here), his removal takes effect at least
	// a session after her arrival.
	drop(dave);
	let stopped = Instant::now();
	let remove = ostrom::transactions().validators().remove_validator(charlie_id);
	let five = [alice_id, bob_id, charlie_id, dave_id, eve_id];
	let five_validate = async {
		let took = wait_for_set(&api, &five, Duration::from_secs(3 * 60)).await;
		println!("the set had five validators {took:?} after the enactment");
		let deadline = Instant::now() + Duration::from_secs(60);
		while !recent_authors(&rpc, 5).await.contains(&eve_aura) {
			assert!(Instant::now() < deadline, "Eve authored no block");
			tokio::time::sleep(Duration::from_secs(3)).await;
		}
		println!("Eve authored a block");
	};
	tokio::join!(pass_root_proposal(&api, &rpc, &remove, b"Charlie retires"), five_validate);
	let three = [alice_id, bob_id, eve_id];
	wait_for_set(&api, &three, Duration::from_secs(5 * 60)).await;
	println!("Alice, Bob and Eve alone validate {:?} after Dave stopped", stopped.elapsed());
	let validators = view_function(&api, ostrom::view_functions().validators().validators()).await;
	let dave_view =
		validators.iter().find(|v| v.account == dave_id).expect("Dave is still approved");
	assert!(dave_view.parked_since.is_some(), "Dave is parked");
	assert!(validators.iter().all(|v| v.account != charlie_id), "Charlie is no longer approved");

	// Finality goes on with the three, and Charlie seals no block of the new set.
	let finalized = finalized_number(&rpc).await;
	wait_for_finalized(&rpc, finalized + 3, Duration::from_secs(120)).await;
	// The two blocks before the best came after the rotation block, sealed by the new set.
	let authors = recent_authors(&rpc, 2).await;
	assert!(!authors.contains(&aura_key(&dev::charlie())), "Charlie authored after his removal");
	assert!(!authors.contains(&aura_key(&dev::dave())));
	println!("finality continued with Alice, Bob and Eve: #{}", finalized_number(&rpc).await);
}
