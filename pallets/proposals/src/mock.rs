//! A runtime with what proposals need: System, Balances, Preimage and Scheduler, with a
//! membership and tallies that the tests set directly.

use crate as pallet_proposals;
use crate::{GovernanceRules, TrackRules};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, EqualPrivilegeOnly, Get, Hooks},
	weights::Weight,
};
use frame_system::EnsureRoot;
use ostrom_primitives::{approval_of, turnout_of, ProposalId, VoteCounts};
use sp_runtime::{BuildStorage, Perbill};
use sp_version::RuntimeVersion;
use std::collections::BTreeMap;

pub use ostrom_testing::TestMembership;

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
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(3)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(4)]
	pub type Proposals = pallet_proposals;
}

parameter_types! {
	/// The runtime's `spec_version`: tests raise it to stand for an upgrade.
	pub static SpecVersion: u32 = 100;
}

/// The runtime's version, with the tests' [`SpecVersion`].
pub struct TestVersion;

impl Get<RuntimeVersion> for TestVersion {
	fn get() -> RuntimeVersion {
		RuntimeVersion { spec_version: SpecVersion::get(), ..Default::default() }
	}
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
	type Version = TestVersion;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<u64>;
	type Consideration = ();
}

parameter_types! {
	pub MaximumSchedulerWeight: Weight = Weight::from_parts(1_000_000_000_000, u64::MAX);
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<u64>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<10>;
	type WeightInfo = ();
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

/// The votes on a proposal as the tests set them: ayes, nays, voters.
#[derive(Clone, Copy, Default)]
struct Votes {
	ayes: u64,
	nays: u64,
	voters: u32,
}

thread_local! {
	static VOTES: RefCell<BTreeMap<ProposalId, Votes>> = const { RefCell::new(BTreeMap::new()) };
}

/// Vote counts as the tests set them.
pub struct TestVoteCounts;

impl TestVoteCounts {
	pub fn set(proposal: ProposalId, ayes: u64, nays: u64, voters: u32) {
		VOTES.with(|v| v.borrow_mut().insert(proposal, Votes { ayes, nays, voters }));
	}

	fn get(proposal: ProposalId) -> Votes {
		VOTES.with(|v| v.borrow().get(&proposal).copied().unwrap_or_default())
	}
}

impl VoteCounts for TestVoteCounts {
	fn turnout(proposal: ProposalId, eligible: u32) -> Perbill {
		turnout_of(Self::get(proposal).voters, eligible)
	}

	fn approval(proposal: ProposalId) -> Perbill {
		let votes = Self::get(proposal);
		approval_of(votes.ayes, votes.nays)
	}

	fn anyone_voted(proposal: ProposalId) -> bool {
		Self::get(proposal).voters > 0
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_ayes_for_benchmarks(proposal: ProposalId, voters: u32) {
		Self::set(proposal, voters.into(), 0, voters);
	}
}

/// Above the default rules' week of six-second blocks, which genesis checks.
pub const MAX_PERIOD: u64 = 200_000;
pub const MAX_DEPOSIT: u64 = 500;

parameter_types! {
	/// Tests lower it to see heavy calls refused.
	pub storage MaxEnactmentWeight: Weight = Weight::from_parts(500_000_000_000, u64::MAX);
	pub const MaxMetadataLen: u32 = 32;
	pub const MaxPeriod: u64 = MAX_PERIOD;
	pub const MaxDeposit: u64 = MAX_DEPOSIT;
}

impl pallet_proposals::Config for Test {
	type RuntimeCall = RuntimeCall;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Slash = ();
	type KillOrigin = crate::EnsureDao;
	type Membership = TestMembership;
	type VoteCounts = TestVoteCounts;
	type MaxMetadataLen = MaxMetadataLen;
	type MaxVotingPeriod = MaxPeriod;
	type MaxEnactmentDelay = MaxPeriod;
	type MaxProposalDeposit = MaxDeposit;
	type MaxEnactmentWeight = MaxEnactmentWeight;
	type WeightInfo = ();
}

pub const DEPOSIT: u64 = 10;
pub const VOTING_PERIOD: u64 = 5;
pub const ENACTMENT_DELAY: u64 = 2;
pub const EMERGENCY_VOTING_PERIOD: u64 = 1;

pub fn rules() -> GovernanceRules<u64, u64> {
	GovernanceRules {
		voting_period: VOTING_PERIOD,
		enactment_delay: ENACTMENT_DELAY,
		proposal_deposit: DEPOSIT,
		standard: TrackRules {
			quorum: Perbill::from_percent(50),
			approval: Perbill::from_percent(50),
		},
		root: TrackRules { quorum: Perbill::from_percent(75), approval: Perbill::from_percent(66) },
		emergency_voting_period: EMERGENCY_VOTING_PERIOD,
		emergency: TrackRules {
			quorum: Perbill::from_percent(75),
			approval: Perbill::from_percent(75),
		},
	}
}

/// Members since genesis, all funded: the DAO has four.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CHARLIE: u64 = 3;
/// A member who cannot afford the deposit.
pub const PAUPER: u64 = 4;
/// A funded account that is not a member.
pub const OUTSIDER: u64 = 9;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CHARLIE, OUTSIDER]
			.into_iter()
			.map(|who| (who, 1_000))
			.chain([(PAUPER, DEPOSIT - 1)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_proposals::GenesisConfig::<Test> { rules: rules() }
		.assimilate_storage(&mut storage)
		.unwrap();
	TestMembership::reset();
	for who in [ALICE, BOB, CHARLIE, PAUPER] {
		TestMembership::set_member(who);
	}
	VOTES.with(|v| v.borrow_mut().clear());
	SpecVersion::set(100);
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Moves on to block `n`, running the scheduler in each block on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Scheduler::on_initialize(next);
		check_invariants();
	}
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
	Proposals::do_try_state().expect("proposals invariants hold");
}

pub(crate) use ostrom_testing::{noop, ok};
