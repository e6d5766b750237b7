//! `ostrom treasury` shows the DAO's pot; `ostrom fund` gives to commons in quadratic-funding
//! rounds and lists the open rounds.

use super::{count, field, Context, Output};
use crate::{
	units::{parse_ost, Amount},
	views::{Grant, Round, Treasury},
};
use anyhow::{Context as _, Result};
use clap::Subcommand;
use subxt::{dynamic, ext::scale_decode::DecodeAsType, rpcs::rpc_params};

#[derive(Debug, Subcommand)]
pub enum FundCommand {
	/// Give to a commons in an open round: the round's pool matches gifts quadratically.
	Contribute {
		/// The round's number.
		round: u32,
		/// The commons' number.
		commons: u32,
		/// How much, in OST.
		#[arg(value_parser = parse_ost)]
		amount: u128,
	},
	/// List the open rounds.
	Rounds {
		#[command(flatten)]
		output: Output,
	},
}

/// `Treasury.Contributed`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Contributed {
	round: u32,
	commons: u32,
	amount: u128,
}

pub async fn show(context: &Context, output: Output) -> Result<()> {
	let chain = context.connect().await?;
	let answer = chain.read("dao_treasury", rpc_params![]).await?;
	output.print(answer, |treasury: Treasury| {
		field("pot", format!("{} ({})", treasury.pot, treasury.account));
		field("earmarked", treasury.earmarked);
		field("spendable", treasury.spendable);
		field(
			"this period",
			format!(
				"{} may still be committed (at most {} of the pot per {} blocks; the next \
				 period starts at block #{})",
				treasury.spendable_this_period,
				treasury.max_share,
				treasury.period,
				treasury.next_period_at
			),
		);
		if treasury.open_rounds.is_empty() {
			field("open rounds", "none");
		}
		for open in &treasury.open_rounds {
			field("open round", round(open));
		}
		if treasury.grants.is_empty() {
			field("grants", "none");
		}
		for paying in &treasury.grants {
			field("grant", grant(paying));
		}
	})
}

pub async fn fund(context: &Context, command: FundCommand) -> Result<()> {
	match command {
		FundCommand::Contribute { round, commons, amount } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let contribute = dynamic::tx("Treasury", "contribute", (round, commons, amount));
			let contributed: Contributed = chain
				.submit(&signer, &contribute)
				.await?
				.expect_event("Treasury", "Contributed")?;
			println!(
				"gave {} to commons #{} in round #{}",
				Amount(contributed.amount),
				contributed.commons,
				contributed.round
			);
		}
		FundCommand::Rounds { output } => {
			let chain = context.connect().await?;
			let treasury = chain.read("dao_treasury", rpc_params![]).await?;
			let rounds = treasury
				.get("openRounds")
				.cloned()
				.context("the node's treasury has no openRounds")?;
			output.print(rounds, |rounds: Vec<Round>| {
				if rounds.is_empty() {
					println!("no open rounds");
				}
				for open in &rounds {
					println!("{}", round(open));
				}
			})?;
		}
	}
	Ok(())
}

fn round(round: &Round) -> String {
	format!(
		"round #{}: pool {}; {} given in {} to {} commons; takes gifts before block #{}",
		round.id,
		round.matching,
		round.contributed,
		count(round.contributions, "contribution"),
		round.commons,
		round.ends_at
	)
}

fn grant(grant: &Grant) -> String {
	format!(
		"#{} to {}: {} over {} blocks from block #{}; {} vested, {} claimed",
		grant.id,
		grant.beneficiary,
		grant.amount,
		grant.duration,
		grant.start,
		grant.vested,
		grant.claimed
	)
}
