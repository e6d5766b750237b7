//! Paying from a commons' account: one steward alone within an allowance per spending period,
//! a majority of the seasoned stewards above it.

use crate::{
	BalanceOf, CommonsSpend, CommonsSpends, Config, Error, Event, NextCommonsSpendId, Pallet,
	PeriodSpending, StewardSpending,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
	},
	BoundedVec,
};
use frame_system::pallet_prelude::OriginFor;
use ostrom_primitives::{CommonsId, CommonsInspect, CommonsSpendId};
use sp_runtime::traits::AccountIdConversion;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The account that receives `commons`' funding and that its stewards pay from.
	pub fn commons_account(commons: CommonsId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"cm", commons))
	}

	pub(crate) fn do_spend_commons_funds(
		steward: T::AccountId,
		commons: CommonsId,
		beneficiary: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_acting_steward(commons, &steward)?;
		let period = Self::spending_period().index;
		let spending = StewardSpending::<T>::get(commons);
		let spent = if spending.period == period { spending.committed } else { Zero::zero() };
		let spent = spent.saturating_add(amount);
		ensure!(spent <= T::StewardAllowance::get(), Error::<T>::OverStewardAllowance);

		Self::pay_from_commons(commons, &beneficiary, amount)?;
		StewardSpending::<T>::insert(commons, PeriodSpending { period, committed: spent });
		Self::deposit_event(Event::CommonsFundsSpent { commons, steward, beneficiary, amount });
		Ok(())
	}

	pub(crate) fn do_propose_commons_spend(
		steward: T::AccountId,
		commons: CommonsId,
		beneficiary: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_acting_steward(commons, &steward)?;
		let mut pending = CommonsSpends::<T>::get(commons);
		let now = frame_system::Pallet::<T>::block_number();
		// Lapsed spends make room for new ones.
		pending.retain(|(spend, record)| {
			let live = now < record.expires_at;
			if !live {
				Self::deposit_event(Event::CommonsSpendRemoved { commons, spend: *spend });
			}
			live
		});
		ensure!(
			(pending.len() as u32) < T::MaxPendingCommonsSpends::get(),
			Error::<T>::TooManyPendingSpends
		);
		let spend = NextCommonsSpendId::<T>::get(commons);
		let next = spend.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let record = CommonsSpend::<T> {
			beneficiary: beneficiary.clone(),
			amount,
			approvals: BoundedVec::truncate_from(alloc::vec![steward.clone()]),
			expires_at: now.saturating_add(T::CommonsSpendLifetime::get()),
		};
		NextCommonsSpendId::<T>::insert(commons, next);
		Self::deposit_event(Event::CommonsSpendProposed {
			commons,
			spend,
			steward: steward.clone(),
			beneficiary,
			amount,
		});
		if Self::approved_by_majority(commons, &record) {
			Self::pay_approved(commons, steward, record)?;
		} else {
			pending.try_push((spend, record)).map_err(|_| Error::<T>::TooManyPendingSpends)?;
		}
		CommonsSpends::<T>::insert(commons, pending);
		Ok(())
	}

	pub(crate) fn do_approve_commons_spend(
		steward: T::AccountId,
		commons: CommonsId,
		spend: CommonsSpendId,
	) -> DispatchResult {
		Self::ensure_acting_steward(commons, &steward)?;
		let mut pending = CommonsSpends::<T>::get(commons);
		let position = pending
			.iter()
			.position(|(id, _)| *id == spend)
			.ok_or(Error::<T>::UnknownCommonsSpend)?;
		let now = frame_system::Pallet::<T>::block_number();
		let record = &mut pending[position].1;
		ensure!(now < record.expires_at, Error::<T>::CommonsSpendLapsed);
		ensure!(!record.approvals.contains(&steward), Error::<T>::AlreadyApproved);
		// Approvals of stewards who no longer act count for nothing: drop them to make room.
		record.approvals.retain(|approver| T::Commons::is_acting_steward(commons, approver));
		record.approvals.try_push(steward.clone()).map_err(|_| Error::<T>::TooManyApprovals)?;
		Self::deposit_event(Event::CommonsSpendApproved {
			commons,
			spend,
			steward: steward.clone(),
		});
		if Self::approved_by_majority(commons, record) {
			let (_, record) = pending.remove(position);
			Self::pay_approved(commons, steward, record)?;
		}
		CommonsSpends::<T>::insert(commons, pending);
		Ok(())
	}

	pub(crate) fn do_remove_commons_spend(
		origin: OriginFor<T>,
		commons: CommonsId,
		spend: CommonsSpendId,
	) -> DispatchResult {
		let mut pending = CommonsSpends::<T>::get(commons);
		let position = pending
			.iter()
			.position(|(id, _)| *id == spend)
			.ok_or(Error::<T>::UnknownCommonsSpend)?;
		let lapsed = frame_system::Pallet::<T>::block_number() >= pending[position].1.expires_at;
		if let Err(origin) = T::DaoOrigin::try_origin(origin) {
			let who = frame_system::ensure_signed(origin)?;
			ensure!(
				lapsed || T::Commons::is_acting_steward(commons, &who),
				Error::<T>::SpendNotLapsed
			);
		}
		pending.remove(position);
		CommonsSpends::<T>::insert(commons, pending);
		Self::deposit_event(Event::CommonsSpendRemoved { commons, spend });
		Ok(())
	}

	/// Fails unless `who` may act as a steward of `commons`; says so when no one may.
	fn ensure_acting_steward(commons: CommonsId, who: &T::AccountId) -> DispatchResult {
		if T::Commons::is_acting_steward(commons, who) {
			return Ok(());
		}
		if T::Commons::acting_stewards(commons) == 0 {
			return Err(Error::<T>::CommonsFrozen.into());
		}
		Err(Error::<T>::NotSteward.into())
	}

	/// Whether more than half of the commons' seasoned stewards approved `record`. Stewards
	/// appointed lately neither approve nor count, so that a steward cannot appoint friends and
	/// outvote the others before the DAO sees it; a commons without a seasoned steward approves
	/// nothing.
	fn approved_by_majority(commons: CommonsId, record: &CommonsSpend<T>) -> bool {
		let seasoned = T::Commons::seasoned_stewards(commons);
		let approving = record
			.approvals
			.iter()
			.filter(|approver| T::Commons::is_seasoned_steward(commons, approver))
			.count() as u32;
		seasoned > 0 && approving.saturating_mul(2) > seasoned
	}

	/// `weight` plus the reads of counting up to `MaxApprovals` approvals against as many
	/// stewards (their stewardship and membership, three times), which the benchmarks, made
	/// with one steward, do not see.
	pub fn counting_approvals(weight: Weight) -> Weight {
		let stewards = u64::from(T::MaxApprovals::get());
		weight.saturating_add(T::DbWeight::get().reads(stewards.saturating_mul(6)))
	}

	fn pay_approved(
		commons: CommonsId,
		steward: T::AccountId,
		record: CommonsSpend<T>,
	) -> DispatchResult {
		Self::pay_from_commons(commons, &record.beneficiary, record.amount)?;
		Self::deposit_event(Event::CommonsFundsSpent {
			commons,
			steward,
			beneficiary: record.beneficiary,
			amount: record.amount,
		});
		Ok(())
	}

	/// Moves `amount` from the account of `commons` to `beneficiary`, leaving either nothing
	/// or at least the existential deposit.
	fn pay_from_commons(
		commons: CommonsId,
		beneficiary: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let account = Self::commons_account(commons);
		let available =
			T::Currency::reducible_balance(&account, Preservation::Expendable, Fortitude::Polite);
		ensure!(amount <= available, Error::<T>::InsufficientCommonsFunds);
		// A rest below the existential deposit would be removed as dust, i.e. destroyed.
		let rest = available.saturating_sub(amount);
		ensure!(
			rest.is_zero() || rest >= T::Currency::minimum_balance(),
			Error::<T>::WouldLeaveDust
		);
		T::Currency::transfer(&account, beneficiary, amount, Preservation::Expendable)
			.map_err(|_| Error::<T>::BeneficiaryCannotReceive)?;
		Ok(())
	}
}
