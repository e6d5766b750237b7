//! A runtime with only what the commons registry needs: System, Balances and a membership that
//! the tests set directly.

use crate as pallet_commons;
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use ostrom_primitives::{MembershipInspect, Reputation};
use sp_runtime::BuildStorage;
use std::collections::BTreeMap;

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
	#[runtime::pallet_index(2)]
	pub type Commons = pallet_commons;
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

/// A member's standing in [`TestMembership`].
#[derive(Clone, Copy)]
struct Standing {
	active: bool,
	reputation: Reputation,
}

thread_local! {
	static MEMBERS: RefCell<BTreeMap<u64, Standing>> = RefCell::new(BTreeMap::new());
}

/// Membership as the tests set it: `set_member`, `suspend`.
pub struct TestMembership;

impl TestMembership {
	pub fn set_member(who: u64) {
		MEMBERS.with(|m| m.borrow_mut().insert(who, Standing { active: true, reputation: 0 }));
	}

	pub fn suspend(who: u64) {
		MEMBERS.with(|m| m.borrow_mut().get_mut(&who).map(|standing| standing.active = false));
	}

	pub fn remove(who: u64) {
		MEMBERS.with(|m| m.borrow_mut().remove(&who));
	}
}

impl MembershipInspect<u64> for TestMembership {
	fn is_active_member(who: &u64) -> bool {
		MEMBERS.with(|m| m.borrow().get(who).is_some_and(|standing| standing.active))
	}

	fn member_count() -> u32 {
		MEMBERS.with(|m| m.borrow().len() as u32)
	}

	fn reputation(who: &u64) -> Reputation {
		MEMBERS.with(|m| m.borrow().get(who).map_or(0, |standing| standing.reputation))
	}

	fn add_reputation(who: &u64, amount: Reputation) -> bool {
		MEMBERS
			.with(|m| {
				m.borrow_mut().get_mut(who).map(|standing| {
					standing.reputation = standing.reputation.saturating_add(amount);
				})
			})
			.is_some()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add_member_for_benchmarks(who: &u64) {
		Self::set_member(*who);
	}
}

pub const DEPOSIT: u64 = 10;
pub const REPUTATION: Reputation = 5;
pub const MAX_STEWARDS: u32 = 3;
pub const MAX_PENDING: u32 = 2;

parameter_types! {
	pub const RegistrationDeposit: u64 = DEPOSIT;
	pub const ReputationPerContribution: Reputation = REPUTATION;
}

impl pallet_commons::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Membership = TestMembership;
	type AdminOrigin = frame_system::EnsureRoot<u64>;
	type RegistrationDeposit = RegistrationDeposit;
	type MaxNameLen = ConstU32<16>;
	type MaxLicenseLen = ConstU32<16>;
	type MaxUriLen = ConstU32<32>;
	type MaxNoteLen = ConstU32<32>;
	type MaxStewards = ConstU32<MAX_STEWARDS>;
	type MaxPendingContributions = ConstU32<MAX_PENDING>;
	type ReviewsToAccept = ConstU32<2>;
	type ReviewsToReject = ConstU32<2>;
	type ReputationPerContribution = ReputationPerContribution;
	type WeightInfo = ();
}

/// Members, all funded.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CHARLIE: u64 = 3;
pub const DAVE: u64 = 4;
pub const EVE: u64 = 5;
/// A member who cannot afford the deposit.
pub const PAUPER: u64 = 6;
/// A funded account that is not a member.
pub const OUTSIDER: u64 = 7;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CHARLIE, DAVE, EVE, OUTSIDER]
			.into_iter()
			.map(|who| (who, 100))
			.chain([(PAUPER, DEPOSIT - 1)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	MEMBERS.with(|m| m.borrow_mut().clear());
	for who in [ALICE, BOB, CHARLIE, DAVE, EVE, PAUPER] {
		TestMembership::set_member(who);
	}
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then checks the pallet's invariants once more.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		check_invariants();
		test();
		check_invariants();
	});
}

pub fn check_invariants() {
	Commons::do_try_state().expect("commons invariants hold");
}

/// Asserts that a call succeeds, then that the invariants still hold.
macro_rules! ok {
	($call:expr) => {{
		frame_support::assert_ok!($call);
		crate::mock::check_invariants();
	}};
}

/// Asserts that a call fails with `$error` leaving storage untouched, then that the invariants
/// still hold.
macro_rules! noop {
	($call:expr, $error:expr) => {{
		frame_support::assert_noop!($call, $error);
		crate::mock::check_invariants();
	}};
}

pub(crate) use {noop, ok};
