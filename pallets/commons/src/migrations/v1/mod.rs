//! Version 0 to 1: every contribution is indexed under its contributor in
//! [`ContributionsByContributor`], which views page instead of looking at every contribution
//! for one member's.
//!
//! Contributions keep version 0's layout: the migration only reads them, and writes one index
//! entry per contribution, under its contributor.
//!
//! One block: the migration reads each contribution once and writes one entry for each, 2 ×
//! `Contributions`' count database operations. `scripts/try-upgrade.sh` measures it against the
//! chain's real state and fails if it would not fit in a block.

#[cfg(any(feature = "try-runtime", test))]
use crate::Contribution;
use crate::{Config, Contributions, ContributionsByContributor, Pallet, SortedContributionId};
#[cfg(any(feature = "try-runtime", test))]
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
use ostrom_primitives::ContributionId;

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
		let mut contributions = 0u64;
		for (id, entry) in Contributions::<T>::iter() {
			contributions = contributions.saturating_add(1);
			ContributionsByContributor::<T>::insert(
				&entry.contributor,
				SortedContributionId::from(id),
				(),
			);
		}
		log::info!(
			target: super::LOG_TARGET,
			"indexed {contributions} contributions by contributor"
		);
		T::DbWeight::get().reads_writes(contributions, contributions)
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

#[cfg(test)]
mod tests;

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> UncheckedMigrateV0ToV1<T> {
	/// Every contribution of version 0, each of which must decode, and no index entry yet: the
	/// `pre_upgrade` check.
	pub fn before() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		let keys = Contributions::<T>::iter_keys().count();
		let contributions: Vec<(ContributionId, Contribution<T>)> =
			Contributions::<T>::iter().collect();
		ensure!(contributions.len() == keys, "a contribution does not decode as version 0");
		ensure!(
			ContributionsByContributor::<T>::iter_keys().next().is_none(),
			"an index entry exists before version 1"
		);
		Ok(contributions.encode())
	}

	/// Every contribution of `before` is there unchanged, and nothing else; each one is indexed
	/// under its contributor, and there is no other entry: the `post_upgrade` check.
	pub fn after(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Vec::<(ContributionId, Contribution<T>)>::decode(&mut &before[..])
			.map_err(|_| "the pre-upgrade state does not decode")?;
		ensure!(
			Contributions::<T>::iter_keys().count() == before.len(),
			"the number of contributions changed"
		);
		for (id, old) in &before {
			ensure!(Contributions::<T>::get(id).as_ref() == Some(old), "a contribution changed");
			ensure!(
				ContributionsByContributor::<T>::contains_key(
					&old.contributor,
					SortedContributionId::from(*id)
				),
				"a contribution is not indexed under its contributor"
			);
		}
		ensure!(
			ContributionsByContributor::<T>::iter_keys().count() == before.len(),
			"an index entry names no contribution, or one by another contributor"
		);
		Ok(())
	}
}
