//! The records the quadratic voting pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use ostrom_primitives::{Credits, Tally};
use scale_info::TypeInfo;

/// The number of an epoch: the block number divided by the epoch length.
pub type EpochIndex = u32;

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
