//! `ostrom commons`: register a commons, appoint and remove its stewards, record, review,
//! withdraw and dismiss contributions, list and show commons.

use super::{field, more_from, name, page_limit, text, Context, Output};
use crate::{account::parse_address, bounds::check_length};
use anyhow::{anyhow, bail, Result};
use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use ostrom_client::{
	ostrom::{
		self,
		commons::events::{
			ContributionAccepted, ContributionDismissed, ContributionRecorded,
			ContributionRejected, ContributionWithdrawn, Registered, StewardAdded, StewardReaped,
			StewardRemoved,
		},
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec, ostrom_runtime_api::views::CommonsView,
			pallet_ostrom_commons::types::CommonsKind,
		},
		treasury::events::{CommonsFundsSpent, CommonsSpendApproved, CommonsSpendProposed},
	},
	AccountId, AmountText, Balance, BlockNumber, CommonsId, CommonsSpendId, ContributionId, Token,
};
use subxt::{rpcs::rpc_params, utils::H256};

/// A commons as the runtime's `OstromApi` shows it.
type Commons = CommonsView<AccountId, Balance, BlockNumber>;

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
		contribution: ContributionId,
	},
	/// As a steward, take a pending contribution off the queue; its deposit is returned.
	Dismiss {
		/// The contribution's number.
		contribution: ContributionId,
	},
	/// Pay from a commons' account as one of its stewards: alone, within what its stewards may
	/// pay alone per spending period; with --propose, as a spend that a majority of its acting
	/// stewards must approve (`ostrom commons approve-spend`).
	Spend {
		/// The commons' number.
		commons: CommonsId,
		/// The SS58 address to pay.
		#[arg(value_parser = parse_address)]
		beneficiary: AccountId,
		/// How much, in the chain's token (OST).
		amount: AmountText,
		/// Propose the spend to the other stewards instead of paying it alone.
		#[arg(long)]
		propose: bool,
	},
	/// Approve a spend from a commons' account that a fellow steward proposed; the approval
	/// that makes a majority of the acting stewards pays it.
	ApproveSpend {
		/// The commons' number.
		commons: CommonsId,
		/// The spend's number, as `spend --propose` printed it.
		spend: CommonsSpendId,
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
		id: CommonsId,
		#[command(flatten)]
		output: Output,
	},
}

/// The kinds of commons, one for each of the runtime's.
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

impl From<Kind> for CommonsKind {
	fn from(kind: Kind) -> CommonsKind {
		match kind {
			Kind::Software => CommonsKind::Software,
			Kind::Knowledge => CommonsKind::Knowledge,
			Kind::Design => CommonsKind::Design,
			Kind::Data => CommonsKind::Data,
			Kind::Energy => CommonsKind::Energy,
			Kind::Food => CommonsKind::Food,
			Kind::Space => CommonsKind::Space,
			Kind::Tools => CommonsKind::Tools,
			Kind::Other => CommonsKind::Other,
		}
	}
}

#[derive(Debug, Args)]
pub struct StewardArgs {
	/// The commons' number.
	commons: CommonsId,
	/// The steward's SS58 address.
	#[arg(value_parser = parse_address)]
	steward: AccountId,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["hash", "content"])))]
pub struct ContributeArgs {
	/// The commons' number.
	commons: CommonsId,
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
	contribution: ContributionId,
	/// Accept the contribution.
	#[arg(long)]
	approve: bool,
	/// Turn the contribution down.
	#[arg(long)]
	reject: bool,
}

/// Says what a spend from a commons' account paid, if it paid.
fn print_paid(spent: Option<CommonsFundsSpent>, token: &Token) {
	match spent {
		Some(spent) => println!(
			"paid {} from commons #{} to {}",
			token.format(spent.amount),
			spent.commons,
			spent.beneficiary
		),
		None => println!("not paid yet: it awaits the approval of a majority of the stewards"),
	}
}

pub async fn run(context: &Context, command: CommonsCommand) -> Result<()> {
	let calls = ostrom::transactions().commons();
	let treasury = ostrom::transactions().treasury();
	match command {
		CommonsCommand::Register { name, kind, license, uri } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let runtime = chain.metadata().await?;
			let bounds = ostrom::constants().commons();
			check_length(&runtime, "the name", &name, bounds.max_name_len())?;
			check_length(&runtime, "the licence", &license, bounds.max_license_len())?;
			check_length(&runtime, "the URI", &uri, bounds.max_uri_len())?;
			let register = calls.register(
				BoundedVec(name.clone().into_bytes()),
				kind.into(),
				BoundedVec(license.into_bytes()),
				BoundedVec(uri.into_bytes()),
			);
			let registered: Registered = chain.submit(&signer, &register).await?.expect_event()?;
			println!("registered commons #{} {name:?}", registered.commons);
		}
		CommonsCommand::AddSteward(StewardArgs { commons, steward }) => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let add = calls.add_steward(commons, steward);
			let added: StewardAdded = chain.submit(&signer, &add).await?.expect_event()?;
			println!("{} now stewards commons #{}", added.steward, added.commons);
		}
		CommonsCommand::RemoveSteward(StewardArgs { commons, steward }) => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let remove = calls.remove_steward(commons, steward);
			let removed: StewardRemoved = chain.submit(&signer, &remove).await?.expect_event()?;
			println!("{} no longer stewards commons #{}", removed.steward, removed.commons);
		}
		CommonsCommand::ReapSteward(StewardArgs { commons, steward }) => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let reap = calls.reap_steward(commons, steward);
			let reaped: StewardReaped = chain.submit(&signer, &reap).await?.expect_event()?;
			println!(
				"removed the void stewardship of {} over commons #{}",
				reaped.steward, reaped.commons
			);
		}
		CommonsCommand::Spend { commons, beneficiary, amount, propose } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let token = chain.token();
			let amount = token.amount(&amount).map_err(|problem| anyhow!(problem))?;
			let included = if propose {
				let spend = treasury.propose_commons_spend(commons, beneficiary, amount);
				chain.submit(&signer, &spend).await?
			} else {
				let spend = treasury.spend_commons_funds(commons, beneficiary, amount);
				chain.submit(&signer, &spend).await?
			};
			if let Some(proposed) = included.event::<CommonsSpendProposed>()? {
				println!(
					"proposed spend #{} of {} from commons #{}",
					proposed.spend,
					token.format(proposed.amount),
					proposed.commons
				);
			}
			print_paid(included.event()?, token);
		}
		CommonsCommand::ApproveSpend { commons, spend } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let approve = treasury.approve_commons_spend(commons, spend);
			let included = chain.submit(&signer, &approve).await?;
			let _: CommonsSpendApproved = included.expect_event()?;
			println!("approved spend #{spend} from commons #{commons}");
			print_paid(included.event()?, chain.token());
		}
		CommonsCommand::Withdraw { contribution } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let withdraw = calls.withdraw_contribution(contribution);
			let withdrawn: ContributionWithdrawn =
				chain.submit(&signer, &withdraw).await?.expect_event()?;
			println!("withdrew contribution #{}; its deposit is returned", withdrawn.contribution);
		}
		CommonsCommand::Dismiss { contribution } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let dismiss = calls.dismiss_contribution(contribution);
			let dismissed: ContributionDismissed =
				chain.submit(&signer, &dismiss).await?.expect_event()?;
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
			let note_bound = ostrom::constants().commons().max_note_len();
			check_length(&*chain.metadata().await?, "the note", &note, note_bound)?;
			let contribute =
				calls.contribute(commons, H256(content_hash), BoundedVec(note.into_bytes()));
			let recorded: ContributionRecorded =
				chain.submit(&signer, &contribute).await?.expect_event()?;
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
			let included = chain.submit(&signer, &calls.review(contribution, approve)).await?;
			let verdict = if approve { "approved" } else { "rejected" };
			println!("{verdict} contribution #{contribution}");
			if let Some(accepted) = included.event::<ContributionAccepted>()? {
				println!(
					"contribution #{contribution} is accepted: {} earned {} reputation",
					accepted.contributor, accepted.reputation
				);
			}
			if let Some(rejected) = included.event::<ContributionRejected>()? {
				println!("contribution #{} is rejected", rejected.contribution);
			}
		}
		CommonsCommand::List { from, limit, output } => {
			let chain = context.connect().await?;
			let json = chain.read("dao_listCommons", rpc_params![from, limit]);
			let views = ostrom::runtime_apis().ostrom_api();
			let page =
				async { Ok(Some(chain.view(views.list_commons(from, page_limit(limit))).await?)) };
			output
				.print(json, page, |page| {
					if page.items.is_empty() {
						println!("no commons from #{from} on");
					}
					for commons in &page.items {
						println!(
							"#{:<4} {:<24} {:<10} {:<16} {:<9} {}",
							commons.id,
							text(&commons.name),
							name(&commons.kind),
							text(&commons.license),
							name(&commons.status),
							text(&commons.uri)
						);
					}
					more_from(page.next);
				})
				.await?;
		}
		CommonsCommand::Show { id, output } => {
			let chain = context.connect().await?;
			let json = chain.read("dao_commons", rpc_params![id]);
			let view = chain.view(ostrom::runtime_apis().ostrom_api().commons(id));
			if !output.print(json, view, |commons| show(&commons, chain.token())).await? {
				bail!("there is no commons #{id}");
			}
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

fn show(commons: &Commons, token: &Token) {
	field("commons", format!("#{} {}", commons.id, text(&commons.name)));
	field("kind", name(&commons.kind));
	field("licence", text(&commons.license));
	field("uri", text(&commons.uri));
	field("status", name(&commons.status));
	let stewards: Vec<String> = commons.stewards.iter().map(ToString::to_string).collect();
	field("stewards", stewards.join(", "));
	field(
		"registered",
		format!(
			"at block #{} by {} (deposit {})",
			commons.registered_at,
			commons.registrant,
			token.format(commons.deposit)
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
	field("account", format!("{} holding {}", commons.account, token.format(commons.balance)));
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
