//! Version 0 to 1 on a state written in the old layout: proposals made by the pallet, then
//! stored as version 0 stored them.

use super::{v0, MigrateV0ToV1, UncheckedMigrateV0ToV1};
use crate::{mock::*, Pallet, Proposal, ProposalKind, ProposalStatus, Track};
use codec::Encode;
use frame_support::{
	traits::{
		ConstU32, Get, GetStorageVersion, OnRuntimeUpgrade, StorageVersion,
		UncheckedOnRuntimeUpgrade,
	},
	weights::RuntimeDbWeight,
	BoundedVec,
};
use frame_system::RawOrigin;
use ostrom_primitives::ProposalId;

type Migration = MigrateV0ToV1<Test, ConstU32<100>>;
type Checks = UncheckedMigrateV0ToV1<Test, ConstU32<100>>;

fn metadata() -> BoundedVec<u8, MaxMetadataLen> {
	BoundedVec::try_from(b"ipfs://proposal".to_vec()).unwrap()
}

/// Version 0 of `proposal`: everything but `spec_version`.
fn downgraded(proposal: Proposal<Test>) -> v0::ProposalV0<Test> {
	v0::ProposalV0 {
		proposer: proposal.proposer,
		track: proposal.track,
		kind: proposal.kind,
		call_name: proposal.call_name,
		metadata: proposal.metadata,
		deposit: proposal.deposit,
		submitted_at: proposal.submitted_at,
		voting_ends: proposal.voting_ends,
		eligible: proposal.eligible,
		call_weight: proposal.call_weight,
		thresholds: proposal.thresholds,
		status: proposal.status,
	}
}

/// A signal being voted on, a call approved and scheduled, and a rejected signal, stored as
/// version 0 stored them, with the pallet at storage version 0; returns them in version 0.
fn version_0_state() -> Vec<(ProposalId, v0::ProposalV0<Test>)> {
	let submit = |who, kind| {
		let id = crate::NextProposalId::<Test>::get();
		ok!(Proposals::submit(RawOrigin::Signed(who).into(), Track::Standard, kind, metadata()));
		id
	};
	let voting = submit(ALICE, ProposalKind::Signal);
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![7] });
	let approved = submit(
		BOB,
		ProposalKind::Call(frame_support::traits::Bounded::Inline(
			BoundedVec::try_from(remark.encode()).unwrap(),
		)),
	);
	let rejected = submit(CHARLIE, ProposalKind::Signal);
	TestVoteCounts::set(approved, 2, 0, 2);
	run_to_block(Proposals::proposal_summary(approved).unwrap().voting_ends);
	ok!(Proposals::close(RawOrigin::Signed(OUTSIDER).into(), approved));
	ok!(Proposals::close(RawOrigin::Signed(OUTSIDER).into(), rejected));
	assert_eq!(
		crate::Proposals::<Test>::get(approved).unwrap().status,
		ProposalStatus::Approved { enactment: Some(1 + VOTING_PERIOD + ENACTMENT_DELAY) }
	);

	let old: Vec<_> = [voting, approved, rejected]
		.into_iter()
		.map(|id| (id, downgraded(crate::Proposals::<Test>::get(id).unwrap())))
		.collect();
	for (id, proposal) in &old {
		v0::Proposals::<Test>::insert(id, proposal);
	}
	StorageVersion::new(0).put::<Pallet<Test>>();
	old
}

fn db_weight() -> RuntimeDbWeight {
	<Test as frame_system::Config>::DbWeight::get()
}

#[test]
fn version_0_proposals_record_the_release_they_were_submitted_under() {
	build_and_execute(|| {
		let old = version_0_state();
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 0);
		let before = Checks::before().expect("version 0 decodes");

		let weight = Migration::on_runtime_upgrade();

		Checks::after(before).expect("the post-upgrade check passes");
		for (id, proposal) in old {
			assert_eq!(Proposals::proposal_summary(id).unwrap().spec_version, 100);
			assert_eq!(crate::Proposals::<Test>::get(id), Some(proposal.upgraded(100)));
		}
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
		// Each proposal read and written, and the storage version read and written.
		assert_eq!(weight, db_weight().reads_writes(3 + 1, 3 + 1));
		check_invariants();
	});
}

#[test]
fn the_migration_runs_once() {
	build_and_execute(|| {
		version_0_state();
		Migration::on_runtime_upgrade();
		let migrated: Vec<_> = crate::Proposals::<Test>::iter().collect();

		// A second upgrade finds version 1 and only reads it.
		assert_eq!(Migration::on_runtime_upgrade(), db_weight().reads(1));
		assert_eq!(crate::Proposals::<Test>::iter().collect::<Vec<_>>(), migrated);
		check_invariants();
	});
}

#[test]
fn a_migrated_call_is_enacted_by_the_new_runtime() {
	build_and_execute(|| {
		version_0_state();
		Migration::on_runtime_upgrade();
		SpecVersion::set(101);

		run_to_block(1 + VOTING_PERIOD + ENACTMENT_DELAY);
		let approved = 1;
		assert_eq!(
			crate::Proposals::<Test>::get(approved).unwrap().status,
			ProposalStatus::Executed
		);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Proposals(crate::Event::Executed { id: approved, result: Ok(()) })));
	});
}

#[test]
fn the_pre_upgrade_check_refuses_a_proposal_that_does_not_decode() {
	// The broken proposal fails the invariants: no `build_and_execute` here.
	new_test_ext().execute_with(|| {
		version_0_state();
		let key = crate::Proposals::<Test>::hashed_key_for(0);
		frame_support::storage::unhashed::put_raw(&key, &[1, 2, 3]);
		assert!(Checks::before().is_err());
	});
}

#[test]
fn the_post_upgrade_check_catches_a_broken_migration() {
	// Each broken state fails the invariants too: no `build_and_execute` here.
	// A migration that loses one proposal's deposit, and one that loses a proposal.
	new_test_ext().execute_with(|| {
		version_0_state();
		let before = Checks::before().unwrap();
		crate::Proposals::<Test>::translate::<v0::ProposalV0<Test>, _>(|_, old| {
			Some(Proposal { deposit: 0, ..old.upgraded(100) })
		});
		assert!(Checks::after(before).is_err());
	});
	new_test_ext().execute_with(|| {
		version_0_state();
		let before = Checks::before().unwrap();
		crate::Proposals::<Test>::translate::<v0::ProposalV0<Test>, _>(|id, old| {
			(id != 0).then(|| old.upgraded(100))
		});
		assert!(Checks::after(before).is_err());
	});
	// A migration that forgets the release: the proposals would look submitted under the
	// current runtime.
	new_test_ext().execute_with(|| {
		version_0_state();
		let before = Checks::before().unwrap();
		<UncheckedMigrateV0ToV1<Test, ConstU32<101>> as UncheckedOnRuntimeUpgrade>::on_runtime_upgrade();
		assert!(Checks::after(before).is_err());
	});
}
