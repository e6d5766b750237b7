//! An upgrade from the last released runtime to this source's, voted through by the DAO on a
//! `--sealing manual` node started on release 100 (`runtime/releases/`). Under release 100 Dave
//! joins, Alice registers a commons that Dave contributes to, a proposal opens a funding round
//! that the commons enrols in and Bob gives to, and a proposal to pay Ferdie is voted on but not
//! yet closed. `scripts/try-upgrade.sh` then rehearses the upgrade against the node's state, and
//! a Root proposal enacts `System.set_code` with the current runtime, whose first block migrates
//! the proposals to storage version 2, indexes the treasury's open round (Treasury version 1) and
//! makes the authority pallet-session's validator.
//! Every `dao_*` view answers as before, the open round listed by `dao_treasury`; the pending
//! proposal, submitted under 100, is closed and enacted by the new runtime; blocks go on being
//! sealed and finalized.

use ostrom::{
	commons::events::{ContributionRecorded, Registered},
	membership::events::MemberAdded,
	preimage::events::Noted,
	proposals::events::{Approved, Submitted},
	quadratic_voting::events::Voted,
	runtime_types::{
		bounded_collections::bounded_vec::BoundedVec,
		frame_support::traits::preimages::Bounded,
		pallet_ostrom_commons::types::CommonsKind,
		pallet_ostrom_proposals::types::{ProposalKind, ProposalStatus, Track},
	},
	treasury::events::{CommonsEnrolled, Given},
};
use ostrom_e2e::{
	account_of, call, current_runtime_wasm, event, free_balance, ostrom, proposal, propose_inline,
	released_runtime_wasm, rpc_params, seal_blocks, seal_until, storage, submit_finalized,
	try_runtime_wasm, wait_for_blocks, workspace_dir, Api, Node, ProposalId,
};
use serde_json::{json, Value};
use std::time::Duration;
use subxt::{rpcs::RpcClient, utils::H256};
use subxt_signer::sr25519::{dev, Keypair};

const UNIT: u128 = 1_000_000_000_000;
const RELEASE: u32 = 100;

async fn spec_version(rpc: &RpcClient) -> u64 {
	let version = call(rpc, "state_getRuntimeVersion", rpc_params![]).await;
	version["specVersion"].as_u64().expect("the runtime version has a specVersion")
}

/// The storage version the chain records for `pallet`.
async fn storage_version(rpc: &RpcClient, pallet: &str) -> u16 {
	let key = [
		sp_crypto_hashing::twox_128(pallet.as_bytes()),
		sp_crypto_hashing::twox_128(b":__STORAGE_VERSION__:"),
	]
	.concat();
	let key = format!("0x{}", hex(&key));
	let value = call(rpc, "state_getStorage", rpc_params![key]).await;
	let Some(value) = value.as_str() else { return 0 };
	let bytes = u16::from_str_radix(&value[2..], 16).expect("a u16 in hex");
	bytes.swap_bytes()
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Alice, Bob and Charlie each vote one aye on every proposal of `ids`.
async fn founders_vote_aye(api: &Api, ids: &[ProposalId]) {
	let (alice, bob, charlie) = (dev::alice(), dev::bob(), dev::charlie());
	for &id in ids {
		let aye = ostrom::transactions().quadratic_voting().vote(id, true, 1);
		let (a, b, c) = tokio::join!(
			submit_finalized(api, &aye, &alice),
			submit_finalized(api, &aye, &bob),
			submit_finalized(api, &aye, &charlie)
		);
		for events in [&a, &b, &c] {
			assert!(events.has::<Voted>());
		}
	}
}

/// Dave (not a founder) closes proposal `id`, which passes; returns its enactment block.
async fn close(api: &Api, id: ProposalId) -> u32 {
	let events =
		submit_finalized(api, &ostrom::transactions().proposals().close(id), &dev::dave()).await;
	let approved = event::<Approved>(&events);
	assert_eq!(approved.id, id);
	approved.enactment.expect("a call is enacted")
}

/// Everything the `dao_*` methods show of the DAO: every proposal with its tally, every dev
/// account's membership, credits and contributions, the commons and the treasury.
async fn dao_views(rpc: &RpcClient, accounts: &[Keypair]) -> Value {
	let mut views = json!({
		"proposals": call(rpc, "dao_proposals", rpc_params![Value::Null, 0, 100]).await,
		"commons": call(rpc, "dao_listCommons", rpc_params![0, 100]).await,
		"treasury": call(rpc, "dao_treasury", rpc_params![]).await,
	});
	for keypair in accounts {
		let who = account_of(keypair).to_string();
		views[format!("member {who}")] = call(rpc, "dao_member", rpc_params![&who]).await;
		views[format!("credits {who}")] = call(rpc, "dao_voiceCredits", rpc_params![&who]).await;
		views[format!("contributions {who}")] =
			call(rpc, "dao_contributions", rpc_params![&who]).await;
	}
	for id in 0..3 {
		views[format!("tally {id}")] = call(rpc, "dao_tally", rpc_params![id]).await;
	}
	views
}

/// `views` without what the upgrade's own enactment changes: its proposal's status.
fn without_status_of(mut views: Value, id: ProposalId) -> Value {
	for item in views["proposals"]["items"].as_array_mut().expect("a page of proposals") {
		if item["id"] == json!(id) {
			item["status"] = Value::Null;
			item["enactment"] = Value::Null;
		}
	}
	views
}

/// Every path at which `before` and `after` differ, with both values.
fn differences(path: &str, before: &Value, after: &Value) -> Vec<String> {
	match (before, after) {
		(Value::Object(b), Value::Object(a)) => {
			let keys: std::collections::BTreeSet<_> = b.keys().chain(a.keys()).collect();
			keys.into_iter()
				.flat_map(|key| {
					let (b, a) =
						(b.get(key).unwrap_or(&Value::Null), a.get(key).unwrap_or(&Value::Null));
					differences(&format!("{path}.{key}"), b, a)
				})
				.collect()
		}
		(Value::Array(b), Value::Array(a)) if b.len() == a.len() => b
			.iter()
			.zip(a)
			.enumerate()
			.flat_map(|(i, (b, a))| differences(&format!("{path}[{i}]"), b, a))
			.collect(),
		_ if before == after => vec![],
		_ => vec![format!("{path}: {before} -> {after}")],
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dao_upgrades_from_the_last_release_and_keeps_its_state() {
	let release = released_runtime_wasm(RELEASE);
	let current = current_runtime_wasm();
	let code = std::fs::read(&current)
		.unwrap_or_else(|e| panic!("{} is missing ({e}): build the runtime", current.display()));
	let mut node = Node::start_manual_seal_on("upgrade", &release);
	let rpc = node.rpc().await;
	wait_for_blocks(&rpc, 1, 1, Duration::from_secs(120)).await;
	let api = node.api().await;
	assert_eq!(spec_version(&rpc).await, u64::from(RELEASE));
	assert_eq!(storage_version(&rpc, "Proposals").await, 0);
	assert_eq!(storage_version(&rpc, "Treasury").await, 0);
	let (alice, bob, charlie, dave, ferdie) =
		(dev::alice(), dev::bob(), dev::charlie(), dev::dave(), dev::ferdie());

	// Under release 100: Dave applies and is sponsored by Alice and Bob.
	let (membership, commons_calls, treasury) = (
		ostrom::transactions().membership(),
		ostrom::transactions().commons(),
		ostrom::transactions().treasury(),
	);
	submit_finalized(&api, &membership.apply(BoundedVec(b"ipfs://dave".to_vec())), &dave).await;
	submit_finalized(&api, &membership.sponsor(account_of(&dave)), &alice).await;
	let events = submit_finalized(&api, &membership.sponsor(account_of(&dave)), &bob).await;
	assert_eq!(event::<MemberAdded>(&events).who, account_of(&dave));

	// Alice registers a commons; Dave contributes to it.
	let register = commons_calls.register(
		BoundedVec(b"ostrom-handbook".to_vec()),
		CommonsKind::Knowledge,
		BoundedVec(b"CC-BY-SA-4.0".to_vec()),
		BoundedVec(b"https://ostrom.example/handbook".to_vec()),
	);
	let commons = event::<Registered>(&submit_finalized(&api, &register, &alice).await).commons;
	let contribute =
		commons_calls.contribute(commons, H256([7; 32]), BoundedVec(b"ch. 1".to_vec()));
	assert!(submit_finalized(&api, &contribute, &dave).await.has::<ContributionRecorded>());

	// Three proposals at once: open a funding round, pay Ferdie, and the upgrade (its call is
	// far too large to be inline: Alice notes it as a preimage first).
	let set_code = ostrom::transactions().system().set_code(code);
	let call_data =
		api.at_current_block().await.unwrap().transactions().call_data(&set_code).unwrap();
	let (hash, len) = (H256(sp_crypto_hashing::blake2_256(&call_data)), call_data.len() as u32);
	let note = ostrom::transactions().preimage().note_preimage(call_data);
	assert_eq!(event::<Noted>(&submit_finalized(&api, &note, &alice).await).hash, hash);
	let open_round = propose_inline(
		&api,
		Track::Standard,
		&treasury.open_round(20 * UNIT, 8, 40),
		b"a round for the handbook",
	)
	.await;
	let pay_ferdie = propose_inline(
		&api,
		Track::Standard,
		&treasury.spend(account_of(&ferdie), 250 * UNIT),
		b"fence",
	)
	.await;
	let upgrade = ostrom::transactions().proposals().submit(
		Track::Root,
		ProposalKind::Call(Bounded::Lookup { hash, len }),
		BoundedVec(b"upgrade to the current runtime".to_vec()),
	);
	let (a, b, c) = tokio::join!(
		submit_finalized(&api, &open_round, &alice),
		submit_finalized(&api, &pay_ferdie, &bob),
		submit_finalized(&api, &upgrade, &charlie)
	);
	let (round_id, pay_id, upgrade_id) =
		(event::<Submitted>(&a).id, event::<Submitted>(&b).id, event::<Submitted>(&c).id);
	founders_vote_aye(&api, &[round_id, pay_id, upgrade_id]).await;

	// The round opens; the commons enrols and Bob gives to it. The payment stays undecided.
	let voting_ends = event::<Submitted>(&a).voting_ends.max(event::<Submitted>(&c).voting_ends);
	seal_until(&rpc, voting_ends).await;
	seal_until(&rpc, close(&api, round_id).await + 1).await;
	let enrol = treasury.enrol(0, commons);
	assert!(submit_finalized(&api, &enrol, &alice).await.has::<CommonsEnrolled>());
	assert!(submit_finalized(&api, &treasury.give(0, commons, UNIT), &bob).await.has::<Given>());

	// Before the vote is closed, the upgrade is rehearsed against the node's state.
	let rehearsal = std::process::Command::new("bash")
		.arg(workspace_dir().join("scripts/try-upgrade.sh"))
		.args(["--uri", &node.ws_url(), "--wasm"])
		.arg(try_runtime_wasm())
		.output()
		.expect("scripts/try-upgrade.sh runs");
	let report = String::from_utf8_lossy(&rehearsal.stdout).into_owned()
		+ &String::from_utf8_lossy(&rehearsal.stderr);
	assert!(rehearsal.status.success(), "try-upgrade failed:\n{report}");
	// The rehearsal ran the real migration on the three proposals.
	assert!(report.contains("recorded spec_version 100 in 3 proposals"), "{report}");
	println!("{report}");

	// The treasury's spend cap renews each period: the upgrade is closed at the start of one so
	// that the views before and after it fall in the same period.
	let treasury_view = call(&rpc, "dao_treasury", rpc_params![]).await;
	let period_starts = treasury_view["nextPeriodAt"].as_u64().expect("a period boundary");
	seal_until(&rpc, period_starts as u32).await;
	let enactment = close(&api, upgrade_id).await;
	let treasury_view = call(&rpc, "dao_treasury", rpc_params![]).await;
	assert!(u64::from(enactment) + 1 < treasury_view["nextPeriodAt"].as_u64().unwrap());
	let before = dao_views(&rpc, &[alice, bob, charlie, dave.clone(), ferdie.clone()]).await;
	// The new runtime's first block runs the migrations.
	seal_until(&rpc, enactment + 1).await;
	assert_eq!(spec_version(&rpc).await, 103);
	assert_eq!(storage_version(&rpc, "Proposals").await, 3);
	assert_eq!(storage_version(&rpc, "Commons").await, 1);
	assert_eq!(storage_version(&rpc, "Treasury").await, 1);
	assert_eq!(storage_version(&rpc, "Session").await, 1);
	let api = node.api().await;
	// Alice, release 100's authority, is pallet-session's validator (runtime 103's migration).
	let validators = storage(&api, ostrom::storage().session().validators(), ()).await;
	assert_eq!(validators, Some(vec![account_of(&dev::alice())]));
	assert_eq!(proposal(&api, upgrade_id).await.status, ProposalStatus::Executed);
	assert_eq!(proposal(&api, pay_id).await.spec_version, RELEASE);

	let after =
		dao_views(&rpc, &[dev::alice(), dev::bob(), dev::charlie(), dave, ferdie.clone()]).await;
	let changed = differences(
		"",
		&without_status_of(before, upgrade_id),
		&without_status_of(after, upgrade_id),
	);
	assert!(changed.is_empty(), "the upgrade changed dao_* views:\n{}", changed.join("\n"));

	// The payment voted on under release 100 is enacted by the current runtime.
	let ferdie_before = free_balance(&api, account_of(&ferdie)).await;
	let enactment = close(&api, pay_id).await;
	seal_until(&rpc, enactment).await;
	let api = node.api().await;
	assert_eq!(proposal(&api, pay_id).await.status, ProposalStatus::Executed);
	assert_eq!(free_balance(&api, account_of(&ferdie)).await, ferdie_before + 250 * UNIT);

	// Blocks go on being sealed and finalized under the new runtime.
	let best = ostrom_e2e::block_number(&rpc, None).await;
	seal_blocks(&rpc, 2).await;
	wait_for_blocks(&rpc, best + 2, best + 2, Duration::from_secs(30)).await;
}
