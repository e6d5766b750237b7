//! The live state of a node at one block, read over its legacy JSON-RPC methods
//! (`state_getKeysPaged`, `state_queryStorageAt`).

use serde::Deserialize;
use sp_core::{
	hexdisplay::HexDisplay,
	storage::{well_known_keys, StorageChangeSet, StorageData, StorageKey},
	H256,
};
use subxt::rpcs::{rpc_params, RpcClient};

/// Keys asked for per `state_getKeysPaged` call, and values per `state_queryStorageAt` call:
/// small enough that no answer nears the node's response size limit.
const PAGE_SIZE: u32 = 1000;

/// A chain's state at one block.
pub struct Snapshot {
	pub block_hash: H256,
	pub block_number: u64,
	pub spec_name: String,
	pub spec_version: u32,
	/// Every key of the main trie with its value, `:code` included, child tries' roots not.
	pub pairs: Vec<(Vec<u8>, Vec<u8>)>,
	/// How many child tries the state has: they are not fetched (Ostrom's pallets keep none).
	pub child_tries: usize,
}

/// The part of `state_getRuntimeVersion`'s answer the checks need.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChainVersion {
	spec_name: String,
	spec_version: u32,
}

/// The part of `chain_getHeader`'s answer the report needs.
#[derive(Deserialize)]
struct Header {
	/// Hex, `0x…`.
	number: String,
}

/// Reads the whole state of the node at `uri` at block `at` (the finalized head if `None`).
pub async fn snapshot(uri: &str, at: Option<H256>) -> Result<Snapshot, String> {
	let rpc = RpcClient::from_insecure_url(uri)
		.await
		.map_err(|error| format!("cannot connect to {uri}: {error}"))?;
	let block_hash = match at {
		Some(hash) => hash,
		None => request(&rpc, "chain_getFinalizedHead", rpc_params![]).await?,
	};
	let header: Option<Header> = request(&rpc, "chain_getHeader", rpc_params![block_hash]).await?;
	let header = header.ok_or_else(|| format!("the node knows no block {block_hash:?}"))?;
	let block_number = u64::from_str_radix(header.number.trim_start_matches("0x"), 16)
		.map_err(|error| format!("block number {:?}: {error}", header.number))?;
	let version: ChainVersion =
		request(&rpc, "state_getRuntimeVersion", rpc_params![block_hash]).await?;
	let (pairs, child_roots): (Vec<_>, Vec<_>) = pairs(&rpc, block_hash)
		.await?
		.into_iter()
		.partition(|(key, _)| !key.starts_with(well_known_keys::CHILD_STORAGE_KEY_PREFIX));
	Ok(Snapshot {
		block_hash,
		block_number,
		spec_name: version.spec_name,
		spec_version: version.spec_version,
		pairs,
		child_tries: child_roots.len(),
	})
}

/// Every key of the main trie at `at`, page by page, with its value.
async fn pairs(rpc: &RpcClient, at: H256) -> Result<Vec<(Vec<u8>, Vec<u8>)>, String> {
	let mut pairs = Vec::new();
	let mut start_key: Option<StorageKey> = None;
	loop {
		let keys: Vec<StorageKey> = request(
			rpc,
			"state_getKeysPaged",
			rpc_params![StorageKey(Vec::new()), PAGE_SIZE, start_key.clone(), at],
		)
		.await?;
		let Some(last) = keys.last().cloned() else { break };
		let page_full = keys.len() == PAGE_SIZE as usize;
		let change_sets: Vec<StorageChangeSet<H256>> =
			request(rpc, "state_queryStorageAt", rpc_params![keys, at]).await?;
		for change_set in change_sets {
			for (key, value) in change_set.changes {
				// A key listed a moment ago always has a value at the same block.
				let StorageData(value) = value.ok_or_else(|| {
					format!("no value for listed key 0x{}", HexDisplay::from(&key.0))
				})?;
				pairs.push((key.0, value));
			}
		}
		if !page_full {
			break;
		}
		start_key = Some(last);
	}
	Ok(pairs)
}

async fn request<Answer: serde::de::DeserializeOwned>(
	rpc: &RpcClient,
	method: &str,
	params: subxt::rpcs::client::RpcParams,
) -> Result<Answer, String> {
	rpc.request(method, params).await.map_err(|error| format!("{method}: {error}"))
}
