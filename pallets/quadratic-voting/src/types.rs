//! The records the quadratic voting pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The number of an epoch: the block number divided by the epoch length.
pub type EpochIndex = u32;

/// Voice credits: what quadratic votes cost.
pub type Credits = u64;

/// The running totals of the votes on one proposal.
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Tally {
	/// Votes in favour, summed over voters.
	pub ayes: u64,
	/// Votes against, summed over voters.
	pub nays: u64,
	/// How many members voted.
	pub voters: u32,
	/// The voice credits those votes cost.
	pub credits: Credits,
}

/// One member's vote on one proposal.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct VoteRecord {
	/// For the proposal, or against it.
	pub aye: bool,
	/// How many votes; at least one.
	pub votes: u32,
	/// What the votes cost: `votes²` voice credits.
	pub cost: Credits,
	/// The epoch whose credits paid for the vote.
	pub epoch: EpochIndex,
}

impl VoteRecord {
	/// The credits this vote takes from the budget of `epoch`: its cost if it was cast then.
	pub fn cost_in(&self, epoch: EpochIndex) -> Credits {
		if self.epoch == epoch {
			self.cost
		} else {
			0
		}
	}

	/// Adds the vote to `tally`, not counting its voter.
	pub fn add_to(&self, tally: &mut Tally) {
		let side = if self.aye { &mut tally.ayes } else { &mut tally.nays };
		*side = side.saturating_add(self.votes.into());
		tally.credits = tally.credits.saturating_add(self.cost);
	}

	/// Takes the vote out of `tally`, not counting its voter.
	pub fn take_from(&self, tally: &mut Tally) {
		let side = if self.aye { &mut tally.ayes } else { &mut tally.nays };
		*side = side.saturating_sub(self.votes.into());
		tally.credits = tally.credits.saturating_sub(self.cost);
	}
}

/// The voice credits a member spent in one epoch.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct SpentCredits {
	/// The epoch.
	pub epoch: EpochIndex,
	/// The credits spent in it.
	pub credits: Credits,
}

/// An epoch: its number and its blocks.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Epoch<BlockNumber> {
	/// The epoch's number: its first block divided by the epoch length.
	pub index: EpochIndex,
	/// Its first block.
	pub starts_at: BlockNumber,
	/// The first block of the next epoch, when every member's budget is whole again.
	pub next_starts_at: BlockNumber,
}

/// A member's voice credits in the current epoch.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct VoiceCredits<BlockNumber> {
	/// The current epoch.
	pub epoch: Epoch<BlockNumber>,
	/// Every member's budget in each epoch: `CreditsPerEpoch`.
	pub per_epoch: Credits,
	/// What the member spent in this epoch.
	pub spent: Credits,
	/// What the member may still spend in this epoch.
	pub left: Credits,
}

/// What a vote would cost its voter now.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct VoteQuote {
	/// The vote's cost: `votes²` voice credits.
	pub cost: Credits,
	/// What replacing the voter's earlier vote on the proposal gives back first: its cost if it
	/// was cast in this epoch (credits of a past epoch are gone), else zero.
	pub refund: Credits,
	/// The credits the voter has left in this epoch before voting.
	pub credits_left: Credits,
	/// Whether the budget pays for the vote: `cost <= credits_left + refund`. Eligibility (an
	/// active member, past probation, admitted before the proposal) is not checked here.
	pub affordable: bool,
}
