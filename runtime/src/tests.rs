//! Runtime tests in TestExternalities: the genesis presets build, a signed transfer goes through
//! the real transaction checks and pays a fee, and the DAO's pallets work together.

use crate::{
	configs::fees::TREASURY_FEE_SHARE,
	genesis_config_presets::{
		endowed_accounts, founding_members, get_preset, preset_names, ENDOWMENT, TREASURY_ENDOWMENT,
	},
	tx_extension, AccountId, Balance, BalancesCall, Commons, Executive, Header, Membership,
	Runtime, RuntimeCall, RuntimeOrigin, SignedPayload, System, Treasury, UncheckedExtrinsic, UNIT,
};
use codec::Encode;
use frame_support::{assert_ok, BoundedVec};
use ostrom_primitives::MembershipInspect;
use pallet_ostrom_commons::CommonsKind;
use sc_chain_spec::GenesisConfigBuilderRuntimeCaller;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_io::TestExternalities;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, traits::Header as _, Digest, DigestItem, MultiAddress};

mod attacks;
mod dry_run;
mod governance;
mod treasury;
mod upgrades;
mod validators;
mod views;

/// The wasm runtime's genesis state for a preset, built exactly as the node builds it.
pub(crate) fn ext_from_preset(name: &str) -> TestExternalities {
	let wasm = crate::WASM_BINARY.expect("the wasm runtime is built with the std feature");
	let storage = GenesisConfigBuilderRuntimeCaller::<()>::new(wasm)
		.get_storage_for_named_preset(Some(&name.to_string()))
		.expect("the preset builds a genesis state");
	storage.into()
}

fn aura_authorities() -> Vec<AuraId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

fn free(who: &AccountId) -> Balance {
	pallet_balances::Pallet::<Runtime>::free_balance(who)
}

#[test]
fn runtime_offers_the_two_presets() {
	assert_eq!(
		preset_names(),
		vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
	);
	assert!(get_preset(&PresetId::from("no_such_preset")).is_none());
}

#[test]
fn development_preset_has_alice_validating_and_six_funded_accounts() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(aura_authorities(), vec![Sr25519Keyring::Alice.public().into()]);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 1);
		for account in endowed_accounts() {
			assert_eq!(free(&account), ENDOWMENT);
		}
		assert_eq!(free(&Treasury::pot()), TREASURY_ENDOWMENT);
		assert_eq!(
			pallet_balances::TotalIssuance::<Runtime>::get(),
			6 * ENDOWMENT + TREASURY_ENDOWMENT
		);
	});
}

fn signed_transfer(
	signer: Sr25519Keyring,
	dest: AccountId,
	value: Balance,
	nonce: u32,
) -> UncheckedExtrinsic {
	let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
		dest: MultiAddress::Id(dest),
		value,
	});
	let tx_ext = tx_extension(Era::Immortal, nonce, 0);
	let payload = SignedPayload::new(call.clone(), tx_ext.clone()).unwrap();
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(signer.to_account_id()),
		signature.into(),
		tx_ext,
	)
}

#[test]
fn a_signed_transfer_pays_a_fee_shared_by_the_treasury_and_the_author() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let charlie = Sr25519Keyring::Charlie.to_account_id();
		// Block 1 in slot 1, authored by Alice, the only authority.
		let aura_slot = DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(1).encode());
		Executive::initialize_block(&Header::new(
			1,
			Default::default(),
			Default::default(),
			System::parent_hash(),
			Digest { logs: vec![aura_slot] },
		));

		let amount = 5 * UNIT;
		let xt = signed_transfer(Sr25519Keyring::Bob, charlie.clone(), amount, 0);
		let len = xt.encoded_size() as u32;
		let expected_fee =
			pallet_transaction_payment::Pallet::<Runtime>::query_info(xt.clone(), len).partial_fee;
		assert!(expected_fee > 0);

		Executive::apply_extrinsic(xt).expect("valid transaction").expect("dispatch succeeds");

		assert_eq!(free(&charlie), ENDOWMENT + amount);
		let fee = ENDOWMENT - amount - free(&bob);
		assert_eq!(fee, expected_fee);
		assert_eq!(System::account_nonce(&bob), 1);
		System::assert_has_event(
			pallet_transaction_payment::Event::<Runtime>::TransactionFeePaid {
				who: bob,
				actual_fee: fee,
				tip: 0,
			}
			.into(),
		);
		// 80 % (rounded down) to the pot; the rest waits in the pot for Alice until the block
		// ends.
		let to_treasury = fee * Balance::from(TREASURY_FEE_SHARE) / 100;
		assert_eq!(free(&Treasury::pot()), TREASURY_ENDOWMENT + fee);
		assert_eq!(free(&alice), ENDOWMENT);
		System::assert_has_event(
			pallet_ostrom_treasury::Event::<Runtime>::Deposited { from: None, amount: to_treasury }
				.into(),
		);
		// The block's timestamp, in its slot, as the inherent sets it; then the block ends.
		assert_ok!(pallet_timestamp::Pallet::<Runtime>::set(
			RuntimeOrigin::none(),
			crate::SLOT_DURATION
		));
		Executive::finalize_block();
		assert_eq!(free(&Treasury::pot()), TREASURY_ENDOWMENT + to_treasury);
		assert_eq!(free(&alice), ENDOWMENT + fee - to_treasury);
		System::assert_has_event(
			pallet_ostrom_treasury::Event::<Runtime>::AuthorPaid {
				author: alice,
				amount: fee - to_treasury,
			}
			.into(),
		);
	});
}

#[test]
fn transfer_with_a_bad_signature_is_rejected_without_charging() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		// Signed by Bob but claiming to come from Alice.
		let mut xt =
			signed_transfer(Sr25519Keyring::Bob, Sr25519Keyring::Charlie.to_account_id(), UNIT, 0);
		if let sp_runtime::generic::Preamble::Signed(address, _, _) = &mut xt.preamble {
			*address = MultiAddress::Id(alice.clone());
		}
		assert!(Executive::apply_extrinsic(xt).is_err());
		assert_eq!(free(&alice), ENDOWMENT);
		assert_eq!(System::account_nonce(&alice), 0);
	});
}

#[test]
fn both_presets_found_the_dao_with_alice_bob_and_charlie() {
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		ext_from_preset(preset).execute_with(|| {
			assert_eq!(pallet_ostrom_membership::MemberCount::<Runtime>::get(), 3);
			for member in founding_members() {
				assert!(<Membership as MembershipInspect<_, _>>::is_active_member(&member));
			}
			assert!(!<Membership as MembershipInspect<_, _>>::is_active_member(
				&Sr25519Keyring::Dave.to_account_id()
			));
			Membership::do_try_state().unwrap();
		});
	}
}

#[test]
fn the_runtime_rewards_an_accepted_contribution_through_membership() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let [alice, bob] = [Sr25519Keyring::Alice, Sr25519Keyring::Bob]
			.map(|k| RuntimeOrigin::signed(k.to_account_id()));
		let name = BoundedVec::truncate_from(b"ostrom".to_vec());
		let license = BoundedVec::truncate_from(b"GPL-3.0-only".to_vec());
		Commons::register(alice, name, CommonsKind::Software, license, Default::default()).unwrap();
		Commons::contribute(bob, 0, Default::default(), Default::default()).unwrap();
		let bob_account = Sr25519Keyring::Bob.to_account_id();
		for reviewer in [Sr25519Keyring::Alice, Sr25519Keyring::Charlie] {
			Commons::review(RuntimeOrigin::signed(reviewer.to_account_id()), 0, true).unwrap();
		}
		assert_eq!(
			<Membership as MembershipInspect<_, _>>::reputation(&bob_account),
			crate::configs::dao::ReputationPerContribution::get()
		);
		Membership::do_try_state().unwrap();
		Commons::do_try_state().unwrap();
	});
}
