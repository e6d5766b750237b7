//! Every call of the commons registry: its success path with events, and each error leaving
//! storage unchanged. The invariants are checked after every step.

use crate::{
	mock::*, Commons as CommonsStorage, CommonsKind, CommonsStatus, ContributionStatus,
	Contributions, Error, Event, HoldReason, LicenseOf, NameOf, NoteOf, Reviews, UriOf,
};
use frame_support::{traits::fungible::InspectHold, BoundedVec};
use frame_system::RawOrigin;
use ostrom_primitives::{CommonsInspect, MembershipInspect};
use sp_core::H256;
use sp_runtime::DispatchError;

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn bounded<S: frame_support::traits::Get<u32>>(bytes: &str) -> BoundedVec<u8, S> {
	BoundedVec::try_from(bytes.as_bytes().to_vec()).unwrap()
}

fn name(s: &str) -> NameOf<Test> {
	bounded(s)
}

fn license(s: &str) -> LicenseOf<Test> {
	bounded(s)
}

fn uri(s: &str) -> UriOf<Test> {
	bounded(s)
}

fn note(s: &str) -> NoteOf<Test> {
	bounded(s)
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::Commons(HoldReason::Registration), &who)
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Commons(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Alice registers commons 0, "ostrom", as software under GPL-3.0-only.
fn register_by_alice() {
	ok!(Commons::register(
		signed(ALICE),
		name("ostrom"),
		CommonsKind::Software,
		license("GPL-3.0-only"),
		uri("https://ostrom.example")
	));
}

/// Dave contributes to commons 0; returns the contribution's id.
fn contribute_by_dave() -> u64 {
	let id = crate::NextContributionId::<Test>::get();
	ok!(Commons::contribute(signed(DAVE), 0, H256::repeat_byte(1), note("docs")));
	id
}

#[test]
fn register_records_the_commons_and_holds_the_deposit() {
	build_and_execute(|| {
		System::set_block_number(3);
		register_by_alice();
		let record = CommonsStorage::<Test>::get(0).unwrap();
		assert_eq!(record.name.to_vec(), b"ostrom".to_vec());
		assert_eq!(record.kind, CommonsKind::Software);
		assert_eq!(record.license.to_vec(), b"GPL-3.0-only".to_vec());
		assert_eq!(record.uri.to_vec(), b"https://ostrom.example".to_vec());
		assert_eq!(record.stewards.to_vec(), vec![ALICE]);
		assert_eq!(record.status, CommonsStatus::Active);
		assert_eq!((record.registered_at, record.registrant, record.deposit), (3, ALICE, DEPOSIT));
		assert_eq!(held(ALICE), DEPOSIT);
		assert_eq!(crate::NextCommonsId::<Test>::get(), 1);
		assert_eq!(
			events(),
			vec![Event::Registered { commons: 0, registrant: ALICE, kind: CommonsKind::Software }]
		);
	});
}

#[test]
fn register_errors_leave_state_unchanged() {
	build_and_execute(|| {
		let register = |who, n: &str, l: &str| {
			Commons::register(signed(who), name(n), CommonsKind::Data, license(l), uri(""))
		};
		noop!(register(OUTSIDER, "x", "MIT"), Error::<Test>::NotActiveMember);
		TestMembership::suspend(BOB);
		noop!(register(BOB, "x", "MIT"), Error::<Test>::NotActiveMember);
		noop!(register(ALICE, "", "MIT"), Error::<Test>::EmptyName);
		noop!(register(ALICE, "x", "MIT OR GPL"), Error::<Test>::InvalidLicense);
		noop!(register(ALICE, "x", ""), Error::<Test>::InvalidLicense);
		noop!(register(PAUPER, "x", "MIT"), Error::<Test>::InsufficientBalance);
		crate::NextCommonsId::<Test>::put(u32::MAX);
		noop!(register(ALICE, "x", "MIT"), Error::<Test>::IdsExhausted);
	});
}

#[test]
fn stewards_add_and_remove_stewards() {
	build_and_execute(|| {
		register_by_alice();
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		ok!(Commons::add_steward(signed(BOB), 0, CHARLIE));
		assert_eq!(
			CommonsStorage::<Test>::get(0).unwrap().stewards.to_vec(),
			vec![ALICE, BOB, CHARLIE]
		);
		ok!(Commons::remove_steward(signed(CHARLIE), 0, ALICE));
		ok!(Commons::remove_steward(signed(CHARLIE), 0, CHARLIE));
		assert_eq!(CommonsStorage::<Test>::get(0).unwrap().stewards.to_vec(), vec![BOB]);
		assert_eq!(
			events()[1..],
			[
				Event::StewardAdded { commons: 0, steward: BOB },
				Event::StewardAdded { commons: 0, steward: CHARLIE },
				Event::StewardRemoved { commons: 0, steward: ALICE },
				Event::StewardRemoved { commons: 0, steward: CHARLIE },
			]
		);
	});
}

#[test]
fn the_admin_origin_can_revive_a_commons_whose_stewards_left() {
	build_and_execute(|| {
		register_by_alice();
		TestMembership::remove(ALICE);
		noop!(Commons::add_steward(signed(ALICE), 0, BOB), Error::<Test>::NotActiveMember);
		ok!(Commons::add_steward(RuntimeOrigin::root(), 0, BOB));
		ok!(Commons::remove_steward(RuntimeOrigin::root(), 0, ALICE));
		assert_eq!(CommonsStorage::<Test>::get(0).unwrap().stewards.to_vec(), vec![BOB]);
		noop!(Commons::add_steward(RuntimeOrigin::none(), 0, CHARLIE), DispatchError::BadOrigin);
	});
}

#[test]
fn add_steward_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Commons::add_steward(signed(ALICE), 0, BOB), Error::<Test>::UnknownCommons);
		register_by_alice();
		noop!(Commons::add_steward(signed(BOB), 0, CHARLIE), Error::<Test>::NotSteward);
		noop!(Commons::add_steward(signed(ALICE), 0, OUTSIDER), Error::<Test>::StewardNotMember);
		noop!(Commons::add_steward(signed(ALICE), 0, ALICE), Error::<Test>::AlreadySteward);
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		ok!(Commons::add_steward(signed(ALICE), 0, CHARLIE));
		assert_eq!(CommonsStorage::<Test>::get(0).unwrap().stewards.len() as u32, MAX_STEWARDS);
		noop!(Commons::add_steward(signed(ALICE), 0, DAVE), Error::<Test>::TooManyStewards);
		TestMembership::suspend(ALICE);
		noop!(Commons::add_steward(signed(ALICE), 0, DAVE), Error::<Test>::NotActiveMember);
		ok!(Commons::archive(RuntimeOrigin::root(), 0));
		noop!(Commons::add_steward(signed(BOB), 0, DAVE), Error::<Test>::CommonsArchived);
	});
}

#[test]
fn remove_steward_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Commons::remove_steward(signed(ALICE), 0, ALICE), Error::<Test>::UnknownCommons);
		register_by_alice();
		noop!(Commons::remove_steward(signed(ALICE), 0, ALICE), Error::<Test>::LastSteward);
		noop!(Commons::remove_steward(signed(ALICE), 0, BOB), Error::<Test>::NotSteward);
		noop!(Commons::remove_steward(signed(BOB), 0, ALICE), Error::<Test>::NotSteward);
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		TestMembership::remove(BOB);
		noop!(Commons::remove_steward(signed(BOB), 0, ALICE), Error::<Test>::NotActiveMember);
		ok!(Commons::archive(signed(ALICE), 0));
		noop!(Commons::remove_steward(signed(ALICE), 0, BOB), Error::<Test>::CommonsArchived);
	});
}

#[test]
fn update_changes_only_the_given_fields() {
	build_and_execute(|| {
		register_by_alice();
		ok!(Commons::update(signed(ALICE), 0, None, None, Some(license("AGPL-3.0-only")), None));
		ok!(Commons::update(
			RuntimeOrigin::root(),
			0,
			Some(name("ostrom-chain")),
			Some(CommonsKind::Tools),
			None,
			Some(uri("ipfs://x"))
		));
		let record = CommonsStorage::<Test>::get(0).unwrap();
		assert_eq!(record.name.to_vec(), b"ostrom-chain".to_vec());
		assert_eq!(record.kind, CommonsKind::Tools);
		assert_eq!(record.license.to_vec(), b"AGPL-3.0-only".to_vec());
		assert_eq!(record.uri.to_vec(), b"ipfs://x".to_vec());
		assert_eq!(events()[1..], [Event::Updated { commons: 0 }, Event::Updated { commons: 0 }]);
	});
}

#[test]
fn update_errors_leave_state_unchanged() {
	build_and_execute(|| {
		let only_name =
			|origin, n: &str| Commons::update(origin, 0, Some(name(n)), None, None, None);
		noop!(only_name(signed(ALICE), "x"), Error::<Test>::UnknownCommons);
		register_by_alice();
		noop!(only_name(signed(BOB), "x"), Error::<Test>::NotSteward);
		noop!(only_name(signed(OUTSIDER), "x"), Error::<Test>::NotActiveMember);
		noop!(only_name(RuntimeOrigin::none(), "x"), DispatchError::BadOrigin);
		noop!(only_name(signed(ALICE), ""), Error::<Test>::EmptyName);
		noop!(
			Commons::update(signed(ALICE), 0, None, None, Some(license("GPL 3")), None),
			Error::<Test>::InvalidLicense
		);
		noop!(
			Commons::update(signed(ALICE), 0, None, None, None, None),
			Error::<Test>::NothingToUpdate
		);
		ok!(Commons::archive(signed(ALICE), 0));
		noop!(only_name(RuntimeOrigin::root(), "x"), Error::<Test>::CommonsArchived);
	});
}

#[test]
fn archive_releases_the_deposit_and_stops_contributions() {
	build_and_execute(|| {
		register_by_alice();
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		let pending = contribute_by_dave();
		ok!(Commons::archive(signed(BOB), 0));
		assert_eq!(CommonsStorage::<Test>::get(0).unwrap().status, CommonsStatus::Archived);
		assert_eq!((held(ALICE), Balances::free_balance(ALICE)), (0, 100));
		assert_eq!(events().last(), Some(&Event::Archived { commons: 0 }));
		noop!(
			Commons::contribute(signed(DAVE), 0, H256::zero(), note("")),
			Error::<Test>::CommonsArchived
		);
		// What was pending before the archive can still be reviewed.
		ok!(Commons::review(signed(BOB), pending, true));
		ok!(Commons::review(signed(CHARLIE), pending, true));
		assert_eq!(
			Contributions::<Test>::get(pending).unwrap().status,
			ContributionStatus::Accepted
		);
	});
}

#[test]
fn other_pallets_see_which_commons_are_active_and_who_stewards_them() {
	build_and_execute(|| {
		assert!(!Commons::is_active(0));
		register_by_alice();
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		assert!(Commons::is_active(0));
		assert!(Commons::is_steward(0, &ALICE) && Commons::is_steward(0, &BOB));
		assert!(!Commons::is_steward(0, &CHARLIE) && !Commons::is_steward(1, &ALICE));
		ok!(Commons::archive(signed(BOB), 0));
		// An archived commons takes no funding, but its stewards still answer for it.
		assert!(!Commons::is_active(0));
		assert!(Commons::is_steward(0, &BOB));
	});
}

#[test]
fn archive_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Commons::archive(RuntimeOrigin::root(), 0), Error::<Test>::UnknownCommons);
		register_by_alice();
		noop!(Commons::archive(signed(BOB), 0), Error::<Test>::NotSteward);
		noop!(Commons::archive(signed(OUTSIDER), 0), Error::<Test>::NotActiveMember);
		noop!(Commons::archive(RuntimeOrigin::none(), 0), DispatchError::BadOrigin);
		TestMembership::suspend(ALICE);
		noop!(Commons::archive(signed(ALICE), 0), Error::<Test>::NotActiveMember);
		ok!(Commons::archive(RuntimeOrigin::root(), 0));
		noop!(Commons::archive(signed(ALICE), 0), Error::<Test>::CommonsArchived);
	});
}

#[test]
fn contribute_records_a_pending_contribution() {
	build_and_execute(|| {
		register_by_alice();
		System::set_block_number(4);
		let id = contribute_by_dave();
		let entry = Contributions::<Test>::get(id).unwrap();
		assert_eq!((entry.commons, entry.contributor, entry.recorded_at), (0, DAVE, 4));
		assert_eq!((entry.approvals, entry.rejections), (0, 0));
		assert_eq!(entry.status, ContributionStatus::Pending);
		assert_eq!(entry.note.to_vec(), b"docs".to_vec());
		assert_eq!(CommonsStorage::<Test>::get(0).unwrap().pending_contributions, 1);
		assert_eq!(
			events().last(),
			Some(&Event::ContributionRecorded {
				contribution: id,
				commons: 0,
				contributor: DAVE,
				content_hash: H256::repeat_byte(1),
			})
		);
	});
}

#[test]
fn contribute_errors_leave_state_unchanged() {
	build_and_execute(|| {
		let contribute = |who| Commons::contribute(signed(who), 0, H256::zero(), note(""));
		noop!(contribute(DAVE), Error::<Test>::UnknownCommons);
		register_by_alice();
		noop!(contribute(OUTSIDER), Error::<Test>::NotActiveMember);
		contribute_by_dave();
		contribute_by_dave();
		noop!(contribute(DAVE), Error::<Test>::TooManyPendingContributions);
		ok!(Commons::register(
			signed(BOB),
			name("b"),
			CommonsKind::Energy,
			license("CC0-1.0"),
			uri("")
		));
		crate::NextContributionId::<Test>::put(u64::MAX);
		noop!(
			Commons::contribute(signed(DAVE), 1, H256::zero(), note("")),
			Error::<Test>::IdsExhausted
		);
	});
}

#[test]
fn two_approvals_accept_and_reward_the_contributor() {
	build_and_execute(|| {
		register_by_alice();
		let id = contribute_by_dave();
		ok!(Commons::review(signed(ALICE), id, true));
		assert_eq!(Contributions::<Test>::get(id).unwrap().status, ContributionStatus::Pending);
		ok!(Commons::review(signed(BOB), id, false));
		ok!(Commons::review(signed(CHARLIE), id, true));
		let entry = Contributions::<Test>::get(id).unwrap();
		assert_eq!((entry.approvals, entry.rejections), (2, 1));
		assert_eq!(entry.status, ContributionStatus::Accepted);
		assert_eq!(Reviews::<Test>::get(id, BOB), Some(false));
		assert_eq!(TestMembership::reputation(&DAVE), REPUTATION);
		let record = CommonsStorage::<Test>::get(0).unwrap();
		assert_eq!(
			(
				record.pending_contributions,
				record.accepted_contributions,
				record.rejected_contributions
			),
			(0, 1, 0)
		);
		assert_eq!(
			events()[2..],
			[
				Event::ContributionReviewed { contribution: id, reviewer: ALICE, approve: true },
				Event::ContributionReviewed { contribution: id, reviewer: BOB, approve: false },
				Event::ContributionReviewed { contribution: id, reviewer: CHARLIE, approve: true },
				Event::ContributionAccepted {
					contribution: id,
					contributor: DAVE,
					reputation: REPUTATION
				},
			]
		);
	});
}

#[test]
fn a_contributor_who_left_gets_the_verdict_but_no_reputation() {
	build_and_execute(|| {
		register_by_alice();
		let id = contribute_by_dave();
		TestMembership::remove(DAVE);
		ok!(Commons::review(signed(ALICE), id, true));
		ok!(Commons::review(signed(BOB), id, true));
		assert_eq!(Contributions::<Test>::get(id).unwrap().status, ContributionStatus::Accepted);
		assert_eq!(
			events().last(),
			Some(&Event::ContributionAccepted {
				contribution: id,
				contributor: DAVE,
				reputation: 0
			})
		);
	});
}

#[test]
fn two_rejections_reject_without_reward() {
	build_and_execute(|| {
		register_by_alice();
		let id = contribute_by_dave();
		ok!(Commons::review(signed(ALICE), id, false));
		ok!(Commons::review(signed(BOB), id, false));
		assert_eq!(Contributions::<Test>::get(id).unwrap().status, ContributionStatus::Rejected);
		assert_eq!(TestMembership::reputation(&DAVE), 0);
		assert_eq!(events().last(), Some(&Event::ContributionRejected { contribution: id }));
		// A decided contribution frees its slot: the commons takes new ones.
		contribute_by_dave();
		contribute_by_dave();
		let record = CommonsStorage::<Test>::get(0).unwrap();
		assert_eq!(
			(
				record.pending_contributions,
				record.accepted_contributions,
				record.rejected_contributions
			),
			(2, 0, 1)
		);
	});
}

#[test]
fn review_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Commons::review(signed(ALICE), 0, true), Error::<Test>::UnknownContribution);
		register_by_alice();
		let id = contribute_by_dave();
		noop!(Commons::review(signed(OUTSIDER), id, true), Error::<Test>::NotActiveMember);
		noop!(Commons::review(signed(DAVE), id, true), Error::<Test>::OwnContribution);
		ok!(Commons::review(signed(ALICE), id, true));
		noop!(Commons::review(signed(ALICE), id, false), Error::<Test>::AlreadyReviewed);
		TestMembership::suspend(EVE);
		noop!(Commons::review(signed(EVE), id, true), Error::<Test>::NotActiveMember);
		ok!(Commons::review(signed(BOB), id, true));
		noop!(Commons::review(signed(CHARLIE), id, true), Error::<Test>::ContributionNotPending);
	});
}

#[test]
fn invariants_catch_a_tally_that_differs_from_the_reviews() {
	build_and_execute(|| {
		register_by_alice();
		let id = contribute_by_dave();
		ok!(Commons::review(signed(ALICE), id, true));
		Reviews::<Test>::remove(id, ALICE);
		assert!(Commons::do_try_state().is_err());
		Reviews::<Test>::insert(id, ALICE, true);
	});
}

#[test]
fn invariants_catch_a_verdict_count_that_differs_from_the_contributions() {
	build_and_execute(|| {
		register_by_alice();
		let id = contribute_by_dave();
		ok!(Commons::review(signed(ALICE), id, false));
		ok!(Commons::review(signed(BOB), id, false));
		CommonsStorage::<Test>::mutate(0, |record| {
			record.as_mut().unwrap().accepted_contributions = 1;
		});
		assert!(Commons::do_try_state().is_err());
		CommonsStorage::<Test>::mutate(0, |record| {
			record.as_mut().unwrap().accepted_contributions = 0;
		});
	});
}
