//! The pot: its account, what it can pay, and money moving in and out of it.

use crate::{AuthorFees, BalanceOf, Config, Earmarked, Error, Pallet};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
	},
};
use sp_runtime::traits::{AccountIdConversion, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The pot's account.
	pub fn pot() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// What the pot could pay now: all but the existential deposit, what is earmarked and what
	/// this block owes its author.
	pub fn spendable() -> BalanceOf<T> {
		T::Currency::reducible_balance(&Self::pot(), Preservation::Preserve, Fortitude::Polite)
			.saturating_sub(Earmarked::<T>::get())
			.saturating_sub(AuthorFees::<T>::get())
	}

	/// Mints the existential deposit into the pot if it has less, so that it can take fees and
	/// slashes of any size.
	pub(crate) fn ensure_pot_exists() -> DispatchResult {
		let pot = Self::pot();
		let missing = T::Currency::minimum_balance().saturating_sub(T::Currency::balance(&pot));
		if !missing.is_zero() {
			T::Currency::mint_into(&pot, missing)?;
		}
		Ok(())
	}

	/// Moves `amount` from `who` to the pot, keeping `who` alive.
	pub(crate) fn pay_in(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::transfer(who, &Self::pot(), amount, Preservation::Preserve)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Ok(())
	}

	/// Moves `amount` from the pot to `to`; the pot keeps its existential deposit.
	pub(crate) fn pay_out(to: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::transfer(&Self::pot(), to, amount, Preservation::Preserve)
			.map_err(|_| Error::<T>::BeneficiaryCannotReceive)?;
		Ok(())
	}
}
