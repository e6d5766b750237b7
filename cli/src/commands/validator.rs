//! `ostrom validator`: an operator registers its node's session keys and asks the DAO to approve
//! it (`join`), anyone reads how the validator set stands (`status`), and a parked validator
//! asks to validate again (`rejoin`).
//!
//! A validator is an account: the operator's, which registers its node's session keys
//! (`Session.set_keys`, holding pallet-session's key deposit) and receives its blocks' fees. The
//! DAO approves it by a Root-track proposal `Validators.add_validator(account)`; the set chosen
//! at a session's start validates two sessions later, so an approved validator validates from
//! the second rotation after its approval.
//!
//! `join` has the operator's own node generate the keys (`author_rotateKeysWithOwner`, an unsafe
//! RPC that a node answers only on its own localhost endpoint): their private halves never leave
//! that node's keystore, and the proof it signs over the operator's account shows the chain that
//! the account holds them.

use super::{
	count, field,
	propose::{propose_call_on, Track},
	Context, Output,
};
use crate::{
	account::{address_of, parse_address},
	chain::{Chain, METHOD_NOT_FOUND},
};
use anyhow::{anyhow, bail, Context as _, Result};
use clap::{Args, Subcommand};
use ostrom_client::{
	ostrom::{
		self,
		runtime_types::{
			ostrom_runtime::SessionKeys,
			pallet_ostrom_membership::types::MemberStatusName,
			pallet_ostrom_validators::types::{ValidatorRules, ValidatorView},
		},
		validators::events::ValidatorRejoined,
	},
	AccountId, BlockNumber,
};
use serde_json::{json, Value as Json};
use subxt::{
	ext::scale_decode::DecodeAsType,
	rpcs::{rpc_params, RpcClient},
	Metadata,
};

/// The RPC that generates session keys in a node's keystore, with a proof of their possession
/// signed over an owner.
const ROTATE_KEYS: &str = "author_rotateKeysWithOwner";

#[derive(Debug, Subcommand)]
pub enum ValidatorCommand {
	/// Register your node's session keys for your account (--suri), so that the DAO can approve
	/// it as a validator; with --propose, also propose the approval (a DAO member only).
	///
	/// Your node generates the keys (Aura sr25519 and GRANDPA ed25519) in its keystore and
	/// signs a proof of their possession over your account (author_rotateKeysWithOwner): the
	/// node at --keys-url must be your validator's own, reached on its localhost RPC (directly
	/// or through an SSH tunnel), since a node answers this unsafe RPC nowhere else; or give
	/// --keys and --proof generated there. Registering keys holds a deposit (1 OST); running
	/// `join` again replaces the keys.
	Join(JoinArgs),
	/// Show the session, the validator rules, who validates now and next, and every approved
	/// validator's standing; with an account, only its standing, approved or not (its
	/// registered keys too). `--json` prints the same as JSON.
	Status {
		/// The SS58 address to look up.
		#[arg(value_parser = parse_address)]
		account: Option<AccountId>,
		#[command(flatten)]
		output: Output,
	},
	/// Ask to validate again after your validator (--suri) was parked for missing sessions:
	/// it is in the set chosen at the next rotation. If its node still authors nothing, it is
	/// parked again after as many silent sessions.
	Rejoin,
}

/// Where the keys come from, and whether to propose the approval.
#[derive(Debug, Args)]
pub struct JoinArgs {
	/// The WebSocket RPC of your validator's node, which generates the keys: by default --url.
	#[arg(long, value_name = "URL", conflicts_with = "keys")]
	keys_url: Option<String>,
	/// Register these session keys (SCALE-encoded SessionKeys, as 0x-hex) instead of asking a
	/// node for new ones: e.g. the `keys` that `author_rotateKeysWithOwner` answered.
	#[arg(long, value_parser = parse_hex, requires = "proof")]
	keys: Option<Hex>,
	/// The proof of possession of --keys, signed over your account (as 0x-hex): the `proof`
	/// that `author_rotateKeysWithOwner` answered.
	#[arg(long, value_parser = parse_hex, requires = "keys")]
	proof: Option<Hex>,
	/// Also propose that the DAO approve you (Validators.add_validator on the Root track): for
	/// an operator who is a DAO member.
	#[arg(long)]
	propose: bool,
	/// A hash of, or a link to, the proposal's text (with --propose).
	#[arg(long, default_value = "", requires = "propose")]
	metadata: String,
}

/// Bytes written as 0x-hex.
#[derive(Clone, Debug)]
pub struct Hex(Vec<u8>);

/// Reads bytes written as 0x-hex (a clap value parser).
fn parse_hex(text: &str) -> Result<Hex, String> {
	let digits = text.strip_prefix("0x").unwrap_or(text);
	let bytes = hex::decode(digits).map_err(|error| format!("`{text}` is not hex: {error}"))?;
	if bytes.is_empty() {
		return Err("give at least one byte".into());
	}
	Ok(Hex(bytes))
}

pub async fn run(context: &Context, command: ValidatorCommand) -> Result<()> {
	match command {
		ValidatorCommand::Join(args) => join(context, args).await,
		ValidatorCommand::Status { account, output } => {
			let chain = context.connect().await?;
			let standing = Standing::read(&chain).await?;
			match account {
				Some(account) => {
					let keys =
						chain.storage(ostrom::storage().session().next_keys(), (account,)).await?;
					let shown = AccountStanding::of(&standing, account, keys);
					if output.json {
						println!("{}", serde_json::to_string_pretty(&shown.json(&standing))?);
					} else {
						shown.show(&standing);
					}
				}
				None if output.json => {
					println!("{}", serde_json::to_string_pretty(&standing.json())?);
				}
				None => standing.show(),
			}
			Ok(())
		}
		ValidatorCommand::Rejoin => {
			let signer = context.signer()?;
			let chain = context.connect().await?;
			let rejoin = ostrom::transactions().validators().rejoin();
			let rejoined: ValidatorRejoined =
				chain.submit(&signer, &rejoin).await?.expect_event()?;
			let (_, next_rotation) = rules(&chain).await?;
			println!(
				"{} is no longer parked: it is in the set chosen at the next rotation (block \
				 #{next_rotation}) and validates from the rotation after",
				rejoined.who
			);
			Ok(())
		}
	}
}

/// `validator join`: new session keys from the operator's node (or given), registered for the
/// signer's account; with `--propose`, the Root-track proposal to approve it.
async fn join(context: &Context, args: JoinArgs) -> Result<()> {
	let JoinArgs { keys_url, keys, proof, propose, metadata } = args;
	let signer = context.signer()?;
	let chain = context.connect().await?;
	let account = address_of(&signer);
	let approved = validators(&chain).await?.into_iter().any(|view| view.account == account);
	// What the chain would refuse only after the keys were set: refused before anything is.
	if propose {
		if approved {
			bail!("{account} is an approved validator already: there is nothing to propose");
		}
		let member = chain.view(ostrom::runtime_apis().ostrom_api().member(account)).await?;
		if !member.is_some_and(|member| member.status == MemberStatusName::Active) {
			bail!(
				"--propose: {account} is not an active DAO member, so it cannot propose; join \
				 without --propose and ask a member to propose your approval"
			);
		}
	}

	let generated = match (keys, proof) {
		(Some(Hex(keys)), Some(Hex(proof))) => Generated { keys, proof },
		_ => {
			let url = keys_url.as_deref().unwrap_or(&context.url);
			eprintln!("asking the node at {url} for new session keys owned by {account}");
			rotate_keys(url, &account).await?
		}
	};
	let runtime = chain.metadata().await?;
	let keys = decode_keys(&runtime, &generated.keys)?;
	let set_keys = ostrom::transactions().session().set_keys(keys.clone(), generated.proof);
	chain.submit(&signer, &set_keys).await?;
	println!("{account} registered its session keys:");
	field("aura", format!("{} (sr25519)", hex_of(&keys.aura.0)));
	field("grandpa", format!("{} (ed25519)", hex_of(&keys.grandpa.0)));

	let (_, next_rotation) = rules(&chain).await?;
	if approved {
		println!(
			"{account} is an approved validator: its new keys are used from the second rotation \
			 on (the next is at block #{next_rotation})"
		);
		return Ok(());
	}
	let add = ostrom::transactions().validators().add_validator(account);
	let enacted = format!(
		"once it is enacted, {account} validates from the second session rotation after (the \
		 next rotation is at block #{next_rotation})"
	);
	if propose {
		let id = propose_call_on(&chain, &signer, Track::Root, &add, metadata).await?;
		println!("next: the DAO votes on proposal #{id}; {enacted}");
	} else {
		let call = hex_of(&chain.call_data(&add).await?);
		println!(
			"next: a DAO member proposes your approval, Validators.add_validator on the Root \
			 track:"
		);
		println!("  ostrom propose call {call} --track root");
		println!("{enacted}");
	}
	Ok(())
}

/// Session keys and the proof of their possession, SCALE-encoded.
#[derive(Debug)]
struct Generated {
	keys: Vec<u8>,
	proof: Vec<u8>,
}

/// Asks the node at `url` to generate session keys in its keystore, with a proof of their
/// possession signed over `owner` (`author_rotateKeysWithOwner`).
async fn rotate_keys(url: &str, owner: &AccountId) -> Result<Generated> {
	let rpc = RpcClient::from_insecure_url(url)
		.await
		.with_context(|| format!("cannot connect to a node at {url}"))?;
	let owner = hex_of(&owner.0);
	let answer: Json =
		rpc.request(ROTATE_KEYS, rpc_params![owner]).await.map_err(|error| match error {
			subxt::rpcs::Error::User(error) if error.code == METHOD_NOT_FOUND => {
				if error.message.contains("unsafe") {
					anyhow!(
						"the node at {url} refuses {ROTATE_KEYS}, an unsafe RPC: a node answers it \
						 only on an endpoint that listens on localhost alone, or with --rpc-methods \
						 unsafe; give --keys-url your validator node's local RPC (e.g. through an \
						 SSH tunnel), or --keys and --proof"
					)
				} else {
					anyhow!("the node at {url} does not serve {ROTATE_KEYS}: is it an Ostrom node?")
				}
			}
			subxt::rpcs::Error::User(error) => {
				anyhow!("the node at {url} refused {ROTATE_KEYS}: {}", error.message)
			}
			other => anyhow!(other).context(format!("{ROTATE_KEYS} failed")),
		})?;
	generated_keys(&answer).with_context(|| format!("the node at {url} answered {answer}"))
}

/// The keys and proof in `author_rotateKeysWithOwner`'s answer, `{"keys": "0x…", "proof":
/// "0x…"}`.
fn generated_keys(answer: &Json) -> Result<Generated> {
	let bytes = |name: &str| -> Result<Option<Vec<u8>>> {
		let Some(text) = answer.get(name).and_then(Json::as_str) else { return Ok(None) };
		let Hex(bytes) = parse_hex(text).map_err(|problem| anyhow!("its {name}: {problem}"))?;
		Ok(Some(bytes))
	};
	let keys = bytes("keys")?.ok_or_else(|| anyhow!("no keys"))?;
	let proof = bytes("proof")?.ok_or_else(|| {
		anyhow!("no proof of possession: is its runtime older than SessionKeys v2?")
	})?;
	Ok(Generated { keys, proof })
}

/// The runtime's `SessionKeys` from their SCALE encoding, read against the chain's `metadata`
/// (the type of `Session.set_keys`'s `keys`).
fn decode_keys(metadata: &Metadata, encoded: &[u8]) -> Result<SessionKeys> {
	let set_keys = metadata
		.pallet_by_name("Session")
		.and_then(|pallet| pallet.call_variant_by_name("set_keys"))
		.ok_or_else(|| anyhow!("the chain's runtime has no Session.set_keys"))?;
	let field = set_keys
		.fields
		.iter()
		.find(|field| field.name.as_deref() == Some("keys"))
		.ok_or_else(|| anyhow!("Session.set_keys takes no keys"))?;
	let mut input = encoded;
	let keys =
		SessionKeys::decode_as_type(&mut input, field.ty.id, metadata.types()).map_err(|_| {
			anyhow!(
				"the keys ({} bytes) are not the runtime's SessionKeys (Aura sr25519, then \
				 GRANDPA ed25519)",
				encoded.len()
			)
		})?;
	if !input.is_empty() {
		bail!(
			"the keys are {} bytes, more than the runtime's SessionKeys ({} bytes)",
			encoded.len(),
			encoded.len() - input.len()
		);
	}
	Ok(keys)
}

/// Bytes as 0x-hex.
fn hex_of(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// Every approved validator and its standing (`Validators.validators`).
async fn validators(chain: &Chain) -> Result<Vec<ValidatorView<AccountId>>> {
	chain.view_function(ostrom::view_functions().validators().validators()).await
}

/// The validator rules in force and the block at which the next session starts
/// (`Validators.rules`).
async fn rules(chain: &Chain) -> Result<(ValidatorRules<BlockNumber>, BlockNumber)> {
	chain.view_function(ostrom::view_functions().validators().rules()).await
}

/// How the validator set stands at the last finalized block.
struct Standing {
	session: u32,
	next_rotation: BlockNumber,
	rules: ValidatorRules<BlockNumber>,
	/// The approved validators, in the order they were added.
	approved: Vec<ValidatorView<AccountId>>,
	/// Who validates in this session (`Session.Validators`).
	current: Vec<AccountId>,
	/// Who validates in the next session (the accounts of `Session.QueuedKeys`).
	queued: Vec<AccountId>,
}

impl Standing {
	async fn read(chain: &Chain) -> Result<Standing> {
		let session = ostrom::storage().session();
		let index = chain.storage(session.current_index(), ()).await?.unwrap_or_default();
		let (rules, next_rotation) = rules(chain).await?;
		let current = chain.storage(session.validators(), ()).await?.unwrap_or_default();
		let queued = chain.storage(session.queued_keys(), ()).await?.unwrap_or_default();
		Ok(Standing {
			session: index,
			next_rotation,
			rules,
			approved: validators(chain).await?,
			current,
			queued: queued.into_iter().map(|(account, _)| account).collect(),
		})
	}

	fn show(&self) {
		field("session", self.session_line());
		field("rules", rules_line(&self.rules));
		field("validating", accounts(&self.current));
		field(
			"queued",
			format!("{} (validate in session {})", accounts(&self.queued), self.session + 1),
		);
		println!("{}:", count(self.approved.len() as u64, "approved validator"));
		for view in &self.approved {
			println!("  {}", self.one_line(view));
		}
	}

	fn session_line(&self) -> String {
		format!("{}; the next starts at block #{}", self.session, self.next_rotation)
	}

	/// An approved validator on one line: account, then its standing.
	fn one_line(&self, view: &ValidatorView<AccountId>) -> String {
		let mut parts = vec![
			if view.has_keys { "keys" } else { "no keys" }.to_string(),
			if view.in_current_set { "validating" } else { "not validating" }.to_string(),
			if self.queued.contains(&view.account) { "queued" } else { "not queued" }.to_string(),
		];
		if let Some(session) = view.parked_since {
			parts.push(format!("parked since session {session}"));
		}
		parts.push(format!("missed {}", count(view.missed_sessions, "session")));
		parts.push(match view.last_authored {
			Some(session) => format!("last authored in session {session}"),
			None => "never authored".into(),
		});
		format!("{}  {}", view.account, parts.join(", "))
	}

	fn json(&self) -> Json {
		json!({
			"session": self.session,
			"nextRotation": self.next_rotation,
			"rules": rules_json(&self.rules),
			"validators": self.approved.iter().map(|view| json!({
				"account": view.account.to_string(),
				"hasKeys": view.has_keys,
				"inCurrentSet": view.in_current_set,
				"queued": self.queued.contains(&view.account),
				"parkedSince": view.parked_since,
				"missedSessions": view.missed_sessions,
				"lastAuthored": view.last_authored,
			})).collect::<Vec<_>>(),
			"currentSet": self.current.iter().map(ToString::to_string).collect::<Vec<_>>(),
			"queuedSet": self.queued.iter().map(ToString::to_string).collect::<Vec<_>>(),
		})
	}
}

/// One account's standing as a validator, approved or not.
struct AccountStanding {
	account: AccountId,
	/// Its standing, if the DAO approved it.
	approved: Option<ValidatorView<AccountId>>,
	/// Its registered session keys (`Session.NextKeys`), if any.
	keys: Option<SessionKeys>,
	in_current_set: bool,
	queued: bool,
}

impl AccountStanding {
	fn of(standing: &Standing, account: AccountId, keys: Option<SessionKeys>) -> AccountStanding {
		let approved = standing.approved.iter().find(|view| view.account == account).cloned();
		AccountStanding {
			in_current_set: standing.current.contains(&account),
			queued: standing.queued.contains(&account),
			account,
			approved,
			keys,
		}
	}

	fn show(&self, standing: &Standing) {
		for (label, value) in self.described(standing) {
			field(label, value);
		}
	}

	/// The lines `validator status <account>` prints, label and value: kept apart from
	/// printing so that tests can read them.
	fn described(&self, standing: &Standing) -> Vec<(&'static str, String)> {
		let account = &self.account;
		let mut lines = vec![("account", account.to_string())];
		lines.push((
			"approved",
			match &self.approved {
				Some(_) => "yes".into(),
				None => format!(
					"no: a Root-track proposal Validators.add_validator({account}) approves it"
				),
			},
		));
		lines.push((
			"session keys",
			match &self.keys {
				Some(keys) => {
					format!("aura {}, grandpa {}", hex_of(&keys.aura.0), hex_of(&keys.grandpa.0))
				}
				None => "none: `ostrom validator join` registers them".into(),
			},
		));
		let yes_no = |yes: bool| if yes { "yes" } else { "no" };
		lines.push((
			"validating",
			format!("{} (session {})", yes_no(self.in_current_set), standing.session),
		));
		lines.push((
			"queued",
			format!(
				"{} (for session {}, from block #{})",
				yes_no(self.queued),
				standing.session + 1,
				standing.next_rotation
			),
		));
		if let Some(view) = &self.approved {
			if let Some(session) = view.parked_since {
				lines.push((
					"parked",
					format!(
						"since session {session}: `ostrom validator rejoin` asks to validate again"
					),
				));
			}
			lines.push(("missed", format!("{} in a row", count(view.missed_sessions, "session"))));
			lines.push((
				"last authored",
				view.last_authored
					.map_or("never".into(), |session| format!("in session {session}")),
			));
		}
		lines
	}

	fn json(&self, standing: &Standing) -> Json {
		let approved = self.approved.as_ref();
		json!({
			"account": self.account.to_string(),
			"approved": approved.is_some(),
			"hasKeys": self.keys.is_some(),
			"keys": self.keys.as_ref().map(|keys| json!({
				"aura": hex_of(&keys.aura.0),
				"grandpa": hex_of(&keys.grandpa.0),
			})),
			"inCurrentSet": self.in_current_set,
			"queued": self.queued,
			"parkedSince": approved.and_then(|view| view.parked_since),
			"missedSessions": approved.map(|view| view.missed_sessions),
			"lastAuthored": approved.and_then(|view| view.last_authored),
			"session": standing.session,
			"nextRotation": standing.next_rotation,
		})
	}
}

/// The validator rules on one line.
fn rules_line(rules: &ValidatorRules<BlockNumber>) -> String {
	format!(
		"sessions of {}; at least {} active; parked after {} without a block",
		count(rules.session_length, "block"),
		count(rules.min_validators, "validator"),
		count(rules.max_missed_sessions, "session")
	)
}

fn rules_json(rules: &ValidatorRules<BlockNumber>) -> Json {
	json!({
		"sessionLength": rules.session_length,
		"minValidators": rules.min_validators,
		"maxMissedSessions": rules.max_missed_sessions,
	})
}

/// Accounts separated by commas, or `none`.
fn accounts(accounts: &[AccountId]) -> String {
	if accounts.is_empty() {
		return "none".into();
	}
	accounts.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
	use super::*;
	use ostrom_client::ostrom::runtime_types::{
		sp_consensus_aura::sr25519::app_sr25519, sp_consensus_grandpa::app,
	};

	const EVE: &str = "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw";

	fn metadata() -> Metadata {
		Metadata::decode_from(ostrom_client::METADATA).expect("the metadata decodes")
	}

	/// Eve's keys as `author_rotateKeysWithOwner` encodes them: Aura's, then GRANDPA's.
	fn eves_keys() -> Vec<u8> {
		[[0xaa; 32], [0x99; 32]].concat()
	}

	fn standing() -> Standing {
		let alice: AccountId = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY".parse().unwrap();
		Standing {
			session: 4,
			next_rotation: 600,
			rules: ValidatorRules {
				session_length: 120,
				min_validators: 1,
				max_missed_sessions: 3,
			},
			approved: vec![ValidatorView {
				account: alice,
				has_keys: true,
				in_current_set: true,
				parked_since: None,
				missed_sessions: 0,
				last_authored: Some(4),
			}],
			current: vec![alice],
			queued: vec![alice],
		}
	}

	fn value_of<'a>(lines: &'a [(&'static str, String)], label: &str) -> Option<&'a str> {
		lines.iter().find(|(name, _)| *name == label).map(|(_, value)| value.as_str())
	}

	#[test]
	fn bytes_are_hex() {
		assert_eq!(parse_hex("0x0e00").unwrap().0, [0x0e, 0x00]);
		assert_eq!(parse_hex("AB").unwrap().0, [0xab]);
		assert!(parse_hex("0x").is_err());
		assert!(parse_hex("0xabc").is_err());
		assert!(parse_hex("0xzz").is_err());
	}

	#[test]
	fn the_keys_decode_as_the_runtimes_session_keys() {
		let keys = decode_keys(&metadata(), &eves_keys()).unwrap();
		assert_eq!(keys.aura, app_sr25519::Public([0xaa; 32]));
		assert_eq!(keys.grandpa, app::Public([0x99; 32]));
		let short = decode_keys(&metadata(), &eves_keys()[..63]).unwrap_err();
		assert!(short.to_string().starts_with("the keys (63 bytes) are not the runtime's"));
		let long = decode_keys(&metadata(), &[eves_keys(), vec![0]].concat()).unwrap_err();
		assert_eq!(
			long.to_string(),
			"the keys are 65 bytes, more than the runtime's SessionKeys (64 bytes)"
		);
	}

	#[test]
	fn the_node_answers_keys_and_a_proof() {
		let answer = json!({ "keys": hex_of(&eves_keys()), "proof": "0x0102" });
		let generated = generated_keys(&answer).unwrap();
		assert_eq!((generated.keys, generated.proof), (eves_keys(), vec![1, 2]));
		let without_proof = json!({ "keys": hex_of(&eves_keys()) });
		let refused = generated_keys(&without_proof).unwrap_err().to_string();
		assert!(refused.contains("no proof of possession"), "{refused}");
		assert!(generated_keys(&json!({ "keys": "0xno", "proof": "0x01" })).is_err());
	}

	#[test]
	fn an_account_without_approval_is_told_how_to_get_it() {
		let eve: AccountId = EVE.parse().unwrap();
		let keys = decode_keys(&metadata(), &eves_keys()).unwrap();
		let standing = standing();
		let registered = AccountStanding::of(&standing, eve, Some(keys));
		let lines = registered.described(&standing);
		let approval =
			format!("no: a Root-track proposal Validators.add_validator({EVE}) approves it");
		assert_eq!(value_of(&lines, "approved"), Some(&*approval));
		let keys = format!("aura 0x{}, grandpa 0x{}", "aa".repeat(32), "99".repeat(32));
		assert_eq!(value_of(&lines, "session keys"), Some(&*keys));
		assert_eq!(value_of(&lines, "queued"), Some("no (for session 5, from block #600)"));
		// Only an approved validator has a record of its sessions.
		assert_eq!(value_of(&lines, "missed"), None);
		let json = registered.json(&standing);
		assert_eq!(
			(json["approved"].as_bool(), json["hasKeys"].as_bool()),
			(Some(false), Some(true))
		);
		assert!(json["missedSessions"].is_null(), "{json}");

		let unknown = AccountStanding::of(&standing, eve, None).described(&standing);
		let join = "none: `ostrom validator join` registers them";
		assert_eq!(value_of(&unknown, "session keys"), Some(join));
	}

	#[test]
	fn a_parked_validator_is_told_to_rejoin() {
		let mut standing = standing();
		let alice = standing.approved[0].account;
		standing.approved[0].parked_since = Some(3);
		standing.approved[0].missed_sessions = 1;
		let lines = AccountStanding::of(&standing, alice, None).described(&standing);
		assert_eq!(value_of(&lines, "approved"), Some("yes"));
		let parked = "since session 3: `ostrom validator rejoin` asks to validate again";
		assert_eq!(value_of(&lines, "parked"), Some(parked));
		assert_eq!(value_of(&lines, "missed"), Some("1 session in a row"));
		assert_eq!(value_of(&lines, "last authored"), Some("in session 4"));
		let line = standing.one_line(&standing.approved[0]);
		let described = "keys, validating, queued, parked since session 3, missed 1 session, last \
			 authored in session 4";
		assert_eq!(line, format!("{alice}  {described}"));
	}

	#[test]
	fn the_rules_read_in_words() {
		assert_eq!(
			rules_line(&standing().rules),
			"sessions of 120 blocks; at least 1 validator active; parked after 3 sessions without \
			 a block"
		);
	}
}
