//! What the node's `dao_*` JSON-RPC methods return, as far as the human output reads it:
//! camelCase fields, accounts as SS58 strings, balances as decimal strings in planck, shares as
//! percentages such as `"50%"`, enums by name. Fields the output does not show are left out;
//! `--json` prints the node's answer (for `fund rounds`, its open rounds).

use crate::units::Amount;
use serde::Deserialize;

/// Part of a list, and where the next part starts (`None` when the list is done).
#[derive(Debug, Deserialize)]
pub struct Page<Item> {
	pub items: Vec<Item>,
	pub next: Option<u64>,
}

/// `dao_proposal`, and the items of `dao_proposals`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Proposal {
	pub id: u32,
	pub proposer: String,
	pub track: String,
	/// `Signal` or `Call`.
	pub kind: String,
	/// The call's pallet and name, e.g. `Treasury.spend`, recorded at submission; `None` for a
	/// signal.
	pub call: Option<String>,
	pub metadata: String,
	pub deposit: Amount,
	pub status: String,
	pub submitted_at: u32,
	pub voting_ends: u32,
	pub enactment: Option<u32>,
	pub tally: Tally,
}

impl Proposal {
	/// What the proposal asks for: its call, or its kind (`Signal`) when it names none.
	pub fn asks_for(&self) -> &str {
		self.call.as_deref().unwrap_or(&self.kind)
	}
}

/// `dao_tally`, and the tally of a proposal.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
	pub ayes: u64,
	pub nays: u64,
	pub voters: u32,
	pub credits: u64,
	pub eligible: u32,
	pub turnout: String,
	pub quorum: String,
	pub approval: String,
	pub passing: bool,
}

/// `dao_member`: a member or an applicant.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
	pub account: String,
	/// `Active`, `Suspended` or `Applicant`.
	pub status: String,
	pub joined_at: Option<u32>,
	/// While the member is on probation (may neither vote nor sponsor), the block it ends.
	pub probation_ends: Option<u32>,
	/// How many more applicants the member may sponsor in this epoch: 0 on probation and for
	/// an applicant.
	pub sponsorships_left: u32,
	pub suspended_until: Option<u32>,
	pub reputation: u32,
	pub credits_left: u64,
	pub sponsors: Vec<String>,
	pub sponsors_required: u32,
	pub deposit: Amount,
}

/// `dao_voiceCredits`: a member's budget in the current epoch.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VoiceCredits {
	pub epoch: u32,
	pub per_epoch: u64,
	pub left: u64,
	pub next_epoch_at: u32,
}

/// `dao_commons`, and the items of `dao_listCommons`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Commons {
	pub id: u32,
	pub name: String,
	pub kind: String,
	pub license: String,
	pub uri: String,
	pub stewards: Vec<String>,
	pub status: String,
	pub registered_at: u32,
	pub registrant: String,
	pub deposit: Amount,
	pub contributions: ContributionCounts,
	pub account: String,
	pub balance: Amount,
}

/// How many contributions a commons received, by where they stand.
#[derive(Debug, Deserialize)]
pub struct ContributionCounts {
	pub pending: u32,
	pub accepted: u32,
	pub rejected: u32,
}

/// `dao_treasury`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Treasury {
	pub account: String,
	pub pot: Amount,
	pub earmarked: Amount,
	pub spendable: Amount,
	pub spendable_this_period: Amount,
	pub period: u32,
	pub next_period_at: u32,
	pub max_share: String,
	pub open_rounds: Vec<Round>,
	pub grants: Vec<Grant>,
}

/// An open quadratic-funding round.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Round {
	pub id: u32,
	pub matching: Amount,
	pub enrolment_ends: u32,
	pub ends_at: u32,
	pub contributed: Amount,
	pub contributions: u32,
	pub commons: u32,
}

/// A grant that still has money to pay.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Grant {
	pub id: u32,
	pub beneficiary: String,
	pub amount: Amount,
	pub claimed: Amount,
	pub vested: Amount,
	pub start: u32,
	pub duration: u32,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_proposal_reads_from_the_nodes_json() {
		let json = serde_json::json!({
			"id": 3,
			"proposer": "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy",
			"track": "Standard",
			"kind": "Call",
			"call": "Treasury.spend",
			"metadata": "pay Ferdie",
			"deposit": "10000000000000",
			"status": "Approved",
			"submittedAt": 7,
			"votingEnds": 17,
			"enactment": 19,
			"tally": {
				"ayes": 4, "nays": 0, "voters": 2, "credits": 8, "eligible": 4,
				"turnout": "50%", "quorum": "50%", "approval": "50%", "passing": true
			}
		});
		let proposal: Proposal = serde_json::from_value(json).unwrap();
		assert_eq!(proposal.asks_for(), "Treasury.spend");
		assert_eq!(proposal.deposit.to_string(), "10 OST");
		assert_eq!(proposal.enactment, Some(19));
		assert_eq!(proposal.tally.voters, 2);
	}
}
