//! A runtime with what the validator set needs: System, Balances (for session-key deposits),
//! pallet-session with this pallet as its manager, and blocks whose authors the tests choose.

use crate as pallet_validators;
use crate::ValidatorRules;
use core::cell::RefCell;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, Hooks},
};
use frame_system::EnsureRoot;
use pallet_authorship::EventHandler;
use sp_runtime::{
	testing::UintAuthorityId,
	traits::{ConvertInto, OpaqueKeys},
	BuildStorage, KeyTypeId,
};
use std::collections::BTreeSet;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeHoldReason,
		RuntimeFreezeReason,
		RuntimeTask
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	// Before Session, as in the runtime: its genesis is built first.
	#[runtime::pallet_index(2)]
	pub type Validators = pallet_validators;
	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

thread_local! {
	/// The validators whose sets pallet-session handed to the consensus engines, newest last.
	static HANDED_OVER: RefCell<Vec<Vec<u64>>> = const { RefCell::new(Vec::new()) };
	/// Validators whose machines are down: they author nothing.
	static OFFLINE: RefCell<BTreeSet<u64>> = const { RefCell::new(BTreeSet::new()) };
}

/// Stands for Aura and GRANDPA: records each new set it is given.
pub struct TestSessionHandler;

impl pallet_session::SessionHandler<u64> for TestSessionHandler {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[sp_runtime::key_types::DUMMY];
	fn on_genesis_session<T: OpaqueKeys>(validators: &[(u64, T)]) {
		HANDED_OVER.with(|h| h.borrow_mut().push(validators.iter().map(|(v, _)| *v).collect()));
	}
	fn on_new_session<T: OpaqueKeys>(changed: bool, validators: &[(u64, T)], _: &[(u64, T)]) {
		if changed {
			HANDED_OVER.with(|h| h.borrow_mut().push(validators.iter().map(|(v, _)| *v).collect()));
		}
	}
	fn on_disabled(_: u32) {}
}

/// How many times the consensus engines were given a new set, genesis included.
pub fn handovers() -> usize {
	HANDED_OVER.with(|h| h.borrow().len())
}

pub const KEY_DEPOSIT: u64 = 10;

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Validators;
	type NextSessionRotation = Validators;
	type SessionManager = Validators;
	type SessionHandler = TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<KEY_DEPOSIT>;
}

pub const MAX_VALIDATORS: u32 = 6;

impl pallet_validators::Config for Test {
	type AdminOrigin = EnsureRoot<u64>;
	type ValidatorSet = Session;
	type KeyRegistration = Session;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockKeys;
}

/// Registers a validator's keys directly, as a benchmark may.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockKeys;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockKeys {
	fn register_keys(who: &u64) {
		pallet_session::NextKeys::<Test>::insert(who, UintAuthorityId(*who));
	}
}

/// The genesis validators.
pub const GENESIS: [u64; 4] = [1, 2, 3, 4];
/// Funded, keys not registered.
pub const EVE: u64 = 5;
pub const FERDIE: u64 = 6;
/// Funded, never a validator.
pub const OUTSIDER: u64 = 9;

pub const SESSION: u64 = 10;

/// Ten-block sessions, at least three active validators, parked after two silent sessions.
pub fn rules() -> ValidatorRules<u64> {
	ValidatorRules { session_length: SESSION, min_validators: 3, max_missed_sessions: 2 }
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	HANDED_OVER.with(|h| h.borrow_mut().clear());
	OFFLINE.with(|o| o.borrow_mut().clear());
	let funded = [1, 2, 3, 4, EVE, FERDIE, 7, 8, OUTSIDER];
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: funded.iter().map(|who| (*who, 1_000)).collect(),
			..Default::default()
		},
		validators: pallet_validators::GenesisConfig {
			validators: GENESIS.to_vec(),
			rules: rules(),
		},
		session: pallet_session::GenesisConfig {
			keys: GENESIS.iter().map(|v| (*v, *v, UintAuthorityId(*v))).collect(),
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, checking the pallet's invariants before and after.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		check_invariants();
		test();
		check_invariants();
	});
}

pub fn check_invariants() {
	Validators::do_try_state().expect("validators invariants hold");
}

/// Takes `who`'s machine down (it authors nothing) or brings it back.
pub fn set_offline(who: u64, offline: bool) {
	OFFLINE.with(|o| {
		if offline {
			o.borrow_mut().insert(who);
		} else {
			o.borrow_mut().remove(&who);
		}
	});
}

/// Registers session keys for `who` with its own account, paying the deposit.
pub fn set_keys(who: u64) {
	frame_support::assert_ok!(Session::set_keys(
		RuntimeOrigin::signed(who),
		UintAuthorityId(who),
		Vec::new()
	));
}

/// Produces blocks up to `n`: each block's Aura slot falls to the validator `n mod count` of the
/// session, which authors it unless it is offline (the slot is then taken by the next one online,
/// as a skipped slot would be followed by another's block). pallet-authorship notes the author
/// before pallet-session may rotate, as in the runtime. Invariants are checked after each block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let block = System::block_number() + 1;
		System::set_block_number(block);
		let set = Session::validators();
		let offline = OFFLINE.with(|o| o.borrow().clone());
		let author = (0..set.len())
			.map(|i| set[(block as usize + i) % set.len()])
			.find(|who| !offline.contains(who));
		if let Some(author) = author {
			<Validators as EventHandler<u64, u64>>::note_author(author);
		}
		Validators::on_initialize(block);
		Session::on_initialize(block);
		check_invariants();
	}
}

/// Runs blocks until session `index` has started.
pub fn run_to_session(index: u32) {
	while Session::current_index() < index {
		run_to_block(System::block_number() + 1);
	}
}

pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Validators(event) => Some(event),
			_ => None,
		})
		.collect()
}

pub(crate) use ostrom_testing::{noop, ok};
