//! Which licence strings the registry accepts.

/// Whether `license` looks like an SPDX licence identifier (`MIT`, `GPL-3.0-only`,
/// `CC-BY-SA-4.0`, `GPL-2.0+`, `LicenseRef-Community-1.0`): non-empty, letters, digits, `.`, `-`
/// and `+` only. The SPDX list itself changes over time, so it is not hard-coded.
pub fn is_spdx_identifier(license: &[u8]) -> bool {
	!license.is_empty()
		&& license.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'+'))
}

#[cfg(test)]
mod tests {
	use super::is_spdx_identifier;

	#[test]
	fn spdx_identifiers_are_accepted() {
		for id in ["MIT", "GPL-3.0-only", "CC-BY-SA-4.0", "GPL-2.0+", "LicenseRef-Community-1.0"] {
			assert!(is_spdx_identifier(id.as_bytes()), "{id}");
		}
	}

	#[test]
	fn other_strings_are_rejected() {
		for id in ["", "MIT OR Apache-2.0", "GPL/3", "CC_BY", "MIT;", "\u{e9}"] {
			assert!(!is_spdx_identifier(id.as_bytes()), "{id:?}");
		}
	}
}
