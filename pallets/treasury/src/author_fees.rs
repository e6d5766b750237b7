//! The block author's share of fees. Each transaction's share goes into the pot and is noted;
//! the author is paid the sum once, when the block ends. A transaction then writes no account
//! but its payer's and the pot, which every block with a fee writes anyway: that saves a fee
//! payment a read and a write of the author's account, and the lookup of the author.

use crate::{AuthorFees, Config, CreditOf, Event, Pallet};
use core::marker::PhantomData;
use frame_support::traits::{
	fungible::{Balanced, Mutate},
	tokens::Preservation,
	Imbalance, OnUnbalanced,
};
use sp_runtime::{traits::Zero, Saturating};

/// Who authored the current block.
pub trait BlockAuthor<AccountId> {
	/// The author of the block being built or imported; `None` if it has none.
	fn block_author() -> Option<AccountId>;

	/// Makes the current block one with an author, and returns the author.
	#[cfg(feature = "runtime-benchmarks")]
	fn author_for_benchmarks() -> AccountId;
}

/// Takes the author's share of a fee into the pot until the block ends.
pub struct ToBlockAuthor<T>(PhantomData<T>);

impl<T: Config> OnUnbalanced<CreditOf<T>> for ToBlockAuthor<T> {
	fn on_nonzero_unbalanced(credit: CreditOf<T>) {
		let amount = credit.peek();
		// The pot always exists, so resolving cannot fail for being below the minimum; if it
		// failed anyway the credit would be dropped, i.e. burnt.
		if T::Currency::resolve(&Pallet::<T>::pot(), credit).is_ok() {
			AuthorFees::<T>::mutate(|owed| owed.saturating_accrue(amount));
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Pays the block's author what its transactions owe them. Without an author, or to an
	/// author who cannot receive it (a new account given less than the existential deposit),
	/// the treasury keeps it.
	pub(crate) fn pay_block_author() {
		let owed = AuthorFees::<T>::take();
		if owed.is_zero() {
			return;
		}
		let Some(author) = T::Author::block_author() else { return };
		if T::Currency::transfer(&Self::pot(), &author, owed, Preservation::Preserve).is_ok() {
			Self::deposit_event(Event::AuthorPaid { author, amount: owed });
		}
	}
}
