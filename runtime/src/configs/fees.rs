//! Where transaction fees go: 80 % of each fee to the treasury's pot, the rest and all tips to
//! the block's author, found from its Aura pre-runtime digest by `pallet_authorship`. The
//! author's share waits in the pot and is paid once, when the block ends
//! ([`pallet_ostrom_treasury::ToBlockAuthor`]).

use frame_support::traits::{fungible::Credit, FindAuthor, Imbalance, OnUnbalanced};
use pallet_ostrom_treasury::ToBlockAuthor;
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
			ToBlockAuthor::<Runtime>::on_unbalanced(to_author);
		}
	}
}

/// The current block's author, as `pallet_authorship` finds it from the Aura pre-digest.
pub struct AuraBlockAuthor;

impl pallet_ostrom_treasury::BlockAuthor<AccountId> for AuraBlockAuthor {
	fn block_author() -> Option<AccountId> {
		Authorship::author()
	}

	/// The first authority's block: Aura's pre-digest for a slot of index 0.
	#[cfg(feature = "runtime-benchmarks")]
	fn author_for_benchmarks() -> AccountId {
		use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
		use sp_runtime::DigestItem;
		let authorities = pallet_aura::Authorities::<Runtime>::get().len().max(1) as u64;
		let slot = Slot::from(u64::from(super::super::System::block_number()) * authorities);
		super::super::System::deposit_log(DigestItem::PreRuntime(
			AURA_ENGINE_ID,
			codec::Encode::encode(&slot),
		));
		Authorship::author().expect("a block with Aura's pre-digest has an author; qed")
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
