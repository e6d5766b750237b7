//! Command-line interface of `ostrom-node`.

use sc_cli::RunCmd;

/// `ostrom-node [SUBCOMMAND] [OPTIONS]`: without a subcommand, runs the node.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: RunCmd,

	/// How the node makes blocks.
	///
	/// `aura` (the default): a block in each 6-second Aura slot, finalized by GRANDPA, as on a
	/// real network.
	///
	/// `manual`: only on the development chain (`--dev`), for tests and local experiments. The
	/// node seals a block as soon as a transaction enters its pool, and whenever the
	/// `engine_createBlock` RPC asks for one (params `[create_empty, finalize, parent_hash]`,
	/// e.g. `[true, true, null]` for an empty, finalized block on the best block); it also
	/// finalizes blocks on `engine_finalizeBlock` (`[hash, null]`). Pool-triggered blocks are
	/// finalized at once; GRANDPA does not run. Each block's timestamp is one slot after its
	/// parent's, so the chain's clock runs ahead of the wall clock when blocks come fast.
	#[arg(long, value_enum, default_value_t = Sealing::Aura)]
	pub sealing: Sealing,

	/// Starts `--dev` or `--chain local` on this runtime (a wasm file, compressed or not) instead
	/// of the one built into the node: e.g. a released runtime from `runtime/releases/`, to
	/// rehearse an upgrade from what a chain really runs. A chain spec file carries its own
	/// runtime and ignores this. Also applies to `export-chain-spec`.
	#[arg(long, value_name = "WASM", global = true)]
	pub runtime: Option<std::path::PathBuf>,
}

/// How the node makes and finalizes blocks: see `--sealing`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Sealing {
	/// Aura slots and GRANDPA finality.
	Aura,
	/// Blocks on demand, finalized as they are sealed (`--dev` only).
	Manual,
}

/// Maintenance subcommands for validators.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Export a chain specification (`--raw` for the form nodes start from).
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain database.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Measure this machine and chain: `storage` (the database's read and write weights; needs
	/// a node built with `--features runtime-benchmarks`), `overhead` (block and extrinsic base
	/// weights), `extrinsic`, `block` (re-executes blocks of the database and compares their
	/// time with their declared weight) and `machine`. Pallets are benchmarked with
	/// `scripts/benchmark.sh`.
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}
