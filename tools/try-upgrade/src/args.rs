//! The command line.

use clap::Parser;
use sp_core::H256;
use std::path::PathBuf;

/// Runs a candidate runtime's `on_runtime_upgrade` against the live state of a running node,
/// with every migration's `pre_upgrade`/`post_upgrade` and every pallet's `try_state`, then once
/// more to check that the migrations are idempotent. Exits non-zero if a check fails, if the
/// upgrade's weight does not fit in one block, or if the candidate is another chain's runtime.
#[derive(Debug, Parser)]
#[command(name = "ostrom-try-upgrade", version)]
pub struct Args {
	/// The node's WebSocket JSON-RPC endpoint; the state is read from it.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub uri: String,

	/// The candidate runtime: a wasm built with the `try-runtime` feature
	/// (`try_runtime.compact.compressed.wasm` beside the runtime's wasm).
	#[arg(long)]
	pub wasm: PathBuf,

	/// The block whose state to upgrade (`0x…` hash); the finalized head if not given.
	#[arg(long)]
	pub at: Option<H256>,
}
