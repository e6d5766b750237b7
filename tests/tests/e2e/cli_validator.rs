//! Operators join the validator set through the `ostrom` command line, on a `--dev` node that
//! seals blocks on demand (Alice validates alone; Alice, Bob and Charlie are the DAO):
//! - Eve runs `validator join`: the node generates her session keys in its keystore
//!   (`author_rotateKeysWithOwner`, answered on its localhost RPC) and she registers them;
//!   `validator status` shows them, not approved yet, with the call a member proposes;
//! - Dave registers keys generated beforehand for his account (`--keys`, `--proof`), after
//!   Charlie's attempt with the same proof is refused as not his;
//! - Bob, a member, runs `validator join --propose`, which also proposes his approval; Alice
//!   proposes Eve's with the call `join` printed; Ferdie's `--propose` (not a member) and
//!   Alice's (a validator already) are refused before anything is signed;
//! - the three members pass both proposals, and `validator status` shows Bob and Eve approved,
//!   to be planned at the next rotation; Eve's `validator rejoin` is refused: she is not parked.
//!
//! The test runs the CLI as a process and checks what it prints against the chain's state.

use crate::cli_journey::{number_after, Ostrom};
use ostrom_e2e::{
	account_of, call, ostrom, rpc_params, seal_until, storage, to_hex, view_function,
	wait_for_blocks, AccountId, Api, Node,
};
use serde_json::Value as Json;
use std::time::Duration;
use subxt::rpcs::RpcClient;
use subxt_signer::sr25519::dev;

const UNIT: u128 = 1_000_000_000_000;

/// The 0x-hex word after the first `label` that starts a line of `text`.
fn hex_after(text: &str, label: &str) -> String {
	let line = text
		.lines()
		.find(|line| line.starts_with(label))
		.unwrap_or_else(|| panic!("no `{label}` line in:\n{text}"));
	let word = line[label.len()..].split_whitespace().next().unwrap_or_default();
	assert!(word.starts_with("0x"), "no hex after `{label}` in:\n{text}");
	word.to_string()
}

/// The `0x…` call after `ostrom propose call ` in `text`.
fn proposed_call(text: &str) -> String {
	let marker = "ostrom propose call ";
	let start = text.find(marker).unwrap_or_else(|| panic!("no `{marker}` in:\n{text}"));
	text[start + marker.len()..].split_whitespace().next().unwrap_or_default().to_string()
}

/// `account`'s registered session keys (`Session.NextKeys`) as the CLI writes them: Aura's and
/// GRANDPA's public keys in 0x-hex.
async fn registered_keys(api: &Api, account: AccountId) -> Option<(String, String)> {
	let keys = storage(api, ostrom::storage().session().next_keys(), (account,)).await?;
	Some((to_hex(&keys.aura.0), to_hex(&keys.grandpa.0)))
}

/// The accounts of the approved validators, from the chain's own view.
async fn approved(api: &Api) -> Vec<String> {
	let views = view_function(api, ostrom::view_functions().validators().validators()).await;
	views.into_iter().map(|view| view.account.to_string()).collect()
}

/// The three members vote for proposal `id`, with one vote each.
async fn members_approve(ostrom: &Ostrom, id: u32) {
	let id = id.to_string();
	let aye = ["vote", &id, "--aye"];
	tokio::join!(
		ostrom.send("//Alice", &aye),
		ostrom.send("//Bob", &aye),
		ostrom.send("//Charlie", &aye)
	);
}

#[tokio::test(flavor = "multi_thread")]
async fn operators_register_keys_and_the_dao_approves_them() {
	let mut node = Node::start_manual_seal("cli-validator");
	let rpc: RpcClient = node.rpc().await;
	wait_for_blocks(&rpc, 1, 1, Duration::from_secs(120)).await;
	let api = node.api().await;
	let ostrom = Ostrom::new(&node);
	let (alice, bob, dave, eve) = (
		account_of(&dev::alice()).to_string(),
		account_of(&dev::bob()).to_string(),
		account_of(&dev::dave()).to_string(),
		account_of(&dev::eve()).to_string(),
	);

	// The dev chain: Alice validates alone, now and in the next session.
	let status = ostrom.json(&["validator", "status"]).await;
	assert_eq!(status["validators"].as_array().map(Vec::len), Some(1), "{status}");
	assert_eq!(status["validators"][0]["account"], alice, "{status}");
	assert_eq!(status["currentSet"], serde_json::json!([alice]), "{status}");
	assert_eq!(status["queuedSet"], serde_json::json!([alice]), "{status}");
	let session = storage(&api, ostrom::storage().session().current_index(), ()).await;
	assert_eq!(status["session"], session.unwrap_or_default(), "{status}");
	let (rules, next_rotation) =
		view_function(&api, ostrom::view_functions().validators().rules()).await;
	assert_eq!(status["nextRotation"], next_rotation, "{status}");
	assert_eq!(status["rules"]["sessionLength"], rules.session_length, "{status}");
	let unknown = ostrom.json(&["validator", "status", &eve]).await;
	assert_eq!(
		(unknown["approved"].as_bool(), unknown["hasKeys"].as_bool()),
		(Some(false), Some(false))
	);

	// Eve joins: her node (this one, on localhost) generates the keys and she registers them,
	// holding the 1 OST key deposit.
	let joined = ostrom.send("//Eve", &["validator", "join"]).await;
	assert!(joined.contains(&format!("{eve} registered its session keys")), "{joined}");
	let (aura, grandpa) = (hex_after(&joined, "aura"), hex_after(&joined, "grandpa"));
	assert_eq!(
		registered_keys(&api, account_of(&dev::eve())).await,
		Some((aura.clone(), grandpa.clone()))
	);
	let keys = format!("{aura}{}", grandpa.trim_start_matches("0x"));
	let in_keystore = call(&rpc, "author_hasSessionKeys", rpc_params![keys]).await;
	assert_eq!(in_keystore, Json::Bool(true), "the node's keystore holds Eve's new keys");
	let held =
		storage(&api, ostrom::storage().system().account(), (account_of(&dev::eve()),)).await;
	assert_eq!(held.map(|account| account.data.reserved), Some(UNIT));
	assert!(joined.contains("next: a DAO member proposes your approval"), "{joined}");
	let add_eve = proposed_call(&joined);

	// `validator status` with her account shows the keys just registered, and no approval.
	let shown = ostrom.ok(None, &["validator", "status", &eve]).await.stdout;
	assert!(shown.contains(&format!("aura {aura}, grandpa {grandpa}")), "{shown}");
	assert!(shown.contains("no: a Root-track proposal Validators.add_validator"), "{shown}");
	let standing = ostrom.json(&["validator", "status", &eve]).await;
	assert_eq!(standing["hasKeys"], true, "{standing}");
	assert_eq!(standing["keys"]["aura"], aura, "{standing}");

	// Keys generated beforehand (on the operator's node) for Dave's account: their proof
	// convinces the chain that Dave holds them, not Charlie.
	let owner = to_hex(&account_of(&dev::dave()).0);
	let generated = call(&rpc, "author_rotateKeysWithOwner", rpc_params![owner]).await;
	let (keys, proof) = (generated["keys"].as_str().unwrap(), generated["proof"].as_str().unwrap());
	let given = ["validator", "join", "--keys", keys, "--proof", proof];
	let not_his = ostrom.run(Some("//Charlie"), &given).await;
	assert!(!not_his.success, "{}", not_his.stdout);
	assert!(
		not_his.stderr.contains("error: Session::InvalidProof: Invalid ownership proof."),
		"{}",
		not_his.stderr
	);
	let registered = ostrom.send("//Dave", &given).await;
	assert!(registered.contains(&format!("{dave} registered its session keys")), "{registered}");
	let (dave_aura, dave_grandpa) =
		registered_keys(&api, account_of(&dev::dave())).await.expect("Dave has keys");
	assert_eq!(format!("{dave_aura}{}", dave_grandpa.trim_start_matches("0x")), keys);

	// `--propose` is refused before anything is signed for who could only fail: Ferdie is no
	// member, Alice validates already.
	let ferdie = ostrom.run(Some("//Ferdie"), &["validator", "join", "--propose"]).await;
	assert!(ferdie.stderr.contains("is not an active DAO member"), "{}", ferdie.stderr);
	let again = ostrom.run(Some("//Alice"), &["validator", "join", "--propose"]).await;
	assert!(again.stderr.contains("is an approved validator already"), "{}", again.stderr);
	for refused in [ferdie, again] {
		assert!(!refused.success && !refused.stderr.contains("submitted 0x"), "{}", refused.stderr);
	}

	// Bob, a member, joins and proposes his own approval; Alice proposes Eve's with the call
	// Eve's `join` printed. Both are Root-track proposals of Validators.add_validator.
	let bob_joined = ostrom.send("//Bob", &["validator", "join", "--propose"]).await;
	assert!(bob_joined.contains(&format!("{bob} registered its session keys")), "{bob_joined}");
	let bobs = number_after(&bob_joined, "submitted proposal #");
	assert!(bob_joined.contains("on the Root track"), "{bob_joined}");
	assert!(bob_joined.contains(&format!("the DAO votes on proposal #{bobs}")), "{bob_joined}");
	let proposed = ostrom.send("//Alice", &["propose", "call", &add_eve, "--track", "root"]).await;
	let eves = number_after(&proposed, "submitted proposal #");
	for id in [bobs, eves] {
		let proposal = ostrom.json(&["proposals", &id.to_string()]).await;
		assert_eq!(proposal["call"], "Validators.add_validator", "{proposal}");
		assert_eq!(proposal["track"], "Root", "{proposal}");
	}
	let voting_ends = ostrom.json(&["proposals", &eves.to_string()]).await["votingEnds"]
		.as_u64()
		.expect("votingEnds is a block number");

	// The members pass both; they are enacted two blocks after they are closed.
	members_approve(&ostrom, bobs).await;
	members_approve(&ostrom, eves).await;
	seal_until(&rpc, voting_ends as u32).await;
	let mut enactment = 0;
	for id in [bobs, eves] {
		let closed = ostrom.send("//Alice", &["close", &id.to_string()]).await;
		assert!(closed.contains(&format!("proposal #{id} is approved")), "{closed}");
		enactment = enactment.max(number_after(&closed, "enacted in block #"));
	}
	seal_until(&rpc, enactment).await;

	// Bob and Eve are approved, after Alice, with their keys; they are not validating yet, nor
	// queued: the next rotation plans them, and is still to come (the dev chain's sessions last
	// an hour).
	assert_eq!(approved(&api).await, [alice.clone(), bob.clone(), eve.clone()]);
	let status = ostrom.json(&["validator", "status"]).await;
	let listed: Vec<&Json> = status["validators"].as_array().expect("a list").iter().collect();
	let accounts: Vec<&str> = listed.iter().filter_map(|view| view["account"].as_str()).collect();
	assert_eq!(accounts, [&alice, &bob, &eve], "{status}");
	for view in &listed[1..] {
		assert_eq!(view["hasKeys"], true, "{view}");
		assert_eq!(view["inCurrentSet"], false, "{view}");
		assert_eq!(view["queued"], false, "{view}");
		assert_eq!(view["parkedSince"], Json::Null, "{view}");
	}
	assert_eq!(status["currentSet"], serde_json::json!([alice]), "{status}");
	let shown = ostrom.ok(None, &["validator", "status", &eve]).await.stdout;
	assert!(
		shown.lines().any(|line| line.starts_with("approved") && line.ends_with("yes")),
		"{shown}"
	);
	assert!(shown.contains("never"), "Eve authored nothing yet:\n{shown}");
	let listed = ostrom.ok(None, &["validator", "status"]).await.stdout;
	assert!(listed.contains("3 approved validators:"), "{listed}");
	assert!(listed.contains(&format!("{eve}  keys, not validating")), "{listed}");
	// Dave has keys but no approval.
	let dave_status = ostrom.json(&["validator", "status", &dave]).await;
	assert_eq!(
		(dave_status["approved"].as_bool(), dave_status["hasKeys"].as_bool()),
		(Some(false), Some(true))
	);

	// Eve is not parked: nothing to rejoin, and the chain says so in words.
	let rejoin = ostrom.run(Some("//Eve"), &["validator", "rejoin"]).await;
	assert!(!rejoin.success, "{}", rejoin.stdout);
	assert!(
		rejoin.stderr.contains("error: Validators::NotParked: The validator is not parked."),
		"{}",
		rejoin.stderr
	);
}
