//! `chain-specs/local.json` is the node's own `--chain local` spec: the same chain, the same
//! genesis state. The runtime code itself is left out of the comparison, since a wasm build
//! embeds the paths it was built from.

use ostrom_e2e::node_binary;
use serde_json::Value;
use std::process::Command;

/// The `:code` storage key, which holds the runtime wasm.
const CODE_KEY: &str = "0x3a636f6465";

fn without_code(mut spec: Value) -> Value {
	let top = spec["genesis"]["raw"]["top"].as_object_mut().expect("a raw spec has top storage");
	assert!(top.remove(CODE_KEY).is_some(), "the genesis state holds the runtime");
	spec
}

#[test]
fn committed_local_spec_matches_the_node() {
	let output = Command::new(node_binary())
		.args(["export-chain-spec", "--chain", "local", "--raw"])
		.output()
		.expect("ostrom-node runs");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let generated: Value = serde_json::from_slice(&output.stdout).expect("the node prints JSON");

	let path = ostrom_e2e::workspace_dir().join("chain-specs/local.json");
	let committed: Value =
		serde_json::from_str(&std::fs::read_to_string(path).expect("the spec is committed"))
			.unwrap();
	assert_eq!(
		without_code(committed),
		without_code(generated),
		"chain-specs/local.json is stale: regenerate it as the README says"
	);
}
