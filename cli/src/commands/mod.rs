//! The commands, one file per part of the DAO, and what they share: the node's address, the
//! signer, and how read commands print their answers.

pub mod commons;
pub mod member;
pub mod proposals;
pub mod propose;
pub mod treasury;
pub mod vote;

use crate::{account, chain::Chain, views::Tally};
use anyhow::{Context as _, Result};
use serde::de::DeserializeOwned;
use std::fmt::Display;
use subxt_signer::sr25519::Keypair;

/// Where the node is, and who signs.
pub struct Context {
	pub url: String,
	pub suri: Option<String>,
}

impl Context {
	pub async fn connect(&self) -> Result<Chain> {
		Chain::connect(&self.url).await
	}

	/// The signer: a command that signs asks for it before connecting, so that a missing
	/// `--suri` is reported at once.
	pub fn signer(&self) -> Result<Keypair> {
		account::signer_from_uri(self.suri.as_deref())
	}
}

/// How a read command prints the node's answer.
#[derive(Clone, Copy, Debug, clap::Args)]
pub struct Output {
	/// Print the node's answer as JSON, for scripts.
	#[arg(long)]
	pub json: bool,
}

impl Output {
	/// Prints `answer` as JSON, or reads it as a `View` and prints it with `show`.
	pub fn print<View: DeserializeOwned>(
		self,
		answer: serde_json::Value,
		show: impl FnOnce(View),
	) -> Result<()> {
		if self.json {
			println!("{}", serde_json::to_string_pretty(&answer)?);
		} else {
			let view = serde_json::from_value(answer)
				.context("the node's answer does not have the expected shape")?;
			show(view);
		}
		Ok(())
	}
}

/// Prints one labelled line of a record, the values aligned.
pub fn field(label: &str, value: impl Display) {
	println!("{label:<16}{value}");
}

/// `text` in quotes, or nothing when it is empty.
pub fn quoted(text: &str) -> String {
	if text.is_empty() {
		String::new()
	} else {
		format!("{text:?}")
	}
}

/// `number` `thing`s, in the singular for one: `1 vote`, `4 voice credits`.
pub fn count(number: impl Into<u64>, thing: &str) -> String {
	match number.into() {
		1 => format!("1 {thing}"),
		number => format!("{number} {thing}s"),
	}
}

/// How the votes on a proposal stand: `4 ayes, 0 nays from 2 of 4 members`.
pub fn tally_summary(tally: &Tally) -> String {
	format!(
		"{}, {} from {} of {} members",
		count(tally.ayes, "aye"),
		count(tally.nays, "nay"),
		tally.voters,
		tally.eligible
	)
}

/// The hint to print when a page stopped before the end of a list.
pub fn more_from(next: Option<u64>) {
	if let Some(next) = next {
		println!("(more: --from {next})");
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn one_thing_is_singular() {
		assert_eq!(count(1u32, "vote"), "1 vote");
		assert_eq!(count(4u64, "voice credit"), "4 voice credits");
		assert_eq!(count(0u32, "nay"), "0 nays");
	}
}
