//! Every call of the membership pallet: its success path with events, and each error leaving
//! storage unchanged. The invariants are checked after every step.

use crate::{
	mock::*, ActivityWindow, AdmissionsPaused, Applications, EpochReputation, Error, Event,
	HoldReason, MemberCount, MemberStatus, Members, ReputationEarned, Rules, SponsorQuota,
};
use frame_support::{traits::fungible::InspectHold, BoundedVec};
use frame_system::RawOrigin;
use ostrom_primitives::{MembershipInspect, MembershipMutate};
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

/// Admits Dave, Eve, Ferdie and three unfunded accounts: the DAO then has `MAX_MEMBERS` members.
fn fill_the_dao() {
	for who in [DAVE, EVE, FERDIE, 10, 11, 12] {
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
			crate::MemberRecord {
				joined_at: 7,
				reputation: 0,
				status: MemberStatus::Active,
				probation_ends: 17,
				sponsors: BoundedVec::truncate_from(vec![ALICE, BOB]),
				quota: SponsorQuota::default(),
				counted_from: 1,
			}
		);
		assert_eq!(Members::<Test>::get(BOB).unwrap().quota, SponsorQuota { epoch: 0, used: 1 });
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
		System::set_block_number(11);
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
		noop!(Membership::sponsor(signed(EVE), DAVE), Error::<Test>::NotActiveMember);
		ok!(Membership::sponsor(signed(ALICE), DAVE));
		noop!(Membership::sponsor(signed(ALICE), DAVE), Error::<Test>::AlreadySponsored);
		ok!(Membership::suspend(RuntimeOrigin::root(), BOB, 5));
		noop!(Membership::sponsor(signed(BOB), DAVE), Error::<Test>::NotActiveMember);
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
		noop!(Membership::leave(signed(DAVE)), Error::<Test>::NotActiveMember);
		ok!(Membership::suspend(RuntimeOrigin::root(), BOB, 5));
		noop!(Membership::leave(signed(BOB)), Error::<Test>::NotActiveMember);
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
		assert_eq!(Membership::add_reputation(&ALICE, 3), 3);
		assert_eq!(Membership::add_reputation(&ALICE, 4), 4);
		assert_eq!(Membership::add_reputation(&DAVE, 4), 0);
		assert_eq!((Membership::reputation(&ALICE), Membership::reputation(&DAVE)), (7, 0));
		assert!(!Members::<Test>::contains_key(DAVE));
		assert!(!ReputationEarned::<Test>::contains_key(DAVE));
		assert_eq!(
			events(),
			vec![
				Event::ReputationChanged { who: ALICE, reputation: 3 },
				Event::ReputationChanged { who: ALICE, reputation: 7 },
			]
		);
		check_invariants();
	});
}

#[test]
fn reputation_earned_per_epoch_is_capped() {
	build_and_execute(|| {
		assert_eq!(Membership::add_reputation(&ALICE, 8), 8);
		assert_eq!(Membership::add_reputation(&ALICE, 5), MAX_REPUTATION_PER_EPOCH - 8);
		System::reset_events();
		assert_eq!(Membership::add_reputation(&ALICE, 5), 0);
		assert!(events().is_empty(), "nothing added, nothing reported");
		assert_eq!(Membership::reputation(&ALICE), MAX_REPUTATION_PER_EPOCH);
		assert_eq!(
			ReputationEarned::<Test>::get(ALICE),
			Some(EpochReputation { epoch: 0, earned: MAX_REPUTATION_PER_EPOCH })
		);
		check_invariants();
		// The next epoch opens a new allowance.
		System::set_block_number(EPOCH + 1);
		assert_eq!(Membership::reputation_left(&ALICE), MAX_REPUTATION_PER_EPOCH);
		assert_eq!(Membership::add_reputation(&ALICE, 4), 4);
		assert_eq!(Membership::reputation(&ALICE), MAX_REPUTATION_PER_EPOCH + 4);
		assert_eq!(
			ReputationEarned::<Test>::get(ALICE),
			Some(EpochReputation { epoch: 1, earned: 4 })
		);
		// What a member earned goes with their membership.
		ok!(Membership::remove_member(RuntimeOrigin::root(), ALICE));
		assert!(!ReputationEarned::<Test>::contains_key(ALICE));
	});
}

#[test]
fn reputation_saturates_and_reports_what_it_rose_by() {
	build_and_execute(|| {
		Members::<Test>::mutate(ALICE, |record| record.as_mut().unwrap().reputation = u32::MAX - 1);
		assert_eq!(Membership::add_reputation(&ALICE, 5), 1);
		assert_eq!(Membership::reputation(&ALICE), u32::MAX);
		assert_eq!(ReputationEarned::<Test>::get(ALICE).unwrap().earned, 1);
		assert_eq!(Membership::add_reputation(&ALICE, 5), 0);
	});
}

#[test]
fn invariants_catch_reputation_earned_beyond_the_cap_or_by_a_non_member() {
	build_and_execute(|| {
		let beyond = EpochReputation { epoch: 0, earned: MAX_REPUTATION_PER_EPOCH + 1 };
		ReputationEarned::<Test>::insert(ALICE, beyond);
		assert!(Membership::do_try_state().is_err());
		ReputationEarned::<Test>::remove(ALICE);
		ReputationEarned::<Test>::insert(DAVE, EpochReputation { epoch: 0, earned: 1 });
		assert!(Membership::do_try_state().is_err());
		ReputationEarned::<Test>::remove(DAVE);
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

/// Dave applies and Alice and Bob admit him.
fn admit_dave() {
	ok!(Membership::apply(signed(DAVE), metadata(b"")));
	ok!(Membership::sponsor(signed(ALICE), DAVE));
	ok!(Membership::sponsor(signed(BOB), DAVE));
}

#[test]
fn a_member_on_probation_may_not_sponsor_until_it_ends() {
	build_and_execute(|| {
		admit_dave();
		ok!(Membership::apply(signed(EVE), metadata(b"")));
		System::set_block_number(10);
		noop!(Membership::sponsor(signed(DAVE), EVE), Error::<Test>::InProbation);
		assert_eq!(Membership::settled_since(&DAVE), Some(11));
		System::set_block_number(11);
		ok!(Membership::sponsor(signed(DAVE), EVE));
	});
}

#[test]
fn a_member_sponsors_at_most_the_quota_per_epoch() {
	build_and_execute(|| {
		for who in [DAVE, EVE, FERDIE] {
			ok!(Membership::apply(signed(who), metadata(b"")));
		}
		ok!(Membership::sponsor(signed(ALICE), DAVE));
		ok!(Membership::sponsor(signed(ALICE), EVE));
		noop!(Membership::sponsor(signed(ALICE), FERDIE), Error::<Test>::SponsorQuotaExhausted);
		assert_eq!(Membership::sponsorships_left(&Members::<Test>::get(ALICE).unwrap()), 0);
		System::set_block_number(EPOCH);
		ok!(Membership::sponsor(signed(ALICE), FERDIE));
		assert_eq!(Members::<Test>::get(ALICE).unwrap().quota, SponsorQuota { epoch: 1, used: 1 });
	});
}

#[test]
fn admissions_by_sponsorship_stop_at_the_growth_cap_until_the_next_epoch() {
	build_and_execute(|| {
		// A cap of one admission per epoch.
		Rules::<Test>::mutate(|rules| {
			rules.admissions_floor = 1;
			rules.admissions_share = sp_runtime::Perbill::zero();
		});
		assert_eq!(Membership::admissions_left(), 1);
		admit_dave();
		assert_eq!(Membership::admissions_left(), 0);
		ok!(Membership::apply(signed(EVE), metadata(b"")));
		ok!(Membership::sponsor(signed(CHARLIE), EVE));
		noop!(Membership::sponsor(signed(ALICE), EVE), Error::<Test>::AdmissionCapReached);
		// The DAO itself may still add members.
		ok!(Membership::add_member(RuntimeOrigin::root(), FERDIE));
		System::set_block_number(EPOCH);
		ok!(Membership::sponsor(signed(ALICE), EVE));
		assert!(Members::<Test>::contains_key(EVE));
	});
}

#[test]
fn the_growth_cap_is_a_share_of_the_eligible_voters() {
	build_and_execute(|| {
		// Half of the three counted members, rounded down, is below the floor of three.
		assert_eq!(Membership::admissions_left(), 3);
		Rules::<Test>::mutate(|rules| rules.admissions_floor = 1);
		assert_eq!(Membership::admissions_left(), 1);
	});
}

#[test]
fn paused_admissions_stop_sponsorship_until_resumed() {
	build_and_execute(|| {
		ok!(Membership::apply(signed(DAVE), metadata(b"")));
		noop!(Membership::set_admissions_paused(signed(ALICE), true), DispatchError::BadOrigin);
		ok!(Membership::set_admissions_paused(RuntimeOrigin::root(), true));
		assert!(AdmissionsPaused::<Test>::get());
		assert_eq!(events().last(), Some(&Event::AdmissionsPausedSet { paused: true }));
		noop!(Membership::sponsor(signed(ALICE), DAVE), Error::<Test>::AdmissionsPaused);
		ok!(Membership::set_admissions_paused(RuntimeOrigin::root(), false));
		ok!(Membership::sponsor(signed(ALICE), DAVE));
	});
}

#[test]
fn removing_a_member_within_the_accountability_period_suspends_its_sponsors() {
	build_and_execute(|| {
		admit_dave();
		System::set_block_number(50);
		System::reset_events();
		ok!(Membership::remove_member(RuntimeOrigin::root(), DAVE));
		assert_eq!(
			events(),
			vec![
				Event::MemberRemoved { who: DAVE },
				Event::SponsorSanctioned { sponsor: ALICE, member: DAVE, until: 100 },
				Event::SponsorSanctioned { sponsor: BOB, member: DAVE, until: 100 },
			]
		);
		for sponsor in [ALICE, BOB] {
			assert_eq!(
				Members::<Test>::get(sponsor).unwrap().status,
				MemberStatus::Suspended { until: 100 }
			);
		}
		assert!(Membership::is_active_member(&CHARLIE));
	});
}

#[test]
fn removing_a_member_after_the_accountability_period_sanctions_no_one() {
	build_and_execute(|| {
		admit_dave();
		// Admitted in block 1; accountable until block 101.
		System::set_block_number(101);
		System::reset_events();
		ok!(Membership::remove_member(RuntimeOrigin::root(), DAVE));
		assert_eq!(events(), vec![Event::MemberRemoved { who: DAVE }]);
		assert!(Membership::is_active_member(&ALICE) && Membership::is_active_member(&BOB));
	});
}

#[test]
fn a_longer_suspension_in_force_outlasts_a_sanction() {
	build_and_execute(|| {
		admit_dave();
		ok!(Membership::suspend(RuntimeOrigin::root(), ALICE, 500));
		System::reset_events();
		ok!(Membership::remove_member(RuntimeOrigin::root(), DAVE));
		assert_eq!(
			Members::<Test>::get(ALICE).unwrap().status,
			MemberStatus::Suspended { until: 500 }
		);
		assert_eq!(
			events(),
			vec![
				Event::MemberRemoved { who: DAVE },
				Event::SponsorSanctioned { sponsor: BOB, member: DAVE, until: 51 },
			]
		);
	});
}

#[test]
fn remove_members_removes_all_at_once_and_sanctions_their_sponsors() {
	build_and_execute(|| {
		admit_dave();
		ok!(Membership::add_member(RuntimeOrigin::root(), EVE));
		let both = BoundedVec::truncate_from(vec![DAVE, EVE]);
		noop!(Membership::remove_members(signed(CHARLIE), both.clone()), DispatchError::BadOrigin);
		System::reset_events();
		ok!(Membership::remove_members(RuntimeOrigin::root(), both));
		assert_eq!(MemberCount::<Test>::get(), 3);
		assert_eq!(
			events(),
			vec![
				Event::MemberRemoved { who: DAVE },
				Event::SponsorSanctioned { sponsor: ALICE, member: DAVE, until: 51 },
				Event::SponsorSanctioned { sponsor: BOB, member: DAVE, until: 51 },
				Event::MemberRemoved { who: EVE },
			]
		);
	});
}

#[test]
fn remove_members_errors_leave_state_unchanged() {
	build_and_execute(|| {
		admit_dave();
		noop!(
			Membership::remove_members(
				RuntimeOrigin::root(),
				BoundedVec::truncate_from(vec![DAVE, DAVE])
			),
			Error::<Test>::DuplicateRemoval
		);
		// Dave would go, but Ferdie is no member: nothing happens.
		noop!(
			Membership::remove_members(
				RuntimeOrigin::root(),
				BoundedVec::truncate_from(vec![DAVE, FERDIE])
			),
			Error::<Test>::NotMember
		);
		noop!(
			Membership::remove_members(
				RuntimeOrigin::root(),
				BoundedVec::truncate_from(vec![ALICE, BOB, CHARLIE, DAVE])
			),
			Error::<Test>::LastMember
		);
	});
}

#[test]
fn set_rules_replaces_valid_rules_only() {
	build_and_execute(|| {
		let rules = crate::AdmissionRules { probation: 20, ..mock_rules() };
		noop!(Membership::set_rules(signed(ALICE), rules), DispatchError::BadOrigin);
		ok!(Membership::set_rules(RuntimeOrigin::root(), rules));
		assert_eq!(Rules::<Test>::get(), rules);
		assert_eq!(events().last(), Some(&Event::RulesChanged { rules }));
		let longest = 8 * EPOCH;
		ok!(Membership::set_rules(
			RuntimeOrigin::root(),
			crate::AdmissionRules { probation: longest, ..rules }
		));
		for (bad, error) in [
			(
				crate::AdmissionRules { probation: longest + 1, ..rules },
				Error::<Test>::ProbationTooLong,
			),
			(
				crate::AdmissionRules { dormant_after: 0, ..rules },
				Error::<Test>::DormancyOutOfRange,
			),
			(
				crate::AdmissionRules { dormant_after: 9, ..rules },
				Error::<Test>::DormancyOutOfRange,
			),
			(crate::AdmissionRules { admissions_floor: 0, ..rules }, Error::<Test>::ZeroAdmissions),
			(
				crate::AdmissionRules { sponsorships_per_epoch: 0, ..rules },
				Error::<Test>::ZeroAdmissions,
			),
		] {
			noop!(Membership::set_rules(RuntimeOrigin::root(), bad), error);
		}
	});
}

#[test]
fn the_eligible_voters_counts_members_past_probation_who_voted_recently() {
	build_and_execute(|| {
		assert_eq!(Membership::eligible_voters(), 3);
		admit_dave();
		assert_eq!(Membership::eligible_voters(), 3, "Dave is on probation");
		// Dave's probation ends in block 11, in epoch 0: he counts from epoch 1.
		System::set_block_number(EPOCH);
		assert_eq!(Membership::eligible_voters(), 4);
		// Alice votes in epoch 1: she counts in epochs 1 and 2.
		Membership::note_vote(&ALICE);
		check_invariants();
		// In epoch 2 the genesis members who did not vote are dormant.
		System::set_block_number(2 * EPOCH);
		assert_eq!(Membership::eligible_voters(), 2, "Alice and Dave");
		// In epoch 3 only Dave, whose window started in epoch 1, is gone too; the floor keeps one.
		System::set_block_number(3 * EPOCH);
		assert_eq!(Membership::eligible_voters(), 1, "a tenth of four, rounded up");
		Membership::note_vote(&BOB);
		Membership::note_vote(&BOB);
		assert_eq!(Membership::eligible_voters(), 1);
		Membership::note_vote(&CHARLIE);
		assert_eq!(Membership::eligible_voters(), 2, "Bob and Charlie voted in epoch 3");
		check_invariants();
		ok!(Membership::remove_member(RuntimeOrigin::root(), CHARLIE));
		assert_eq!(Membership::eligible_voters(), 1);
	});
}

#[test]
fn invariants_catch_a_miscounted_activity_window() {
	build_and_execute(|| {
		ActivityWindow::<Test>::put(BoundedVec::truncate_from(vec![(0, 2)]));
		assert!(Membership::do_try_state().is_err());
		ActivityWindow::<Test>::put(BoundedVec::truncate_from(vec![(0, 3)]));
	});
}
