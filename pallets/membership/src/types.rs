//! The records the membership pallet stores, and the admission rules.

use crate::{BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::Reputation;
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// The number of an epoch: the block number divided by the epoch length (the same epochs in
/// which voice credits renew).
pub type EpochIndex = u32;

/// Whether a member may act.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum MemberStatus<BlockNumber> {
	/// May propose, vote, sponsor and review (voting and sponsoring once past probation).
	Active,
	/// May do none of that before block `until`; active again from then on.
	Suspended {
		/// The first block in which the member may act again.
		until: BlockNumber,
	},
}

/// Where an account stands in the membership, by name: what views show.
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
pub enum MemberStatusName {
	/// A member who may propose, vote, sponsor and review (the last three once past probation).
	Active,
	/// A member who may not act until their suspension ends.
	Suspended,
	/// Not a member yet: has applied and waits for sponsors.
	Applicant,
}

/// How many applicants a member vouched for in one epoch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct SponsorQuota {
	/// The epoch the count belongs to.
	pub epoch: EpochIndex,
	/// Sponsorships given in it.
	pub used: u32,
}

/// The reputation a member earned in one epoch, against `MaxReputationPerEpoch`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct EpochReputation {
	/// The epoch the sum belongs to.
	pub epoch: EpochIndex,
	/// Reputation earned in it.
	pub earned: Reputation,
}

/// What the chain knows about one member.
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct MemberRecord<T: Config> {
	/// The block in which the account became a member.
	pub joined_at: BlockNumberFor<T>,
	/// Earned from accepted contributions to the commons.
	pub reputation: Reputation,
	/// Active, or suspended until a block.
	pub status: MemberStatus<BlockNumberFor<T>>,
	/// Until this block the member may neither vote nor sponsor, and does not count among the
	/// eligible voters; genesis members have none.
	pub probation_ends: BlockNumberFor<T>,
	/// The members who admitted this one (empty for genesis members and those the DAO added):
	/// they answer for it during the accountability period.
	pub sponsors: BoundedVec<T::AccountId, T::SponsorsRequired>,
	/// Sponsorships given in the member's last sponsoring epoch.
	pub quota: SponsorQuota,
	/// The member counts among the eligible voters in this epoch and the `dormant_after - 1`
	/// next ones; voting moves it to the current epoch.
	pub counted_from: EpochIndex,
}

impl<T: Config> MemberRecord<T> {
	/// Whether the member may act at block `now`.
	pub fn is_active_at(&self, now: &BlockNumberFor<T>) -> bool {
		match &self.status {
			MemberStatus::Active => true,
			MemberStatus::Suspended { until } => now >= until,
		}
	}

	/// Whether the member's probation is over at block `now`.
	pub fn is_settled_at(&self, now: &BlockNumberFor<T>) -> bool {
		*now >= self.probation_ends
	}

	/// Sponsorships the member gave in `epoch`.
	pub fn sponsorships_in(&self, epoch: EpochIndex) -> u32 {
		if self.quota.epoch == epoch {
			self.quota.used
		} else {
			0
		}
	}
}

/// A pending application to join, with the deposit it holds and the members who vouched.
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Application<T: Config> {
	/// A hash of, or a link to, the applicant's profile.
	pub metadata: BoundedVec<u8, T::MaxMetadataLen>,
	/// Held from the applicant until the application ends.
	pub deposit: BalanceOf<T>,
	/// Members who vouched for the applicant, each once.
	pub sponsors: BoundedVec<T::AccountId, T::SponsorsRequired>,
}

/// How the DAO admits members, so that a few cannot outgrow the rest before they react: set at
/// genesis, changed only by `set_rules` (a Root-track proposal).
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
pub struct AdmissionRules<BlockNumber> {
	/// Blocks after admission during which a member may neither vote nor sponsor, and does not
	/// count among the eligible voters.
	pub probation: BlockNumber,
	/// The most applicants one member may vouch for in an epoch.
	pub sponsorships_per_epoch: u32,
	/// Admissions by sponsorship per epoch, DAO-wide: this share of the eligible voters …
	pub admissions_share: Perbill,
	/// … but never fewer than this many, so that a young DAO can grow.
	pub admissions_floor: u32,
	/// When the DAO removes a member within this many blocks of their admission, their
	/// sponsors are suspended.
	pub accountability_period: BlockNumber,
	/// How long such sponsors are suspended.
	pub sponsor_suspension: BlockNumber,
	/// A member who has not voted for this many epochs no longer counts among the eligible
	/// voters (until they vote again); at least one.
	pub dormant_after: u32,
	/// The count of eligible voters is at least this share of all members.
	pub quorum_floor: Perbill,
}

/// A minute's probation (ten six-second blocks: short enough for any runtime's bounds), two
/// sponsorships per member and epoch, admissions of a tenth of the eligible voters per epoch (at
/// least three); sponsors answer for a month and are suspended for two weeks; members who have
/// not voted for four epochs are dormant; the count of eligible voters is at least a tenth of the
/// members (in six-second blocks). Each genesis preset sets its own.
impl<BlockNumber: From<u32>> Default for AdmissionRules<BlockNumber> {
	fn default() -> Self {
		Self {
			probation: 10.into(),
			sponsorships_per_epoch: 2,
			admissions_share: Perbill::from_percent(10),
			admissions_floor: 3,
			accountability_period: 432_000.into(),
			sponsor_suspension: 201_600.into(),
			dormant_after: 4,
			quorum_floor: Perbill::from_percent(10),
		}
	}
}

/// The admissions by sponsorship in one epoch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct EpochAdmissions {
	/// The epoch.
	pub epoch: EpochIndex,
	/// How many applicants its sponsorships admitted.
	pub admitted: u32,
}
