//! A runtime with only what the treasury needs: System, Balances, and a membership and a
//! commons registry that the tests set directly. Root stands in for the DAO origin.

use crate as pallet_treasury;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use ostrom_primitives::{CommonsId, CommonsInspect, MembershipInspect};
use sp_runtime::{BuildStorage, Perbill};
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
	pub type Treasury = pallet_treasury;
}

/// Long enough for the commons' sub-accounts to differ from the pot and from each other.
pub type AccountId = u128;

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u64>;
}

/// A unit whose square root is whole (√1_000_000 = 1_000), so that hand-worked quadratic
/// funding figures come out exact.
pub const UNIT: u64 = 1_000_000;
pub const ED: u64 = UNIT / 1_000;

parameter_types! {
	/// The author of the current block, as the tests set it.
	pub static Author: Option<AccountId> = None;
	pub const ExistentialDeposit: u64 = ED;
	pub const TreasuryPalletId: PalletId = PalletId(*b"os/trsry");
	pub const MinGift: u64 = ED;
	/// The most open rounds; a test may change it, e.g. to make more than the bound.
	pub static MaxOpenRounds: u32 = MOST_OPEN_ROUNDS;
	/// The most live grants; a test may change it, e.g. to make more than the bound.
	pub static MaxLiveGrants: u32 = MOST_LIVE_GRANTS;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ExistentialDeposit;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// The block's author is whom the tests set in [`Author`].
pub struct TestAuthor;

impl pallet_treasury::BlockAuthor<AccountId> for TestAuthor {
	fn block_author() -> Option<AccountId> {
		Author::get()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn author_for_benchmarks() -> AccountId {
		let author = 4_242;
		Author::set(Some(author));
		author
	}
}

thread_local! {
	/// Each commons: whether it is active, and its stewards.
	static COMMONS: RefCell<BTreeMap<CommonsId, (bool, Vec<AccountId>)>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// A commons registry as the tests set it.
pub struct TestCommons;

impl TestCommons {
	pub fn set(commons: CommonsId, active: bool, stewards: &[AccountId]) {
		COMMONS.with(|c| c.borrow_mut().insert(commons, (active, stewards.to_vec())));
	}

	pub fn archive(commons: CommonsId) {
		COMMONS.with(|c| c.borrow_mut().get_mut(&commons).map(|entry| entry.0 = false));
	}
}

impl TestCommons {
	fn stewards(commons: CommonsId) -> Vec<AccountId> {
		COMMONS.with(|c| c.borrow().get(&commons).map(|entry| entry.1.clone()).unwrap_or_default())
	}
}

/// A steward acts while an active member; the first steward listed registered the commons.
impl CommonsInspect<AccountId> for TestCommons {
	fn is_active(commons: CommonsId) -> bool {
		COMMONS.with(|c| c.borrow().get(&commons).is_some_and(|entry| entry.0))
	}

	fn is_acting_steward(commons: CommonsId, who: &AccountId) -> bool {
		Self::stewards(commons).contains(who) && TestMembership::is_active_member(who)
	}

	fn acting_stewards(commons: CommonsId) -> u32 {
		Self::stewards(commons).iter().filter(|who| TestMembership::is_active_member(*who)).count()
			as u32
	}

	/// The mock has no seasoning: every acting steward is seasoned.
	fn is_seasoned_steward(commons: CommonsId, who: &AccountId) -> bool {
		Self::is_acting_steward(commons, who)
	}

	fn seasoned_stewards(commons: CommonsId) -> u32 {
		Self::acting_stewards(commons)
	}

	fn insiders(commons: CommonsId) -> Vec<AccountId> {
		Self::stewards(commons)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(steward: &AccountId) -> CommonsId {
		let commons = COMMONS.with(|c| c.borrow().len() as CommonsId);
		Self::set(commons, true, &[*steward]);
		commons
	}
}

pub const MAX_GIFTS_PER_ROUND: u32 = 12;
pub const MAX_COMMONS: u32 = 3;
pub const MAX_GIVERS: u32 = 10;
pub const MAX_COMMONS_PER_GIVER: u32 = 2;
pub const MAX_ROUND_BLOCKS: u64 = 50;
pub const ENROLMENT_DEPOSIT: u64 = UNIT;
pub const STEWARD_ALLOWANCE: u64 = 10 * UNIT;
pub const MAX_PENDING_SPENDS: u32 = 2;
pub const SPEND_LIFETIME: u64 = 20;
pub const MOST_OPEN_ROUNDS: u32 = 4;
pub const MOST_LIVE_GRANTS: u32 = 4;
/// M of the mock: 100 units.
pub const COORDINATION_BOUND: u64 = 100 * UNIT;

impl pallet_treasury::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PalletId = TreasuryPalletId;
	type DaoOrigin = frame_system::EnsureRoot<AccountId>;
	type SpendRulesOrigin = frame_system::EnsureRoot<AccountId>;
	type Membership = TestMembership;
	type Commons = TestCommons;
	type MinGift = MinGift;
	type EnrolmentDeposit = ConstU64<ENROLMENT_DEPOSIT>;
	type MaxGiftsPerRound = ConstU32<MAX_GIFTS_PER_ROUND>;
	type MaxCommonsPerRound = ConstU32<MAX_COMMONS>;
	type MaxGiversPerCommons = ConstU32<MAX_GIVERS>;
	type MaxCommonsPerGiver = ConstU32<MAX_COMMONS_PER_GIVER>;
	type MaxRoundDuration = ConstU64<MAX_ROUND_BLOCKS>;
	type StewardAllowance = ConstU64<STEWARD_ALLOWANCE>;
	type MaxPendingCommonsSpends = ConstU32<MAX_PENDING_SPENDS>;
	type MaxApprovals = ConstU32<4>;
	type CommonsSpendLifetime = ConstU64<SPEND_LIFETIME>;
	type MaxOpenRounds = MaxOpenRounds;
	type MaxLiveGrants = MaxLiveGrants;
	type Author = TestAuthor;
	type WeightInfo = ();
}

/// Members, each with `FUNDS`.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
pub const MEMBERS: [AccountId; 6] = [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE];
/// Not a member, with `FUNDS`.
pub const OUTSIDER: AccountId = 9;
/// An account that does not exist yet.
pub const NOBODY: AccountId = 99;
pub const FUNDS: u64 = 100 * UNIT;
/// What the pot starts with, its existential deposit included.
pub const POT: u64 = 1_000 * UNIT;

/// Active commons: 0 stewarded by Alice, 1 by Bob and Charlie, 3 by Eve; 2 (Dave's) is archived.
pub const OPEN_CODE: CommonsId = 0;
pub const SEED_BANK: CommonsId = 1;
pub const ARCHIVED: CommonsId = 2;
pub const TOOL_LIBRARY: CommonsId = 3;

/// The largest share of a pool one commons may be matched, in per cent.
pub const MAX_MATCH_PERCENT: u32 = 50;

/// Spending periods of ten blocks, a fifth of the pot each.
pub const PERIOD: u64 = 10;

pub fn new_test_ext_with_pot(pot: u64) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<_> = MEMBERS.iter().chain([&OUTSIDER]).map(|who| (*who, FUNDS)).collect();
	if pot > 0 {
		balances.push((Treasury::pot(), pot));
	}
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_treasury::GenesisConfig::<Test> {
		spend_period: PERIOD,
		max_spend_share: Perbill::from_percent(20),
		coordination_bound: COORDINATION_BOUND,
		max_match_share: Perbill::from_percent(MAX_MATCH_PERCENT),
	}
	.assimilate_storage(&mut storage)
	.unwrap();

	TestMembership::reset();
	for who in MEMBERS {
		TestMembership::set_member(who as u64);
	}
	COMMONS.with(|c| c.borrow_mut().clear());
	TestCommons::set(OPEN_CODE, true, &[ALICE]);
	TestCommons::set(SEED_BANK, true, &[BOB, CHARLIE]);
	TestCommons::set(ARCHIVED, false, &[DAVE]);
	TestCommons::set(TOOL_LIBRARY, true, &[EVE]);
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` with a pot of `POT`, then checks the pallet's invariants once more.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext_with_pot(POT).execute_with(|| {
		check_invariants();
		test();
		check_invariants();
	});
}

pub fn check_invariants() {
	Treasury::do_try_state().expect("treasury invariants hold");
}

pub(crate) use ostrom_testing::{noop, ok};
