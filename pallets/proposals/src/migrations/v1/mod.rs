//! Version 0 to 1: each proposal records the runtime's `spec_version` at submission.
//!
//! Proposals stored by version 0 were submitted under a runtime at most as recent as the one
//! that is upgraded from, `SubmittedUnder` (runtime 100 for the first upgrade): they get that
//! version, so that their calls' names are checked when they are enacted by a later runtime.
//!
//! One block: the migration reads and writes each proposal once, 2 × `Proposals`' count
//! database operations. `scripts/try-upgrade.sh` measures it against the chain's real state and
//! fails if it would not fit in a block.

use crate::{BalanceOf, BoundedCallOf, Track, TrackRules};
use crate::{CallName, Config, Pallet, Proposal, ProposalKind, ProposalStatus, Proposals};
#[cfg(any(feature = "try-runtime", test))]
use alloc::vec::Vec;
use codec::{Decode, Encode};
use core::marker::PhantomData;
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::*,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::ProposalId;

/// The migration for the runtime's `Migrations`: runs only while the pallet's storage version
/// is 0, and sets it to 1.
pub type MigrateV0ToV1<T, SubmittedUnder> = VersionedMigration<
	0,
	1,
	UncheckedMigrateV0ToV1<T, SubmittedUnder>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The layout of version 0.
// `storage_alias` generates a prefix type that cannot carry a doc comment.
#[allow(missing_docs)]
pub mod v0 {
	use super::*;

	/// A proposal as version 0 stored it: without `spec_version`.
	#[derive(CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode)]
	pub struct ProposalV0<T: Config> {
		/// See [`Proposal::proposer`].
		pub proposer: T::AccountId,
		/// See [`Proposal::track`].
		pub track: Track,
		/// See [`Proposal::kind`].
		pub kind: ProposalKind<BoundedCallOf<T>>,
		/// See [`Proposal::call_name`].
		pub call_name: Option<CallName>,
		/// See [`Proposal::metadata`].
		pub metadata: BoundedVec<u8, T::MaxMetadataLen>,
		/// See [`Proposal::deposit`].
		pub deposit: BalanceOf<T>,
		/// See [`Proposal::submitted_at`].
		pub submitted_at: BlockNumberFor<T>,
		/// See [`Proposal::voting_ends`].
		pub voting_ends: BlockNumberFor<T>,
		/// See [`Proposal::eligible`].
		pub eligible: u32,
		/// See [`Proposal::call_weight`].
		pub call_weight: Weight,
		/// See [`Proposal::thresholds`].
		pub thresholds: TrackRules,
		/// See [`Proposal::status`].
		pub status: ProposalStatus<BlockNumberFor<T>>,
	}

	impl<T: Config> ProposalV0<T> {
		/// The record of version 1: the same, submitted under `spec_version`.
		pub fn upgraded(self, spec_version: u32) -> Proposal<T> {
			Proposal {
				proposer: self.proposer,
				track: self.track,
				kind: self.kind,
				call_name: self.call_name,
				spec_version,
				metadata: self.metadata,
				deposit: self.deposit,
				submitted_at: self.submitted_at,
				voting_ends: self.voting_ends,
				eligible: self.eligible,
				call_weight: self.call_weight,
				thresholds: self.thresholds,
				status: self.status,
			}
		}
	}

	/// `Proposals` as version 0 stored it.
	#[frame_support::storage_alias]
	pub type Proposals<T: Config> =
		StorageMap<Pallet<T>, Blake2_128Concat, ProposalId, ProposalV0<T>>;
}

/// The migration without its version check: use [`MigrateV0ToV1`].
pub struct UncheckedMigrateV0ToV1<T, SubmittedUnder>(PhantomData<(T, SubmittedUnder)>);

impl<T: Config, SubmittedUnder: Get<u32>> UncheckedOnRuntimeUpgrade
	for UncheckedMigrateV0ToV1<T, SubmittedUnder>
{
	fn on_runtime_upgrade() -> Weight {
		let mut migrated = 0u64;
		Proposals::<T>::translate::<v0::ProposalV0<T>, _>(|_, old| {
			migrated = migrated.saturating_add(1);
			Some(old.upgraded(SubmittedUnder::get()))
		});
		log::info!(target: super::LOG_TARGET, "recorded spec_version {} in {migrated} proposals", SubmittedUnder::get());
		T::DbWeight::get().reads_writes(migrated, migrated)
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
impl<T: Config, SubmittedUnder: Get<u32>> UncheckedMigrateV0ToV1<T, SubmittedUnder> {
	/// Every proposal of version 0, each of which must decode: the `pre_upgrade` check.
	pub fn before() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		let keys = Proposals::<T>::iter_keys().count();
		let proposals: Vec<(ProposalId, v0::ProposalV0<T>)> = v0::Proposals::<T>::iter().collect();
		ensure!(proposals.len() == keys, "a proposal does not decode as version 0");
		Ok(proposals.encode())
	}

	/// Every proposal of `before` is there, unchanged but for `spec_version`, and nothing
	/// else: the `post_upgrade` check.
	pub fn after(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Vec::<(ProposalId, v0::ProposalV0<T>)>::decode(&mut &before[..])
			.map_err(|_| "the pre-upgrade state does not decode")?;
		ensure!(
			Proposals::<T>::iter_keys().count() == before.len(),
			"the number of proposals changed"
		);
		for (id, old) in before {
			let new = Proposals::<T>::get(id).ok_or("a proposal is lost or does not decode")?;
			ensure!(new == old.upgraded(SubmittedUnder::get()), "a proposal changed");
		}
		Ok(())
	}
}
