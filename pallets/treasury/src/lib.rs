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
//! a grant vesting linearly over some blocks ([`spend_stream`](Pallet::spend_stream)), and the
//! matching pool of a quadratic-funding round ([`open_round`](Pallet::open_round)). What the
//! DAO commits these ways in one spending period is capped by [`SpendRules`]. Money owed but
//! not yet paid — open rounds' pools and contributions, grants' unclaimed rest — is
//! *earmarked*: it stays in the pot and cannot be committed again.
//!
//! In a quadratic-funding round members give to active commons. Once the round has ended
//! anyone finalises it: each commons receives its contributions plus a match from the pool
//! following [`funding`] (many small gifts weigh more than one large one); what the pool does
//! not pay, rounding dust included, stays in the pot.
//!
//! Payouts to a commons go to its own account, derived from `PalletId` and the commons' id, so
//! that the money belongs to the commons rather than to one person and survives changes of
//! stewards. Any steward of the commons who is an active member pays from it with
//! [`spend_commons_funds`](Pallet::spend_commons_funds), the same trust the registry gives each
//! steward over the commons' record.
//!
//! ## Dispatchable functions
//!
//! - [`donate`](Pallet::donate) — signed, anyone.
//! - [`spend`](Pallet::spend), [`spend_stream`](Pallet::spend_stream),
//!   [`cancel_grant`](Pallet::cancel_grant), [`open_round`](Pallet::open_round) — `DaoOrigin`.
//! - [`set_spend_rules`](Pallet::set_spend_rules) — `SpendRulesOrigin`.
//! - [`claim`](Pallet::claim) — signed, a grant's beneficiary.
//! - [`contribute`](Pallet::contribute) — signed, an active member.
//! - [`finalize_round`](Pallet::finalize_round) — signed, anyone, once the round has ended.
//! - [`spend_commons_funds`](Pallet::spend_commons_funds) — signed, a steward of the commons
//!   who is an active member.
//!
//! ## Configuration
//!
//! `Currency` holds the money; `DaoOrigin` decides spending and `SpendRulesOrigin` (stricter)
//! its cap; `Membership` says who may contribute; `Commons` says which commons are active and
//! who stewards them. Bounds: `MinContribution` (at least the existential deposit, so that
//! every payout can open a commons' account), `MaxContributionsPerRound`, `MaxCommonsPerRound`
//! (what finalising a round visits), `MaxRoundDuration`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod funding;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::{
	CommonsFunding, Grant, GrantIndex, Payout, PeriodSpending, Round, RoundIndex, RoundStatus,
	SpendRules,
};
pub use weights::WeightInfo;

use frame_support::traits::{
	fungible::{Balanced, Credit, Inspect, Mutate},
	tokens::{Fortitude, Preservation},
	Imbalance, OnUnbalanced,
};

pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
pub type CreditOf<T> = Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, PalletId};
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::{CommonsId, CommonsInspect, MembershipInspect};
	use sp_runtime::traits::{AccountIdConversion, SaturatedConversion, Saturating, Zero};

	pub type GrantOf<T> =
		Grant<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	pub type RoundOf<T> = Round<BalanceOf<T>, BlockNumberFor<T>>;
	pub type PayoutsOf<T> = BoundedVec<Payout<BalanceOf<T>>, <T as Config>::MaxCommonsPerRound>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The token the pot holds.
		type Currency: Mutate<Self::AccountId> + Balanced<Self::AccountId>;

		/// Derives the pot's account and the commons' accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Spends, makes and cancels grants, and opens rounds.
		type DaoOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Sets the spending rule: stricter than `DaoOrigin`, or the origin the cap limits could
		/// lift it.
		type SpendRulesOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who may contribute to rounds and pay from a commons' account.
		type Membership: MembershipInspect<Self::AccountId, BlockNumberFor<Self>>;

		/// Which commons may be funded, and who stewards them.
		type Commons: CommonsInspect<Self::AccountId>;

		/// The smallest contribution; at least the existential deposit.
		#[pallet::constant]
		type MinContribution: Get<BalanceOf<Self>>;

		/// The most (commons, contributor) pairs in one round.
		#[pallet::constant]
		type MaxContributionsPerRound: Get<u32>;

		/// The most commons funded in one round: what finalising it visits.
		#[pallet::constant]
		type MaxCommonsPerRound: Get<u32>;

		/// The longest a round may take contributions, so that no round holds members' money
		/// for good.
		#[pallet::constant]
		type MaxRoundDuration: Get<BlockNumberFor<Self>>;

		type WeightInfo: WeightInfo;
	}

	/// How much the DAO may commit per period.
	#[pallet::storage]
	pub type SpendRulesOf<T: Config> = StorageValue<_, SpendRules<BlockNumberFor<T>>, ValueQuery>;

	/// What the DAO committed in the current (or last) spending period.
	#[pallet::storage]
	pub type Spending<T: Config> = StorageValue<_, PeriodSpending<BalanceOf<T>>, ValueQuery>;

	/// Money in the pot that is owed: open rounds' pools and contributions, grants' unclaimed
	/// rest.
	#[pallet::storage]
	pub type Earmarked<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	#[pallet::storage]
	pub type Grants<T: Config> = StorageMap<_, Twox64Concat, GrantIndex, GrantOf<T>>;

	#[pallet::storage]
	pub type GrantCount<T: Config> = StorageValue<_, GrantIndex, ValueQuery>;

	#[pallet::storage]
	pub type Rounds<T: Config> = StorageMap<_, Twox64Concat, RoundIndex, RoundOf<T>>;

	#[pallet::storage]
	pub type RoundCount<T: Config> = StorageValue<_, RoundIndex, ValueQuery>;

	/// The funding of each commons in each round.
	#[pallet::storage]
	pub type RoundCommons<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		RoundIndex,
		Twox64Concat,
		CommonsId,
		CommonsFunding<BalanceOf<T>>,
	>;

	/// Each member's contributions to each commons in each round, summed.
	#[pallet::storage]
	pub type Contributions<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, RoundIndex>,
			NMapKey<Twox64Concat, CommonsId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		BalanceOf<T>,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The spending rule the DAO starts with.
		pub spend_rules: SpendRules<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::validate(&self.spend_rules).expect("the genesis spending rule is valid");
			SpendRulesOf::<T>::put(self.spend_rules);
			// The pot must exist to take fees and slashes of any size.
			let pot = Pallet::<T>::pot();
			let missing = T::Currency::minimum_balance().saturating_sub(T::Currency::balance(&pot));
			if !missing.is_zero() {
				T::Currency::mint_into(&pot, missing).expect("the pot can be created");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `amount` came into the pot: donated by `from`, or fees and slashes when `None`.
		Deposited { from: Option<T::AccountId>, amount: BalanceOf<T> },
		/// The DAO paid `amount` to `beneficiary`.
		Spent { beneficiary: T::AccountId, amount: BalanceOf<T> },
		/// The DAO granted `amount` to `beneficiary`, vesting over `duration` blocks from
		/// `start`.
		GrantCreated {
			grant: GrantIndex,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
			start: BlockNumberFor<T>,
			duration: BlockNumberFor<T>,
		},
		/// `beneficiary` took `amount` of what had vested of `grant`.
		Claimed { grant: GrantIndex, beneficiary: T::AccountId, amount: BalanceOf<T> },
		/// The DAO stopped `grant`; `unvested` went back to what the pot can spend.
		GrantCancelled { grant: GrantIndex, unvested: BalanceOf<T> },
		/// The DAO opened `round` with a matching pool of `matching`; contributions are taken
		/// until block `ends_at`.
		RoundOpened { round: RoundIndex, matching: BalanceOf<T>, ends_at: BlockNumberFor<T> },
		/// `who` gave `amount` to `commons` in `round`.
		Contributed {
			round: RoundIndex,
			commons: CommonsId,
			who: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// `round` was finalised: each commons received `payouts`; `returned` of the pool stayed
		/// in the pot.
		RoundFinalized { round: RoundIndex, payouts: PayoutsOf<T>, returned: BalanceOf<T> },
		/// `steward` paid `amount` from the account of `commons` to `beneficiary`.
		CommonsFundsSpent {
			commons: CommonsId,
			steward: T::AccountId,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// The DAO changed its spending rule.
		SpendRulesChanged { rules: SpendRules<BlockNumberFor<T>> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount must not be zero.
		ZeroAmount,
		/// A duration must be at least one block.
		ZeroDuration,
		/// A round may take contributions for at most `MaxRoundDuration` blocks.
		RoundTooLong,
		/// The pot cannot pay itself.
		PotIsBeneficiary,
		/// A grant must be at least the existential deposit, or it could never be claimed by a
		/// new account.
		GrantTooSmall,
		/// The grant has nothing left to vest.
		NothingToCancel,
		/// The caller cannot pay this amount and keep their account alive.
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
		/// No grant has this number.
		UnknownGrant,
		/// Only the grant's beneficiary may claim it.
		NotBeneficiary,
		/// Nothing more of the grant has vested yet.
		NothingToClaim,
		/// No round has this number.
		UnknownRound,
		/// The round no longer takes contributions.
		RoundEnded,
		/// The round takes contributions until its end; it can be finalised only after.
		RoundNotEnded,
		/// The round was finalised already.
		RoundFinalized,
		/// The account is not an active member.
		NotActiveMember,
		/// The commons is unknown or archived.
		CommonsNotActive,
		/// A contribution must be at least `MinContribution`.
		ContributionTooSmall,
		/// The round has `MaxContributionsPerRound` contributions already.
		TooManyContributions,
		/// The round funds `MaxCommonsPerRound` commons already.
		TooManyCommons,
		/// The caller is not a steward of the commons.
		NotSteward,
		/// The commons' account has not this much.
		InsufficientCommonsFunds,
		/// The commons' account would keep less than the existential deposit, which would be
		/// lost: pay all of it, or leave at least the existential deposit.
		WouldLeaveDust,
		/// No more grants or rounds can be numbered.
		IdsExhausted,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::MinContribution::get() >= T::Currency::minimum_balance(),
				"MinContribution must be at least the existential deposit"
			);
			assert!(T::MaxCommonsPerRound::get() > 0, "MaxCommonsPerRound must not be zero");
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
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			Self::pay_in(&who, amount)?;
			Self::deposit_event(Event::Deposited { from: Some(who), amount });
			Ok(())
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
			ensure!(beneficiary != Self::pot(), Error::<T>::PotIsBeneficiary);
			Self::commit(amount)?;
			Self::pay_out(&beneficiary, amount)?;
			Self::deposit_event(Event::Spent { beneficiary, amount });
			Ok(())
		}

		/// Grants `amount` to `beneficiary`, vesting linearly over `blocks` from now; the
		/// beneficiary claims what has vested whenever they like.
		///
		/// Origin: `DaoOrigin`. Counts against this period's cap; earmarks `amount`.
		/// Emits `GrantCreated`. Errors: `ZeroDuration`, `PotIsBeneficiary`, `GrantTooSmall`,
		/// `InsufficientFunds`, `OverSpendCap`, `IdsExhausted`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::spend_stream())]
		pub fn spend_stream(
			origin: OriginFor<T>,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::DaoOrigin::ensure_origin(origin)?;
			ensure!(!blocks.is_zero(), Error::<T>::ZeroDuration);
			ensure!(beneficiary != Self::pot(), Error::<T>::PotIsBeneficiary);
			ensure!(amount >= T::Currency::minimum_balance(), Error::<T>::GrantTooSmall);
			let grant = GrantCount::<T>::get();
			let next = grant.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			Self::commit(amount)?;

			let start = frame_system::Pallet::<T>::block_number();
			Grants::<T>::insert(
				grant,
				Grant {
					beneficiary: beneficiary.clone(),
					amount,
					claimed: Zero::zero(),
					start,
					duration: blocks,
				},
			);
			GrantCount::<T>::put(next);
			Earmarked::<T>::mutate(|earmarked| earmarked.saturating_accrue(amount));
			Self::deposit_event(Event::GrantCreated {
				grant,
				beneficiary,
				amount,
				start,
				duration: blocks,
			});
			Ok(())
		}

		/// Pays the beneficiary of `grant` what has vested and was not claimed yet.
		///
		/// Origin: signed by the grant's beneficiary. A grant fully paid is removed.
		/// Emits `Claimed`. Errors: `UnknownGrant`, `NotBeneficiary`, `NothingToClaim`,
		/// `BeneficiaryCannotReceive`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::claim())]
		pub fn claim(origin: OriginFor<T>, grant: GrantIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Grants::<T>::get(grant).ok_or(Error::<T>::UnknownGrant)?;
			ensure!(record.beneficiary == who, Error::<T>::NotBeneficiary);
			let now = frame_system::Pallet::<T>::block_number();
			let due = record.vested_at(now).saturating_sub(record.claimed);
			ensure!(!due.is_zero(), Error::<T>::NothingToClaim);

			Earmarked::<T>::mutate(|earmarked| earmarked.saturating_reduce(due));
			Self::pay_out(&who, due)?;
			record.claimed.saturating_accrue(due);
			Self::store_grant(grant, record);
			Self::deposit_event(Event::Claimed { grant, beneficiary: who, amount: due });
			Ok(())
		}

		/// Stops `grant`: what has vested stays claimable, the unvested rest is released.
		///
		/// Origin: `DaoOrigin`. Emits `GrantCancelled`. Errors: `UnknownGrant`, `NothingToCancel`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_grant())]
		pub fn cancel_grant(origin: OriginFor<T>, grant: GrantIndex) -> DispatchResult {
			T::DaoOrigin::ensure_origin(origin)?;
			let mut record = Grants::<T>::get(grant).ok_or(Error::<T>::UnknownGrant)?;
			let now = frame_system::Pallet::<T>::block_number();
			let vested = record.vested_at(now);
			let unvested = record.amount.saturating_sub(vested);
			ensure!(!unvested.is_zero(), Error::<T>::NothingToCancel);

			Earmarked::<T>::mutate(|earmarked| earmarked.saturating_reduce(unvested));
			record.amount = vested;
			record.duration = now.saturating_sub(record.start).min(record.duration);
			Self::store_grant(grant, record);
			Self::deposit_event(Event::GrantCancelled { grant, unvested });
			Ok(())
		}

		/// Opens a quadratic-funding round with a matching pool of `matching`, taking
		/// contributions for `duration` blocks.
		///
		/// Origin: `DaoOrigin`. Counts against this period's cap; earmarks `matching`.
		/// Emits `RoundOpened`. Errors: `ZeroDuration`, `RoundTooLong`, `ZeroAmount`,
		/// `InsufficientFunds`, `OverSpendCap`, `IdsExhausted`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::open_round())]
		pub fn open_round(
			origin: OriginFor<T>,
			matching: BalanceOf<T>,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			T::DaoOrigin::ensure_origin(origin)?;
			ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
			ensure!(duration <= T::MaxRoundDuration::get(), Error::<T>::RoundTooLong);
			let round = RoundCount::<T>::get();
			let next = round.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			Self::commit(matching)?;

			let ends_at = frame_system::Pallet::<T>::block_number().saturating_add(duration);
			Rounds::<T>::insert(
				round,
				Round {
					matching,
					ends_at,
					contributed: Zero::zero(),
					contributions: 0,
					commons: 0,
					status: RoundStatus::Open,
				},
			);
			RoundCount::<T>::put(next);
			Earmarked::<T>::mutate(|earmarked| earmarked.saturating_accrue(matching));
			Self::deposit_event(Event::RoundOpened { round, matching, ends_at });
			Ok(())
		}

		/// Gives `amount` to `commons` through `round`: the pot keeps it, earmarked, until the
		/// round is finalised and the commons is paid.
		///
		/// Origin: signed by an active member who keeps their existential deposit.
		/// Emits `Contributed`. Errors: `NotActiveMember`, `UnknownRound`, `RoundEnded`,
		/// `CommonsNotActive`, `ContributionTooSmall`, `TooManyContributions`,
		/// `TooManyCommons`, `InsufficientBalance`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::contribute())]
		pub fn contribute(
			origin: OriginFor<T>,
			round: RoundIndex,
			commons: CommonsId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(T::Membership::is_active_member(&who), Error::<T>::NotActiveMember);
			let mut record = Rounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(
				record.status == RoundStatus::Open && now < record.ends_at,
				Error::<T>::RoundEnded
			);
			ensure!(T::Commons::is_active(commons), Error::<T>::CommonsNotActive);
			ensure!(amount >= T::MinContribution::get(), Error::<T>::ContributionTooSmall);

			let earlier = Contributions::<T>::get((round, commons, &who));
			if earlier.is_none() {
				ensure!(
					record.contributions < T::MaxContributionsPerRound::get(),
					Error::<T>::TooManyContributions
				);
				record.contributions.saturating_inc();
			}
			let mut entry = RoundCommons::<T>::get(round, commons);
			if entry.is_none() {
				ensure!(record.commons < T::MaxCommonsPerRound::get(), Error::<T>::TooManyCommons);
				record.commons.saturating_inc();
			}
			Self::pay_in(&who, amount)?;

			let earlier = earlier.unwrap_or_default();
			let total = earlier.saturating_add(amount);
			let entry = entry.get_or_insert_with(Default::default);
			entry.contributed.saturating_accrue(amount);
			entry.root_sum = entry
				.root_sum
				.saturating_sub(funding::root(earlier.saturated_into()))
				.saturating_add(funding::root(total.saturated_into()));
			record.contributed.saturating_accrue(amount);
			RoundCommons::<T>::insert(round, commons, *entry);
			Contributions::<T>::insert((round, commons, &who), total);
			Rounds::<T>::insert(round, record);
			Earmarked::<T>::mutate(|earmarked| earmarked.saturating_accrue(amount));
			Self::deposit_event(Event::Contributed { round, commons, who, amount });
			Ok(())
		}

		/// Pays each commons of `round` its contributions plus its match from the pool (see
		/// [`funding`]), into the commons' account; the rest of the pool stays in the pot.
		///
		/// Origin: signed, anyone, from the round's end on. Visits at most `MaxCommonsPerRound`
		/// commons. Emits `RoundFinalized`. Errors: `UnknownRound`, `RoundNotEnded`,
		/// `RoundFinalized`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::finalize_round(T::MaxCommonsPerRound::get()))]
		pub fn finalize_round(
			origin: OriginFor<T>,
			round: RoundIndex,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut record = Rounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
			ensure!(record.status == RoundStatus::Open, Error::<T>::RoundFinalized);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now >= record.ends_at, Error::<T>::RoundNotEnded);

			let mut funded: alloc::vec::Vec<_> = RoundCommons::<T>::iter_prefix(round).collect();
			funded.sort_by_key(|(commons, _)| *commons);
			let ideals: alloc::vec::Vec<u128> = funded
				.iter()
				.map(|(_, entry)| {
					funding::ideal_match(entry.contributed.saturated_into(), entry.root_sum)
				})
				.collect();
			let pool = record.matching.saturated_into::<u128>();

			let mut payouts = PayoutsOf::<T>::new();
			let mut matched_total = BalanceOf::<T>::zero();
			for ((commons, mut entry), matched) in
				funded.into_iter().zip(funding::matches(pool, &ideals))
			{
				entry.matched = matched.saturated_into();
				matched_total.saturating_accrue(entry.matched);
				Self::pay_out(
					&Self::commons_account(commons),
					entry.contributed.saturating_add(entry.matched),
				)?;
				RoundCommons::<T>::insert(round, commons, entry);
				payouts
					.try_push(Payout {
						commons,
						contributed: entry.contributed,
						matched: entry.matched,
					})
					.map_err(|_| Error::<T>::TooManyCommons)?;
			}

			let returned = record.matching.saturating_sub(matched_total);
			Earmarked::<T>::mutate(|earmarked| {
				earmarked.saturating_reduce(record.matching.saturating_add(record.contributed))
			});
			record.status = RoundStatus::Finalized { matched: matched_total, returned };
			let visited = record.commons;
			Rounds::<T>::insert(round, record);
			Self::deposit_event(Event::RoundFinalized { round, payouts, returned });
			Ok(Some(T::WeightInfo::finalize_round(visited)).into())
		}

		/// Pays `amount` from the account of `commons` to `beneficiary`.
		///
		/// Origin: signed by a steward of the commons who is an active member (the commons may
		/// be archived). Emits `CommonsFundsSpent`. Errors: `ZeroAmount`, `NotActiveMember`,
		/// `NotSteward`, `InsufficientCommonsFunds`, `WouldLeaveDust`,
		/// `BeneficiaryCannotReceive`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::spend_commons_funds())]
		pub fn spend_commons_funds(
			origin: OriginFor<T>,
			commons: CommonsId,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let steward = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(T::Membership::is_active_member(&steward), Error::<T>::NotActiveMember);
			ensure!(T::Commons::is_steward(commons, &steward), Error::<T>::NotSteward);
			let account = Self::commons_account(commons);
			let available = T::Currency::reducible_balance(
				&account,
				Preservation::Expendable,
				Fortitude::Polite,
			);
			ensure!(amount <= available, Error::<T>::InsufficientCommonsFunds);
			// A rest below the existential deposit would be removed as dust, i.e. destroyed.
			let rest = available.saturating_sub(amount);
			ensure!(
				rest.is_zero() || rest >= T::Currency::minimum_balance(),
				Error::<T>::WouldLeaveDust
			);
			T::Currency::transfer(&account, &beneficiary, amount, Preservation::Expendable)
				.map_err(|_| Error::<T>::BeneficiaryCannotReceive)?;
			Self::deposit_event(Event::CommonsFundsSpent { commons, steward, beneficiary, amount });
			Ok(())
		}

		/// Sets how much the DAO may commit per spending period.
		///
		/// Origin: `SpendRulesOrigin`. What was committed in the current period still counts.
		/// Emits `SpendRulesChanged`. Errors: `InvalidSpendRules`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_spend_rules())]
		pub fn set_spend_rules(
			origin: OriginFor<T>,
			rules: SpendRules<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::SpendRulesOrigin::ensure_origin(origin)?;
			Self::validate(&rules)?;
			// The period's number changes with its length: carry over what was committed.
			let committed = Self::committed_this_period();
			SpendRulesOf::<T>::put(rules);
			Spending::<T>::put(PeriodSpending { period: Self::current_period(), committed });
			Self::deposit_event(Event::SpendRulesChanged { rules });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The pot's account.
		pub fn pot() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// The account that receives `commons`' funding and that its stewards pay from.
		pub fn commons_account(commons: CommonsId) -> T::AccountId {
			T::PalletId::get().into_sub_account_truncating((b"cm", commons))
		}

		/// What the pot could pay now: all but the existential deposit and what is earmarked.
		pub fn spendable() -> BalanceOf<T> {
			T::Currency::reducible_balance(&Self::pot(), Preservation::Preserve, Fortitude::Polite)
				.saturating_sub(Earmarked::<T>::get())
		}

		/// What the DAO may still commit in the current period.
		pub fn spend_cap_left() -> BalanceOf<T> {
			let committed = Self::committed_this_period();
			let cap = SpendRulesOf::<T>::get()
				.max_share
				.mul_floor(Self::spendable().saturating_add(committed));
			cap.saturating_sub(committed)
		}

		fn current_period() -> u32 {
			let now = frame_system::Pallet::<T>::block_number();
			// The rule's period is never zero (validated), so the division is defined.
			(now / SpendRulesOf::<T>::get().period).saturated_into()
		}

		fn committed_this_period() -> BalanceOf<T> {
			let spending = Spending::<T>::get();
			if spending.period == Self::current_period() {
				spending.committed
			} else {
				Zero::zero()
			}
		}

		fn validate(rules: &SpendRules<BlockNumberFor<T>>) -> Result<(), Error<T>> {
			ensure!(!rules.period.is_zero(), Error::<T>::InvalidSpendRules);
			Ok(())
		}

		/// Records `amount` as committed in this period, if the pot and the cap allow it.
		fn commit(amount: BalanceOf<T>) -> DispatchResult {
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(amount <= Self::spendable(), Error::<T>::InsufficientFunds);
			ensure!(amount <= Self::spend_cap_left(), Error::<T>::OverSpendCap);
			let committed = Self::committed_this_period().saturating_add(amount);
			Spending::<T>::put(PeriodSpending { period: Self::current_period(), committed });
			Ok(())
		}

		/// Moves `amount` from `who` to the pot, keeping `who` alive.
		fn pay_in(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			T::Currency::transfer(who, &Self::pot(), amount, Preservation::Preserve)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			Ok(())
		}

		/// Moves `amount` from the pot to `to`; the pot keeps its existential deposit.
		fn pay_out(to: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			T::Currency::transfer(&Self::pot(), to, amount, Preservation::Preserve)
				.map_err(|_| Error::<T>::BeneficiaryCannotReceive)?;
			Ok(())
		}

		/// Stores `record`, or removes it once nothing more is owed.
		fn store_grant(grant: GrantIndex, record: GrantOf<T>) {
			if record.owed().is_zero() {
				Grants::<T>::remove(grant);
			} else {
				Grants::<T>::insert(grant, record);
			}
		}

		/// The invariants, checked by `try_state` and by the tests after every step:
		/// `Earmarked` is what open rounds and grants owe, and the pot holds it on top of its
		/// existential deposit; each round's records add up — contributions per commons and in
		/// all, the contributors' roots, the counts against their bounds — and a finalised
		/// round paid its contributions plus at most its pool, the rest returned.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let mut owed = BalanceOf::<T>::zero();
			for (grant, record) in Grants::<T>::iter() {
				ensure!(grant < GrantCount::<T>::get(), "a grant number is not below GrantCount");
				ensure!(record.claimed < record.amount, "a paid-up grant is still stored");
				owed.saturating_accrue(record.owed());
			}
			for (round, record) in Rounds::<T>::iter() {
				ensure!(round < RoundCount::<T>::get(), "a round number is not below RoundCount");
				Self::check_round(round, &record)?;
				if record.status == RoundStatus::Open {
					owed.saturating_accrue(record.matching.saturating_add(record.contributed));
				}
			}
			ensure!(Earmarked::<T>::get() == owed, "Earmarked differs from what is owed");
			let pot = Self::pot();
			ensure!(
				T::Currency::balance(&pot) >= T::Currency::minimum_balance(),
				"the pot fell below the existential deposit"
			);
			ensure!(
				T::Currency::reducible_balance(&pot, Preservation::Preserve, Fortitude::Polite)
					>= owed,
				"the pot holds less than is earmarked"
			);
			ensure!(!SpendRulesOf::<T>::get().period.is_zero(), "a zero spending period");
			Ok(())
		}

		fn check_round(
			round: RoundIndex,
			record: &RoundOf<T>,
		) -> Result<(), sp_runtime::TryRuntimeError> {
			let (mut contributed, mut matched) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
			let (mut commons_count, mut contributions) = (0u32, 0u32);
			for (commons, entry) in RoundCommons::<T>::iter_prefix(round) {
				let (mut sum, mut roots) = (BalanceOf::<T>::zero(), 0u128);
				for (_, amount) in Contributions::<T>::iter_prefix((round, commons)) {
					sum.saturating_accrue(amount);
					roots = roots.saturating_add(funding::root(amount.saturated_into()));
					contributions.saturating_inc();
				}
				ensure!(
					(sum, roots) == (entry.contributed, entry.root_sum),
					"a commons' funding differs from its contributions"
				);
				contributed.saturating_accrue(entry.contributed);
				matched.saturating_accrue(entry.matched);
				commons_count.saturating_inc();
			}
			ensure!(
				(contributed, contributions, commons_count)
					== (record.contributed, record.contributions, record.commons),
				"a round's totals differ from its contributions"
			);
			ensure!(
				record.contributions <= T::MaxContributionsPerRound::get()
					&& record.commons <= T::MaxCommonsPerRound::get(),
				"a round exceeds its bounds"
			);
			match record.status {
				RoundStatus::Open => ensure!(matched.is_zero(), "an open round matched already"),
				RoundStatus::Finalized { matched: paid, returned } => ensure!(
					paid == matched && paid.saturating_add(returned) == record.matching,
					"a finalised round's payouts differ from its pool"
				),
			}
			Ok(())
		}
	}

	/// Fees and slashed deposits handed over by the runtime go to the pot.
	impl<T: Config> OnUnbalanced<CreditOf<T>> for Pallet<T> {
		fn on_nonzero_unbalanced(credit: CreditOf<T>) {
			let amount = credit.peek();
			// The pot always exists, so resolving cannot fail for being below the minimum;
			// if it failed anyway the credit would be dropped, i.e. burnt.
			if T::Currency::resolve(&Self::pot(), credit).is_ok() {
				Self::deposit_event(Event::Deposited { from: None, amount });
			}
		}
	}
}
