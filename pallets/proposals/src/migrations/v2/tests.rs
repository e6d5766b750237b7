//! Version 1 to 2 on a state written in the old layout: proposals in every status made by the
//! pallet, then stored as version 1 stored them, without ballots.

use super::{MigrateV1ToV2, UncheckedMigrateV1ToV2};
use crate::{mock::*, Ballot, Ballots, Pallet, Proposal, ProposalKind, ProposalStatus, Track};
use codec::Encode;
use frame_support::{
	traits::{Get, GetStorageVersion, OnRuntimeUpgrade, StorageVersion, UncheckedOnRuntimeUpgrade},
	weights::RuntimeDbWeight,
	BoundedVec,
};
use frame_system::RawOrigin;
use ostrom_primitives::{BallotState, Ballots as _, ProposalId};

type Migration = MigrateV1ToV2<Test>;
type Checks = UncheckedMigrateV1ToV2<Test>;

fn metadata() -> BoundedVec<u8, MaxMetadataLen> {
	BoundedVec::try_from(b"ipfs://proposal".to_vec()).unwrap()
}

fn inline(call: RuntimeCall) -> ProposalKind<crate::BoundedCallOf<Test>> {
	ProposalKind::Call(frame_support::traits::Bounded::Inline(
		BoundedVec::try_from(call.encode()).unwrap(),
	))
}

fn submit(who: u64, track: Track, kind: ProposalKind<crate::BoundedCallOf<Test>>) -> ProposalId {
	let id = crate::NextProposalId::<Test>::get();
	ok!(Proposals::submit(RawOrigin::Signed(who).into(), track, kind, metadata()));
	id
}

/// The proposals of [`state_made_by_calls`] that are being voted on.
struct Voting {
	/// A Standard signal submitted in block 1, whose voting period is over but which is not
	/// closed yet.
	overdue: ProposalId,
	/// A Root call submitted in block 1 + `VOTING_PERIOD`.
	root: ProposalId,
	/// An Emergency kill of `root`, submitted in the same block.
	emergency: ProposalId,
}

/// Proposals in every status a chain can hold: approved, rejected, cancelled and killed ones,
/// and three being voted on; made by the pallet's calls, so with their ballots.
fn state_made_by_calls() -> Voting {
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![7] });
	let approved = submit(ALICE, Track::Standard, inline(remark.clone()));
	let rejected = submit(BOB, Track::Standard, ProposalKind::Signal);
	let cancelled = submit(CHARLIE, Track::Standard, ProposalKind::Signal);
	ok!(Proposals::cancel(RawOrigin::Signed(CHARLIE).into(), cancelled));
	let killed = submit(ALICE, Track::Standard, ProposalKind::Signal);
	ok!(Proposals::kill(RawOrigin::Root.into(), killed));
	let overdue = submit(BOB, Track::Standard, ProposalKind::Signal);
	TestVoteCounts::set(approved, 2, 0, 2);
	run_to_block(1 + VOTING_PERIOD);
	ok!(Proposals::close(RawOrigin::Signed(OUTSIDER).into(), approved));
	ok!(Proposals::close(RawOrigin::Signed(OUTSIDER).into(), rejected));
	let root = submit(CHARLIE, Track::Root, inline(remark));
	let emergency = submit(
		ALICE,
		Track::Emergency,
		inline(RuntimeCall::Proposals(crate::Call::kill { id: root })),
	);
	assert_eq!(
		crate::Proposals::<Test>::get(approved).unwrap().status,
		ProposalStatus::Approved { enactment: Some(1 + VOTING_PERIOD + ENACTMENT_DELAY) }
	);
	Voting { overdue, root, emergency }
}

/// Stores the state as version 1 did: the proposals as they are, no ballots, the pallet at
/// storage version 1. Returns the proposals.
fn store_as_version_1() -> Vec<(ProposalId, Proposal<Test>)> {
	let _ = Ballots::<Test>::clear(u32::MAX, None);
	StorageVersion::new(1).put::<Pallet<Test>>();
	crate::Proposals::<Test>::iter().collect()
}

fn db_weight() -> RuntimeDbWeight {
	<Test as frame_system::Config>::DbWeight::get()
}

/// What a vote is told about each proposal, and about one that does not exist.
fn ballot_states() -> Vec<BallotState<u64>> {
	(0..=crate::NextProposalId::<Test>::get()).map(Proposals::ballot_state).collect()
}

#[test]
fn proposals_being_voted_on_get_their_ballots() {
	build_and_execute(|| {
		let voting = state_made_by_calls();
		let proposals = store_as_version_1();
		assert_eq!(proposals.len(), 7);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
		let before = Checks::before().expect("version 1 decodes");

		let weight = Migration::on_runtime_upgrade();

		Checks::after(before).expect("the post-upgrade check passes");
		let voted_on_from = 1 + VOTING_PERIOD;
		let expected = [
			(voting.overdue, 1, 1 + VOTING_PERIOD, Track::Standard),
			(voting.root, voted_on_from, voted_on_from + VOTING_PERIOD, Track::Root),
			(
				voting.emergency,
				voted_on_from,
				voted_on_from + EMERGENCY_VOTING_PERIOD,
				Track::Emergency,
			),
		];
		for (id, submitted_at, voting_ends, track) in expected {
			assert_eq!(
				Ballots::<Test>::get(id),
				Some(Ballot { submitted_at, voting_ends, track }),
				"the ballot of proposal {id}"
			);
		}
		assert_eq!(Ballots::<Test>::iter_keys().count(), expected.len());
		assert_eq!(crate::Proposals::<Test>::iter().collect::<Vec<_>>(), proposals);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
		// Each proposal read and each ballot written, and the storage version read and written.
		assert_eq!(weight, db_weight().reads_writes(7 + 1, 3 + 1));
		check_invariants();
	});
}

#[test]
fn votes_are_told_what_they_were_told_before_the_upgrade() {
	build_and_execute(|| {
		let voting = state_made_by_calls();
		let told = ballot_states();
		store_as_version_1();

		Migration::on_runtime_upgrade();

		assert_eq!(ballot_states(), told);
		assert_eq!(Proposals::ballot_state(voting.overdue), BallotState::Closed);
		assert_eq!(
			Proposals::ballot_state(voting.root),
			BallotState::Open { submitted_at: 1 + VOTING_PERIOD }
		);
		// The overdue proposal keeps its ballot until it is closed.
		ok!(Proposals::close(RawOrigin::Signed(OUTSIDER).into(), voting.overdue));
		assert_eq!(Ballots::<Test>::get(voting.overdue), None);
	});
}

#[test]
fn the_migration_runs_once() {
	build_and_execute(|| {
		state_made_by_calls();
		store_as_version_1();
		Migration::on_runtime_upgrade();
		let ballots: Vec<_> = Ballots::<Test>::iter().collect();

		// A second upgrade finds version 2 and only reads it.
		assert_eq!(Migration::on_runtime_upgrade(), db_weight().reads(1));
		assert_eq!(Ballots::<Test>::iter().collect::<Vec<_>>(), ballots);
		check_invariants();
	});
}

#[test]
fn the_pre_upgrade_check_refuses_a_proposal_that_does_not_decode() {
	new_test_ext().execute_with(|| {
		state_made_by_calls();
		store_as_version_1();
		let key = crate::Proposals::<Test>::hashed_key_for(0);
		frame_support::storage::unhashed::put_raw(&key, &[1, 2, 3]);
		assert!(Checks::before().is_err());
	});
}

#[test]
fn the_pre_upgrade_check_refuses_ballots_before_version_2() {
	new_test_ext().execute_with(|| {
		let voting = state_made_by_calls();
		store_as_version_1();
		assert!(Checks::before().is_ok());
		Ballots::<Test>::insert(
			voting.root,
			Ballot { submitted_at: 1, voting_ends: 9, track: Track::Root },
		);
		assert!(Checks::before().is_err());
	});
}

#[test]
fn the_post_upgrade_check_catches_a_broken_migration() {
	// Each broken state fails the invariants too: no `build_and_execute` here.
	let broken = |migrate: fn(&Voting)| {
		new_test_ext().execute_with(|| {
			let voting = state_made_by_calls();
			store_as_version_1();
			let before = Checks::before().unwrap();
			migrate(&voting);
			assert!(Checks::after(before).is_err());
			assert!(Proposals::do_try_state().is_err());
		});
	};
	fn ballot(id: ProposalId) -> Ballot<Test> {
		crate::Proposals::<Test>::get(id).unwrap().ballot()
	}
	// A migration that forgets a proposal being voted on.
	broken(|voting| {
		for id in [voting.overdue, voting.root] {
			Ballots::<Test>::insert(id, ballot(id));
		}
	});
	// One that gives a ballot the wrong deadline: the proposal would stay open longer.
	broken(|voting| {
		<UncheckedMigrateV1ToV2<Test> as UncheckedOnRuntimeUpgrade>::on_runtime_upgrade();
		Ballots::<Test>::mutate(voting.root, |ballot| {
			ballot.as_mut().unwrap().voting_ends += 1;
		});
	});
	// One that gives an approved proposal a ballot: it would take votes again.
	broken(|_| {
		<UncheckedMigrateV1ToV2<Test> as UncheckedOnRuntimeUpgrade>::on_runtime_upgrade();
		Ballots::<Test>::insert(0, ballot(0));
	});
	// One that makes a ballot for a proposal that does not exist.
	broken(|_| {
		<UncheckedMigrateV1ToV2<Test> as UncheckedOnRuntimeUpgrade>::on_runtime_upgrade();
		Ballots::<Test>::insert(99, Ballot { submitted_at: 1, voting_ends: 9, track: Track::Root });
	});
}
