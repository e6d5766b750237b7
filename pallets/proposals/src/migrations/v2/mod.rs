//! Version 1 to 2: each proposal being voted on gets a [`Ballot`], which votes read instead of
//! the whole proposal.
//!
//! Proposals keep version 1's layout: the migration only reads them, and stores the ballot of
//! each one whose status is `Voting` (whether or not its voting period is over: it keeps its
//! ballot until `close`). Ended proposals get none.
//!
//! One block: the migration reads each proposal once and writes one ballot per proposal being
//! voted on, at most 2 × `Proposals`' count database operations. `scripts/try-upgrade.sh`
//! measures it against the chain's real state and fails if it would not fit in a block.

#[cfg(any(feature = "try-runtime", test))]
use crate::Proposal;
use crate::{Ballots, Config, Pallet, ProposalStatus, Proposals};
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
/// is 1, and sets it to 2.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	UncheckedMigrateV1ToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without its version check: use [`MigrateV1ToV2`].
pub struct UncheckedMigrateV1ToV2<T>(PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut proposals, mut ballots) = (0u64, 0u64);
		for (id, proposal) in Proposals::<T>::iter() {
			proposals = proposals.saturating_add(1);
			if proposal.status == ProposalStatus::Voting {
				Ballots::<T>::insert(id, proposal.ballot());
				ballots = ballots.saturating_add(1);
			}
		}
		log::info!(
			target: super::LOG_TARGET,
			"stored the ballots of {ballots} proposals being voted on, of {proposals} proposals"
		);
		T::DbWeight::get().reads_writes(proposals, ballots)
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
impl<T: Config> UncheckedMigrateV1ToV2<T> {
	/// Every proposal of version 1, each of which must decode, and no ballot yet: the
	/// `pre_upgrade` check.
	pub fn before() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		let keys = Proposals::<T>::iter_keys().count();
		let proposals: Vec<(ProposalId, Proposal<T>)> = Proposals::<T>::iter().collect();
		ensure!(proposals.len() == keys, "a proposal does not decode as version 1");
		ensure!(Ballots::<T>::iter_keys().next().is_none(), "a ballot exists before version 2");
		Ok(proposals.encode())
	}

	/// Every proposal of `before` is there unchanged, and nothing else; each one being voted on
	/// has its ballot, with its own submission block, deadline and track, and there is no other
	/// ballot: the `post_upgrade` check.
	pub fn after(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Vec::<(ProposalId, Proposal<T>)>::decode(&mut &before[..])
			.map_err(|_| "the pre-upgrade state does not decode")?;
		ensure!(
			Proposals::<T>::iter_keys().count() == before.len(),
			"the number of proposals changed"
		);
		let mut voting = 0usize;
		for (id, old) in before {
			ensure!(Proposals::<T>::get(id).as_ref() == Some(&old), "a proposal changed");
			let expected = (old.status == ProposalStatus::Voting).then(|| old.ballot());
			voting = voting.saturating_add(usize::from(expected.is_some()));
			ensure!(
				Ballots::<T>::get(id) == expected,
				"a proposal being voted on has no ballot or a wrong one, or an ended one has one"
			);
		}
		ensure!(Ballots::<T>::iter_keys().count() == voting, "a ballot has no proposal");
		Ok(())
	}
}
