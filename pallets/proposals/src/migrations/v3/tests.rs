//! Version 2 to 3 on a state written in the old layout: proposals in every status made by the
//! pallet, then stored as version 2 stored them, without the index by status.

use super::{MigrateV2ToV3, UncheckedMigrateV2ToV3};
use crate::{
	mock::*, Pallet, Proposal, ProposalKind, ProposalStatusName, ProposalsByStatus,
	SortedProposalId, Track,
};
use codec::Encode;
use frame_support::{
	traits::{Get, GetStorageVersion, OnRuntimeUpgrade, StorageVersion, UncheckedOnRuntimeUpgrade},
	weights::RuntimeDbWeight,
	BoundedVec,
};
use frame_system::RawOrigin;
use ostrom_primitives::ProposalId;

type Migration = MigrateV2ToV3<Test>;
type Checks = UncheckedMigrateV2ToV3<Test>;

/// Every status a proposal can be in.
const STATUSES: [ProposalStatusName; 7] = [
	ProposalStatusName::Voting,
	ProposalStatusName::Approved,
	ProposalStatusName::Rejected,
	ProposalStatusName::Cancelled,
	ProposalStatusName::Killed,
	ProposalStatusName::Executed,
	ProposalStatusName::Revoked,
];

fn metadata() -> BoundedVec<u8, MaxMetadataLen> {
	BoundedVec::try_from(b"ipfs://proposal".to_vec()).unwrap()
}

fn remark() -> ProposalKind<crate::BoundedCallOf<Test>> {
	let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![7] });
	ProposalKind::Call(frame_support::traits::Bounded::Inline(
		BoundedVec::try_from(call.encode()).unwrap(),
	))
}

fn submit(who: u64, kind: ProposalKind<crate::BoundedCallOf<Test>>) -> ProposalId {
	let id = crate::NextProposalId::<Test>::get();
	ok!(Proposals::submit(RawOrigin::Signed(who).into(), Track::Standard, kind, metadata()));
	id
}

fn close(id: ProposalId) {
	ok!(Proposals::close(RawOrigin::Signed(OUTSIDER).into(), id));
}

/// Proposals in every status a chain can hold, two of them approved (a signal, and a call
/// awaiting enactment), made by the pallet's calls; returns each one's id and status.
fn state_made_by_calls() -> Vec<(ProposalId, ProposalStatusName)> {
	let executed = submit(ALICE, remark());
	let revoked = submit(BOB, remark());
	let approved_signal = submit(CHARLIE, ProposalKind::Signal);
	let rejected = submit(ALICE, ProposalKind::Signal);
	let cancelled = submit(BOB, ProposalKind::Signal);
	ok!(Proposals::cancel(RawOrigin::Signed(BOB).into(), cancelled));
	let killed = submit(CHARLIE, ProposalKind::Signal);
	ok!(Proposals::kill(RawOrigin::Root.into(), killed));
	for id in [executed, revoked, approved_signal] {
		TestVoteCounts::set(id, 2, 0, 2);
	}
	run_to_block(1 + VOTING_PERIOD);
	for id in [executed, revoked, approved_signal, rejected] {
		close(id);
	}
	ok!(Proposals::kill(RawOrigin::Root.into(), revoked));
	let approved_call = submit(ALICE, remark());
	TestVoteCounts::set(approved_call, 2, 0, 2);
	// `executed` is enacted, then `approved_call` approved, to be enacted later.
	run_to_block(1 + 2 * VOTING_PERIOD);
	close(approved_call);
	let voting = submit(BOB, ProposalKind::Signal);

	let state = vec![
		(executed, ProposalStatusName::Executed),
		(revoked, ProposalStatusName::Revoked),
		(approved_signal, ProposalStatusName::Approved),
		(rejected, ProposalStatusName::Rejected),
		(cancelled, ProposalStatusName::Cancelled),
		(killed, ProposalStatusName::Killed),
		(approved_call, ProposalStatusName::Approved),
		(voting, ProposalStatusName::Voting),
	];
	for (id, status) in &state {
		assert_eq!(crate::Proposals::<Test>::get(id).unwrap().status.name(), *status);
	}
	assert!(crate::Proposals::<Test>::get(approved_call).unwrap().status.enactment().is_some());
	state
}

/// Stores the state as version 2 did: the proposals as they are, no index by status, the
/// pallet at storage version 2. Returns the proposals.
fn store_as_version_2() -> Vec<(ProposalId, Proposal<Test>)> {
	let _ = ProposalsByStatus::<Test>::clear(u32::MAX, None);
	StorageVersion::new(2).put::<Pallet<Test>>();
	crate::Proposals::<Test>::iter().collect()
}

fn db_weight() -> RuntimeDbWeight {
	<Test as frame_system::Config>::DbWeight::get()
}

/// The ids each status lists, in the order of [`STATUSES`].
fn lists() -> Vec<Vec<ProposalId>> {
	STATUSES.iter().map(|status| Proposals::proposal_ids_in(*status, 0, u32::MAX).0).collect()
}

#[test]
fn every_proposal_is_indexed_under_its_status() {
	build_and_execute(|| {
		let state = state_made_by_calls();
		let listed = lists();
		let proposals = store_as_version_2();
		assert_eq!(proposals.len(), state.len());
		assert!(lists().iter().all(Vec::is_empty));
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
		let before = Checks::before().expect("version 2 decodes");

		let weight = Migration::on_runtime_upgrade();

		Checks::after(before).expect("the post-upgrade check passes");
		for (status, ids) in STATUSES.iter().zip(lists()) {
			let mut expected: Vec<_> =
				state.iter().filter(|(_, of)| of == status).map(|(id, _)| *id).collect();
			expected.sort();
			assert_eq!(ids, expected, "the proposals {status:?}");
		}
		// The views list what the calls had listed.
		assert_eq!(lists(), listed);
		assert_eq!(crate::Proposals::<Test>::iter().collect::<Vec<_>>(), proposals);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
		// Each proposal read and its entry written, and the storage version read and written.
		assert_eq!(weight, db_weight().reads_writes(8 + 1, 8 + 1));
		check_invariants();
	});
}

#[test]
fn the_migration_runs_once() {
	build_and_execute(|| {
		state_made_by_calls();
		store_as_version_2();
		Migration::on_runtime_upgrade();
		let entries: Vec<_> = ProposalsByStatus::<Test>::iter_keys().collect();

		// A second upgrade finds version 3 and only reads it.
		assert_eq!(Migration::on_runtime_upgrade(), db_weight().reads(1));
		assert_eq!(ProposalsByStatus::<Test>::iter_keys().collect::<Vec<_>>(), entries);
		check_invariants();
	});
}

#[test]
fn the_pre_upgrade_check_refuses_a_proposal_that_does_not_decode() {
	new_test_ext().execute_with(|| {
		state_made_by_calls();
		store_as_version_2();
		let key = crate::Proposals::<Test>::hashed_key_for(0);
		frame_support::storage::unhashed::put_raw(&key, &[1, 2, 3]);
		assert!(Checks::before().is_err());
	});
}

#[test]
fn the_pre_upgrade_check_refuses_index_entries_before_version_3() {
	new_test_ext().execute_with(|| {
		state_made_by_calls();
		store_as_version_2();
		assert!(Checks::before().is_ok());
		ProposalsByStatus::<Test>::insert(
			ProposalStatusName::Voting,
			SortedProposalId::from(0),
			(),
		);
		assert!(Checks::before().is_err());
	});
}

#[test]
fn the_post_upgrade_check_catches_a_broken_migration() {
	// Each broken state fails the invariants too: no `build_and_execute` here.
	let broken = |migrate: fn(&[(ProposalId, ProposalStatusName)])| {
		new_test_ext().execute_with(|| {
			let state = state_made_by_calls();
			store_as_version_2();
			let before = Checks::before().unwrap();
			<UncheckedMigrateV2ToV3<Test> as UncheckedOnRuntimeUpgrade>::on_runtime_upgrade();
			migrate(&state);
			assert!(Checks::after(before).is_err());
			assert!(Proposals::do_try_state().is_err());
		});
	};
	// A migration that forgets a proposal.
	broken(|state| {
		let (id, status) = state[0];
		ProposalsByStatus::<Test>::remove(status, SortedProposalId::from(id));
	});
	// One that indexes a proposal under another status: a list of approved proposals would
	// show one being voted on.
	broken(|state| {
		let (id, status) = *state.last().unwrap();
		assert_eq!(status, ProposalStatusName::Voting);
		ProposalsByStatus::<Test>::remove(status, SortedProposalId::from(id));
		ProposalsByStatus::<Test>::insert(
			ProposalStatusName::Approved,
			SortedProposalId::from(id),
			(),
		);
	});
	// One that indexes a proposal under its status and another.
	broken(|state| {
		let (id, _) = state[0];
		ProposalsByStatus::<Test>::insert(
			ProposalStatusName::Voting,
			SortedProposalId::from(id),
			(),
		);
	});
	// One that indexes a proposal that does not exist.
	broken(|_| {
		ProposalsByStatus::<Test>::insert(
			ProposalStatusName::Voting,
			SortedProposalId::from(99),
			(),
		);
	});
}
