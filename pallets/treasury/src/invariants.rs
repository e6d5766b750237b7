//! The treasury's invariants, checked by `try_state` and by the tests after every step.

use crate::{
	AuthorFees, BalanceOf, CommonsSpends, Config, Earmarked, FundingState, Gifts, GiverGifts,
	Grants, HoldReason, LiveGrants, MatchingRules, NextCommonsSpendId, NextGrantId, NextRoundId,
	OpenRounds, Pallet, Round, RoundCommons, RoundStatus, Rounds, SpendRules, StewardSpending,
};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, InspectHold},
		tokens::{Fortitude, Preservation},
		Get,
	},
};
use ostrom_primitives::{GrantId, RoundId};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// `Earmarked` is what open rounds' pools, unsettled gifts and grants owe, and the pot
	/// holds it on top of its existential deposit; each round's records add up (gifts per
	/// commons and in all, the givers' lists, the counts against their bounds); a finalised
	/// round paid at most its pool; enrolment deposits are held exactly for enrolled commons;
	/// pending commons spends have ids below the next one and are approved by distinct
	/// stewards; the indexes `OpenRounds` and `LiveGrants` hold exactly the open rounds and the
	/// stored grants, sorted, within their bounds.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut owed = BalanceOf::<T>::zero();
		let mut live = Vec::new();
		for (grant, record) in Grants::<T>::iter() {
			ensure!(grant < NextGrantId::<T>::get(), "a grant id is not below NextGrantId");
			ensure!(record.claimed < record.amount, "a paid-up grant is still stored");
			owed.saturating_accrue(record.owed());
			live.push(grant);
		}
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut open = Vec::new();
		for (round, record) in Rounds::<T>::iter() {
			ensure!(round < NextRoundId::<T>::get(), "a round id is not below NextRoundId");
			Self::check_round(round, &record, &mut deposits)?;
			if record.status == RoundStatus::Open {
				owed.saturating_accrue(record.matching);
				open.push(round);
			}
			owed.saturating_accrue(record.unsettled);
		}
		Self::check_indexes(live, open)?;
		ensure!(Earmarked::<T>::get() == owed, "Earmarked differs from what is owed");
		for (steward, total) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Enrolment.into(), &steward) == total,
				"a steward's held enrolment deposits differ from their enrolled commons'"
			);
		}
		let pot = Self::pot();
		ensure!(
			T::Currency::balance(&pot) >= T::Currency::minimum_balance(),
			"the pot fell below the existential deposit"
		);
		ensure!(
			T::Currency::reducible_balance(&pot, Preservation::Preserve, Fortitude::Polite)
				>= owed.saturating_add(AuthorFees::<T>::get()),
			"the pot holds less than is earmarked and owed to the block's author"
		);
		ensure!(!SpendRules::<T>::get().period.is_zero(), "a zero spending period");
		ensure!(
			!MatchingRules::<T>::get().coordination_bound.is_zero(),
			"a zero coordination bound"
		);
		for (_, spending) in StewardSpending::<T>::iter() {
			ensure!(
				spending.committed <= T::StewardAllowance::get(),
				"stewards paid alone more than their allowance"
			);
		}
		for (commons, pending) in CommonsSpends::<T>::iter() {
			for (spend, record) in pending {
				ensure!(
					spend < NextCommonsSpendId::<T>::get(commons),
					"a commons spend id is not below NextCommonsSpendId"
				);
				let mut approvals = record.approvals.to_vec();
				approvals.sort();
				approvals.dedup();
				ensure!(
					!record.approvals.is_empty() && approvals.len() == record.approvals.len(),
					"a commons spend has no approval or one twice"
				);
			}
		}
		Ok(())
	}

	/// The index of live grants is exactly `live`, that of open rounds exactly `open`, each
	/// sorted. An index longer than its bound would not decode, and read as empty: its stored
	/// length is checked first.
	fn check_indexes(
		mut live: Vec<GrantId>,
		mut open: Vec<RoundId>,
	) -> Result<(), TryRuntimeError> {
		ensure!(
			LiveGrants::<T>::decode_len().unwrap_or(0) <= T::MaxLiveGrants::get() as usize,
			"LiveGrants exceeds MaxLiveGrants"
		);
		ensure!(
			OpenRounds::<T>::decode_len().unwrap_or(0) <= T::MaxOpenRounds::get() as usize,
			"OpenRounds exceeds MaxOpenRounds"
		);
		live.sort_unstable();
		open.sort_unstable();
		ensure!(
			LiveGrants::<T>::get().into_inner() == live,
			"LiveGrants is not the sorted list of grants with money left to pay"
		);
		ensure!(
			OpenRounds::<T>::get().into_inner() == open,
			"OpenRounds is not the sorted list of open rounds"
		);
		Ok(())
	}

	fn check_round(
		round: RoundId,
		record: &Round<T>,
		deposits: &mut BTreeMap<T::AccountId, BalanceOf<T>>,
	) -> Result<(), TryRuntimeError> {
		let (mut unsettled, mut matched) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		let (mut taking_part, mut excluded, mut gifts) = (0u32, 0u32, 0u32);
		for (commons, entry) in RoundCommons::<T>::iter_prefix(round) {
			let (mut sum, mut givers) = (BalanceOf::<T>::zero(), 0u32);
			for (giver, gift) in Gifts::<T>::iter_prefix((round, commons)) {
				let listed = GiverGifts::<T>::get(round, &giver);
				ensure!(
					listed.iter().any(|(c, amount)| (*c, *amount) == (commons, gift.amount)),
					"a gift is missing from its giver's list"
				);
				sum.saturating_accrue(gift.amount);
				givers.saturating_inc();
			}
			ensure!(givers <= T::MaxGiversPerCommons::get(), "a commons has too many givers");
			if entry.state == FundingState::Refunded {
				ensure!(givers == 0, "a refunded commons still holds gifts");
			} else {
				ensure!(
					(sum, givers) == (entry.given, entry.givers),
					"a commons' funding differs from its gifts"
				);
			}
			if matches!(entry.state, FundingState::Enrolled | FundingState::Excluded) {
				unsettled.saturating_accrue(sum);
			}
			if entry.state == FundingState::Enrolled {
				let held = deposits.entry(entry.enrolled_by.clone()).or_default();
				held.saturating_accrue(entry.deposit);
			} else {
				ensure!(entry.deposit.is_zero(), "a deposit is recorded after enrolment ended");
			}
			ensure!(
				entry.state == FundingState::Paid || entry.matched.is_zero(),
				"an unpaid commons was matched"
			);
			matched.saturating_accrue(entry.matched);
			gifts.saturating_accrue(givers);
			if matches!(entry.state, FundingState::Enrolled | FundingState::Paid) {
				taking_part.saturating_inc();
			} else {
				excluded.saturating_inc();
			}
		}
		let mut listed = 0u32;
		for (_, list) in GiverGifts::<T>::iter_prefix(round) {
			ensure!(
				list.windows(2).all(|pair| pair[0].0 < pair[1].0),
				"a giver's list is unsorted or names a commons twice"
			);
			listed.saturating_accrue(list.len() as u32);
		}
		ensure!(listed == gifts, "the givers' lists differ from the gifts or are unsorted");
		ensure!(
			(unsettled, gifts, taking_part, excluded)
				== (record.unsettled, record.gifts, record.commons, record.excluded),
			"a round's totals differ from its gifts and commons"
		);
		ensure!(record.unsettled <= record.given, "a round holds more than was given");
		ensure!(
			record.gifts <= T::MaxGiftsPerRound::get()
				&& record.commons <= T::MaxCommonsPerRound::get()
				&& taking_part.saturating_add(excluded) <= Self::max_commons_records(),
			"a round exceeds its bounds"
		);
		let enrolled = RoundCommons::<T>::iter_prefix_values(round)
			.any(|entry| entry.state == FundingState::Enrolled);
		match record.status {
			RoundStatus::Open => ensure!(matched.is_zero(), "an open round matched already"),
			RoundStatus::Finalized { matched: paid, returned } => ensure!(
				!enrolled && paid == matched && paid.saturating_add(returned) == record.matching,
				"a finalised round's payouts differ from its pool"
			),
			RoundStatus::Cancelled => {
				ensure!(!enrolled && matched.is_zero(), "a cancelled round still funds a commons");
			}
		}
		Ok(())
	}
}
