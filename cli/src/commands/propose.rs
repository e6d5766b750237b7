//! `ostrom propose`: submit a proposal, a signal or a call to enact: any SCALE-encoded call, a
//! treasury spend, or new governance rules.

use super::Context;
use crate::{
	account::parse_address,
	chain::{Chain, PalletError},
	rules::{GovernanceRules, RuleChanges},
	units::{format_ost, parse_ost},
};
use anyhow::{anyhow, bail, Result};
use clap::{Subcommand, ValueEnum};
use subxt::{
	dynamic::{self, Value},
	ext::scale_decode::DecodeAsType,
	utils::AccountId32,
	Metadata,
};
use subxt_signer::sr25519::Keypair;

/// The longest call a proposal carries inline; a longer one is noted as a preimage first.
const MAX_INLINE_CALL: usize = 128;

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
		beneficiary: AccountId32,
		/// How much, in OST.
		#[arg(value_parser = parse_ost)]
		amount: u128,
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
}

/// The tracks; each is the runtime's `Track` variant of the same name.
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

/// A SCALE-encoded call.
#[derive(Clone, Debug)]
pub struct EncodedCall(Vec<u8>);

/// `Proposals.Submitted`.
#[derive(DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Submitted {
	id: u32,
	voting_ends: u32,
}

pub async fn run(context: &Context, command: ProposeCommand) -> Result<()> {
	let signer = context.signer()?;
	let chain = context.connect().await?;
	let (track, kind, metadata) = match command {
		ProposeCommand::Signal { text, track } => {
			// The chain would refuse it (`EmergencyOnlyKills`) only after it was signed and sent.
			if matches!(track, Track::Emergency) {
				bail!("the Emergency track carries only Proposals.kill: propose it as a call");
			}
			(track, Value::unnamed_variant("Signal", []), text)
		}
		ProposeCommand::Call { call: EncodedCall(call), track, metadata } => {
			let runtime = chain.metadata().await?;
			eprintln!("proposing {}", call_name(&runtime, &call)?);
			(track, call_kind(&chain, &signer, call).await?, metadata)
		}
		ProposeCommand::Spend { beneficiary, amount, metadata } => {
			eprintln!("proposing to pay {} to {beneficiary}", format_ost(amount));
			let spend = dynamic::tx("Treasury", "spend", (beneficiary, amount));
			let call = chain.call_data(&spend).await?;
			(Track::Standard, call_kind(&chain, &signer, call).await?, metadata)
		}
		ProposeCommand::Rules { changes, metadata } => {
			let current: GovernanceRules = chain
				.storage("Proposals", "Rules", ())
				.await?
				.ok_or_else(|| anyhow!("the chain stores no governance rules"))?;
			let proposed = current.changed(&changes);
			let differences = current.differences(&proposed);
			if differences.is_empty() {
				bail!("these are the current rules: name a rule to change, e.g. --voting-period");
			}
			eprintln!("proposing new rules:");
			for difference in differences {
				eprintln!("  {difference}");
			}
			// `set_rules` replaces all the rules, and the chain checks them only then.
			eprintln!(
				"(all rules are set as shown when the proposal is enacted, and checked then)"
			);
			let set_rules = dynamic::tx("Proposals", "set_rules", (proposed,));
			let call = chain.call_data(&set_rules).await?;
			(Track::Root, call_kind(&chain, &signer, call).await?, metadata)
		}
	};
	submit(&chain, &signer, track, kind, metadata).await
}

/// Proposes that the DAO enact `call` on the Standard track, e.g. for `ostrom fund cancel`.
pub async fn propose_call(
	context: &Context,
	call: &impl subxt::transactions::Payload,
	metadata: String,
) -> Result<()> {
	let signer = context.signer()?;
	let chain = context.connect().await?;
	let call = chain.call_data(call).await?;
	let runtime = chain.metadata().await?;
	eprintln!("proposing {}", call_name(&runtime, &call)?);
	let kind = call_kind(&chain, &signer, call).await?;
	submit(&chain, &signer, Track::Standard, kind, metadata).await
}

async fn submit(
	chain: &Chain,
	signer: &Keypair,
	track: Track,
	kind: Value,
	metadata: String,
) -> Result<()> {
	let submit = dynamic::tx(
		"Proposals",
		"submit",
		vec![
			// `Track`'s variants are named as the runtime's.
			Value::unnamed_variant(format!("{track:?}"), []),
			kind,
			Value::from_bytes(metadata),
		],
	);
	let submitted: Submitted =
		chain.submit(signer, &submit).await?.expect_event("Proposals", "Submitted")?;
	println!(
		"submitted proposal #{} on the {track:?} track; voting ends at block #{}",
		submitted.id, submitted.voting_ends
	);
	Ok(())
}

/// The proposal kind `Call` with `call`: inline when it is short enough, else as a lookup of
/// its preimage, which is noted first.
async fn call_kind(chain: &Chain, signer: &Keypair, call: Vec<u8>) -> Result<Value> {
	if call.len() <= MAX_INLINE_CALL {
		let inline = Value::unnamed_variant("Inline", [Value::from_bytes(call)]);
		return Ok(Value::unnamed_variant("Call", [inline]));
	}
	eprintln!(
		"the call has {} bytes, more than {MAX_INLINE_CALL} inline: noting its preimage first",
		call.len()
	);
	let hash = sp_crypto_hashing::blake2_256(&call);
	let len = call.len() as u128;
	let note = dynamic::tx("Preimage", "note_preimage", (Value::from_bytes(call),));
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
	let lookup = Value::named_variant(
		"Lookup",
		[("hash", Value::from_bytes(hash)), ("len", Value::u128(len))],
	);
	Ok(Value::unnamed_variant("Call", [lookup]))
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
}
