//! The records the membership pallet stores.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec, CloneNoBound, DebugNoBound, PartialEqNoBound};
use ostrom_primitives::Reputation;
use scale_info::TypeInfo;

/// Whether a member may act.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum MemberStatus<BlockNumber> {
	/// May propose, vote, sponsor and review.
	Active,
	/// May do none of that before block `until`; active again from then on.
	Suspended { until: BlockNumber },
}

/// What the chain knows about one member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct MemberRecord<BlockNumber> {
	/// The block in which the account became a member.
	pub joined_at: BlockNumber,
	/// Earned from accepted contributions to the commons.
	pub reputation: Reputation,
	/// Active, or suspended until a block.
	pub status: MemberStatus<BlockNumber>,
}

impl<BlockNumber: PartialOrd> MemberRecord<BlockNumber> {
	/// Whether the member may act at block `now`.
	pub fn is_active_at(&self, now: &BlockNumber) -> bool {
		match &self.status {
			MemberStatus::Active => true,
			MemberStatus::Suspended { until } => now >= until,
		}
	}
}

/// A pending application to join, with the deposit it holds and the members who vouched.
#[derive(CloneNoBound, DebugNoBound, PartialEqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxMetadataLen, MaxSponsors))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen))]
pub struct Application<AccountId, Balance, MaxMetadataLen: Get<u32>, MaxSponsors: Get<u32>>
where
	AccountId: Clone + core::fmt::Debug + PartialEq,
	Balance: Clone + core::fmt::Debug + PartialEq,
{
	/// A hash of, or a link to, the applicant's profile.
	pub metadata: BoundedVec<u8, MaxMetadataLen>,
	/// Held from the applicant until the application ends.
	pub deposit: Balance,
	/// Members who vouched for the applicant, each once.
	pub sponsors: BoundedVec<AccountId, MaxSponsors>,
}
