//! `ostrom commons`: register a commons, record and review contributions, list and show
//! commons.

use super::{field, more_from, Context, Output};
use crate::views::{Commons, Page};
use anyhow::{bail, Result};
use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use subxt::{
	dynamic::{self, Value},
	ext::scale_decode::DecodeAsType,
	rpcs::rpc_params,
	utils::AccountId32,
};

#[derive(Debug, Subcommand)]
pub enum CommonsCommand {
	/// Register a commons and become its first steward; the registration deposit is held until
	/// it is archived.
	Register {
		/// The commons' name.
		name: String,
		/// What kind of commons it is.
		#[arg(long, value_enum)]
		kind: Kind,
		/// Its licence, as an SPDX identifier such as GPL-3.0-only or CC-BY-SA-4.0.
		#[arg(long)]
		license: String,
		/// Where it lives.
		#[arg(long, default_value = "")]
		uri: String,
	},
	/// Record a contribution to a commons, for other members to review.
	Contribute(ContributeArgs),
	/// Approve or reject someone else's pending contribution.
	Review(ReviewArgs),
	/// List the registered commons.
	List {
		/// The first commons to list.
		#[arg(long, default_value_t = 0)]
		from: u32,
		/// How many to list (1 to 100).
		#[arg(long, value_parser = clap::value_parser!(u32).range(1..=100))]
		limit: Option<u32>,
		#[command(flatten)]
		output: Output,
	},
	/// Show a commons.
	Show {
		/// The commons' number.
		id: u32,
		#[command(flatten)]
		output: Output,
	},
}

/// The kinds of commons; each is the runtime's `CommonsKind` variant of the same name.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Kind {
	Software,
	Knowledge,
	Design,
	Data,
	Energy,
	Food,
	Space,
	Tools,
	Other,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["hash", "content"])))]
pub struct ContributeArgs {
	/// The commons' number.
	commons: u32,
	/// The blake2-256 hash of the contributed content (which lives off-chain), as 0x-hex.
	#[arg(long, value_parser = parse_hash)]
	hash: Option<[u8; 32]>,
	/// The content itself, for a short text: its blake2-256 hash is recorded.
	#[arg(long)]
	content: Option<String>,
	/// What the contribution is.
	#[arg(long, default_value = "")]
	note: String,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("verdict").required(true).args(["approve", "reject"])))]
pub struct ReviewArgs {
	/// The contribution's number.
	contribution: u64,
	/// Accept the contribution.
	#[arg(long)]
	approve: bool,
	/// Turn the contribution down.
	#[arg(long)]
	reject: bool,
}

/// `Commons.Registered`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Registered {
	commons: u32,
}

/// `Commons.ContributionRecorded`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct ContributionRecorded {
	contribution: u64,
	commons: u32,
	content_hash: [u8; 32],
}

/// `Commons.ContributionAccepted`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct ContributionAccepted {
	contributor: AccountId32,
	reputation: u32,
}

/// `Commons.ContributionRejected`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct ContributionRejected {
	contribution: u64,
}

pub async fn run(context: &Context, command: CommonsCommand) -> Result<()> {
	match command {
		CommonsCommand::Register { name, kind, license, uri } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			// `Kind`'s variants are named as the runtime's.
			let kind = Value::unnamed_variant(format!("{kind:?}"), []);
			let register = dynamic::tx(
				"Commons",
				"register",
				vec![
					Value::from_bytes(&name),
					kind,
					Value::from_bytes(license),
					Value::from_bytes(uri),
				],
			);
			let registered: Registered =
				chain.submit(&signer, &register).await?.expect_event("Commons", "Registered")?;
			println!("registered commons #{} {name:?}", registered.commons);
		}
		CommonsCommand::Contribute(ContributeArgs { commons, hash, content, note }) => {
			let content_hash = match (hash, content) {
				(Some(hash), _) => hash,
				(None, Some(content)) => sp_crypto_hashing::blake2_256(content.as_bytes()),
				(None, None) => bail!("give the content's --hash, or the --content itself"),
			};
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let contribute = dynamic::tx(
				"Commons",
				"contribute",
				(commons, Value::from_bytes(content_hash), Value::from_bytes(note)),
			);
			let recorded: ContributionRecorded = chain
				.submit(&signer, &contribute)
				.await?
				.expect_event("Commons", "ContributionRecorded")?;
			println!(
				"recorded contribution #{} to commons #{} (content 0x{}); it awaits review",
				recorded.contribution,
				recorded.commons,
				hex::encode(recorded.content_hash)
			);
		}
		CommonsCommand::Review(ReviewArgs { contribution, approve, reject: _ }) => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let review = dynamic::tx("Commons", "review", (contribution, approve));
			let included = chain.submit(&signer, &review).await?;
			let verdict = if approve { "approved" } else { "rejected" };
			println!("{verdict} contribution #{contribution}");
			if let Some(accepted) =
				included.event::<ContributionAccepted>("Commons", "ContributionAccepted")?
			{
				println!(
					"contribution #{contribution} is accepted: {} earned {} reputation",
					accepted.contributor, accepted.reputation
				);
			}
			if let Some(rejected) =
				included.event::<ContributionRejected>("Commons", "ContributionRejected")?
			{
				println!("contribution #{} is rejected", rejected.contribution);
			}
		}
		CommonsCommand::List { from, limit, output } => {
			let chain = context.connect().await?;
			let answer = chain.read("dao_listCommons", rpc_params![from, limit]).await?;
			output.print(answer, |page: Page<Commons>| {
				if page.items.is_empty() {
					println!("no commons from #{from} on");
				}
				for commons in &page.items {
					println!(
						"#{:<4} {:<24} {:<10} {:<16} {:<9} {}",
						commons.id,
						commons.name,
						commons.kind,
						commons.license,
						commons.status,
						commons.uri
					);
				}
				more_from(page.next);
			})?;
		}
		CommonsCommand::Show { id, output } => {
			let chain = context.connect().await?;
			let answer = chain.read("dao_commons", rpc_params![id]).await?;
			if answer.is_null() {
				bail!("there is no commons #{id}");
			}
			output.print(answer, show)?;
		}
	}
	Ok(())
}

/// Reads a 32-byte hash written as 0x-hex (a clap value parser).
fn parse_hash(text: &str) -> Result<[u8; 32], String> {
	let bytes = hex::decode(text.strip_prefix("0x").unwrap_or(text))
		.map_err(|error| format!("`{text}` is not hex: {error}"))?;
	bytes.try_into().map_err(|bytes: Vec<u8>| format!("a hash has 32 bytes, not {}", bytes.len()))
}

fn show(commons: Commons) {
	field("commons", format!("#{} {}", commons.id, commons.name));
	field("kind", &commons.kind);
	field("licence", &commons.license);
	field("uri", &commons.uri);
	field("status", &commons.status);
	field("stewards", commons.stewards.join(", "));
	field(
		"registered",
		format!(
			"at block #{} by {} (deposit {})",
			commons.registered_at, commons.registrant, commons.deposit
		),
	);
	let counts = &commons.contributions;
	field(
		"contributions",
		format!(
			"{} pending, {} accepted, {} rejected",
			counts.pending, counts.accepted, counts.rejected
		),
	);
	field("account", format!("{} holding {}", commons.account, commons.balance));
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn hashes_are_32_bytes_of_hex() {
		let hash = format!("0x{}", "c0".repeat(32));
		assert_eq!(parse_hash(&hash), Ok([0xc0; 32]));
		assert_eq!(parse_hash(&"c0".repeat(32)), Ok([0xc0; 32]));
		assert!(parse_hash("0xc0c0").unwrap_err().contains("32 bytes, not 2"));
		assert!(parse_hash("0xzz").is_err());
	}
}
