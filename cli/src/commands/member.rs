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
	for (label, value) in described(&member) {
		field(label, value);
	}
}

/// The lines `member show` prints, label and value: kept apart from printing so that tests
/// can read them.
fn described(member: &Member) -> Vec<(&'static str, String)> {
	let mut lines = vec![("account", member.account.clone()), ("status", member.status.clone())];
	if let Some(joined) = member.joined_at {
		lines.push(("member since", format!("block #{joined}")));
	}
	// Says why a new member's votes and sponsorships are refused (`InProbation`).
	if let Some(ends) = member.probation_ends {
		let until = format!("until block #{ends}: may neither vote nor sponsor yet");
		lines.push(("on probation", until));
	}
	if let Some(until) = member.suspended_until {
		lines.push(("suspended until", format!("block #{until}")));
	}
	if member.status == "Applicant" {
		let mut sponsors = format!("{} of {}", member.sponsors.len(), member.sponsors_required);
		if !member.sponsors.is_empty() {
			sponsors = format!("{sponsors}: {}", member.sponsors.join(", "));
		}
		lines.push(("sponsors", sponsors));
		lines.push(("deposit", format!("{} held", member.deposit)));
	} else {
		lines.push(("reputation", member.reputation.to_string()));
		lines.push(("voice credits", format!("{} left in this epoch", member.credits_left)));
		lines.push(("sponsorships", format!("{} left in this epoch", member.sponsorships_left)));
	}
	lines
}

#[cfg(test)]
mod tests {
	use super::*;

	const DAVE: &str = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";

	/// Dave as `dao_member` answers right after his admission in block 7.
	fn dave_on_probation() -> Member {
		serde_json::from_value(serde_json::json!({
			"account": DAVE, "status": "Active", "joinedAt": 7, "probationEnds": 17,
			"sponsorshipsLeft": 0, "suspendedUntil": null, "reputation": 0, "creditsLeft": 100,
			"sponsors": [], "sponsorsRequired": 2, "deposit": "0"
		}))
		.unwrap()
	}

	fn value_of<'a>(lines: &'a [(&'static str, String)], label: &str) -> Option<&'a str> {
		lines.iter().find(|(name, _)| *name == label).map(|(_, value)| value.as_str())
	}

	#[test]
	fn a_member_on_probation_is_told_what_they_may_not_do() {
		let lines = described(&dave_on_probation());
		assert_eq!(
			value_of(&lines, "on probation"),
			Some("until block #17: may neither vote nor sponsor yet")
		);
		assert_eq!(value_of(&lines, "sponsorships"), Some("0 left in this epoch"));
		assert_eq!(value_of(&lines, "member since"), Some("block #7"));
	}

	#[test]
	fn a_settled_member_has_no_probation_line() {
		let settled = Member { probation_ends: None, sponsorships_left: 2, ..dave_on_probation() };
		let lines = described(&settled);
		assert_eq!(value_of(&lines, "on probation"), None);
		assert_eq!(value_of(&lines, "sponsorships"), Some("2 left in this epoch"));
	}

	#[test]
	fn an_applicant_shows_sponsors_not_sponsorships() {
		let applicant: Member = serde_json::from_value(serde_json::json!({
			"account": DAVE, "status": "Applicant", "joinedAt": null, "probationEnds": null,
			"sponsorshipsLeft": 0, "suspendedUntil": null, "reputation": 0, "creditsLeft": 0,
			"sponsors": ["5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"],
			"sponsorsRequired": 2, "deposit": "10000000000000"
		}))
		.unwrap();
		let lines = described(&applicant);
		assert_eq!(
			value_of(&lines, "sponsors"),
			Some("1 of 2: 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")
		);
		assert_eq!(value_of(&lines, "deposit"), Some("10 OST held"));
		assert_eq!(value_of(&lines, "on probation"), None);
		assert_eq!(value_of(&lines, "sponsorships"), None);
	}
}
