//! The records the treasury stores, and the DAO's spending and matching rules.

use crate::{BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::CommonsId;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{SaturatedConversion, Saturating, Zero},
	Perbill,
};

/// How much the DAO may commit from the pot in each spending period: one-off spends, grants and
/// matching pools together. Changed by `SpendRulesOrigin` with `set_spend_rules`.
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
pub struct SpendRulesRecord<BlockNumber> {
	/// The length of a spending period in blocks; not zero. Periods start at block zero.
	pub period: BlockNumber,
	/// The share of the pot that may be committed in one period. The pot here is what is
	/// spendable now plus what was already committed in this period, so the cap does not shrink
	/// as it is used.
	pub max_share: Perbill,
}

impl<BlockNumber: From<u32>> Default for SpendRulesRecord<BlockNumber> {
	/// A week of six-second blocks, a fifth of the pot.
	fn default() -> Self {
		Self { period: 100_800.into(), max_share: Perbill::from_percent(20) }
	}
}

/// What was committed in one spending period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct PeriodSpending<Balance> {
	/// The period: the block number divided by the period length.
	pub period: u32,
	/// What was committed (or paid) in that period.
	pub committed: Balance,
}

/// Where the current spending period stands: one place computes it, for the cap and the views.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SpendingPeriod<BlockNumber> {
	/// The period's number: the block number divided by the period length.
	pub index: u32,
	/// The length of a period in blocks.
	pub length: BlockNumber,
	/// The first block of the next period.
	pub next_starts_at: BlockNumber,
}

/// Money paid out linearly over `duration` blocks from `start`.
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Grant<T: Config> {
	/// Who is paid.
	pub beneficiary: T::AccountId,
	/// The whole grant; cut to what had vested when it is cancelled.
	pub amount: BalanceOf<T>,
	/// What the beneficiary has taken so far.
	pub claimed: BalanceOf<T>,
	/// The block vesting starts in.
	pub start: BlockNumberFor<T>,
	/// Blocks over which `amount` vests; cut to the blocks elapsed when cancelled.
	pub duration: BlockNumberFor<T>,
}

impl<T: Config> Grant<T> {
	/// What has vested by block `now`: `amount × elapsed / duration`, rounded down.
	pub fn vested_at(&self, now: BlockNumberFor<T>) -> BalanceOf<T> {
		let elapsed = now.saturating_sub(self.start).min(self.duration);
		if elapsed == self.duration {
			return self.amount;
		}
		let to_u128 = |x: BlockNumberFor<T>| x.saturated_into::<u128>();
		sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
			self.amount.saturated_into::<u128>(),
			to_u128(elapsed),
			to_u128(self.duration),
			sp_runtime::Rounding::Down,
		)
		.map_or(Zero::zero(), SaturatedConversion::saturated_into)
	}

	/// What the treasury still owes: the unclaimed rest of the grant.
	pub fn owed(&self) -> BalanceOf<T> {
		self.amount.saturating_sub(self.claimed)
	}
}

/// Where a quadratic-funding round stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum RoundStatus<Balance> {
	/// Commons enrol until `enrolment_ends`; gifts to enrolled commons are taken until the
	/// round's end; its pool is earmarked.
	Open,
	/// The commons were paid: `matched` from the pool in all, `returned` went back to the pot.
	Finalized {
		/// What the pool paid the commons.
		matched: Balance,
		/// What the pool did not pay, rounding dust included.
		returned: Balance,
	},
	/// The DAO cancelled the round: its pool went back to the pot and every gift is refunded.
	Cancelled,
}

/// A quadratic-funding round.
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Round<T: Config> {
	/// The matching pool earmarked from the pot.
	pub matching: BalanceOf<T>,
	/// Commons enrol before this block.
	pub enrolment_ends: BlockNumberFor<T>,
	/// Gifts are taken before this block; the round can be finalised from it on.
	pub ends_at: BlockNumberFor<T>,
	/// The sum of all gifts made in the round, refunded ones included.
	pub given: BalanceOf<T>,
	/// Gifts the pot still holds for the round: neither passed on to their commons nor
	/// refunded. They stay earmarked.
	pub unsettled: BalanceOf<T>,
	/// How many (commons, giver) pairs hold a gift now.
	pub gifts: u32,
	/// How many commons take part: enrolled, or paid once finalised.
	pub commons: u32,
	/// How many commons were excluded (by the DAO, by being archived, or with the round): they
	/// keep their record but give their place back.
	pub excluded: u32,
	/// Open, finalised or cancelled.
	pub status: RoundStatus<BalanceOf<T>>,
}

/// Where an enrolled commons stands in its round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum FundingState {
	/// Takes gifts; paid its gifts and its match at finalisation.
	Enrolled,
	/// Excluded by the DAO, archived before finalisation, or in a cancelled round: gets no
	/// match, and its gifts are owed back to their givers until refunded.
	Excluded,
	/// Received its gifts and its match.
	Paid,
	/// Its gifts went back to their givers.
	Refunded,
}

/// One commons' part in one round.
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct CommonsFunding<T: Config> {
	/// The steward who enrolled the commons, and whose `deposit` is held until finalisation.
	pub enrolled_by: T::AccountId,
	/// The enrolment deposit still held; zero once released or slashed.
	pub deposit: BalanceOf<T>,
	/// The sum of the gifts it holds.
	pub given: BalanceOf<T>,
	/// How many members gave to it.
	pub givers: u32,
	/// The share of the matching pool paid at finalisation; zero before.
	pub matched: BalanceOf<T>,
	/// Enrolled, excluded, paid or refunded.
	pub state: FundingState,
}

/// One member's gifts to one commons in one round, summed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Gift<Balance> {
	/// What the member gave.
	pub amount: Balance,
	/// The giver was a steward or the registrant of the commons when giving: the gift is
	/// passed on but never matched.
	pub insider: bool,
}

/// What one commons received when a round was finalised.
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
pub struct Payout<Balance> {
	/// The commons paid.
	pub commons: CommonsId,
	/// Its gifts, passed on.
	pub given: Balance,
	/// Its share of the matching pool.
	pub matched: Balance,
}

/// How the matching pool is shared: set at genesis, changed by `SpendRulesOrigin`.
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
pub struct MatchingRulesRecord<Balance> {
	/// M of pairwise-bounded quadratic funding, in the smallest unit: the subsidy of a pair
	/// of givers is scaled by M / (M + their coordination), so that each pair receives less
	/// than 2·M over a whole round. Not zero. The larger, the closer to plain quadratic
	/// funding.
	pub coordination_bound: Balance,
	/// The largest share of the pool one commons may be matched.
	pub max_match_share: Perbill,
}

impl<Balance: From<u32>> Default for MatchingRulesRecord<Balance> {
	/// A bound so large that matching is plain quadratic funding in practice, a quarter of the
	/// pool per commons at most: the presets choose M for their token.
	fn default() -> Self {
		Self { coordination_bound: u32::MAX.into(), max_match_share: Perbill::from_percent(25) }
	}
}

/// A spend from a commons' account above what one steward may pay alone, awaiting the
/// approval of a majority of the commons' seasoned stewards.
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct CommonsSpend<T: Config> {
	/// Who is paid once the spend is approved.
	pub beneficiary: T::AccountId,
	/// What is paid.
	pub amount: BalanceOf<T>,
	/// The stewards who approved it, its proposer first.
	pub approvals: BoundedVec<T::AccountId, T::MaxApprovals>,
	/// It lapses from this block on; anyone may then remove it.
	pub expires_at: BlockNumberFor<T>,
}
