//! A runtime with only what the commons registry needs: System, Balances and a membership that
//! the tests set directly.

use crate as pallet_commons;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{Balanced, Credit},
		ConstU32, ConstU64, OnUnbalanced,
	},
};
use ostrom_primitives::Reputation;
pub use ostrom_testing::TestMembership;
use sp_runtime::BuildStorage;

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

pub const DEPOSIT: u64 = 10;
pub const CONTRIBUTION_DEPOSIT: u64 = 3;
pub const REPUTATION: Reputation = 5;
pub const MAX_STEWARDS: u32 = 3;
pub const MAX_STEWARDSHIPS: u32 = 2;
/// Stewards may approve large spends 5 blocks after their appointment.
pub const SEASONING: u64 = 5;
pub const MAX_PENDING: u32 = 3;
pub const MAX_PENDING_PER_CONTRIBUTOR: u32 = 2;

parameter_types! {
	pub const RegistrationDeposit: u64 = DEPOSIT;
	pub const ContributionDeposit: u64 = CONTRIBUTION_DEPOSIT;
	pub const ReputationPerContribution: Reputation = REPUTATION;
}

/// Where slashed deposits go: the mock's treasury account.
pub struct ToTreasury;
impl OnUnbalanced<Credit<u64, Balances>> for ToTreasury {
	fn on_nonzero_unbalanced(credit: Credit<u64, Balances>) {
		let _ = Balances::resolve(&TREASURY, credit);
	}
}

impl pallet_commons::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Membership = TestMembership;
	type AdminOrigin = frame_system::EnsureRoot<u64>;
	type Slashed = ToTreasury;
	type RegistrationDeposit = RegistrationDeposit;
	type ContributionDeposit = ContributionDeposit;
	type MaxNameLen = ConstU32<16>;
	type MaxLicenseLen = ConstU32<16>;
	type MaxUriLen = ConstU32<32>;
	type MaxNoteLen = ConstU32<32>;
	type MaxStewards = ConstU32<MAX_STEWARDS>;
	type MaxStewardships = ConstU32<MAX_STEWARDSHIPS>;
	type StewardSeasoning = ConstU64<SEASONING>;
	type MaxPendingContributions = ConstU32<MAX_PENDING>;
	type MaxPendingPerContributor = ConstU32<MAX_PENDING_PER_CONTRIBUTOR>;
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
/// Where slashed deposits go; unfunded at first.
pub const TREASURY: u64 = 99;

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
	TestMembership::reset();
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

pub(crate) use ostrom_testing::{noop, ok};
