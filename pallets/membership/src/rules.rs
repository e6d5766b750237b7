//! Which admission rules may take effect.

use crate::{Config, Error, Pallet, RulesOf};
use frame_support::{ensure, traits::Get};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Checks admission rules before they take effect (at genesis and in `set_rules`).
	pub fn validate(rules: &RulesOf<T>) -> Result<(), Error<T>> {
		let longest = T::EpochLength::get().saturating_mul(T::MaxProbationEpochs::get().into());
		ensure!(rules.probation <= longest, Error::<T>::ProbationTooLong);
		ensure!(
			(1..=T::MaxDormantAfter::get()).contains(&rules.dormant_after),
			Error::<T>::DormancyOutOfRange
		);
		ensure!(
			rules.sponsorships_per_epoch > 0 && rules.admissions_floor > 0,
			Error::<T>::ZeroAdmissions
		);
		Ok(())
	}
}
