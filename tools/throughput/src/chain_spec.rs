//! The benchmark's chain: the development chain spec that the node exports (with the runtime
//! measured, Alice its only validator), its genesis patched to hold the benchmark's members.

use anyhow::{bail, Context as _, Result};
use ostrom_client::AccountId;
use serde_json::{json, Value};
use std::{
	path::{Path, PathBuf},
	process::Command,
};

/// What each benchmark member holds at genesis, in whole tokens: enough for a vote's and a
/// transfer's fees and the transfer itself, many times over.
const ENDOWMENT_TOKENS: u64 = 1_000;

/// The voting period of the benchmark's chain, in blocks (an hour): the development chain's
/// minute could end before the votes of thousands of members are in.
pub const VOTING_PERIOD: u32 = 600;

/// Writes to `out` the development chain spec of `node` (on `runtime` if given, else on the
/// node's own), whose genesis also makes each of `members` a member past probation (genesis
/// members never are on probation), endowed with [`ENDOWMENT_TOKENS`].
pub fn generate(
	node: &Path,
	runtime: Option<&PathBuf>,
	members: &[AccountId],
	out: &Path,
) -> Result<()> {
	let mut export = Command::new(node);
	export.args(["export-chain-spec", "--chain", "dev"]);
	if let Some(runtime) = runtime {
		export.arg("--runtime").arg(runtime);
	}
	let output = export.output().with_context(|| format!("cannot run {}", node.display()))?;
	if !output.status.success() {
		bail!(
			"`{} export-chain-spec --chain dev` failed: {}",
			node.display(),
			String::from_utf8_lossy(&output.stderr)
		);
	}
	let mut spec: Value =
		serde_json::from_slice(&output.stdout).context("the exported chain spec is not JSON")?;
	add_members(&mut spec, members)?;
	std::fs::write(out, serde_json::to_vec(&spec)?)
		.with_context(|| format!("cannot write {}", out.display()))
}

/// Adds `members` to the genesis patch of `spec` as members and endowed accounts, names the
/// chain and lengthens its voting period.
fn add_members(spec: &mut Value, members: &[AccountId]) -> Result<()> {
	let decimals = spec["properties"]["tokenDecimals"]
		.as_u64()
		.context("the chain spec has no tokenDecimals")?;
	let endowment = u32::try_from(decimals)
		.ok()
		.and_then(|decimals| 10u64.checked_pow(decimals))
		.and_then(|unit| unit.checked_mul(ENDOWMENT_TOKENS))
		.context("the endowment overflows")?;
	spec["name"] = json!("Ostrom Throughput Benchmark");
	spec["id"] = json!("ostrom_throughput");
	let patch = &mut spec["genesis"]["runtimeGenesis"]["patch"];
	if !patch.is_object() {
		bail!("the chain spec has no genesis patch (genesis.runtimeGenesis.patch)");
	}
	let addresses = members.iter().map(ToString::to_string);
	list(&mut patch["membership"]["members"])?.extend(addresses.clone().map(Value::from));
	list(&mut patch["balances"]["balances"])?
		.extend(addresses.map(|address| json!([address, endowment])));
	patch["proposals"]["rules"]["votingPeriod"] = json!(VOTING_PERIOD);
	Ok(())
}

/// The JSON list at `value`, which the preset must have written.
fn list(value: &mut Value) -> Result<&mut Vec<Value>> {
	value.as_array_mut().context("the development preset lacks a list the benchmark extends")
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn members_are_added_to_the_preset_members_and_balances() {
		let mut spec = json!({
			"properties": { "tokenDecimals": 12 },
			"genesis": { "runtimeGenesis": { "patch": {
				"membership": { "members": ["alice"] },
				"balances": { "balances": [["alice", 1]] },
				"proposals": { "rules": { "votingPeriod": 10 } },
			}}}
		});
		let member = AccountId::from([7; 32]);
		add_members(&mut spec, std::slice::from_ref(&member)).unwrap();
		let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
		assert_eq!(patch["membership"]["members"], json!(["alice", member.to_string()]));
		assert_eq!(
			patch["balances"]["balances"][1],
			json!([member.to_string(), 1_000_000_000_000_000u64])
		);
		assert_eq!(patch["proposals"]["rules"]["votingPeriod"], json!(VOTING_PERIOD));
	}
}
