//! Which governance rules may take effect.

use crate::{Config, Error, Pallet, RulesOf};
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Zero, Perbill};

impl<T: Config> Pallet<T> {
	/// Checks rules before they take effect (at genesis and in `set_rules`).
	pub fn validate(rules: &RulesOf<T>) -> Result<(), Error<T>> {
		ensure!(!rules.voting_period.is_zero(), Error::<T>::ZeroVotingPeriod);
		ensure!(rules.voting_period <= T::MaxVotingPeriod::get(), Error::<T>::VotingPeriodTooLong);
		ensure!(!rules.enactment_delay.is_zero(), Error::<T>::ZeroEnactmentDelay);
		ensure!(
			rules.enactment_delay <= T::MaxEnactmentDelay::get(),
			Error::<T>::EnactmentDelayTooLong
		);
		ensure!(rules.proposal_deposit <= T::MaxProposalDeposit::get(), Error::<T>::DepositTooHigh);
		let half = Perbill::from_percent(50);
		ensure!(
			rules.standard.approval >= half && rules.root.approval >= half,
			Error::<T>::ApprovalBelowHalf
		);
		ensure!(
			rules.standard.approval < Perbill::one() && rules.root.approval < Perbill::one(),
			Error::<T>::ApprovalUnreachable
		);
		ensure!(
			rules.root.quorum >= rules.standard.quorum
				&& rules.root.approval >= rules.standard.approval,
			Error::<T>::RootLaxerThanStandard
		);
		ensure!(
			rules.emergency.quorum >= rules.root.quorum
				&& rules.emergency.approval >= rules.root.approval,
			Error::<T>::EmergencyLaxerThanRoot
		);
		ensure!(rules.emergency.approval < Perbill::one(), Error::<T>::ApprovalUnreachable);
		ensure!(
			!rules.emergency_voting_period.is_zero()
				&& rules.emergency_voting_period < rules.enactment_delay,
			Error::<T>::EmergencyTooSlow
		);
		Ok(())
	}
}
