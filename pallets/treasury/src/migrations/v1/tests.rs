//! Version 0 to 1 on a state written in the old layout: rounds open, finalised and cancelled,
//! grants live, cancelled and paid up, made by the pallet's calls, then stored as version 0
//! stored them, without the indexes.

use super::{MigrateV0ToV1, UncheckedMigrateV0ToV1};
use crate::{mock::*, Grants, LiveGrants, OpenRounds, Pallet, RoundStatus, Rounds};
use frame_support::{
	assert_ok,
	traits::{Get, GetStorageVersion, OnRuntimeUpgrade, StorageVersion, UncheckedOnRuntimeUpgrade},
	weights::RuntimeDbWeight,
	BoundedVec,
};
use frame_system::RawOrigin;

type Migration = MigrateV0ToV1<Test>;
type Checks = UncheckedMigrateV0ToV1<Test>;

fn dao() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn anyone() -> RuntimeOrigin {
	RawOrigin::Signed(OUTSIDER).into()
}

/// Four rounds opened in block 1, ending in block 6: 0 finalised, 2 cancelled, 1 and 3 open
/// (ended, not finalised). Three grants: 0 paid up, 1 live, 2 cancelled halfway and live until
/// its vested half is claimed. The clock at block 6.
fn state_made_by_calls() {
	for _ in 0..4 {
		ok!(Treasury::open_round(dao(), UNIT, 2, 5));
	}
	ok!(Treasury::cancel_round(dao(), 2));
	ok!(Treasury::grant(dao(), NOBODY, 10 * UNIT, 2));
	ok!(Treasury::grant(dao(), ALICE, 10 * UNIT, 10));
	ok!(Treasury::grant(dao(), BOB, 10 * UNIT, 10));
	System::set_block_number(6);
	ok!(Treasury::finalize_round(anyone(), 0));
	ok!(Treasury::claim_grant_for(anyone(), 0));
	ok!(Treasury::cancel_grant(dao(), 2));
	assert_eq!(OpenRounds::<Test>::get().into_inner(), [1, 3]);
	assert_eq!(LiveGrants::<Test>::get().into_inner(), [1, 2]);
}

/// Stores the state as version 0 did: rounds and grants as they are, no indexes, the pallet at
/// storage version 0.
fn store_as_version_0() {
	OpenRounds::<Test>::kill();
	LiveGrants::<Test>::kill();
	StorageVersion::new(0).put::<Pallet<Test>>();
}

fn db_weight() -> RuntimeDbWeight {
	<Test as frame_system::Config>::DbWeight::get()
}

fn listed_rounds() -> Vec<u32> {
	Treasury::open_rounds(u32::MAX).into_iter().map(|(id, _)| id).collect()
}

fn listed_grants() -> Vec<u32> {
	Treasury::open_grants(u32::MAX).into_iter().map(|summary| summary.id).collect()
}

#[test]
fn the_indexes_hold_the_open_rounds_and_the_live_grants() {
	build_and_execute(|| {
		state_made_by_calls();
		let (rounds, grants): (Vec<_>, Vec<_>) =
			(Rounds::<Test>::iter().collect(), Grants::<Test>::iter().collect());
		store_as_version_0();
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 0);
		assert!(listed_rounds().is_empty() && listed_grants().is_empty());
		let before = Checks::before().expect("version 0 decodes");

		let weight = Migration::on_runtime_upgrade();

		Checks::after(before).expect("the post-upgrade check passes");
		assert_eq!(OpenRounds::<Test>::get().into_inner(), [1, 3]);
		assert_eq!(LiveGrants::<Test>::get().into_inner(), [1, 2]);
		// The views list them again: rounds newest first, grants oldest first.
		assert_eq!((listed_rounds(), listed_grants()), (vec![3, 1], vec![1, 2]));
		let mut after: Vec<_> = Rounds::<Test>::iter().collect();
		let mut expected = rounds;
		after.sort_by_key(|(id, _)| *id);
		expected.sort_by_key(|(id, _)| *id);
		assert_eq!(after, expected);
		assert_eq!(Grants::<Test>::iter().count(), grants.len());
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
		// Each of the 4 rounds and 2 grants read and both indexes written, and the storage
		// version read and written.
		assert_eq!(weight, db_weight().reads_writes(4 + 2 + 1, 2 + 1));
		check_invariants();
		// The indexes keep step from there on.
		ok!(Treasury::finalize_round(anyone(), 3));
		ok!(Treasury::claim_grant_for(anyone(), 2));
		assert_eq!((listed_rounds(), listed_grants()), (vec![1], vec![1]));
	});
}

#[test]
fn the_migration_runs_once() {
	build_and_execute(|| {
		state_made_by_calls();
		store_as_version_0();
		Migration::on_runtime_upgrade();
		let indexes = (OpenRounds::<Test>::get(), LiveGrants::<Test>::get());

		// A second upgrade finds version 1 and only reads it.
		assert_eq!(Migration::on_runtime_upgrade(), db_weight().reads(1));
		assert_eq!((OpenRounds::<Test>::get(), LiveGrants::<Test>::get()), indexes);
		check_invariants();
	});
}

#[test]
fn an_empty_treasury_gets_empty_indexes() {
	build_and_execute(|| {
		store_as_version_0();
		let before = Checks::before().unwrap();
		assert_eq!(Migration::on_runtime_upgrade(), db_weight().reads_writes(1, 3));
		Checks::after(before).unwrap();
		assert!(OpenRounds::<Test>::get().is_empty() && LiveGrants::<Test>::get().is_empty());
	});
}

#[test]
fn over_the_bounds_the_newest_are_indexed_and_the_oldest_still_settle() {
	// The broken state fails the invariants until the oldest have left: no `build_and_execute`.
	new_test_ext_with_pot(POT).execute_with(|| {
		// A chain that made six of each under larger bounds.
		MaxOpenRounds::set(6);
		MaxLiveGrants::set(6);
		for _ in 0..6 {
			ok!(Treasury::open_round(dao(), UNIT, 2, 5));
			ok!(Treasury::grant(dao(), NOBODY, UNIT, 1));
		}
		store_as_version_0();
		MaxOpenRounds::set(MOST_OPEN_ROUNDS);
		MaxLiveGrants::set(MOST_LIVE_GRANTS);
		// try-upgrade refuses it before anyone votes.
		assert!(Checks::before().is_err());

		Migration::on_runtime_upgrade();

		// The newest four of each, as the views of version 0 listed the newest.
		assert_eq!(OpenRounds::<Test>::get().into_inner(), [2, 3, 4, 5]);
		assert_eq!(LiveGrants::<Test>::get().into_inner(), [2, 3, 4, 5]);
		assert!(Treasury::do_try_state().is_err());
		// The oldest lose nothing: they are finalised and claimed by their number, and once
		// they have left, the indexes are exact again.
		System::set_block_number(6);
		for old in [0, 1] {
			assert_ok!(Treasury::finalize_round(anyone(), old));
			assert_ok!(Treasury::claim_grant_for(anyone(), old));
		}
		assert!(matches!(Rounds::<Test>::get(0).unwrap().status, RoundStatus::Finalized { .. }));
		assert_eq!(Grants::<Test>::get(1), None);
		assert_eq!(OpenRounds::<Test>::get().into_inner(), [2, 3, 4, 5]);
		check_invariants();
	});
}

#[test]
fn the_pre_upgrade_check_refuses_a_round_that_does_not_decode() {
	new_test_ext_with_pot(POT).execute_with(|| {
		state_made_by_calls();
		store_as_version_0();
		let key = Rounds::<Test>::hashed_key_for(1);
		frame_support::storage::unhashed::put_raw(&key, &[1, 2, 3]);
		assert!(Checks::before().is_err());
	});
}

#[test]
fn the_pre_upgrade_check_refuses_an_index_before_version_1() {
	new_test_ext_with_pot(POT).execute_with(|| {
		state_made_by_calls();
		store_as_version_0();
		assert!(Checks::before().is_ok());
		OpenRounds::<Test>::put(BoundedVec::truncate_from(vec![1]));
		assert!(Checks::before().is_err());
	});
}

#[test]
fn the_post_upgrade_check_catches_a_broken_migration() {
	// Each broken state fails the invariants too: no `build_and_execute`.
	let broken = |migrate: fn()| {
		new_test_ext_with_pot(POT).execute_with(|| {
			state_made_by_calls();
			store_as_version_0();
			let before = Checks::before().unwrap();
			<Checks as UncheckedOnRuntimeUpgrade>::on_runtime_upgrade();
			migrate();
			assert!(Checks::after(before).is_err());
			assert!(Treasury::do_try_state().is_err());
		});
	};
	// A migration that forgets an open round: it would be hidden from the views.
	broken(|| OpenRounds::<Test>::mutate(|open| open.retain(|id| *id != 1)));
	// One that lists a finalised round as open.
	broken(|| OpenRounds::<Test>::mutate(|open| open.try_insert(0, 0).unwrap()));
	// One that forgets a grant.
	broken(|| LiveGrants::<Test>::mutate(|live| live.retain(|id| *id != 2)));
	// One that lists the grants out of order.
	broken(|| {
		LiveGrants::<Test>::mutate(|live| {
			*live = BoundedVec::truncate_from(live.iter().rev().copied().collect());
		});
	});
	// One that changes a round on the way.
	broken(|| Rounds::<Test>::mutate(1, |round| round.as_mut().unwrap().matching += 1));
}
