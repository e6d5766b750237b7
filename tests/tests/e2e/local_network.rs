//! Three validators of the `--chain local` network (Alice, Bob, Charlie) on loopback find each
//! other and finalize blocks together: GRANDPA needs two of the three to vote.

use ostrom_e2e::{call, finalized_number, rpc_params, wait_for_blocks, Node};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn three_local_validators_finalize_blocks() {
	// A validator of a non-dev chain needs a network key; each test node has a fresh one.
	let validator = ["--chain", "local", "--validator", "--unsafe-force-node-key-generation"];
	let mut alice = Node::start("alice", &[&validator[..], &["--alice"]].concat());
	let alice_rpc = alice.rpc().await;
	let peer_id = call(&alice_rpc, "system_localPeerId", rpc_params![]).await;
	let bootnode =
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", alice.p2p_port, peer_id.as_str().unwrap());

	let mut others: Vec<Node> = ["bob", "charlie"]
		.into_iter()
		.map(|name| {
			let key = format!("--{name}");
			Node::start(name, &[&validator[..], &[key.as_str(), "--bootnodes", &bootnode]].concat())
		})
		.collect();
	let mut rpcs = vec![alice_rpc];
	for node in &mut others {
		rpcs.push(node.rpc().await);
	}

	for rpc in &rpcs {
		wait_for_blocks(rpc, 4, 3, Duration::from_secs(180)).await;
		let health = call(rpc, "system_health", rpc_params![]).await;
		assert_eq!(health["peers"], 2, "every validator sees the other two");
	}
	let authorities = call(&rpcs[0], "state_call", rpc_params!["AuraApi_authorities", "0x"]).await;
	// SCALE: compact length 3 (0x0c) followed by three 32-byte keys.
	assert_eq!(authorities.as_str().unwrap().len(), 2 + 2 + 3 * 64);

	// Finality keeps advancing with all three voting.
	let finalized = finalized_number(&rpcs[2]).await;
	wait_for_blocks(&rpcs[2], finalized + 2, finalized + 2, Duration::from_secs(120)).await;
}
