//! `ostrom treasury` shows the DAO's pot; `ostrom fund` enrols commons in quadratic-funding
//! rounds, gives to them, finalises rounds, refunds gifts, proposes to exclude a commons or to
//! cancel a round, and lists the open rounds.

use super::{count, field, propose::propose_call, Context, Output};
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
	/// Enrol a commons you steward in a round, during its enrolment window; holds the
	/// enrolment deposit until the round is finalised or cancelled.
	Enrol {
		/// The round's number.
		round: u32,
		/// The commons' number.
		commons: u32,
	},
	/// Finalise a round that has ended: pays each enrolled commons its gifts and its
	/// pairwise-bounded match. Anyone may.
	Finalize {
		/// The round's number.
		round: u32,
	},
	/// Pay back the gifts to a commons that was excluded, archived or whose round was
	/// cancelled. Anyone may.
	Refund {
		/// The round's number.
		round: u32,
		/// The commons' number.
		commons: u32,
	},
	/// Propose that the DAO exclude a commons from an open round (Treasury.exclude_commons,
	/// Standard track): no match, its deposit to the pot, its gifts back.
	Exclude {
		/// The round's number.
		round: u32,
		/// The commons' number.
		commons: u32,
		/// A hash of, or a link to, the proposal's text.
		#[arg(long, default_value = "")]
		metadata: String,
	},
	/// Propose that the DAO cancel an open round (Treasury.cancel_round, Standard track): its
	/// pool back to the pot, every gift back to its giver.
	Cancel {
		/// The round's number.
		round: u32,
		/// A hash of, or a link to, the proposal's text.
		#[arg(long, default_value = "")]
		metadata: String,
	},
	/// List the open rounds.
	Rounds {
		#[command(flatten)]
		output: Output,
	},
}

/// `Treasury.CommonsEnrolled`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Enrolled {
	round: u32,
	commons: u32,
	deposit: u128,
}

/// `Treasury.Payout`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Payout {
	commons: u32,
	contributed: u128,
	matched: u128,
}

/// `Treasury.RoundFinalized`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct RoundFinalized {
	round: u32,
	payouts: Vec<Payout>,
	returned: u128,
}

/// `Treasury.GiftsRefunded`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct GiftsRefunded {
	commons: u32,
	givers: u32,
	amount: u128,
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
		FundCommand::Enrol { round, commons } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let enrol = dynamic::tx("Treasury", "enrol", (round, commons));
			let enrolled: Enrolled =
				chain.submit(&signer, &enrol).await?.expect_event("Treasury", "CommonsEnrolled")?;
			println!(
				"enrolled commons #{} in round #{}, holding a deposit of {}",
				enrolled.commons,
				enrolled.round,
				Amount(enrolled.deposit)
			);
		}
		FundCommand::Finalize { round } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let finalize = dynamic::tx("Treasury", "finalize_round", (round,));
			let finalized: RoundFinalized = chain
				.submit(&signer, &finalize)
				.await?
				.expect_event("Treasury", "RoundFinalized")?;
			println!("finalised round #{}", finalized.round);
			for payout in &finalized.payouts {
				println!(
					"  commons #{}: {} given + {} matched",
					payout.commons,
					Amount(payout.contributed),
					Amount(payout.matched)
				);
			}
			println!("  {} of the pool stays in the pot", Amount(finalized.returned));
		}
		FundCommand::Refund { round, commons } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let refund = dynamic::tx("Treasury", "refund_gifts", (round, commons));
			let refunded: GiftsRefunded =
				chain.submit(&signer, &refund).await?.expect_event("Treasury", "GiftsRefunded")?;
			println!(
				"paid {} back to {} of commons #{}",
				Amount(refunded.amount),
				count(refunded.givers, "giver"),
				refunded.commons
			);
		}
		FundCommand::Exclude { round, commons, metadata } => {
			let exclude = dynamic::tx("Treasury", "exclude_commons", (round, commons));
			propose_call(context, &exclude, metadata).await?;
		}
		FundCommand::Cancel { round, metadata } => {
			let cancel = dynamic::tx("Treasury", "cancel_round", (round,));
			propose_call(context, &cancel, metadata).await?;
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
		"round #{}: pool {}; {} commons enrolled (enrolment before block #{}); {} given in {}; \
		 takes gifts before block #{}",
		round.id,
		round.matching,
		round.commons,
		round.enrolment_ends,
		round.contributed,
		count(round.contributions, "gift"),
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
