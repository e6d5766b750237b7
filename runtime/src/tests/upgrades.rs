//! Upgrades in the real runtime: its migrations bring a state in the layout of release 100 to
//! this runtime's storage versions, and a scheduled enactment keeps decoding after an upgrade.

use super::{
	ext_from_preset,
	governance::{check_invariants, signed},
};
use crate::{
	Commons, Executive, Membership, Proposals, QuadraticVoting, Runtime, RuntimeCall,
	RuntimeOrigin, Treasury, UNIT,
};
use codec::Encode;
use frame_support::{
	traits::{GetStorageVersion, StorageVersion},
	weights::Weight,
	BoundedVec,
};
use pallet_ostrom_commons::CommonsKind;
use pallet_ostrom_proposals::{ProposalKind, ProposalStatusName, Track};
use sp_core::H256;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{Alice, Bob};

/// Stores proposal `id` as release 100 did: its record without `spec_version`, no ballot and
/// no index by status, the pallet at storage version 0; and the registry's contributions without
/// their index by contributor, the registry at storage version 0.
fn store_as_release_100(id: u32) {
	let p = pallet_ostrom_proposals::Proposals::<Runtime>::get(id).unwrap();
	let version_0 = (
		(p.proposer, p.track, p.kind, p.call_name, p.metadata, p.deposit),
		(p.submitted_at, p.voting_ends, p.eligible, p.call_weight, p.thresholds, p.status),
	);
	// A tuple of tuples encodes as its fields in order, as the version 0 struct did.
	let key = pallet_ostrom_proposals::Proposals::<Runtime>::hashed_key_for(id);
	frame_support::storage::unhashed::put_raw(&key, &version_0.encode());
	pallet_ostrom_proposals::Ballots::<Runtime>::remove(id);
	let _ = pallet_ostrom_proposals::ProposalsByStatus::<Runtime>::clear(u32::MAX, None);
	StorageVersion::new(0).put::<Proposals>();
	let _ = pallet_ostrom_commons::ContributionsByContributor::<Runtime>::clear(u32::MAX, None);
	StorageVersion::new(0).put::<Commons>();
}

/// Stores the treasury as release 100 did: its rounds and grants as they are, without the
/// indexes of open rounds and live grants, the pallet at storage version 0.
fn store_treasury_as_release_100() {
	pallet_ostrom_treasury::OpenRounds::<Runtime>::kill();
	pallet_ostrom_treasury::LiveGrants::<Runtime>::kill();
	StorageVersion::new(0).put::<Treasury>();
}

#[test]
fn the_upgrade_from_release_100_migrates_every_pallet_to_its_storage_version() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		let bob = Bob.to_account_id();
		let metadata = BoundedVec::try_from(b"before the upgrade".to_vec()).unwrap();
		frame_support::assert_ok!(Proposals::submit(
			signed(Alice),
			Track::Standard,
			ProposalKind::Signal,
			metadata
		));
		frame_support::assert_ok!(Commons::register(
			signed(Alice),
			BoundedVec::truncate_from(b"Seed library".to_vec()),
			CommonsKind::Food,
			BoundedVec::truncate_from(b"CC0-1.0".to_vec()),
			BoundedVec::new()
		));
		frame_support::assert_ok!(Commons::contribute(
			signed(Bob),
			0,
			H256::repeat_byte(1),
			BoundedVec::new()
		));
		let submitted = pallet_ostrom_proposals::Proposals::<Runtime>::get(0).unwrap();
		let ballot = pallet_ostrom_proposals::Ballots::<Runtime>::get(0).unwrap();
		store_as_release_100(0);
		assert!(pallet_ostrom_proposals::Proposals::<Runtime>::get(0).is_none());
		assert!(pallet_ostrom_proposals::Ballots::<Runtime>::get(0).is_none());
		assert_eq!(Proposals::proposal_ids_in(ProposalStatusName::Voting, 0, 10), (vec![], None));
		assert_eq!(Commons::contribution_ids_of(&bob, 0, 10), (vec![], None));
		// An open round and a grant, which release 100 did not index.
		frame_support::assert_ok!(Treasury::open_round(RuntimeOrigin::root(), UNIT, 10, 50));
		frame_support::assert_ok!(Treasury::grant(
			RuntimeOrigin::root(),
			Bob.to_account_id(),
			UNIT,
			100
		));
		store_treasury_as_release_100();
		assert!(crate::views::treasury().open_rounds.is_empty());

		let weight = Executive::execute_on_runtime_upgrade();

		let migrated = pallet_ostrom_proposals::Proposals::<Runtime>::get(0).unwrap();
		assert_eq!(migrated.spec_version, 100);
		assert_eq!(migrated, pallet_ostrom_proposals::Proposal { spec_version: 100, ..submitted });
		// Version 1 recorded the release, version 2 the ballot of the proposal being voted on,
		// version 3 indexed it under its status.
		assert_eq!(pallet_ostrom_proposals::Ballots::<Runtime>::get(0), Some(ballot));
		assert_eq!(Proposals::proposal_ids_in(ProposalStatusName::Voting, 0, 10), (vec![0], None));
		assert_eq!(Proposals::in_code_storage_version(), 3);
		// The registry's version 1 indexed the contribution under its contributor.
		assert_eq!(Commons::contribution_ids_of(&bob, 0, 10), (vec![0], None));
		assert_eq!(Commons::in_code_storage_version(), 1);
		assert_eq!(Proposals::on_chain_storage_version(), Proposals::in_code_storage_version());
		assert_eq!(Membership::on_chain_storage_version(), Membership::in_code_storage_version());
		assert_eq!(Commons::on_chain_storage_version(), Commons::in_code_storage_version());
		assert_eq!(
			QuadraticVoting::on_chain_storage_version(),
			QuadraticVoting::in_code_storage_version()
		);
		assert_eq!(Treasury::in_code_storage_version(), 1);
		assert_eq!(Treasury::on_chain_storage_version(), Treasury::in_code_storage_version());
		// Version 1 indexed the open round and the grant: the views list them again.
		let treasury = crate::views::treasury();
		assert_eq!(treasury.open_rounds.iter().map(|round| round.id).collect::<Vec<_>>(), [0]);
		assert_eq!(treasury.grants.iter().map(|grant| grant.id).collect::<Vec<_>>(), [0]);
		let max_block = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		assert!(weight.all_lte(max_block));
		check_invariants();
		// The proposal submitted under release 100 takes votes under this runtime.
		frame_support::assert_ok!(QuadraticVoting::vote(signed(Bob), 0, true, 2));
	});
}

#[test]
fn the_enactment_call_keeps_its_pallet_and_call_index() {
	// The scheduler stores `Proposals.enact` encoded, across upgrades: were the pallet's index
	// (10) or the call's (5) to change, an approved proposal's enactment would decode as another
	// call, dispatched as root. Indices are never reused or moved.
	let enact = RuntimeCall::Proposals(pallet_ostrom_proposals::Call::enact {
		id: 7,
		call_weight_bound: Weight::zero(),
		preimage_len_bound: 0,
	});
	assert_eq!(enact.encode()[..2], [10, 5]);
}
