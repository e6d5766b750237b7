//! Version 0 to 1 on a state written in the old layout: contributions in every status by
//! several contributors, made by the pallet, then stored as version 0 stored them, without the
//! index by contributor.

use super::{MigrateV0ToV1, UncheckedMigrateV0ToV1};
use crate::{
	mock::*, CommonsKind, Contribution, ContributionsByContributor, Pallet, SortedContributionId,
};
use frame_support::{
	traits::{Get, GetStorageVersion, OnRuntimeUpgrade, StorageVersion, UncheckedOnRuntimeUpgrade},
	weights::RuntimeDbWeight,
	BoundedVec,
};
use frame_system::RawOrigin;
use ostrom_primitives::ContributionId;
use sp_core::H256;

type Migration = MigrateV0ToV1<Test>;
type Checks = UncheckedMigrateV0ToV1<Test>;

/// Everyone who might have contributed.
const ACCOUNTS: [u64; 6] = [ALICE, BOB, CHARLIE, DAVE, EVE, OUTSIDER];

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn contribute(who: u64) -> ContributionId {
	let id = crate::NextContributionId::<Test>::get();
	ok!(Commons::contribute(signed(who), 0, H256::repeat_byte(1), BoundedVec::new()));
	id
}

/// Contributions in every status, by three contributors, made by the pallet's calls; returns
/// each contributor's contributions, in the order of [`ACCOUNTS`].
fn state_made_by_calls() -> Vec<Vec<ContributionId>> {
	ok!(Commons::register(
		signed(ALICE),
		BoundedVec::truncate_from(b"ostrom".to_vec()),
		CommonsKind::Software,
		BoundedVec::truncate_from(b"MIT".to_vec()),
		BoundedVec::new()
	));
	let accepted = contribute(DAVE);
	let rejected = contribute(EVE);
	for reviewer in [ALICE, BOB] {
		ok!(Commons::review(signed(reviewer), accepted, true));
		ok!(Commons::review(signed(reviewer), rejected, false));
	}
	let withdrawn = contribute(DAVE);
	ok!(Commons::withdraw_contribution(signed(DAVE), withdrawn));
	let dismissed = contribute(EVE);
	ok!(Commons::dismiss_contribution(signed(ALICE), dismissed));
	let pending = contribute(DAVE);
	let charlies = contribute(CHARLIE);
	vec![
		vec![],
		vec![],
		vec![charlies],
		vec![accepted, withdrawn, pending],
		vec![rejected, dismissed],
		vec![],
	]
}

/// Stores the state as version 0 did: the contributions as they are, no index by contributor,
/// the pallet at storage version 0. Returns the contributions.
fn store_as_version_0() -> Vec<(ContributionId, Contribution<Test>)> {
	let _ = ContributionsByContributor::<Test>::clear(u32::MAX, None);
	StorageVersion::new(0).put::<Pallet<Test>>();
	crate::Contributions::<Test>::iter().collect()
}

fn db_weight() -> RuntimeDbWeight {
	<Test as frame_system::Config>::DbWeight::get()
}

/// The contributions each account lists, in the order of [`ACCOUNTS`].
fn lists() -> Vec<Vec<ContributionId>> {
	ACCOUNTS.iter().map(|who| Commons::contribution_ids_of(who, 0, u32::MAX).0).collect()
}

#[test]
fn every_contribution_is_indexed_under_its_contributor() {
	build_and_execute(|| {
		let expected = state_made_by_calls();
		assert_eq!(lists(), expected, "the calls index what they record");
		let contributions = store_as_version_0();
		assert_eq!(contributions.len(), 6);
		assert!(lists().iter().all(Vec::is_empty));
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 0);
		let before = Checks::before().expect("version 0 decodes");

		let weight = Migration::on_runtime_upgrade();

		Checks::after(before).expect("the post-upgrade check passes");
		assert_eq!(lists(), expected);
		assert_eq!(crate::Contributions::<Test>::iter().collect::<Vec<_>>(), contributions);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
		// Each contribution read and its entry written, and the storage version read and
		// written.
		assert_eq!(weight, db_weight().reads_writes(6 + 1, 6 + 1));
		check_invariants();
	});
}

#[test]
fn the_migration_runs_once() {
	build_and_execute(|| {
		state_made_by_calls();
		store_as_version_0();
		Migration::on_runtime_upgrade();
		let entries: Vec<_> = ContributionsByContributor::<Test>::iter_keys().collect();

		// A second upgrade finds version 1 and only reads it.
		assert_eq!(Migration::on_runtime_upgrade(), db_weight().reads(1));
		assert_eq!(ContributionsByContributor::<Test>::iter_keys().collect::<Vec<_>>(), entries);
		check_invariants();
	});
}

#[test]
fn the_pre_upgrade_check_refuses_a_contribution_that_does_not_decode() {
	new_test_ext().execute_with(|| {
		state_made_by_calls();
		store_as_version_0();
		let key = crate::Contributions::<Test>::hashed_key_for(0);
		frame_support::storage::unhashed::put_raw(&key, &[1, 2, 3]);
		assert!(Checks::before().is_err());
	});
}

#[test]
fn the_pre_upgrade_check_refuses_index_entries_before_version_1() {
	new_test_ext().execute_with(|| {
		state_made_by_calls();
		store_as_version_0();
		assert!(Checks::before().is_ok());
		ContributionsByContributor::<Test>::insert(DAVE, SortedContributionId::from(0), ());
		assert!(Checks::before().is_err());
	});
}

#[test]
fn the_post_upgrade_check_catches_a_broken_migration() {
	// Each broken state fails the invariants too: no `build_and_execute` here.
	let broken = |migrate: fn()| {
		new_test_ext().execute_with(|| {
			state_made_by_calls();
			store_as_version_0();
			let before = Checks::before().unwrap();
			<UncheckedMigrateV0ToV1<Test> as UncheckedOnRuntimeUpgrade>::on_runtime_upgrade();
			migrate();
			assert!(Checks::after(before).is_err());
			assert!(Commons::do_try_state().is_err());
		});
	};
	// Contribution 0 is Dave's, accepted. A migration that forgets a contribution.
	broken(|| ContributionsByContributor::<Test>::remove(DAVE, SortedContributionId::from(0)));
	// One that indexes a contribution under another account: Eve's list would show Dave's work.
	broken(|| {
		ContributionsByContributor::<Test>::remove(DAVE, SortedContributionId::from(0));
		ContributionsByContributor::<Test>::insert(EVE, SortedContributionId::from(0), ());
	});
	// One that indexes it under its contributor and another.
	broken(|| ContributionsByContributor::<Test>::insert(EVE, SortedContributionId::from(0), ()));
	// One that indexes a contribution that does not exist.
	broken(|| ContributionsByContributor::<Test>::insert(DAVE, SortedContributionId::from(99), ()));
}
