//! The commands, one file per part of the DAO, and what they share: the node's address, the
//! signer, and how read commands print their answers.
//!
//! Every runtime name a command uses (calls, storage, runtime API views, events, types) comes
//! from `ostrom_client::ostrom`, the interface generated from the runtime's metadata: when the
//! runtime renames something, the command that uses it no longer compiles.

pub mod commons;
pub mod member;
pub mod proposals;
pub mod propose;
pub mod treasury;
pub mod validator;
pub mod vote;

use crate::{account, chain::Chain};
use anyhow::Result;
use ostrom_client::ostrom::runtime_types::ostrom_runtime_api::views::TallyView;
use std::{
	fmt::{Debug, Display},
	future::Future,
};
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

/// How a read command prints its answer.
#[derive(Clone, Copy, Debug, clap::Args)]
pub struct Output {
	/// Print the node's answer as JSON, for scripts.
	#[arg(long)]
	pub json: bool,
}

impl Output {
	/// With `--json`, prints the node's JSON answer (`dao_*`); otherwise shows the runtime's
	/// view with `show`. False if the node has no such thing (a `null` answer, no view).
	pub async fn print<View>(
		self,
		json: impl Future<Output = Result<serde_json::Value>>,
		view: impl Future<Output = Result<Option<View>>>,
		show: impl FnOnce(View),
	) -> Result<bool> {
		if self.json {
			let answer = json.await?;
			if answer.is_null() {
				return Ok(false);
			}
			println!("{}", serde_json::to_string_pretty(&answer)?);
			return Ok(true);
		}
		let Some(view) = view.await? else { return Ok(false) };
		show(view);
		Ok(true)
	}
}

/// Prints one labelled line of a record, the values aligned.
pub fn field(label: &str, value: impl Display) {
	println!("{label:<16}{value}");
}

/// The name of a variant without fields (a status, a track, a kind), as the node's JSON writes
/// it.
pub fn name(variant: &impl Debug) -> String {
	format!("{variant:?}")
}

/// Bytes the chain stores as text (names, links, notes), invalid UTF-8 replaced.
pub fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
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
pub fn tally_summary(tally: &TallyView) -> String {
	format!(
		"{}, {} from {} of {} members",
		count(tally.ayes, "aye"),
		count(tally.nays, "nay"),
		tally.voters,
		tally.eligible
	)
}

/// The `limit` of a page to ask the runtime for: the runtime gives at most a full page, so no
/// limit asks for a full page.
pub fn page_limit(limit: Option<u32>) -> u32 {
	limit.unwrap_or(u32::MAX)
}

/// The hint to print when a page stopped before the end of a list.
pub fn more_from(next: Option<impl Display>) {
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
