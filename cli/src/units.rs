//! Amounts and shares as people type and read them: OST with up to twelve decimals, shares as
//! percentages. The chain counts in planck (10⁻¹² OST) and in parts per billion.

use serde::{Deserialize, Deserializer};
use std::fmt;
use subxt::ext::{scale_decode, scale_encode};

/// The token's decimals: 1 OST is 10¹² planck.
pub const DECIMALS: usize = 12;
/// The planck in one OST.
pub const PLANCK_PER_OST: u128 = 10u128.pow(DECIMALS as u32);
/// The parts per billion in one percent.
const PARTS_PER_PERCENT: u32 = 10_000_000;
/// The decimals a percentage can have and still be exact in parts per billion.
const PERCENT_DECIMALS: usize = 7;

/// Reads an amount of OST such as `250` or `0.5` into planck.
pub fn parse_ost(text: &str) -> Result<u128, String> {
	let (whole, fraction) = split_decimal(text, DECIMALS)
		.map_err(|problem| format!("`{text}` is not an amount of OST: {problem}"))?;
	whole
		.checked_mul(PLANCK_PER_OST)
		.and_then(|planck| planck.checked_add(fraction))
		.ok_or_else(|| format!("`{text}` OST is more than any balance can hold"))
}

/// Writes planck as OST, without trailing zeros: `250 OST`, `0.1 OST`.
pub fn format_ost(planck: u128) -> String {
	let (whole, fraction) = (planck / PLANCK_PER_OST, planck % PLANCK_PER_OST);
	if fraction == 0 {
		return format!("{whole} OST");
	}
	let digits = format!("{fraction:0width$}", width = DECIMALS);
	format!("{whole}.{} OST", digits.trim_end_matches('0'))
}

/// Reads a percentage such as `50`, `66.6666667` or `50%` into parts per billion.
pub fn parse_percent(text: &str) -> Result<u32, String> {
	let number = text.strip_suffix('%').unwrap_or(text);
	let (whole, fraction) = split_decimal(number, PERCENT_DECIMALS)
		.map_err(|problem| format!("`{text}` is not a percentage: {problem}"))?;
	if whole > 100 || (whole == 100 && fraction > 0) {
		return Err(format!("`{text}` is more than 100%"));
	}
	// At most 100 × 10⁷ + a fraction below 10⁷: fits a u32.
	Ok(whole as u32 * PARTS_PER_PERCENT + fraction as u32)
}

/// Writes parts per billion as an exact percentage: `50%`, `66.6666667%`, as the node does.
pub fn format_percent(parts: u32) -> String {
	let (whole, fraction) = (parts / PARTS_PER_PERCENT, parts % PARTS_PER_PERCENT);
	if fraction == 0 {
		return format!("{whole}%");
	}
	let digits = format!("{fraction:0width$}", width = PERCENT_DECIMALS);
	format!("{whole}.{}%", digits.trim_end_matches('0'))
}

/// Splits `digits[.digits]` into its whole part and its fraction scaled to `decimals` digits.
fn split_decimal(text: &str, decimals: usize) -> Result<(u128, u128), String> {
	let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
	if whole.is_empty() || !whole.bytes().all(|byte| byte.is_ascii_digit()) {
		return Err("expected digits, optionally with a decimal point".into());
	}
	if text.contains('.') && fraction.is_empty() {
		return Err("expected digits after the decimal point".into());
	}
	if !fraction.bytes().all(|byte| byte.is_ascii_digit()) {
		return Err("expected digits after the decimal point".into());
	}
	if fraction.len() > decimals {
		return Err(format!("at most {decimals} decimals"));
	}
	let too_large = |_| "the number is too large".to_string();
	let whole = whole.parse::<u128>().map_err(too_large)?;
	// Pad the fraction to `decimals` digits: "5" of OST is 500_000_000_000 planck.
	let fraction = format!("{fraction:0<decimals$}").parse::<u128>().map_err(too_large)?;
	Ok((whole, fraction))
}

/// A balance in planck, which the node's JSON gives as a decimal string (JSON numbers would
/// round it) and which reads as OST.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount(pub u128);

impl fmt::Display for Amount {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(&format_ost(self.0))
	}
}

impl<'de> Deserialize<'de> for Amount {
	fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		let text = String::deserialize(deserializer)?;
		text.parse()
			.map(Amount)
			.map_err(|_| serde::de::Error::custom(format!("`{text}` is not a balance in planck")))
	}
}

/// A share in parts per billion, as `sp_runtime::Perbill` encodes it; reads as a percentage.
#[derive(
	Clone, Copy, Debug, PartialEq, Eq, scale_decode::DecodeAsType, scale_encode::EncodeAsType,
)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
#[encode_as_type(crate_path = "subxt::ext::scale_encode")]
pub struct Perbill(pub u32);

impl fmt::Display for Perbill {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(&format_percent(self.0))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn whole_and_fractional_amounts_are_read_exactly() {
		assert_eq!(parse_ost("250"), Ok(250 * PLANCK_PER_OST));
		assert_eq!(parse_ost("0.5"), Ok(PLANCK_PER_OST / 2));
		assert_eq!(parse_ost("1.000000000001"), Ok(PLANCK_PER_OST + 1));
		assert_eq!(parse_ost("0.000000000001"), Ok(1));
		assert_eq!(parse_ost("0"), Ok(0));
		assert_eq!(parse_ost("007.10"), Ok(7 * PLANCK_PER_OST + PLANCK_PER_OST / 10));
	}

	#[test]
	fn more_than_twelve_decimals_are_refused() {
		let error = parse_ost("0.0000000000001").unwrap_err();
		assert!(error.contains("at most 12 decimals"), "{error}");
	}

	#[test]
	fn garbage_is_refused() {
		for text in
			["", ".", ".5", "1.", "-1", "+1", "1e3", "1,5", " 1", "1 ", "one", "1.2.3", "0x10"]
		{
			assert!(parse_ost(text).is_err(), "`{text}` should be refused");
		}
	}

	#[test]
	fn amounts_beyond_a_balance_are_refused() {
		let max_ost = u128::MAX / PLANCK_PER_OST;
		assert!(parse_ost(&max_ost.to_string()).is_ok());
		assert!(parse_ost(&(max_ost + 1).to_string()).is_err());
		assert!(parse_ost(&"9".repeat(60)).is_err());
	}

	#[test]
	fn amounts_are_shown_in_ost_without_trailing_zeros() {
		assert_eq!(format_ost(250 * PLANCK_PER_OST), "250 OST");
		assert_eq!(format_ost(PLANCK_PER_OST / 10), "0.1 OST");
		assert_eq!(format_ost(1), "0.000000000001 OST");
		assert_eq!(format_ost(0), "0 OST");
		assert_eq!(format_ost(1_234_500_000_000_000), "1234.5 OST");
	}

	#[test]
	fn amounts_survive_a_round_trip() {
		for planck in [0, 1, 999_999_999_999, PLANCK_PER_OST, 123_456_789_012_345, u128::MAX] {
			let shown = format_ost(planck);
			assert_eq!(parse_ost(shown.trim_end_matches(" OST")), Ok(planck), "{shown}");
		}
	}

	#[test]
	fn percentages_are_parts_per_billion() {
		assert_eq!(parse_percent("50"), Ok(500_000_000));
		assert_eq!(parse_percent("50%"), Ok(500_000_000));
		assert_eq!(parse_percent("100"), Ok(1_000_000_000));
		assert_eq!(parse_percent("0"), Ok(0));
		assert_eq!(parse_percent("66.6666667"), Ok(666_666_667));
		assert_eq!(parse_percent("0.0000001"), Ok(1));
		assert!(parse_percent("100.5").is_err());
		assert!(parse_percent("101").is_err());
		assert!(parse_percent("0.00000001").is_err());
		assert!(parse_percent("half").is_err());
		assert!(parse_percent("-5").is_err());
	}

	#[test]
	fn percentages_are_shown_as_the_node_shows_them() {
		assert_eq!(format_percent(500_000_000), "50%");
		assert_eq!(format_percent(666_666_667), "66.6666667%");
		assert_eq!(format_percent(12_500_000), "1.25%");
		assert_eq!(format_percent(1), "0.0000001%");
		assert_eq!(format_percent(1_000_000_000), "100%");
	}

	#[test]
	fn balances_are_read_from_decimal_strings() {
		let amount: Amount = serde_json::from_str("\"1500000000000\"").unwrap();
		assert_eq!(amount, Amount(1_500_000_000_000));
		assert_eq!(amount.to_string(), "1.5 OST");
		assert!(serde_json::from_str::<Amount>("\"1.5\"").is_err());
		assert!(serde_json::from_str::<Amount>("15").is_err());
	}
}
