//! How views read in JSON: numbers that JavaScript would round become decimal strings, bytes
//! that are text become strings, shares become percentages.

use core::fmt::Display;
use serde::Serializer;
use sp_runtime::Perbill;

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
