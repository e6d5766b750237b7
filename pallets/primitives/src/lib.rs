//! # Ostrom primitives
//!
//! The traits through which Ostrom's pallets use each other. A pallet depends on this crate,
//! never on another pallet: the runtime decides which pallet implements which trait, so every
//! pallet can be tested with a small mock and replaced without touching the others.
//!
//! - [`MembershipInspect`]: who belongs to the DAO (implemented by the membership pallet).
//! - [`Polls`]: which proposals are open to votes (implemented by the proposals pallet).
//! - [`Tallies`]: how the votes on a proposal stand (implemented by the voting pallet).
//! - [`CommonsInspect`]: which commons exist and who stewards them (implemented by the commons
//!   registry).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Reputation a member earns from reviewed contributions to the commons.
pub type Reputation = u32;

/// The number of a proposal, counted from zero.
pub type ProposalIndex = u32;

/// Voice credits: what quadratic votes cost.
pub type Credits = u64;

/// Identifies a registered commons.
pub type CommonsId = u32;

/// What other pallets may ask of, and do to, the DAO's membership.
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

	/// The base of a proposal's turnout if it is submitted now: the members past probation who
	/// voted recently, with a floor. Members who never vote fall out of it, so they cannot
	/// freeze the quorum.
	fn quorum_base() -> u32;

	/// Notes that `who` voted now, so that they count in the quorum base for a while.
	fn note_vote(who: &AccountId);

	/// The reputation of `who`; zero for non-members.
	fn reputation(who: &AccountId) -> Reputation;

	/// Adds up to `amount` to the reputation of `who`, within what they may still earn in the
	/// current epoch. Returns what was added: zero for non-members.
	fn add_reputation(who: &AccountId, amount: Reputation) -> Reputation;

	/// Makes `who` an active member past probation, so that benchmarks can set up member-only
	/// calls.
	#[cfg(feature = "runtime-benchmarks")]
	fn add_member_for_benchmarks(who: &AccountId);

	/// Removes the member `who`, so that benchmarks can set up calls about former members.
	#[cfg(feature = "runtime-benchmarks")]
	fn remove_member_for_benchmarks(who: &AccountId);
}

/// Where a proposal stands, as far as voting on it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PollState<BlockNumber> {
	/// No proposal has this number.
	Unknown,
	/// Votes are accepted from members who joined before block `submitted_at`.
	Open { submitted_at: BlockNumber },
	/// The voting period is over, or the proposal was closed: its votes stand.
	Closed,
	/// The proposal was withdrawn (killed or cancelled) before being decided: its votes may be
	/// removed, and their credits of the current epoch come back.
	Withdrawn,
}

/// The proposals that members vote on.
pub trait Polls<BlockNumber> {
	/// Where the proposal `proposal` stands now.
	fn poll_state(proposal: ProposalIndex) -> PollState<BlockNumber>;

	/// Creates a proposal that is open to votes now, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn open_poll_for_benchmarks() -> ProposalIndex;
}

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

/// How the votes on each proposal stand, kept by whichever pallet runs the voting.
pub trait Tallies {
	/// The tally of `proposal`; all zero when no one voted.
	fn tally(proposal: ProposalIndex) -> Tally;

	/// Sets the tally of `proposal`, so that benchmarks can close a proposal that passes.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_tally_for_benchmarks(_proposal: ProposalIndex, _tally: Tally) {}
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
