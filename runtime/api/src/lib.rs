//! # Ostrom runtime API
//!
//! `OstromApi` shows the whole DAO ("holoptism"): every proposal with its tally, every member's
//! standing and voice credits, every commons with its contributions, and the treasury. The
//! runtime builds the views from its pallets' storage; the node serves them as the `dao_*`
//! JSON-RPC methods, and dApps may also call the API directly (`state_call`, PAPI, subxt).
//!
//! Views are plain data: SCALE-encoded for the runtime call, and serialized for JSON with
//! camelCase fields, accounts in SS58, balances as decimal strings, shares as percentages and
//! enums by name.
//!
//! Lists are pages of at most [`MAX_PAGE`] items. Where a page is found by filtering, the runtime
//! looks at no more than [`MAX_SCAN`] records per call, so that a call's cost is bounded however
//! large the DAO grows; a page that stopped early says where to go on in `next`.
//!
//! Besides the views, [`dry_run_enactment`](OstromApi::dry_run_enactment) tells what a call
//! would return if a proposal enacted it now, so that a client refuses a proposal that can only
//! fail before it is signed.
//!
//! ## Versions
//!
//! A node and its clients talk to old runtimes as well as new ones: a method is never changed
//! in place; a new one is added at the next version (`#[api_version(N)]`), which the runtime
//! then implements. Version 1 has the views; version 2 adds `dry_run_enactment`; version 3 adds
//! the pages of members, applicants, one proposal's votes and one commons' contributions
//! (`members`, `applicants`, `votes`, `commons_contributions`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod json;
mod views;

pub use views::*;

use alloc::vec::Vec;
use codec::Codec;
use ostrom_primitives::{CommonsId, ContributionId, ProposalId};
use sp_runtime::DispatchError;

/// The most items a page holds.
pub const MAX_PAGE: u32 = 100;

/// The most records a filtered page looks at.
pub const MAX_SCAN: u32 = 1_000;

sp_api::decl_runtime_apis! {
	/// Read-only views of the DAO, for the node's `dao_*` RPC methods and for dApps.
	pub trait OstromApi<AccountId, Balance, BlockNumber, Hash>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		Hash: Codec,
	{
		/// Proposal `id` with its tally; `None` if there is none.
		fn proposal(id: ProposalId) -> Option<ProposalView<AccountId, Balance, BlockNumber>>;

		/// Proposals from id `from` on, oldest first, only those in `status` if given; at most
		/// `limit` (itself at most `MAX_PAGE`).
		fn proposals(
			status: Option<ProposalStatusName>,
			from: ProposalId,
			limit: u32,
		) -> Page<ProposalView<AccountId, Balance, BlockNumber>, ProposalId>;

		/// How the votes on proposal `id` stand; `None` if there is no such proposal.
		fn tally(id: ProposalId) -> Option<TallyView>;

		/// The member, or applicant, `who`; `None` for anyone else.
		fn member(who: AccountId) -> Option<MemberView<AccountId, Balance, BlockNumber>>;

		/// The voice credits of member `who` in the current epoch; `None` for non-members.
		fn voice_credits(who: AccountId) -> Option<VoiceCreditsView<BlockNumber>>;

		/// Commons `id`; `None` if there is none.
		fn commons(id: CommonsId) -> Option<CommonsView<AccountId, Balance, BlockNumber>>;

		/// Commons from identifier `from` on, at most `limit` (itself at most `MAX_PAGE`).
		fn list_commons(
			from: CommonsId,
			limit: u32,
		) -> Page<CommonsView<AccountId, Balance, BlockNumber>, CommonsId>;

		/// The contributions `who` recorded, from identifier `from` on; at most `limit`.
		fn contributions(
			who: AccountId,
			from: ContributionId,
			limit: u32,
		) -> Page<ContributionView<AccountId, Hash, BlockNumber>, ContributionId>;

		/// The treasury: its pot, what is owed and spendable, open rounds and grants.
		fn treasury() -> TreasuryView<AccountId, Balance, BlockNumber>;

		/// What the SCALE-encoded `call` returns when it is dispatched as a proposal on `track`
		/// would enact it, in the state of now: with the DAO origin on the Standard track, as
		/// root on the Root and Emergency tracks. Nothing it changes is kept. Fails with
		/// `Proposals.UndecodableCall` unless `call` is exactly one call of the runtime, and
		/// with `Exhausted` if it is longer than any preimage may be.
		#[api_version(2)]
		fn dry_run_enactment(call: Vec<u8>, track: Track) -> Result<(), DispatchError>;

		/// The members (not the applicants), in the order the membership stores them (by the
		/// hash of the account): at most `limit` (itself at most `MAX_PAGE`) from account `from`
		/// on, `from` included; from the first if `from` is `None`. `next` is the first member of
		/// the next page.
		#[api_version(3)]
		fn members(
			from: Option<AccountId>,
			limit: u32,
		) -> Page<MemberView<AccountId, Balance, BlockNumber>, AccountId>;

		/// The applicants, with their sponsors and deposits, paged as `members` pages the
		/// members.
		#[api_version(3)]
		fn applicants(
			from: Option<AccountId>,
			limit: u32,
		) -> Page<MemberView<AccountId, Balance, BlockNumber>, AccountId>;

		/// The votes still stored on `proposal` (a removed vote is gone, a replaced one shows as
		/// it is now), in the order they are stored (by the hash of the voter): at most `limit`
		/// (itself at most `MAX_PAGE`) from voter `from` on, `from` included; from the first if
		/// `from` is `None`. `next` is the first voter of the next page.
		#[api_version(3)]
		fn votes(
			proposal: ProposalId,
			from: Option<AccountId>,
			limit: u32,
		) -> Page<VoteView<AccountId>, AccountId>;

		/// The contributions to `commons`, oldest first, from identifier `from` on; at most
		/// `limit` (itself at most `MAX_PAGE`), looking at no more than `MAX_SCAN` identifiers.
		#[api_version(3)]
		fn commons_contributions(
			commons: CommonsId,
			from: ContributionId,
			limit: u32,
		) -> Page<ContributionView<AccountId, Hash, BlockNumber>, ContributionId>;
	}
}
