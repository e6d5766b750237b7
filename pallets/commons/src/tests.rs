//! Every call of the commons registry: its success path with events, and each error leaving
//! storage unchanged. The invariants are checked after every step.

use crate::{
	mock::*, Commons as CommonsStorage, CommonsKind, CommonsStatus, ContributionStatus,
	Contributions, Error, Event, HoldReason, LicenseOf, NameOf, NoteOf, PendingPerContributor,
	Review, Reviews, StewardshipCount, Stewardships, UriOf,
};
use frame_support::{
	dispatch::Pays,
	traits::fungible::{InspectHold, Mutate, MutateHold},
	BoundedVec,
};
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

fn held_for_contributions(who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::Commons(HoldReason::Contribution), &who)
}

fn stewards(commons: u32) -> Vec<u64> {
	CommonsStorage::<Test>::get(commons).unwrap().stewards.to_vec()
}

/// A review as `by_steward` or not.
fn verdict(approve: bool, by_steward: bool) -> Review {
	Review { approve, by_steward }
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
		// A steward only resigns: removing another steward takes the DAO.
		noop!(Commons::remove_steward(signed(CHARLIE), 0, ALICE), Error::<Test>::RemovalNeedsDao);
		ok!(Commons::remove_steward(RuntimeOrigin::root(), 0, ALICE));
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
		noop!(Commons::add_steward(signed(ALICE), 0, OUTSIDER), Error::<Test>::NotMember);
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
		noop!(Commons::remove_steward(signed(ALICE), 0, BOB), Error::<Test>::RemovalNeedsDao);
		TestMembership::remove(BOB);
		noop!(Commons::remove_steward(signed(BOB), 0, ALICE), Error::<Test>::NotActiveMember);
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
fn archiving_keeps_the_deposits_of_pending_contributions_held() {
	build_and_execute(|| {
		register_by_alice();
		let pending = contribute_by_dave();
		ok!(Commons::archive(signed(ALICE), 0));
		assert_eq!(held_for_contributions(DAVE), CONTRIBUTION_DEPOSIT);
		ok!(Commons::withdraw_contribution(signed(DAVE), pending));
		assert_eq!(held_for_contributions(DAVE), 0);
	});
}

#[test]
fn other_pallets_see_which_commons_are_active_and_who_stewards_them() {
	build_and_execute(|| {
		assert!(!Commons::is_active(0));
		assert_eq!((Commons::acting_stewards(0), Commons::insiders(0)), (0, vec![]));
		register_by_alice();
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		assert!(Commons::is_active(0));
		assert!(Commons::is_acting_steward(0, &ALICE) && Commons::is_acting_steward(0, &BOB));
		assert!(!Commons::is_acting_steward(0, &CHARLIE) && !Commons::is_acting_steward(1, &ALICE));
		assert_eq!(Commons::acting_stewards(0), 2);
		// A suspended steward does not act, but still has a stake in the commons.
		TestMembership::suspend(BOB);
		assert!(!Commons::is_acting_steward(0, &BOB));
		assert_eq!(Commons::acting_stewards(0), 1);
		ok!(Commons::remove_steward(RuntimeOrigin::root(), 0, ALICE));
		assert_eq!(Commons::insiders(0), vec![BOB, ALICE], "stewards, then the registrant");
		assert_eq!(Commons::acting_stewards(0), 0, "frozen");
		ok!(Commons::archive(RuntimeOrigin::root(), 0));
		// An archived commons takes no funding, but its stewards still answer for it.
		assert!(!Commons::is_active(0));
		TestMembership::set_member(BOB);
		ok!(Commons::add_steward(RuntimeOrigin::root(), 0, CHARLIE));
		assert!(Commons::is_acting_steward(0, &CHARLIE));
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
		assert_eq!((entry.steward_approvals, entry.steward_rejections), (0, 0));
		assert_eq!(entry.status, ContributionStatus::Pending);
		assert_eq!(entry.note.to_vec(), b"docs".to_vec());
		assert_eq!(entry.deposit, CONTRIBUTION_DEPOSIT);
		assert_eq!(held_for_contributions(DAVE), CONTRIBUTION_DEPOSIT);
		assert_eq!(PendingPerContributor::<Test>::get(0, DAVE), 1);
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
		let contribute =
			|who, commons| Commons::contribute(signed(who), commons, H256::zero(), note(""));
		noop!(contribute(DAVE, 0), Error::<Test>::UnknownCommons);
		register_by_alice();
		noop!(contribute(OUTSIDER, 0), Error::<Test>::NotActiveMember);
		contribute_by_dave();
		contribute_by_dave();
		noop!(contribute(DAVE, 0), Error::<Test>::TooManyPendingFromContributor);
		ok!(contribute(EVE, 0));
		noop!(contribute(CHARLIE, 0), Error::<Test>::TooManyPendingContributions);
		ok!(Commons::register(
			signed(BOB),
			name("b"),
			CommonsKind::Energy,
			license("CC0-1.0"),
			uri("")
		));
		// Dave's pending contributions to commons 0 do not count at commons 1.
		ok!(contribute(DAVE, 1));
		Balances::set_balance(&CHARLIE, CONTRIBUTION_DEPOSIT - 1);
		noop!(contribute(CHARLIE, 1), Error::<Test>::InsufficientBalance);
		crate::NextContributionId::<Test>::put(u64::MAX);
		noop!(contribute(EVE, 1), Error::<Test>::IdsExhausted);
		ok!(Commons::archive(RuntimeOrigin::root(), 1));
		noop!(contribute(EVE, 1), Error::<Test>::CommonsArchived);
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
		assert_eq!((entry.steward_approvals, entry.steward_rejections), (1, 0));
		assert_eq!(entry.status, ContributionStatus::Accepted);
		assert_eq!(Reviews::<Test>::get(id, ALICE), Some(verdict(true, true)));
		assert_eq!(Reviews::<Test>::get(id, BOB), Some(verdict(false, false)));
		assert_eq!(TestMembership::reputation(&DAVE), REPUTATION);
		assert_eq!((held_for_contributions(DAVE), Balances::free_balance(DAVE)), (0, 100));
		assert!(!PendingPerContributor::<Test>::contains_key(0, DAVE));
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
		// The deposit went to the treasury, not to the commons or its stewards.
		assert_eq!(held_for_contributions(DAVE), 0);
		assert_eq!(Balances::free_balance(DAVE), 100 - CONTRIBUTION_DEPOSIT);
		assert_eq!(Balances::free_balance(TREASURY), CONTRIBUTION_DEPOSIT);
		assert_eq!(Balances::free_balance(ALICE), 100 - DEPOSIT);
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
		// A steward's review that the tally counts as a member's.
		Reviews::<Test>::insert(id, ALICE, verdict(true, false));
		assert!(Commons::do_try_state().is_err());
		Reviews::<Test>::insert(id, ALICE, verdict(true, true));
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

#[test]
fn register_and_add_steward_note_when_each_steward_was_appointed() {
	build_and_execute(|| {
		System::set_block_number(3);
		register_by_alice();
		System::set_block_number(5);
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		assert_eq!(Stewardships::<Test>::get(ALICE, 0), Some(3));
		assert_eq!(Stewardships::<Test>::get(BOB, 0), Some(5));
		assert_eq!(
			(StewardshipCount::<Test>::get(ALICE), StewardshipCount::<Test>::get(BOB)),
			(1, 1)
		);
		ok!(Commons::remove_steward(signed(BOB), 0, BOB));
		assert_eq!(Stewardships::<Test>::get(BOB, 0), None);
		assert!(!StewardshipCount::<Test>::contains_key(BOB));
	});
}

#[test]
fn an_account_stewards_at_most_max_stewardships_commons() {
	build_and_execute(|| {
		let register = |who| {
			Commons::register(signed(who), name("x"), CommonsKind::Data, license("MIT"), uri(""))
		};
		for _ in 0..MAX_STEWARDSHIPS {
			ok!(register(BOB));
		}
		noop!(register(BOB), Error::<Test>::TooManyStewardships);
		ok!(register(ALICE));
		noop!(
			Commons::add_steward(signed(ALICE), MAX_STEWARDSHIPS, BOB),
			Error::<Test>::TooManyStewardships
		);
		// Leaving one makes room for another.
		ok!(Commons::add_steward(signed(BOB), 0, CHARLIE));
		ok!(Commons::remove_steward(signed(BOB), 0, BOB));
		ok!(Commons::add_steward(signed(ALICE), MAX_STEWARDSHIPS, BOB));
	});
}

#[test]
fn the_admin_origin_replaces_the_stewards_of_an_archived_commons() {
	build_and_execute(|| {
		register_by_alice();
		// A rogue steward archives the commons; the DAO removes her and appoints Bob.
		ok!(Commons::archive(signed(ALICE), 0));
		noop!(Commons::add_steward(signed(ALICE), 0, CHARLIE), Error::<Test>::CommonsArchived);
		ok!(Commons::add_steward(RuntimeOrigin::root(), 0, BOB));
		ok!(Commons::remove_steward(RuntimeOrigin::root(), 0, ALICE));
		assert_eq!(stewards(0), vec![BOB]);
		ok!(Commons::unarchive(RuntimeOrigin::root(), 0));
		ok!(Commons::add_steward(signed(BOB), 0, CHARLIE));
		assert_eq!(
			events()[2..],
			[
				Event::StewardAdded { commons: 0, steward: BOB },
				Event::StewardRemoved { commons: 0, steward: ALICE },
				Event::Unarchived { commons: 0 },
				Event::StewardAdded { commons: 0, steward: CHARLIE },
			]
		);
	});
}

#[test]
fn the_admin_origin_may_remove_the_last_steward_and_freeze_the_commons() {
	build_and_execute(|| {
		register_by_alice();
		ok!(Commons::remove_steward(RuntimeOrigin::root(), 0, ALICE));
		assert!(stewards(0).is_empty());
		assert_eq!(Commons::acting_stewards(0), 0);
		// Frozen: no one acts for it until the DAO appoints a steward.
		noop!(
			Commons::update(signed(ALICE), 0, Some(name("y")), None, None, None),
			Error::<Test>::NotSteward
		);
		ok!(Commons::add_steward(RuntimeOrigin::root(), 0, BOB));
		assert_eq!(Commons::acting_stewards(0), 1);
	});
}

#[test]
fn stewards_resign_from_archived_commons_but_never_leave_none_acting() {
	build_and_execute(|| {
		register_by_alice();
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		ok!(Commons::add_steward(signed(ALICE), 0, CHARLIE));
		ok!(Commons::archive(signed(ALICE), 0));
		noop!(Commons::remove_steward(signed(ALICE), 0, BOB), Error::<Test>::RemovalNeedsDao);
		ok!(Commons::remove_steward(signed(BOB), 0, BOB));
		// Charlie left the DAO: Alice is the last acting steward, though two are listed.
		TestMembership::remove(CHARLIE);
		assert_eq!(stewards(0), vec![ALICE, CHARLIE]);
		noop!(Commons::remove_steward(signed(ALICE), 0, ALICE), Error::<Test>::LastSteward);
		ok!(Commons::remove_steward(RuntimeOrigin::root(), 0, ALICE));
	});
}

#[test]
fn a_member_removed_and_admitted_again_stewards_nothing() {
	build_and_execute(|| {
		register_by_alice();
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		TestMembership::remove(BOB);
		assert!(!Commons::is_acting_steward(0, &BOB));
		System::set_block_number(5);
		TestMembership::set_member_since(BOB, 5);
		assert!(!Commons::is_acting_steward(0, &BOB), "appointed before the current membership");
		assert_eq!(Commons::acting_stewards(0), 1);
		assert_eq!(Commons::insiders(0), vec![ALICE, BOB]);
		noop!(Commons::add_steward(signed(BOB), 0, CHARLIE), Error::<Test>::StewardshipVoid);
		noop!(Commons::archive(signed(BOB), 0), Error::<Test>::StewardshipVoid);
		// Bob's review is a member's, not a steward's.
		let id = contribute_by_dave();
		ok!(Commons::review(signed(BOB), id, true));
		assert_eq!(Reviews::<Test>::get(id, BOB), Some(verdict(true, false)));
		noop!(Commons::review(signed(CHARLIE), id, true), Error::<Test>::StewardApprovalNeeded);
	});
}

#[test]
fn add_steward_appoints_a_void_steward_anew() {
	build_and_execute(|| {
		register_by_alice();
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		TestMembership::remove(BOB);
		System::set_block_number(5);
		TestMembership::set_member_since(BOB, 5);
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		assert_eq!(stewards(0), vec![ALICE, BOB]);
		assert_eq!(
			(Stewardships::<Test>::get(BOB, 0), StewardshipCount::<Test>::get(BOB)),
			(Some(5), 1)
		);
		assert!(Commons::is_acting_steward(0, &BOB));
		assert_eq!(events().last(), Some(&Event::StewardAdded { commons: 0, steward: BOB }));
	});
}

#[test]
fn anyone_reaps_a_void_stewardship_for_free() {
	build_and_execute(|| {
		register_by_alice();
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		TestMembership::remove(BOB);
		let reaped = Commons::reap_steward(signed(OUTSIDER), 0, BOB);
		assert_eq!(reaped.map(|info| info.pays_fee), Ok(Pays::No));
		check_invariants();
		assert_eq!(stewards(0), vec![ALICE]);
		assert!(!Stewardships::<Test>::contains_key(BOB, 0));
		assert_eq!(events().last(), Some(&Event::StewardReaped { commons: 0, steward: BOB }));
		// Even the last one: the commons is then frozen.
		TestMembership::remove(ALICE);
		System::set_block_number(2);
		TestMembership::set_member_since(ALICE, 2);
		ok!(Commons::reap_steward(signed(DAVE), 0, ALICE));
		assert!(stewards(0).is_empty());
		assert_eq!(Commons::acting_stewards(0), 0);
	});
}

#[test]
fn reap_steward_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Commons::reap_steward(signed(DAVE), 0, ALICE), Error::<Test>::UnknownCommons);
		register_by_alice();
		noop!(Commons::reap_steward(signed(DAVE), 0, BOB), Error::<Test>::NotSteward);
		noop!(Commons::reap_steward(signed(DAVE), 0, ALICE), Error::<Test>::StewardStillActing);
		TestMembership::suspend(ALICE);
		noop!(Commons::reap_steward(signed(DAVE), 0, ALICE), Error::<Test>::StewardSuspended);
		noop!(Commons::reap_steward(RuntimeOrigin::none(), 0, ALICE), DispatchError::BadOrigin);
	});
}

#[test]
fn unarchive_revives_a_commons_without_holding_a_deposit() {
	build_and_execute(|| {
		register_by_alice();
		ok!(Commons::archive(signed(ALICE), 0));
		ok!(Commons::unarchive(RuntimeOrigin::root(), 0));
		let record = CommonsStorage::<Test>::get(0).unwrap();
		assert_eq!((record.status, record.deposit), (CommonsStatus::Active, 0));
		assert_eq!((held(ALICE), Balances::free_balance(ALICE)), (0, 100));
		assert_eq!(events().last(), Some(&Event::Unarchived { commons: 0 }));
		contribute_by_dave();
		// Archiving it again releases nothing more.
		ok!(Commons::archive(signed(ALICE), 0));
		assert_eq!(Balances::free_balance(ALICE), 100);
	});
}

#[test]
fn unarchive_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Commons::unarchive(RuntimeOrigin::root(), 0), Error::<Test>::UnknownCommons);
		register_by_alice();
		noop!(Commons::unarchive(RuntimeOrigin::root(), 0), Error::<Test>::CommonsNotArchived);
		ok!(Commons::archive(signed(ALICE), 0));
		noop!(Commons::unarchive(signed(ALICE), 0), DispatchError::BadOrigin);
	});
}

#[test]
fn a_verdict_needs_an_acting_steward_on_its_side() {
	build_and_execute(|| {
		register_by_alice();
		let id = contribute_by_dave();
		ok!(Commons::review(signed(BOB), id, true));
		// Two members outside the commons can neither accept nor reject it.
		noop!(Commons::review(signed(CHARLIE), id, true), Error::<Test>::StewardApprovalNeeded);
		ok!(Commons::review(signed(CHARLIE), id, false));
		noop!(Commons::review(signed(EVE), id, false), Error::<Test>::StewardRejectionNeeded);
		assert_eq!(held_for_contributions(DAVE), CONTRIBUTION_DEPOSIT);
		// A suspended steward is no steward while suspended.
		TestMembership::suspend(ALICE);
		noop!(Commons::review(signed(ALICE), id, false), Error::<Test>::NotActiveMember);
		TestMembership::set_member(ALICE);
		ok!(Commons::review(signed(ALICE), id, true));
		let entry = Contributions::<Test>::get(id).unwrap();
		assert_eq!(entry.status, ContributionStatus::Accepted);
		assert_eq!(
			(entry.approvals, entry.steward_approvals, entry.rejections, entry.steward_rejections),
			(2, 1, 1, 0)
		);
	});
}

#[test]
fn a_stewards_rejection_lets_any_member_complete_it() {
	build_and_execute(|| {
		register_by_alice();
		let id = contribute_by_dave();
		ok!(Commons::review(signed(ALICE), id, false));
		ok!(Commons::review(signed(EVE), id, false));
		let entry = Contributions::<Test>::get(id).unwrap();
		assert_eq!((entry.status, entry.steward_rejections), (ContributionStatus::Rejected, 1));
		assert_eq!(Balances::free_balance(TREASURY), CONTRIBUTION_DEPOSIT);
	});
}

#[test]
fn the_contributor_withdraws_a_pending_contribution() {
	build_and_execute(|| {
		register_by_alice();
		let id = contribute_by_dave();
		ok!(Commons::review(signed(ALICE), id, true));
		// Even after leaving the DAO.
		TestMembership::remove(DAVE);
		ok!(Commons::withdraw_contribution(signed(DAVE), id));
		assert_eq!(Contributions::<Test>::get(id).unwrap().status, ContributionStatus::Withdrawn);
		assert_eq!((held_for_contributions(DAVE), Balances::free_balance(DAVE)), (0, 100));
		assert!(!PendingPerContributor::<Test>::contains_key(0, DAVE));
		let record = CommonsStorage::<Test>::get(0).unwrap();
		assert_eq!(
			(
				record.pending_contributions,
				record.accepted_contributions,
				record.rejected_contributions
			),
			(0, 0, 0)
		);
		assert_eq!(events().last(), Some(&Event::ContributionWithdrawn { contribution: id }));
	});
}

#[test]
fn withdraw_contribution_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Commons::withdraw_contribution(signed(DAVE), 0), Error::<Test>::UnknownContribution);
		register_by_alice();
		let id = contribute_by_dave();
		noop!(Commons::withdraw_contribution(signed(ALICE), id), Error::<Test>::NotContributor);
		noop!(Commons::withdraw_contribution(RuntimeOrigin::root(), id), DispatchError::BadOrigin);
		ok!(Commons::withdraw_contribution(signed(DAVE), id));
		noop!(
			Commons::withdraw_contribution(signed(DAVE), id),
			Error::<Test>::ContributionNotPending
		);
	});
}

#[test]
fn stewards_and_the_admin_dismiss_pending_contributions_and_return_the_deposit() {
	build_and_execute(|| {
		register_by_alice();
		let first = contribute_by_dave();
		let second = contribute_by_dave();
		ok!(Commons::dismiss_contribution(signed(ALICE), first));
		assert_eq!(held_for_contributions(DAVE), CONTRIBUTION_DEPOSIT);
		assert_eq!(PendingPerContributor::<Test>::get(0, DAVE), 1);
		// On an archived commons too.
		ok!(Commons::archive(signed(ALICE), 0));
		ok!(Commons::dismiss_contribution(RuntimeOrigin::root(), second));
		for id in [first, second] {
			assert_eq!(
				Contributions::<Test>::get(id).unwrap().status,
				ContributionStatus::Dismissed
			);
		}
		assert_eq!((held_for_contributions(DAVE), Balances::free_balance(DAVE)), (0, 100));
		assert_eq!(CommonsStorage::<Test>::get(0).unwrap().pending_contributions, 0);
		assert_eq!(
			events()
				.into_iter()
				.filter(|e| matches!(e, Event::ContributionDismissed { .. }))
				.count(),
			2
		);
	});
}

#[test]
fn dismiss_contribution_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Commons::dismiss_contribution(signed(ALICE), 0), Error::<Test>::UnknownContribution);
		register_by_alice();
		let id = contribute_by_dave();
		noop!(Commons::dismiss_contribution(signed(BOB), id), Error::<Test>::NotSteward);
		noop!(Commons::dismiss_contribution(signed(OUTSIDER), id), Error::<Test>::NotActiveMember);
		noop!(Commons::dismiss_contribution(RuntimeOrigin::none(), id), DispatchError::BadOrigin);
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		TestMembership::remove(BOB);
		System::set_block_number(3);
		TestMembership::set_member_since(BOB, 3);
		noop!(Commons::dismiss_contribution(signed(BOB), id), Error::<Test>::StewardshipVoid);
		ok!(Commons::withdraw_contribution(signed(DAVE), id));
		noop!(
			Commons::dismiss_contribution(signed(ALICE), id),
			Error::<Test>::ContributionNotPending
		);
	});
}

#[test]
fn invariants_catch_stewardships_that_differ_from_the_stewards() {
	build_and_execute(|| {
		register_by_alice();
		Stewardships::<Test>::insert(BOB, 0, 1);
		assert!(Commons::do_try_state().is_err());
		Stewardships::<Test>::remove(BOB, 0);
		StewardshipCount::<Test>::insert(ALICE, 2);
		assert!(Commons::do_try_state().is_err());
		StewardshipCount::<Test>::insert(ALICE, 1);
		Stewardships::<Test>::remove(ALICE, 0);
		assert!(Commons::do_try_state().is_err());
		Stewardships::<Test>::insert(ALICE, 0, 1);
	});
}

#[test]
fn invariants_catch_pending_counts_and_deposits_that_differ_from_the_contributions() {
	build_and_execute(|| {
		register_by_alice();
		contribute_by_dave();
		PendingPerContributor::<Test>::insert(0, DAVE, 2);
		assert!(Commons::do_try_state().is_err());
		PendingPerContributor::<Test>::insert(0, DAVE, 1);
		Balances::hold(&HoldReason::Contribution.into(), &DAVE, 1).unwrap();
		assert!(Commons::do_try_state().is_err());
		Balances::release(
			&HoldReason::Contribution.into(),
			&DAVE,
			1,
			frame_support::traits::tokens::Precision::Exact,
		)
		.unwrap();
	});
}

#[test]
fn stewards_are_seasoned_some_blocks_after_their_appointment() {
	use ostrom_primitives::CommonsInspect;
	build_and_execute(|| {
		register_by_alice();
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		assert!(!Commons::is_seasoned_steward(0, &ALICE) && !Commons::is_seasoned_steward(0, &BOB));
		assert_eq!(Commons::seasoned_stewards(0), 0);
		System::set_block_number(System::block_number() + SEASONING);
		assert!(Commons::is_seasoned_steward(0, &ALICE) && Commons::is_seasoned_steward(0, &BOB));
		assert_eq!(Commons::seasoned_stewards(0), 2);
		// A suspended steward is not seasoned; one appointed now is not yet.
		TestMembership::suspend(BOB);
		ok!(Commons::add_steward(signed(ALICE), 0, CHARLIE));
		assert_eq!(Commons::seasoned_stewards(0), 1);
	});
}

#[test]
fn the_summary_counts_contributions_and_acting_stewards() {
	build_and_execute(|| {
		assert!(Commons::commons_summary(0).is_none());
		assert_eq!(Commons::commons_ids_end(), 0);
		register_by_alice();
		ok!(Commons::add_steward(signed(ALICE), 0, BOB));
		let first = contribute_by_dave();
		let second = contribute_by_dave();
		ok!(Commons::withdraw_contribution(signed(DAVE), second));
		TestMembership::suspend(BOB);

		let summary = Commons::commons_summary(0).unwrap();
		assert_eq!(summary.id, 0);
		assert_eq!(summary.record, CommonsStorage::<Test>::get(0).unwrap());
		assert_eq!(
			summary.contributions,
			crate::ContributionCounts { pending: 1, accepted: 0, rejected: 0 }
		);
		// Bob is listed but suspended: only Alice acts.
		assert_eq!(summary.acting_stewards, 1);
		assert_eq!(Commons::commons_ids_end(), 1);

		assert_eq!(Commons::contribution_by(first, Some(&DAVE)).unwrap().commons, 0);
		assert_eq!(Commons::contribution_by(first, None).unwrap().contributor, DAVE);
		assert!(Commons::contribution_by(first, Some(&ALICE)).is_none());
		assert_eq!(
			Commons::contribution_by(second, None).unwrap().status,
			ContributionStatus::Withdrawn
		);
		assert_eq!(Commons::appointment(0, &ALICE), Some((1, true)));
		assert_eq!(Commons::appointment(0, &BOB), Some((1, false)));
		assert_eq!(Commons::appointment(0, &DAVE), None);
	});
}

mod contributor_index;
