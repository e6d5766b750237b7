//! The chain's bounds on the texts commands send (names, licences, URIs, notes, a proposal's
//! text or metadata), read from the runtime's metadata: a text over its bound is refused before
//! signing, with the bound named. The chain itself could only reject the transaction as
//! undecodable, without saying which text or by how much.

use anyhow::{anyhow, bail, Result};
use subxt::{constants::Address, ext::codec::Decode, Metadata};

/// Refuses `text`, called `what` in the message (e.g. "the note"), if it is longer than the
/// pallet constant at `bound` (a length in bytes) in the chain's `metadata`.
pub fn check_length(
	metadata: &Metadata,
	what: &str,
	text: &str,
	bound: impl Address<Target = u32>,
) -> Result<()> {
	let max = bound_of(metadata, &bound)?;
	if text.len() > max as usize {
		bail!(
			"{what} is {} bytes; the chain's bound is {}.{} = {max}",
			text.len(),
			bound.pallet_name(),
			bound.constant_name()
		);
	}
	Ok(())
}

/// The value of the `u32` pallet constant at `bound` in `metadata`; an error if the runtime has
/// no such constant or it is not the one this client was generated for.
fn bound_of(metadata: &Metadata, bound: &impl Address<Target = u32>) -> Result<u32> {
	let name = format!("{}.{}", bound.pallet_name(), bound.constant_name());
	let pallet = metadata
		.pallet_by_name(bound.pallet_name())
		.ok_or_else(|| anyhow!("the chain's runtime has no {} pallet", bound.pallet_name()))?;
	let constant = pallet
		.constant_by_name(bound.constant_name())
		.ok_or_else(|| anyhow!("the chain's runtime has no constant {name}"))?;
	let expected = bound.validation_hash();
	if expected.is_some_and(|hash| pallet.constant_hash(bound.constant_name()) != Some(hash)) {
		bail!("the chain's {name} is not the one this client knows: update the client");
	}
	u32::decode(&mut constant.value()).map_err(|error| anyhow!("cannot read {name}: {error}"))
}

#[cfg(test)]
mod tests {
	use super::*;
	use ostrom_client::ostrom;

	/// The metadata of the runtime this client was generated from.
	fn metadata() -> Metadata {
		Metadata::decode_from(ostrom_client::METADATA).expect("the client's metadata decodes")
	}

	#[test]
	fn a_text_within_its_bound_passes() {
		let bound = ostrom::constants().proposals().max_metadata_len();
		let max = bound_of(&metadata(), &bound).unwrap();
		assert!(max > 0);
		let longest = "a".repeat(max as usize);
		assert!(check_length(&metadata(), "the metadata", &longest, bound).is_ok());
	}

	#[test]
	fn a_text_over_its_bound_is_refused_with_the_bound_named() {
		let bound = ostrom::constants().commons().max_note_len();
		let max = bound_of(&metadata(), &bound).unwrap() as usize;
		let note = "n".repeat(max + 1);
		let refusal = check_length(&metadata(), "the note", &note, bound).unwrap_err();
		assert_eq!(
			refusal.to_string(),
			format!(
				"the note is {} bytes; the chain's bound is Commons.MaxNoteLen = {max}",
				max + 1
			)
		);
	}

	#[test]
	fn lengths_are_counted_in_bytes() {
		let bound = ostrom::constants().commons().max_name_len();
		let max = bound_of(&metadata(), &bound).unwrap() as usize;
		// Each "é" is two bytes in UTF-8: half as many characters already reach the bound.
		let name = "é".repeat(max / 2 + 1);
		assert!(check_length(&metadata(), "the name", &name, bound).is_err());
	}
}
