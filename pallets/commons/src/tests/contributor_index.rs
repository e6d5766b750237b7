//! The index of contributions by contributor: each contribution is listed under its contributor
//! from the moment it is recorded, whatever happens to it after; pages come in ascending order
//! from any id, however the ids encode; and the invariants that say so.

use super::*;
use crate::{ContributionsByContributor, SortedContributionId};

/// The whole list of `who`'s contributions.
fn all_of(who: u64) -> Vec<u64> {
	Commons::contribution_ids_of(&who, 0, u32::MAX).0
}

/// `who` contributes to commons 0 and withdraws at once, so that its pending slots stay free;
/// returns the contribution's id.
fn recorded_and_withdrawn_by(who: u64) -> u64 {
	let id = crate::NextContributionId::<Test>::get();
	ok!(Commons::contribute(signed(who), 0, H256::repeat_byte(2), note("draft")));
	ok!(Commons::withdraw_contribution(signed(who), id));
	id
}

#[test]
fn a_contribution_is_indexed_under_its_contributor_whatever_happens_to_it() {
	build_and_execute(|| {
		register_by_alice();
		let accepted = contribute_by_dave();
		let rejected = contribute_by_dave();
		let eves = crate::NextContributionId::<Test>::get();
		ok!(Commons::contribute(signed(EVE), 0, H256::repeat_byte(3), note("eve's")));
		let check = |dave: &[u64]| {
			assert_eq!(all_of(DAVE), dave);
			assert_eq!(all_of(EVE), vec![eves]);
			assert_eq!(all_of(ALICE), Vec::<u64>::new());
			check_invariants();
		};
		check(&[accepted, rejected]);

		ok!(Commons::review(signed(ALICE), accepted, true));
		check(&[accepted, rejected]);
		ok!(Commons::review(signed(BOB), accepted, true));
		ok!(Commons::review(signed(ALICE), rejected, false));
		ok!(Commons::review(signed(BOB), rejected, false));
		check(&[accepted, rejected]);

		let withdrawn = contribute_by_dave();
		ok!(Commons::withdraw_contribution(signed(DAVE), withdrawn));
		check(&[accepted, rejected, withdrawn]);
		let dismissed = contribute_by_dave();
		ok!(Commons::archive(signed(ALICE), 0));
		ok!(Commons::dismiss_contribution(RuntimeOrigin::root(), dismissed));
		check(&[accepted, rejected, withdrawn, dismissed]);
		for (id, status) in [
			(accepted, ContributionStatus::Accepted),
			(rejected, ContributionStatus::Rejected),
			(withdrawn, ContributionStatus::Withdrawn),
			(dismissed, ContributionStatus::Dismissed),
		] {
			assert_eq!(Contributions::<Test>::get(id).unwrap().status, status);
		}
	});
}

#[test]
fn failed_contributions_are_not_indexed() {
	build_and_execute(|| {
		register_by_alice();
		contribute_by_dave();
		contribute_by_dave();
		noop!(
			Commons::contribute(signed(DAVE), 0, H256::zero(), note("")),
			Error::<Test>::TooManyPendingFromContributor
		);
		noop!(
			Commons::contribute(signed(OUTSIDER), 0, H256::zero(), note("")),
			Error::<Test>::NotActiveMember
		);
		assert_eq!(all_of(DAVE), vec![0, 1]);
		assert!(all_of(OUTSIDER).is_empty());
	});
}

#[test]
fn a_page_lists_a_contributors_contributions_in_ascending_order_from_any_id() {
	build_and_execute(|| {
		register_by_alice();
		let mut daves = vec![recorded_and_withdrawn_by(DAVE)];
		let mut eves = vec![recorded_and_withdrawn_by(EVE)];
		// Ids across the bytes of their encoding: little-endian, 256 would come before 254.
		crate::NextContributionId::<Test>::put(254);
		daves.push(recorded_and_withdrawn_by(DAVE));
		eves.push(recorded_and_withdrawn_by(EVE));
		daves.push(recorded_and_withdrawn_by(DAVE));
		daves.push(recorded_and_withdrawn_by(DAVE));
		crate::NextContributionId::<Test>::put(65_535);
		daves.push(recorded_and_withdrawn_by(DAVE));
		daves.push(contribute_by_dave());
		assert_eq!(daves, vec![0, 254, 256, 257, 65_535, 65_536]);
		assert_eq!(eves, vec![1, 255]);

		let page = |who, from, limit| Commons::contribution_ids_of(&who, from, limit);
		assert_eq!(page(DAVE, 0, 100), (daves.clone(), None));
		assert_eq!(page(EVE, 0, 100), (eves, None));
		// A page stops at its limit; `next` is the contributor's next id.
		assert_eq!(page(DAVE, 0, 3), (vec![0, 254, 256], Some(257)));
		// It starts at `from` whether or not `from` is the contributor's.
		assert_eq!(page(DAVE, 257, 2), (vec![257, 65_535], Some(65_536)));
		assert_eq!(page(DAVE, 1, 1), (vec![254], Some(256)));
		assert_eq!(page(DAVE, 255, 1), (vec![256], Some(257)));
		assert_eq!(page(EVE, 2, 100), (vec![255], None));
		// The last page has no `next`, even when it is full.
		assert_eq!(page(DAVE, 65_535, 2), (vec![65_535, 65_536], None));
		assert_eq!(page(DAVE, 65_537, 100), (vec![], None));
		assert_eq!(page(DAVE, u64::MAX, 100), (vec![], None));
		// A limit of zero gives no id, and says where the list goes on.
		assert_eq!(page(DAVE, 1, 0), (vec![], Some(254)));
		// Someone who contributed nothing.
		assert_eq!(page(ALICE, 0, 100), (vec![], None));

		// Following `next` from page to page lists every contribution of Dave's once.
		let (mut walked, mut from) = (Vec::new(), Some(0));
		while let Some(start) = from {
			let (ids, next) = page(DAVE, start, 2);
			assert!(!ids.is_empty());
			walked.extend(ids);
			from = next;
		}
		assert_eq!(walked, daves);
	});
}

#[test]
fn the_invariants_want_each_contribution_indexed_under_its_contributor_alone() {
	// Each broken state fails the invariants: no `build_and_execute` here.
	let broken = |break_it: fn(SortedContributionId)| {
		new_test_ext().execute_with(|| {
			register_by_alice();
			let id = contribute_by_dave();
			check_invariants();
			break_it(id.into());
			assert!(Commons::do_try_state().is_err());
		});
	};
	// A contribution not indexed.
	broken(|id| ContributionsByContributor::<Test>::remove(DAVE, id));
	// Indexed under another contributor instead.
	broken(|id| {
		ContributionsByContributor::<Test>::remove(DAVE, id);
		ContributionsByContributor::<Test>::insert(EVE, id, ());
	});
	// Indexed under another contributor besides: Eve's list would show Dave's work.
	broken(|id| ContributionsByContributor::<Test>::insert(EVE, id, ()));
	// An entry for no contribution.
	broken(|_| ContributionsByContributor::<Test>::insert(DAVE, SortedContributionId::from(7), ()));
}
