//! `ostrom proposals` lists proposals or shows one; `ostrom close` counts the votes on one whose
//! voting period is over.

use super::{
	count, field, more_from, name, page_limit, quoted, tally_summary, text, Context, Output,
};
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use ostrom_client::{
	ostrom::{
		self,
		proposals::events::{Approved, Rejected},
		runtime_types::{
			ostrom_runtime_api::views::ProposalView,
			pallet_ostrom_proposals::types::ProposalStatusName,
		},
	},
	AccountId, Balance, BlockNumber, ProposalId, Token,
};
use subxt::rpcs::rpc_params;

/// A proposal as the runtime's `OstromApi` shows it.
type Proposal = ProposalView<AccountId, Balance, BlockNumber>;

#[derive(Debug, Args)]
pub struct ProposalsArgs {
	/// Show only this proposal, in full.
	id: Option<ProposalId>,
	/// List only the proposals in this state.
	#[arg(long, value_enum, conflicts_with = "id")]
	status: Option<Status>,
	/// The first proposal to list.
	#[arg(long, default_value_t = 0, conflicts_with = "id")]
	from: ProposalId,
	/// How many to list (1 to 100).
	#[arg(long, conflicts_with = "id", value_parser = clap::value_parser!(u32).range(1..=100))]
	limit: Option<u32>,
	#[command(flatten)]
	output: Output,
}

/// Where a proposal is in its life, one for each of the runtime's states.
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

impl From<Status> for ProposalStatusName {
	fn from(status: Status) -> ProposalStatusName {
		match status {
			Status::Voting => ProposalStatusName::Voting,
			Status::Approved => ProposalStatusName::Approved,
			Status::Rejected => ProposalStatusName::Rejected,
			Status::Cancelled => ProposalStatusName::Cancelled,
			Status::Killed => ProposalStatusName::Killed,
			Status::Executed => ProposalStatusName::Executed,
			Status::Revoked => ProposalStatusName::Revoked,
		}
	}
}

pub async fn list(context: &Context, args: ProposalsArgs) -> Result<()> {
	let ProposalsArgs { id, status, from, limit, output } = args;
	let chain = context.connect().await?;
	let views = ostrom::runtime_apis().ostrom_api();
	let token = chain.token();
	if let Some(id) = id {
		let json = chain.read("dao_proposal", rpc_params![id]);
		let view = chain.view(views.proposal(id));
		if !output.print(json, view, |proposal| show(&proposal, token)).await? {
			bail!("there is no proposal #{id}");
		}
		return Ok(());
	}
	let state = status.map(ProposalStatusName::from);
	let json = chain.read("dao_proposals", rpc_params![state.as_ref().map(name), from, limit]);
	let page = chain.view(views.proposals(state.clone(), from, page_limit(limit)));
	let listed = async { Ok(Some(page.await?)) };
	output
		.print(json, listed, |page| {
			if page.items.is_empty() {
				match &state {
					Some(state) => {
						println!("no proposals in state {} from #{from} on", name(state));
					}
					None => println!("no proposals from #{from} on"),
				}
			}
			for proposal in &page.items {
				println!("{}", one_line(proposal));
			}
			more_from(page.next);
		})
		.await?;
	Ok(())
}

pub async fn close(context: &Context, id: ProposalId) -> Result<()> {
	let signer = context.signer()?;
	let chain = context.connect().await?;
	let close = ostrom::transactions().proposals().close(id);
	let included = chain.submit(&signer, &close).await?;
	if let Some(approved) = included.event::<Approved>()? {
		match approved.enactment {
			Some(block) => {
				println!("proposal #{id} is approved; its call is enacted in block #{block}");
			}
			None => println!("proposal #{id} is approved (a signal: nothing to enact)"),
		}
	} else if let Some(rejected) = included.event::<Rejected>()? {
		println!(
			"proposal #{id} is rejected: {} of the members voted, {} of the votes were ayes",
			rejected.turnout, rejected.approval
		);
	} else {
		bail!("closing proposal #{id} emitted neither Proposals.Approved nor Proposals.Rejected");
	}
	Ok(())
}

/// What the proposal asks for: its call, e.g. `Treasury.spend`, or its kind (`Signal`) when it
/// names none.
fn asks_for(proposal: &Proposal) -> String {
	proposal.call.as_deref().map_or_else(|| name(&proposal.kind), text)
}

/// A proposal on one line: number, status, track, what it asks, the votes, and when. The
/// columns fit the longest names: `Cancelled` and `Emergency`.
fn one_line(proposal: &Proposal) -> String {
	let tally = &proposal.tally;
	let when = match proposal.enactment {
		Some(block) if proposal.status == ProposalStatusName::Approved => {
			format!("enactment #{block}")
		}
		_ => format!("voting ends #{}", proposal.voting_ends),
	};
	format!(
		"#{:<4} {:<9} {:<9} {:<24} ayes {:<3} nays {:<3} voters {}/{}  {:<18} {}",
		proposal.id,
		name(&proposal.status),
		name(&proposal.track),
		asks_for(proposal),
		tally.ayes,
		tally.nays,
		tally.voters,
		tally.eligible,
		when,
		quoted(&text(&proposal.metadata))
	)
	.trim_end()
	.to_string()
}

fn show(proposal: &Proposal, token: &Token) {
	let tally = &proposal.tally;
	field("proposal", format!("#{}", proposal.id));
	field("proposer", proposal.proposer);
	field("track", name(&proposal.track));
	field("asks for", asks_for(proposal));
	field("text", quoted(&text(&proposal.metadata)));
	field("status", name(&proposal.status));
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
	field("deposit", format!("{} held", token.format(proposal.deposit)));
}

#[cfg(test)]
mod tests {
	use super::*;
	use ostrom_client::ostrom::runtime_types::{
		ostrom_runtime_api::views::TallyView,
		pallet_ostrom_proposals::types::{ProposalKindName, Track},
		sp_arithmetic::per_things::Perbill,
	};

	#[test]
	fn a_proposal_fits_on_one_line() {
		let half = Perbill(500_000_000);
		let proposal = Proposal {
			id: 0,
			proposer: "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy".parse().unwrap(),
			track: Track::Standard,
			kind: ProposalKindName::Call,
			call: Some(b"Treasury.spend".to_vec()),
			metadata: Vec::new(),
			deposit: 0,
			status: ProposalStatusName::Approved,
			submitted_at: 7,
			voting_ends: 17,
			enactment: Some(19),
			tally: TallyView {
				ayes: 4,
				nays: 0,
				voters: 2,
				credits: 8,
				eligible: 4,
				turnout: half.clone(),
				quorum: half.clone(),
				approval: half,
				passing: true,
			},
		};
		assert_eq!(
			one_line(&proposal),
			"#0    Approved  Standard  Treasury.spend           ayes 4   nays 0   voters 2/4  \
			 enactment #19"
		);
	}
}
