//! Contributions to a commons and their peer review: recording, reviewing, withdrawing and
//! dismissing, and the verdicts that return or slash the deposit.

use crate::{
	Commons, Config, Contribution, ContributionStatus, Contributions, Error, Event, HoldReason,
	NextContributionId, NoteOf, Pallet, PendingPerContributor, Review, Reviews,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{BalancedHold, MutateHold},
		tokens::Precision,
		OnUnbalanced,
	},
};
use frame_system::pallet_prelude::OriginFor;
use ostrom_primitives::{CommonsId, ContributionId, MembershipMutate};
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_contribute(
		contributor: T::AccountId,
		commons: CommonsId,
		content_hash: T::Hash,
		note: NoteOf<T>,
	) -> DispatchResult {
		Self::ensure_active_member(&contributor)?;
		let mut record = Self::active_commons(commons)?;
		let pending = PendingPerContributor::<T>::get(commons, &contributor);
		ensure!(
			pending < T::MaxPendingPerContributor::get(),
			Error::<T>::TooManyPendingFromContributor
		);
		ensure!(
			record.pending_contributions < T::MaxPendingContributions::get(),
			Error::<T>::TooManyPendingContributions
		);
		let contribution = NextContributionId::<T>::get();
		let next = contribution.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let deposit = T::ContributionDeposit::get();
		T::Currency::hold(&HoldReason::Contribution.into(), &contributor, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;

		record.pending_contributions.saturating_inc();
		Commons::<T>::insert(commons, record);
		PendingPerContributor::<T>::insert(commons, &contributor, pending.saturating_add(1));
		Contributions::<T>::insert(
			contribution,
			Contribution::<T> {
				commons,
				contributor: contributor.clone(),
				content_hash,
				note,
				recorded_at: frame_system::Pallet::<T>::block_number(),
				deposit,
				approvals: 0,
				rejections: 0,
				steward_approvals: 0,
				steward_rejections: 0,
				status: ContributionStatus::Pending,
			},
		);
		Self::index_contribution(&contributor, contribution);
		NextContributionId::<T>::put(next);
		Self::deposit_event(Event::ContributionRecorded {
			contribution,
			commons,
			contributor,
			content_hash,
		});
		Ok(())
	}

	pub(crate) fn do_review(
		reviewer: T::AccountId,
		contribution: ContributionId,
		approve: bool,
	) -> DispatchResult {
		Self::ensure_active_member(&reviewer)?;
		let mut entry = Self::pending_contribution(contribution)?;
		ensure!(entry.contributor != reviewer, Error::<T>::OwnContribution);
		ensure!(!Reviews::<T>::contains_key(contribution, &reviewer), Error::<T>::AlreadyReviewed);

		let by_steward = Self::is_acting(entry.commons, &reviewer);
		let (tally, steward_tally, threshold, error) = if approve {
			(
				&mut entry.approvals,
				&mut entry.steward_approvals,
				T::ReviewsToAccept::get(),
				Error::<T>::StewardApprovalNeeded,
			)
		} else {
			(
				&mut entry.rejections,
				&mut entry.steward_rejections,
				T::ReviewsToReject::get(),
				Error::<T>::StewardRejectionNeeded,
			)
		};
		tally.saturating_inc();
		if by_steward {
			steward_tally.saturating_inc();
		}
		let decides = *tally >= threshold;
		// Members outside the commons cannot decide among themselves, nor pile up reviews
		// while waiting for a steward: the deciding review is a steward's, or one came first.
		ensure!(!decides || *steward_tally > 0, error);

		Reviews::<T>::insert(contribution, &reviewer, Review { approve, by_steward });
		Self::deposit_event(Event::ContributionReviewed { contribution, reviewer, approve });
		if decides && approve {
			Self::accept(contribution, entry);
		} else if decides {
			Self::reject(contribution, entry);
		} else {
			Contributions::<T>::insert(contribution, entry);
		}
		Ok(())
	}

	pub(crate) fn do_withdraw_contribution(
		who: T::AccountId,
		contribution: ContributionId,
	) -> DispatchResult {
		let entry = Self::pending_contribution(contribution)?;
		ensure!(entry.contributor == who, Error::<T>::NotContributor);
		Self::close_without_verdict(contribution, entry, ContributionStatus::Withdrawn);
		Self::deposit_event(Event::ContributionWithdrawn { contribution });
		Ok(())
	}

	pub(crate) fn do_dismiss_contribution(
		origin: OriginFor<T>,
		contribution: ContributionId,
	) -> DispatchResult {
		let entry = Self::pending_contribution(contribution)?;
		Self::ensure_steward_or_admin(origin, entry.commons)?;
		Self::close_without_verdict(contribution, entry, ContributionStatus::Dismissed);
		Self::deposit_event(Event::ContributionDismissed { contribution });
		Ok(())
	}

	/// The contribution `contribution`, if it exists and awaits its verdict.
	fn pending_contribution(
		contribution: ContributionId,
	) -> Result<Contribution<T>, DispatchError> {
		let entry = Contributions::<T>::get(contribution).ok_or(Error::<T>::UnknownContribution)?;
		ensure!(entry.status == ContributionStatus::Pending, Error::<T>::ContributionNotPending);
		Ok(entry)
	}

	/// Accepts `entry`: returns its deposit and rewards its contributor.
	fn accept(contribution: ContributionId, mut entry: Contribution<T>) {
		Self::release_contribution_deposit(&entry);
		// A contributor who has left the DAO since gets the verdict, not the reputation;
		// one who earned their allowance for the epoch gets what is left of it.
		let reputation =
			T::Membership::add_reputation(&entry.contributor, T::ReputationPerContribution::get());
		Self::deposit_event(Event::ContributionAccepted {
			contribution,
			contributor: entry.contributor.clone(),
			reputation,
		});
		entry.status = ContributionStatus::Accepted;
		Self::leave_queue(contribution, entry);
	}

	/// Rejects `entry`: its deposit goes to `Slashed`.
	fn reject(contribution: ContributionId, mut entry: Contribution<T>) {
		let (slashed, _) =
			T::Currency::slash(&HoldReason::Contribution.into(), &entry.contributor, entry.deposit);
		T::Slashed::on_unbalanced(slashed);
		Self::deposit_event(Event::ContributionRejected { contribution });
		entry.status = ContributionStatus::Rejected;
		Self::leave_queue(contribution, entry);
	}

	/// Ends the pending `entry` as `status` (withdrawn or dismissed), returning its deposit.
	fn close_without_verdict(
		contribution: ContributionId,
		mut entry: Contribution<T>,
		status: ContributionStatus,
	) {
		Self::release_contribution_deposit(&entry);
		entry.status = status;
		Self::leave_queue(contribution, entry);
	}

	fn release_contribution_deposit(entry: &Contribution<T>) {
		// Best effort: the deposit was held at `contribute` and only this pallet releases
		// it, so all of it is there.
		let _ = T::Currency::release(
			&HoldReason::Contribution.into(),
			&entry.contributor,
			entry.deposit,
			Precision::BestEffort,
		);
	}

	/// Stores `entry`, no longer pending, and takes it off its commons' and contributor's
	/// pending counts, counting a verdict.
	fn leave_queue(contribution: ContributionId, entry: Contribution<T>) {
		Commons::<T>::mutate(entry.commons, |record| {
			if let Some(record) = record {
				record.pending_contributions.saturating_dec();
				match entry.status {
					ContributionStatus::Accepted => record.accepted_contributions.saturating_inc(),
					ContributionStatus::Rejected => record.rejected_contributions.saturating_inc(),
					_ => {}
				}
			}
		});
		PendingPerContributor::<T>::mutate_exists(entry.commons, &entry.contributor, |count| {
			*count = count.and_then(|count| count.checked_sub(1)).filter(|count| *count > 0);
		});
		Contributions::<T>::insert(contribution, entry);
	}
}
