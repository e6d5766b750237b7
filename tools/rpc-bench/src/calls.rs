//! The calls measured: the point `dao_*` views, a page of `dao_proposals`, the baseline
//! `state_getStorage` and, to separate the cost of entering the runtime from the cost of a view,
//! `state_call` of `Core_version`.

use serde_json::{json, Value};

/// `System.Number`: `twox128("System") ++ twox128("Number")`, one small value every chain has.
const SYSTEM_NUMBER_KEY: &str =
	"0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac";
/// Alice's address on `--dev`, a member from genesis.
const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

/// The method all others are compared with.
pub const BASELINE: &str = "state_getStorage";

/// One JSON-RPC method with fixed parameters.
pub struct Call {
	pub method: &'static str,
	/// Tells apart calls of the same method, e.g. `state_call`'s runtime functions.
	pub label: Option<&'static str>,
	pub params: Value,
}

impl Call {
	fn new(method: &'static str, params: Value) -> Self {
		Call { method, label: None, params }
	}

	/// The name in the table: the method, and the label if there is one.
	pub fn method_label(&self) -> String {
		match self.label {
			Some(label) => format!("{} {label}", self.method),
			None => self.method.to_string(),
		}
	}
}

pub fn all() -> Vec<Call> {
	vec![
		Call::new(BASELINE, json!([SYSTEM_NUMBER_KEY])),
		Call {
			label: Some("Core_version"),
			..Call::new("state_call", json!(["Core_version", "0x"]))
		},
		Call::new("dao_proposal", json!([0])),
		Call::new("dao_member", json!([ALICE])),
		Call::new("dao_tally", json!([0])),
		Call::new("dao_voiceCredits", json!([ALICE])),
		Call::new("dao_commons", json!([0])),
		Call::new("dao_treasury", json!([])),
		Call { label: Some("page of 100"), ..Call::new("dao_proposals", json!([null, 0, 100])) },
		// No proposal is ever Executed on the benchmark's chains: the filter matches nothing.
		Call {
			label: Some("none match"),
			..Call::new("dao_proposals", json!(["Executed", 0, 100]))
		},
	]
}
