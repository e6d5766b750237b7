//! The benchmark's members: sr25519 keys derived from one secret URI, member `i` at `<seed>//i`.

use anyhow::{anyhow, Result};
use ostrom_client::AccountId;
use subxt_signer::{sr25519::Keypair, DeriveJunction, SecretUri};

/// The keys of `count` members: `<seed>//0`, `<seed>//1` …, e.g. `//bench//0` on the dev phrase.
/// The seed's phrase is stretched once; each member is one hard derivation from it, as the
/// secret URI `<seed>//i` would give.
pub fn derive(seed: &str, count: u32) -> Result<Vec<Keypair>> {
	let uri: SecretUri = seed.parse().map_err(|_| anyhow!("--seed is not a secret URI"))?;
	let root = Keypair::from_uri(&uri).map_err(|_| anyhow!("--seed gives no sr25519 key"))?;
	Ok((0..count)
		.map(|i| root.derive([DeriveJunction::from(i.to_string().as_str()).harden()]))
		.collect())
}

/// The account of each key.
pub fn accounts(keys: &[Keypair]) -> Vec<AccountId> {
	keys.iter().map(|key| key.public_key().to_account_id()).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn member_i_is_the_key_of_the_uri_seed_slash_slash_i() {
		let keys = derive("//bench", 3).unwrap();
		let uri: SecretUri = "//bench//2".parse().unwrap();
		let expected = Keypair::from_uri(&uri).unwrap();
		assert_eq!(keys[2].public_key().0, expected.public_key().0);
		assert_ne!(keys[1].public_key().0, expected.public_key().0);
	}
}
