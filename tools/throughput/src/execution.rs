//! How long the runtime takes to execute a block, as a node that imports it does: the block,
//! without its seal, executed again by `Core_execute_block` on its parent's state through
//! `state_call`. Unlike the build time, this leaves out the transaction pool and the block
//! builder, and measures what the block's weight declares.

use crate::chain::Chain;
use anyhow::{Context as _, Result};
use serde_json::Value;
use std::time::{Duration, Instant};
use subxt::{
	ext::codec::{Compact, Encode},
	rpcs::rpc_params,
};

/// Executions of each block; the median counts, so that one disturbed run does not.
const EXECUTIONS: usize = 3;

/// The `DigestItem::Seal` variant's index: the seal is added after execution, and taken off
/// before it.
const SEAL: u8 = 5;

/// The median time of [`EXECUTIONS`] executions of the block with `hash`.
pub async fn time(chain: &Chain, hash: &str) -> Result<Duration> {
	let block: Value = chain.rpc.request("chain_getBlock", rpc_params![hash]).await?;
	let header = &block["block"]["header"];
	let parent = header["parentHash"].as_str().context("a header names its parent")?;
	let encoded = format!("0x{}", hex::encode(unsealed_block(&block["block"])?));
	let mut times = Vec::with_capacity(EXECUTIONS);
	for _ in 0..EXECUTIONS {
		let started = Instant::now();
		let _: String = chain
			.rpc
			.request("state_call", rpc_params!["Core_execute_block", &encoded, parent])
			.await
			.context("the runtime did not execute the block again")?;
		times.push(started.elapsed());
	}
	times.sort_unstable();
	Ok(times[EXECUTIONS / 2])
}

/// The SCALE encoding of `block` (as `chain_getBlock` gives it) without the seal in its
/// header's digest.
fn unsealed_block(block: &Value) -> Result<Vec<u8>> {
	let header = &block["header"];
	let bytes = |field: &str| -> Result<Vec<u8>> {
		let text = header[field].as_str().with_context(|| format!("a header has {field}"))?;
		Ok(hex::decode(text.trim_start_matches("0x"))?)
	};
	let number = u32::from_str_radix(
		header["number"].as_str().context("a header has a number")?.trim_start_matches("0x"),
		16,
	)?;
	let mut logs = Vec::new();
	for log in header["digest"]["logs"].as_array().context("a header has a digest")? {
		let log =
			hex::decode(log.as_str().context("a digest item in hex")?.trim_start_matches("0x"))?;
		if log.first() != Some(&SEAL) {
			logs.push(log);
		}
	}
	let extrinsics = block["extrinsics"].as_array().context("a block lists its extrinsics")?;

	let mut encoded = bytes("parentHash")?;
	Compact(number).encode_to(&mut encoded);
	encoded.extend(bytes("stateRoot")?);
	encoded.extend(bytes("extrinsicsRoot")?);
	Compact(logs.len() as u32).encode_to(&mut encoded);
	logs.iter().for_each(|log| encoded.extend(log));
	Compact(extrinsics.len() as u32).encode_to(&mut encoded);
	for extrinsic in extrinsics {
		let text = extrinsic.as_str().context("an extrinsic in hex")?;
		// Each extrinsic's encoding starts with its length, as in the block's.
		encoded.extend(hex::decode(text.trim_start_matches("0x"))?);
	}
	Ok(encoded)
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	#[test]
	fn the_seal_is_taken_off_and_the_rest_kept_in_order() {
		let block = json!({
			"header": {
				"parentHash": format!("0x{}", "11".repeat(32)),
				"number": "0x2a",
				"stateRoot": format!("0x{}", "22".repeat(32)),
				"extrinsicsRoot": format!("0x{}", "33".repeat(32)),
				"digest": { "logs": ["0x0661757261", "0x0561757261"] },
			},
			"extrinsics": ["0x0801ff"],
		});
		let mut expected = vec![0x11; 32];
		expected.push(42 << 2);
		expected.extend([0x22; 32]);
		expected.extend([0x33; 32]);
		expected.extend([1 << 2, 0x06, 0x61, 0x75, 0x72, 0x61]);
		expected.extend([1 << 2, 0x08, 0x01, 0xff]);
		assert_eq!(unsealed_block(&block).unwrap(), expected);
	}
}
