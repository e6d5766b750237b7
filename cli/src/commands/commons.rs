//! `ostrom commons`: register a commons, appoint and remove its stewards, record, review,
//! withdraw and dismiss contributions, list and show commons.

use super::{field, more_from, Context, Output};
use crate::{
	account::parse_address,
	units::{parse_ost, Amount},
	views::{Commons, Page},
};
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
	/// Make a member a steward of a commons you steward.
	AddSteward(StewardArgs),
	/// Remove a steward of a commons you steward, or resign as one.
	RemoveSteward(StewardArgs),
	/// Remove the void stewardship of a former member (free when it succeeds).
	ReapSteward(StewardArgs),
	/// Record a contribution to a commons, for other members to review; the contribution
	/// deposit is held until the verdict, and lost if the contribution is rejected.
	Contribute(ContributeArgs),
	/// Approve or reject someone else's pending contribution. The approval or rejection that
	/// decides must come from a steward of the commons, unless one came first.
	Review(ReviewArgs),
	/// Withdraw your pending contribution and get its deposit back.
	Withdraw {
		/// The contribution's number.
		contribution: u64,
	},
	/// As a steward, take a pending contribution off the queue; its deposit is returned.
	Dismiss {
		/// The contribution's number.
		contribution: u64,
	},
	/// Pay from a commons' account as one of its stewards: alone, within what its stewards may
	/// pay alone per spending period; with --propose, as a spend that a majority of its acting
	/// stewards must approve (`ostrom commons approve-spend`).
	Spend {
		/// The commons' number.
		commons: u32,
		/// The SS58 address to pay.
		#[arg(value_parser = parse_address)]
		beneficiary: AccountId32,
		/// How much, in OST.
		#[arg(value_parser = parse_ost)]
		amount: u128,
		/// Propose the spend to the other stewards instead of paying it alone.
		#[arg(long)]
		propose: bool,
	},
	/// Approve a spend from a commons' account that a fellow steward proposed; the approval
	/// that makes a majority of the acting stewards pays it.
	ApproveSpend {
		/// The commons' number.
		commons: u32,
		/// The spend's number, as `spend --propose` printed it.
		spend: u32,
	},
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
pub struct StewardArgs {
	/// The commons' number.
	commons: u32,
	/// The steward's SS58 address.
	#[arg(value_parser = parse_address)]
	steward: AccountId32,
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

/// `Treasury.CommonsSpendProposed`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct SpendProposed {
	commons: u32,
	spend: u32,
	amount: u128,
}

/// `Treasury.CommonsSpendApproved`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct SpendApproved {}

/// `Treasury.CommonsFundsSpent`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct FundsSpent {
	commons: u32,
	beneficiary: AccountId32,
	amount: u128,
}

/// Says what a spend from a commons' account paid, if it paid.
fn print_paid(spent: Option<FundsSpent>) {
	match spent {
		Some(spent) => println!(
			"paid {} from commons #{} to {}",
			Amount(spent.amount),
			spent.commons,
			spent.beneficiary
		),
		None => println!("not paid yet: it awaits the approval of a majority of the stewards"),
	}
}

/// `Commons.Registered`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Registered {
	commons: u32,
}

/// `Commons.StewardAdded`, `Commons.StewardRemoved`, `Commons.StewardReaped`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct StewardChanged {
	commons: u32,
	steward: AccountId32,
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

/// `Commons.ContributionRejected`, `Commons.ContributionWithdrawn`,
/// `Commons.ContributionDismissed`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct ContributionClosed {
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
		CommonsCommand::AddSteward(StewardArgs { commons, steward }) => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let add = dynamic::tx("Commons", "add_steward", (commons, steward));
			let added: StewardChanged =
				chain.submit(&signer, &add).await?.expect_event("Commons", "StewardAdded")?;
			println!("{} now stewards commons #{}", added.steward, added.commons);
		}
		CommonsCommand::RemoveSteward(StewardArgs { commons, steward }) => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let remove = dynamic::tx("Commons", "remove_steward", (commons, steward));
			let removed: StewardChanged =
				chain.submit(&signer, &remove).await?.expect_event("Commons", "StewardRemoved")?;
			println!("{} no longer stewards commons #{}", removed.steward, removed.commons);
		}
		CommonsCommand::ReapSteward(StewardArgs { commons, steward }) => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let reap = dynamic::tx("Commons", "reap_steward", (commons, steward));
			let reaped: StewardChanged =
				chain.submit(&signer, &reap).await?.expect_event("Commons", "StewardReaped")?;
			println!(
				"removed the void stewardship of {} over commons #{}",
				reaped.steward, reaped.commons
			);
		}
		CommonsCommand::Spend { commons, beneficiary, amount, propose } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let call = if propose { "propose_commons_spend" } else { "spend_commons_funds" };
			let spend = dynamic::tx("Treasury", call, (commons, beneficiary, amount));
			let included = chain.submit(&signer, &spend).await?;
			if let Some(proposed) =
				included.event::<SpendProposed>("Treasury", "CommonsSpendProposed")?
			{
				println!(
					"proposed spend #{} of {} from commons #{}",
					proposed.spend,
					Amount(proposed.amount),
					proposed.commons
				);
			}
			print_paid(included.event("Treasury", "CommonsFundsSpent")?);
		}
		CommonsCommand::ApproveSpend { commons, spend } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let approve = dynamic::tx("Treasury", "approve_commons_spend", (commons, spend));
			let included = chain.submit(&signer, &approve).await?;
			let _: SpendApproved = included.expect_event("Treasury", "CommonsSpendApproved")?;
			println!("approved spend #{spend} from commons #{commons}");
			print_paid(included.event("Treasury", "CommonsFundsSpent")?);
		}
		CommonsCommand::Withdraw { contribution } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let withdraw = dynamic::tx("Commons", "withdraw_contribution", (contribution,));
			let withdrawn: ContributionClosed = chain
				.submit(&signer, &withdraw)
				.await?
				.expect_event("Commons", "ContributionWithdrawn")?;
			println!("withdrew contribution #{}; its deposit is returned", withdrawn.contribution);
		}
		CommonsCommand::Dismiss { contribution } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let dismiss = dynamic::tx("Commons", "dismiss_contribution", (contribution,));
			let dismissed: ContributionClosed = chain
				.submit(&signer, &dismiss)
				.await?
				.expect_event("Commons", "ContributionDismissed")?;
			println!("dismissed contribution #{}; its deposit is returned", dismissed.contribution);
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
				included.event::<ContributionClosed>("Commons", "ContributionRejected")?
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
