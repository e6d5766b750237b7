//! The records the proposals pallet stores, and the governance rules.

use crate::{BalanceOf, BoundedCallOf, Config};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{CallMetadata, ConstU32},
	weights::Weight,
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::ProposalId;
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// With which origin an approved proposal's call is enacted, and which thresholds it must meet.
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
pub enum Track {
	/// Enacted with the DAO origin: membership and commons administration, treasury spends.
	Standard,
	/// Enacted as root: runtime upgrades and changes to the rules; higher thresholds.
	Root,
	/// Only a kill of an earlier proposal, enacted as root in the block after approval: a short
	/// vote with the highest thresholds, so that a kill lands before its target is enacted.
	Emergency,
}

/// What a proposal asks for.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum ProposalKind<BoundedCall> {
	/// A statement of the DAO: nothing to enact.
	Signal,
	/// A call to enact, inline when small or through a noted preimage.
	Call(BoundedCall),
}

/// The longest pallet or function name a proposal records, in bytes. Names are Rust identifiers:
/// the runtime's longest, `authorize_upgrade_without_checks`, has 32 bytes (a runtime test checks
/// that every name fits), which leaves room for new calls; yet the two names add at most 99 bytes
/// to a stored proposal.
pub const MAX_CALL_NAME_LEN: u32 = 48;

/// A pallet or function name, cut to [`MAX_CALL_NAME_LEN`] bytes.
pub type CallNamePart = BoundedVec<u8, ConstU32<MAX_CALL_NAME_LEN>>;

/// The pallet and function of a proposal's call, read once at submission: views name the call
/// from it and never decode the call, whose preimage may be megabytes.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct CallName {
	/// The pallet's name in the runtime, e.g. `Treasury`.
	pub pallet: CallNamePart,
	/// The call's function name, e.g. `spend`.
	pub function: CallNamePart,
}

impl CallName {
	/// The names, each cut to [`MAX_CALL_NAME_LEN`] bytes (at a character boundary) if longer.
	pub fn new(pallet: &str, function: &str) -> Self {
		Self { pallet: cut(pallet), function: cut(function) }
	}

	/// `Pallet.function`, e.g. `Treasury.spend`: how views show a call.
	pub fn dotted(&self) -> Vec<u8> {
		let mut text = Vec::with_capacity(self.pallet.len() + 1 + self.function.len());
		text.extend_from_slice(&self.pallet);
		text.push(b'.');
		text.extend_from_slice(&self.function);
		text
	}
}

impl From<CallMetadata> for CallName {
	fn from(metadata: CallMetadata) -> Self {
		Self::new(metadata.pallet_name, metadata.function_name)
	}
}

/// `name`, or its longest prefix of whole characters that fits a [`CallNamePart`].
fn cut(name: &str) -> CallNamePart {
	let mut end = name.len().min(MAX_CALL_NAME_LEN as usize);
	while !name.is_char_boundary(end) {
		end -= 1;
	}
	CallNamePart::truncate_from(name.as_bytes()[..end].to_vec())
}

/// The thresholds of one track.
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
	serde::Serialize,
	serde::Deserialize,
)]
// Genesis configures the rules: its JSON is their only serde use.
#[serde(rename_all = "camelCase")]
pub struct TrackRules {
	/// The share of eligible members who must vote.
	pub quorum: Perbill,
	/// The share of ayes among ayes and nays that must be exceeded.
	pub approval: Perbill,
}

impl TrackRules {
	/// Whether a `turnout` and an `approval` (as [`ostrom_primitives::turnout_of`] and
	/// [`ostrom_primitives::approval_of`] round them) meet the quorum and exceed the approval
	/// threshold. Their rounding makes this exact: no rounding lets a proposal pass.
	pub fn passes(&self, turnout: Perbill, approval: Perbill) -> bool {
		turnout >= self.quorum && approval > self.approval
	}
}

/// How the DAO decides: changed only by a Root-track proposal calling `set_rules`.
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
	serde::Serialize,
	serde::Deserialize,
)]
// Genesis configures the rules: its JSON is their only serde use.
#[serde(rename_all = "camelCase")]
pub struct GovernanceRules<BlockNumber, Balance> {
	/// How long a proposal is open to votes, in blocks; not zero.
	pub voting_period: BlockNumber,
	/// How long after approval a call is enacted, in blocks; not zero.
	pub enactment_delay: BlockNumber,
	/// Held from the proposer until the proposal is closed or cancelled, or slashed by `kill`.
	pub proposal_deposit: Balance,
	/// The thresholds of the Standard track.
	pub standard: TrackRules,
	/// The thresholds of the Root track: at least those of the Standard track.
	pub root: TrackRules,
	/// How long an Emergency proposal is open to votes: shorter than the enactment delay, so
	/// that a kill submitted while its target is voted on is enacted before the target.
	pub emergency_voting_period: BlockNumber,
	/// The thresholds of the Emergency track: at least those of the Root track.
	pub emergency: TrackRules,
}

/// A week to vote and a day before enactment (in six-second blocks), no deposit; a fifth of the
/// members must vote on Standard proposals and a majority approve, two fifths and two thirds on
/// Root proposals; Emergency kills are voted on for twelve hours, with half the members voting
/// and three quarters approving. Each genesis preset sets its own.
impl<BlockNumber: From<u32>, Balance: Default> Default for GovernanceRules<BlockNumber, Balance> {
	fn default() -> Self {
		Self {
			voting_period: 100_800.into(),
			enactment_delay: 14_400.into(),
			proposal_deposit: Balance::default(),
			standard: TrackRules {
				quorum: Perbill::from_percent(20),
				approval: Perbill::from_percent(50),
			},
			root: TrackRules {
				quorum: Perbill::from_percent(40),
				approval: Perbill::from_rational(2u32, 3u32),
			},
			emergency_voting_period: 7_200.into(),
			emergency: TrackRules {
				quorum: Perbill::from_percent(50),
				approval: Perbill::from_percent(75),
			},
		}
	}
}

impl<BlockNumber, Balance> GovernanceRules<BlockNumber, Balance> {
	/// The thresholds of `track`.
	pub fn of(&self, track: Track) -> TrackRules {
		match track {
			Track::Standard => self.standard,
			Track::Root => self.root,
			Track::Emergency => self.emergency,
		}
	}

	/// How long a proposal on `track` is open to votes.
	pub fn voting_period(&self, track: Track) -> BlockNumber
	where
		BlockNumber: Copy,
	{
		match track {
			Track::Standard | Track::Root => self.voting_period,
			Track::Emergency => self.emergency_voting_period,
		}
	}
}

/// Where a proposal is in its life.
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
pub enum ProposalStatus<BlockNumber> {
	/// Open to votes until its voting period ends, then waiting for `close`.
	Voting,
	/// Passed; a call is enacted in block `enactment`, a signal has none.
	Approved {
		/// The block the call is enacted in; `None` for a signal.
		enactment: Option<BlockNumber>,
	},
	/// Failed its quorum or approval threshold.
	Rejected,
	/// Withdrawn by its proposer before anyone voted.
	Cancelled,
	/// Stopped while being voted on: undecided, so its votes may be removed.
	Killed,
	/// Its call was dispatched (successfully or not), or refused because an upgrade changed
	/// what it decodes to: the `Executed` event says which.
	Executed,
	/// Approved, then killed before enactment: decided, so its votes stand.
	Revoked,
}

impl<BlockNumber> ProposalStatus<BlockNumber> {
	/// The status without its data: how views name it and lists filter by it.
	pub fn name(&self) -> ProposalStatusName {
		match self {
			Self::Voting => ProposalStatusName::Voting,
			Self::Approved { .. } => ProposalStatusName::Approved,
			Self::Rejected => ProposalStatusName::Rejected,
			Self::Cancelled => ProposalStatusName::Cancelled,
			Self::Killed => ProposalStatusName::Killed,
			Self::Executed => ProposalStatusName::Executed,
			Self::Revoked => ProposalStatusName::Revoked,
		}
	}

	/// The block an approved call is enacted in; `None` otherwise.
	pub fn enactment(&self) -> Option<BlockNumber>
	where
		BlockNumber: Copy,
	{
		match self {
			Self::Approved { enactment } => *enactment,
			_ => None,
		}
	}
}

/// A [`ProposalStatus`] by name only, without its data: what views show and lists filter by.
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
pub enum ProposalStatusName {
	/// See [`ProposalStatus::Voting`].
	Voting,
	/// See [`ProposalStatus::Approved`].
	Approved,
	/// See [`ProposalStatus::Rejected`].
	Rejected,
	/// See [`ProposalStatus::Cancelled`].
	Cancelled,
	/// See [`ProposalStatus::Killed`].
	Killed,
	/// See [`ProposalStatus::Executed`].
	Executed,
	/// See [`ProposalStatus::Revoked`].
	Revoked,
}

/// A [`ProposalId`] as a storage key whose raw bytes sort as the ids do: big-endian. SCALE
/// encodes integers little-endian, so stored unhashed plain ids would iterate as 0, 256, 512, …,
/// 1, 257, …; these iterate as 0, 1, 2, …, which lets a page of
/// [`ProposalsByStatus`](crate::ProposalsByStatus) start at any id and go up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct SortedProposalId([u8; core::mem::size_of::<ProposalId>()]);

impl From<ProposalId> for SortedProposalId {
	fn from(id: ProposalId) -> Self {
		Self(id.to_be_bytes())
	}
}

impl From<SortedProposalId> for ProposalId {
	fn from(key: SortedProposalId) -> Self {
		ProposalId::from_be_bytes(key.0)
	}
}

/// A [`ProposalKind`] by name only, without its call.
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
pub enum ProposalKindName {
	/// A statement of the DAO: nothing to enact.
	Signal,
	/// A call to enact.
	Call,
}

impl<BoundedCall> ProposalKind<BoundedCall> {
	/// The kind without its call.
	pub fn name(&self) -> ProposalKindName {
		match self {
			Self::Signal => ProposalKindName::Signal,
			Self::Call(_) => ProposalKindName::Call,
		}
	}
}

/// One proposal.
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Proposal<T: Config> {
	/// The member who submitted it.
	pub proposer: T::AccountId,
	/// Its track: the origin of its call and the thresholds it must meet.
	pub track: Track,
	/// A signal, or a call to enact.
	pub kind: ProposalKind<BoundedCallOf<T>>,
	/// The call's pallet and function, recorded at submission; `None` for a signal. Views read
	/// the call's name from here, so that listing proposals never decodes their calls.
	pub call_name: Option<CallName>,
	/// The runtime's `spec_version` at submission. If the runtime has changed by enactment, the
	/// call is dispatched only if it still decodes to `call_name`: an upgrade that renumbered
	/// pallets or calls must not change what an approved proposal does.
	pub spec_version: u32,
	/// A hash of, or a link to, the proposal's text.
	pub metadata: BoundedVec<u8, T::MaxMetadataLen>,
	/// Held from the proposer; zero once released or slashed.
	pub deposit: BalanceOf<T>,
	/// The block of submission: only members whose probation ended before it may vote.
	pub submitted_at: BlockNumberFor<T>,
	/// Votes are accepted before this block; `close` is possible from it on.
	pub voting_ends: BlockNumberFor<T>,
	/// The membership's count of eligible voters at submission (members past probation who
	/// voted recently, with a floor): the base of the turnout.
	pub eligible: u32,
	/// The weight the call declares (zero for a signal), read from it at submission: what its
	/// enactment reserves in the block.
	pub call_weight: Weight,
	/// The track's thresholds when the proposal was submitted: later rule changes do not move
	/// the goalposts of a running vote.
	pub thresholds: TrackRules,
	/// Where it is in its life.
	pub status: ProposalStatus<BlockNumberFor<T>>,
}

/// What a vote reads of a proposal being voted on, apart from the [`Proposal`] (up to hundreds
/// of bytes with its call and metadata), which only submission, `close` and enactment read.
/// Stored exactly while the proposal's status is [`ProposalStatus::Voting`], with the
/// proposal's own values.
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Ballot<T: Config> {
	/// The block of submission: only members whose probation ended before it may vote.
	pub submitted_at: BlockNumberFor<T>,
	/// Votes are accepted before this block.
	pub voting_ends: BlockNumberFor<T>,
	/// The proposal's track.
	pub track: Track,
}

impl<T: Config> Proposal<T> {
	/// The ballot of this proposal while it is voted on: its own submission block, deadline and
	/// track.
	pub fn ballot(&self) -> Ballot<T> {
		Ballot { submitted_at: self.submitted_at, voting_ends: self.voting_ends, track: self.track }
	}
}
