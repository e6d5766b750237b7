//! Puts the validator set of a chain started before runtime 103 under pallet-session: the
//! validators are its Aura authorities, each the account of its Aura (sr25519) key, as fees
//! were paid before, with the GRANDPA key at the same index; their keys are registered as if
//! `Session.set_keys` had been called at genesis (no deposit, as at genesis) and they are the
//! approved validators of session 0, under [`MIGRATED_RULES`]. Without it, the first rotation
//! would hand Aura and GRANDPA an empty set and block production would stop.
//!
//! Runs once: only while pallet-session has no validators and Aura has authorities. One block:
//! a few reads and writes per validator (at most `MaxValidators`).

use crate::{AccountId, BlockNumber, Grandpa, Runtime, SessionKeys, HOURS};
use alloc::vec::Vec;
use frame_support::{
	traits::{OnRuntimeUpgrade, StorageVersion},
	weights::Weight,
	BoundedVec,
};
use pallet_ostrom_validators::ValidatorRules;
use sp_runtime::traits::OpaqueKeys;

/// The rules a migrated chain starts with: hour-long sessions, at least one validator, parked
/// after three silent sessions. A Root proposal (`Validators.set_rules`) changes them.
pub const MIGRATED_RULES: ValidatorRules<BlockNumber> =
	ValidatorRules { session_length: HOURS, min_validators: 1, max_missed_sessions: 3 };

/// The migration for the runtime's `Migrations`.
pub struct InitializeValidatorSet;

impl InitializeValidatorSet {
	/// The current authorities as validators: accounts and session keys.
	fn validators() -> Vec<(AccountId, SessionKeys)> {
		let grandpa = Grandpa::grandpa_authorities();
		pallet_aura::Authorities::<Runtime>::get()
			.into_iter()
			.zip(grandpa)
			.map(|(aura, (grandpa, _weight))| {
				let account = AccountId::from(sp_core::sr25519::Public::from(aura.clone()));
				(account, SessionKeys { aura, grandpa })
			})
			.collect()
	}

	fn needed() -> bool {
		pallet_session::Validators::<Runtime>::get().is_empty()
			&& !pallet_aura::Authorities::<Runtime>::get().is_empty()
	}
}

impl OnRuntimeUpgrade for InitializeValidatorSet {
	fn on_runtime_upgrade() -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		if !Self::needed() {
			return db.reads(2);
		}
		let validators = Self::validators();
		let count = validators.len() as u64;
		for (account, keys) in &validators {
			for id in SessionKeys::key_ids() {
				pallet_session::KeyOwner::<Runtime>::insert(
					(*id, keys.get_raw(*id).to_vec()),
					account,
				);
			}
			pallet_session::NextKeys::<Runtime>::insert(account, keys);
			// As pallet-session's genesis does: the keys keep the account alive.
			if frame_system::Pallet::<Runtime>::inc_consumers_without_limit(account).is_err() {
				frame_system::Pallet::<Runtime>::inc_providers(account);
			}
		}
		let accounts: Vec<AccountId> =
			validators.iter().map(|(account, _)| account.clone()).collect();
		pallet_session::Validators::<Runtime>::put(&accounts);
		pallet_session::QueuedKeys::<Runtime>::put(&validators);
		pallet_ostrom_validators::Approved::<Runtime>::put(BoundedVec::truncate_from(accounts));
		pallet_ostrom_validators::Rules::<Runtime>::put(MIGRATED_RULES);
		// `Executive` runs migrations before `System::initialize`: the number is still the
		// parent's, and the first session starts with the block being built.
		pallet_ostrom_validators::SessionStartedAt::<Runtime>::put(
			frame_system::Pallet::<Runtime>::block_number().saturating_add(1),
		);
		StorageVersion::new(1).put::<pallet_session::Pallet<Runtime>>();
		log::info!(target: "runtime::migrations", "the {count} authorities are now pallet-session's validators");
		db.reads_writes(3 + count, 7 + 4 * count)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		let migrated = if Self::needed() { Self::validators() } else { Vec::new() };
		Ok(migrated.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		use frame_support::traits::GetStorageVersion;
		let before = Vec::<(AccountId, SessionKeys)>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state decodes")?;
		frame_support::ensure!(
			before.is_empty() || pallet_session::QueuedKeys::<Runtime>::get() == before,
			"the authorities are pallet-session's queued validators"
		);
		frame_support::ensure!(
			pallet_session::Pallet::<Runtime>::on_chain_storage_version() == 1,
			"pallet-session's storage version is set"
		);
		Ok(())
	}
}
