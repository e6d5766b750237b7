//! Local networks of real validators: a chain spec like `--chain local` with the genesis edited
//! for a test (short sessions, quick governance), validators on loopback that find each other
//! through the first one, and what tests ask of them: who sealed a block, how finality stands.

use crate::{block_number, call, finalized_number, from_hex, rpc_params, Node};
use serde_json::Value;
use std::{
	path::{Path, PathBuf},
	time::{Duration, Instant},
};
use subxt::rpcs::RpcClient;

/// Writes the `--chain local` spec, its genesis patch edited by `edit`, to a file named after
/// `name` in the temporary directory, removed when the returned path is dropped. Every node of
/// a test's network must start from the same file.
pub fn local_spec(name: &str, edit: impl FnOnce(&mut Value)) -> TempPath {
	let spec_file = TempPath::new(&format!("{name}.json"));
	let path = &spec_file.0;
	let status = std::process::Command::new(crate::node_binary())
		.args(["export-chain-spec", "--chain", "local", "--output"])
		.arg(path)
		.stderr(std::process::Stdio::null())
		.status()
		.expect("ostrom-node exports its local chain spec");
	assert!(status.success(), "export-chain-spec failed");
	let mut spec: Value =
		serde_json::from_slice(&std::fs::read(path).expect("the spec was written"))
			.expect("the spec is JSON");
	edit(&mut spec["genesis"]["runtimeGenesis"]["patch"]);
	std::fs::write(path, serde_json::to_vec(&spec).expect("JSON encodes")).expect("spec written");
	spec_file
}

/// Sets the validator rules of a spec's genesis patch.
pub fn set_validator_rules(
	patch: &mut Value,
	session_length: u32,
	min_validators: u32,
	max_missed_sessions: u32,
) {
	patch["validators"]["rules"] = serde_json::json!({
		"sessionLength": session_length,
		"minValidators": min_validators,
		"maxMissedSessions": max_missed_sessions,
	});
}

/// How a validator node gets its session keys.
#[derive(Clone, Copy)]
pub enum Keys<'a> {
	/// The well-known development keys of `--alice`, `--bob`…: the genesis validators'.
	WellKnown(&'a str),
	/// None yet: the node generates its own (`author_rotateKeys…`).
	Own,
}

/// Starts a validator of the chain `spec`, joining the network through `bootnode`, with its
/// database and keystore in `base_path` (persistent) or temporary.
pub fn start_validator(
	name: &str,
	spec: &Path,
	keys: Keys,
	bootnode: Option<&str>,
	base_path: Option<&Path>,
) -> Node {
	let spec = spec.to_str().expect("the spec's path is UTF-8");
	// A validator of a non-dev chain needs a network key: generated on first start, kept in the
	// base path.
	let mut args = vec!["--chain", spec, "--validator", "--unsafe-force-node-key-generation"];
	let key_flag;
	if let Keys::WellKnown(key) = keys {
		key_flag = format!("--{key}");
		args.push(&key_flag);
	}
	if let Some(bootnode) = bootnode {
		args.extend(["--bootnodes", bootnode]);
	}
	match base_path {
		Some(base_path) => Node::start_at(name, base_path, &args),
		None => Node::start(name, &args),
	}
}

/// The multiaddress other nodes reach `node` at.
pub async fn peer_address(node: &mut Node) -> String {
	let rpc = node.rpc().await;
	let peer_id = call(&rpc, "system_localPeerId", rpc_params![]).await;
	format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", node.p2p_port, peer_id.as_str().expect("a peer id"))
}

/// Waits until the node has finalized block `number`, and returns how long that took; panics
/// after `timeout`.
pub async fn wait_for_finalized(rpc: &RpcClient, number: u64, timeout: Duration) -> Duration {
	let start = Instant::now();
	loop {
		let finalized = finalized_number(rpc).await;
		if finalized >= number {
			return start.elapsed();
		}
		assert!(
			start.elapsed() < timeout,
			"after {timeout:?}: finalized #{finalized}, best #{}; wanted #{number} finalized",
			block_number(rpc, None).await
		);
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
}

/// The hash of block `number` on the node's best chain.
pub async fn block_hash(rpc: &RpcClient, number: u64) -> String {
	let hash = call(rpc, "chain_getBlockHash", rpc_params![number]).await;
	hash.as_str().expect("the node has the block").to_string()
}

/// The Aura authorities (sr25519 public keys) at the block `at`.
pub async fn aura_authorities(rpc: &RpcClient, at: &str) -> Vec<[u8; 32]> {
	let answer = call(rpc, "state_call", rpc_params!["AuraApi_authorities", "0x", at]).await;
	let bytes = from_hex(answer.as_str().expect("hex"));
	// SCALE: a compact length, then 32-byte keys.
	let (count, offset) = match bytes[0] & 0b11 {
		0 => (usize::from(bytes[0] >> 2), 1),
		1 => (usize::from(u16::from_le_bytes([bytes[0], bytes[1]]) >> 2), 2),
		_ => panic!("more authorities than a test network has"),
	};
	(0..count)
		.map(|i| bytes[offset + 32 * i..offset + 32 * (i + 1)].try_into().expect("32 bytes"))
		.collect()
}

/// The Aura key that sealed block `number`: the authority of its slot among its parent's
/// authorities.
pub async fn block_author(rpc: &RpcClient, number: u64) -> [u8; 32] {
	let hash = block_hash(rpc, number).await;
	let header = call(rpc, "chain_getHeader", rpc_params![hash]).await;
	let parent = header["parentHash"].as_str().expect("a parent hash").to_string();
	// The Aura pre-runtime digest: 0x06, "aura", a compact length of 8 (0x20), the slot.
	let slot = header["digest"]["logs"]
		.as_array()
		.expect("logs")
		.iter()
		.filter_map(|log| log.as_str())
		.find_map(|log| log.strip_prefix("0x066175726120"))
		.map(|slot| u64::from_le_bytes(from_hex(slot)[..8].try_into().expect("8 bytes")))
		.expect("every block has Aura's pre-digest");
	let authorities = aura_authorities(rpc, &parent).await;
	authorities[(slot % authorities.len() as u64) as usize]
}

/// A file or directory in the temporary directory, named after the test's process, that
/// outlives the nodes using it (a spec, a node's database) and is removed when dropped.
pub struct TempPath(pub PathBuf);

impl TempPath {
	pub fn new(name: &str) -> TempPath {
		let path = std::env::temp_dir().join(format!("ostrom-e2e-{}-{name}", std::process::id()));
		TempPath(path)
	}
}

impl Drop for TempPath {
	fn drop(&mut self) {
		let _ = std::fs::remove_dir_all(&self.0);
		let _ = std::fs::remove_file(&self.0);
	}
}
