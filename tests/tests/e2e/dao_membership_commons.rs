//! Membership and the commons registry on a `--dev` node that seals blocks on demand, driven with
//! the typed client `ostrom-client`: Dave applies and two members sponsor him; Dave registers a
//! commons, makes Alice a steward and contributes to it; Alice, then Charlie approve; Dave's
//! reputation rose. Everything is read back from chain state over RPC.

use ostrom::{
	commons::events::{ContributionAccepted, ContributionRecorded, Registered, StewardAdded},
	membership::events::{Applied, MemberAdded, ReputationChanged},
	runtime_types::{
		bounded_collections::bounded_vec::BoundedVec,
		pallet_ostrom_commons::types::{
			CommonsKind, CommonsRecord, Contribution, ContributionStatus,
		},
		pallet_ostrom_membership::types::MemberRecord,
	},
};
use ostrom_client::{AccountId, CommonsId, ContributionId};
use ostrom_e2e::{
	account_of, event, ostrom, storage, submit_finalized, wait_for_blocks, Api, Node,
};
use std::time::Duration;
use subxt::utils::H256;
use subxt_signer::sr25519::dev;

/// The runtime's `ReputationPerContribution`.
const REPUTATION_PER_CONTRIBUTION: u32 = 10;

async fn member(api: &Api, who: &AccountId) -> Option<MemberRecord> {
	storage(api, ostrom::storage().membership().members(), (*who,)).await
}

async fn commons(api: &Api, id: CommonsId) -> CommonsRecord {
	storage(api, ostrom::storage().commons().commons(), (id,)).await.expect("the commons exists")
}

async fn contribution(api: &Api, id: ContributionId) -> Contribution {
	let contribution = storage(api, ostrom::storage().commons().contributions(), (id,)).await;
	contribution.expect("the contribution exists")
}

#[tokio::test(flavor = "multi_thread")]
async fn dave_joins_registers_a_commons_and_earns_reputation() {
	let mut node = Node::start_manual_seal("dao");
	let rpc = node.rpc().await;
	wait_for_blocks(&rpc, 1, 1, Duration::from_secs(120)).await;
	let api = node.api().await;
	let (calls, commons_calls) =
		(ostrom::transactions().membership(), ostrom::transactions().commons());
	let dave = account_of(&dev::dave());
	assert!(member(&api, &dave).await.is_none(), "Dave starts outside the DAO");

	// Dave applies; Alice and Bob sponsor him; the second sponsorship admits him.
	let apply = calls.apply(BoundedVec(b"ipfs://dave-profile".to_vec()));
	let events = submit_finalized(&api, &apply, &dev::dave()).await;
	assert_eq!(event::<Applied>(&events).who, dave);
	let sponsor = calls.sponsor(dave);
	submit_finalized(&api, &sponsor, &dev::alice()).await;
	assert!(member(&api, &dave).await.is_none(), "one sponsor is not enough");
	let events = submit_finalized(&api, &sponsor, &dev::bob()).await;
	assert_eq!(event::<MemberAdded>(&events).who, dave);
	assert_eq!(member(&api, &dave).await.expect("Dave is a member").reputation, 0);

	// Dave registers a commons and contributes to it.
	let register = commons_calls.register(
		BoundedVec(b"ostrom-handbook".to_vec()),
		CommonsKind::Knowledge,
		BoundedVec(b"CC-BY-SA-4.0".to_vec()),
		BoundedVec(b"https://ostrom.example/handbook".to_vec()),
	);
	let events = submit_finalized(&api, &register, &dev::dave()).await;
	let id = event::<Registered>(&events).commons;
	assert_eq!(id, 0);
	let registered = commons(&api, id).await;
	assert_eq!(registered.name, BoundedVec(b"ostrom-handbook".to_vec()));
	assert_eq!(registered.stewards, BoundedVec(vec![dave]));

	// A contribution is accepted only with a steward among its approvers: Dave appoints Alice.
	let alice = account_of(&dev::alice());
	let add_steward = commons_calls.add_steward(id, alice);
	let events = submit_finalized(&api, &add_steward, &dev::dave()).await;
	assert_eq!(event::<StewardAdded>(&events).steward, alice);
	assert_eq!(commons(&api, id).await.stewards, BoundedVec(vec![dave, alice]));

	let content_hash = H256::repeat_byte(0xc0);
	let contribute =
		commons_calls.contribute(id, content_hash, BoundedVec(b"chapter one".to_vec()));
	let events = submit_finalized(&api, &contribute, &dev::dave()).await;
	let recorded = event::<ContributionRecorded>(&events).contribution;
	assert_eq!(recorded, 0);
	assert_eq!(commons(&api, id).await.pending_contributions, 1);

	// Alice (a steward) and Charlie approve; the second approval accepts the contribution and
	// returns Dave's deposit.
	let approve = commons_calls.review(recorded, true);
	submit_finalized(&api, &approve, &dev::alice()).await;
	assert_eq!(contribution(&api, recorded).await.status, ContributionStatus::Pending);
	let events = submit_finalized(&api, &approve, &dev::charlie()).await;
	assert!(events.has::<ContributionAccepted>());
	assert!(events.has::<ReputationChanged>());

	let accepted = contribution(&api, recorded).await;
	assert_eq!(accepted.status, ContributionStatus::Accepted);
	assert_eq!((accepted.contributor, accepted.approvals), (dave, 2));
	assert_eq!(commons(&api, id).await.pending_contributions, 0);
	let reputation = member(&api, &dave).await.expect("Dave is still a member").reputation;
	assert_eq!(reputation, REPUTATION_PER_CONTRIBUTION);
}
