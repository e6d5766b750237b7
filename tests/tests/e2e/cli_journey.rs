//! A member's journey through the `ostrom` command line, on a `--dev` node that seals blocks on
//! demand: Dave
//! applies and Alice and Bob sponsor him; his proposals that could only fail are refused before
//! they are signed; Dave proposes that the treasury pay Ferdie 1 OST;
//! Alice and Bob vote for it with 2 votes each (4 credits), while Charlie's 11 votes (121
//! credits) are refused and Dave registers a commons, makes Alice a steward of it, records a
//! contribution to it and Alice and Bob accept it; after the voting period Dave closes the proposal, it is enacted two blocks
//! later and Ferdie has exactly 1 OST more. The test runs the CLI as a process and checks what
//! it prints, in text and with `--json`.
//!
//! [`Ostrom`], the binary run as a process, serves the other CLI scenarios too
//! (`cli_validator`).

use ostrom_e2e::{account_of, free_balance, node_binary, seal_until, wait_for_blocks, Node};
use serde_json::Value as Json;
use std::{path::PathBuf, time::Duration};
use subxt_signer::sr25519::dev;
use tokio::process::Command;

const UNIT: u128 = 1_000_000_000_000;
const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const DAVE: &str = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
const FERDIE: &str = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";

/// What one run of `ostrom` did.
pub(crate) struct Run {
	pub(crate) success: bool,
	pub(crate) stdout: String,
	pub(crate) stderr: String,
}

/// The `ostrom` binary, pointed at one node.
pub(crate) struct Ostrom {
	binary: PathBuf,
	url: String,
}

impl Ostrom {
	pub(crate) fn new(node: &Node) -> Ostrom {
		let binary = node_binary().with_file_name("ostrom");
		assert!(
			binary.exists(),
			"{} is missing: build it with `cargo build --release --workspace --all-targets`",
			binary.display()
		);
		Ostrom { binary, url: node.ws_url() }
	}

	/// Runs `ostrom --url <node> [--suri <signer>] <args>`.
	pub(crate) async fn run(&self, signer: Option<&str>, args: &[&str]) -> Run {
		let mut command = Command::new(&self.binary);
		command.env_remove("OSTROM_URL").env_remove("OSTROM_SURI");
		command.args(["--url", &self.url]);
		if let Some(signer) = signer {
			command.args(["--suri", signer]);
		}
		let output = command.args(args).output().await.expect("ostrom runs");
		Run {
			success: output.status.success(),
			stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
			stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
		}
	}

	/// Runs a command that must succeed; what it printed.
	pub(crate) async fn ok(&self, signer: Option<&str>, args: &[&str]) -> Run {
		let run = self.run(signer, args).await;
		assert!(
			run.success,
			"`ostrom {}` failed\nstdout:\n{}\nstderr:\n{}",
			args.join(" "),
			run.stdout,
			run.stderr
		);
		run
	}

	/// Signs and sends as `signer`: the command must report its progress and succeed.
	pub(crate) async fn send(&self, signer: &str, args: &[&str]) -> String {
		let run = self.ok(Some(signer), args).await;
		for step in ["submitted 0x", "in block #", "finalized in block #"] {
			assert!(run.stderr.contains(step), "no `{step}` in the progress:\n{}", run.stderr);
		}
		run.stdout
	}

	/// Runs a read command with `--json`; its output, which must be JSON.
	pub(crate) async fn json(&self, args: &[&str]) -> Json {
		let run = self.ok(None, &[args, &["--json"]].concat()).await;
		serde_json::from_str(&run.stdout)
			.unwrap_or_else(|e| panic!("`--json` printed no JSON ({e}):\n{}", run.stdout))
	}
}

/// The number after the first `marker` in `text`.
pub(crate) fn number_after(text: &str, marker: &str) -> u32 {
	let start = text.find(marker).unwrap_or_else(|| panic!("no `{marker}` in:\n{text}"));
	let digits: String =
		text[start + marker.len()..].chars().take_while(char::is_ascii_digit).collect();
	digits.parse().unwrap_or_else(|_| panic!("no number after `{marker}` in:\n{text}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_joins_proposes_a_spend_and_the_dao_pays() {
	let mut node = Node::start_manual_seal("cli");
	let rpc = node.rpc().await;
	wait_for_blocks(&rpc, 1, 1, Duration::from_secs(120)).await;
	let api = node.api().await;
	let ostrom = Ostrom::new(&node);
	let ferdie_before = free_balance(&api, account_of(&dev::ferdie())).await;

	// Dave applies; Alice and Bob sponsor him at the same time, and the second admits him.
	let applied = ostrom.send("//Dave", &["member", "apply", "--metadata", "ipfs://dave"]).await;
	assert!(applied.contains(DAVE) && applied.contains("10 OST is held"), "{applied}");
	let applicant = ostrom.json(&["member", "show", DAVE]).await;
	assert_eq!(applicant["status"], "Applicant");
	assert_eq!(applicant["deposit"], (10 * UNIT).to_string());
	let sponsor = ["member", "sponsor", DAVE];
	let (by_alice, by_bob) =
		tokio::join!(ostrom.send("//Alice", &sponsor), ostrom.send("//Bob", &sponsor));
	let sponsored = by_alice + &by_bob;
	assert!(sponsored.contains("1 sponsor so far"), "{sponsored}");
	assert!(sponsored.contains("now a member"), "{sponsored}");

	let member = ostrom.json(&["member", "show", DAVE]).await;
	assert_eq!(member["account"], DAVE);
	assert_eq!(member["status"], "Active");
	let joined = member["joinedAt"].as_u64().unwrap_or_else(|| panic!("{member}"));
	assert_eq!(member["creditsLeft"], 100);
	// A new member is on probation for ten blocks, unless the chain is past them already:
	// they may propose, but neither vote nor sponsor.
	if let Some(ends) = member["probationEnds"].as_u64() {
		assert_eq!(ends, joined + 10, "{member}");
		assert_eq!(member["sponsorshipsLeft"], 0, "{member}");
	}
	// Without an address, `member show` shows the signer.
	let shown = ostrom.ok(Some("//Dave"), &["member", "show"]).await.stdout;
	assert!(shown.contains(DAVE) && shown.contains("Active"), "{shown}");
	assert!(shown.contains("sponsorships"), "{shown}");
	if shown.contains("on probation") {
		let until = format!("until block #{}: may neither vote nor sponsor yet", joined + 10);
		assert!(shown.contains(&until), "{shown}");
	}

	// What the chain could only refuse at enactment, or as undecodable, is refused before
	// signing: a spend of nothing and rules without a voting period by the runtime's dry run of
	// their enactment, a statement over the chain's bound by the bound in its metadata.
	let dave = Some("//Dave");
	let nothing = ostrom.run(dave, &["propose", "spend", FERDIE, "0"]).await;
	assert!(
		nothing.stderr.contains(
			"error: enacted now on the Standard track, the call would fail: Treasury::ZeroAmount"
		),
		"{}",
		nothing.stderr
	);
	let no_period = ostrom.run(dave, &["propose", "rules", "--voting-period", "0"]).await;
	assert!(no_period.stderr.contains("Proposals::ZeroVotingPeriod"), "{}", no_period.stderr);
	let statement = "x".repeat(257);
	let too_long = ostrom.run(dave, &["propose", "signal", &statement]).await;
	let bound = "the statement is 257 bytes; the chain's bound is Proposals.MaxMetadataLen = 256";
	assert!(too_long.stderr.contains(bound), "{}", too_long.stderr);
	for refused in [nothing, no_period, too_long] {
		assert!(!refused.success && !refused.stderr.contains("submitted 0x"), "{}", refused.stderr);
	}

	// Dave proposes to pay Ferdie 1 OST.
	let proposed =
		ostrom.send("//Dave", &["propose", "spend", FERDIE, "1", "--metadata", "pay Ferdie"]).await;
	let id = number_after(&proposed, "submitted proposal #");
	assert!(proposed.contains("Standard track"), "{proposed}");
	let proposal = ostrom.json(&["proposals", &id.to_string()]).await;
	assert_eq!(proposal["status"], "Voting");
	assert_eq!(proposal["call"], "Treasury.spend");
	assert_eq!(proposal["metadata"], "pay Ferdie");
	let voting_ends = proposal["votingEnds"].as_u64().expect("votingEnds is a block number");
	assert_eq!(u64::from(number_after(&proposed, "voting ends at block #")), voting_ends);

	// Alice and Bob vote for it with 2 votes each; Charlie's 11 votes cost more than he has.
	// Meanwhile Dave registers a commons: each signer sends one transaction at a time.
	let id_text = id.to_string();
	let (two, eleven) =
		(["vote", &id_text, "--aye", "--votes", "2"], ["vote", &id_text, "--aye", "--votes", "11"]);
	let register =
		["commons", "register", "seed-library", "--kind", "knowledge", "--license", "CC-BY-SA-4.0"];
	let (alice, bob, charlie, registered) = tokio::join!(
		ostrom.run(Some("//Alice"), &two),
		ostrom.run(Some("//Bob"), &two),
		ostrom.run(Some("//Charlie"), &eleven),
		ostrom.send("//Dave", &register),
	);
	for vote in [&alice, &bob] {
		assert!(vote.success, "the vote failed:\n{}\n{}", vote.stdout, vote.stderr);
		assert!(
			vote.stderr.contains("2 aye votes cost 4 voice credits; you have 100 of 100 left"),
			"{}",
			vote.stderr
		);
		assert!(
			vote.stdout.contains("with 2 votes for 4 voice credits; 96 left"),
			"{}",
			vote.stdout
		);
	}
	assert!(!charlie.success, "121 credits are more than 100:\n{}", charlie.stdout);
	assert!(charlie.stderr.contains("11 aye votes cost 121 voice credits"), "{}", charlie.stderr);
	assert!(
		charlie.stderr.contains("error: QuadraticVoting::NotEnoughCredits: The vote costs more"),
		"{}",
		charlie.stderr
	);
	let tally = ostrom.json(&["proposals", &id_text]).await["tally"].clone();
	assert_eq!((tally["ayes"].as_u64(), tally["voters"].as_u64()), (Some(4), Some(2)), "{tally}");

	let commons = number_after(&registered, "registered commons #");
	let shown = ostrom.json(&["commons", "show", &commons.to_string()]).await;
	assert_eq!(shown["id"], commons);
	assert_eq!(shown["name"], "seed-library");
	assert_eq!(shown["kind"], "Knowledge");
	assert_eq!(shown["license"], "CC-BY-SA-4.0");
	assert_eq!(shown["registrant"], DAVE);
	assert_eq!(shown["stewards"], serde_json::json!([DAVE]));

	// While the vote runs, Dave makes Alice a steward of his commons and records a contribution
	// to it; Alice and Bob accept it (the deciding approval needs a steward: Alice is one).
	let commons_text = commons.to_string();
	let appointed = ostrom.send("//Dave", &["commons", "add-steward", &commons_text, ALICE]).await;
	assert!(appointed.contains(&format!("{ALICE} now stewards commons #{commons}")), "{appointed}");
	let contribute =
		["commons", "contribute", &commons_text, "--content", "tomato seeds", "--note", "harvest"];
	let contributed = ostrom.send("//Dave", &contribute).await;
	let contribution = number_after(&contributed, "recorded contribution #").to_string();
	let review = ["commons", "review", &contribution, "--approve"];
	let (first, second) =
		tokio::join!(ostrom.send("//Alice", &review), ostrom.send("//Bob", &review));
	let reviews = first + &second;
	assert!(reviews.contains(&format!("contribution #{contribution} is accepted")), "{reviews}");
	let shown = ostrom.json(&["commons", "show", &commons_text]).await;
	let counts = serde_json::json!({ "pending": 0, "accepted": 1, "rejected": 0 });
	assert_eq!(shown["contributions"], counts, "{shown}");
	assert_eq!(ostrom.json(&["member", "show", DAVE]).await["reputation"], 10);

	// Once the voting period has passed, Dave closes it: approved, and enacted two blocks later.
	seal_until(&rpc, voting_ends as u32).await;
	let closed = ostrom.send("//Dave", &["close", &id_text]).await;
	assert!(closed.contains(&format!("proposal #{id} is approved")), "{closed}");
	let enactment = number_after(&closed, "enacted in block #");
	seal_until(&rpc, enactment).await;

	let proposals = ostrom.json(&["proposals"]).await;
	let items = proposals["items"].as_array().expect("a page has items");
	let executed = items.iter().find(|item| item["id"] == id).expect("the proposal is listed");
	assert_eq!(executed["status"], "Executed", "{executed}");
	let listed = ostrom.ok(None, &["proposals", "--status", "executed"]).await.stdout;
	assert!(
		listed.starts_with(&format!("#{id} ")) && listed.contains("Treasury.spend"),
		"{listed}"
	);
	assert_eq!(free_balance(&api, account_of(&dev::ferdie())).await, ferdie_before + UNIT);

	// The treasury reads as JSON too, balances as decimal strings.
	let treasury = ostrom.json(&["treasury"]).await;
	assert!(treasury["pot"].as_str().is_some_and(|pot| pot.parse::<u128>().is_ok()), "{treasury}");
}
