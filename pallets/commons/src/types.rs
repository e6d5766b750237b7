//! The records the commons registry stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, PartialEqNoBound, Serialize,
};
use scale_info::TypeInfo;

pub use ostrom_primitives::CommonsId;
/// Identifies a recorded contribution.
pub type ContributionId = u64;

/// What kind of shared resource a commons is.
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
	Serialize,
)]
#[serde(crate = "frame_support::__private::serde")]
pub enum CommonsKind {
	Software,
	Knowledge,
	Design,
	Data,
	Energy,
	Food,
	Space,
	Tools,
	Other,
}

/// Whether a commons takes new contributions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Serialize)]
#[serde(crate = "frame_support::__private::serde")]
pub enum CommonsStatus {
	Active,
	/// Kept for the record; takes no new contributions, and only the DAO changes its stewards.
	Archived,
}

/// A registered commons.
#[derive(CloneNoBound, DebugNoBound, PartialEqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxNameLen, MaxLicenseLen, MaxUriLen, MaxStewards))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct CommonsRecord<
	AccountId,
	Balance,
	BlockNumber,
	MaxNameLen: Get<u32>,
	MaxLicenseLen: Get<u32>,
	MaxUriLen: Get<u32>,
	MaxStewards: Get<u32>,
> where
	AccountId: Clone + core::fmt::Debug + PartialEq,
	Balance: Clone + core::fmt::Debug + PartialEq,
	BlockNumber: Clone + core::fmt::Debug + PartialEq,
{
	pub name: BoundedVec<u8, MaxNameLen>,
	pub kind: CommonsKind,
	/// An SPDX licence identifier, e.g. `GPL-3.0-only` or `CC-BY-SA-4.0`.
	pub license: BoundedVec<u8, MaxLicenseLen>,
	/// Where the commons lives, e.g. a repository or website.
	pub uri: BoundedVec<u8, MaxUriLen>,
	/// The members appointed to care for the commons, in order of appointment. Only those who
	/// may act count (see `CommonsInspect::is_acting_steward`); with none, the commons is
	/// frozen until the DAO appoints one.
	pub stewards: BoundedVec<AccountId, MaxStewards>,
	pub status: CommonsStatus,
	pub registered_at: BlockNumber,
	/// Who registered the commons and holds `deposit` until it is archived.
	pub registrant: AccountId,
	/// Held from the registrant while the commons is active; zero once the DAO unarchived it.
	pub deposit: Balance,
	/// Contributions still awaiting their verdict.
	pub pending_contributions: u32,
	/// Contributions the review accepted.
	pub accepted_contributions: u32,
	/// Contributions the review rejected.
	pub rejected_contributions: u32,
}

/// Where a contribution stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Serialize)]
#[serde(crate = "frame_support::__private::serde")]
pub enum ContributionStatus {
	/// Awaiting its verdict; its deposit is held.
	Pending,
	/// Approved by enough reviewers, a steward among them; the deposit was returned.
	Accepted,
	/// Rejected by enough reviewers, a steward among them; the deposit went to the treasury.
	Rejected,
	/// Taken back by its contributor before a verdict; the deposit was returned.
	Withdrawn,
	/// Taken off the queue by a steward without a verdict; the deposit was returned.
	Dismissed,
}

/// One member's review of a contribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Review {
	/// Whether the review approves the contribution (else it rejects it).
	pub approve: bool,
	/// Whether the reviewer was an acting steward of the commons when reviewing.
	pub by_steward: bool,
}

/// A contribution to a commons and the tally of its peer review.
#[derive(CloneNoBound, DebugNoBound, PartialEqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxNoteLen))]
#[codec(mel_bound(
	AccountId: MaxEncodedLen,
	Balance: MaxEncodedLen,
	Hash: MaxEncodedLen,
	BlockNumber: MaxEncodedLen
))]
pub struct Contribution<AccountId, Balance, Hash, BlockNumber, MaxNoteLen: Get<u32>>
where
	AccountId: Clone + core::fmt::Debug + PartialEq,
	Balance: Clone + core::fmt::Debug + PartialEq,
	Hash: Clone + core::fmt::Debug + PartialEq,
	BlockNumber: Clone + core::fmt::Debug + PartialEq,
{
	pub commons: CommonsId,
	pub contributor: AccountId,
	/// The hash of the contributed content, which lives off-chain.
	pub content_hash: Hash,
	pub note: BoundedVec<u8, MaxNoteLen>,
	pub recorded_at: BlockNumber,
	/// Held from the contributor while the contribution is pending.
	pub deposit: Balance,
	pub approvals: u32,
	pub rejections: u32,
	/// Approvals by reviewers who were acting stewards of the commons.
	pub steward_approvals: u32,
	/// Rejections by reviewers who were acting stewards of the commons.
	pub steward_rejections: u32,
	pub status: ContributionStatus,
}
