//! Where transaction fees go: 80 % of each fee to the treasury's pot, the rest and all tips to
//! the block's author: the account of the validator whose Aura key sealed the block (not the
//! account of that key), found by `pallet_authorship` from the Aura pre-runtime digest and
//! pallet-session's validator list. The author's share waits in the pot and is paid once, when
//! the block ends ([`pallet_ostrom_treasury::ToBlockAuthor`]).

use frame_support::traits::{fungible::Credit, Imbalance, OnUnbalanced};
use pallet_ostrom_treasury::ToBlockAuthor;

use super::super::{AccountId, Aura, Authorship, Balances, Runtime, Treasury, Validators};

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

impl pallet_authorship::Config for Runtime {
	/// The validator at the author's index in Aura's authorities: pallet-session hands Aura the
	/// keys of its validators in the same order.
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Runtime, Aura>;
	/// Liveness: a validator that authors nothing for too long is parked.
	type EventHandler = Validators;
}
