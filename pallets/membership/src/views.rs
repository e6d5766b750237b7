//! The reads the runtime API and clients use: epochs, quotas, where an account stands, and the
//! members and applicants a page at a time.

use crate::{
	Applications, BalanceOf, Config, EpochIndex, MemberRecord, MemberStatus, MemberStatusName,
	Members, Pallet, ReputationEarned, Rules,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{traits::Get, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::Reputation;
use scale_info::TypeInfo;
use sp_runtime::traits::{SaturatedConversion, Zero};

/// Where an account stands in the membership.
#[derive(CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct MemberStanding<T: Config> {
	/// Active, suspended (now: a suspension that has ended counts as active), or applicant.
	pub status: MemberStatusName,
	/// The block the account became a member; `None` for an applicant.
	pub joined_at: Option<BlockNumberFor<T>>,
	/// While the member is on probation (may neither vote nor sponsor), the block it ends.
	pub probation_ends: Option<BlockNumberFor<T>>,
	/// While the member is suspended, the first block they may act again.
	pub suspended_until: Option<BlockNumberFor<T>>,
	/// How many more applicants the member may sponsor in this epoch; zero on probation and
	/// for an applicant.
	pub sponsorships_left: u32,
	/// The member's reputation; zero for an applicant.
	pub reputation: Reputation,
	/// The members who vouched for an applicant; empty for a member.
	pub sponsors: Vec<T::AccountId>,
	/// The deposit held from an applicant; zero for a member.
	pub deposit: BalanceOf<T>,
}

impl<T: Config> Pallet<T> {
	/// The epoch block `block` belongs to.
	pub fn epoch_of(block: BlockNumberFor<T>) -> EpochIndex {
		(block / T::EpochLength::get()).saturated_into()
	}

	/// The epoch the current block belongs to.
	pub fn current_epoch() -> EpochIndex {
		Self::epoch_of(frame_system::Pallet::<T>::block_number())
	}

	/// How much more reputation `who` may earn in the current epoch.
	pub fn reputation_left(who: &T::AccountId) -> Reputation {
		let earned = ReputationEarned::<T>::get(who)
			.filter(|earned| earned.epoch == Self::current_epoch())
			.map_or(0, |earned| earned.earned);
		T::MaxReputationPerEpoch::get().saturating_sub(earned)
	}

	/// How many more applicants the member of `record` may sponsor in the current epoch:
	/// none while on probation.
	pub fn sponsorships_left(record: &MemberRecord<T>) -> u32 {
		if !record.is_settled_at(&frame_system::Pallet::<T>::block_number()) {
			return 0;
		}
		Rules::<T>::get()
			.sponsorships_per_epoch
			.saturating_sub(record.sponsorships_in(Self::current_epoch()))
	}

	/// Where `who` stands; `None` for an account that is neither a member nor an applicant.
	pub fn standing_of(who: &T::AccountId) -> Option<MemberStanding<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(record) = Members::<T>::get(who) {
			let suspended_until = match record.status {
				MemberStatus::Suspended { until } if !record.is_active_at(&now) => Some(until),
				_ => None,
			};
			return Some(MemberStanding {
				status: if suspended_until.is_some() {
					MemberStatusName::Suspended
				} else {
					MemberStatusName::Active
				},
				joined_at: Some(record.joined_at),
				probation_ends: (!record.is_settled_at(&now)).then_some(record.probation_ends),
				suspended_until,
				sponsorships_left: Self::sponsorships_left(&record),
				reputation: record.reputation,
				sponsors: Vec::new(),
				deposit: Zero::zero(),
			});
		}
		let application = Applications::<T>::get(who)?;
		Some(MemberStanding {
			status: MemberStatusName::Applicant,
			joined_at: None,
			probation_ends: None,
			suspended_until: None,
			sponsorships_left: 0,
			reputation: 0,
			sponsors: application.sponsors.into_inner(),
			deposit: application.deposit,
		})
	}

	/// One page of the members, in the order `Members` stores them (by the hash of the
	/// account): at most `limit` accounts from `from` on (`from` included if it is a member;
	/// `None` for the first), and the account after them (the `from` of the next page), `None`
	/// when there is none. Reads at most `limit + 1` keys, and no record.
	pub fn member_ids(
		from: Option<&T::AccountId>,
		limit: u32,
	) -> (Vec<T::AccountId>, Option<T::AccountId>) {
		let (first, rest) = match from {
			None => (None, Members::<T>::iter_keys()),
			// An iteration starts after the raw key it is given, stored or not.
			Some(from) => (
				Members::<T>::contains_key(from).then(|| from.clone()),
				Members::<T>::iter_keys_from(Members::<T>::hashed_key_for(from)),
			),
		};
		page_of(first.into_iter().chain(rest), limit)
	}

	/// One page of the applicants, in the order `Applications` stores them, as
	/// [`member_ids`](Self::member_ids) pages the members.
	pub fn applicant_ids(
		from: Option<&T::AccountId>,
		limit: u32,
	) -> (Vec<T::AccountId>, Option<T::AccountId>) {
		let (first, rest) = match from {
			None => (None, Applications::<T>::iter_keys()),
			Some(from) => (
				Applications::<T>::contains_key(from).then(|| from.clone()),
				Applications::<T>::iter_keys_from(Applications::<T>::hashed_key_for(from)),
			),
		};
		page_of(first.into_iter().chain(rest), limit)
	}
}

/// The first `limit` keys of `keys`, and the one after them.
fn page_of<Key>(mut keys: impl Iterator<Item = Key>, limit: u32) -> (Vec<Key>, Option<Key>) {
	let page = keys.by_ref().take(limit as usize).collect();
	(page, keys.next())
}
