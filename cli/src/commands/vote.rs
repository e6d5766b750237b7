//! `ostrom vote`: vote on a proposal quadratically: `n` votes cost `n²` voice credits.

use super::{count, tally_summary, Context};
use crate::{
	account::address_of,
	chain::Chain,
	views::{Tally, VoiceCredits},
};
use anyhow::{Context as _, Result};
use clap::{ArgGroup, Args};
use subxt::{dynamic, ext::scale_decode::DecodeAsType, rpcs::rpc_params, utils::AccountId32};

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("side").required(true).args(["aye", "nay"])))]
pub struct VoteArgs {
	/// The proposal's number.
	proposal: u32,
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

/// `QuadraticVoting.Voted`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Voted {
	votes: u32,
	cost: u64,
}

/// The parts of a stored `VoteRecord` that tell what replacing it gives back.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct EarlierVote {
	cost: u64,
	epoch: u32,
}

pub async fn run(context: &Context, args: VoteArgs) -> Result<()> {
	let VoteArgs { proposal, aye, nay: _, votes } = args;
	let signer = context.signer()?;
	let chain = context.connect().await?;
	let voter = address_of(&signer);
	let side = if aye { "aye" } else { "nay" };

	let cost = u64::from(votes).pow(2);
	match voice_credits(&chain, &voter).await? {
		Some(credits) => {
			let refund = refund(&chain, proposal, &voter, credits.epoch).await?;
			let mut note = format!(
				"{} cost {}; you have {} of {} left in epoch {}",
				count(votes, &format!("{side} vote")),
				count(cost, "voice credit"),
				credits.left,
				credits.per_epoch,
				credits.epoch
			);
			if refund > 0 {
				note += &format!(", and replacing your earlier vote gives back {refund}");
			}
			eprintln!("{note}");
			if cost > credits.left + refund {
				eprintln!("that is more than you have: the chain will refuse the vote");
			}
		}
		None => eprintln!("{voter} is not a member: the chain will refuse the vote"),
	}

	let vote = dynamic::tx("QuadraticVoting", "vote", (proposal, aye, votes));
	let voted: Voted =
		chain.submit(&signer, &vote).await?.expect_event("QuadraticVoting", "Voted")?;
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
	let tally: Option<Tally> =
		serde_json::from_value(chain.read("dao_tally", rpc_params![proposal]).await?)
			.context("the node's tally does not have the expected shape")?;
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
async fn voice_credits(chain: &Chain, voter: &AccountId32) -> Result<Option<VoiceCredits>> {
	let answer = chain.read("dao_voiceCredits", rpc_params![voter.to_string()]).await?;
	serde_json::from_value(answer)
		.context("the node's voice credits do not have the expected shape")
}

/// What replacing `voter`'s earlier vote on `proposal` gives back: its cost if it was cast in
/// `epoch`, the current one (credits of a past epoch are gone).
async fn refund(chain: &Chain, proposal: u32, voter: &AccountId32, epoch: u32) -> Result<u64> {
	let earlier: Option<EarlierVote> =
		chain.storage("QuadraticVoting", "Votes", (proposal, *voter)).await?;
	Ok(earlier.filter(|vote| vote.epoch == epoch).map_or(0, |vote| vote.cost))
}
