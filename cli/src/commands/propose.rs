//! `ostrom propose`: submit a proposal, a signal or a call to enact: any SCALE-encoded call, a
//! treasury spend, new governance rules, or a runtime upgrade.
//!
//! Before anything is signed, the proposal's text is checked against the chain's bound, and its
//! call is dry-run by the runtime as its enactment would dispatch it: a call that fails now (a
//! spend of nothing, rules that `set_rules` refuses, a call the track's origin may not make) is
//! refused with the runtime's own error, unless `--no-dry-run` says that it can only succeed in
//! the state the chain will have by its enactment.

use super::Context;
use crate::{
	account::parse_address,
	bounds::check_length,
	chain::{Chain, DryRun, PalletError},
	rules::{differences, RuleChanges},
};
use anyhow::{anyhow, bail, Result};
use clap::{Args, Subcommand, ValueEnum};
use ostrom_client::{
	ostrom::{
		self,
		proposals::events::Submitted,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			frame_support::traits::preimages::Bounded,
			ostrom_runtime::RuntimeCall,
			pallet_ostrom_proposals::types::{ProposalKind, Track as RuntimeTrack},
			sp_runtime::traits::BlakeTwo256,
		},
	},
	AccountId, AmountText, ProposalId,
};
use std::{
	fmt,
	path::{Path, PathBuf},
};
use subxt::{transactions::Payload, utils::H256, Metadata};
use subxt_signer::sr25519::Keypair;

/// The longest call a proposal carries inline; a longer one is noted as a preimage first.
const MAX_INLINE_CALL: usize = 128;

/// A proposal's kind, its call bounded inline or by its preimage.
type Kind = ProposalKind<Bounded<RuntimeCall, BlakeTwo256>>;

/// What to propose, and whether its call is dry-run first.
#[derive(Debug, Args)]
pub struct ProposeArgs {
	#[command(subcommand)]
	command: ProposeCommand,
	/// Propose the call even if the chain's dry run says that enacting it now fails: for a call
	/// that can only succeed in the state the chain will have by its enactment (e.g. a spend
	/// above what the treasury may pay in this period, when the next starts before enactment).
	#[arg(long, global = true)]
	no_dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum ProposeCommand {
	/// Propose a statement of the DAO: nothing is enacted.
	Signal {
		/// The statement, or a hash of or a link to it.
		text: String,
		#[arg(long, value_enum, default_value_t = Track::Standard)]
		track: Track,
	},
	/// Propose to enact a call of the runtime, given SCALE-encoded.
	Call {
		/// The encoded call, as 0x-hex.
		#[arg(value_parser = parse_call)]
		call: EncodedCall,
		/// Standard (enacted with the DAO origin), Root (enacted as root) or Emergency (only
		/// Proposals.kill of an earlier proposal, enacted as root in the block after approval).
		#[arg(long, value_enum, default_value_t = Track::Standard)]
		track: Track,
		/// A hash of, or a link to, the proposal's text.
		#[arg(long, default_value = "")]
		metadata: String,
	},
	/// Propose that the treasury pay an account (Treasury.spend, on the Standard track).
	Spend {
		/// The SS58 address to pay.
		#[arg(value_parser = parse_address)]
		beneficiary: AccountId,
		/// How much, in the chain's token (OST).
		amount: AmountText,
		/// A hash of, or a link to, the proposal's text.
		#[arg(long, default_value = "")]
		metadata: String,
	},
	/// Propose new governance rules (Proposals.set_rules, on the Root track); the rules not
	/// named keep their current values.
	Rules {
		#[command(flatten)]
		changes: RuleChanges,
		/// A hash of, or a link to, the proposal's text.
		#[arg(long, default_value = "")]
		metadata: String,
	},
	/// Propose a runtime upgrade (System.set_code, on the Root track; the code is noted as a
	/// preimage first).
	///
	/// First run `scripts/try-upgrade.sh --wasm <the try-runtime build of the same source>`
	/// (try_runtime.compact.compressed.wasm beside the runtime's wasm) against your node: it runs
	/// the new runtime's migrations and every pallet's try_state on the chain's live state. A
	/// chain cannot vote back an upgrade that broke it.
	Upgrade {
		/// The runtime's wasm: the normal build (ostrom_runtime.compact.compressed.wasm), not
		/// the try-runtime one.
		wasm: PathBuf,
		/// A hash of, or a link to, the proposal's text.
		#[arg(long, default_value = "")]
		metadata: String,
	},
}

/// The tracks, one for each of the runtime's.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Track {
	/// Enacted with the DAO origin: membership and commons administration, treasury spends.
	Standard,
	/// Enacted as root: runtime upgrades, rule changes; higher thresholds.
	Root,
	/// Only a kill of an earlier proposal still voted on or awaiting enactment: voted on
	/// briefly with the highest thresholds and enacted as root in the next block, so that the
	/// kill lands before its target is enacted.
	Emergency,
}

impl From<Track> for RuntimeTrack {
	fn from(track: Track) -> RuntimeTrack {
		match track {
			Track::Standard => RuntimeTrack::Standard,
			Track::Root => RuntimeTrack::Root,
			Track::Emergency => RuntimeTrack::Emergency,
		}
	}
}

/// What `propose upgrade` reminds its user of: an upgrade is tried on the chain's state before
/// it is proposed, and before it is voted on.
const TRY_UPGRADE_FIRST: &str = "before proposing or voting on an upgrade, run \
	`scripts/try-upgrade.sh --uri <your node> --wasm <the try-runtime build of the same source>` \
	(try_runtime.compact.compressed.wasm): it runs the new runtime's migrations and try_state on \
	the chain's live state";

/// Reads the runtime to propose from `wasm`; refuses the try-runtime build, whose checks are
/// not for a chain to run.
fn upgrade_code(wasm: &Path) -> Result<Vec<u8>> {
	let file_name = wasm.file_name().map(|name| name.to_string_lossy()).unwrap_or_default();
	if file_name.contains("try_runtime") {
		bail!(
			"{} is the try-runtime build, for scripts/try-upgrade.sh only: propose the normal \
			 build of the same source (ostrom_runtime.compact.compressed.wasm)",
			wasm.display()
		);
	}
	std::fs::read(wasm).map_err(|error| anyhow!("cannot read {}: {error}", wasm.display()))
}

/// A SCALE-encoded call.
#[derive(Clone, Debug)]
pub struct EncodedCall(Vec<u8>);

/// A proposal before it is signed.
struct Proposal {
	track: Track,
	/// The encoded call to enact; `None` for a signal.
	call: Option<Vec<u8>>,
	/// The statement of a signal, or the metadata of a call.
	text: String,
}

/// Whether a proposal's call is dry-run before it is signed, and refused if it fails.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Enactment {
	DryRun,
	Unchecked,
}

/// Why a proposal is refused before it is signed: enacting its call now fails.
#[derive(Debug)]
struct WouldFail {
	track: Track,
}

impl fmt::Display for WouldFail {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "enacted now on the {:?} track, the call would fail", self.track)
	}
}

pub async fn run(context: &Context, args: ProposeArgs) -> Result<()> {
	let ProposeArgs { command, no_dry_run } = args;
	let signer = context.signer()?;
	let chain = context.connect().await?;
	let proposal = match command {
		ProposeCommand::Signal { text, track } => {
			// The chain would refuse it (`EmergencyOnlyKills`) only after it was signed and sent.
			if matches!(track, Track::Emergency) {
				bail!("the Emergency track carries only Proposals.kill: propose it as a call");
			}
			Proposal { track, call: None, text }
		}
		ProposeCommand::Call { call: EncodedCall(call), track, metadata } => {
			let runtime = chain.metadata().await?;
			eprintln!("proposing {}", call_name(&runtime, &call)?);
			Proposal { track, call: Some(call), text: metadata }
		}
		ProposeCommand::Spend { beneficiary, amount, metadata } => {
			let amount = chain.token().amount(&amount).map_err(|problem| anyhow!(problem))?;
			eprintln!("proposing to pay {} to {beneficiary}", chain.token().format(amount));
			let spend = ostrom::transactions().treasury().spend(beneficiary, amount);
			let call = chain.call_data(&spend).await?;
			Proposal { track: Track::Standard, call: Some(call), text: metadata }
		}
		ProposeCommand::Rules { changes, metadata } => {
			let rules = ostrom::storage().proposals().rules();
			let current = chain
				.storage(rules, ())
				.await?
				.ok_or_else(|| anyhow!("the chain stores no governance rules"))?;
			let proposed =
				changes.applied_to(&current, chain.token()).map_err(|problem| anyhow!(problem))?;
			let differences = differences(&current, &proposed, chain.token());
			if differences.is_empty() {
				bail!("these are the current rules: name a rule to change, e.g. --voting-period");
			}
			eprintln!("proposing new rules:");
			for difference in differences {
				eprintln!("  {difference}");
			}
			// `set_rules` replaces all the rules; the dry run checks them against the chain's
			// limits now, and the chain checks them again at enactment.
			eprintln!("(all rules are set as shown when the proposal is enacted)");
			let set_rules = ostrom::transactions().proposals().set_rules(proposed);
			let call = chain.call_data(&set_rules).await?;
			Proposal { track: Track::Root, call: Some(call), text: metadata }
		}
		ProposeCommand::Upgrade { wasm, metadata } => {
			let code = upgrade_code(&wasm)?;
			eprintln!(
				"proposing System.set_code with {} ({} bytes, blake2_256 0x{})",
				wasm.display(),
				code.len(),
				hex::encode(sp_crypto_hashing::blake2_256(&code))
			);
			eprintln!("{TRY_UPGRADE_FIRST}");
			let set_code = ostrom::transactions().system().set_code(code);
			let call = chain.call_data(&set_code).await?;
			Proposal { track: Track::Root, call: Some(call), text: metadata }
		}
	};
	let enactment = if no_dry_run { Enactment::Unchecked } else { Enactment::DryRun };
	propose(&chain, &signer, proposal, enactment).await.inspect_err(|error| {
		if error.is::<WouldFail>() {
			eprintln!(
				"(if the call can only succeed later, --no-dry-run proposes it all the same)"
			);
		}
	})?;
	Ok(())
}

/// Proposes that the DAO enact `call` on the Standard track, e.g. for `ostrom fund cancel`;
/// refused if enacting it now fails.
pub async fn propose_call(context: &Context, call: &impl Payload, metadata: String) -> Result<()> {
	let signer = context.signer()?;
	let chain = context.connect().await?;
	propose_call_on(&chain, &signer, Track::Standard, call, metadata).await?;
	Ok(())
}

/// Proposes as `signer` that the DAO enact `call` on `track`, as `ostrom propose call` does,
/// e.g. `Validators.add_validator` on the Root track for `ostrom validator join --propose`;
/// refused if enacting it now fails. The proposal's number.
pub async fn propose_call_on(
	chain: &Chain,
	signer: &Keypair,
	track: Track,
	call: &impl Payload,
	metadata: String,
) -> Result<ProposalId> {
	let call = chain.call_data(call).await?;
	let runtime = chain.metadata().await?;
	eprintln!("proposing {}", call_name(&runtime, &call)?);
	let proposal = Proposal { track, call: Some(call), text: metadata };
	propose(chain, signer, proposal, Enactment::DryRun).await
}

/// Checks `proposal` against the chain before signing anything: its text against the chain's
/// bound, its call by a dry run of its enactment unless `Unchecked`; then notes the call's
/// preimage if it is too long to be inline, and submits the proposal. The proposal's number.
async fn propose(
	chain: &Chain,
	signer: &Keypair,
	proposal: Proposal,
	enactment: Enactment,
) -> Result<ProposalId> {
	let Proposal { track, call, text } = proposal;
	let runtime = chain.metadata().await?;
	let what = if call.is_some() { "the metadata" } else { "the statement" };
	check_length(&runtime, what, &text, ostrom::constants().proposals().max_metadata_len())?;
	let kind = match call {
		Some(call) => {
			if enactment == Enactment::DryRun {
				dry_run(chain, &call, track).await?;
			}
			call_kind(chain, signer, call).await?
		}
		None => ProposalKind::Signal,
	};
	submit(chain, signer, track, kind, text).await
}

/// Refuses `call` if the chain's runtime says that a proposal on `track` enacting it now would
/// fail; the reason is the runtime's own (e.g. `Treasury::ZeroAmount`).
async fn dry_run(chain: &Chain, call: &[u8], track: Track) -> Result<()> {
	match chain.dry_run_enactment(call.to_vec(), track.into()).await? {
		DryRun::Succeeds => Ok(()),
		DryRun::Fails(why) => Err(why.context(WouldFail { track })),
		DryRun::Unavailable => {
			eprintln!(
				"the chain's runtime cannot dry-run the call (it has no \
				 OstromApi.dry_run_enactment): it is proposed unchecked"
			);
			Ok(())
		}
	}
}

async fn submit(
	chain: &Chain,
	signer: &Keypair,
	track: Track,
	kind: Kind,
	text: String,
) -> Result<ProposalId> {
	let submit = ostrom::transactions().proposals().submit(
		track.into(),
		kind,
		BoundedVec(text.into_bytes()),
	);
	let submitted: Submitted = chain.submit(signer, &submit).await?.expect_event()?;
	println!(
		"submitted proposal #{} on the {track:?} track; voting ends at block #{}",
		submitted.id, submitted.voting_ends
	);
	Ok(submitted.id)
}

/// The proposal kind `Call` with `call`: inline when it is short enough, else as a lookup of
/// its preimage, which is noted first.
async fn call_kind(chain: &Chain, signer: &Keypair, call: Vec<u8>) -> Result<Kind> {
	if call.len() <= MAX_INLINE_CALL {
		return Ok(ProposalKind::Call(Bounded::Inline(BoundedVec(call))));
	}
	eprintln!(
		"the call has {} bytes, more than {MAX_INLINE_CALL} inline: noting its preimage first",
		call.len()
	);
	let hash = H256(sp_crypto_hashing::blake2_256(&call));
	let len = u32::try_from(call.len()).map_err(|_| anyhow!("the call is too long"))?;
	let note = ostrom::transactions().preimage().note_preimage(call);
	if let Err(error) = chain.submit(signer, &note).await {
		// Someone noted the same call already: the proposal can refer to it all the same.
		let already_noted = error
			.downcast_ref::<PalletError>()
			.is_some_and(|error| error.pallet == "Preimage" && error.error == "AlreadyNoted");
		if !already_noted {
			return Err(error.context("cannot note the call's preimage"));
		}
		eprintln!("the preimage was noted already");
	}
	Ok(ProposalKind::Call(Bounded::Lookup { hash, len }))
}

/// The pallet and name of the encoded `call`, e.g. `Treasury.spend`, from the metadata; an
/// error if the runtime has no such call.
fn call_name(metadata: &Metadata, call: &[u8]) -> Result<String> {
	let [pallet_index, call_index, ..] = call else {
		bail!("a call starts with its pallet's and its own index: give at least two bytes");
	};
	let pallet = metadata
		.pallet_by_call_index(*pallet_index)
		.ok_or_else(|| anyhow!("the runtime has no pallet with calls at index {pallet_index}"))?;
	let variant = pallet.call_variant_by_index(*call_index).ok_or_else(|| {
		anyhow!("the runtime's {} pallet has no call at index {call_index}", pallet.name())
	})?;
	Ok(format!("{}.{}", pallet.name(), variant.name))
}

/// Reads a SCALE-encoded call written as 0x-hex (a clap value parser).
fn parse_call(text: &str) -> Result<EncodedCall, String> {
	let bytes = hex::decode(text.strip_prefix("0x").unwrap_or(text))
		.map_err(|error| format!("`{text}` is not hex: {error}"))?;
	if bytes.len() < 2 {
		return Err("a call has at least two bytes: its pallet's index and its own".into());
	}
	Ok(EncodedCall(bytes))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn calls_are_hex_of_at_least_two_bytes() {
		assert_eq!(parse_call("0x0c00").unwrap().0, [0x0c, 0x00]);
		assert_eq!(parse_call("0C0001").unwrap().0, [0x0c, 0x00, 0x01]);
		assert!(parse_call("0x0c").is_err());
		assert!(parse_call("0xg0").is_err());
		assert!(parse_call("0x0c0").is_err());
	}

	#[test]
	fn a_call_that_would_fail_is_refused_with_the_track_and_the_runtimes_reason() {
		let refusal = anyhow!("Bad origin.").context(WouldFail { track: Track::Standard });
		assert!(refusal.is::<WouldFail>());
		assert_eq!(
			format!("{refusal:#}"),
			"enacted now on the Standard track, the call would fail: Bad origin."
		);
	}

	#[test]
	fn the_try_runtime_build_is_not_proposed() {
		let try_runtime = Path::new("wbuild/ostrom-runtime/try_runtime.compact.compressed.wasm");
		let refusal = upgrade_code(try_runtime).unwrap_err().to_string();
		assert!(refusal.contains("is the try-runtime build"), "{refusal}");
		let missing = Path::new("/nonexistent/ostrom_runtime.compact.compressed.wasm");
		assert!(upgrade_code(missing).unwrap_err().to_string().contains("cannot read"));
	}
}
