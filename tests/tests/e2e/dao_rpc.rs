//! The `dao_*` JSON-RPC methods on a `--dev` node that seals blocks on demand, called over plain
//! HTTP as a dApp would: Dave joins, Charlie registers a commons that Bob contributes to, Alice
//! proposes and Bob votes (all with the typed client `ostrom-client`); then every method's answer
//! is checked against what those extrinsics did, at the best block and at genesis (Dave's probation
//! also in the block he joined, his application in the block before), and malformed parameters
//! get errors, not crashes.

use ostrom::runtime_types::{
	bounded_collections::bounded_vec::BoundedVec,
	pallet_ostrom_commons::types::CommonsKind,
	pallet_ostrom_proposals::types::{ProposalKind, Track},
};
use ostrom_e2e::{account_of, http_rpc, ostrom, submit_finalized, wait_for_blocks, Node};
use serde_json::{json, Value};
use std::time::Duration;
use subxt::utils::H256;
use subxt_signer::sr25519::{dev, Keypair};

/// 1 OST in planck.
const UNIT: u128 = 1_000_000_000_000;
/// The `--dev` treasury endowment.
const TREASURY_ENDOWMENT: u128 = 100_000 * UNIT;
const INVALID_PARAMS: i64 = -32602;

const DAO_METHODS: [&str; 13] = [
	"dao_proposal",
	"dao_proposals",
	"dao_tally",
	"dao_member",
	"dao_voiceCredits",
	"dao_commons",
	"dao_listCommons",
	"dao_contributions",
	"dao_treasury",
	"dao_members",
	"dao_applicants",
	"dao_votes",
	"dao_commonsContributions",
];

fn ss58(who: &Keypair) -> String {
	account_of(who).to_string()
}

/// The result of `method`; panics on an error answer.
fn result(port: u16, method: &str, params: Value) -> Value {
	let answer = http_rpc(port, method, params);
	assert!(answer.get("error").is_none(), "{method}: {answer}");
	answer["result"].clone()
}

/// The error of `method`; panics if it succeeded.
fn error(port: u16, method: &str, params: Value) -> (i64, String) {
	let answer = http_rpc(port, method, params);
	let error = answer.get("error").unwrap_or_else(|| panic!("{method} succeeded: {answer}"));
	(error["code"].as_i64().unwrap(), error["message"].as_str().unwrap().to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_dao_method_shows_what_the_extrinsics_did() {
	let mut node = Node::start_manual_seal("dao-rpc");
	let rpc = node.rpc().await;
	wait_for_blocks(&rpc, 1, 1, Duration::from_secs(120)).await;
	let api = node.api().await;
	let port = node.rpc_port;
	let (alice, bob, charlie, dave) = (dev::alice(), dev::bob(), dev::charlie(), dev::dave());
	let (membership, commons) =
		(ostrom::transactions().membership(), ostrom::transactions().commons());

	let methods = result(port, "rpc_methods", json!([]));
	for method in DAO_METHODS {
		assert!(methods["methods"].as_array().unwrap().contains(&json!(method)), "{method}");
	}

	// Dave applies and Alice and Bob sponsor him; Charlie registers a commons meanwhile.
	let apply = membership.apply(BoundedVec(b"dave".to_vec()));
	submit_finalized(&api, &apply, &dave).await;
	let sponsor = membership.sponsor(account_of(&dave));
	let register = commons.register(
		BoundedVec(b"Seed library".to_vec()),
		CommonsKind::Food,
		BoundedVec(b"CC0-1.0".to_vec()),
		BoundedVec(b"https://seeds.example".to_vec()),
	);
	tokio::join!(
		submit_finalized(&api, &sponsor, &alice),
		submit_finalized(&api, &sponsor, &bob),
		submit_finalized(&api, &register, &charlie),
	);
	// Bob contributes; Alice proposes once Dave is a member. Dave is on probation (and a new
	// member counts in the quorum base only from the epoch after it), so three are eligible.
	let contribute = commons.contribute(0, H256::repeat_byte(7), BoundedVec(b"seeds".to_vec()));
	let propose = ostrom::transactions().proposals().submit(
		Track::Standard,
		ProposalKind::Signal,
		BoundedVec(b"plant an orchard".to_vec()),
	);
	tokio::join!(
		submit_finalized(&api, &contribute, &bob),
		submit_finalized(&api, &propose, &alice)
	);
	// Two approvals accept the contribution; Bob casts three votes for the proposal.
	let approve = commons.review(0, true);
	let vote = ostrom::transactions().quadratic_voting().vote(0, true, 3);
	tokio::join!(
		submit_finalized(&api, &approve, &alice),
		submit_finalized(&api, &approve, &charlie),
		submit_finalized(&api, &vote, &bob),
	);

	// Proposals and tallies.
	let proposal = result(port, "dao_proposal", json!([0]));
	assert_eq!(proposal["proposer"], ss58(&alice));
	assert_eq!(proposal["track"], "Standard");
	assert_eq!(proposal["kind"], "Signal");
	assert_eq!(proposal["call"], Value::Null);
	assert_eq!(proposal["metadata"], "plant an orchard");
	assert_eq!(proposal["status"], "Voting");
	assert_eq!(proposal["deposit"], (10 * UNIT).to_string());
	let submitted = proposal["submittedAt"].as_u64().unwrap();
	assert_eq!(proposal["votingEnds"].as_u64(), Some(submitted + 10));
	let tally = &proposal["tally"];
	assert_eq!(
		(&tally["ayes"], &tally["nays"], &tally["voters"]),
		(&json!(3), &json!(0), &json!(1))
	);
	assert_eq!((&tally["credits"], &tally["eligible"]), (&json!(9), &json!(3)));
	assert_eq!((&tally["turnout"], &tally["quorum"]), (&json!("33.3333333%"), &json!("50%")));
	assert_eq!((&tally["approval"], &tally["passing"]), (&json!("50%"), &json!(false)));
	assert_eq!(&result(port, "dao_tally", json!([0])), tally);
	assert_eq!(result(port, "dao_proposal", json!([1])), Value::Null);
	assert_eq!(result(port, "dao_tally", json!([1])), Value::Null);

	let voting = result(port, "dao_proposals", json!(["Voting"]));
	assert_eq!(voting, json!({ "items": [proposal], "next": null }));
	let rejected = result(port, "dao_proposals", json!(["Rejected", 0, 10]));
	assert_eq!(rejected, json!({ "items": [], "next": null }));
	assert_eq!(
		result(port, "dao_proposals", json!([null, 1])),
		json!({ "items": [], "next": null })
	);

	// Members and voice credits.
	let member = result(port, "dao_member", json!([ss58(&dave)]));
	assert_eq!((&member["account"], &member["status"]), (&json!(ss58(&dave)), &json!("Active")));
	let joined = member["joinedAt"].as_u64().unwrap();
	assert!(joined < submitted);
	assert_eq!((&member["reputation"], &member["creditsLeft"]), (&json!(0), &json!(100)));
	assert_eq!(member["suspendedUntil"], Value::Null);
	// Dave's probation lasts ten blocks: the best block may be in it or past it, but the answer
	// is consistent either way, and in the block he joined he is surely on probation.
	match member["probationEnds"].as_u64() {
		Some(ends) => {
			assert_eq!(ends, joined + 10);
			assert_eq!(member["sponsorshipsLeft"], 0, "no sponsoring on probation");
		}
		None => assert_eq!(member["sponsorshipsLeft"], 2, "{member}"),
	}
	let joined_hash = result(port, "chain_getBlockHash", json!([joined]));
	let new_member = result(port, "dao_member", json!([ss58(&dave), joined_hash]));
	assert_eq!(new_member["probationEnds"].as_u64(), Some(joined + 10));
	assert_eq!(new_member["sponsorshipsLeft"], 0);
	let bob_credits = result(port, "dao_voiceCredits", json!([ss58(&bob)]));
	assert_eq!((&bob_credits["spent"], &bob_credits["left"]), (&json!(9), &json!(91)));
	assert_eq!((&bob_credits["epoch"], &bob_credits["perEpoch"]), (&json!(0), &json!(100)));
	let bob_member = result(port, "dao_member", json!([ss58(&bob)]));
	assert_eq!((&bob_member["creditsLeft"], &bob_member["reputation"]), (&json!(91), &json!(10)));
	// A founding member has no probation; sponsoring Dave used one of Bob's two in this epoch.
	assert_eq!(
		(&bob_member["probationEnds"], &bob_member["sponsorshipsLeft"]),
		(&Value::Null, &json!(1))
	);
	// The pages of members and applicants (OstromApi v3): the four members, each as
	// `dao_member` shows it; no applicant now, and Dave alone in the block before he joined.
	let members = result(port, "dao_members", json!([]));
	assert_eq!(members["next"], Value::Null);
	let members = members["items"].as_array().unwrap().clone();
	assert_eq!(members.len(), 4, "{members:?}");
	assert!(members.contains(&member) && members.contains(&bob_member), "{members:?}");
	let first = result(port, "dao_members", json!([null, 1]));
	assert_eq!(first["items"], json!([members[0]]));
	let second = members[1]["account"].clone();
	assert_eq!(first["next"], second);
	assert_eq!(result(port, "dao_members", json!([second, 3]))["items"], json!(members[1..]));
	assert_eq!(result(port, "dao_applicants", json!([])), json!({ "items": [], "next": null }));
	let before_joining = result(port, "chain_getBlockHash", json!([joined - 1]));
	let applicants = result(port, "dao_applicants", json!([null, 10, before_joining]));
	assert_eq!(applicants["next"], Value::Null);
	let applicant = &applicants["items"][0];
	assert_eq!(applicants["items"].as_array().unwrap().len(), 1, "{applicants}");
	assert_eq!(
		(&applicant["account"], &applicant["status"]),
		(&json!(ss58(&dave)), &json!("Applicant"))
	);
	assert_eq!((&applicant["sponsorsRequired"], &applicant["joinedAt"]), (&json!(2), &Value::Null));
	assert!(applicant["sponsors"].as_array().unwrap().len() < 2, "{applicant}");
	assert_eq!(applicant["deposit"], (10 * UNIT).to_string());

	let ferdie = ss58(&dev::ferdie());
	assert_eq!(result(port, "dao_member", json!([ferdie])), Value::Null);
	assert_eq!(result(port, "dao_voiceCredits", json!([ferdie])), Value::Null);

	// Commons and contributions.
	let commons = result(port, "dao_commons", json!([0]));
	assert_eq!((&commons["name"], &commons["kind"]), (&json!("Seed library"), &json!("Food")));
	assert_eq!(
		(&commons["license"], &commons["uri"]),
		(&json!("CC0-1.0"), &json!("https://seeds.example"))
	);
	assert_eq!(commons["stewards"], json!([ss58(&charlie)]));
	assert_eq!(
		(&commons["registrant"], &commons["status"]),
		(&json!(ss58(&charlie)), &json!("Active"))
	);
	assert_eq!(commons["deposit"], (20 * UNIT).to_string());
	assert_eq!(commons["contributions"], json!({ "pending": 0, "accepted": 1, "rejected": 0 }));
	assert_eq!(commons["balance"], "0");
	assert_eq!(result(port, "dao_commons", json!([1])), Value::Null);
	assert_eq!(
		result(port, "dao_listCommons", json!([])),
		json!({ "items": [commons], "next": null })
	);
	let contributions = result(port, "dao_contributions", json!([ss58(&bob)]));
	let contribution = &contributions["items"][0];
	assert_eq!((&contribution["id"], &contribution["commons"]), (&json!(0), &json!(0)));
	assert_eq!(contribution["contentHash"], format!("0x{}", "07".repeat(32)));
	assert_eq!(
		(&contribution["note"], &contribution["status"]),
		(&json!("seeds"), &json!("Accepted"))
	);
	assert_eq!((&contribution["approvals"], &contribution["rejections"]), (&json!(2), &json!(0)));
	assert_eq!(contributions["next"], Value::Null);
	let none = result(port, "dao_contributions", json!([ss58(&alice)]));
	assert_eq!(none, json!({ "items": [], "next": null }));
	// The same contribution in the page of the commons' contributions (OstromApi v3).
	assert_eq!(result(port, "dao_commonsContributions", json!([0])), contributions);
	let elsewhere = result(port, "dao_commonsContributions", json!([1, 0, 10]));
	assert_eq!(elsewhere, json!({ "items": [], "next": null }));

	// The votes on the proposal (OstromApi v3): Bob's three.
	let votes = result(port, "dao_votes", json!([0]));
	let bobs_vote = json!({ "voter": ss58(&bob), "aye": true, "votes": 3, "cost": 9, "epoch": 0 });
	assert_eq!(votes, json!({ "items": [bobs_vote], "next": null }));
	assert_eq!(result(port, "dao_votes", json!([0, ss58(&bob), 1])), votes);
	assert_eq!(result(port, "dao_votes", json!([1])), json!({ "items": [], "next": null }));

	// The treasury: the endowment plus fee income, nothing owed.
	let treasury = result(port, "dao_treasury", json!([]));
	let pot: u128 = treasury["pot"].as_str().unwrap().parse().unwrap();
	assert!(pot > TREASURY_ENDOWMENT, "80 % of the fees paid went to the pot");
	assert_eq!(treasury["earmarked"], "0");
	assert_eq!(treasury["spendable"], (pot - UNIT / 1_000).to_string());
	assert_eq!((&treasury["period"], &treasury["maxShare"]), (&json!(15), &json!("20%")));
	assert_eq!((&treasury["openRounds"], &treasury["grants"]), (&json!([]), &json!([])));

	// At genesis none of it existed.
	let genesis = result(port, "chain_getBlockHash", json!([0]));
	assert_eq!(result(port, "dao_proposal", json!([0, genesis])), Value::Null);
	assert_eq!(result(port, "dao_member", json!([ss58(&dave), genesis])), Value::Null);
	assert_eq!(result(port, "dao_listCommons", json!([0, 10, genesis]))["items"], json!([]));
	let at_genesis = result(port, "dao_treasury", json!([genesis]));
	assert_eq!(at_genesis["pot"], TREASURY_ENDOWMENT.to_string());

	// Malformed parameters are answered with errors, and the node goes on answering.
	let bad = [
		("dao_member", json!(["not-an-address"]), "is not an SS58 address"),
		("dao_voiceCredits", json!([42]), "Invalid params"),
		("dao_contributions", json!(["5Grwva"]), "is not an SS58 address"),
		("dao_proposal", json!(["zero"]), "Invalid params"),
		("dao_proposal", json!([-1]), "Invalid params"),
		("dao_proposal", json!([0, "0x1234"]), "Invalid params"),
		("dao_proposal", json!([0, format!("0x{}", "ab".repeat(32))]), "unknown block"),
		("dao_proposals", json!(["Sleeping"]), "unknown status `Sleeping`"),
		("dao_proposals", json!([null, 0, 101]), "limit 101 is not between 1 and 100"),
		("dao_listCommons", json!([0, 0]), "limit 0 is not between 1 and 100"),
		("dao_commons", json!([]), "Invalid params"),
		("dao_members", json!(["5Grwva"]), "is not an SS58 address"),
		("dao_applicants", json!([null, 0]), "limit 0 is not between 1 and 100"),
		("dao_votes", json!([]), "Invalid params"),
		("dao_votes", json!([0, null, 101]), "limit 101 is not between 1 and 100"),
		("dao_commonsContributions", json!([0, 0, 0]), "limit 0 is not between 1 and 100"),
	];
	for (method, params, message) in bad {
		let (code, text) = error(port, method, params.clone());
		assert_eq!(code, INVALID_PARAMS, "{method} {params}: {text}");
		assert!(text.contains(message), "{method} {params}: {text}");
	}

	// A megabyte where an address, a status or a block hash goes is refused before it is decoded
	// (base-58 decoding of a megabyte took minutes of node CPU), with a short message that does
	// not repeat it. The time is printed, not asserted tightly: it is machine-dependent.
	let megabyte = "5".repeat(1 << 20);
	let started = std::time::Instant::now();
	let (code, text) = error(port, "dao_member", json!([megabyte]));
	let elapsed = started.elapsed();
	println!("dao_member with a 1 MB address: refused in {elapsed:?}");
	assert_eq!(code, INVALID_PARAMS, "{text}");
	assert_eq!(text, "an address of 1048576 bytes: the longest accepted has 64");
	assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
	let oversized = [
		("dao_voiceCredits", json!([megabyte])),
		("dao_contributions", json!([megabyte, 0, 10])),
		("dao_proposals", json!([megabyte])),
		("dao_members", json!([megabyte])),
		("dao_applicants", json!([megabyte, 1])),
		("dao_votes", json!([0, megabyte])),
		("dao_treasury", json!([format!("0x{}", "ab".repeat(1 << 19))])),
	];
	for (method, params) in oversized {
		let (code, text) = error(port, method, params);
		assert_eq!(code, INVALID_PARAMS, "{method}: {text}");
		assert!(text.len() < 200 && !text.contains("5555"), "{method}: {text}");
	}
	assert!(result(port, "chain_getHeader", json!([])).get("number").is_some());
}
