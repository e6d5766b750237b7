//! What the run prints, and the verdict: which findings fail it.

use crate::{
	execute::{Idempotency, Outcome},
	fetch::Snapshot,
};
use sp_version::RuntimeVersion;
use sp_weights::Weight;
use std::path::Path;

/// The chain the upgrade is tried on.
pub fn chain(uri: &str, snapshot: &Snapshot) {
	let bytes: usize = snapshot.pairs.iter().map(|(key, value)| key.len() + value.len()).sum();
	println!("Node:              {uri}");
	println!("Block:             #{} {:?}", snapshot.block_number, snapshot.block_hash);
	println!("State:             {} keys, {} KiB", snapshot.pairs.len(), bytes / 1024);
	if snapshot.child_tries > 0 {
		println!(
			"WARNING: {} child tries were not fetched; migrations touching them are not tried.",
			snapshot.child_tries
		);
	}
	println!("Chain's runtime:   {} spec_version {}", snapshot.spec_name, snapshot.spec_version);
}

/// The candidate against the chain's runtime: fails if it is another chain's runtime or lacks
/// the `TryRuntime` API; warns if a chain would not enact it.
pub fn candidate(wasm: &Path, version: &RuntimeVersion, chain: &Snapshot) -> Result<(), String> {
	println!(
		"Candidate runtime: {} spec_version {} ({})",
		version.spec_name,
		version.spec_version,
		wasm.display()
	);
	if version.spec_name != chain.spec_name {
		return Err(format!(
			"the candidate's spec_name is {:?}, the chain's {:?}: it is another chain's runtime",
			version.spec_name, chain.spec_name
		));
	}
	let try_runtime_api = sp_crypto_hashing::blake2_64(b"TryRuntime");
	if version.api_version(&try_runtime_api).is_none() {
		return Err("the candidate has no TryRuntime API: give the runtime built with the \
		            `try-runtime` feature (try_runtime.compact.compressed.wasm), built from the \
		            same source as the runtime to propose"
			.into());
	}
	if version.spec_version <= chain.spec_version {
		println!(
			"WARNING: spec_version {} is not above the chain's {}: set_code would refuse this \
			 runtime and a chain would not run its on_runtime_upgrade. The checks run anyway.",
			version.spec_version, chain.spec_version
		);
	}
	Ok(())
}

/// The upgrade's weight and idempotency: fails if the upgrade does not fit in one block or a
/// second run changes or breaks the state.
pub fn outcome(outcome: &Outcome) -> Result<(), String> {
	println!("Checks:            pre_upgrade, post_upgrade, state decoding, try_state: passed");
	println!("Weight used:       {}", share(outcome.used, outcome.max_block));
	match &outcome.idempotency {
		Idempotency::Unchanged => {
			println!("Idempotency:       a second on_runtime_upgrade left the state unchanged");
		}
		Idempotency::Changed => {
			return Err("a second on_runtime_upgrade changed the state: a migration is not \
			            idempotent (does it check the storage version?)"
				.into())
		}
		Idempotency::Failed(error) => {
			return Err(format!("a second on_runtime_upgrade failed: {error}"))
		}
	}
	if outcome.used.any_gt(outcome.max_block) {
		return Err(format!(
			"the upgrade needs more than one block's weight ({}): split the migration over \
			 several blocks (a multi-block migration)",
			share(outcome.used, outcome.max_block)
		));
	}
	Ok(())
}

/// `used` as parts of `max`: ref_time and proof_size, each with its percentage.
fn share(used: Weight, max: Weight) -> String {
	format!(
		"ref_time {}, proof_size {}",
		part(used.ref_time(), max.ref_time()),
		part(used.proof_size(), max.proof_size())
	)
}

/// `used of max (p%)`; a solochain's blocks usually set no proof_size limit (`u64::MAX`).
fn part(used: u64, max: u64) -> String {
	if max == u64::MAX {
		return format!("{used} (no limit)");
	}
	let percent = if max == 0 { 100.0 } else { used as f64 * 100.0 / max as f64 };
	format!("{used} of {max} ({percent:.2}%)")
}
