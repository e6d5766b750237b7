//! The `dao_*` latencies against `state_getStorage`, measured by `ostrom-rpc-bench` (also run
//! alone by `scripts/bench-rpc.sh`) on the benchmark's node after the floods, when the chain holds
//! the benchmark's members and the referendum with all their votes.

use anyhow::{bail, Context as _, Result};
use serde_json::Value;
use std::path::Path;
use tokio::process::Command;

/// What `ostrom-rpc-bench` printed and wrote.
pub struct RpcLatencies {
	pub table: String,
	pub json: Value,
}

/// Runs `tool` against the node at `url` with `clients` (e.g. `1,10,50`) concurrent clients,
/// `seconds` per method and number of clients; its progress goes to stderr as it runs.
pub async fn measure(
	tool: &Path,
	url: &str,
	clients: &str,
	seconds: f64,
	json_file: &Path,
) -> Result<RpcLatencies> {
	let output = Command::new(tool)
		.args(["--uri", url, "--clients", clients, "--seconds", &seconds.to_string()])
		.arg("--json")
		.arg(json_file)
		.stderr(std::process::Stdio::inherit())
		.output()
		.await
		.with_context(|| format!("cannot run {}", tool.display()))?;
	if !output.status.success() {
		bail!("{} failed ({})", tool.display(), output.status);
	}
	let json = std::fs::read(json_file)
		.with_context(|| format!("{} wrote no {}", tool.display(), json_file.display()))?;
	Ok(RpcLatencies {
		table: String::from_utf8_lossy(&output.stdout).into_owned(),
		json: serde_json::from_slice(&json)?,
	})
}
