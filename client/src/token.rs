//! The chain's token, as its properties (`system_properties`) name it: amounts written and read
//! in whole tokens with up to `decimals` decimals, counted on chain in the smallest unit.

use serde_json::{Map, Value};
use std::{fmt, str::FromStr};

/// The chain's token: its symbol and how many decimals a whole token has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
	pub symbol: String,
	/// One token is `10^decimals` of the smallest unit.
	pub decimals: u8,
}

impl Token {
	/// The token named by a chain's properties (`tokenSymbol`, `tokenDecimals`; of a list, the
	/// first, the chain's native token).
	pub fn from_properties(properties: &Map<String, Value>) -> Result<Token, String> {
		let first = |key: &str| match properties.get(key) {
			Some(Value::Array(values)) => values.first().cloned(),
			other => other.cloned(),
		};
		let symbol = match first("tokenSymbol") {
			Some(Value::String(symbol)) if !symbol.is_empty() => symbol,
			_ => return Err("the chain's properties name no tokenSymbol".into()),
		};
		let decimals = first("tokenDecimals")
			.and_then(|decimals| decimals.as_u64())
			.and_then(|decimals| u8::try_from(decimals).ok())
			// 10^39 exceeds a u128: no balance could hold one token.
			.filter(|decimals| *decimals <= 38)
			.ok_or("the chain's properties give no tokenDecimals from 0 to 38")?;
		Ok(Token { symbol, decimals })
	}

	/// The smallest units in one token.
	pub fn unit(&self) -> u128 {
		10u128.pow(self.decimals.into())
	}

	/// Writes an amount in the smallest unit as tokens, without trailing zeros: `250 OST`,
	/// `0.1 OST`.
	pub fn format(&self, amount: u128) -> String {
		let (whole, fraction) = (amount / self.unit(), amount % self.unit());
		if fraction == 0 {
			return format!("{whole} {}", self.symbol);
		}
		let digits = format!("{fraction:0width$}", width = usize::from(self.decimals));
		format!("{whole}.{} {}", digits.trim_end_matches('0'), self.symbol)
	}

	/// Reads an amount of tokens such as `250` or `0.5` into the smallest unit.
	pub fn parse(&self, text: &str) -> Result<u128, String> {
		self.amount(&text.parse()?)
	}

	/// `amount`, typed in tokens, in the smallest unit; an error if it has more decimals than
	/// the token or more than a balance holds.
	pub fn amount(&self, amount: &AmountText) -> Result<u128, String> {
		let AmountText { whole, fraction } = amount;
		let decimals = usize::from(self.decimals);
		if fraction.len() > decimals {
			return Err(format!("`{amount}` {}: at most {decimals} decimals", self.symbol));
		}
		let too_much = || format!("`{amount}` {} is more than any balance can hold", self.symbol);
		let whole: u128 = whole.parse().map_err(|_| too_much())?;
		// Pad the fraction to the token's decimals: "5" of a 12-decimal token is 5·10¹¹.
		let fraction: u128 = format!("{fraction:0<decimals$}").parse().unwrap_or(0);
		whole
			.checked_mul(self.unit())
			.and_then(|amount| amount.checked_add(fraction))
			.ok_or_else(too_much)
	}
}

/// An amount of tokens as typed, `digits[.digits]`, checked for its form before the token's
/// decimals are known (a command line reads it before it connects).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmountText {
	whole: String,
	fraction: String,
}

impl FromStr for AmountText {
	type Err = String;

	fn from_str(text: &str) -> Result<AmountText, String> {
		let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
		let digits =
			|part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
		if !digits(whole) || (text.contains('.') && !digits(fraction)) {
			return Err(format!(
				"`{text}` is not an amount: expected digits, optionally with a decimal point"
			));
		}
		Ok(AmountText { whole: whole.into(), fraction: fraction.into() })
	}
}

impl fmt::Display for AmountText {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(&self.whole)?;
		if !self.fraction.is_empty() {
			write!(f, ".{}", self.fraction)?;
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn ost() -> Token {
		Token { symbol: "OST".into(), decimals: 12 }
	}

	const OST: u128 = 1_000_000_000_000;

	#[test]
	fn the_token_is_read_from_the_chains_properties() {
		let properties =
			serde_json::json!({ "ss58Format": 42, "tokenDecimals": 12, "tokenSymbol": "OST" });
		assert_eq!(Token::from_properties(properties.as_object().unwrap()), Ok(ost()));
		let listed = serde_json::json!({ "tokenDecimals": [10, 12], "tokenSymbol": ["DOT", "X"] });
		let dot = Token::from_properties(listed.as_object().unwrap()).unwrap();
		assert_eq!((dot.symbol.as_str(), dot.decimals), ("DOT", 10));
		let none = serde_json::json!({});
		assert!(Token::from_properties(none.as_object().unwrap()).is_err());
		let too_fine = serde_json::json!({ "tokenDecimals": 39, "tokenSymbol": "X" });
		assert!(Token::from_properties(too_fine.as_object().unwrap()).is_err());
	}

	#[test]
	fn whole_and_fractional_amounts_are_read_exactly() {
		assert_eq!(ost().parse("250"), Ok(250 * OST));
		assert_eq!(ost().parse("0.5"), Ok(OST / 2));
		assert_eq!(ost().parse("1.000000000001"), Ok(OST + 1));
		assert_eq!(ost().parse("0.000000000001"), Ok(1));
		assert_eq!(ost().parse("0"), Ok(0));
		assert_eq!(ost().parse("007.10"), Ok(7 * OST + OST / 10));
	}

	#[test]
	fn more_decimals_than_the_token_has_are_refused() {
		let error = ost().parse("0.0000000000001").unwrap_err();
		assert!(error.contains("at most 12 decimals"), "{error}");
		let whole_only = Token { symbol: "W".into(), decimals: 0 };
		assert_eq!(whole_only.parse("3"), Ok(3));
		assert!(whole_only.parse("3.5").is_err());
	}

	#[test]
	fn garbage_is_refused() {
		for text in
			["", ".", ".5", "1.", "-1", "+1", "1e3", "1,5", " 1", "1 ", "one", "1.2.3", "0x10"]
		{
			assert!(text.parse::<AmountText>().is_err(), "`{text}` should be refused");
		}
	}

	#[test]
	fn amounts_beyond_a_balance_are_refused() {
		let max_ost = u128::MAX / OST;
		assert!(ost().parse(&max_ost.to_string()).is_ok());
		assert!(ost().parse(&(max_ost + 1).to_string()).is_err());
		assert!(ost().parse(&"9".repeat(60)).is_err());
	}

	#[test]
	fn amounts_are_written_in_tokens_without_trailing_zeros() {
		assert_eq!(ost().format(250 * OST), "250 OST");
		assert_eq!(ost().format(OST / 10), "0.1 OST");
		assert_eq!(ost().format(1), "0.000000000001 OST");
		assert_eq!(ost().format(0), "0 OST");
		assert_eq!(ost().format(1_234_500_000_000_000), "1234.5 OST");
	}

	#[test]
	fn amounts_survive_a_round_trip() {
		for amount in [0, 1, 999_999_999_999, OST, 123_456_789_012_345, u128::MAX] {
			let written = ost().format(amount);
			assert_eq!(ost().parse(written.trim_end_matches(" OST")), Ok(amount), "{written}");
		}
	}
}
