//! `ostrom-throughput`: how many quadratic votes and transfers a block takes, on a node that
//! authors in real 6-second Aura slots with ParityDB. `scripts/bench.sh` runs it.
//!
//! 1. Generates the development chain spec (on `--runtime` if given) with `--members` more
//!    members, derived from `--seed` (`//bench//0` …), each endowed; Alice stays the validator.
//! 2. Starts `ostrom-node` on it and has Alice submit a Signal proposal.
//! 3. Signs a `QuadraticVoting.vote` on it by every member offline, submits all of them at once
//!    and reads every block until they are all in (or the chain stops taking them): what each
//!    block carried, its normal-class weight (`System.BlockWeight`) and how long the node took to
//!    build it (its log's "Prepared block for proposing" line); once they are all in, each of
//!    these blocks is executed again (`Core_execute_block`) and timed against its weight. Then
//!    the same for a `Balances.transfer_keep_alive` from every member to the next one, and for
//!    a Signal proposal submitted by each of the first `--proposals` members.
//! 4. Runs `ostrom-rpc-bench` against the node for the `dao_*` latencies.
//!
//! It prints a table and, with `--json`, writes every figure to a file.

mod blocks;
mod chain;
mod chain_spec;
mod execution;
mod flood;
mod members;
mod node;
mod report;
mod rpc_latency;

use anyhow::{bail, Context as _, Result};
use chain::Chain;
use clap::Parser;
use node::Node;
use ostrom_client::{
	ostrom::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_ostrom_proposals::types::{ProposalKind, Track},
		},
	},
	ProposalId,
};
use report::{Block, Flood, Machine, Report};
use std::path::{Path, PathBuf};
use subxt::{transactions::Payload, utils::MultiAddress};
use subxt_signer::sr25519::{dev, Keypair};

#[derive(Debug, Parser)]
#[command(about)]
struct Args {
	/// How many members the generated genesis adds; each votes once and transfers once.
	#[arg(long, default_value_t = 5_000, value_parser = clap::value_parser!(u32).range(1..))]
	members: u32,
	/// How many members then submit a Signal proposal each, so that the `dao_*` latencies are
	/// measured with as many proposals stored (at most `--members`).
	#[arg(long, default_value_t = 2_000)]
	proposals: u32,
	/// The secret URI the members' keys derive from: member `i` is `<seed>//i`.
	#[arg(long, default_value = "//bench")]
	seed: String,
	/// Measures this runtime (a wasm file, e.g. a release from `runtime/releases/`) instead of
	/// the node's own.
	#[arg(long, value_name = "WASM")]
	runtime: Option<PathBuf>,
	/// The node binary; `ostrom-node` beside this one by default.
	#[arg(long)]
	node: Option<PathBuf>,
	/// The `ostrom-rpc-bench` binary; beside this one by default.
	#[arg(long)]
	rpc_bench: Option<PathBuf>,
	/// The numbers of concurrent clients the `dao_*` latencies are measured with.
	#[arg(long, default_value = "1,10,50")]
	rpc_clients: String,
	/// How long each `dao_*` method is called at each number of clients, in seconds.
	#[arg(long, default_value_t = 3.0)]
	rpc_seconds: f64,
	/// Skips the `dao_*` latencies.
	#[arg(long)]
	no_rpc: bool,
	/// How many connections submit a flood at once.
	#[arg(long, default_value_t = 8)]
	connections: usize,
	/// How many submissions wait for an answer at once on each connection.
	#[arg(long, default_value_t = 32)]
	in_flight: usize,
	/// Keeps the node's database after the run, a chain with every member's vote and transfer,
	/// e.g. to measure the storage weights on (`scripts/benchmark-machine.sh --chain`).
	#[arg(long)]
	keep_database: bool,
	/// Also writes the results to this file as JSON.
	#[arg(long)]
	json: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> Result<()> {
	let args = Args::parse();
	let node_binary = args.node.clone().unwrap_or_else(|| beside_this_binary("ostrom-node"));
	let rpc_bench =
		args.rpc_bench.clone().unwrap_or_else(|| beside_this_binary("ostrom-rpc-bench"));
	for binary in std::iter::once(&node_binary).chain((!args.no_rpc).then_some(&rpc_bench)) {
		if !binary.is_file() {
			bail!(
				"missing {}: build it (`cargo build --release --locked -p ostrom-node -p \
				 ostrom-rpc-bench`) or name it (`--node`, `--rpc-bench`)",
				binary.display()
			);
		}
	}
	let work = std::env::temp_dir().join(format!("ostrom-throughput-{}", std::process::id()));
	std::fs::create_dir_all(&work)?;

	eprintln!("deriving {} members from {} …", args.members, args.seed);
	let keys = members::derive(&args.seed, args.members)?;
	let accounts = members::accounts(&keys);
	let spec = work.join("chain-spec.json");
	chain_spec::generate(&node_binary, args.runtime.as_ref(), &accounts, &spec)?;

	let log = work.join("node.log");
	eprintln!("starting the node; its log: {}", log.display());
	let database = work.join("database");
	let mut node = Node::start(&node_binary, &spec, &database, &log, args.keep_database)?;
	let url = node.rpc_url().await?;
	let chain = Chain::connect(&url).await?;
	chain.wait_for_block(1).await?;
	let (spec_version, max_normal_ref_time) = chain.runtime().await?;

	let proposal = open_referendum(&chain).await?;
	eprintln!("proposal {proposal} is open; {} members vote on it", args.members);
	let votes =
		run_flood(&args, &chain, &node, &keys, ("QuadraticVoting.vote", "votes"), 0, |_| {
			ostrom::transactions().quadratic_voting().vote(proposal, true, 1)
		})
		.await?;
	let amount = chain.token.unit();
	let transfers = run_flood(
		&args,
		&chain,
		&node,
		&keys,
		("Balances.transfer_keep_alive", "transfers"),
		1,
		|i| {
			let next = accounts[(i + 1) % accounts.len()];
			ostrom::transactions().balances().transfer_keep_alive(MultiAddress::Id(next), amount)
		},
	)
	.await?;

	let proposers = &keys[..(args.proposals as usize).min(keys.len())];
	let submissions =
		run_flood(&args, &chain, &node, proposers, ("Proposals.submit", "proposals"), 2, |i| {
			let metadata = format!("throughput benchmark proposal {i}").into_bytes();
			ostrom::transactions()
				.proposals()
				.submit(Track::Standard, ProposalKind::Signal, BoundedVec(metadata))
				.unvalidated()
		})
		.await?;

	let rpc = if args.no_rpc {
		None
	} else {
		eprintln!("measuring the dao_* latencies with {} …", rpc_bench.display());
		let json = work.join("rpc-bench.json");
		Some(
			rpc_latency::measure(&rpc_bench, &url, &args.rpc_clients, args.rpc_seconds, &json)
				.await?,
		)
	};
	drop(node);

	let report = Report {
		machine: Machine::this_one(),
		runtime: args.runtime.as_ref().map(|path| path.display().to_string()),
		spec_version,
		members: args.members,
		max_normal_ref_time,
		floods: vec![votes, transfers, submissions],
		rpc,
	};
	println!("{}", report.table());
	if let Some(path) = &args.json {
		std::fs::write(path, report.json())
			.with_context(|| format!("cannot write {}", path.display()))?;
		eprintln!("wrote {}", path.display());
	}
	eprintln!("chain spec and node log kept in {}", work.display());
	if args.keep_database {
		eprintln!("database kept in {}", database.display());
	}
	Ok(())
}

/// Alice, a founding member, submits a Signal proposal on the Standard track; its id.
async fn open_referendum(chain: &Chain) -> Result<ProposalId> {
	// Unvalidated: the call's type includes the runtime's whole call enum, which differs
	// between runtimes (`--runtime`) although this call's encoding does not.
	let submit = ostrom::transactions()
		.proposals()
		.submit(Track::Standard, ProposalKind::Signal, BoundedVec(b"throughput benchmark".to_vec()))
		.unvalidated();
	let events = chain
		.api
		.at_current_block()
		.await?
		.transactions()
		.sign_and_submit_then_watch_default(&submit, &dev::alice())
		.await?
		.wait_for_finalized_success()
		.await?;
	let submitted = events
		.find_first::<ostrom::proposals::events::Submitted>()
		.context("the proposal was not submitted")??;
	Ok(submitted.id)
}

/// Signs `call(i)` by every member `i` with `nonce`, submits them all, reads the blocks that
/// carry them and the node's log about those blocks.
async fn run_flood<Call: Payload>(
	args: &Args,
	chain: &Chain,
	node: &Node,
	keys: &[Keypair],
	names: (&'static str, &'static str),
	nonce: u64,
	call: impl Fn(usize) -> Call,
) -> Result<Flood> {
	let at = chain.api.at_current_block().await?;
	let signed = flood::sign_all(&at, keys, nonce, call)?;
	let count = signed.transactions.len();
	eprintln!("{}: {count} signed in {:.1} s; submitting …", names.0, signed.took.as_secs_f64());
	// Submitted right after a block is imported, the flood is in the pool before the next slot
	// begins, so that the pool's imports do not compete with building the first full block.
	chain.wait_for_block(chain.best_number().await? + 1).await?;
	let before = chain.best_number().await?;
	let submission =
		flood::submit_all(&chain.url, signed.transactions, args.connections, args.in_flight)
			.await?;
	eprintln!(
		"{}: submitted in {:.1} s, {} refused",
		names.0,
		submission.took.as_secs_f64(),
		submission.refused_count()
	);
	let (rows, never_included) = blocks::follow(chain, submission.accepted.clone(), before).await?;
	// Executed again once the flood is in, when the node has nothing else to do but its empty
	// blocks.
	let proposals = node.proposals()?;
	let mut carried = Vec::with_capacity(rows.len());
	for row in rows {
		let executed = execution::time(chain, &row.hash).await?;
		carried.push(Block { proposal: proposals.get(&row.number).cloned(), executed, row });
	}
	let (call, unit) = names;
	Ok(Flood {
		call,
		unit,
		signed: count,
		sign_took: signed.took,
		submission,
		blocks: carried,
		never_included,
	})
}

/// `name` in the directory of this binary, where cargo puts every binary of the workspace.
fn beside_this_binary(name: &str) -> PathBuf {
	std::env::current_exe()
		.ok()
		.and_then(|exe| exe.parent().map(Path::to_path_buf))
		.unwrap_or_default()
		.join(name)
}
