//! Every call of the membership pallet: its success path with events, and each error leaving
//! storage unchanged. The invariants are checked after every step.

use crate::{mock::*, Applications, Error, Event, HoldReason, MemberCount, MemberStatus, Members};
use frame_support::{traits::fungible::InspectHold, BoundedVec};
use frame_system::RawOrigin;
use ostrom_primitives::MembershipInspect;
use sp_runtime::DispatchError;

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn metadata(bytes: &[u8]) -> BoundedVec<u8, <Test as crate::Config>::MaxMetadataLen> {
	BoundedVec::try_from(bytes.to_vec()).unwrap()
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::Membership(HoldReason::Application), &who)
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Membership(event) => Some(event),
			_ => None,
		})
		.collect()
}

#[test]
fn genesis_members_are_active_with_no_reputation() {
	build_and_execute(|| {
		assert_eq!(MemberCount::<Test>::get(), 3);
		for who in [ALICE, BOB, CHARLIE] {
			let record = Members::<Test>::get(who).unwrap();
			assert_eq!((record.joined_at, record.reputation), (0, 0));
			assert_eq!(record.status, MemberStatus::Active);
			assert!(Membership::is_active_member(&who));
		}
		assert!(!Membership::is_active_member(&DAVE));
	});
}

#[test]
fn apply_holds_the_deposit_and_records_the_application() {
	build_and_execute(|| {
		ok!(Membership::apply(signed(DAVE), metadata(b"ipfs://dave")));
		assert_eq!(held(DAVE), DEPOSIT);
		let application = Applications::<Test>::get(DAVE).unwrap();
		assert_eq!(application.metadata.to_vec(), b"ipfs://dave".to_vec());
		assert!(application.sponsors.is_empty());
		assert_eq!(events(), vec![Event::Applied { who: DAVE, deposit: DEPOSIT }]);
	});
}

#[test]
fn apply_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Membership::apply(signed(ALICE), metadata(b"")), Error::<Test>::AlreadyMember);
		ok!(Membership::apply(signed(DAVE), metadata(b"")));
		noop!(Membership::apply(signed(DAVE), metadata(b"")), Error::<Test>::AlreadyApplied);
		noop!(Membership::apply(signed(PAUPER), metadata(b"")), Error::<Test>::InsufficientBalance);
	});
}

#[test]
fn apply_fails_when_the_dao_is_full() {
	build_and_execute(|| {
		fill_the_dao();
		noop!(Membership::apply(signed(GRACE), metadata(b"")), Error::<Test>::TooManyMembers);
	});
}

/// Admits Dave, Eve and Ferdie: the DAO then has `MAX_MEMBERS` members.
fn fill_the_dao() {
	for who in [DAVE, EVE, FERDIE] {
		ok!(Membership::add_member(RuntimeOrigin::root(), who));
	}
	assert_eq!(MemberCount::<Test>::get(), MAX_MEMBERS);
}

#[test]
fn enough_sponsors_admit_the_applicant_and_release_the_deposit() {
	build_and_execute(|| {
		System::set_block_number(7);
		ok!(Membership::apply(signed(DAVE), metadata(b"")));
		ok!(Membership::sponsor(signed(ALICE), DAVE));
		assert!(!Members::<Test>::contains_key(DAVE));
		assert_eq!(Applications::<Test>::get(DAVE).unwrap().sponsors.to_vec(), vec![ALICE]);

		ok!(Membership::sponsor(signed(BOB), DAVE));
		assert_eq!(
			Members::<Test>::get(DAVE).unwrap(),
			crate::MemberRecord { joined_at: 7, reputation: 0, status: MemberStatus::Active }
		);
		assert_eq!(MemberCount::<Test>::get(), 4);
		assert!(!Applications::<Test>::contains_key(DAVE));
		assert_eq!(held(DAVE), 0);
		assert_eq!(Balances::free_balance(DAVE), 100);
		assert_eq!(
			events(),
			vec![
				Event::Applied { who: DAVE, deposit: DEPOSIT },
				Event::Sponsored { applicant: DAVE, sponsor: ALICE, sponsors: 1 },
				Event::Sponsored { applicant: DAVE, sponsor: BOB, sponsors: 2 },
				Event::MemberAdded { who: DAVE },
			]
		);
	});
}

#[test]
fn vouches_of_sponsors_who_are_no_longer_active_do_not_count() {
	build_and_execute(|| {
		ok!(Membership::apply(signed(DAVE), metadata(b"")));
		ok!(Membership::sponsor(signed(ALICE), DAVE));
		ok!(Membership::remove_member(RuntimeOrigin::root(), ALICE));
		ok!(Membership::sponsor(signed(BOB), DAVE));
		assert!(!Members::<Test>::contains_key(DAVE), "Alice's vouch lapsed with her membership");
		assert_eq!(Applications::<Test>::get(DAVE).unwrap().sponsors.to_vec(), vec![BOB]);
		ok!(Membership::suspend(RuntimeOrigin::root(), BOB, 5));
		ok!(Membership::sponsor(signed(CHARLIE), DAVE));
		assert_eq!(Applications::<Test>::get(DAVE).unwrap().sponsors.to_vec(), vec![CHARLIE]);
		ok!(Membership::add_member(RuntimeOrigin::root(), EVE));
		ok!(Membership::sponsor(signed(EVE), DAVE));
		assert!(Membership::is_active_member(&DAVE));
	});
}

#[test]
fn sponsor_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Membership::sponsor(signed(ALICE), DAVE), Error::<Test>::NoApplication);
		ok!(Membership::apply(signed(DAVE), metadata(b"")));
		ok!(Membership::apply(signed(EVE), metadata(b"")));
		noop!(Membership::sponsor(signed(EVE), DAVE), Error::<Test>::NotMember);
		ok!(Membership::sponsor(signed(ALICE), DAVE));
		noop!(Membership::sponsor(signed(ALICE), DAVE), Error::<Test>::AlreadySponsored);
		ok!(Membership::suspend(RuntimeOrigin::root(), BOB, 5));
		noop!(Membership::sponsor(signed(BOB), DAVE), Error::<Test>::Suspended);
	});
}

#[test]
fn the_last_sponsor_cannot_admit_into_a_full_dao() {
	build_and_execute(|| {
		ok!(Membership::apply(signed(GRACE), metadata(b"")));
		ok!(Membership::sponsor(signed(ALICE), GRACE));
		fill_the_dao();
		noop!(Membership::sponsor(signed(BOB), GRACE), Error::<Test>::TooManyMembers);
	});
}

#[test]
fn withdraw_application_returns_the_deposit() {
	build_and_execute(|| {
		noop!(Membership::withdraw_application(signed(DAVE)), Error::<Test>::NoApplication);
		ok!(Membership::apply(signed(DAVE), metadata(b"")));
		ok!(Membership::sponsor(signed(ALICE), DAVE));
		ok!(Membership::withdraw_application(signed(DAVE)));
		assert!(!Applications::<Test>::contains_key(DAVE));
		assert_eq!((held(DAVE), Balances::free_balance(DAVE)), (0, 100));
		assert_eq!(events().last(), Some(&Event::ApplicationWithdrawn { who: DAVE }));
	});
}

#[test]
fn leave_removes_the_member() {
	build_and_execute(|| {
		noop!(Membership::leave(signed(DAVE)), Error::<Test>::NotMember);
		ok!(Membership::suspend(RuntimeOrigin::root(), BOB, 5));
		noop!(Membership::leave(signed(BOB)), Error::<Test>::Suspended);
		System::reset_events();
		ok!(Membership::leave(signed(CHARLIE)));
		assert!(!Members::<Test>::contains_key(CHARLIE));
		assert_eq!(MemberCount::<Test>::get(), 2);
		assert_eq!(events(), vec![Event::MemberLeft { who: CHARLIE }]);
	});
}

#[test]
fn the_last_member_cannot_leave_or_be_removed() {
	build_and_execute(|| {
		ok!(Membership::leave(signed(CHARLIE)));
		ok!(Membership::remove_member(RuntimeOrigin::root(), BOB));
		noop!(Membership::leave(signed(ALICE)), Error::<Test>::LastMember);
		noop!(Membership::remove_member(RuntimeOrigin::root(), ALICE), Error::<Test>::LastMember);
	});
}

#[test]
fn add_member_admits_and_ends_a_pending_application() {
	build_and_execute(|| {
		ok!(Membership::apply(signed(DAVE), metadata(b"")));
		ok!(Membership::add_member(RuntimeOrigin::root(), DAVE));
		assert!(Membership::is_active_member(&DAVE));
		assert!(!Applications::<Test>::contains_key(DAVE));
		assert_eq!(held(DAVE), 0);
		assert_eq!(events().last(), Some(&Event::MemberAdded { who: DAVE }));
	});
}

#[test]
fn admin_calls_need_the_admin_origin() {
	build_and_execute(|| {
		noop!(Membership::add_member(signed(ALICE), DAVE), DispatchError::BadOrigin);
		noop!(Membership::remove_member(signed(ALICE), BOB), DispatchError::BadOrigin);
		noop!(Membership::suspend(signed(ALICE), BOB, 5), DispatchError::BadOrigin);
	});
}

#[test]
fn add_member_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Membership::add_member(RuntimeOrigin::root(), ALICE), Error::<Test>::AlreadyMember);
		fill_the_dao();
		noop!(Membership::add_member(RuntimeOrigin::root(), GRACE), Error::<Test>::TooManyMembers);
	});
}

#[test]
fn remove_member_removes() {
	build_and_execute(|| {
		noop!(Membership::remove_member(RuntimeOrigin::root(), DAVE), Error::<Test>::NotMember);
		ok!(Membership::remove_member(RuntimeOrigin::root(), BOB));
		assert!(!Members::<Test>::contains_key(BOB));
		assert_eq!(MemberCount::<Test>::get(), 2);
		assert_eq!(events(), vec![Event::MemberRemoved { who: BOB }]);
	});
}

#[test]
fn a_suspension_lasts_until_its_block() {
	build_and_execute(|| {
		ok!(Membership::suspend(RuntimeOrigin::root(), BOB, 5));
		assert_eq!(events(), vec![Event::MemberSuspended { who: BOB, until: 5 }]);
		assert!(!Membership::is_active_member(&BOB));
		assert_eq!(Membership::member_count(), 3, "a suspended member still counts");
		System::set_block_number(4);
		assert!(!Membership::is_active_member(&BOB));
		System::set_block_number(5);
		assert!(Membership::is_active_member(&BOB));
	});
}

#[test]
fn suspend_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Membership::suspend(RuntimeOrigin::root(), DAVE, 5), Error::<Test>::NotMember);
		noop!(
			Membership::suspend(RuntimeOrigin::root(), BOB, 1),
			Error::<Test>::SuspensionNotInFuture
		);
	});
}

#[test]
fn reputation_is_added_to_members_only() {
	build_and_execute(|| {
		assert!(Membership::add_reputation(&ALICE, 3));
		assert!(Membership::add_reputation(&ALICE, 4));
		assert!(!Membership::add_reputation(&DAVE, 4));
		assert_eq!((Membership::reputation(&ALICE), Membership::reputation(&DAVE)), (7, 0));
		assert!(!Members::<Test>::contains_key(DAVE));
		assert_eq!(
			events(),
			vec![
				Event::ReputationChanged { who: ALICE, reputation: 3 },
				Event::ReputationChanged { who: ALICE, reputation: 7 },
			]
		);
		assert!(Membership::add_reputation(&ALICE, u32::MAX));
		assert_eq!(Membership::reputation(&ALICE), u32::MAX, "reputation saturates");
		check_invariants();
	});
}

#[test]
fn invariants_catch_a_wrong_member_count() {
	build_and_execute(|| {
		MemberCount::<Test>::put(4);
		assert!(Membership::do_try_state().is_err());
		MemberCount::<Test>::put(3);
	});
}

#[test]
fn member_since_is_the_block_of_admission() {
	build_and_execute(|| {
		System::set_block_number(5);
		ok!(Membership::add_member(RuntimeOrigin::root(), DAVE));
		assert_eq!(Membership::member_since(&DAVE), Some(5));
		assert_eq!(Membership::member_since(&ALICE), Some(0));
		assert_eq!(Membership::member_since(&EVE), None);
	});
}
