//! `ostrom proposals` lists proposals or shows one; `ostrom close` counts the votes on one whose
//! voting period is over.

use super::{count, field, more_from, quoted, tally_summary, Context, Output};
use crate::{
	units::Perbill,
	views::{Page, Proposal},
};
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use subxt::{dynamic, ext::scale_decode::DecodeAsType, rpcs::rpc_params};

#[derive(Debug, Args)]
pub struct ProposalsArgs {
	/// Show only this proposal, in full.
	id: Option<u32>,
	/// List only the proposals in this state.
	#[arg(long, value_enum, conflicts_with = "id")]
	status: Option<Status>,
	/// The first proposal to list.
	#[arg(long, default_value_t = 0, conflicts_with = "id")]
	from: u32,
	/// How many to list (1 to 100).
	#[arg(long, conflicts_with = "id", value_parser = clap::value_parser!(u32).range(1..=100))]
	limit: Option<u32>,
	#[command(flatten)]
	output: Output,
}

/// Where a proposal is in its life; each is the node's status name of the same name.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Status {
	Voting,
	Approved,
	Rejected,
	Cancelled,
	Killed,
	Executed,
	Revoked,
}

/// `Proposals.Approved`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Approved {
	enactment: Option<u32>,
}

/// `Proposals.Rejected`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Rejected {
	turnout: Perbill,
	ayes: u64,
	nays: u64,
}

pub async fn list(context: &Context, args: ProposalsArgs) -> Result<()> {
	let ProposalsArgs { id, status, from, limit, output } = args;
	let chain = context.connect().await?;
	if let Some(id) = id {
		let answer = chain.read("dao_proposal", rpc_params![id]).await?;
		if answer.is_null() {
			bail!("there is no proposal #{id}");
		}
		return output.print(answer, show);
	}
	let status = status.map(|status| format!("{status:?}"));
	let answer = chain.read("dao_proposals", rpc_params![status.clone(), from, limit]).await?;
	output.print(answer, |page: Page<Proposal>| {
		if page.items.is_empty() {
			match &status {
				Some(status) => println!("no proposals in state {status} from #{from} on"),
				None => println!("no proposals from #{from} on"),
			}
		}
		for proposal in &page.items {
			println!("{}", one_line(proposal));
		}
		more_from(page.next);
	})
}

pub async fn close(context: &Context, id: u32) -> Result<()> {
	let signer = context.signer()?;
	let chain = context.connect().await?;
	let close = dynamic::tx("Proposals", "close", (id,));
	let included = chain.submit(&signer, &close).await?;
	if let Some(approved) = included.event::<Approved>("Proposals", "Approved")? {
		match approved.enactment {
			Some(block) => {
				println!("proposal #{id} is approved; its call is enacted in block #{block}")
			}
			None => println!("proposal #{id} is approved (a signal: nothing to enact)"),
		}
	} else if let Some(rejected) = included.event::<Rejected>("Proposals", "Rejected")? {
		println!(
			"proposal #{id} is rejected: {} of the members voted, {} to {}",
			rejected.turnout,
			count(rejected.ayes, "aye"),
			count(rejected.nays, "nay")
		);
	} else {
		bail!("closing proposal #{id} emitted neither Proposals.Approved nor Proposals.Rejected");
	}
	Ok(())
}

/// A proposal on one line: number, status, track, what it asks, the votes, and when. The
/// columns fit the longest names: `Cancelled` and `Emergency`.
fn one_line(proposal: &Proposal) -> String {
	let tally = &proposal.tally;
	let when = match proposal.enactment {
		Some(block) if proposal.status == "Approved" => format!("enactment #{block}"),
		_ => format!("voting ends #{}", proposal.voting_ends),
	};
	format!(
		"#{:<4} {:<9} {:<9} {:<24} ayes {:<3} nays {:<3} voters {}/{}  {:<18} {}",
		proposal.id,
		proposal.status,
		proposal.track,
		proposal.asks_for(),
		tally.ayes,
		tally.nays,
		tally.voters,
		tally.eligible,
		when,
		quoted(&proposal.metadata)
	)
	.trim_end()
	.to_string()
}

fn show(proposal: Proposal) {
	let tally = &proposal.tally;
	field("proposal", format!("#{}", proposal.id));
	field("proposer", &proposal.proposer);
	field("track", &proposal.track);
	field("asks for", proposal.asks_for());
	field("text", quoted(&proposal.metadata));
	field("status", &proposal.status);
	field("submitted", format!("at block #{}", proposal.submitted_at));
	field("voting ends", format!("at block #{}", proposal.voting_ends));
	if let Some(block) = proposal.enactment {
		field("enactment", format!("at block #{block}"));
	}
	field("votes", format!("{} ({})", tally_summary(tally), count(tally.credits, "voice credit")));
	field(
		"thresholds",
		format!(
			"turnout {} (needs {}), ayes must be more than {} of the votes: {}",
			tally.turnout,
			tally.quorum,
			tally.approval,
			if tally.passing { "passing" } else { "not passing" }
		),
	);
	field("deposit", format!("{} held", proposal.deposit));
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_proposal_fits_on_one_line() {
		let proposal: Proposal = serde_json::from_value(serde_json::json!({
			"id": 0, "proposer": "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy",
			"track": "Standard", "kind": "Call", "call": "Treasury.spend", "metadata": "",
			"deposit": "0", "status": "Approved", "submittedAt": 7, "votingEnds": 17,
			"enactment": 19,
			"tally": { "ayes": 4, "nays": 0, "voters": 2, "credits": 8, "eligible": 4,
				"turnout": "50%", "quorum": "50%", "approval": "50%", "passing": true }
		}))
		.unwrap();
		assert_eq!(
			one_line(&proposal),
			"#0    Approved  Standard  Treasury.spend           ayes 4   nays 0   voters 2/4  \
			 enactment #19"
		);
	}
}
