//! The `dao_*` JSON-RPC methods: read-only views of the whole DAO, served from the runtime's
//! `OstromApi` at the best block, or at the block whose hash is given as `at`.
//!
//! Accounts are SS58 strings. An unknown id or account gives `null`; a malformed parameter, a
//! limit out of range or an unknown block gives an "invalid params" error with a message. The
//! methods are `blocking`: a view may read up to `MAX_SCAN` records, which should not hold up
//! the server's async workers.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned},
};
use ostrom_primitives::{CommonsId, ContributionId, ProposalId};
use ostrom_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash};
use ostrom_runtime_api::{
	CommonsView, ContributionView, MemberView, OstromApi, Page, ProposalStatusName, ProposalView,
	TallyView, TreasuryView, VoiceCreditsView, MAX_PAGE,
};
use sp_api::{ApiError, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;

type Proposal = ProposalView<AccountId, Balance, BlockNumber>;
type Member = MemberView<AccountId, Balance, BlockNumber>;
type Commons = CommonsView<AccountId, Balance, BlockNumber>;
type Contribution = ContributionView<AccountId, Hash, BlockNumber>;
type Treasury = TreasuryView<AccountId, Balance, BlockNumber>;

/// The error code of a failed runtime call, e.g. at a block whose state the node has pruned.
const RUNTIME_ERROR_CODE: i32 = 1;

#[rpc(server, namespace = "dao")]
pub trait DaoApi {
	/// Proposal `id` with its tally, or `null`.
	#[method(name = "proposal", blocking)]
	fn proposal(&self, id: ProposalId, at: Option<Hash>) -> RpcResult<Option<Proposal>>;

	/// Proposals from number `from` (default 0) on, oldest first, only those in `status` (e.g.
	/// `"Voting"`) if given; at most `limit` (1 to 100, default 100).
	#[method(name = "proposals", blocking)]
	fn proposals(
		&self,
		status: Option<String>,
		from: Option<ProposalId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Proposal, ProposalId>>;

	/// How the votes on proposal `id` stand, or `null`.
	#[method(name = "tally", blocking)]
	fn tally(&self, id: ProposalId, at: Option<Hash>) -> RpcResult<Option<TallyView>>;

	/// The member or applicant `account`, or `null`.
	#[method(name = "member", blocking)]
	fn member(&self, account: String, at: Option<Hash>) -> RpcResult<Option<Member>>;

	/// The voice credits of member `account` in this epoch, or `null` for a non-member.
	#[method(name = "voiceCredits", blocking)]
	fn voice_credits(
		&self,
		account: String,
		at: Option<Hash>,
	) -> RpcResult<Option<VoiceCreditsView<BlockNumber>>>;

	/// Commons `id`, or `null`.
	#[method(name = "commons", blocking)]
	fn commons(&self, id: CommonsId, at: Option<Hash>) -> RpcResult<Option<Commons>>;

	/// Commons from identifier `from` (default 0) on; at most `limit` (1 to 100, default 100).
	#[method(name = "listCommons", blocking)]
	fn list_commons(
		&self,
		from: Option<CommonsId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Commons, CommonsId>>;

	/// The contributions `account` recorded, from identifier `from` (default 0) on; at most
	/// `limit` (1 to 100, default 100).
	#[method(name = "contributions", blocking)]
	fn contributions(
		&self,
		account: String,
		from: Option<ContributionId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Contribution, ContributionId>>;

	/// The treasury: pot, earmarked, spendable, the spending rule, open rounds and grants.
	#[method(name = "treasury", blocking)]
	fn treasury(&self, at: Option<Hash>) -> RpcResult<Treasury>;
}

/// Serves [`DaoApiServer`] from a client.
pub struct Dao<C> {
	client: Arc<C>,
}

impl<C> Dao<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> Dao<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: OstromApi<Block, AccountId, Balance, BlockNumber, Hash>,
{
	/// Runs `view` at block `at`, or at the best block.
	fn view_at<R>(
		&self,
		at: Option<Hash>,
		view: impl FnOnce(&C::Api, Hash) -> Result<R, ApiError>,
	) -> RpcResult<R> {
		let hash = match at {
			Some(hash) => match self.client.header(hash) {
				Ok(Some(_)) => hash,
				_ => return Err(invalid_params(format!("unknown block {hash:?}"))),
			},
			None => self.client.info().best_hash,
		};
		view(&self.client.runtime_api(), hash).map_err(|error| {
			ErrorObjectOwned::owned(
				RUNTIME_ERROR_CODE,
				"the runtime could not build the view",
				Some(error.to_string()),
			)
		})
	}
}

impl<C> DaoApiServer for Dao<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: OstromApi<Block, AccountId, Balance, BlockNumber, Hash>,
{
	fn proposal(&self, id: ProposalId, at: Option<Hash>) -> RpcResult<Option<Proposal>> {
		self.view_at(at, |api, hash| api.proposal(hash, id))
	}

	fn proposals(
		&self,
		status: Option<String>,
		from: Option<ProposalId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Proposal, ProposalId>> {
		let status = status.map(|name| proposal_state(&name)).transpose()?;
		let limit = page_limit(limit)?;
		self.view_at(at, |api, hash| api.proposals(hash, status, from.unwrap_or(0), limit))
	}

	fn tally(&self, id: ProposalId, at: Option<Hash>) -> RpcResult<Option<TallyView>> {
		self.view_at(at, |api, hash| api.tally(hash, id))
	}

	fn member(&self, account: String, at: Option<Hash>) -> RpcResult<Option<Member>> {
		let who = account_id(&account)?;
		self.view_at(at, |api, hash| api.member(hash, who))
	}

	fn voice_credits(
		&self,
		account: String,
		at: Option<Hash>,
	) -> RpcResult<Option<VoiceCreditsView<BlockNumber>>> {
		let who = account_id(&account)?;
		self.view_at(at, |api, hash| api.voice_credits(hash, who))
	}

	fn commons(&self, id: CommonsId, at: Option<Hash>) -> RpcResult<Option<Commons>> {
		self.view_at(at, |api, hash| api.commons(hash, id))
	}

	fn list_commons(
		&self,
		from: Option<CommonsId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Commons, CommonsId>> {
		let limit = page_limit(limit)?;
		self.view_at(at, |api, hash| api.list_commons(hash, from.unwrap_or(0), limit))
	}

	fn contributions(
		&self,
		account: String,
		from: Option<ContributionId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Contribution, ContributionId>> {
		let who = account_id(&account)?;
		let limit = page_limit(limit)?;
		self.view_at(at, |api, hash| api.contributions(hash, who, from.unwrap_or(0), limit))
	}

	fn treasury(&self, at: Option<Hash>) -> RpcResult<Treasury> {
		self.view_at(at, |api, hash| api.treasury(hash))
	}
}

fn invalid_params(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS_CODE, message, None::<()>)
}

fn account_id(address: &str) -> RpcResult<AccountId> {
	AccountId::from_ss58check(address)
		.map_err(|error| invalid_params(format!("`{address}` is not an SS58 address: {error}")))
}

fn proposal_state(name: &str) -> RpcResult<ProposalStatusName> {
	ostrom_runtime_api::json::variant_from_name(name).ok_or_else(|| {
		invalid_params(format!(
			"unknown status `{name}`: expected Voting, Approved, Rejected, Cancelled, Killed, \
			 Executed or Revoked"
		))
	})
}

fn page_limit(limit: Option<u32>) -> RpcResult<u32> {
	match limit.unwrap_or(MAX_PAGE) {
		limit @ 1..=MAX_PAGE => Ok(limit),
		limit => Err(invalid_params(format!("limit {limit} is not between 1 and {MAX_PAGE}"))),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn statuses_are_read_by_name() {
		assert_eq!(proposal_state("Voting").unwrap(), ProposalStatusName::Voting);
		assert_eq!(proposal_state("Executed").unwrap(), ProposalStatusName::Executed);
		let error = proposal_state("voting").unwrap_err();
		assert_eq!(error.code(), INVALID_PARAMS_CODE);
		assert!(error.message().contains("unknown status `voting`"), "{}", error.message());
	}

	#[test]
	fn limits_are_between_one_and_a_page() {
		assert_eq!(page_limit(None).unwrap(), MAX_PAGE);
		assert_eq!(page_limit(Some(1)).unwrap(), 1);
		assert_eq!(page_limit(Some(MAX_PAGE)).unwrap(), MAX_PAGE);
		assert_eq!(page_limit(Some(0)).unwrap_err().code(), INVALID_PARAMS_CODE);
		assert_eq!(page_limit(Some(MAX_PAGE + 1)).unwrap_err().code(), INVALID_PARAMS_CODE);
	}

	#[test]
	fn accounts_are_ss58_addresses() {
		let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
		assert_eq!(account_id(alice).unwrap().to_ss58check(), alice);
		let error = account_id("5Grwva").unwrap_err();
		assert_eq!(error.code(), INVALID_PARAMS_CODE);
		assert!(error.message().starts_with("`5Grwva` is not an SS58 address"));
	}
}
