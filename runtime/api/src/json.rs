//! How views read in JSON: numbers that JavaScript would round become decimal strings, bytes
//! that are text become strings, shares become percentages, and the pallets' enums their
//! variants' names. The pallets know nothing of JSON: this crate owns it.

use codec::{Decode, Encode};
use core::fmt::Display;
use scale_info::{form::MetaForm, TypeDef, TypeInfo};
use serde::Serializer;
use sp_runtime::Perbill;

/// The variants of the enum `E`, from its type information; empty if `E` is not an enum.
fn variants<E: TypeInfo + 'static>() -> alloc::vec::Vec<scale_info::Variant<MetaForm>> {
	match E::type_info().type_def {
		TypeDef::Variant(def) => def.variants,
		_ => alloc::vec::Vec::new(),
	}
}

/// The name of the variant `value` is, as its type information (the pallet's metadata) spells
/// it: how views show a pallet's enum, e.g. a `Track` as `"Root"`. Any data the variant carries
/// is left out.
pub fn variant_name<S: Serializer, E: Encode + TypeInfo + 'static>(
	value: &E,
	s: S,
) -> Result<S::Ok, S::Error> {
	// SCALE encodes an enum's variant as its index, in the first byte.
	let index = value.encode().first().copied();
	match variants::<E>().into_iter().find(|variant| Some(variant.index) == index) {
		Some(variant) => s.serialize_str(variant.name),
		None => Err(serde::ser::Error::custom("not a variant of an enum")),
	}
}

/// The fieldless variant of the enum `E` named `name`, as [`variant_name`] shows it; `None` if
/// `E` has no such variant, or it carries data. How clients' filters by name are read.
pub fn variant_from_name<E: Decode + TypeInfo + 'static>(name: &str) -> Option<E> {
	let variant = variants::<E>().into_iter().find(|variant| variant.name == name)?;
	if !variant.fields.is_empty() {
		return None;
	}
	E::decode(&mut &[variant.index][..]).ok()
}

/// A balance as a decimal string: balances exceed the 2⁵³ that a JSON number keeps exactly.
pub fn decimal<S: Serializer, Balance: Display>(value: &Balance, s: S) -> Result<S::Ok, S::Error> {
	s.collect_str(value)
}

/// Text stored as bytes (names, licences, links, notes), invalid UTF-8 replaced.
pub fn text<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
	s.collect_str(&alloc::string::String::from_utf8_lossy(bytes))
}

/// Optional text.
pub fn optional_text<S: Serializer>(
	bytes: &Option<alloc::vec::Vec<u8>>,
	s: S,
) -> Result<S::Ok, S::Error> {
	match bytes {
		Some(bytes) => text(bytes, s),
		None => s.serialize_none(),
	}
}

/// A share as an exact percentage: `Perbill::from_percent(20)` is `"20%"`, one part per billion
/// is `"0.0000001%"`.
pub fn percent<S: Serializer>(share: &Perbill, s: S) -> Result<S::Ok, S::Error> {
	s.collect_str(&Percent(*share))
}

struct Percent(Perbill);

impl Display for Percent {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		// A percent is ten million parts per billion.
		let parts = self.0.deconstruct();
		let (whole, fraction) = (parts / 10_000_000, parts % 10_000_000);
		if fraction == 0 {
			return write!(f, "{whole}%");
		}
		let digits = alloc::format!("{fraction:07}");
		write!(f, "{whole}.{}%", digits.trim_end_matches('0'))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_ostrom_proposals::{ProposalStatusName, Track};

	#[test]
	fn enums_read_by_their_variant_names() {
		let name = |track: Track| {
			let mut json = alloc::vec::Vec::new();
			variant_name(&track, &mut serde_json::Serializer::new(&mut json)).unwrap();
			alloc::string::String::from_utf8(json).unwrap()
		};
		assert_eq!(name(Track::Standard), "\"Standard\"");
		assert_eq!(name(Track::Emergency), "\"Emergency\"");
		assert_eq!(
			variant_from_name::<ProposalStatusName>("Revoked"),
			Some(ProposalStatusName::Revoked)
		);
		assert_eq!(variant_from_name::<ProposalStatusName>("revoked"), None);
		assert_eq!(variant_from_name::<Track>("Root"), Some(Track::Root));
		// A variant that carries data is no filter.
		let approved =
			variant_from_name::<pallet_ostrom_proposals::ProposalStatus<u32>>("Approved");
		assert_eq!(approved, None);
	}

	fn percent_of(share: Perbill) -> alloc::string::String {
		alloc::format!("{}", Percent(share))
	}

	#[test]
	fn shares_read_as_exact_percentages() {
		assert_eq!(percent_of(Perbill::from_percent(20)), "20%");
		assert_eq!(percent_of(Perbill::zero()), "0%");
		assert_eq!(percent_of(Perbill::one()), "100%");
		assert_eq!(percent_of(Perbill::from_rational(2u32, 3u32)), "66.6666666%");
		assert_eq!(percent_of(Perbill::from_parts(1)), "0.0000001%");
		assert_eq!(percent_of(Perbill::from_parts(12_500_000)), "1.25%");
	}
}
