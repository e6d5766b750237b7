//! Grants: money the DAO pays out linearly over some blocks.

use crate::{
	BalanceOf, Config, Earmarked, Error, Event, Grant, Grants, LiveGrants, NextGrantId, Pallet,
};
use frame_support::{ensure, pallet_prelude::*, traits::fungible::Inspect};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::GrantId;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_grant(
		beneficiary: T::AccountId,
		amount: BalanceOf<T>,
		blocks: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!blocks.is_zero(), Error::<T>::ZeroDuration);
		ensure!(beneficiary != Self::pot(), Error::<T>::PotIsBeneficiary);
		ensure!(amount >= T::Currency::minimum_balance(), Error::<T>::GrantTooSmall);
		let grant = NextGrantId::<T>::get();
		let next = grant.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let live = Self::live_grants_with(grant)?;
		Self::commit(amount)?;

		let start = frame_system::Pallet::<T>::block_number();
		Grants::<T>::insert(
			grant,
			Grant::<T> {
				beneficiary: beneficiary.clone(),
				amount,
				claimed: Zero::zero(),
				start,
				duration: blocks,
			},
		);
		NextGrantId::<T>::put(next);
		LiveGrants::<T>::put(live);
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

	/// Pays what has vested of `grant` to its beneficiary; `claimant`, when given, must be
	/// the beneficiary.
	pub(crate) fn do_claim_grant(grant: GrantId, claimant: Option<T::AccountId>) -> DispatchResult {
		let mut record = Grants::<T>::get(grant).ok_or(Error::<T>::UnknownGrant)?;
		if let Some(claimant) = claimant {
			ensure!(record.beneficiary == claimant, Error::<T>::NotBeneficiary);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let due = record.vested_at(now).saturating_sub(record.claimed);
		ensure!(!due.is_zero(), Error::<T>::NothingToClaim);

		Self::pay_out(&record.beneficiary, due)?;
		Earmarked::<T>::mutate(|earmarked| earmarked.saturating_reduce(due));
		record.claimed.saturating_accrue(due);
		let beneficiary = record.beneficiary.clone();
		Self::store_grant(grant, record);
		Self::deposit_event(Event::GrantClaimed { grant, beneficiary, amount: due });
		Ok(())
	}

	pub(crate) fn do_cancel_grant(grant: GrantId) -> DispatchResult {
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

	/// Stores `record`, or removes it, from `Grants` and the index of live grants, once nothing
	/// more is owed.
	fn store_grant(grant: GrantId, record: Grant<T>) {
		if record.owed().is_zero() {
			Grants::<T>::remove(grant);
			Self::unlist_grant(grant);
		} else {
			Grants::<T>::insert(grant, record);
		}
	}
}
