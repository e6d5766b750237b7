//! A runtime upgrade enacted by DAO vote on a running `--dev` node, driven with the typed client
//! `ostrom-client`: Alice notes `System.set_code(next runtime)` as a preimage and submits it on the
//! Root track; the three founding members vote for it; once enacted, `state_getRuntimeVersion`
//! reports the next `spec_version` and the chain keeps producing and finalizing blocks.

use ostrom::{
	preimage::events::Noted,
	proposals::events::{Approved, Submitted},
	quadratic_voting::events::Voted,
	runtime_types::{
		bounded_collections::bounded_vec::BoundedVec,
		frame_support::traits::preimages::Bounded,
		pallet_ostrom_proposals::types::{ProposalKind, ProposalStatus, Track},
	},
};
use ostrom_e2e::{
	block_number, call, event, finalized_number, next_runtime_wasm, ostrom, proposal, rpc_params,
	submit_finalized, wait_for_blocks, wait_until_block, Node,
};
use std::time::Duration;
use subxt::utils::H256;
use subxt_signer::sr25519::dev;

async fn spec_version(rpc: &subxt::rpcs::RpcClient) -> u64 {
	let version = call(rpc, "state_getRuntimeVersion", rpc_params![]).await;
	version["specVersion"].as_u64().expect("the runtime version has a specVersion")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_root_proposal_upgrades_the_runtime() {
	let wasm_path = next_runtime_wasm();
	let code = std::fs::read(&wasm_path)
		.unwrap_or_else(|e| panic!("{} is missing ({e}): build the runtime", wasm_path.display()));
	let mut node = Node::start("upgrade", &["--dev"]);
	let rpc = node.rpc().await;
	wait_for_blocks(&rpc, 1, 1, Duration::from_secs(120)).await;
	let api = node.api().await;
	assert_eq!(spec_version(&rpc).await, 100);

	// The call is far too large to be inline: Alice notes it as a preimage first.
	let set_code = ostrom::transactions().system().set_code(code);
	let call_data =
		api.at_current_block().await.unwrap().transactions().call_data(&set_code).unwrap();
	let (hash, len) = (H256(sp_crypto_hashing::blake2_256(&call_data)), call_data.len() as u32);
	let note = ostrom::transactions().preimage().note_preimage(call_data);
	let events = submit_finalized(&api, &note, &dev::alice()).await;
	assert_eq!(event::<Noted>(&events).hash, hash);

	let submit = ostrom::transactions().proposals().submit(
		Track::Root,
		ProposalKind::Call(Bounded::Lookup { hash, len }),
		BoundedVec(b"upgrade to the next runtime".to_vec()),
	);
	let events = submit_finalized(&api, &submit, &dev::alice()).await;
	let id = event::<Submitted>(&events).id;
	assert_eq!(id, 0);

	let aye = ostrom::transactions().quadratic_voting().vote(id, true, 2);
	let (alice, bob, charlie) = (dev::alice(), dev::bob(), dev::charlie());
	let (a, b, c) = tokio::join!(
		submit_finalized(&api, &aye, &alice),
		submit_finalized(&api, &aye, &bob),
		submit_finalized(&api, &aye, &charlie)
	);
	for events in [&a, &b, &c] {
		assert!(events.has::<Voted>());
	}

	wait_until_block(&rpc, proposal(&api, id).await.voting_ends).await;
	let close = ostrom::transactions().proposals().close(id);
	let events = submit_finalized(&api, &close, &dev::dave()).await;
	assert_eq!(event::<Approved>(&events).id, id);
	let ProposalStatus::Approved { enactment: Some(enactment) } = proposal(&api, id).await.status
	else {
		panic!("the upgrade is approved with an enactment block");
	};

	// Chain state is read at the finalized block.
	let enacted = u64::from(enactment);
	wait_for_blocks(&rpc, enacted + 1, enacted + 1, Duration::from_secs(120)).await;
	assert_eq!(proposal(&api, id).await.status, ProposalStatus::Executed);
	assert_eq!(spec_version(&rpc).await, 101);

	// The chain goes on under the new runtime.
	let (best, finalized) = (block_number(&rpc, None).await, finalized_number(&rpc).await);
	wait_for_blocks(&rpc, best + 3, finalized + 3, Duration::from_secs(120)).await;
}
