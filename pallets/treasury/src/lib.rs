//! # Treasury pallet
//!
//! The DAO's shared purse: what fills it, and how the DAO pays the commons from it.
//!
//! ## Overview
//!
//! The pot is an account derived from `PalletId`; it always keeps the existential deposit (the
//! genesis tops it up). It fills from donations, and from whatever the runtime hands it as
//! unbalanced credit ([`OnUnbalanced`]): a share of transaction fees and slashed deposits.
//!
//! The DAO origin (a passed proposal) pays out three ways: a one-off [`spend`](Pallet::spend),
//! a grant vesting linearly over some blocks ([`grant`](Pallet::grant)), and the
//! matching pool of a quadratic-funding round ([`open_round`](Pallet::open_round)). What the
//! DAO commits these ways in one spending period is capped by [`SpendRules`]. Money owed but
//! not yet paid — open rounds' pools and gifts, grants' unclaimed rest — is
//! *earmarked*: it stays in the pot and cannot be committed again.
//!
//! In a quadratic-funding round the stewards of active commons enrol them during the round's
//! enrolment window, holding `EnrolmentDeposit`; members give to enrolled commons until the
//! round ends. Then anyone finalises it: each commons receives its gifts plus a match from the
//! pool following [`funding`]: pairwise-bounded quadratic funding, so that many small
//! independent gifts weigh more than large ones and a pair of givers who co-fund a lot earns
//! less than `2·M` in all, with a cap per commons; a commons' insiders (stewards, registrant)
//! get no match for their own gifts. What the pool does not pay, rounding dust included, stays
//! in the pot. The DAO may exclude a commons from a round (its deposit goes to the pot) or
//! cancel a round; the gifts of an excluded, archived or cancelled commons are owed back to
//! their givers, and anyone refunds them with [`refund_gifts`](Pallet::refund_gifts).
//!
//! Payouts to a commons go to its own account, derived from `PalletId` and the commons' id, so
//! that the money belongs to the commons rather than to one person and survives changes of
//! stewards. One acting steward may pay up to `StewardAllowance` from it per spending period;
//! larger spends need the approval of a majority of its seasoned stewards (acting, and appointed
//! long enough ago that the other stewards and the DAO saw the appointment), which a lone
//! seasoned steward is. A commons without an acting steward is frozen until the DAO appoints
//! one.
//!
//! ## Dispatchable functions
//!
//! - [`donate`](Pallet::donate) — signed, anyone.
//! - [`spend`](Pallet::spend), [`grant`](Pallet::grant),
//!   [`cancel_grant`](Pallet::cancel_grant), [`open_round`](Pallet::open_round),
//!   [`exclude_commons`](Pallet::exclude_commons), [`cancel_round`](Pallet::cancel_round) —
//!   `DaoOrigin`.
//! - [`set_spend_rules`](Pallet::set_spend_rules),
//!   [`set_matching_rules`](Pallet::set_matching_rules) — `SpendRulesOrigin`.
//! - [`claim_grant`](Pallet::claim_grant) — signed, a grant's beneficiary;
//!   [`claim_grant_for`](Pallet::claim_grant_for) — signed, anyone, paying the beneficiary.
//! - [`enrol`](Pallet::enrol) — signed, an acting steward of the commons.
//! - [`give`](Pallet::give) — signed, an active member.
//! - [`finalize_round`](Pallet::finalize_round) — signed, anyone, once the round has ended.
//! - [`refund_gifts`](Pallet::refund_gifts) — signed, anyone.
//! - [`spend_commons_funds`](Pallet::spend_commons_funds),
//!   [`propose_commons_spend`](Pallet::propose_commons_spend),
//!   [`approve_commons_spend`](Pallet::approve_commons_spend) — signed, an acting steward of the
//!   commons; [`remove_commons_spend`](Pallet::remove_commons_spend) — an acting steward or the
//!   DAO, or anyone once it lapsed.
//!
//! ## Configuration
//!
//! `Currency` holds the money and enrolment deposits; `DaoOrigin` decides spending and
//! `SpendRulesOrigin` (stricter) its cap and the matching rules; `Membership` says who may give;
//! `Commons` says which commons are active and who stewards them. Bounds: `MinGift`
//! (at least the existential deposit, so that every payout can open a commons' account),
//! `MaxGiftsPerRound`, `MaxCommonsPerRound`, `MaxGiversPerCommons`,
//! `MaxCommonsPerGiver` (together they bound what finalising a round computes),
//! `MaxRoundDuration`, `MaxPendingCommonsSpends`, `MaxApprovals`, and `MaxOpenRounds` and
//! `MaxLiveGrants`, which bound the indexes of open rounds and live grants that the views read
//! instead of scanning every round and grant ever made.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;

mod author_fees;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod commons_funds;
pub mod funding;
mod grants;
mod indexes;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod pot;
mod rounds;
mod spends;
#[cfg(test)]
mod tests;
pub mod types;
mod unbalanced;
pub mod views;
pub mod weights;

pub use author_fees::{BlockAuthor, ToBlockAuthor};
pub use types::{
	CommonsFunding, CommonsSpend, FundingState, Gift, Grant, MatchingRulesRecord, Payout,
	PeriodSpending, Round, RoundStatus, SpendRulesRecord, SpendingPeriod,
};
pub use views::{CommonsProjection, GrantSummary, TreasuryOverview};
pub use weights::WeightInfo;

use frame_support::traits::fungible::{Credit, Inspect};

/// The balance type of the treasury's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// Funds handed to the pot as unbalanced credit: fees and slashes.
pub type CreditOf<T> = Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Balanced, Mutate, MutateHold},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::{
		CommonsId, CommonsInspect, CommonsSpendId, GrantId, MembershipInspect, RoundId,
	};

	/// What the pot pays each commons when a round is finalised.
	pub type PayoutsOf<T> = BoundedVec<Payout<BalanceOf<T>>, <T as Config>::MaxCommonsPerRound>;
	/// One giver's gifts in one round, by commons, sorted by commons.
	pub type GiverGiftsOf<T> =
		BoundedVec<(CommonsId, BalanceOf<T>), <T as Config>::MaxCommonsPerGiver>;
	/// The spends from one commons' account awaiting approval.
	pub type PendingSpendsOf<T> =
		BoundedVec<(CommonsSpendId, CommonsSpend<T>), <T as Config>::MaxPendingCommonsSpends>;
	/// The open rounds, sorted: at most `MaxOpenRounds`.
	pub type OpenRoundsOf<T> = BoundedVec<RoundId, <T as Config>::MaxOpenRounds>;
	/// The grants with money left to pay, sorted: at most `MaxLiveGrants`.
	pub type LiveGrantsOf<T> = BoundedVec<GrantId, <T as Config>::MaxLiveGrants>;

	/// The layout of this pallet's storage. Version 0 is the layout of runtime 100; a change
	/// of a stored type raises it and adds a migration (see `docs/upgrades.md`). Version 1 adds
	/// the indexes `OpenRounds` and `LiveGrants` (`migrations::v1`).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The treasury pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The token the pot holds; holds enrolment deposits.
		type Currency: Mutate<Self::AccountId>
			+ Balanced<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason, which includes this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Derives the pot's account and the commons' accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Spends, makes and cancels grants, opens and cancels rounds, excludes commons.
		type DaoOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Sets the spending and matching rules: stricter than `DaoOrigin`, or the origin the
		/// cap limits could lift it.
		type SpendRulesOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who may give to rounds.
		type Membership: MembershipInspect<Self::AccountId, BlockNumberFor<Self>>;

		/// Which commons may be funded, and who stewards them.
		type Commons: CommonsInspect<Self::AccountId>;

		/// The smallest gift; at least the existential deposit.
		#[pallet::constant]
		type MinGift: Get<BalanceOf<Self>>;

		/// Held from the steward who enrols a commons in a round until the round is finalised
		/// or cancelled; goes to the pot if the DAO excludes the commons.
		#[pallet::constant]
		type EnrolmentDeposit: Get<BalanceOf<Self>>;

		/// The most gifts ((commons, giver) pairs) in one round.
		#[pallet::constant]
		type MaxGiftsPerRound: Get<u32>;

		/// The most commons enrolled in one round.
		#[pallet::constant]
		type MaxCommonsPerRound: Get<u32>;

		/// The most givers to one commons in one round: bounds the pairs finalising visits.
		#[pallet::constant]
		type MaxGiversPerCommons: Get<u32>;

		/// The most commons one member gives to in one round: bounds each coordination sum.
		#[pallet::constant]
		type MaxCommonsPerGiver: Get<u32>;

		/// The longest a round may take gifts, so that no round holds members' money for good.
		#[pallet::constant]
		type MaxRoundDuration: Get<BlockNumberFor<Self>>;

		/// What one acting steward may pay alone from a commons' account per spending period.
		#[pallet::constant]
		type StewardAllowance: Get<BalanceOf<Self>>;

		/// The most spends awaiting approval per commons.
		#[pallet::constant]
		type MaxPendingCommonsSpends: Get<u32>;

		/// The most approvals a spend can gather: the commons registry's most stewards.
		#[pallet::constant]
		type MaxApprovals: Get<u32>;

		/// How long a proposed spend from a commons' account waits for approvals.
		#[pallet::constant]
		type CommonsSpendLifetime: Get<BlockNumberFor<Self>>;

		/// The most rounds open at once, ended ones that no one finalised yet included: bounds
		/// the index of open rounds that the views read. Keep it within the views' page, so that
		/// every open round is listed. Lowering it below the rounds open on a chain needs a
		/// migration: a longer index would not decode.
		#[pallet::constant]
		type MaxOpenRounds: Get<u32>;

		/// The most grants with money left to pay at once: bounds the index of live grants
		/// that the views read. Lowering it below the live grants on a chain needs a migration:
		/// a longer index would not decode.
		#[pallet::constant]
		type MaxLiveGrants: Get<u32>;

		/// Who authored the current block: paid its share of the block's fees when it ends.
		type Author: BlockAuthor<Self::AccountId>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a commons enrolled in a round that is not finalised yet.
		Enrolment,
	}

	/// How much the DAO may commit per period.
	#[pallet::storage]
	pub type SpendRules<T: Config> =
		StorageValue<_, SpendRulesRecord<BlockNumberFor<T>>, ValueQuery>;

	/// How matching pools are shared.
	#[pallet::storage]
	pub type MatchingRules<T: Config> =
		StorageValue<_, MatchingRulesRecord<BalanceOf<T>>, ValueQuery>;

	/// What the DAO committed in the current (or last) spending period.
	#[pallet::storage]
	pub type Spending<T: Config> = StorageValue<_, PeriodSpending<BalanceOf<T>>, ValueQuery>;

	/// Money in the pot that is owed: open rounds' pools, gifts not yet passed on or refunded,
	/// grants' unclaimed rest.
	#[pallet::storage]
	pub type Earmarked<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// What this block's transactions owe its author, held in the pot until the block ends (and
	/// zero between blocks). Written by every transaction, it is whitelisted: its one write per
	/// block is counted in `on_initialize`.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type AuthorFees<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Every grant with money left to pay; a grant fully paid is removed.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageMap<_, Twox64Concat, GrantId, Grant<T>>;

	/// The identifier the next grant gets.
	#[pallet::storage]
	pub type NextGrantId<T: Config> = StorageValue<_, GrantId, ValueQuery>;

	/// The identifier of every grant with money left to pay (the keys of `Grants`), ascending:
	/// what the views list, in one read, however many grants were ever made.
	#[pallet::storage]
	pub type LiveGrants<T: Config> = StorageValue<_, LiveGrantsOf<T>, ValueQuery>;

	/// Every round, open or not.
	#[pallet::storage]
	pub type Rounds<T: Config> = StorageMap<_, Twox64Concat, RoundId, Round<T>>;

	/// The identifier the next round gets.
	#[pallet::storage]
	pub type NextRoundId<T: Config> = StorageValue<_, RoundId, ValueQuery>;

	/// The identifier of every round whose status is `Open`, ascending: what the views list, in
	/// one read, however many rounds were finalised before.
	#[pallet::storage]
	pub type OpenRounds<T: Config> = StorageValue<_, OpenRoundsOf<T>, ValueQuery>;

	/// Each enrolled commons' part in each round.
	#[pallet::storage]
	pub type RoundCommons<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RoundId, Twox64Concat, CommonsId, CommonsFunding<T>>;

	/// Each member's gifts to each commons in each round, summed.
	#[pallet::storage]
	pub type Gifts<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, RoundId>,
			NMapKey<Twox64Concat, CommonsId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		Gift<BalanceOf<T>>,
	>;

	/// Each member's gifts in each round, by commons: what their coordination with others is
	/// computed from.
	#[pallet::storage]
	pub type GiverGifts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		RoundId,
		Blake2_128Concat,
		T::AccountId,
		GiverGiftsOf<T>,
		ValueQuery,
	>;

	/// What one steward paid alone from each commons' account in the current (or last)
	/// spending period.
	#[pallet::storage]
	pub type StewardSpending<T: Config> =
		StorageMap<_, Twox64Concat, CommonsId, PeriodSpending<BalanceOf<T>>, ValueQuery>;

	/// Spends from each commons' account awaiting approval.
	#[pallet::storage]
	pub type CommonsSpends<T: Config> =
		StorageMap<_, Twox64Concat, CommonsId, PendingSpendsOf<T>, ValueQuery>;

	/// The identifier the next proposed spend from each commons' account gets.
	#[pallet::storage]
	pub type NextCommonsSpendId<T: Config> =
		StorageMap<_, Twox64Concat, CommonsId, CommonsSpendId, ValueQuery>;

	/// The treasury's rules at genesis.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The length of a spending period in blocks; not zero.
		pub spend_period: BlockNumberFor<T>,
		/// The share of the pot the DAO may commit per spending period.
		pub max_spend_share: sp_runtime::Perbill,
		/// M of pairwise-bounded quadratic funding, in the smallest unit; not zero.
		pub coordination_bound: BalanceOf<T>,
		/// The largest share of a round's pool one commons may be matched.
		pub max_match_share: sp_runtime::Perbill,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		/// The default rules of `SpendRulesRecord` and `MatchingRulesRecord`.
		fn default() -> Self {
			let spend_rules = SpendRulesRecord::default();
			let matching_rules = MatchingRulesRecord::default();
			Self {
				spend_period: spend_rules.period,
				max_spend_share: spend_rules.max_share,
				coordination_bound: matching_rules.coordination_bound,
				max_match_share: matching_rules.max_match_share,
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let spend_rules =
				SpendRulesRecord { period: self.spend_period, max_share: self.max_spend_share };
			let matching_rules = MatchingRulesRecord {
				coordination_bound: self.coordination_bound,
				max_match_share: self.max_match_share,
			};
			Pallet::<T>::validate_spend_rules(&spend_rules)
				.expect("the genesis spending rule is valid");
			Pallet::<T>::validate_matching_rules(&matching_rules)
				.expect("the genesis matching rules are valid");
			SpendRules::<T>::put(spend_rules);
			MatchingRules::<T>::put(matching_rules);
			// The pot must exist to take fees and slashes of any size.
			Pallet::<T>::ensure_pot_exists().expect("the pot can be created");
		}
	}

	/// What happened in the treasury.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The block's author was paid their share of its fees.
		AuthorPaid {
			/// The block's author.
			author: T::AccountId,
			/// Their share of the block's fees and all its tips.
			amount: BalanceOf<T>,
		},
		/// Money came into the pot.
		Deposited {
			/// The donor; `None` for fees and slashes.
			from: Option<T::AccountId>,
			/// What came in.
			amount: BalanceOf<T>,
		},
		/// The DAO paid from the pot.
		Spent {
			/// Who was paid.
			beneficiary: T::AccountId,
			/// What was paid.
			amount: BalanceOf<T>,
		},
		/// The DAO created a grant.
		GrantCreated {
			/// The new grant.
			grant: GrantId,
			/// Who is paid as it vests.
			beneficiary: T::AccountId,
			/// The whole grant.
			amount: BalanceOf<T>,
			/// The block vesting starts in.
			start: BlockNumberFor<T>,
			/// The blocks over which it vests.
			duration: BlockNumberFor<T>,
		},
		/// The beneficiary of a grant was paid what had vested.
		GrantClaimed {
			/// The grant.
			grant: GrantId,
			/// Who was paid.
			beneficiary: T::AccountId,
			/// What was paid.
			amount: BalanceOf<T>,
		},
		/// The DAO stopped a grant; its unvested rest went back to what the pot can spend.
		GrantCancelled {
			/// The grant.
			grant: GrantId,
			/// What will no longer vest.
			unvested: BalanceOf<T>,
		},
		/// The DAO opened a quadratic-funding round.
		RoundOpened {
			/// The new round.
			round: RoundId,
			/// Its matching pool.
			matching: BalanceOf<T>,
			/// Commons enrol before this block.
			enrolment_ends: BlockNumberFor<T>,
			/// Gifts are taken before this block.
			ends_at: BlockNumberFor<T>,
		},
		/// A steward enrolled a commons in a round.
		CommonsEnrolled {
			/// The round.
			round: RoundId,
			/// The commons.
			commons: CommonsId,
			/// The steward, from whom `deposit` is held.
			steward: T::AccountId,
			/// The enrolment deposit.
			deposit: BalanceOf<T>,
		},
		/// A member gave to a commons in a round.
		Given {
			/// The round.
			round: RoundId,
			/// The commons.
			commons: CommonsId,
			/// The member who gave.
			giver: T::AccountId,
			/// What they gave.
			amount: BalanceOf<T>,
		},
		/// A commons gets no match in a round: the DAO excluded it, or it was archived. Its gifts
		/// are owed back.
		CommonsExcluded {
			/// The round.
			round: RoundId,
			/// The commons.
			commons: CommonsId,
			/// Its enrolment deposit, gone to the pot when the DAO excluded it; zero when it was
			/// archived.
			slashed: BalanceOf<T>,
		},
		/// The DAO cancelled a round: its pool went back to the pot; every gift is owed back.
		RoundCancelled {
			/// The round.
			round: RoundId,
		},
		/// The gifts to a commons in a round went back to their givers.
		GiftsRefunded {
			/// The round.
			round: RoundId,
			/// The commons.
			commons: CommonsId,
			/// How many members were refunded.
			givers: u32,
			/// What they were refunded in all.
			amount: BalanceOf<T>,
		},
		/// A round was finalised.
		RoundFinalized {
			/// The round.
			round: RoundId,
			/// What each commons received.
			payouts: PayoutsOf<T>,
			/// What of the pool stayed in the pot.
			returned: BalanceOf<T>,
		},
		/// Money was paid from a commons' account.
		CommonsFundsSpent {
			/// The commons.
			commons: CommonsId,
			/// The steward who paid alone or, for an approved spend, whose approval made the
			/// majority.
			steward: T::AccountId,
			/// Who was paid.
			beneficiary: T::AccountId,
			/// What was paid.
			amount: BalanceOf<T>,
		},
		/// A steward proposed paying from a commons' account; it needs the approval of a
		/// majority of the commons' seasoned stewards.
		CommonsSpendProposed {
			/// The commons.
			commons: CommonsId,
			/// The new spend.
			spend: CommonsSpendId,
			/// The steward who proposed it, and approves it.
			steward: T::AccountId,
			/// Who would be paid.
			beneficiary: T::AccountId,
			/// What would be paid.
			amount: BalanceOf<T>,
		},
		/// A steward approved a pending spend from a commons' account.
		CommonsSpendApproved {
			/// The commons.
			commons: CommonsId,
			/// The spend.
			spend: CommonsSpendId,
			/// The steward who approved it.
			steward: T::AccountId,
		},
		/// A pending spend from a commons' account was withdrawn, or had lapsed.
		CommonsSpendRemoved {
			/// The commons.
			commons: CommonsId,
			/// The spend.
			spend: CommonsSpendId,
		},
		/// The DAO changed its spending rule.
		SpendRulesChanged {
			/// The new rule.
			rules: SpendRulesRecord<BlockNumberFor<T>>,
		},
		/// The DAO changed how matching pools are shared.
		MatchingRulesChanged {
			/// The new rules.
			rules: MatchingRulesRecord<BalanceOf<T>>,
		},
	}
	/// Why a treasury call failed.
	#[pallet::error]
	pub enum Error<T> {
		/// The amount must not be zero.
		ZeroAmount,
		/// A duration must be at least one block.
		ZeroDuration,
		/// A round may take gifts for at most `MaxRoundDuration` blocks, and its enrolment
		/// must end before it does.
		RoundTooLong,
		/// The pot cannot pay itself.
		PotIsBeneficiary,
		/// A grant must be at least the existential deposit, or it could never be claimed by a
		/// new account.
		GrantTooSmall,
		/// The grant has nothing left to vest.
		NothingToCancel,
		/// The caller cannot pay this amount (or the deposit) and keep their account alive.
		InsufficientBalance,
		/// The pot has not this much that is not earmarked.
		InsufficientFunds,
		/// This would commit more than the spending rule allows in this period.
		OverSpendCap,
		/// The beneficiary's account cannot take this amount (below the existential deposit
		/// for a new account).
		BeneficiaryCannotReceive,
		/// A spending period must be at least one block.
		InvalidSpendRules,
		/// The coordination bound must not be zero.
		InvalidMatchingRules,
		/// No grant has this number.
		UnknownGrant,
		/// Only the grant's beneficiary may claim it this way; anyone may `claim_grant_for` it.
		NotBeneficiary,
		/// Nothing more of the grant has vested yet.
		NothingToClaim,
		/// No round has this number.
		UnknownRound,
		/// The round no longer takes gifts.
		RoundEnded,
		/// The round takes gifts until its end; it can be finalised only after.
		RoundNotEnded,
		/// The round was finalised or cancelled already.
		RoundNotOpen,
		/// The round's enrolment window is over.
		EnrolmentClosed,
		/// The commons is enrolled in this round already.
		AlreadyEnrolled,
		/// The commons is not enrolled in this round, or was excluded from it.
		NotEnrolled,
		/// The commons' gifts are not owed back: it is enrolled or paid, or they were refunded.
		NothingToRefund,
		/// The caller is not an active member.
		NotActiveMember,
		/// The commons is unknown or archived.
		CommonsNotActive,
		/// A gift must be at least `MinGift`.
		GiftTooSmall,
		/// The round has `MaxGiftsPerRound` gifts already.
		TooManyGiftsInRound,
		/// The round has `MaxCommonsPerRound` commons already.
		TooManyCommons,
		/// The commons has `MaxGiversPerCommons` givers in this round already.
		TooManyGivers,
		/// The giver gave to `MaxCommonsPerGiver` commons in this round already.
		TooManyCommonsForGiver,
		/// The caller is not an acting steward of the commons.
		NotSteward,
		/// The commons has no acting steward: nothing is paid from its account until the DAO
		/// appoints one.
		CommonsFrozen,
		/// The commons' account has not this much.
		InsufficientCommonsFunds,
		/// The commons' account would keep less than the existential deposit, which would be
		/// lost: pay all of it, or leave at least the existential deposit.
		WouldLeaveDust,
		/// One steward may pay at most `StewardAllowance` per spending period from a commons'
		/// account; propose larger spends to the other stewards.
		OverStewardAllowance,
		/// The commons has `MaxPendingCommonsSpends` spends awaiting approval already.
		TooManyPendingSpends,
		/// No pending spend of this commons has this number.
		UnknownCommonsSpend,
		/// This steward approved this spend already.
		AlreadyApproved,
		/// The spend has more approvals than `MaxApprovals` allows.
		TooManyApprovals,
		/// The spend waited longer than `CommonsSpendLifetime`: it can only be removed.
		CommonsSpendLapsed,
		/// Only the commons' acting stewards or the DAO remove a spend that has not lapsed.
		SpendNotLapsed,
		/// No more grants, rounds or spends can be numbered.
		IdsExhausted,
		/// `MaxOpenRounds` rounds are open already: finalise one that has ended (anyone may), or
		/// cancel one.
		TooManyOpenRounds,
		/// `MaxLiveGrants` grants have money left to pay already: pay out one that has vested
		/// (`claim_grant_for`, anyone may), or cancel one.
		TooManyLiveGrants,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Reserves what paying the author costs at the end of the block, and one write of the
		/// pot: fees write it in every block, so benchmarks whitelist it and count it here.
		fn on_initialize(_block: BlockNumberFor<T>) -> Weight {
			T::WeightInfo::pay_block_author().saturating_add(T::DbWeight::get().writes(1))
		}

		fn on_finalize(_block: BlockNumberFor<T>) {
			Self::pay_block_author();
		}

		fn integrity_test() {
			assert!(
				T::MinGift::get() >= T::Currency::minimum_balance(),
				"MinGift must be at least the existential deposit"
			);
			assert!(T::MaxCommonsPerRound::get() > 0, "MaxCommonsPerRound must not be zero");
			assert!(T::MaxApprovals::get() > 0, "MaxApprovals must not be zero");
			assert!(T::MaxOpenRounds::get() > 0, "MaxOpenRounds must not be zero");
			assert!(T::MaxLiveGrants::get() > 0, "MaxLiveGrants must not be zero");
			// The largest round is finalised in one transaction: it must fit one.
			let largest = Self::finalize_round_weight(
				Self::max_commons_records(),
				T::MaxGiftsPerRound::get(),
				Self::max_pairs(),
			);
			let normal = T::BlockWeights::get().get(DispatchClass::Normal).max_extrinsic;
			assert!(
				normal.is_none_or(|limit| largest.all_lte(limit)),
				"finalising the largest round must fit a normal transaction"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Gives `amount` to the pot.
		///
		/// Origin: signed, anyone who keeps their existential deposit. Emits `Deposited`.
		/// Errors: `ZeroAmount`, `InsufficientBalance`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::donate())]
		pub fn donate(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			Self::do_donate(ensure_signed(origin)?, amount)
		}

		/// Pays `amount` from the pot to `beneficiary`.
		///
		/// Origin: `DaoOrigin`. Counts against this period's cap. Emits `Spent`.
		/// Errors: `PotIsBeneficiary`, `ZeroAmount`, `InsufficientFunds`, `OverSpendCap`,
		/// `BeneficiaryCannotReceive`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::spend())]
		pub fn spend(
			origin: OriginFor<T>,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::DaoOrigin::ensure_origin(origin)?;
			Self::do_spend(beneficiary, amount)
		}

		/// Creates a grant of `amount` to `beneficiary`, vesting linearly over `blocks` from
		/// now; the beneficiary claims what has vested whenever they like.
		///
		/// Origin: `DaoOrigin`. Counts against this period's cap; earmarks `amount`.
		/// Emits `GrantCreated`. Errors: `ZeroDuration`, `PotIsBeneficiary`, `GrantTooSmall`,
		/// `IdsExhausted`, `TooManyLiveGrants`, `ZeroAmount`, `InsufficientFunds`,
		/// `OverSpendCap`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::grant())]
		pub fn grant(
			origin: OriginFor<T>,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::DaoOrigin::ensure_origin(origin)?;
			Self::do_grant(beneficiary, amount, blocks)
		}

		/// Pays the caller, the beneficiary of `grant`, what has vested and was not claimed
		/// yet. A grant fully paid is removed.
		///
		/// Origin: signed by the grant's beneficiary. Emits `GrantClaimed`.
		/// Errors: `UnknownGrant`, `NotBeneficiary`, `NothingToClaim`,
		/// `BeneficiaryCannotReceive`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::claim_grant())]
		pub fn claim_grant(origin: OriginFor<T>, grant: GrantId) -> DispatchResult {
			Self::do_claim_grant(grant, Some(ensure_signed(origin)?))
		}

		/// Stops `grant`: what has vested stays claimable, the unvested rest is released.
		///
		/// Origin: `DaoOrigin`. Emits `GrantCancelled`. Errors: `UnknownGrant`, `NothingToCancel`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_grant())]
		pub fn cancel_grant(origin: OriginFor<T>, grant: GrantId) -> DispatchResult {
			T::DaoOrigin::ensure_origin(origin)?;
			Self::do_cancel_grant(grant)
		}

		/// Opens a quadratic-funding round with a matching pool of `matching`: commons enrol
		/// for `enrolment` blocks, gifts are taken for `duration` blocks from now.
		///
		/// Origin: `DaoOrigin`. Counts against this period's cap; earmarks `matching`.
		/// Emits `RoundOpened`. Errors: `ZeroDuration`, `RoundTooLong`, `IdsExhausted`,
		/// `TooManyOpenRounds`, `ZeroAmount`, `InsufficientFunds`, `OverSpendCap`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::open_round())]
		pub fn open_round(
			origin: OriginFor<T>,
			matching: BalanceOf<T>,
			enrolment: BlockNumberFor<T>,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			T::DaoOrigin::ensure_origin(origin)?;
			Self::do_open_round(matching, enrolment, duration)
		}

		/// Gives `amount` to the enrolled `commons` through `round`: the pot keeps it,
		/// earmarked, until the round is finalised and the commons is paid, or until it is
		/// refunded. A gift by a steward or the registrant of the commons is passed on but not
		/// matched.
		///
		/// Origin: signed by an active member who keeps their existential deposit.
		/// Emits `Given`. Errors: `NotActiveMember`, `UnknownRound`, `RoundEnded`,
		/// `NotEnrolled`, `CommonsNotActive`, `GiftTooSmall`, `TooManyGiftsInRound`,
		/// `TooManyGivers`, `TooManyCommonsForGiver`, `InsufficientBalance`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::give())]
		pub fn give(
			origin: OriginFor<T>,
			round: RoundId,
			commons: CommonsId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			Self::do_give(ensure_signed(origin)?, round, commons, amount)
		}

		/// Finalises `round`: each enrolled commons still active is paid its gifts plus its
		/// pairwise-bounded match (see [`funding`]) into its account, and its enrolment deposit
		/// is released; an archived one gets no match and its gifts are owed back. The rest of
		/// the pool stays in the pot. All of it in one call: the bounds on commons, givers and
		/// gifts per round keep the worst case within a block.
		///
		/// Origin: signed, anyone, from the round's end on. Emits `CommonsExcluded` for each
		/// archived commons, then `RoundFinalized`. Errors: `UnknownRound`, `RoundNotOpen`,
		/// `RoundNotEnded`, `BeneficiaryCannotReceive`, `TooManyCommons`.
		#[pallet::call_index(7)]
		#[pallet::weight(Pallet::<T>::finalize_round_weight(
			Pallet::<T>::max_commons_records(),
			T::MaxGiftsPerRound::get(),
			Pallet::<T>::max_pairs(),
		))]
		pub fn finalize_round(origin: OriginFor<T>, round: RoundId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_finalize_round(round)
		}

		/// Pays `amount` from the account of `commons` to `beneficiary`, within what one
		/// steward may pay alone this spending period (`StewardAllowance`, for all stewards of
		/// the commons together); larger spends go through `propose_commons_spend`.
		///
		/// Origin: signed by an acting steward of the commons (which may be archived).
		/// Emits `CommonsFundsSpent`. Errors: `ZeroAmount`, `NotSteward`, `CommonsFrozen`,
		/// `OverStewardAllowance`, `InsufficientCommonsFunds`, `WouldLeaveDust`,
		/// `BeneficiaryCannotReceive`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::spend_commons_funds())]
		pub fn spend_commons_funds(
			origin: OriginFor<T>,
			commons: CommonsId,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			Self::do_spend_commons_funds(ensure_signed(origin)?, commons, beneficiary, amount)
		}

		/// Sets how much the DAO may commit per spending period. What was committed in the
		/// current period still counts.
		///
		/// Origin: `SpendRulesOrigin`. Emits `SpendRulesChanged`. Errors: `InvalidSpendRules`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_spend_rules())]
		pub fn set_spend_rules(
			origin: OriginFor<T>,
			rules: SpendRulesRecord<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::SpendRulesOrigin::ensure_origin(origin)?;
			Self::do_set_spend_rules(rules)
		}

		/// Pays the beneficiary of `grant` what has vested and was not claimed yet, so that a
		/// grant to an account that cannot sign (a commons' account, a lost key) is paid all
		/// the same. A grant fully paid is removed.
		///
		/// Origin: signed, anyone (who pays the fee). Emits `GrantClaimed`.
		/// Errors: `UnknownGrant`, `NothingToClaim`, `BeneficiaryCannotReceive`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::claim_grant())]
		pub fn claim_grant_for(origin: OriginFor<T>, grant: GrantId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim_grant(grant, None)
		}

		/// Enrols `commons` in `round`, holding `EnrolmentDeposit` from the caller until the
		/// round is finalised or cancelled.
		///
		/// Origin: signed by an acting steward of the active commons, before the round's
		/// enrolment ends. Emits `CommonsEnrolled`. Errors: `UnknownRound`, `RoundNotOpen`,
		/// `EnrolmentClosed`, `CommonsNotActive`, `NotSteward`, `AlreadyEnrolled`,
		/// `TooManyCommons`, `InsufficientBalance`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::enrol())]
		pub fn enrol(origin: OriginFor<T>, round: RoundId, commons: CommonsId) -> DispatchResult {
			Self::do_enrol(ensure_signed(origin)?, round, commons)
		}

		/// Excludes `commons` from the open `round`: it gets no match and takes no more gifts;
		/// its enrolment deposit goes to the pot; its gifts are owed back (`refund_gifts`).
		///
		/// Origin: `DaoOrigin`. Emits `CommonsExcluded`. Errors: `UnknownRound`,
		/// `RoundNotOpen`, `NotEnrolled`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::exclude_commons())]
		pub fn exclude_commons(
			origin: OriginFor<T>,
			round: RoundId,
			commons: CommonsId,
		) -> DispatchResult {
			T::DaoOrigin::ensure_origin(origin)?;
			Self::do_exclude_commons(round, commons)
		}

		/// Cancels the open `round`: its pool goes back to what the pot can spend (and to this
		/// period's cap, if committed in it), the enrolment deposits are released, and every gift
		/// is owed back (`refund_gifts`).
		///
		/// Origin: `DaoOrigin`. Emits `RoundCancelled`. Errors: `UnknownRound`,
		/// `RoundNotOpen`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::cancel_round(Pallet::<T>::max_commons_records()))]
		pub fn cancel_round(origin: OriginFor<T>, round: RoundId) -> DispatchResultWithPostInfo {
			T::DaoOrigin::ensure_origin(origin)?;
			Self::do_cancel_round(round)
		}

		/// Pays back every gift to `commons` in `round` to its giver, once the commons was
		/// excluded by the DAO, found archived at finalisation, or its round cancelled.
		///
		/// Origin: signed, anyone. Emits `GiftsRefunded`. Errors: `UnknownRound`,
		/// `NotEnrolled`, `NothingToRefund`, `BeneficiaryCannotReceive`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::refund_gifts(T::MaxGiversPerCommons::get()))]
		pub fn refund_gifts(
			origin: OriginFor<T>,
			round: RoundId,
			commons: CommonsId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_refund_gifts(round, commons)
		}

		/// Sets how matching pools are shared from now on, finalisations of open rounds
		/// included.
		///
		/// Origin: `SpendRulesOrigin`. Emits `MatchingRulesChanged`.
		/// Errors: `InvalidMatchingRules`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::set_matching_rules())]
		pub fn set_matching_rules(
			origin: OriginFor<T>,
			rules: MatchingRulesRecord<BalanceOf<T>>,
		) -> DispatchResult {
			T::SpendRulesOrigin::ensure_origin(origin)?;
			Self::do_set_matching_rules(rules)
		}

		/// Proposes paying `amount` from the account of `commons` to `beneficiary`, with the
		/// caller's approval; it is paid once a majority of the commons' seasoned stewards
		/// approved it, and lapses after `CommonsSpendLifetime` blocks. Lapsed spends of the
		/// commons are removed first, to make room.
		///
		/// Origin: signed by an acting steward of the commons. Emits `CommonsSpendRemoved` for
		/// each lapsed spend, `CommonsSpendProposed`, and `CommonsFundsSpent` if the caller alone
		/// is a majority. Errors: `ZeroAmount`, `NotSteward`, `CommonsFrozen`,
		/// `TooManyPendingSpends`, `IdsExhausted`, and on payment `InsufficientCommonsFunds`,
		/// `WouldLeaveDust`, `BeneficiaryCannotReceive`.
		#[pallet::call_index(16)]
		#[pallet::weight(Pallet::<T>::counting_approvals(T::WeightInfo::propose_commons_spend()))]
		pub fn propose_commons_spend(
			origin: OriginFor<T>,
			commons: CommonsId,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			Self::do_propose_commons_spend(ensure_signed(origin)?, commons, beneficiary, amount)
		}

		/// Approves the pending `spend` from the account of `commons`; the approval that makes
		/// a majority of the seasoned stewards (acting, and appointed long enough ago; other
		/// approvals do not count) pays it.
		///
		/// Origin: signed by an acting steward of the commons. Emits `CommonsSpendApproved`,
		/// and `CommonsFundsSpent` when paid. Errors: `NotSteward`, `CommonsFrozen`,
		/// `UnknownCommonsSpend`, `CommonsSpendLapsed`, `AlreadyApproved`, `TooManyApprovals`,
		/// and on payment `InsufficientCommonsFunds`, `WouldLeaveDust`,
		/// `BeneficiaryCannotReceive`.
		#[pallet::call_index(17)]
		#[pallet::weight(Pallet::<T>::counting_approvals(T::WeightInfo::approve_commons_spend()))]
		pub fn approve_commons_spend(
			origin: OriginFor<T>,
			commons: CommonsId,
			spend: CommonsSpendId,
		) -> DispatchResult {
			Self::do_approve_commons_spend(ensure_signed(origin)?, commons, spend)
		}

		/// Removes the pending `spend` from the account of `commons`.
		///
		/// Origin: an acting steward of the commons or `DaoOrigin`; once the spend lapsed,
		/// signed by anyone. Emits `CommonsSpendRemoved`. Errors: `UnknownCommonsSpend`,
		/// `SpendNotLapsed`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::remove_commons_spend())]
		pub fn remove_commons_spend(
			origin: OriginFor<T>,
			commons: CommonsId,
			spend: CommonsSpendId,
		) -> DispatchResult {
			Self::do_remove_commons_spend(origin, commons, spend)
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The pot, what is earmarked and spendable, and the current spending period.
		pub fn overview() -> TreasuryOverview<T> {
			Self::treasury_overview()
		}

		/// Round `round`; `None` if there is none.
		pub fn round(round: RoundId) -> Option<Round<T>> {
			Rounds::<T>::get(round)
		}

		/// Each commons enrolled in `round` (excluded ones included), by identifier: its gifts
		/// and, while the round is open, the match it would get if the round were finalised
		/// now, computed as finalisation computes it. At most `2 · MaxCommonsPerRound` entries.
		pub fn round_projection(round: RoundId) -> Vec<CommonsProjection<T>> {
			Self::project_round(round)
		}

		/// What `giver` gave to `commons` in `round`; `None` if nothing is held for them.
		pub fn gift(
			round: RoundId,
			commons: CommonsId,
			giver: T::AccountId,
		) -> Option<Gift<BalanceOf<T>>> {
			Gifts::<T>::get((round, commons, giver))
		}

		/// What `giver` gave in `round`, by commons.
		pub fn gifts_of(round: RoundId, giver: T::AccountId) -> Vec<(CommonsId, BalanceOf<T>)> {
			GiverGifts::<T>::get(round, giver).into_inner()
		}

		/// Grant `grant` with what has vested by now; `None` once fully paid or if unknown.
		pub fn grant_summary(grant: GrantId) -> Option<GrantSummary<T>> {
			Self::grant_with_vesting(grant)
		}

		/// The account of `commons`: where rounds pay it and its stewards spend from.
		pub fn account_of_commons(commons: CommonsId) -> T::AccountId {
			Self::commons_account(commons)
		}

		/// The spends from the account of `commons` awaiting approval.
		pub fn pending_commons_spends(
			commons: CommonsId,
		) -> Vec<(CommonsSpendId, CommonsSpend<T>)> {
			CommonsSpends::<T>::get(commons).into_inner()
		}
	}
}
