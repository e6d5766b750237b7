//! # ostrom
//!
//! The member's command line for an Ostrom chain: join the DAO, register and contribute to
//! commons, propose, vote quadratically, close proposals and fund commons; and the operator's,
//! to register a validator's session keys and follow the validator set.
//!
//! It talks to any Ostrom node over JSON-RPC through `ostrom-client`, the interface generated
//! from the runtime's metadata: reads call the runtime's `OstromApi` views and storage, and
//! `--json` prints the node's `dao_*` answers as they are; transactions are built from the
//! generated calls, and amounts are written in the chain's own token (its symbol and decimals,
//! from the chain's properties). Commands that sign take the signer's secret URI from `--suri` or
//! `OSTROM_SURI`, report their progress on stderr, wait until their block is finalized and
//! print the outcome on stdout. Before signing, they refuse texts longer than the chain's bounds
//! (read from its metadata) and proposals whose call the runtime's dry run of its enactment
//! says fails. Read commands print text, or the node's answer with `--json`.
//! Any failure (a refused or failed transaction, a bad argument, an unknown number, no node)
//! ends with a message and a non-zero exit code.

mod account;
mod bounds;
mod chain;
mod commands;
mod rules;

use clap::{Parser, Subcommand};
use commands::{
	commons::CommonsCommand, member::MemberCommand, proposals::ProposalsArgs, propose::ProposeArgs,
	treasury::FundCommand, validator::ValidatorCommand, vote::VoteArgs, Context, Output,
};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "ostrom", version, about = "The member's command line for an Ostrom chain.")]
struct Cli {
	/// The node's WebSocket JSON-RPC endpoint (ws:// or wss://).
	#[arg(
		long,
		global = true,
		env = "OSTROM_URL",
		hide_env_values = true,
		default_value = "ws://127.0.0.1:9944",
		help_heading = "Node and signer"
	)]
	url: String,
	/// The signer's secret URI, e.g. //Alice or a mnemonic; only commands that sign need it.
	#[arg(
		long,
		global = true,
		env = "OSTROM_SURI",
		hide_env_values = true,
		help_heading = "Node and signer"
	)]
	suri: Option<String>,
	#[command(subcommand)]
	command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
	/// Join the DAO, sponsor applicants, leave, or look a member up.
	#[command(subcommand)]
	Member(MemberCommand),
	/// Register commons and appoint their stewards; record, review, withdraw and dismiss
	/// contributions; list and show commons.
	#[command(subcommand)]
	Commons(CommonsCommand),
	/// Submit a proposal: a signal, a call, a treasury spend or new rules.
	Propose(ProposeArgs),
	/// Vote on a proposal: n votes cost n² of your voice credits in this epoch.
	Vote(VoteArgs),
	/// List the proposals, or show one.
	Proposals(ProposalsArgs),
	/// Count the votes on a proposal whose voting period is over.
	Close {
		/// The proposal's number.
		id: u32,
	},
	/// Show the treasury: its pot, what is owed and spendable, rounds and grants.
	Treasury {
		#[command(flatten)]
		output: Output,
	},
	/// Give to commons in quadratic-funding rounds, or list the open rounds.
	#[command(subcommand)]
	Fund(FundCommand),
	/// Register your node's session keys to become a validator, show the validator set, or
	/// rejoin it after being parked.
	#[command(subcommand)]
	Validator(ValidatorCommand),
}

#[tokio::main]
async fn main() -> ExitCode {
	let Cli { url, suri, command } = Cli::parse();
	let context = Context { url, suri };
	let outcome = match command {
		Command::Member(command) => commands::member::run(&context, command).await,
		Command::Commons(command) => commands::commons::run(&context, command).await,
		Command::Propose(args) => commands::propose::run(&context, args).await,
		Command::Vote(args) => commands::vote::run(&context, args).await,
		Command::Proposals(args) => commands::proposals::list(&context, args).await,
		Command::Close { id } => commands::proposals::close(&context, id).await,
		Command::Treasury { output } => commands::treasury::show(&context, output).await,
		Command::Fund(command) => commands::treasury::fund(&context, command).await,
		Command::Validator(command) => commands::validator::run(&context, command).await,
	};
	match outcome {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			// `{:#}` shows the causes too: "cannot connect to a node at …: <why>".
			eprintln!("error: {error:#}");
			ExitCode::FAILURE
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use clap::CommandFactory;

	#[test]
	fn the_command_line_is_consistent() {
		Cli::command().debug_assert();
	}

	#[test]
	fn a_vote_takes_one_side() {
		assert!(Cli::try_parse_from(["ostrom", "vote", "3", "--aye", "--votes", "2"]).is_ok());
		assert!(Cli::try_parse_from(["ostrom", "vote", "3", "--votes", "2"]).is_err());
		assert!(Cli::try_parse_from(["ostrom", "vote", "3", "--aye", "--nay"]).is_err());
		assert!(Cli::try_parse_from(["ostrom", "vote", "3", "--aye", "--votes", "0"]).is_err());
	}

	/// An amount's form is checked when parsing; its decimals only against the chain's token,
	/// once connected (see `ostrom_client::Token`).
	#[test]
	fn amounts_are_checked_when_parsing() {
		let ferdie = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";
		assert!(Cli::try_parse_from(["ostrom", "propose", "spend", ferdie, "0.5"]).is_ok());
		let malformed = ["ostrom", "propose", "spend", ferdie, "0,5"];
		assert!(Cli::try_parse_from(malformed).is_err());
		assert!(Cli::try_parse_from(["ostrom", "propose", "spend", "ferdie", "1"]).is_err());
	}

	#[test]
	fn a_proposal_may_skip_the_dry_run_of_its_call() {
		let ferdie = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";
		let after = ["ostrom", "propose", "spend", ferdie, "1", "--no-dry-run"];
		assert!(Cli::try_parse_from(after).is_ok());
		let before = ["ostrom", "propose", "--no-dry-run", "rules", "--voting-period", "20"];
		assert!(Cli::try_parse_from(before).is_ok());
		// Only proposals have a call to dry-run.
		assert!(Cli::try_parse_from(["ostrom", "close", "3", "--no-dry-run"]).is_err());
	}

	#[test]
	fn the_emergency_track_has_its_own_options() {
		// Proposals.kill(0): pallet 10, call 3, the proposal's number.
		let kill = ["ostrom", "propose", "call", "0x0a0300000000", "--track", "emergency"];
		assert!(Cli::try_parse_from(kill).is_ok());
		let rules = ["ostrom", "propose", "rules", "--emergency-voting-period", "1"];
		assert!(Cli::try_parse_from([&rules[..], &["--emergency-quorum", "80"]].concat()).is_ok());
		let unreachable = [&rules[..], &["--emergency-approval", "101"]].concat();
		assert!(Cli::try_parse_from(unreachable).is_err());
	}

	#[test]
	fn a_validator_joins_with_keys_from_a_node_or_given_with_their_proof() {
		let join = ["ostrom", "validator", "join"];
		assert!(Cli::try_parse_from(join).is_ok());
		let from_node = [&join[..], &["--keys-url", "ws://127.0.0.1:9944", "--propose"]].concat();
		assert!(Cli::try_parse_from(from_node).is_ok());
		let keys = format!("0x{}", "aa".repeat(64));
		let given = [&join[..], &["--keys", &keys, "--proof", "0x01"]].concat();
		assert!(Cli::try_parse_from(given).is_ok());
		// Keys without their proof, or from a node and given at once.
		assert!(Cli::try_parse_from([&join[..], &["--keys", &keys]].concat()).is_err());
		let both = [&join[..], &["--keys", &keys, "--proof", "0x01", "--keys-url", "ws://x"]];
		assert!(Cli::try_parse_from(both.concat()).is_err());
		// A proposal's text only with a proposal.
		assert!(Cli::try_parse_from([&join[..], &["--metadata", "x"]].concat()).is_err());
	}

	#[test]
	fn a_validators_status_takes_an_address() {
		let eve = "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw";
		assert!(Cli::try_parse_from(["ostrom", "validator", "status", "--json"]).is_ok());
		assert!(Cli::try_parse_from(["ostrom", "validator", "status", eve]).is_ok());
		assert!(Cli::try_parse_from(["ostrom", "validator", "status", "eve"]).is_err());
		assert!(Cli::try_parse_from(["ostrom", "validator", "rejoin"]).is_ok());
	}

	#[test]
	fn a_contribution_names_its_content_once() {
		let by_text = ["ostrom", "commons", "contribute", "0", "--content", "chapter one"];
		assert!(Cli::try_parse_from(by_text).is_ok());
		assert!(Cli::try_parse_from(["ostrom", "commons", "contribute", "0"]).is_err());
		let hash = format!("0x{}", "00".repeat(32));
		let by_hash = ["ostrom", "commons", "contribute", "0", "--hash", &hash];
		assert!(Cli::try_parse_from(by_hash).is_ok());
		let both = ["ostrom", "commons", "contribute", "0", "--content", "x", "--hash", &hash];
		assert!(Cli::try_parse_from(both).is_err());
	}
}
