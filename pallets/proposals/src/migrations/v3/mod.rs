//! Version 2 to 3: every proposal is indexed under its status in [`ProposalsByStatus`], which
//! views page instead of looking at every proposal for the ones in a status.
//!
//! Proposals keep version 2's layout: the migration only reads them, and writes one index entry
//! per proposal, under the name of its status.
//!
//! One block: the migration reads each proposal once and writes one entry for each, 2 ×
//! `Proposals`' count database operations. `scripts/try-upgrade.sh` measures it against the
//! chain's real state and fails if it would not fit in a block.

#[cfg(any(feature = "try-runtime", test))]
use crate::Proposal;
use crate::{Config, Pallet, Proposals, ProposalsByStatus, SortedProposalId};
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
use ostrom_primitives::ProposalId;

/// The migration for the runtime's `Migrations`: runs only while the pallet's storage version
/// is 2, and sets it to 3.
pub type MigrateV2ToV3<T> = VersionedMigration<
	2,
	3,
	UncheckedMigrateV2ToV3<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without its version check: use [`MigrateV2ToV3`].
pub struct UncheckedMigrateV2ToV3<T>(PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV2ToV3<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut proposals = 0u64;
		for (id, proposal) in Proposals::<T>::iter() {
			proposals = proposals.saturating_add(1);
			ProposalsByStatus::<T>::insert(proposal.status.name(), SortedProposalId::from(id), ());
		}
		log::info!(target: super::LOG_TARGET, "indexed {proposals} proposals by status");
		T::DbWeight::get().reads_writes(proposals, proposals)
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
impl<T: Config> UncheckedMigrateV2ToV3<T> {
	/// Every proposal of version 2, each of which must decode, and no index entry yet: the
	/// `pre_upgrade` check.
	pub fn before() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		let keys = Proposals::<T>::iter_keys().count();
		let proposals: Vec<(ProposalId, Proposal<T>)> = Proposals::<T>::iter().collect();
		ensure!(proposals.len() == keys, "a proposal does not decode as version 2");
		ensure!(
			ProposalsByStatus::<T>::iter_keys().next().is_none(),
			"an index entry exists before version 3"
		);
		Ok(proposals.encode())
	}

	/// Every proposal of `before` is there unchanged, and nothing else; each one is indexed
	/// under its status, and there is no other entry: the `post_upgrade` check.
	pub fn after(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Vec::<(ProposalId, Proposal<T>)>::decode(&mut &before[..])
			.map_err(|_| "the pre-upgrade state does not decode")?;
		ensure!(
			Proposals::<T>::iter_keys().count() == before.len(),
			"the number of proposals changed"
		);
		for (id, old) in &before {
			ensure!(Proposals::<T>::get(id).as_ref() == Some(old), "a proposal changed");
			ensure!(
				ProposalsByStatus::<T>::contains_key(
					old.status.name(),
					SortedProposalId::from(*id)
				),
				"a proposal is not indexed under its status"
			);
		}
		ensure!(
			ProposalsByStatus::<T>::iter_keys().count() == before.len(),
			"an index entry names no proposal, or one in another status"
		);
		Ok(())
	}
}
