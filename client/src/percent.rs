//! Shares as people type and read them: percentages, exact in parts per billion (`Perbill`),
//! written as the node's `dao_*` methods write them.

use crate::ostrom::runtime_types::sp_arithmetic::per_things::Perbill;
use std::fmt;

/// The parts per billion in one percent.
const PARTS_PER_PERCENT: u32 = 10_000_000;
/// The decimals a percentage can have and still be exact in parts per billion.
const PERCENT_DECIMALS: usize = 7;

/// Reads a percentage such as `50`, `66.6666667` or `50%`.
pub fn parse(text: &str) -> Result<Perbill, String> {
	let number = text.strip_suffix('%').unwrap_or(text);
	let refused = |problem: &str| format!("`{text}` is not a percentage: {problem}");
	let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
	let digits = |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
	if !digits(whole) || (number.contains('.') && !digits(fraction)) {
		return Err(refused("expected digits, optionally with a decimal point"));
	}
	if fraction.len() > PERCENT_DECIMALS {
		return Err(refused(&format!("at most {PERCENT_DECIMALS} decimals")));
	}
	let whole: u32 = whole.parse().map_err(|_| format!("`{text}` is more than 100%"))?;
	let fraction: u32 = format!("{fraction:0<PERCENT_DECIMALS$}").parse().unwrap_or(0);
	if whole > 100 || (whole == 100 && fraction > 0) {
		return Err(format!("`{text}` is more than 100%"));
	}
	// At most 100 × 10⁷ + a fraction below 10⁷: fits a u32.
	Ok(Perbill(whole * PARTS_PER_PERCENT + fraction))
}

/// An exact percentage: `50%`, `66.6666667%`.
impl fmt::Display for Perbill {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let (whole, fraction) = (self.0 / PARTS_PER_PERCENT, self.0 % PARTS_PER_PERCENT);
		if fraction == 0 {
			return write!(f, "{whole}%");
		}
		let digits = format!("{fraction:0PERCENT_DECIMALS$}");
		write!(f, "{whole}.{}%", digits.trim_end_matches('0'))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn percentages_are_parts_per_billion() {
		assert_eq!(parse("50"), Ok(Perbill(500_000_000)));
		assert_eq!(parse("50%"), Ok(Perbill(500_000_000)));
		assert_eq!(parse("100"), Ok(Perbill(1_000_000_000)));
		assert_eq!(parse("0"), Ok(Perbill(0)));
		assert_eq!(parse("66.6666667"), Ok(Perbill(666_666_667)));
		assert_eq!(parse("0.0000001"), Ok(Perbill(1)));
		for refused in ["100.5", "101", "0.00000001", "half", "-5", "", "5.", "99999999999"] {
			assert!(parse(refused).is_err(), "`{refused}` should be refused");
		}
	}

	#[test]
	fn percentages_are_written_as_the_node_writes_them() {
		assert_eq!(Perbill(500_000_000).to_string(), "50%");
		assert_eq!(Perbill(666_666_667).to_string(), "66.6666667%");
		assert_eq!(Perbill(12_500_000).to_string(), "1.25%");
		assert_eq!(Perbill(1).to_string(), "0.0000001%");
		assert_eq!(Perbill(1_000_000_000).to_string(), "100%");
	}
}
