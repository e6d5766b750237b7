//! A runtime with only what the membership pallet needs: System and Balances.

use crate as pallet_membership;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
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
	pub type Membership = pallet_membership;
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
pub const MAX_MEMBERS: u32 = 9;
pub const EPOCH: u64 = 20;
pub const MAX_REPUTATION_PER_EPOCH: u32 = 10;

parameter_types! {
	pub const ApplicationDeposit: u64 = DEPOSIT;
	pub const EpochLength: u64 = EPOCH;
}

/// The rules of the mock DAO: a probation of 10 blocks, two sponsorships per member and epoch of
/// 20 blocks, at least three admissions per epoch, accountability for 100 blocks, sanctions of
/// 50 blocks, dormancy after two silent epochs, at least a tenth of the members as eligible voters.
pub fn mock_rules() -> crate::AdmissionRules<u64> {
	crate::AdmissionRules {
		probation: 10,
		sponsorships_per_epoch: 2,
		admissions_share: sp_runtime::Perbill::from_percent(50),
		admissions_floor: 3,
		accountability_period: 100,
		sponsor_suspension: 50,
		dormant_after: 2,
		quorum_floor: sp_runtime::Perbill::from_percent(10),
	}
}

impl pallet_membership::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AdminOrigin = frame_system::EnsureRoot<u64>;
	type RulesOrigin = frame_system::EnsureRoot<u64>;
	type ApplicationDeposit = ApplicationDeposit;
	type SponsorsRequired = ConstU32<2>;
	type MaxMembers = ConstU32<MAX_MEMBERS>;
	type MaxMetadataLen = ConstU32<32>;
	type MaxRemovals = ConstU32<4>;
	type EpochLength = EpochLength;
	type MaxProbationEpochs = ConstU32<8>;
	type MaxDormantAfter = ConstU32<8>;
	type MaxReputationPerEpoch = ConstU32<MAX_REPUTATION_PER_EPOCH>;
	type WeightInfo = ();
}

/// Founding members.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CHARLIE: u64 = 3;
/// Funded outsiders.
pub const DAVE: u64 = 4;
pub const EVE: u64 = 5;
pub const FERDIE: u64 = 6;
pub const GRACE: u64 = 8;
/// An outsider who cannot afford the deposit.
pub const PAUPER: u64 = 7;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE, GRACE]
			.into_iter()
			.map(|who| (who, 100))
			.chain([(PAUPER, DEPOSIT - 1)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_membership::GenesisConfig::<Test> {
		members: vec![ALICE, BOB, CHARLIE],
		rules: mock_rules(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
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
	Membership::do_try_state().expect("membership invariants hold");
}

pub(crate) use ostrom_testing::{noop, ok};
