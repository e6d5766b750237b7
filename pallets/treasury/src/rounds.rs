//! Quadratic-funding rounds: opening, enrolment, gifts, exclusion, cancellation, refunds and
//! finalisation with pairwise-bounded matching.

use crate::{
	funding, BalanceOf, CommonsFunding, CommonsFundingOf, Config, Contributions, Earmarked, Error,
	Event, FundingState, Gift, GiverGifts, HoldReason, Matching, Pallet, Payout, PayoutsOf, Round,
	RoundCommons, RoundCount, RoundIndex, RoundStatus, Rounds, WeightInfo,
};
use alloc::vec::Vec;
use frame_support::{
	dispatch::DispatchResultWithPostInfo,
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::{CommonsId, CommonsInspect, MembershipInspect};
use sp_runtime::traits::{SaturatedConversion, Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_open_round(
		matching: BalanceOf<T>,
		enrolment: BlockNumberFor<T>,
		duration: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!duration.is_zero() && !enrolment.is_zero(), Error::<T>::ZeroDuration);
		ensure!(
			duration <= T::MaxRoundDuration::get() && enrolment <= duration,
			Error::<T>::RoundTooLong
		);
		let round = RoundCount::<T>::get();
		let next = round.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		Self::commit(matching)?;

		let now = frame_system::Pallet::<T>::block_number();
		let (enrolment_ends, ends_at) =
			(now.saturating_add(enrolment), now.saturating_add(duration));
		Rounds::<T>::insert(
			round,
			Round {
				matching,
				enrolment_ends,
				ends_at,
				contributed: Zero::zero(),
				unsettled: Zero::zero(),
				contributions: 0,
				commons: 0,
				excluded: 0,
				status: RoundStatus::Open,
			},
		);
		RoundCount::<T>::put(next);
		Earmarked::<T>::mutate(|earmarked| earmarked.saturating_accrue(matching));
		Self::deposit_event(Event::RoundOpened { round, matching, enrolment_ends, ends_at });
		Ok(())
	}

	pub(crate) fn do_enrol(
		steward: T::AccountId,
		round: RoundIndex,
		commons: CommonsId,
	) -> DispatchResult {
		let mut record = Rounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
		ensure!(record.status == RoundStatus::Open, Error::<T>::RoundNotOpen);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < record.enrolment_ends, Error::<T>::EnrolmentClosed);
		ensure!(T::Commons::is_active(commons), Error::<T>::CommonsNotActive);
		ensure!(T::Commons::is_acting_steward(commons, &steward), Error::<T>::NotSteward);
		ensure!(!RoundCommons::<T>::contains_key(round, commons), Error::<T>::AlreadyEnrolled);
		// Excluded commons give their place back, but their records stay: at most as many as
		// the places, so that finalising visits a bounded number.
		let places = T::MaxCommonsPerRound::get();
		ensure!(
			record.commons < places
				&& record.commons.saturating_add(record.excluded) < Self::max_commons_records(),
			Error::<T>::TooManyCommons
		);

		let deposit = T::EnrolmentDeposit::get();
		T::Currency::hold(&HoldReason::Enrolment.into(), &steward, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		RoundCommons::<T>::insert(
			round,
			commons,
			CommonsFunding {
				enrolled_by: steward.clone(),
				deposit,
				contributed: Zero::zero(),
				givers: 0,
				matched: Zero::zero(),
				state: FundingState::Enrolled,
			},
		);
		record.commons.saturating_inc();
		Rounds::<T>::insert(round, record);
		Self::deposit_event(Event::CommonsEnrolled { round, commons, steward, deposit });
		Ok(())
	}

	pub(crate) fn do_contribute(
		who: T::AccountId,
		round: RoundIndex,
		commons: CommonsId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(T::Membership::is_active_member(&who), Error::<T>::NotActiveMember);
		let mut record = Rounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(record.status == RoundStatus::Open && now < record.ends_at, Error::<T>::RoundEnded);
		let mut entry = RoundCommons::<T>::get(round, commons).ok_or(Error::<T>::NotEnrolled)?;
		ensure!(entry.state == FundingState::Enrolled, Error::<T>::NotEnrolled);
		ensure!(T::Commons::is_active(commons), Error::<T>::CommonsNotActive);
		ensure!(amount >= T::MinContribution::get(), Error::<T>::ContributionTooSmall);

		let earlier = Contributions::<T>::get((round, commons, &who));
		let mut gifts = GiverGifts::<T>::get(round, &who);
		let position = gifts.binary_search_by_key(&commons, |(commons, _)| *commons);
		if earlier.is_none() {
			ensure!(
				record.contributions < T::MaxContributionsPerRound::get(),
				Error::<T>::TooManyContributions
			);
			ensure!(entry.givers < T::MaxGiversPerCommons::get(), Error::<T>::TooManyGivers);
			let Err(at) = position else {
				// A gift without its entry in the giver's list would break the invariants.
				return Err(Error::<T>::TooManyGifts.into());
			};
			gifts.try_insert(at, (commons, amount)).map_err(|_| Error::<T>::TooManyGifts)?;
			record.contributions.saturating_inc();
			entry.givers.saturating_inc();
		} else if let Ok(at) = position {
			gifts[at].1.saturating_accrue(amount);
		}
		Self::pay_in(&who, amount)?;

		let earlier = earlier.unwrap_or_default();
		// Insiders are judged when they give, and again at finalisation.
		let insider = earlier.insider || T::Commons::insiders(commons).contains(&who);
		let gift = Gift { amount: earlier.amount.saturating_add(amount), insider };
		entry.contributed.saturating_accrue(amount);
		record.contributed.saturating_accrue(amount);
		record.unsettled.saturating_accrue(amount);
		Contributions::<T>::insert((round, commons, &who), gift);
		GiverGifts::<T>::insert(round, &who, gifts);
		RoundCommons::<T>::insert(round, commons, entry);
		Rounds::<T>::insert(round, record);
		Earmarked::<T>::mutate(|earmarked| earmarked.saturating_accrue(amount));
		Self::deposit_event(Event::Contributed { round, commons, who, amount });
		Ok(())
	}

	pub(crate) fn do_exclude_commons(round: RoundIndex, commons: CommonsId) -> DispatchResult {
		let mut record = Rounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
		ensure!(record.status == RoundStatus::Open, Error::<T>::RoundNotOpen);
		let mut entry = RoundCommons::<T>::get(round, commons).ok_or(Error::<T>::NotEnrolled)?;
		ensure!(entry.state == FundingState::Enrolled, Error::<T>::NotEnrolled);

		let slashed = T::Currency::transfer_on_hold(
			&HoldReason::Enrolment.into(),
			&entry.enrolled_by,
			&Self::pot(),
			entry.deposit,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)?;
		entry.deposit = Zero::zero();
		Self::set_excluded(round, commons, entry, &mut record);
		Rounds::<T>::insert(round, record);
		Self::deposit_event(Event::CommonsExcluded { round, commons, slashed });
		Ok(())
	}

	pub(crate) fn do_cancel_round(round: RoundIndex) -> DispatchResultWithPostInfo {
		let mut record = Rounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
		ensure!(record.status == RoundStatus::Open, Error::<T>::RoundNotOpen);
		let visited = record.commons.saturating_add(record.excluded);
		for (commons, mut entry) in RoundCommons::<T>::iter_prefix(round) {
			if entry.state == FundingState::Enrolled {
				Self::release_deposit(&mut entry);
				Self::set_excluded(round, commons, entry, &mut record);
			}
		}
		Earmarked::<T>::mutate(|earmarked| earmarked.saturating_reduce(record.matching));
		Self::uncommit(record.matching);
		record.status = RoundStatus::Cancelled;
		Rounds::<T>::insert(round, record);
		Self::deposit_event(Event::RoundCancelled { round });
		Ok(Some(T::WeightInfo::cancel_round(visited)).into())
	}

	pub(crate) fn do_refund_gifts(
		round: RoundIndex,
		commons: CommonsId,
	) -> DispatchResultWithPostInfo {
		let mut record = Rounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
		let mut entry = RoundCommons::<T>::get(round, commons).ok_or(Error::<T>::NotEnrolled)?;
		ensure!(entry.state == FundingState::Excluded, Error::<T>::NothingToRefund);

		let (mut givers, mut refunded) = (0u32, BalanceOf::<T>::zero());
		for (giver, gift) in Contributions::<T>::drain_prefix((round, commons)) {
			Self::pay_out(&giver, gift.amount)?;
			GiverGifts::<T>::mutate(round, &giver, |gifts| gifts.retain(|(c, _)| *c != commons));
			givers.saturating_inc();
			refunded.saturating_accrue(gift.amount);
		}
		record.unsettled.saturating_reduce(refunded);
		record.contributions.saturating_reduce(givers);
		entry.state = FundingState::Refunded;
		RoundCommons::<T>::insert(round, commons, entry);
		Rounds::<T>::insert(round, record);
		Earmarked::<T>::mutate(|earmarked| earmarked.saturating_reduce(refunded));
		Self::deposit_event(Event::GiftsRefunded { round, commons, givers, amount: refunded });
		Ok(Some(T::WeightInfo::refund_gifts(givers)).into())
	}

	pub(crate) fn do_finalize_round(round: RoundIndex) -> DispatchResultWithPostInfo {
		let mut record = Rounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
		ensure!(record.status == RoundStatus::Open, Error::<T>::RoundNotOpen);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= record.ends_at, Error::<T>::RoundNotEnded);

		let rules = Matching::<T>::get();
		let bound = rules.coordination_bound.saturated_into::<u128>();
		let mut enrolled: Vec<(CommonsId, CommonsFundingOf<T>)> =
			RoundCommons::<T>::iter_prefix(round).collect();
		enrolled.sort_by_key(|(commons, _)| *commons);

		let visited = record.commons.saturating_add(record.excluded);
		let mut eligible = Vec::new();
		for (commons, mut entry) in enrolled {
			if entry.state != FundingState::Enrolled {
				continue;
			}
			if !T::Commons::is_active(commons) {
				// Archived during the round: no match, gifts back to their givers.
				Self::release_deposit(&mut entry);
				Self::set_excluded(round, commons, entry, &mut record);
				Self::deposit_event(Event::CommonsExcluded {
					round,
					commons,
					slashed: Zero::zero(),
				});
				continue;
			}
			eligible.push((commons, entry));
		}
		// Coordination counts only the gifts that are matched in this round, so that it does not
		// depend on whether anyone refunded excluded commons first.
		let matched_commons: Vec<CommonsId> =
			eligible.iter().map(|(commons, _)| *commons).collect();
		let (mut ideals, mut pairs) = (Vec::new(), 0u32);
		for (commons, _) in &eligible {
			let (ideal, matched_givers) =
				Self::ideal_match(round, *commons, &matched_commons, bound);
			pairs.saturating_accrue(funding::pairs(matched_givers));
			ideals.push(ideal);
		}

		let pool = record.matching.saturated_into::<u128>();
		let cap = rules.max_match_share.mul_floor(pool);
		let mut payouts = PayoutsOf::<T>::new();
		let (mut matched_total, mut passed_on) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		for ((commons, mut entry), matched) in
			eligible.into_iter().zip(funding::matches(pool, cap, &ideals))
		{
			entry.matched = matched.saturated_into();
			matched_total.saturating_accrue(entry.matched);
			passed_on.saturating_accrue(entry.contributed);
			Self::pay_out(
				&Self::commons_account(commons),
				entry.contributed.saturating_add(entry.matched),
			)?;
			Self::release_deposit(&mut entry);
			entry.state = FundingState::Paid;
			payouts
				.try_push(Payout {
					commons,
					contributed: entry.contributed,
					matched: entry.matched,
				})
				.map_err(|_| Error::<T>::TooManyCommons)?;
			RoundCommons::<T>::insert(round, commons, entry);
		}

		let returned = record.matching.saturating_sub(matched_total);
		Earmarked::<T>::mutate(|earmarked| {
			earmarked.saturating_reduce(record.matching.saturating_add(passed_on))
		});
		record.unsettled.saturating_reduce(passed_on);
		record.status = RoundStatus::Finalized { matched: matched_total, returned };
		let gifts = record.contributions;
		Rounds::<T>::insert(round, record);
		Self::deposit_event(Event::RoundFinalized { round, payouts, returned });
		Ok(Some(Self::finalize_round_weight(visited, gifts, pairs)).into())
	}

	/// The pairwise-bounded ideal match of `commons` in `round`, and how many of its givers
	/// were matched: all but its insiders, judged when they gave and now. Coordination sums
	/// over the gifts to `matched_commons` (sorted).
	fn ideal_match(
		round: RoundIndex,
		commons: CommonsId,
		matched_commons: &[CommonsId],
		bound: u128,
	) -> (u128, u32) {
		let insiders = T::Commons::insiders(commons);
		let givers: Vec<(u128, Vec<(CommonsId, u128)>)> =
			Contributions::<T>::iter_prefix((round, commons))
				.filter(|(giver, gift)| !gift.insider && !insiders.contains(giver))
				.map(|(giver, gift)| {
					let gifts = GiverGifts::<T>::get(round, &giver)
						.into_iter()
						.filter(|(commons, _)| matched_commons.binary_search(commons).is_ok())
						.map(|(commons, amount)| (commons, funding::root(amount.saturated_into())))
						.collect();
					(gift.amount.saturated_into::<u128>(), gifts)
				})
				.collect();
		let views: Vec<funding::Giver> = givers
			.iter()
			.map(|(amount, gifts)| funding::Giver { amount: *amount, gifts })
			.collect();
		(funding::ideal_match(&views, bound), views.len() as u32)
	}

	/// Marks `commons` as getting no match in `round`, whose `record` it gives its place back
	/// to: its gifts are owed back to their givers (none at once, if it has none).
	fn set_excluded(
		round: RoundIndex,
		commons: CommonsId,
		mut entry: CommonsFundingOf<T>,
		record: &mut crate::RoundOf<T>,
	) {
		entry.state =
			if entry.givers == 0 { FundingState::Refunded } else { FundingState::Excluded };
		RoundCommons::<T>::insert(round, commons, entry);
		record.commons.saturating_dec();
		record.excluded.saturating_inc();
	}

	/// Gives the enrolment deposit of `entry` back to the steward who enrolled it.
	fn release_deposit(entry: &mut CommonsFundingOf<T>) {
		// Best effort: the hold is this pallet's and always at least the recorded deposit.
		let _ = T::Currency::release(
			&HoldReason::Enrolment.into(),
			&entry.enrolled_by,
			entry.deposit,
			Precision::BestEffort,
		);
		entry.deposit = Zero::zero();
	}

	/// What finalising a round with `commons` enrolled, `gifts` gifts and `pairs` matched
	/// pairs of givers costs.
	pub fn finalize_round_weight(commons: u32, gifts: u32, pairs: u32) -> Weight {
		T::WeightInfo::finalize_round(commons, gifts)
			.saturating_add(T::WeightInfo::match_pairs(pairs))
	}

	/// The most commons records a round can hold: its places, and as many excluded.
	pub fn max_commons_records() -> u32 {
		T::MaxCommonsPerRound::get().saturating_mul(2)
	}

	/// The most pairs a round can match: its gifts packed into as few commons as the bound on
	/// givers per commons allows, since pairs grow with the square of a commons' givers.
	pub fn max_pairs() -> u32 {
		let per_commons = T::MaxGiversPerCommons::get().max(1);
		let gifts = T::MaxContributionsPerRound::get();
		let commons = T::MaxCommonsPerRound::get();
		let full = (gifts / per_commons).min(commons);
		let rest = if full < commons { (gifts - full * per_commons).min(per_commons) } else { 0 };
		full.saturating_mul(funding::pairs(per_commons)).saturating_add(funding::pairs(rest))
	}
}
