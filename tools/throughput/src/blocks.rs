//! The blocks that carry a flood: which of its transactions each one took, how many of them
//! failed, and the weight the block used.

use crate::{chain::Chain, flood::TransactionHash};
use anyhow::{Context as _, Result};
use ostrom_client::ostrom;
use serde_json::Value;
use std::{collections::HashSet, time::Duration};
use subxt::{events::Phase, rpcs::rpc_params};

/// Blocks in a row that carry none of the flood, after which the rest counts as never included.
const IDLE_BLOCKS: u32 = 3;

/// One block after the flood was submitted.
pub struct BlockRow {
	pub number: u32,
	pub hash: String,
	/// The flood's transactions in the block.
	pub carried: usize,
	/// Of these, how many failed (`System.ExtrinsicFailed`): they count, but did nothing.
	pub failed: usize,
	/// Every extrinsic of the block, inherents included.
	pub extrinsics: usize,
	/// The weight of its normal-class extrinsics (`System.BlockWeight`), which signed
	/// transactions fill; the inherents are mandatory-class.
	pub normal_ref_time: u64,
	pub normal_proof_size: u64,
	/// The weight of the whole block, every class: what its execution is declared to take.
	pub total_ref_time: u64,
}

/// Reads the blocks after block `after` until every transaction of `pending` is in one, or
/// until [`IDLE_BLOCKS`] blocks in a row carry none of them; returns the blocks that carried
/// some, and how many of `pending` no block carried.
pub async fn follow(
	chain: &Chain,
	mut pending: HashSet<TransactionHash>,
	after: u32,
) -> Result<(Vec<BlockRow>, usize)> {
	let (mut rows, mut next, mut idle) = (Vec::new(), after + 1, 0);
	while !pending.is_empty() && idle < IDLE_BLOCKS {
		if chain.best_number().await? < next {
			tokio::time::sleep(Duration::from_millis(200)).await;
			continue;
		}
		let row = read_block(chain, next, &mut pending).await?;
		eprintln!("  block #{next}: {} of the flood, {} still pending", row.carried, pending.len());
		if row.carried == 0 {
			idle += 1;
		} else {
			idle = 0;
			rows.push(row);
		}
		next += 1;
	}
	Ok((rows, pending.len()))
}

/// Block `number`, whose transactions found in `pending` are taken out of it.
async fn read_block(
	chain: &Chain,
	number: u32,
	pending: &mut HashSet<TransactionHash>,
) -> Result<BlockRow> {
	let at = chain.api.at_block(u64::from(number)).await?;
	let hash = at.block_hash();
	let block: Value = chain.rpc.request("chain_getBlock", rpc_params![hash]).await?;
	let extrinsics =
		block["block"]["extrinsics"].as_array().context("a block lists its extrinsics")?;
	let mut carried_at = HashSet::new();
	for (index, extrinsic) in extrinsics.iter().enumerate() {
		let hex = extrinsic.as_str().context("an extrinsic in hex")?;
		let bytes = hex::decode(hex.trim_start_matches("0x"))?;
		if pending.remove(&sp_crypto_hashing::blake2_256(&bytes)) {
			carried_at.insert(index as u32);
		}
	}
	let events = at.events().fetch().await?;
	let mut failed = 0;
	for event in events.iter() {
		let event = event?;
		let failure = event.pallet_name() == "System" && event.event_name() == "ExtrinsicFailed";
		if failure
			&& matches!(event.phase(), Phase::ApplyExtrinsic(index) if carried_at.contains(&index))
		{
			failed += 1;
		}
	}
	let weight =
		at.storage().fetch(ostrom::storage().system().block_weight(), ()).await?.decode()?;
	Ok(BlockRow {
		number,
		hash: format!("{hash:?}"),
		carried: carried_at.len(),
		failed,
		extrinsics: extrinsics.len(),
		normal_ref_time: weight.normal.ref_time,
		normal_proof_size: weight.normal.proof_size,
		total_ref_time: [weight.normal, weight.operational, weight.mandatory]
			.iter()
			.fold(0, |total, class| total.saturating_add(class.ref_time)),
	})
}
