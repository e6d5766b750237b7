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
	/// Kept for the record; takes no new contributions and no steward changes.
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
	/// The members who care for the commons; never empty.
	pub stewards: BoundedVec<AccountId, MaxStewards>,
	pub status: CommonsStatus,
	pub registered_at: BlockNumber,
	/// Who registered the commons and holds `deposit` until it is archived.
	pub registrant: AccountId,
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
	Pending,
	Accepted,
	Rejected,
}

/// A contribution to a commons and the tally of its peer review.
#[derive(CloneNoBound, DebugNoBound, PartialEqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxNoteLen))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Hash: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Contribution<AccountId, Hash, BlockNumber, MaxNoteLen: Get<u32>>
where
	AccountId: Clone + core::fmt::Debug + PartialEq,
	Hash: Clone + core::fmt::Debug + PartialEq,
	BlockNumber: Clone + core::fmt::Debug + PartialEq,
{
	pub commons: CommonsId,
	pub contributor: AccountId,
	/// The hash of the contributed content, which lives off-chain.
	pub content_hash: Hash,
	pub note: BoundedVec<u8, MaxNoteLen>,
	pub recorded_at: BlockNumber,
	pub approvals: u32,
	pub rejections: u32,
	pub status: ContributionStatus,
}
