//! `ostrom vote`: vote on a proposal quadratically: `n` votes cost `n²` voice credits.

use super::{count, tally_summary, Context};
use crate::{account::address_of, chain::Chain};
use anyhow::Result;
use clap::{ArgGroup, Args};
use ostrom_client::{
	ostrom::{
		self, quadratic_voting::events::Voted,
		runtime_types::ostrom_runtime_api::views::VoiceCreditsView,
	},
	AccountId, BlockNumber, ProposalId,
};

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("side").required(true).args(["aye", "nay"])))]
pub struct VoteArgs {
	/// The proposal's number.
	proposal: ProposalId,
	/// Vote for the proposal.
	#[arg(long)]
	aye: bool,
	/// Vote against the proposal.
	#[arg(long)]
	nay: bool,
	/// How many votes to cast: they cost their square in voice credits. A new vote on the same
	/// proposal replaces the earlier one.
	#[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
	votes: u32,
}

pub async fn run(context: &Context, args: VoteArgs) -> Result<()> {
	let VoteArgs { proposal, aye, nay: _, votes } = args;
	let signer = context.signer()?;
	let chain = context.connect().await?;
	let voter = address_of(&signer);
	let side = if aye { "aye" } else { "nay" };

	match voice_credits(&chain, &voter).await? {
		Some(credits) => {
			// The chain's own quote: what `vote` would charge and give back now.
			let ask =
				ostrom::view_functions().quadratic_voting().vote_quote(voter, proposal, votes);
			let quote = chain.view_function(ask).await?;
			let mut note = format!(
				"{} cost {}; you have {} of {} left in epoch {}",
				count(votes, &format!("{side} vote")),
				count(quote.cost, "voice credit"),
				credits.left,
				credits.per_epoch,
				credits.epoch
			);
			if quote.refund > 0 {
				note += &format!(", and replacing your earlier vote gives back {}", quote.refund);
			}
			eprintln!("{note}");
			if !quote.affordable {
				eprintln!("that is more than you have: the chain will refuse the vote");
			}
		}
		None => eprintln!("{voter} is not a member: the chain will refuse the vote"),
	}

	let vote = ostrom::transactions().quadratic_voting().vote(proposal, aye, votes);
	let voted: Voted = chain.submit(&signer, &vote).await?.expect_event()?;
	let left = match voice_credits(&chain, &voter).await? {
		Some(credits) => {
			format!(
				"{} left in this epoch (the next starts at block #{})",
				credits.left, credits.next_epoch_at
			)
		}
		None => "no longer a member".into(),
	};
	println!(
		"voted {side} on proposal #{proposal} with {} for {}; {left}",
		count(voted.votes, "vote"),
		count(voted.cost, "voice credit")
	);
	let tally = chain.view(ostrom::runtime_apis().ostrom_api().tally(proposal)).await?;
	if let Some(tally) = tally {
		println!(
			"proposal #{proposal} now has {}{}",
			tally_summary(&tally),
			if tally.passing { ": passing" } else { ": not passing yet" }
		);
	}
	Ok(())
}

/// The voice credits of `voter` in this epoch; `None` if they are not a member.
async fn voice_credits(
	chain: &Chain,
	voter: &AccountId,
) -> Result<Option<VoiceCreditsView<BlockNumber>>> {
	chain.view(ostrom::runtime_apis().ostrom_api().voice_credits(*voter)).await
}
