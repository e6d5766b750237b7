//! Signers: sr25519 keys from a dev account's name or a secret URI.

use subxt_signer::{sr25519::Keypair, SecretUri};

/// The development accounts every dev chain endows, by name.
const DEV_ACCOUNTS: [&str; 6] = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"];

/// The sr25519 key of a dev account's name (`alice`, `Bob`) or of a secret URI: a dev URI such
/// as `//Alice`, or a mnemonic with an optional derivation path and `///password`. The error
/// never quotes the secret.
pub fn signer(name_or_uri: &str) -> Result<Keypair, String> {
	let dev = DEV_ACCOUNTS.iter().find(|name| name.eq_ignore_ascii_case(name_or_uri));
	let uri = match dev {
		Some(name) => format!("//{name}"),
		None => name_or_uri.to_string(),
	};
	let secret: SecretUri =
		uri.parse().map_err(|_| "not a dev account's name or a secret URI such as //Alice")?;
	Keypair::from_uri(&secret).map_err(|_| "the secret URI gives no sr25519 key".to_string())
}

#[cfg(test)]
mod tests {
	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

	fn address(name_or_uri: &str) -> String {
		signer(name_or_uri).unwrap().public_key().to_account_id().to_string()
	}

	#[test]
	fn dev_names_and_uris_give_the_dev_accounts() {
		assert_eq!(address("//Alice"), ALICE);
		assert_eq!(address("alice"), ALICE);
		assert_eq!(address("Alice"), ALICE);
		assert_ne!(address("bob"), ALICE);
	}

	#[test]
	fn a_bad_uri_is_refused_without_quoting_it() {
		let error = signer("not a uri at all").unwrap_err();
		assert!(!error.contains("not a uri at all"), "{error}");
	}
}
