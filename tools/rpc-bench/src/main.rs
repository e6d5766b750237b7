//! `ostrom-rpc-bench`: how long the `dao_*` JSON-RPC methods take against a running node, next
//! to `state_getStorage` (one storage read, the cheapest call a node serves), with 1, 10 and 50
//! clients calling at once. `scripts/bench-rpc.sh` starts a node and runs it.
//!
//! Each client is its own WebSocket connection that calls one method over and over, waiting for
//! each answer, for a fixed time; the tool then prints p50 and p99 of the latencies per method and
//! number of clients, and how p99 compares with `state_getStorage`'s at the same number of clients.

mod calls;
mod measure;
mod report;

use clap::Parser;
use jsonrpsee::ws_client::{WsClient, WsClientBuilder};
use std::{path::PathBuf, time::Duration};

#[derive(Debug, Parser)]
#[command(about)]
struct Args {
	/// The node's RPC endpoint.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	uri: String,
	/// The numbers of concurrent clients to measure each method with.
	#[arg(long, value_delimiter = ',', default_value = "1,10,50")]
	clients: Vec<usize>,
	/// How long each method is called at each number of clients, in seconds.
	#[arg(long, default_value_t = 3.0)]
	seconds: f64,
	/// Only the methods whose name contains this (e.g. `dao_member`); all by default.
	#[arg(long)]
	only: Option<String>,
	/// Also writes the results to this file as JSON.
	#[arg(long)]
	json: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
	let args = Args::parse();
	let most_clients = args.clients.iter().copied().max().unwrap_or(1);
	let mut connections: Vec<WsClient> = Vec::with_capacity(most_clients);
	for _ in 0..most_clients {
		connections.push(WsClientBuilder::default().build(&args.uri).await?);
	}
	let calls: Vec<_> = calls::all()
		.into_iter()
		.filter(|call| args.only.as_ref().is_none_or(|only| call.method.contains(only.as_str())))
		.collect();
	let duration = Duration::from_secs_f64(args.seconds);

	let mut rows = Vec::new();
	for &clients in &args.clients {
		for call in &calls {
			// A few calls first, so that no measurement includes a cold cache or a first
			// instantiation of the runtime.
			measure::run(&connections[..1], call, Duration::from_millis(200)).await;
			let latencies = measure::run(&connections[..clients], call, duration).await;
			let row = report::Row::new(call.method_label(), clients, &latencies);
			eprintln!("{}", row.progress());
			rows.push(row);
		}
	}
	let results = report::Results::new(&args.uri, args.seconds, rows);
	println!("{}", results.table());
	if let Some(path) = &args.json {
		std::fs::write(path, results.json())?;
		eprintln!("wrote {}", path.display());
	}
	Ok(())
}
