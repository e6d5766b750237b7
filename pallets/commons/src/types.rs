//! The records the commons registry stores.

use crate::{BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::{CommonsId, ContributionId};
use scale_info::TypeInfo;

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
)]
pub enum CommonsKind {
	/// Open-source code.
	Software,
	/// Shared knowledge: texts, courses, references.
	Knowledge,
	/// Open designs and hardware.
	Design,
	/// Open data.
	Data,
	/// Community energy.
	Energy,
	/// Shared food: gardens, seed banks, kitchens.
	Food,
	/// A shared space.
	Space,
	/// A library of tools.
	Tools,
	/// Anything else.
	Other,
}

/// Whether a commons takes new contributions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum CommonsStatus {
	/// Takes contributions; its stewards care for it.
	Active,
	/// Kept for the record; takes no new contributions, and only the DAO changes its stewards.
	Archived,
}

/// A registered commons.
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct CommonsRecord<T: Config> {
	/// Its name; not empty.
	pub name: BoundedVec<u8, T::MaxNameLen>,
	/// What kind of resource it is.
	pub kind: CommonsKind,
	/// An SPDX licence identifier, e.g. `GPL-3.0-only` or `CC-BY-SA-4.0`.
	pub license: BoundedVec<u8, T::MaxLicenseLen>,
	/// Where the commons lives, e.g. a repository or website.
	pub uri: BoundedVec<u8, T::MaxUriLen>,
	/// The members appointed to care for the commons, in order of appointment. Only those who
	/// may act count (see `CommonsInspect::is_acting_steward`); with none, the commons is
	/// frozen until the DAO appoints one.
	pub stewards: BoundedVec<T::AccountId, T::MaxStewards>,
	/// Active or archived.
	pub status: CommonsStatus,
	/// The block it was registered in.
	pub registered_at: BlockNumberFor<T>,
	/// Who registered the commons and holds `deposit` until it is archived.
	pub registrant: T::AccountId,
	/// Held from the registrant while the commons is active; zero once the DAO unarchived it.
	pub deposit: BalanceOf<T>,
	/// Contributions still awaiting their verdict.
	pub pending_contributions: u32,
	/// Contributions the review accepted.
	pub accepted_contributions: u32,
	/// Contributions the review rejected.
	pub rejected_contributions: u32,
}

/// Where a contribution stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
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
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Contribution<T: Config> {
	/// The commons it was made to.
	pub commons: CommonsId,
	/// Who made it.
	pub contributor: T::AccountId,
	/// The hash of the contributed content, which lives off-chain.
	pub content_hash: T::Hash,
	/// What the contributor says about it.
	pub note: BoundedVec<u8, T::MaxNoteLen>,
	/// The block it was recorded in.
	pub recorded_at: BlockNumberFor<T>,
	/// Held from the contributor while the contribution is pending.
	pub deposit: BalanceOf<T>,
	/// Approvals so far.
	pub approvals: u32,
	/// Rejections so far.
	pub rejections: u32,
	/// Approvals by reviewers who were acting stewards of the commons.
	pub steward_approvals: u32,
	/// Rejections by reviewers who were acting stewards of the commons.
	pub steward_rejections: u32,
	/// Where it stands.
	pub status: ContributionStatus,
}

/// A [`ContributionId`] as a storage key whose raw bytes sort as the ids do: big-endian. SCALE
/// encodes integers little-endian, so stored unhashed plain ids would iterate as 0, 256, 512, …,
/// 1, 257, …; these iterate as 0, 1, 2, …, which lets a page of
/// [`ContributionsByContributor`](crate::ContributionsByContributor) start at any id and go up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct SortedContributionId([u8; core::mem::size_of::<ContributionId>()]);

impl From<ContributionId> for SortedContributionId {
	fn from(id: ContributionId) -> Self {
		Self(id.to_be_bytes())
	}
}

impl From<SortedContributionId> for ContributionId {
	fn from(key: SortedContributionId) -> Self {
		ContributionId::from_be_bytes(key.0)
	}
}
