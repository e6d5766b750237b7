//! `ostrom-try-upgrade`: a candidate runtime's `on_runtime_upgrade`, with all of its checks,
//! against the live state of a running node. `scripts/try-upgrade.sh` runs it.
//!
//! The published `try-runtime-cli` and `frame-remote-externalities` are built on older
//! polkadot-sdk releases than this workspace's, so the state is read over plain JSON-RPC and the
//! runtime is executed with this release's executor.

mod args;
mod execute;
mod fetch;
mod report;

use args::Args;
use clap::Parser;
use execute::Upgrade;
use std::process::ExitCode;

/// The log filter unless `RUST_LOG` says otherwise: the runtime's `info` lines, among them the
/// migrations' messages and FRAME's try-runtime and try-state reports.
const DEFAULT_LOG_FILTER: &str = "info";

fn main() -> ExitCode {
	let args = Args::parse();
	if std::env::var_os("RUST_LOG").is_none() {
		// Still single-threaded: nothing else reads the environment yet.
		std::env::set_var("RUST_LOG", DEFAULT_LOG_FILTER);
	}
	sp_tracing::try_init_simple();
	match run(&args) {
		Ok(()) => {
			println!("OK: the upgrade passed every check.");
			ExitCode::SUCCESS
		}
		Err(problem) => {
			eprintln!("FAILED: {problem}");
			ExitCode::FAILURE
		}
	}
}

fn run(args: &Args) -> Result<(), String> {
	let candidate = std::fs::read(&args.wasm)
		.map_err(|error| format!("cannot read {}: {error}", args.wasm.display()))?;
	let mut snapshot = tokio::runtime::Runtime::new()
		.map_err(|error| format!("cannot start the async runtime: {error}"))?
		.block_on(fetch::snapshot(&args.uri, args.at))?;
	report::chain(&args.uri, &snapshot);
	let upgrade = Upgrade::new(std::mem::take(&mut snapshot.pairs), candidate);
	report::candidate(&args.wasm, &upgrade.candidate_version()?, &snapshot)?;
	println!("Running the candidate's on_runtime_upgrade with every check…");
	report::outcome(&upgrade.run()?)
}
