//! Membership and the commons registry on a `--dev` node that seals blocks on demand, driven
//! with subxt: Dave applies and two members sponsor him; Dave registers a commons, makes Alice
//! a steward and contributes to it; Alice, then Charlie approve; Dave's reputation rose.
//! Everything is read back from chain state over RPC.

use ostrom_e2e::{has_event, submit_finalized, wait_for_blocks, Api, Node};
use scale_decode::DecodeAsType;
use std::time::Duration;
use subxt::{
	dynamic::{self, Value},
	utils::H256,
};
use subxt_signer::sr25519::dev;

/// The runtime's `ReputationPerContribution`.
const REPUTATION_PER_CONTRIBUTION: u32 = 10;

#[derive(Debug, DecodeAsType)]
struct MemberRecord {
	reputation: u32,
}

#[derive(Debug, DecodeAsType)]
struct CommonsRecord {
	name: Vec<u8>,
	stewards: Vec<[u8; 32]>,
	pending_contributions: u32,
}

#[derive(Debug, DecodeAsType)]
enum ContributionStatus {
	Pending,
	Accepted,
	Rejected,
	Withdrawn,
	Dismissed,
}

#[derive(Debug, DecodeAsType)]
struct Contribution {
	contributor: [u8; 32],
	approvals: u32,
	status: ContributionStatus,
}

async fn member(api: &Api, who: [u8; 32]) -> Option<MemberRecord> {
	let address = dynamic::storage::<([u8; 32],), MemberRecord>("Membership", "Members");
	let at = api.at_current_block().await.unwrap();
	let value = at.storage().try_fetch(address, (who,)).await.expect("Members is readable");
	value.map(|v| v.decode().expect("a member record decodes"))
}

async fn commons(api: &Api, id: u32) -> CommonsRecord {
	let address = dynamic::storage::<(u32,), CommonsRecord>("Commons", "Commons");
	let at = api.at_current_block().await.unwrap();
	at.storage().fetch(address, (id,)).await.expect("the commons exists").decode().unwrap()
}

async fn contribution(api: &Api, id: u64) -> Contribution {
	let address = dynamic::storage::<(u64,), Contribution>("Commons", "Contributions");
	let at = api.at_current_block().await.unwrap();
	at.storage().fetch(address, (id,)).await.expect("the contribution exists").decode().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn dave_joins_registers_a_commons_and_earns_reputation() {
	let mut node = Node::start_manual_seal("dao");
	let rpc = node.rpc().await;
	wait_for_blocks(&rpc, 1, 1, Duration::from_secs(120)).await;
	let api = node.api().await;
	let dave = dev::dave().public_key().0;
	assert!(member(&api, dave).await.is_none(), "Dave starts outside the DAO");

	// Dave applies; Alice and Bob sponsor him; the second sponsorship admits him.
	let apply = dynamic::tx("Membership", "apply", (b"ipfs://dave-profile".to_vec(),));
	let events = submit_finalized(&api, &apply, &dev::dave()).await;
	assert!(has_event(&events, "Membership", "Applied"));
	let sponsor = dynamic::tx("Membership", "sponsor", (dev::dave().public_key().to_account_id(),));
	submit_finalized(&api, &sponsor, &dev::alice()).await;
	assert!(member(&api, dave).await.is_none(), "one sponsor is not enough");
	let events = submit_finalized(&api, &sponsor, &dev::bob()).await;
	assert!(has_event(&events, "Membership", "MemberAdded"));
	assert_eq!(member(&api, dave).await.expect("Dave is a member").reputation, 0);

	// Dave registers a commons and contributes to it.
	let register = dynamic::tx(
		"Commons",
		"register",
		(
			b"ostrom-handbook".to_vec(),
			Value::unnamed_variant("Knowledge", []),
			b"CC-BY-SA-4.0".to_vec(),
			b"https://ostrom.example/handbook".to_vec(),
		),
	);
	let events = submit_finalized(&api, &register, &dev::dave()).await;
	assert!(has_event(&events, "Commons", "Registered"));
	let registered = commons(&api, 0).await;
	assert_eq!(registered.name, b"ostrom-handbook".to_vec());
	assert_eq!(registered.stewards, vec![dave]);

	// A contribution is accepted only with a steward among its approvers: Dave appoints Alice.
	let alice = dev::alice().public_key().0;
	let add_steward =
		dynamic::tx("Commons", "add_steward", (0u32, dev::alice().public_key().to_account_id()));
	let events = submit_finalized(&api, &add_steward, &dev::dave()).await;
	assert!(has_event(&events, "Commons", "StewardAdded"));
	assert_eq!(commons(&api, 0).await.stewards, vec![dave, alice]);

	let content_hash = H256::repeat_byte(0xc0);
	let contribute = dynamic::tx(
		"Commons",
		"contribute",
		(0u32, Value::from_bytes(content_hash.0), b"chapter one".to_vec()),
	);
	let events = submit_finalized(&api, &contribute, &dev::dave()).await;
	assert!(has_event(&events, "Commons", "ContributionRecorded"));
	assert_eq!(commons(&api, 0).await.pending_contributions, 1);

	// Alice (a steward) and Charlie approve; the second approval accepts the contribution and
	// returns Dave's deposit.
	let approve = dynamic::tx("Commons", "review", (0u64, true));
	submit_finalized(&api, &approve, &dev::alice()).await;
	assert!(matches!(contribution(&api, 0).await.status, ContributionStatus::Pending));
	let events = submit_finalized(&api, &approve, &dev::charlie()).await;
	assert!(has_event(&events, "Commons", "ContributionAccepted"));
	assert!(has_event(&events, "Membership", "ReputationChanged"));

	let accepted = contribution(&api, 0).await;
	assert!(matches!(accepted.status, ContributionStatus::Accepted));
	assert_eq!((accepted.contributor, accepted.approvals), (dave, 2));
	assert_eq!(commons(&api, 0).await.pending_contributions, 0);
	let reputation = member(&api, dave).await.expect("Dave is still a member").reputation;
	assert_eq!(reputation, REPUTATION_PER_CONTRIBUTION);
}
