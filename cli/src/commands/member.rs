//! `ostrom member`: apply to join, sponsor an applicant, leave, and look a member up.

use super::{count, field, name, Context, Output};
use crate::{
	account::{address_of, parse_address},
	bounds::check_length,
};
use anyhow::{bail, Result};
use clap::Subcommand;
use ostrom_client::{
	ostrom::{
		self,
		membership::events::{Applied, MemberAdded, Sponsored},
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec, ostrom_runtime_api::views::MemberView,
			pallet_ostrom_membership::types::MemberStatusName,
		},
	},
	AccountId, Balance, BlockNumber, Token,
};
use subxt::rpcs::rpc_params;

/// A member or applicant as the runtime's `OstromApi` shows them.
type Member = MemberView<AccountId, Balance, BlockNumber>;

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
		applicant: AccountId,
	},
	/// Leave the DAO; your reputation is forgotten.
	Leave,
	/// Show a member or an applicant: the signer (--suri) when no address is given.
	Show {
		/// The SS58 address to look up.
		#[arg(value_parser = parse_address)]
		address: Option<AccountId>,
		#[command(flatten)]
		output: Output,
	},
}

pub async fn run(context: &Context, command: MemberCommand) -> Result<()> {
	let calls = ostrom::transactions().membership();
	match command {
		MemberCommand::Apply { metadata } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let bound = ostrom::constants().membership().max_metadata_len();
			check_length(&*chain.metadata().await?, "the metadata", &metadata, bound)?;
			let apply = calls.apply(BoundedVec(metadata.into_bytes()));
			let applied: Applied = chain.submit(&signer, &apply).await?.expect_event()?;
			println!(
				"{} applied to join; {} is held until enough members sponsor the application",
				address_of(&signer),
				chain.token().format(applied.deposit)
			);
		}
		MemberCommand::Sponsor { applicant } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let included = chain.submit(&signer, &calls.sponsor(applicant)).await?;
			let sponsored: Sponsored = included.expect_event()?;
			match included.event::<MemberAdded>()? {
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
			chain.submit(&signer, &calls.leave()).await?;
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
			let json = chain.read("dao_member", rpc_params![address.to_string()]);
			let view = chain.view(ostrom::runtime_apis().ostrom_api().member(address));
			if !output.print(json, view, |member| show(&member, chain.token())).await? {
				bail!("{address} is neither a member nor an applicant");
			}
		}
	}
	Ok(())
}

fn show(member: &Member, token: &Token) {
	for (label, value) in described(member, token) {
		field(label, value);
	}
}

/// The lines `member show` prints, label and value: kept apart from printing so that tests
/// can read them.
fn described(member: &Member, token: &Token) -> Vec<(&'static str, String)> {
	let mut lines = vec![("account", member.account.to_string()), ("status", name(&member.status))];
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
	if member.status == MemberStatusName::Applicant {
		let mut sponsors = format!("{} of {}", member.sponsors.len(), member.sponsors_required);
		if !member.sponsors.is_empty() {
			let names: Vec<String> = member.sponsors.iter().map(ToString::to_string).collect();
			sponsors = format!("{sponsors}: {}", names.join(", "));
		}
		lines.push(("sponsors", sponsors));
		lines.push(("deposit", format!("{} held", token.format(member.deposit))));
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
	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

	fn ost() -> Token {
		Token { symbol: "OST".into(), decimals: 12 }
	}

	/// Dave as `OstromApi::member` shows him right after his admission in block 7.
	fn dave_on_probation() -> Member {
		Member {
			account: DAVE.parse().unwrap(),
			status: MemberStatusName::Active,
			joined_at: Some(7),
			probation_ends: Some(17),
			sponsorships_left: 0,
			suspended_until: None,
			reputation: 0,
			credits_left: 100,
			sponsors: Vec::new(),
			sponsors_required: 2,
			deposit: 0,
		}
	}

	fn value_of<'a>(lines: &'a [(&'static str, String)], label: &str) -> Option<&'a str> {
		lines.iter().find(|(name, _)| *name == label).map(|(_, value)| value.as_str())
	}

	#[test]
	fn a_member_on_probation_is_told_what_they_may_not_do() {
		let lines = described(&dave_on_probation(), &ost());
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
		let lines = described(&settled, &ost());
		assert_eq!(value_of(&lines, "on probation"), None);
		assert_eq!(value_of(&lines, "sponsorships"), Some("2 left in this epoch"));
	}

	#[test]
	fn an_applicant_shows_sponsors_not_sponsorships() {
		let applicant = Member {
			status: MemberStatusName::Applicant,
			joined_at: None,
			probation_ends: None,
			credits_left: 0,
			sponsors: vec![ALICE.parse().unwrap()],
			deposit: 10_000_000_000_000,
			..dave_on_probation()
		};
		let lines = described(&applicant, &ost());
		assert_eq!(value_of(&lines, "sponsors"), Some(&*format!("1 of 2: {ALICE}")));
		assert_eq!(value_of(&lines, "deposit"), Some("10 OST held"));
		assert_eq!(value_of(&lines, "on probation"), None);
		assert_eq!(value_of(&lines, "sponsorships"), None);
	}
}
