//! The records the treasury stores, and the DAO's spending rule.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{Deserialize, Serialize};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, SaturatedConversion, Zero},
	Perbill,
};

/// The number of a grant, counted from zero.
pub type GrantIndex = u32;
/// The number of a quadratic-funding round, counted from zero.
pub type RoundIndex = u32;

/// How much the DAO may commit from the pot in each spending period: one-off spends, grants and
/// matching pools together. Changed by the DAO origin with `set_spend_rules`.
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
	Deserialize,
)]
#[serde(crate = "frame_support::__private::serde", rename_all = "camelCase")]
pub struct SpendRules<BlockNumber> {
	/// The length of a spending period in blocks; not zero. Periods start at block zero.
	pub period: BlockNumber,
	/// The share of the pot that may be committed in one period. The pot here is what is
	/// spendable now plus what was already committed in this period, so the cap does not shrink
	/// as it is used.
	pub max_share: Perbill,
}

impl<BlockNumber: From<u32>> Default for SpendRules<BlockNumber> {
	/// A week of six-second blocks, a fifth of the pot.
	fn default() -> Self {
		Self { period: 100_800.into(), max_share: Perbill::from_percent(20) }
	}
}

/// What the DAO committed in the current spending period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct PeriodSpending<Balance> {
	/// The period: the block number divided by the period length.
	pub period: u32,
	pub committed: Balance,
}

/// Money paid out linearly over `duration` blocks from `start`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Grant<AccountId, Balance, BlockNumber> {
	pub beneficiary: AccountId,
	/// The whole grant; cut to what had vested when it is cancelled.
	pub amount: Balance,
	/// What the beneficiary has taken so far.
	pub claimed: Balance,
	pub start: BlockNumber,
	/// Blocks over which `amount` vests; cut to the blocks elapsed when cancelled.
	pub duration: BlockNumber,
}

impl<AccountId, Balance, BlockNumber> Grant<AccountId, Balance, BlockNumber>
where
	Balance: AtLeast32BitUnsigned + Copy,
	BlockNumber: AtLeast32BitUnsigned + Copy,
{
	/// What has vested by block `now`: `amount × elapsed / duration`, rounded down.
	pub fn vested_at(&self, now: BlockNumber) -> Balance {
		let elapsed = now.saturating_sub(self.start).min(self.duration);
		if elapsed == self.duration {
			return self.amount;
		}
		let to_u128 = |x: BlockNumber| x.saturated_into::<u128>();
		sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
			self.amount.saturated_into::<u128>(),
			to_u128(elapsed),
			to_u128(self.duration),
			sp_runtime::Rounding::Down,
		)
		.map_or(Zero::zero(), |vested| vested.saturated_into())
	}

	/// What the treasury still owes: the unclaimed rest of the grant.
	pub fn owed(&self) -> Balance {
		self.amount.saturating_sub(self.claimed)
	}
}

/// Where a quadratic-funding round stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum RoundStatus<Balance> {
	/// Contributions are accepted until the round's end; its money is earmarked.
	Open,
	/// The commons were paid: `matched` from the pool in all, `returned` went back to the pot.
	Finalized { matched: Balance, returned: Balance },
}

/// A quadratic-funding round.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Round<Balance, BlockNumber> {
	/// The matching pool earmarked from the pot.
	pub matching: Balance,
	/// Contributions are accepted before this block; the round can be finalised from it on.
	pub ends_at: BlockNumber,
	/// The sum of all contributions.
	pub contributed: Balance,
	/// How many (commons, contributor) pairs contributed.
	pub contributions: u32,
	/// How many commons received contributions.
	pub commons: u32,
	pub status: RoundStatus<Balance>,
}

/// The contributions to one commons in one round, and what it was matched.
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
pub struct CommonsFunding<Balance> {
	/// The sum of the contributions.
	pub contributed: Balance,
	/// Σ √cᵢ over contributors, each contributor's cᵢ being their contributions summed (integer
	/// square roots of amounts in the smallest unit).
	pub root_sum: u128,
	/// The share of the matching pool paid at finalisation; zero before.
	pub matched: Balance,
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
	pub commons: ostrom_primitives::CommonsId,
	/// Its contributions, passed on.
	pub contributed: Balance,
	/// Its share of the matching pool.
	pub matched: Balance,
}
