//! # Ostrom primitives
//!
//! The identifiers and traits through which Ostrom's pallets use each other. A pallet depends on
//! this crate, never on another pallet: the runtime decides which pallet implements which trait,
//! so every pallet can be tested with a small mock and replaced without touching the others.
//!
//! - [`MembershipInspect`]: who belongs to the DAO, and since when (implemented by the membership
//!   pallet); [`MembershipMutate`]: what other pallets record about members (their votes, their
//!   reputation).
//! - [`Ballots`]: which proposals are open to votes (implemented by the proposals pallet, asked
//!   by the voting pallet).
//! - [`VoteCounts`]: how the votes on a proposal stand (implemented by the voting pallet, asked
//!   by the proposals pallet).
//! - [`CommonsInspect`]: which commons exist and who stewards them (implemented by the commons
//!   registry).
//!
//! The identifiers ([`ProposalId`], [`CommonsId`], [`ContributionId`], [`RoundId`],
//! [`GrantId`], [`CommonsSpendId`]) live here because the pallets, the runtime API and its
//! clients share them.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use sp_arithmetic::{PerThing, Perbill, Rounding};

/// Reputation a member earns from reviewed contributions to the commons.
pub type Reputation = u32;

/// Identifies a proposal: proposals are numbered from zero.
pub type ProposalId = u32;

/// Identifies a registered commons.
pub type CommonsId = u32;

/// Identifies a contribution recorded for a commons.
pub type ContributionId = u64;

/// Identifies a quadratic-funding round of the treasury.
pub type RoundId = u32;

/// Identifies a vesting grant of the treasury.
pub type GrantId = u32;

/// Identifies a large spend from a commons' account awaiting its stewards' approvals.
pub type CommonsSpendId = u32;

/// What other pallets may ask of the DAO's membership.
pub trait MembershipInspect<AccountId, BlockNumber> {
	/// Whether `who` is a member who may act now: admitted and not suspended.
	fn is_active_member(who: &AccountId) -> bool;

	/// The block in which `who` became a member, suspended or not; `None` for non-members.
	fn member_since(who: &AccountId) -> Option<BlockNumber>;

	/// The block from which `who` has a member's full rights (voting, sponsoring): the end of
	/// their probation; `None` for non-members.
	fn settled_since(who: &AccountId) -> Option<BlockNumber>;

	/// How many members the DAO has, suspended ones included.
	fn member_count() -> u32;

	/// How many members count as eligible voters now: the base of the turnout of a proposal
	/// submitted now. They are the members past probation who voted recently, with a floor;
	/// members who never vote fall out of it, so they cannot freeze the quorum.
	fn eligible_voters() -> u32;

	/// The reputation of `who`; zero for non-members.
	fn reputation(who: &AccountId) -> Reputation;

	/// Makes `who` an active member past probation, so that benchmarks can set up member-only
	/// calls.
	#[cfg(feature = "runtime-benchmarks")]
	fn add_member_for_benchmarks(who: &AccountId);

	/// Removes the member `who`, so that benchmarks can set up calls about former members.
	#[cfg(feature = "runtime-benchmarks")]
	fn remove_member_for_benchmarks(who: &AccountId);
}

/// What other pallets record about members.
pub trait MembershipMutate<AccountId, BlockNumber>:
	MembershipInspect<AccountId, BlockNumber>
{
	/// Notes that `who` voted now, so that they count among the eligible voters for a while.
	/// Returns whether it wrote anything: `false` when an earlier vote of theirs in this epoch
	/// counted them already (the common case, which a voting pallet may weigh less).
	fn note_vote(who: &AccountId) -> bool;

	/// Adds up to `amount` to the reputation of `who`, within what they may still earn in the
	/// current epoch. Returns what was added: zero for non-members.
	fn add_reputation(who: &AccountId, amount: Reputation) -> Reputation;
}

/// Where a proposal stands, as far as voting on it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BallotState<BlockNumber> {
	/// No proposal has this id.
	Unknown,
	/// Votes are accepted from members settled before block `submitted_at`.
	Open {
		/// The block the proposal was submitted in.
		submitted_at: BlockNumber,
	},
	/// The voting period is over, or the proposal was decided: its votes stand.
	Closed,
	/// The proposal was withdrawn (killed or cancelled) before being decided: its votes may be
	/// removed.
	Withdrawn,
}

/// What the voting pallet asks of the proposals pallet: which proposals are open to votes.
pub trait Ballots<BlockNumber> {
	/// Where voting on `proposal` stands now.
	fn ballot_state(proposal: ProposalId) -> BallotState<BlockNumber>;

	/// Creates a proposal that is open to votes now, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn open_ballot_for_benchmarks() -> ProposalId;
}

/// What the proposals pallet asks of the voting pallet: how the votes on a proposal stand.
pub trait VoteCounts {
	/// The share of `eligible` members who voted on `proposal`: [`turnout_of`] its voters.
	fn turnout(proposal: ProposalId, eligible: u32) -> Perbill;

	/// The share of ayes among the ayes and nays on `proposal`: [`approval_of`] its votes.
	fn approval(proposal: ProposalId) -> Perbill;

	/// Whether anyone has a vote on `proposal`.
	fn anyone_voted(proposal: ProposalId) -> bool;

	/// Records `voters` members voting aye on `proposal`, so that benchmarks can close a
	/// proposal that passes.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_ayes_for_benchmarks(proposal: ProposalId, voters: u32);
}

/// The share of `eligible` members that `voters` are, rounded down, so that it meets a quorum
/// exactly when the exact share does; 100% when `eligible` is zero or exceeded. The one
/// definition of turnout: the voting pallet's [`VoteCounts::turnout`] and every view use it.
pub fn turnout_of(voters: u32, eligible: u32) -> Perbill {
	Perbill::from_rational(voters, eligible)
}

/// The share of `ayes` among `ayes` and `nays`, rounded up, so that it exceeds an approval
/// threshold exactly when the exact share does; zero when no one voted. The one definition of
/// approval, as [`turnout_of`] is of turnout.
pub fn approval_of(ayes: u64, nays: u64) -> Perbill {
	let votes = u128::from(ayes).saturating_add(u128::from(nays));
	if votes == 0 {
		return Perbill::zero();
	}
	// `ayes <= votes`, and `votes` is not zero: this cannot fail.
	Perbill::from_rational_with_rounding(u128::from(ayes), votes, Rounding::Up)
		.unwrap_or_else(|_| Perbill::one())
}

/// What other pallets may ask of the commons registry.
pub trait CommonsInspect<AccountId> {
	/// Whether `commons` is registered and active (not archived).
	fn is_active(commons: CommonsId) -> bool;

	/// Whether `who` may act as a steward of `commons` now: listed as one, an active member,
	/// and appointed during their current membership (a removed member who is admitted again
	/// stewards nothing).
	fn is_acting_steward(commons: CommonsId, who: &AccountId) -> bool;

	/// How many stewards of `commons` may act now. Zero means the commons is frozen until the
	/// DAO appoints one.
	fn acting_stewards(commons: CommonsId) -> u32;

	/// Whether `who` is an acting steward of `commons` appointed long enough ago to approve
	/// large spends from its account: the other stewards and the DAO saw the appointment in
	/// time to undo it.
	fn is_seasoned_steward(commons: CommonsId, who: &AccountId) -> bool;

	/// How many stewards of `commons` are seasoned: the electorate of its large spends.
	fn seasoned_stewards(commons: CommonsId) -> u32;

	/// Everyone with a stake in `commons`: its stewards, acting or not, and its registrant.
	/// Their gifts to it are passed on but never matched.
	fn insiders(commons: CommonsId) -> Vec<AccountId>;

	/// Registers an active commons stewarded by `steward`, so that benchmarks can set up calls
	/// that need one.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(steward: &AccountId) -> CommonsId;
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn turnout_meets_a_quorum_exactly_when_the_exact_share_does() {
		let quorum = Perbill::from_rational(2u32, 3u32);
		// Two of three is 66.666…%: above the quorum's 66.6666666%, and so is its rounding.
		assert!(turnout_of(2, 3) >= quorum);
		// A share one part per billion below the quorum does not meet it.
		assert!(turnout_of(666_666_665, 1_000_000_000) < quorum);
		assert_eq!(turnout_of(0, 0), Perbill::one(), "no one to wait for");
		assert_eq!(turnout_of(5, 3), Perbill::one(), "more voters than counted");
		assert_eq!(turnout_of(0, 3), Perbill::zero());
	}

	#[test]
	fn approval_exceeds_a_threshold_exactly_when_the_exact_share_does() {
		let half = Perbill::from_percent(50);
		assert!(approval_of(4, 4) == half, "a tie does not exceed half");
		// Just over half, by less than a part per billion, still exceeds it once rounded up.
		assert!(approval_of(2_000_000_001, 2_000_000_000) > half);
		assert_eq!(approval_of(0, 0), Perbill::zero(), "no votes approve nothing");
		assert_eq!(approval_of(3, 0), Perbill::one());
		assert_eq!(approval_of(u64::MAX, u64::MAX), half);
	}
}
