//! Accounts: the signer from its secret URI, and addresses in SS58 (prefix 42, as the chain
//! writes them).

use anyhow::{anyhow, Result};
use ostrom_client::AccountId;
use subxt_signer::sr25519::Keypair;

/// Reads an SS58 address (a clap value parser).
pub fn parse_address(text: &str) -> Result<AccountId, String> {
	text.parse().map_err(|error| format!("`{text}` is not an SS58 address: {error}"))
}

/// The sr25519 key of a secret URI: a dev account such as `//Alice`, or a mnemonic with an
/// optional derivation path and `///password`.
pub fn signer_from_uri(uri: Option<&str>) -> Result<Keypair> {
	let uri = uri.ok_or_else(|| {
		anyhow!("this command signs a transaction: give the signer with --suri or OSTROM_SURI")
	})?;
	ostrom_client::signer::signer(uri).map_err(|problem| anyhow!("--suri: {problem}"))
}

/// The SS58 address of `signer`.
pub fn address_of(signer: &Keypair) -> AccountId {
	signer.public_key().to_account_id()
}

#[cfg(test)]
mod tests {
	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

	#[test]
	fn dev_uris_give_the_dev_accounts() {
		let alice = signer_from_uri(Some("//Alice")).unwrap();
		assert_eq!(address_of(&alice).to_string(), ALICE);
	}

	#[test]
	fn a_missing_or_bad_signer_is_explained() {
		let missing = signer_from_uri(None).unwrap_err().to_string();
		assert!(missing.contains("--suri"), "{missing}");
		assert!(signer_from_uri(Some("not a uri at all")).is_err());
	}

	#[test]
	fn addresses_are_ss58() {
		assert_eq!(parse_address(ALICE).unwrap().to_string(), ALICE);
		assert!(parse_address("5Grwva").is_err());
		assert!(parse_address("0x1234").is_err());
	}
}
