//! What the calls do, and the membership changes they share.

use crate::{
	Admissions, AdmissionsPaused, Application, Applications, Config, EpochAdmissions, Error, Event,
	HoldReason, MemberCount, MemberRecord, MemberStatus, Members, Pallet, ReputationEarned, Rules,
	RulesOf, SponsorQuota,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_apply(
		who: T::AccountId,
		metadata: BoundedVec<u8, T::MaxMetadataLen>,
	) -> DispatchResult {
		ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
		ensure!(!Applications::<T>::contains_key(&who), Error::<T>::AlreadyApplied);
		ensure!(MemberCount::<T>::get() < T::MaxMembers::get(), Error::<T>::TooManyMembers);

		let deposit = T::ApplicationDeposit::get();
		T::Currency::hold(&HoldReason::Application.into(), &who, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Applications::<T>::insert(
			&who,
			Application::<T> { metadata, deposit, sponsors: BoundedVec::new() },
		);
		Self::deposit_event(Event::Applied { who, deposit });
		Ok(())
	}

	pub(crate) fn do_sponsor(sponsor: T::AccountId, applicant: T::AccountId) -> DispatchResult {
		let mut record = Self::ensure_settled_member(&sponsor)?;
		ensure!(!AdmissionsPaused::<T>::get(), Error::<T>::AdmissionsPaused);
		let mut application =
			Applications::<T>::get(&applicant).ok_or(Error::<T>::NoApplication)?;
		ensure!(!application.sponsors.contains(&sponsor), Error::<T>::AlreadySponsored);
		let epoch = Self::current_epoch();
		let used = record.sponsorships_in(epoch);
		ensure!(used < Rules::<T>::get().sponsorships_per_epoch, Error::<T>::SponsorQuotaExhausted);

		// A vouch counts only while its giver may act: one who left, was removed or is
		// suspended since no longer helps to admit anyone.
		application.sponsors.retain(|earlier| Self::ensure_active_member(earlier).is_ok());
		let sponsors = (application.sponsors.len() as u32).saturating_add(1);
		let admits = sponsors >= T::SponsorsRequired::get();
		ensure!(!admits || Self::admissions_left() > 0, Error::<T>::AdmissionCapReached);

		record.quota = SponsorQuota { epoch, used: used.saturating_add(1) };
		Members::<T>::insert(&sponsor, record);
		Self::deposit_event(Event::Sponsored {
			applicant: applicant.clone(),
			sponsor: sponsor.clone(),
			sponsors,
		});
		// Cannot fail: fewer than `SponsorsRequired` sponsors are kept, and one more fits.
		application.sponsors.try_push(sponsor).map_err(|_| Error::<T>::AlreadySponsored)?;
		if admits {
			Self::admit(&applicant, application.sponsors)?;
			Admissions::<T>::mutate(|admissions| {
				if admissions.epoch != epoch {
					*admissions = EpochAdmissions { epoch, admitted: 0 };
				}
				admissions.admitted = admissions.admitted.saturating_add(1);
			});
			Ok(())
		} else {
			Applications::<T>::insert(&applicant, application);
			Ok(())
		}
	}

	pub(crate) fn do_withdraw_application(who: T::AccountId) -> DispatchResult {
		ensure!(Applications::<T>::contains_key(&who), Error::<T>::NoApplication);
		Self::close_application(&who)?;
		Self::deposit_event(Event::ApplicationWithdrawn { who });
		Ok(())
	}

	pub(crate) fn do_leave(who: T::AccountId) -> DispatchResult {
		Self::ensure_active_member(&who)?;
		Self::remove(&who)?;
		Self::deposit_event(Event::MemberLeft { who });
		Ok(())
	}

	pub(crate) fn do_add_member(who: T::AccountId) -> DispatchResult {
		ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
		Self::admit(&who, BoundedVec::new())
	}

	pub(crate) fn do_remove_member(who: T::AccountId) -> DispatchResult {
		let record = Self::remove(&who)?;
		Self::deposit_event(Event::MemberRemoved { who: who.clone() });
		Self::sanction_sponsors(&who, &record);
		Ok(())
	}

	pub(crate) fn do_suspend(who: T::AccountId, until: BlockNumberFor<T>) -> DispatchResult {
		ensure!(
			until > frame_system::Pallet::<T>::block_number(),
			Error::<T>::SuspensionNotInFuture
		);
		Members::<T>::try_mutate(&who, |record| {
			let record = record.as_mut().ok_or(Error::<T>::NotMember)?;
			record.status = MemberStatus::Suspended { until };
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::MemberSuspended { who, until });
		Ok(())
	}

	#[frame_support::transactional]
	pub(crate) fn do_remove_members(
		members: BoundedVec<T::AccountId, T::MaxRemovals>,
	) -> DispatchResult {
		let mut sorted = members.to_vec();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == members.len(), Error::<T>::DuplicateRemoval);
		for who in members {
			Self::do_remove_member(who)?;
		}
		Ok(())
	}

	pub(crate) fn do_set_admissions_paused(paused: bool) -> DispatchResult {
		AdmissionsPaused::<T>::put(paused);
		Self::deposit_event(Event::AdmissionsPausedSet { paused });
		Ok(())
	}

	pub(crate) fn do_set_rules(rules: RulesOf<T>) -> DispatchResult {
		Self::validate(&rules)?;
		Rules::<T>::put(rules);
		Self::deposit_event(Event::RulesChanged { rules });
		Ok(())
	}

	/// Fails unless `who` is a member who may act now.
	pub fn ensure_active_member(who: &T::AccountId) -> DispatchResult {
		let record = Members::<T>::get(who).ok_or(Error::<T>::NotActiveMember)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(record.is_active_at(&now), Error::<T>::NotActiveMember);
		Ok(())
	}

	/// Fails unless `who` is an active member past probation.
	pub fn ensure_settled_member(who: &T::AccountId) -> Result<MemberRecord<T>, DispatchError> {
		let record = Members::<T>::get(who).ok_or(Error::<T>::NotActiveMember)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(record.is_active_at(&now), Error::<T>::NotActiveMember);
		ensure!(record.is_settled_at(&now), Error::<T>::InProbation);
		Ok(record)
	}

	/// Suspends the sponsors of `member`, just removed, if it was admitted within the
	/// accountability period; sponsors no longer members are beyond reach.
	fn sanction_sponsors(member: &T::AccountId, record: &MemberRecord<T>) {
		let rules = Rules::<T>::get();
		let now = frame_system::Pallet::<T>::block_number();
		if now >= record.joined_at.saturating_add(rules.accountability_period) {
			return;
		}
		let until = now.saturating_add(rules.sponsor_suspension);
		for sponsor in &record.sponsors {
			let sanctioned = Members::<T>::mutate(sponsor, |sponsor_record| {
				let Some(sponsor_record) = sponsor_record else { return false };
				// A longer suspension already in force stays.
				if let MemberStatus::Suspended { until: earlier } = sponsor_record.status {
					if earlier >= until {
						return false;
					}
				}
				sponsor_record.status = MemberStatus::Suspended { until };
				true
			});
			if sanctioned {
				Self::deposit_event(Event::SponsorSanctioned {
					sponsor: sponsor.clone(),
					member: member.clone(),
					until,
				});
			}
		}
	}

	/// Makes `who` a member admitted by `sponsors`, ending their application if they have
	/// one.
	fn admit(
		who: &T::AccountId,
		sponsors: BoundedVec<T::AccountId, T::SponsorsRequired>,
	) -> DispatchResult {
		ensure!(MemberCount::<T>::get() < T::MaxMembers::get(), Error::<T>::TooManyMembers);
		if Applications::<T>::contains_key(who) {
			Self::close_application(who)?;
		}
		let probation = Rules::<T>::get().probation;
		Self::insert_member(who, probation, sponsors);
		Self::deposit_event(Event::MemberAdded { who: who.clone() });
		Ok(())
	}

	/// Stores `who` as a member on probation for `probation` blocks, counted among the eligible
	/// voters from the first epoch that starts after the probation.
	pub(crate) fn insert_member(
		who: &T::AccountId,
		probation: BlockNumberFor<T>,
		sponsors: BoundedVec<T::AccountId, T::SponsorsRequired>,
	) {
		let now = frame_system::Pallet::<T>::block_number();
		let probation_ends = now.saturating_add(probation);
		let counted_from = if probation.is_zero() {
			Self::epoch_of(now)
		} else {
			Self::epoch_of(probation_ends).saturating_add(1)
		};
		Members::<T>::insert(
			who,
			MemberRecord {
				joined_at: now,
				reputation: 0,
				status: MemberStatus::Active,
				probation_ends,
				sponsors,
				quota: SponsorQuota::default(),
				counted_from,
			},
		);
		Self::count_from(None, Some(counted_from));
		MemberCount::<T>::mutate(|count| *count = count.saturating_add(1));
	}

	/// Removes the member `who`; returns their record.
	pub(crate) fn remove(who: &T::AccountId) -> Result<MemberRecord<T>, DispatchError> {
		let record = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
		ensure!(MemberCount::<T>::get() > 1, Error::<T>::LastMember);
		Members::<T>::remove(who);
		ReputationEarned::<T>::remove(who);
		Self::count_from(Some(record.counted_from), None);
		MemberCount::<T>::mutate(|count| *count = count.saturating_sub(1));
		Ok(record)
	}

	/// Removes the application of `who` and releases its deposit.
	fn close_application(who: &T::AccountId) -> DispatchResult {
		let application = Applications::<T>::take(who).ok_or(Error::<T>::NoApplication)?;
		T::Currency::release(
			&HoldReason::Application.into(),
			who,
			application.deposit,
			Precision::BestEffort,
		)?;
		Ok(())
	}
}
