//! The indexes of open rounds and live grants: the identifiers of the rounds whose status is
//! `Open` (`OpenRounds`) and of the grants with money left to pay (`LiveGrants`), so that the
//! views read one value and at most a page of records, instead of scanning every round and grant
//! ever made and losing the old ones.
//!
//! Each is a sorted `BoundedVec` in a `StorageValue` rather than a counted map: the views want
//! the identifiers in order, which one read of a list gives and a map (hashed keys, one read per
//! entry) does not; the bounds keep the list small (4 bytes an entry) for the calls that change
//! it. Identifiers are handed out in increasing order, so a new one goes at the end; one that
//! leaves is found by binary search.

use crate::{Config, Error, LiveGrants, LiveGrantsOf, OpenRounds, OpenRoundsOf, Pallet};
use frame_support::{traits::Get, BoundedVec};
use ostrom_primitives::{GrantId, RoundId};

/// Adds `id` to the sorted `index`, unless it is there already. Returns whether it is there
/// now: `false` when the index is full.
#[must_use]
pub(crate) fn insert<Id: Ord, S: Get<u32>>(index: &mut BoundedVec<Id, S>, id: Id) -> bool {
	match index.binary_search(&id) {
		Ok(_) => true,
		Err(at) => index.try_insert(at, id).is_ok(),
	}
}

/// Removes `id` from the sorted `index`, if it is there.
pub(crate) fn remove<Id: Ord, S: Get<u32>>(index: &mut BoundedVec<Id, S>, id: &Id) {
	if let Ok(at) = index.binary_search(id) {
		index.remove(at);
	}
}

impl<T: Config> Pallet<T> {
	/// The index of open rounds with the new `round` added, to be stored once the round is:
	/// `TooManyOpenRounds` when `MaxOpenRounds` rounds are open.
	pub(crate) fn open_rounds_with(round: RoundId) -> Result<OpenRoundsOf<T>, Error<T>> {
		let mut open = OpenRounds::<T>::get();
		if insert(&mut open, round) {
			Ok(open)
		} else {
			Err(Error::<T>::TooManyOpenRounds)
		}
	}

	/// Takes `round`, finalised or cancelled, out of the index of open rounds.
	pub(crate) fn unlist_round(round: RoundId) {
		OpenRounds::<T>::mutate(|open| remove(open, &round));
	}

	/// The index of live grants with the new `grant` added, to be stored once the grant is:
	/// `TooManyLiveGrants` when `MaxLiveGrants` grants have money left to pay.
	pub(crate) fn live_grants_with(grant: GrantId) -> Result<LiveGrantsOf<T>, Error<T>> {
		let mut live = LiveGrants::<T>::get();
		if insert(&mut live, grant) {
			Ok(live)
		} else {
			Err(Error::<T>::TooManyLiveGrants)
		}
	}

	/// Takes `grant`, paid up, out of the index of live grants.
	pub(crate) fn unlist_grant(grant: GrantId) {
		LiveGrants::<T>::mutate(|live| remove(live, &grant));
	}
}
