//! What the treasury shows: the overview of the pot, open rounds with their projected matches,
//! grants with what has vested, and the commons' accounts. The runtime's views compose these,
//! and the pallet's view functions return them, so that no one reads the treasury's storage or
//! re-derives its rules.

use crate::{
	BalanceOf, CommonsFunding, Config, Earmarked, FundingState, Grant, Grants, LiveGrants,
	OpenRounds, Pallet, Round, RoundCommons, RoundStatus, Rounds, SpendRules, SpendingPeriod,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{
	traits::fungible::Inspect, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::{CommonsId, GrantId, RoundId};
use scale_info::TypeInfo;
use sp_runtime::{traits::Zero, Perbill};

/// The pot and what the DAO may commit from it.
#[derive(CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct TreasuryOverview<T: Config> {
	/// The pot's account.
	pub account: T::AccountId,
	/// The pot's whole balance.
	pub pot: BalanceOf<T>,
	/// Owed: open rounds' pools and gifts, grants' unclaimed rest.
	pub earmarked: BalanceOf<T>,
	/// What is neither earmarked nor the pot's existential deposit.
	pub spendable: BalanceOf<T>,
	/// What the DAO may still commit in this spending period.
	pub spendable_this_period: BalanceOf<T>,
	/// The current spending period.
	pub period: SpendingPeriod<BlockNumberFor<T>>,
	/// The share that may be committed in one period, of what is spendable plus what was
	/// already committed in it.
	pub max_share: Perbill,
}

/// A grant with money left to pay, and what has vested of it by now.
#[derive(CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct GrantSummary<T: Config> {
	/// The grant's identifier.
	pub id: GrantId,
	/// The grant as stored.
	pub grant: Grant<T>,
	/// What has vested by now, claimed or not.
	pub vested: BalanceOf<T>,
}

/// One commons' part in a round, with the match it gets: projected while the round is open (as
/// if it were finalised now), paid once it is finalised.
#[derive(CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CommonsProjection<T: Config> {
	/// The commons.
	pub commons: CommonsId,
	/// Where it stands in the round.
	pub state: FundingState,
	/// The sum of the gifts it holds.
	pub given: BalanceOf<T>,
	/// How many members gave to it.
	pub givers: u32,
	/// Its match: projected while the round is open, paid once finalised; zero for a commons
	/// that gets none (excluded, archived meanwhile, refunded).
	pub matched: BalanceOf<T>,
}

impl<T: Config> Pallet<T> {
	/// The pot and what the DAO may commit from it now.
	pub fn treasury_overview() -> TreasuryOverview<T> {
		let account = Self::pot();
		TreasuryOverview {
			pot: T::Currency::balance(&account),
			account,
			earmarked: Earmarked::<T>::get(),
			spendable: Self::spendable(),
			spendable_this_period: Self::spend_cap_left(),
			period: Self::spending_period(),
			max_share: SpendRules::<T>::get().max_share,
		}
	}

	/// The open rounds, newest first, at most `limit`: read from the index of open rounds, so
	/// that a round open for long, ended but not finalised yet, stays listed however many
	/// rounds came after it. Reads the index and at most `limit` rounds.
	pub fn open_rounds(limit: u32) -> Vec<(RoundId, Round<T>)> {
		OpenRounds::<T>::get()
			.iter()
			.rev()
			.take(limit as usize)
			.filter_map(|id| Some((*id, Rounds::<T>::get(id)?)))
			.collect()
	}

	/// The grants with money left to pay, oldest first, at most `limit` (the newest ones): read
	/// from the index of live grants. Reads the index and at most `limit` grants.
	pub fn open_grants(limit: u32) -> Vec<GrantSummary<T>> {
		let live = LiveGrants::<T>::get();
		let older = live.len().saturating_sub(limit as usize);
		live.iter().skip(older).filter_map(|id| Self::grant_with_vesting(*id)).collect()
	}

	/// Grant `grant` with what has vested by now; `None` once fully paid or if unknown.
	pub fn grant_with_vesting(grant: GrantId) -> Option<GrantSummary<T>> {
		let record = Grants::<T>::get(grant)?;
		let vested = record.vested_at(frame_system::Pallet::<T>::block_number());
		Some(GrantSummary { id: grant, grant: record, vested })
	}

	/// The free balance of the account of `commons`.
	pub fn commons_balance(commons: CommonsId) -> BalanceOf<T> {
		T::Currency::balance(&Self::commons_account(commons))
	}

	/// Each commons enrolled in `round`, sorted by identifier, with its gifts and its match:
	/// projected by the matching that finalisation runs while the round is open, as paid once
	/// finalised. Bounded by the round's records (`2 · MaxCommonsPerRound`) and gifts.
	pub fn project_round(round: RoundId) -> Vec<CommonsProjection<T>> {
		let Some(record) = Rounds::<T>::get(round) else { return Vec::new() };
		let mut entries: Vec<(CommonsId, CommonsFunding<T>)> =
			RoundCommons::<T>::iter_prefix(round).collect();
		entries.sort_by_key(|(commons, _)| *commons);
		let projected = if record.status == RoundStatus::Open {
			let (eligible, _) = Self::finalisation_plan(round);
			let (matches, _) = Self::matches_of(round, &eligible, record.matching);
			eligible.into_iter().map(|(commons, _)| commons).zip(matches).collect()
		} else {
			Vec::new()
		};
		entries
			.into_iter()
			.map(|(commons, entry)| {
				let matched = match record.status {
					RoundStatus::Open => projected
						.iter()
						.find(|(id, _)| *id == commons)
						.map_or(Zero::zero(), |(_, matched)| *matched),
					_ => entry.matched,
				};
				CommonsProjection {
					commons,
					state: entry.state,
					given: entry.given,
					givers: entry.givers,
					matched,
				}
			})
			.collect()
	}
}
