//! Where transaction fees go: 80 % of each fee to the treasury's pot, the rest and all tips to
//! the block's author, found from its Aura pre-runtime digest by `pallet_authorship`.

use frame_support::traits::{
	fungible::{Balanced, Credit},
	FindAuthor, Imbalance, OnUnbalanced,
};
use sp_runtime::ConsensusEngineId;

use super::super::{AccountId, Aura, Authorship, Balances, Runtime, Treasury};

/// The treasury's share of each fee, in percent.
pub const TREASURY_FEE_SHARE: u32 = 80;

/// Splits fees between the treasury and the author; tips go to the author.
pub struct DealWithFees;

impl OnUnbalanced<Credit<AccountId, Balances>> for DealWithFees {
	fn on_unbalanceds(mut fees_then_tips: impl Iterator<Item = Credit<AccountId, Balances>>) {
		if let Some(fees) = fees_then_tips.next() {
			let (to_treasury, mut to_author) =
				fees.ration(TREASURY_FEE_SHARE, 100 - TREASURY_FEE_SHARE);
			for tip in fees_then_tips {
				to_author.subsume(tip);
			}
			Treasury::on_unbalanced(to_treasury);
			ToAuthor::on_unbalanced(to_author);
		}
	}
}

/// Pays the author of the current block; the treasury takes what no author can.
pub struct ToAuthor;

impl OnUnbalanced<Credit<AccountId, Balances>> for ToAuthor {
	fn on_nonzero_unbalanced(credit: Credit<AccountId, Balances>) {
		let unpaid = match Authorship::author() {
			Some(author) => Balances::resolve(&author, credit).err(),
			None => Some(credit),
		};
		if let Some(credit) = unpaid {
			Treasury::on_unbalanced(credit);
		}
	}
}

/// The author's account is the one of the same sr25519 key as its Aura authority key.
pub struct AuraAuthorAccount;

impl FindAuthor<AccountId> for AuraAuthorAccount {
	fn find_author<'a, I>(digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
	{
		pallet_aura::FindAccountFromAuthorIndex::<Runtime, Aura>::find_author(digests)
			.map(|authority| AccountId::from(sp_core::sr25519::Public::from(authority)))
	}
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = AuraAuthorAccount;
	type EventHandler = ();
}
