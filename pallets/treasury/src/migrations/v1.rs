//! Version 0 to 1: the indexes `OpenRounds` (the rounds whose status is `Open`) and
//! `LiveGrants` (the grants with money left to pay), which the views read instead of scanning
//! the newest thousand rounds and grants.
//!
//! Rounds and grants keep version 0's layout: the migration only reads them, and stores the
//! identifiers of the open rounds and of every stored grant (`Grants` holds only grants with
//! money left to pay), sorted.
//!
//! More than the bound: should a chain hold more open rounds than `MaxOpenRounds` (or grants
//! than `MaxLiveGrants`), the index keeps the newest ones, as the views of version 0 listed the
//! newest; the oldest are left out of it, and of the views, but lose nothing: they are
//! finalised, cancelled and claimed by their identifier as before, and leave no trace in the
//! index when they do. They are the nearest to leaving (ended rounds that anyone may finalise,
//! grants that vested longest), and `try_state` fails until they have. `pre_upgrade` refuses
//! such a chain, so that `scripts/try-upgrade.sh` says so before anyone votes: finalise the
//! ended rounds and pay out the vested grants first, or raise the bound.
//!
//! One block: the migration reads each round and each grant's key once and writes the two
//! indexes, `Rounds`' and `Grants`' counts plus two database operations. `Rounds` keeps every
//! round ever opened; `scripts/try-upgrade.sh` measures the migration against the chain's real
//! state and fails if it would not fit in a block.

use crate::{Config, Grants, LiveGrants, OpenRounds, Pallet, RoundStatus, Rounds};
#[cfg(any(feature = "try-runtime", test))]
use crate::{Grant, Round};
use alloc::vec::Vec;
#[cfg(any(feature = "try-runtime", test))]
use codec::{Decode, Encode};
use core::marker::PhantomData;
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::*,
	traits::{Get, UncheckedOnRuntimeUpgrade},
};
#[cfg(any(feature = "try-runtime", test))]
use ostrom_primitives::{GrantId, RoundId};

/// The migration for the runtime's `Migrations`: runs only while the pallet's storage version
/// is 0, and sets it to 1.
pub type MigrateV0ToV1<T> = VersionedMigration<
	0,
	1,
	UncheckedMigrateV0ToV1<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without its version check: use [`MigrateV0ToV1`].
pub struct UncheckedMigrateV0ToV1<T>(PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut rounds = 0u64;
		let mut open = Vec::new();
		for (id, round) in Rounds::<T>::iter() {
			rounds = rounds.saturating_add(1);
			if round.status == RoundStatus::Open {
				open.push(id);
			}
		}
		let live: Vec<_> = Grants::<T>::iter_keys().collect();
		let grants = live.len() as u64;
		let (open, rounds_left_out) = newest::<T::MaxOpenRounds>(open);
		let (live, grants_left_out) = newest::<T::MaxLiveGrants>(live);
		log::info!(
			target: super::LOG_TARGET,
			"indexed {} open rounds of {rounds} rounds, and {} grants with money left to pay",
			open.len(),
			live.len()
		);
		if rounds_left_out > 0 || grants_left_out > 0 {
			log::warn!(
				target: super::LOG_TARGET,
				"left the oldest {rounds_left_out} open rounds and {grants_left_out} grants out of \
				 the indexes, over their bounds"
			);
		}
		OpenRounds::<T>::put(open);
		LiveGrants::<T>::put(live);
		T::DbWeight::get().reads_writes(rounds.saturating_add(grants), 2)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Self::before()
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		Self::after(before)
	}
}

/// The newest `Bound` of `ids`, sorted, and how many older ones were left out.
fn newest<Bound: Get<u32>>(mut ids: Vec<u32>) -> (BoundedVec<u32, Bound>, usize) {
	ids.sort_unstable();
	let left_out = ids.len().saturating_sub(Bound::get() as usize);
	(BoundedVec::truncate_from(ids.split_off(left_out)), left_out)
}

#[cfg(test)]
mod tests;

/// The rounds and grants of version 0, as `pre_upgrade` hands them to `post_upgrade`.
#[cfg(any(feature = "try-runtime", test))]
type Records<T> = (Vec<(RoundId, Round<T>)>, Vec<(GrantId, Grant<T>)>);

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> UncheckedMigrateV0ToV1<T> {
	/// Every round and grant of version 0, each of which must decode; no index yet; no more
	/// open rounds and grants than the indexes hold: the `pre_upgrade` check.
	pub fn before() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		let rounds: Vec<(RoundId, Round<T>)> = Rounds::<T>::iter().collect();
		ensure!(rounds.len() == Rounds::<T>::iter_keys().count(), "a round does not decode");
		let grants: Vec<(GrantId, Grant<T>)> = Grants::<T>::iter().collect();
		ensure!(grants.len() == Grants::<T>::iter_keys().count(), "a grant does not decode");
		ensure!(
			!OpenRounds::<T>::exists() && !LiveGrants::<T>::exists(),
			"an index exists before version 1"
		);
		let open = rounds.iter().filter(|(_, round)| round.status == RoundStatus::Open).count();
		ensure!(
			open <= T::MaxOpenRounds::get() as usize,
			"more open rounds than MaxOpenRounds: finalise the ended ones first"
		);
		ensure!(
			grants.len() <= T::MaxLiveGrants::get() as usize,
			"more grants with money left to pay than MaxLiveGrants: pay out the vested ones first"
		);
		Ok((rounds, grants).encode())
	}

	/// Every round and grant of `before` is there unchanged, and nothing else; `OpenRounds` is
	/// exactly the open ones and `LiveGrants` all the grants, sorted: the `post_upgrade` check.
	pub fn after(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let (rounds, grants) = Records::<T>::decode(&mut &before[..])
			.map_err(|_| "the pre-upgrade state does not decode")?;
		ensure!(Rounds::<T>::iter_keys().count() == rounds.len(), "the number of rounds changed");
		ensure!(Grants::<T>::iter_keys().count() == grants.len(), "the number of grants changed");
		let mut open = Vec::new();
		for (id, old) in rounds {
			ensure!(Rounds::<T>::get(id).as_ref() == Some(&old), "a round changed");
			if old.status == RoundStatus::Open {
				open.push(id);
			}
		}
		let mut live = Vec::new();
		for (id, old) in grants {
			ensure!(Grants::<T>::get(id).as_ref() == Some(&old), "a grant changed");
			live.push(id);
		}
		open.sort_unstable();
		live.sort_unstable();
		ensure!(OpenRounds::<T>::get().into_inner() == open, "OpenRounds is not the open rounds");
		ensure!(LiveGrants::<T>::get().into_inner() == live, "LiveGrants is not the grants");
		Ok(())
	}
}
