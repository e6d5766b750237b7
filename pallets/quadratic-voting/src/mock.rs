//! A runtime with only what quadratic voting needs: System, a membership and proposals that the
//! tests set directly.

use crate as pallet_voting;
use crate::Credits;
use core::cell::RefCell;
use frame_support::{derive_impl, traits::ConstU64};
use ostrom_primitives::{BallotState, Ballots, ProposalId};
use sp_runtime::BuildStorage;
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
	pub type QuadraticVoting = pallet_voting;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

thread_local! {
	static BALLOTS: RefCell<BTreeMap<ProposalId, BallotState<u64>>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// Proposals as the tests set them: `open`, `close`.
pub struct TestBallots;

impl TestBallots {
	/// Opens `proposal` to members who joined before block `submitted_at`.
	pub fn open(proposal: ProposalId, submitted_at: u64) {
		BALLOTS.with(|p| p.borrow_mut().insert(proposal, BallotState::Open { submitted_at }));
	}

	pub fn close(proposal: ProposalId) {
		BALLOTS.with(|p| p.borrow_mut().insert(proposal, BallotState::Closed));
	}

	/// Withdraws `proposal` undecided, as killing it does.
	pub fn withdraw(proposal: ProposalId) {
		BALLOTS.with(|p| p.borrow_mut().insert(proposal, BallotState::Withdrawn));
	}
}

impl Ballots<u64> for TestBallots {
	fn ballot_state(proposal: ProposalId) -> BallotState<u64> {
		BALLOTS.with(|p| p.borrow().get(&proposal).copied().unwrap_or(BallotState::Unknown))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn open_ballot_for_benchmarks() -> ProposalId {
		let proposal = BALLOTS.with(|p| p.borrow().len() as ProposalId);
		Self::open(proposal, System::block_number());
		proposal
	}
}

pub const CREDITS: Credits = 100;
pub const EPOCH: u64 = 10;

impl pallet_voting::Config for Test {
	type Membership = TestMembership;
	type Ballots = TestBallots;
	type CreditsPerEpoch = ConstU64<CREDITS>;
	type EpochLength = ConstU64<EPOCH>;
	type WeightInfo = ();
}

/// Members since genesis.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CHARLIE: u64 = 3;
/// A member who joined at block 5.
pub const DAVE: u64 = 4;
/// Not a member.
pub const OUTSIDER: u64 = 9;

/// Open since block 2: Alice, Bob and Charlie may vote, Dave may not.
pub const EARLY: ProposalId = 0;
/// Open since block 6: all four members may vote.
pub const LATE: ProposalId = 1;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	TestMembership::reset();
	for who in [ALICE, BOB, CHARLIE] {
		TestMembership::set_member(who);
	}
	TestMembership::set_member_since(DAVE, 5);
	BALLOTS.with(|p| p.borrow_mut().clear());
	TestBallots::open(EARLY, 2);
	TestBallots::open(LATE, 6);
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(7));
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
	QuadraticVoting::do_try_state().expect("quadratic voting invariants hold");
}

pub(crate) use ostrom_testing::{noop, ok};
