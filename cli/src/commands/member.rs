//! `ostrom member`: apply to join, sponsor an applicant, leave, and look a member up.

use super::{count, field, Context, Output};
use crate::{
	account::{address_of, parse_address},
	units::Amount,
	views::Member,
};
use anyhow::{bail, Result};
use clap::Subcommand;
use subxt::{
	dynamic::{self, Value},
	ext::scale_decode::DecodeAsType,
	rpcs::rpc_params,
	utils::AccountId32,
};

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
	/// Apply to join the DAO; the application deposit is held until members sponsor you.
	Apply {
		/// A hash of, or a link to, your profile.
		#[arg(long, default_value = "")]
		metadata: String,
	},
	/// Vouch for an applicant; enough sponsors admit them.
	Sponsor {
		/// The applicant's SS58 address.
		#[arg(value_parser = parse_address)]
		applicant: AccountId32,
	},
	/// Leave the DAO; your reputation is forgotten.
	Leave,
	/// Show a member or an applicant: the signer (--suri) when no address is given.
	Show {
		/// The SS58 address to look up.
		#[arg(value_parser = parse_address)]
		address: Option<AccountId32>,
		#[command(flatten)]
		output: Output,
	},
}

/// `Membership.Applied`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Applied {
	deposit: u128,
}

/// `Membership.Sponsored`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Sponsored {
	sponsors: u32,
}

/// `Membership.MemberAdded`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct MemberAdded {
	who: AccountId32,
}

pub async fn run(context: &Context, command: MemberCommand) -> Result<()> {
	match command {
		MemberCommand::Apply { metadata } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let apply = dynamic::tx("Membership", "apply", (Value::from_bytes(metadata),));
			let applied: Applied =
				chain.submit(&signer, &apply).await?.expect_event("Membership", "Applied")?;
			println!(
				"{} applied to join; {} is held until enough members sponsor the application",
				address_of(&signer),
				Amount(applied.deposit)
			);
		}
		MemberCommand::Sponsor { applicant } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let sponsor = dynamic::tx("Membership", "sponsor", (applicant,));
			let included = chain.submit(&signer, &sponsor).await?;
			let sponsored: Sponsored = included.expect_event("Membership", "Sponsored")?;
			match included.event::<MemberAdded>("Membership", "MemberAdded")? {
				Some(added) => println!("sponsored {}: now a member", added.who),
				None => println!(
					"sponsored {applicant}: {} so far",
					count(sponsored.sponsors, "sponsor")
				),
			}
		}
		MemberCommand::Leave => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			chain.submit(&signer, &dynamic::tx("Membership", "leave", ())).await?;
			println!("{} left the DAO", address_of(&signer));
		}
		MemberCommand::Show { address, output } => {
			let address = match (address, &context.suri) {
				(Some(address), _) => address,
				(None, Some(_)) => address_of(&context.signer()?),
				(None, None) => {
					bail!("give an address, or --suri (or OSTROM_SURI) to show yourself")
				}
			};
			let chain = context.connect().await?;
			let answer = chain.read("dao_member", rpc_params![address.to_string()]).await?;
			if answer.is_null() {
				bail!("{address} is neither a member nor an applicant");
			}
			output.print(answer, show)?;
		}
	}
	Ok(())
}

fn show(member: Member) {
	field("account", &member.account);
	field("status", &member.status);
	if let Some(joined) = member.joined_at {
		field("member since", format!("block #{joined}"));
	}
	if let Some(until) = member.suspended_until {
		field("suspended until", format!("block #{until}"));
	}
	if member.status == "Applicant" {
		let mut sponsors = format!("{} of {}", member.sponsors.len(), member.sponsors_required);
		if !member.sponsors.is_empty() {
			sponsors = format!("{sponsors}: {}", member.sponsors.join(", "));
		}
		field("sponsors", sponsors);
		field("deposit", format!("{} held", member.deposit));
	} else {
		field("reputation", member.reputation);
		field("voice credits", format!("{} left in this epoch", member.credits_left));
	}
}
