//! What the DAO pays from the pot: donations in, one-off spends out, and the rules that cap
//! what it commits per spending period.

use crate::{
	BalanceOf, Config, Error, Event, MatchingRules, MatchingRulesRecord, Pallet, PeriodSpending,
	SpendRules, SpendRulesRecord, Spending, SpendingPeriod,
};
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{SaturatedConversion, Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_donate(who: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::pay_in(&who, amount)?;
		Self::deposit_event(Event::Deposited { from: Some(who), amount });
		Ok(())
	}

	pub(crate) fn do_spend(beneficiary: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(beneficiary != Self::pot(), Error::<T>::PotIsBeneficiary);
		Self::commit(amount)?;
		Self::pay_out(&beneficiary, amount)?;
		Self::deposit_event(Event::Spent { beneficiary, amount });
		Ok(())
	}

	pub(crate) fn do_set_spend_rules(rules: SpendRulesRecord<BlockNumberFor<T>>) -> DispatchResult {
		Self::validate_spend_rules(&rules)?;
		// The period's number changes with its length: carry over what was committed.
		let committed = Self::committed_this_period();
		SpendRules::<T>::put(rules);
		Spending::<T>::put(PeriodSpending { period: Self::spending_period().index, committed });
		Self::deposit_event(Event::SpendRulesChanged { rules });
		Ok(())
	}

	pub(crate) fn do_set_matching_rules(
		rules: MatchingRulesRecord<BalanceOf<T>>,
	) -> DispatchResult {
		Self::validate_matching_rules(&rules)?;
		MatchingRules::<T>::put(rules);
		Self::deposit_event(Event::MatchingRulesChanged { rules });
		Ok(())
	}

	/// The current spending period: the one function that says where periods start.
	pub fn spending_period() -> SpendingPeriod<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		// The rule's period is never zero (validated); `max` keeps a broken state from dividing
		// by zero all the same.
		let length = SpendRules::<T>::get().period.max(1u32.into());
		let index = now / length;
		SpendingPeriod {
			index: index.saturated_into(),
			length,
			next_starts_at: index.saturating_add(1u32.into()).saturating_mul(length),
		}
	}

	/// What the DAO may still commit in the current period.
	pub fn spend_cap_left() -> BalanceOf<T> {
		let committed = Self::committed_this_period();
		let cap =
			SpendRules::<T>::get().max_share.mul_floor(Self::spendable().saturating_add(committed));
		cap.saturating_sub(committed)
	}

	fn committed_this_period() -> BalanceOf<T> {
		let spending = Spending::<T>::get();
		if spending.period == Self::spending_period().index {
			spending.committed
		} else {
			Zero::zero()
		}
	}

	pub(crate) fn validate_spend_rules(
		rules: &SpendRulesRecord<BlockNumberFor<T>>,
	) -> Result<(), Error<T>> {
		ensure!(!rules.period.is_zero(), Error::<T>::InvalidSpendRules);
		Ok(())
	}

	pub(crate) fn validate_matching_rules(
		rules: &MatchingRulesRecord<BalanceOf<T>>,
	) -> Result<(), Error<T>> {
		ensure!(!rules.coordination_bound.is_zero(), Error::<T>::InvalidMatchingRules);
		Ok(())
	}

	/// Records `amount` as committed in this period, if the pot and the cap allow it.
	pub(crate) fn commit(amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount <= Self::spendable(), Error::<T>::InsufficientFunds);
		ensure!(amount <= Self::spend_cap_left(), Error::<T>::OverSpendCap);
		let committed = Self::committed_this_period().saturating_add(amount);
		Spending::<T>::put(PeriodSpending { period: Self::spending_period().index, committed });
		Ok(())
	}

	/// Gives back to this period's cap `amount` committed in it and no longer owed, e.g. the
	/// pool of a cancelled round. Nothing if it was committed in an earlier period.
	pub(crate) fn uncommit(amount: BalanceOf<T>) {
		let period = Self::spending_period().index;
		Spending::<T>::mutate(|spending| {
			if spending.period == period {
				spending.committed.saturating_reduce(amount);
			}
		});
	}
}
