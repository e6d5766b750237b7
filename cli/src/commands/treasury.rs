//! `ostrom treasury` shows the DAO's pot; `ostrom fund` enrols commons in quadratic-funding
//! rounds, gives to them, finalises rounds, refunds gifts, proposes to exclude a commons or to
//! cancel a round, and lists the open rounds.

use super::{count, field, propose::propose_call, Context, Output};
use anyhow::{anyhow, Context as _, Result};
use clap::Subcommand;
use ostrom_client::{
	ostrom::{
		self,
		runtime_types::ostrom_runtime_api::views::{GrantView, RoundView},
		treasury::events::{CommonsEnrolled, GiftsRefunded, Given, RoundFinalized},
	},
	AccountId, AmountText, Balance, BlockNumber, CommonsId, RoundId, Token,
};
use subxt::rpcs::rpc_params;

/// An open round as the runtime's `OstromApi` shows it.
type Round = RoundView<Balance, BlockNumber>;
/// A grant as the runtime's `OstromApi` shows it.
type Grant = GrantView<AccountId, Balance, BlockNumber>;

#[derive(Debug, Subcommand)]
pub enum FundCommand {
	/// Give to a commons in an open round: the round's pool matches gifts quadratically.
	Give {
		/// The round's number.
		round: RoundId,
		/// The commons' number.
		commons: CommonsId,
		/// How much, in the chain's token (OST).
		amount: AmountText,
	},
	/// Enrol a commons you steward in a round, during its enrolment window; holds the
	/// enrolment deposit until the round is finalised or cancelled.
	Enrol {
		/// The round's number.
		round: RoundId,
		/// The commons' number.
		commons: CommonsId,
	},
	/// Finalise a round that has ended: pays each enrolled commons its gifts and its
	/// pairwise-bounded match. Anyone may.
	Finalize {
		/// The round's number.
		round: RoundId,
	},
	/// Pay back the gifts to a commons that was excluded, archived or whose round was
	/// cancelled. Anyone may.
	Refund {
		/// The round's number.
		round: RoundId,
		/// The commons' number.
		commons: CommonsId,
	},
	/// Propose that the DAO exclude a commons from an open round (Treasury.exclude_commons,
	/// Standard track): no match, its deposit to the pot, its gifts back.
	Exclude {
		/// The round's number.
		round: RoundId,
		/// The commons' number.
		commons: CommonsId,
		/// A hash of, or a link to, the proposal's text.
		#[arg(long, default_value = "")]
		metadata: String,
	},
	/// Propose that the DAO cancel an open round (Treasury.cancel_round, Standard track): its
	/// pool back to the pot, every gift back to its giver.
	Cancel {
		/// The round's number.
		round: RoundId,
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

pub async fn show(context: &Context, output: Output) -> Result<()> {
	let chain = context.connect().await?;
	let token = chain.token();
	let json = chain.read("dao_treasury", rpc_params![]);
	let view =
		async { Ok(Some(chain.view(ostrom::runtime_apis().ostrom_api().treasury()).await?)) };
	output
		.print(json, view, |treasury| {
			field("pot", format!("{} ({})", token.format(treasury.pot), treasury.account));
			field("earmarked", token.format(treasury.earmarked));
			field("spendable", token.format(treasury.spendable));
			field(
				"this period",
				format!(
					"{} may still be committed (at most {} of the pot per {} blocks; the next \
					 period starts at block #{})",
					token.format(treasury.spendable_this_period),
					treasury.max_share,
					treasury.period,
					treasury.next_period_at
				),
			);
			if treasury.open_rounds.is_empty() {
				field("open rounds", "none");
			}
			for open in &treasury.open_rounds {
				field("open round", round(open, token));
			}
			if treasury.grants.is_empty() {
				field("grants", "none");
			}
			for paying in &treasury.grants {
				field("grant", grant(paying, token));
			}
		})
		.await?;
	Ok(())
}

pub async fn fund(context: &Context, command: FundCommand) -> Result<()> {
	let calls = ostrom::transactions().treasury();
	match command {
		FundCommand::Give { round, commons, amount } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let token = chain.token();
			let amount = token.amount(&amount).map_err(|problem| anyhow!(problem))?;
			let give = calls.give(round, commons, amount);
			let given: Given = chain.submit(&signer, &give).await?.expect_event()?;
			println!(
				"gave {} to commons #{} in round #{}",
				token.format(given.amount),
				given.commons,
				given.round
			);
		}
		FundCommand::Enrol { round, commons } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let enrol = calls.enrol(round, commons);
			let enrolled: CommonsEnrolled = chain.submit(&signer, &enrol).await?.expect_event()?;
			println!(
				"enrolled commons #{} in round #{}, holding a deposit of {}",
				enrolled.commons,
				enrolled.round,
				chain.token().format(enrolled.deposit)
			);
		}
		FundCommand::Finalize { round } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let token = chain.token();
			let finalize = calls.finalize_round(round);
			let finalized: RoundFinalized =
				chain.submit(&signer, &finalize).await?.expect_event()?;
			println!("finalised round #{}", finalized.round);
			for payout in &finalized.payouts.0 {
				println!(
					"  commons #{}: {} given + {} matched",
					payout.commons,
					token.format(payout.given),
					token.format(payout.matched)
				);
			}
			println!("  {} of the pool stays in the pot", token.format(finalized.returned));
		}
		FundCommand::Refund { round, commons } => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let refund = calls.refund_gifts(round, commons);
			let refunded: GiftsRefunded = chain.submit(&signer, &refund).await?.expect_event()?;
			println!(
				"paid {} back to {} of commons #{}",
				chain.token().format(refunded.amount),
				count(refunded.givers, "giver"),
				refunded.commons
			);
		}
		FundCommand::Exclude { round, commons, metadata } => {
			propose_call(context, &calls.exclude_commons(round, commons), metadata).await?;
		}
		FundCommand::Cancel { round, metadata } => {
			propose_call(context, &calls.cancel_round(round), metadata).await?;
		}
		FundCommand::Rounds { output } => {
			let chain = context.connect().await?;
			let token = chain.token();
			let json = async {
				let treasury = chain.read("dao_treasury", rpc_params![]).await?;
				treasury.get("openRounds").cloned().context("the node's treasury has no openRounds")
			};
			let view = async {
				let treasury = chain.view(ostrom::runtime_apis().ostrom_api().treasury()).await?;
				Ok(Some(treasury.open_rounds))
			};
			output
				.print(json, view, |rounds| {
					if rounds.is_empty() {
						println!("no open rounds");
					}
					for open in &rounds {
						println!("{}", round(open, token));
					}
				})
				.await?;
		}
	}
	Ok(())
}

fn round(round: &Round, token: &Token) -> String {
	format!(
		"round #{}: pool {}; {} commons enrolled (enrolment before block #{}); {} given in {}; \
		 takes gifts before block #{}",
		round.id,
		token.format(round.matching),
		round.commons,
		round.enrolment_ends,
		token.format(round.given),
		count(round.gifts, "gift"),
		round.ends_at
	)
}

fn grant(grant: &Grant, token: &Token) -> String {
	format!(
		"#{} to {}: {} over {} blocks from block #{}; {} vested, {} claimed",
		grant.id,
		grant.beneficiary,
		token.format(grant.amount),
		grant.duration,
		grant.start,
		token.format(grant.vested),
		token.format(grant.claimed)
	)
}
