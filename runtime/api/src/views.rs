//! The views `OstromApi` returns.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use core::fmt::Display;
use ostrom_primitives::{CommonsId, ContributionId, GrantId, ProposalId, Reputation, RoundId};
use pallet_ostrom_commons::{CommonsKind, CommonsStatus, ContributionStatus};
pub use pallet_ostrom_membership::MemberStatusName;
pub use pallet_ostrom_proposals::{ProposalKindName, ProposalStatusName, Track};
pub use pallet_ostrom_quadratic_voting::{Credits, EpochIndex};
use scale_info::TypeInfo;
use serde::Serialize;
use sp_runtime::Perbill;

use crate::json;

/// Part of a list, and where the next part starts.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Page<Item, Cursor> {
	pub items: Vec<Item>,
	/// The `from` of the next page; `None` when the list is done.
	pub next: Option<Cursor>,
}

/// How the votes on a proposal stand, against the thresholds it must meet.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TallyView {
	pub ayes: u64,
	pub nays: u64,
	/// How many members voted.
	pub voters: u32,
	/// The voice credits the votes cost.
	pub credits: Credits,
	/// How many members could vote: the base of the turnout.
	pub eligible: u32,
	/// `voters / eligible`.
	#[serde(serialize_with = "json::percent")]
	pub turnout: Perbill,
	/// The turnout the proposal needs.
	#[serde(serialize_with = "json::percent")]
	pub quorum: Perbill,
	/// The share of ayes among ayes and nays that must be exceeded.
	#[serde(serialize_with = "json::percent")]
	pub approval: Perbill,
	/// Whether the votes meet both thresholds now.
	pub passing: bool,
}

/// A proposal.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(
	rename_all = "camelCase",
	bound(serialize = "AccountId: Serialize, Balance: Display, BlockNumber: Serialize")
)]
pub struct ProposalView<AccountId, Balance, BlockNumber> {
	pub id: ProposalId,
	pub proposer: AccountId,
	#[serde(serialize_with = "json::variant_name")]
	pub track: Track,
	#[serde(serialize_with = "json::variant_name")]
	pub kind: ProposalKindName,
	/// The call's pallet and name, e.g. `Treasury.spend`; `None` for a signal. Recorded at
	/// submission, so it outlives the call's preimage and no view decodes the call.
	#[serde(serialize_with = "json::optional_text")]
	pub call: Option<Vec<u8>>,
	/// A hash of, or a link to, the proposal's text.
	#[serde(serialize_with = "json::text")]
	pub metadata: Vec<u8>,
	/// What is still held from the proposer.
	#[serde(serialize_with = "json::decimal")]
	pub deposit: Balance,
	#[serde(serialize_with = "json::variant_name")]
	pub status: ProposalStatusName,
	pub submitted_at: BlockNumber,
	/// Votes are accepted before this block; it can be closed from it on.
	pub voting_ends: BlockNumber,
	/// For an approved call, the block it is enacted in.
	pub enactment: Option<BlockNumber>,
	pub tally: TallyView,
}

/// A member or an applicant.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(
	rename_all = "camelCase",
	bound(serialize = "AccountId: Serialize, Balance: Display, BlockNumber: Serialize")
)]
pub struct MemberView<AccountId, Balance, BlockNumber> {
	pub account: AccountId,
	#[serde(serialize_with = "json::variant_name")]
	pub status: MemberStatusName,
	/// The block in which the account became a member; `None` for an applicant.
	pub joined_at: Option<BlockNumber>,
	/// While the member is on probation (may neither vote nor sponsor), the block it ends.
	pub probation_ends: Option<BlockNumber>,
	/// How many more applicants the member may sponsor in this epoch; zero on probation and for
	/// an applicant.
	pub sponsorships_left: u32,
	pub suspended_until: Option<BlockNumber>,
	pub reputation: Reputation,
	/// The voice credits left in this epoch; zero for an applicant.
	pub credits_left: Credits,
	/// The members who vouched for an applicant; empty for a member.
	pub sponsors: Vec<AccountId>,
	/// How many sponsors admit an applicant.
	pub sponsors_required: u32,
	/// The application deposit held from an applicant; zero for a member.
	#[serde(serialize_with = "json::decimal")]
	pub deposit: Balance,
}

/// A member's vote on a proposal.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VoteView<AccountId> {
	pub voter: AccountId,
	/// For the proposal, or against it.
	pub aye: bool,
	/// How many votes; at least one.
	pub votes: u32,
	/// What the votes cost: `votes²` voice credits.
	pub cost: Credits,
	/// The epoch whose credits paid for the vote.
	pub epoch: EpochIndex,
}

/// A member's voice credits in the current epoch.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VoiceCreditsView<BlockNumber> {
	pub epoch: EpochIndex,
	/// Every member's budget in each epoch.
	pub per_epoch: Credits,
	pub spent: Credits,
	pub left: Credits,
	/// The first block of the next epoch, when the budget is whole again.
	pub next_epoch_at: BlockNumber,
}

/// How many contributions a commons received, by where they stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContributionCounts {
	pub pending: u32,
	pub accepted: u32,
	pub rejected: u32,
}

/// A registered commons.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(
	rename_all = "camelCase",
	bound(serialize = "AccountId: Serialize, Balance: Display, BlockNumber: Serialize")
)]
pub struct CommonsView<AccountId, Balance, BlockNumber> {
	pub id: CommonsId,
	#[serde(serialize_with = "json::text")]
	pub name: Vec<u8>,
	#[serde(serialize_with = "json::variant_name")]
	pub kind: CommonsKind,
	/// An SPDX licence identifier.
	#[serde(serialize_with = "json::text")]
	pub license: Vec<u8>,
	#[serde(serialize_with = "json::text")]
	pub uri: Vec<u8>,
	pub stewards: Vec<AccountId>,
	#[serde(serialize_with = "json::variant_name")]
	pub status: CommonsStatus,
	pub registered_at: BlockNumber,
	pub registrant: AccountId,
	#[serde(serialize_with = "json::decimal")]
	pub deposit: Balance,
	pub contributions: ContributionCounts,
	/// The commons' own account, which quadratic-funding rounds pay and its stewards spend from.
	pub account: AccountId,
	/// That account's free balance.
	#[serde(serialize_with = "json::decimal")]
	pub balance: Balance,
}

/// A contribution to a commons and its review.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContributionView<AccountId, Hash, BlockNumber> {
	pub id: ContributionId,
	pub commons: CommonsId,
	pub contributor: AccountId,
	/// The hash of the contributed content, which lives off-chain.
	pub content_hash: Hash,
	#[serde(serialize_with = "json::text")]
	pub note: Vec<u8>,
	pub recorded_at: BlockNumber,
	pub approvals: u32,
	pub rejections: u32,
	#[serde(serialize_with = "json::variant_name")]
	pub status: ContributionStatus,
}

/// An open quadratic-funding round.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(rename_all = "camelCase", bound(serialize = "Balance: Display, BlockNumber: Serialize"))]
pub struct RoundView<Balance, BlockNumber> {
	pub id: RoundId,
	/// The matching pool.
	#[serde(serialize_with = "json::decimal")]
	pub matching: Balance,
	/// Commons enrol before this block.
	pub enrolment_ends: BlockNumber,
	/// Gifts are taken before this block; it can be finalised from it on.
	pub ends_at: BlockNumber,
	/// The sum of the gifts made in the round, refunded ones included.
	#[serde(serialize_with = "json::decimal")]
	pub given: Balance,
	/// How many (commons, giver) pairs hold a gift.
	pub gifts: u32,
	/// How many commons enrolled.
	pub commons: u32,
}

/// A grant that still has money to pay.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(
	rename_all = "camelCase",
	bound(serialize = "AccountId: Serialize, Balance: Display, BlockNumber: Serialize")
)]
pub struct GrantView<AccountId, Balance, BlockNumber> {
	pub id: GrantId,
	pub beneficiary: AccountId,
	#[serde(serialize_with = "json::decimal")]
	pub amount: Balance,
	#[serde(serialize_with = "json::decimal")]
	pub claimed: Balance,
	/// What has vested by now, claimed or not.
	#[serde(serialize_with = "json::decimal")]
	pub vested: Balance,
	pub start: BlockNumber,
	pub duration: BlockNumber,
}

/// The DAO's treasury.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, Serialize)]
#[serde(
	rename_all = "camelCase",
	bound(serialize = "AccountId: Serialize, Balance: Display, BlockNumber: Serialize")
)]
pub struct TreasuryView<AccountId, Balance, BlockNumber> {
	/// The pot's account.
	pub account: AccountId,
	/// The pot's free balance.
	#[serde(serialize_with = "json::decimal")]
	pub pot: Balance,
	/// Owed: open rounds' pools and gifts, grants' unclaimed rest.
	#[serde(serialize_with = "json::decimal")]
	pub earmarked: Balance,
	/// What is neither earmarked nor the pot's existential deposit.
	#[serde(serialize_with = "json::decimal")]
	pub spendable: Balance,
	/// What the DAO may still commit in this spending period.
	#[serde(serialize_with = "json::decimal")]
	pub spendable_this_period: Balance,
	/// The length of a spending period in blocks.
	pub period: BlockNumber,
	/// The first block of the next spending period.
	pub next_period_at: BlockNumber,
	/// The share that may be committed in one period, of what is spendable plus what was
	/// already committed in it.
	#[serde(serialize_with = "json::percent")]
	pub max_share: Perbill,
	/// The open rounds, newest first (at most `MAX_PAGE`).
	pub open_rounds: Vec<RoundView<Balance, BlockNumber>>,
	/// The grants with money left to pay, oldest first (the newest `MAX_PAGE` at most).
	pub grants: Vec<GrantView<AccountId, Balance, BlockNumber>>,
}
