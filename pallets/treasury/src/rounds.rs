//! Quadratic-funding rounds: opening, enrolment, gifts, exclusion, cancellation, refunds and
//! finalisation with pairwise-bounded matching.

use crate::{
	funding, BalanceOf, CommonsFunding, Config, Earmarked, Error, Event, FundingState, Gift, Gifts,
	GiverGifts, HoldReason, MatchingRules, NextRoundId, OpenRounds, Pallet, Payout, PayoutsOf,
	Round, RoundCommons, RoundStatus, Rounds, WeightInfo,
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
use ostrom_primitives::{CommonsId, CommonsInspect, MembershipInspect, RoundId};
use sp_runtime::traits::{SaturatedConversion, Saturating, Zero};

/// Commons enrolled in a round, with their part in it.
pub(crate) type Enrolled<T> = Vec<(CommonsId, CommonsFunding<T>)>;

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
		let round = NextRoundId::<T>::get();
		let next = round.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let open = Self::open_rounds_with(round)?;
		Self::commit(matching)?;

		let now = frame_system::Pallet::<T>::block_number();
		let (enrolment_ends, ends_at) =
			(now.saturating_add(enrolment), now.saturating_add(duration));
		Rounds::<T>::insert(
			round,
			Round::<T> {
				matching,
				enrolment_ends,
				ends_at,
				given: Zero::zero(),
				unsettled: Zero::zero(),
				gifts: 0,
				commons: 0,
				excluded: 0,
				status: RoundStatus::Open,
			},
		);
		NextRoundId::<T>::put(next);
		OpenRounds::<T>::put(open);
		Earmarked::<T>::mutate(|earmarked| earmarked.saturating_accrue(matching));
		Self::deposit_event(Event::RoundOpened { round, matching, enrolment_ends, ends_at });
		Ok(())
	}

	pub(crate) fn do_enrol(
		steward: T::AccountId,
		round: RoundId,
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
			CommonsFunding::<T> {
				enrolled_by: steward.clone(),
				deposit,
				given: Zero::zero(),
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

	pub(crate) fn do_give(
		giver: T::AccountId,
		round: RoundId,
		commons: CommonsId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(T::Membership::is_active_member(&giver), Error::<T>::NotActiveMember);
		let mut record = Rounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(record.status == RoundStatus::Open && now < record.ends_at, Error::<T>::RoundEnded);
		let mut entry = RoundCommons::<T>::get(round, commons).ok_or(Error::<T>::NotEnrolled)?;
		ensure!(entry.state == FundingState::Enrolled, Error::<T>::NotEnrolled);
		ensure!(T::Commons::is_active(commons), Error::<T>::CommonsNotActive);
		ensure!(amount >= T::MinGift::get(), Error::<T>::GiftTooSmall);

		let earlier = Gifts::<T>::get((round, commons, &giver));
		let mut listed = GiverGifts::<T>::get(round, &giver);
		let position = listed.binary_search_by_key(&commons, |(commons, _)| *commons);
		if earlier.is_none() {
			ensure!(record.gifts < T::MaxGiftsPerRound::get(), Error::<T>::TooManyGiftsInRound);
			ensure!(entry.givers < T::MaxGiversPerCommons::get(), Error::<T>::TooManyGivers);
			let Err(at) = position else {
				// A gift without its entry in the giver's list would break the invariants.
				return Err(Error::<T>::TooManyCommonsForGiver.into());
			};
			listed
				.try_insert(at, (commons, amount))
				.map_err(|_| Error::<T>::TooManyCommonsForGiver)?;
			record.gifts.saturating_inc();
			entry.givers.saturating_inc();
		} else if let Ok(at) = position {
			listed[at].1.saturating_accrue(amount);
		}
		Self::pay_in(&giver, amount)?;

		let earlier = earlier.unwrap_or_default();
		// Insiders are judged when they give, and again at finalisation.
		let insider = earlier.insider || T::Commons::insiders(commons).contains(&giver);
		let gift = Gift { amount: earlier.amount.saturating_add(amount), insider };
		entry.given.saturating_accrue(amount);
		record.given.saturating_accrue(amount);
		record.unsettled.saturating_accrue(amount);
		Gifts::<T>::insert((round, commons, &giver), gift);
		GiverGifts::<T>::insert(round, &giver, listed);
		RoundCommons::<T>::insert(round, commons, entry);
		Rounds::<T>::insert(round, record);
		Earmarked::<T>::mutate(|earmarked| earmarked.saturating_accrue(amount));
		Self::deposit_event(Event::Given { round, commons, giver, amount });
		Ok(())
	}

	pub(crate) fn do_exclude_commons(round: RoundId, commons: CommonsId) -> DispatchResult {
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

	pub(crate) fn do_cancel_round(round: RoundId) -> DispatchResultWithPostInfo {
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
		Self::unlist_round(round);
		Self::deposit_event(Event::RoundCancelled { round });
		Ok(Some(T::WeightInfo::cancel_round(visited)).into())
	}

	pub(crate) fn do_refund_gifts(
		round: RoundId,
		commons: CommonsId,
	) -> DispatchResultWithPostInfo {
		let mut record = Rounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
		let mut entry = RoundCommons::<T>::get(round, commons).ok_or(Error::<T>::NotEnrolled)?;
		ensure!(entry.state == FundingState::Excluded, Error::<T>::NothingToRefund);

		let (mut givers, mut refunded) = (0u32, BalanceOf::<T>::zero());
		for (giver, gift) in Gifts::<T>::drain_prefix((round, commons)) {
			Self::pay_out(&giver, gift.amount)?;
			GiverGifts::<T>::mutate(round, &giver, |gifts| gifts.retain(|(c, _)| *c != commons));
			givers.saturating_inc();
			refunded.saturating_accrue(gift.amount);
		}
		record.unsettled.saturating_reduce(refunded);
		record.gifts.saturating_reduce(givers);
		entry.state = FundingState::Refunded;
		RoundCommons::<T>::insert(round, commons, entry);
		Rounds::<T>::insert(round, record);
		Earmarked::<T>::mutate(|earmarked| earmarked.saturating_reduce(refunded));
		Self::deposit_event(Event::GiftsRefunded { round, commons, givers, amount: refunded });
		Ok(Some(T::WeightInfo::refund_gifts(givers)).into())
	}

	pub(crate) fn do_finalize_round(round: RoundId) -> DispatchResultWithPostInfo {
		let mut record = Rounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
		ensure!(record.status == RoundStatus::Open, Error::<T>::RoundNotOpen);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= record.ends_at, Error::<T>::RoundNotEnded);

		let visited = record.commons.saturating_add(record.excluded);
		let (eligible, archived) = Self::finalisation_plan(round);
		for (commons, mut entry) in archived {
			// Archived during the round: no match, gifts back to their givers.
			Self::release_deposit(&mut entry);
			Self::set_excluded(round, commons, entry, &mut record);
			Self::deposit_event(Event::CommonsExcluded { round, commons, slashed: Zero::zero() });
		}
		let (matches, pairs) = Self::matches_of(round, &eligible, record.matching);

		let mut payouts = PayoutsOf::<T>::new();
		let (mut matched_total, mut passed_on) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		for ((commons, mut entry), matched) in eligible.into_iter().zip(matches) {
			entry.matched = matched;
			matched_total.saturating_accrue(entry.matched);
			passed_on.saturating_accrue(entry.given);
			Self::pay_out(
				&Self::commons_account(commons),
				entry.given.saturating_add(entry.matched),
			)?;
			Self::release_deposit(&mut entry);
			entry.state = FundingState::Paid;
			payouts
				.try_push(Payout { commons, given: entry.given, matched: entry.matched })
				.map_err(|_| Error::<T>::TooManyCommons)?;
			RoundCommons::<T>::insert(round, commons, entry);
		}

		let returned = record.matching.saturating_sub(matched_total);
		Earmarked::<T>::mutate(|earmarked| {
			earmarked.saturating_reduce(record.matching.saturating_add(passed_on));
		});
		record.unsettled.saturating_reduce(passed_on);
		record.status = RoundStatus::Finalized { matched: matched_total, returned };
		let gifts = record.gifts;
		Rounds::<T>::insert(round, record);
		Self::unlist_round(round);
		Self::deposit_event(Event::RoundFinalized { round, payouts, returned });
		Ok(Some(Self::finalize_round_weight(visited, gifts, pairs)).into())
	}

	/// The enrolled commons of `round` that finalising it now would match (still active), and
	/// those it would exclude (archived meanwhile), each sorted by identifier.
	pub(crate) fn finalisation_plan(round: RoundId) -> (Enrolled<T>, Enrolled<T>) {
		let mut enrolled: Enrolled<T> = RoundCommons::<T>::iter_prefix(round)
			.filter(|(_, entry)| entry.state == FundingState::Enrolled)
			.collect();
		enrolled.sort_by_key(|(commons, _)| *commons);
		enrolled.into_iter().partition(|(commons, _)| T::Commons::is_active(*commons))
	}

	/// The matches from a pool of `matching` of the `eligible` commons of `round` (sorted), in
	/// their order, under the current matching rules; and how many pairs of givers were
	/// visited. Finalisation pays these; the views show them as projections.
	pub(crate) fn matches_of(
		round: RoundId,
		eligible: &[(CommonsId, CommonsFunding<T>)],
		matching: BalanceOf<T>,
	) -> (Vec<BalanceOf<T>>, u32) {
		let rules = MatchingRules::<T>::get();
		let bound = rules.coordination_bound.saturated_into::<u128>();
		// Coordination counts only the gifts that are matched in this round, so that it does not
		// depend on whether anyone refunded excluded commons first.
		let matched_commons: Vec<CommonsId> =
			eligible.iter().map(|(commons, _)| *commons).collect();
		let (mut ideals, mut pairs) = (Vec::new(), 0u32);
		for commons in &matched_commons {
			let (ideal, matched_givers) =
				Self::ideal_match(round, *commons, &matched_commons, bound);
			pairs.saturating_accrue(funding::pairs(matched_givers));
			ideals.push(ideal);
		}
		let pool = matching.saturated_into::<u128>();
		let cap = rules.max_match_share.mul_floor(pool);
		let matches = funding::matches(pool, cap, &ideals)
			.into_iter()
			.map(SaturatedConversion::saturated_into)
			.collect();
		(matches, pairs)
	}

	/// The pairwise-bounded ideal match of `commons` in `round`, and how many of its givers
	/// were matched: all but its insiders, judged when they gave and now. Coordination sums
	/// over the gifts to `matched_commons` (sorted).
	fn ideal_match(
		round: RoundId,
		commons: CommonsId,
		matched_commons: &[CommonsId],
		bound: u128,
	) -> (u128, u32) {
		let insiders = T::Commons::insiders(commons);
		let givers: Vec<(u128, Vec<(CommonsId, u128)>)> = Gifts::<T>::iter_prefix((round, commons))
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
		round: RoundId,
		commons: CommonsId,
		mut entry: CommonsFunding<T>,
		record: &mut Round<T>,
	) {
		entry.state =
			if entry.givers == 0 { FundingState::Refunded } else { FundingState::Excluded };
		RoundCommons::<T>::insert(round, commons, entry);
		record.commons.saturating_dec();
		record.excluded.saturating_inc();
	}

	/// Gives the enrolment deposit of `entry` back to the steward who enrolled it.
	fn release_deposit(entry: &mut CommonsFunding<T>) {
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
		let gifts = T::MaxGiftsPerRound::get();
		let commons = T::MaxCommonsPerRound::get();
		let full = (gifts / per_commons).min(commons);
		let rest = if full < commons { (gifts - full * per_commons).min(per_commons) } else { 0 };
		full.saturating_mul(funding::pairs(per_commons)).saturating_add(funding::pairs(rest))
	}
}
