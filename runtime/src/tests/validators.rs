//! The validator set in the whole runtime: a Root proposal adds a validator that pallet-session
//! hands to Aura and GRANDPA two rotations later; fees go to the validator's account, not to
//! its Aura key's; a Root proposal noting stalled finality forces a new GRANDPA set at the next
//! rotation; a chain of release 100 keeps its authorities as validators.

use super::{
	ext_from_preset, free,
	governance::{account, decide, in_development_chain},
	signed_transfer,
};
use crate::{
	migrations::{InitializeValidatorSet, MIGRATED_RULES},
	AccountId, Executive, Grandpa, Header, Runtime, RuntimeCall, Session, SessionKeys, System,
	Validators, UNIT,
};
use codec::Encode;
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
use pallet_ostrom_proposals::{ProposalStatus, Track};
use sp_consensus_aura::{sr25519::AuthorityId as AuraId, Slot, AURA_ENGINE_ID};
use sp_core::crypto::KeyTypeId;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::{
	traits::{Header as _, OpaqueKeys},
	Digest, DigestItem,
};

/// Registers `keys` for `who` as `Session.set_keys` stores them once it has checked their proof
/// of possession (which needs the keys' secrets in a keystore, as on a real node).
fn register_keys(who: &AccountId, keys: SessionKeys) {
	for id in SessionKeys::key_ids() {
		let raw: &[u8] = keys.get_raw(*id);
		pallet_session::KeyOwner::<Runtime>::insert((*id as KeyTypeId, raw.to_vec()), who);
	}
	pallet_session::NextKeys::<Runtime>::insert(who, keys);
}

/// Session keys of Ferdie's well-known sr25519 and ed25519 keys.
fn ferdies_keys() -> SessionKeys {
	SessionKeys {
		aura: Sr25519Keyring::Ferdie.public().into(),
		grandpa: Ed25519Keyring::Ferdie.public().into(),
	}
}

fn check_validator_invariants() {
	Validators::do_try_state().unwrap();
}

fn aura_authorities() -> Vec<AuraId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

#[test]
fn a_root_proposal_adds_a_validator_who_validates_two_rotations_later() {
	in_development_chain(|| {
		let eve = account(Sr25519Keyring::Eve);
		register_keys(&eve, ferdies_keys());
		let add = RuntimeCall::Validators(pallet_ostrom_validators::Call::add_validator {
			who: eve.clone(),
		});
		let id = decide(Track::Root, add, [2, 2, 2]);
		assert!(matches!(
			pallet_ostrom_proposals::Proposals::<Runtime>::get(id).unwrap().status,
			ProposalStatus::Executed
		));
		assert!(pallet_ostrom_validators::Approved::<Runtime>::get().contains(&eve));
		check_validator_invariants();

		Session::rotate_session();
		assert_eq!(aura_authorities().len(), 1, "queued, not yet validating");
		Session::rotate_session();
		assert_eq!(Session::validators(), vec![account(Sr25519Keyring::Alice), eve]);
		assert_eq!(aura_authorities()[1], Sr25519Keyring::Ferdie.public().into());
		// GRANDPA's new set is signalled now and applied as the block ends.
		let change = pallet_grandpa::PendingChange::<Runtime>::get().expect("a change is pending");
		assert_eq!(change.next_authorities.len(), 2);
		assert_eq!(change.delay, 0);
		check_validator_invariants();
	});
}

#[test]
fn the_authors_share_of_fees_goes_to_the_validators_account_not_to_its_keys() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let eve = account(Sr25519Keyring::Eve);
		let ferdie = account(Sr25519Keyring::Ferdie);
		register_keys(&eve, ferdies_keys());
		frame_support::assert_ok!(Validators::add_validator(
			crate::RuntimeOrigin::root(),
			eve.clone()
		));
		Session::rotate_session();
		Session::rotate_session();
		assert_eq!(Session::validators()[1], eve);

		// Slot 3 of two authorities falls to the second: Eve's validator, sealed with Ferdie's key.
		let (eve_before, ferdie_before) = (free(&eve), free(&ferdie));
		let slot = DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(3).encode());
		Executive::initialize_block(&Header::new(
			2,
			Default::default(),
			Default::default(),
			System::parent_hash(),
			Digest { logs: vec![slot] },
		));
		assert_eq!(pallet_authorship::Pallet::<Runtime>::author(), Some(eve.clone()));
		let xt = signed_transfer(Sr25519Keyring::Bob, account(Sr25519Keyring::Charlie), UNIT, 0);
		Executive::apply_extrinsic(xt).expect("valid").expect("succeeds");
		frame_support::assert_ok!(pallet_timestamp::Pallet::<Runtime>::set(
			crate::RuntimeOrigin::none(),
			3 * crate::SLOT_DURATION
		));
		Executive::finalize_block();
		assert!(free(&eve) > eve_before, "the validator's account is paid");
		assert_eq!(free(&ferdie), ferdie_before, "the account of its Aura key is not");
		assert!(System::events().iter().any(|record| record.event
			== pallet_ostrom_treasury::Event::<Runtime>::AuthorPaid {
				author: eve.clone(),
				amount: free(&eve) - eve_before,
			}
			.into()));
		// Authorship noted Eve's block for the liveness count.
		assert_eq!(
			pallet_ostrom_validators::LastAuthored::<Runtime>::get(&eve),
			Some(Session::current_index())
		);
	});
}

#[test]
fn a_root_proposal_noting_stalled_finality_forces_a_new_grandpa_set_at_the_next_rotation() {
	in_development_chain(|| {
		let stalled = RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled {
			delay: 5,
			best_finalized_block_number: 1,
		});
		decide(Track::Root, stalled, [2, 2, 2]);
		assert!(pallet_grandpa::Stalled::<Runtime>::get().is_some());
		let set_id = Grandpa::current_set_id();

		// Block production goes on without finality; the next rotation forces the change, even
		// with the same validators.
		Session::rotate_session();
		let pending = pallet_grandpa::PendingChange::<Runtime>::get().expect("a change is pending");
		assert_eq!(pending.forced, Some(1), "voting resumes on top of block 1");
		assert_eq!(pending.delay, 5);
		assert_eq!(Grandpa::current_set_id(), set_id + 1);
		assert!(pallet_grandpa::Stalled::<Runtime>::get().is_none());
	});
}

#[test]
fn a_chain_of_release_100_keeps_its_authorities_as_validators() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(7);
		let alice = account(Sr25519Keyring::Alice);
		// Release 100 had Aura's and GRANDPA's authorities only (those of the preset).
		let keys = pallet_session::NextKeys::<Runtime>::get(&alice).unwrap();
		let _ = pallet_session::NextKeys::<Runtime>::clear(u32::MAX, None);
		let _ = pallet_session::KeyOwner::<Runtime>::clear(u32::MAX, None);
		pallet_session::Validators::<Runtime>::kill();
		pallet_session::QueuedKeys::<Runtime>::kill();
		StorageVersion::new(0).put::<Session>();
		pallet_ostrom_validators::Approved::<Runtime>::kill();
		pallet_ostrom_validators::Rules::<Runtime>::kill();
		pallet_ostrom_validators::SessionStartedAt::<Runtime>::kill();
		assert_eq!(aura_authorities().len(), 1);

		InitializeValidatorSet::on_runtime_upgrade();

		assert_eq!(Session::validators(), vec![alice.clone()]);
		assert_eq!(pallet_session::NextKeys::<Runtime>::get(&alice), Some(keys.clone()));
		assert_eq!(pallet_session::QueuedKeys::<Runtime>::get(), vec![(alice.clone(), keys)]);
		assert_eq!(
			pallet_ostrom_validators::Approved::<Runtime>::get().into_inner(),
			vec![alice.clone()]
		);
		assert_eq!(pallet_ostrom_validators::Rules::<Runtime>::get(), MIGRATED_RULES);
		// Block 7 is the parent: the first session starts with block 8, which runs the migration.
		assert_eq!(Validators::next_rotation(), 8 + MIGRATED_RULES.session_length);
		assert_eq!(Session::on_chain_storage_version(), Session::in_code_storage_version());
		check_validator_invariants();

		// Rotations keep Alice authoring and finalizing; a second run changes nothing.
		Session::rotate_session();
		Session::rotate_session();
		assert_eq!(aura_authorities(), vec![Sr25519Keyring::Alice.public().into()]);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		InitializeValidatorSet::on_runtime_upgrade();
		assert_eq!(Session::validators(), vec![alice]);
		check_validator_invariants();
	});
}

#[test]
fn the_local_testnet_has_four_validators_at_least_three_of_them_active() {
	ext_from_preset(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let four: Vec<AccountId> = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.iter()
		.map(|k| k.to_account_id())
		.collect();
		assert_eq!(Session::validators(), four);
		assert_eq!(pallet_ostrom_validators::Approved::<Runtime>::get().into_inner(), four);
		assert_eq!(pallet_ostrom_validators::Rules::<Runtime>::get().min_validators, 3);
		assert_eq!(Grandpa::grandpa_authorities().len(), 4);
		check_validator_invariants();
	});
}
