//! The `dao_*` JSON-RPC methods: read-only views of the whole DAO, served from the runtime's
//! `OstromApi` at the best block, or at the block whose hash is given as `at`.
//!
//! Accounts are SS58 strings. An unknown id or account gives `null`; a malformed parameter, a
//! limit out of range or an unknown block gives an "invalid params" error with a message.
//!
//! The pages of members, applicants, votes and one commons' contributions are `OstromApi`
//! version 3: at a block whose runtime implements an older version they answer the error
//! [`MISSING_VIEW_CODE`], "the runtime does not have this view (OstromApi v3)", without calling
//! the runtime.
//!
//! Every string parameter is refused if it is longer than any valid value before it is decoded:
//! base-58 decoding takes time quadratic in the length, and a megabyte "address" used to keep a
//! core busy for minutes after its caller had gone. A block hash is checked by its deserializer,
//! which compares the length with 64 hex digits before decoding.
//!
//! A view's answer at a block is kept ([`ViewCache`]): the same call at the same block is not
//! run again. The views run in the runtime, on one of the node's pooled runtime instances
//! (`--max-runtime-instances`), in a blocking thread: a view may read up to `MAX_SCAN` records.
//! At most [`ViewPermits`] of them run at once; further calls wait for a permit without holding a
//! thread, and a caller that hangs up while waiting costs nothing.

use std::sync::Arc;

use super::view_cache::ViewCache;
use codec::Encode;
use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
	types::{
		error::{INTERNAL_ERROR_CODE, INTERNAL_ERROR_MSG, INVALID_PARAMS_CODE},
		ErrorObjectOwned,
	},
};
use ostrom_primitives::{CommonsId, ContributionId, ProposalId};
use ostrom_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash};
use ostrom_runtime_api::{
	CommonsView, ContributionView, MemberView, OstromApi, Page, ProposalStatusName, ProposalView,
	TallyView, TreasuryView, VoiceCreditsView, VoteView, MAX_PAGE,
};
use sp_api::{ApiError, ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use tokio::sync::Semaphore;

type Proposal = ProposalView<AccountId, Balance, BlockNumber>;
type Member = MemberView<AccountId, Balance, BlockNumber>;
type Commons = CommonsView<AccountId, Balance, BlockNumber>;
type Contribution = ContributionView<AccountId, Hash, BlockNumber>;
type Treasury = TreasuryView<AccountId, Balance, BlockNumber>;
type Vote = VoteView<AccountId>;

/// The error code of a failed runtime call, e.g. at a block whose state the node has pruned.
const RUNTIME_ERROR_CODE: i32 = 1;

/// The error code of a view that the runtime at the block does not have: its `OstromApi` is of
/// an older version than the view's.
pub const MISSING_VIEW_CODE: i32 = 2;

/// The `OstromApi` version that added `members`, `applicants`, `votes` and
/// `commons_contributions`.
const PAGES_API_VERSION: u32 = 3;

/// The longest address accepted, in bytes. An SS58 address of a 32-byte account is the account,
/// a one- or two-byte prefix and a two-byte checksum, 35 or 36 bytes: at most 49 base-58
/// characters. The margin costs nothing; the bound keeps base-58 decoding (quadratic) cheap.
pub const MAX_ADDRESS_LEN: usize = 64;

/// The longest status name accepted, in bytes; the longest status, `Cancelled`, has 9.
pub const MAX_STATUS_LEN: usize = 32;

#[rpc(server, namespace = "dao")]
pub trait DaoApi {
	/// Proposal `id` with its tally, or `null`.
	#[method(name = "proposal")]
	async fn proposal(&self, id: ProposalId, at: Option<Hash>) -> RpcResult<Option<Proposal>>;

	/// Proposals from number `from` (default 0) on, oldest first, only those in `status` (e.g.
	/// `"Voting"`) if given; at most `limit` (1 to 100, default 100).
	#[method(name = "proposals")]
	async fn proposals(
		&self,
		status: Option<String>,
		from: Option<ProposalId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Proposal, ProposalId>>;

	/// How the votes on proposal `id` stand, or `null`.
	#[method(name = "tally")]
	async fn tally(&self, id: ProposalId, at: Option<Hash>) -> RpcResult<Option<TallyView>>;

	/// The member or applicant `account`, or `null`.
	#[method(name = "member")]
	async fn member(&self, account: String, at: Option<Hash>) -> RpcResult<Option<Member>>;

	/// The voice credits of member `account` in this epoch, or `null` for a non-member.
	#[method(name = "voiceCredits")]
	async fn voice_credits(
		&self,
		account: String,
		at: Option<Hash>,
	) -> RpcResult<Option<VoiceCreditsView<BlockNumber>>>;

	/// Commons `id`, or `null`.
	#[method(name = "commons")]
	async fn commons(&self, id: CommonsId, at: Option<Hash>) -> RpcResult<Option<Commons>>;

	/// Commons from identifier `from` (default 0) on; at most `limit` (1 to 100, default 100).
	#[method(name = "listCommons")]
	async fn list_commons(
		&self,
		from: Option<CommonsId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Commons, CommonsId>>;

	/// The contributions `account` recorded, from identifier `from` (default 0) on; at most
	/// `limit` (1 to 100, default 100).
	#[method(name = "contributions")]
	async fn contributions(
		&self,
		account: String,
		from: Option<ContributionId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Contribution, ContributionId>>;

	/// The treasury: pot, earmarked, spendable, the spending rule, open rounds and grants.
	#[method(name = "treasury")]
	async fn treasury(&self, at: Option<Hash>) -> RpcResult<Treasury>;

	/// The members (not the applicants) in storage order, from account `from` on (included;
	/// default the first); at most `limit` (1 to 100, default 100). `next` is the first account
	/// of the next page. OstromApi v3.
	#[method(name = "members")]
	async fn members(
		&self,
		from: Option<String>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Member, AccountId>>;

	/// The applicants with their sponsors and deposits, paged as `dao_members`. OstromApi v3.
	#[method(name = "applicants")]
	async fn applicants(
		&self,
		from: Option<String>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Member, AccountId>>;

	/// The votes stored on proposal `proposal`, in storage order from voter `from` on (included;
	/// default the first); at most `limit` (1 to 100, default 100). OstromApi v3.
	#[method(name = "votes")]
	async fn votes(
		&self,
		proposal: ProposalId,
		from: Option<String>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Vote, AccountId>>;

	/// The contributions to commons `commons`, oldest first, from identifier `from` (default 0)
	/// on; at most `limit` (1 to 100, default 100), looking at no more than 1,000 identifiers.
	/// OstromApi v3.
	#[method(name = "commonsContributions")]
	async fn commons_contributions(
		&self,
		commons: CommonsId,
		from: Option<ContributionId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Contribution, ContributionId>>;
}

/// How many views may run in the runtime at once, shared by every connection.
///
/// The node keeps `--max-runtime-instances` instances of the runtime (8 by default, 32 at most)
/// for block production, import, the transaction pool and every RPC call; a call that finds none
/// free instantiates a fresh one, which is slow and logs "Ran out of free WASM instances". The
/// views take at most half of them, so that the rest of the node always finds one and 50 clients
/// queue here instead of exhausting the pool.
#[derive(Clone)]
pub struct ViewPermits(Arc<Semaphore>);

impl ViewPermits {
	pub fn for_runtime_instances(max_runtime_instances: usize) -> Self {
		Self(Arc::new(Semaphore::new((max_runtime_instances / 2).max(1))))
	}
}

/// Serves [`DaoApiServer`] from a client.
pub struct Dao<C> {
	client: Arc<C>,
	permits: ViewPermits,
	answers: ViewCache,
}

impl<C> Dao<C> {
	pub fn new(client: Arc<C>, permits: ViewPermits, answers: ViewCache) -> Self {
		Self { client, permits, answers }
	}
}

impl<C> Dao<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: OstromApi<Block, AccountId, Balance, BlockNumber, Hash>,
{
	/// Runs `view` of `method` with `args` at block `at`, or at the best block, once a permit
	/// is free; or answers from the cache if the same call was answered at that block.
	async fn view_at<R: Clone + Send + Sync + 'static, E: Into<ViewError>>(
		&self,
		method: &'static str,
		args: impl Encode,
		at: Option<Hash>,
		view: impl FnOnce(&C::Api, Hash) -> Result<R, E> + Send + 'static,
	) -> RpcResult<R> {
		let hash = match at {
			Some(hash) => match self.client.header(hash) {
				Ok(Some(_)) => hash,
				_ => return Err(invalid_params(format!("unknown block {hash:?}"))),
			},
			None => self.client.info().best_hash,
		};
		let key = (hash, method, args.encode());
		if let Some(answer) = self.answers.get(&key) {
			return Ok(answer);
		}
		let permit = self.permits.0.clone().acquire_owned().await.map_err(|_| internal_error())?;
		// Calls that waited for a permit behind the same call find its answer.
		if let Some(answer) = self.answers.get(&key) {
			return Ok(answer);
		}
		let client = self.client.clone();
		// The permit moves into the thread: a view still running after its caller hung up keeps
		// its runtime instance, so it keeps its permit until it ends.
		let running = tokio::task::spawn_blocking(move || {
			let _permit = permit;
			view(&client.runtime_api(), hash)
				.map_err(|error| Into::<ViewError>::into(error).into_rpc_error())
		});
		let answer = running.await.map_err(|_| internal_error())??;
		self.answers.insert(key, answer.clone());
		Ok(answer)
	}

	/// Runs `view` as [`view_at`](Self::view_at) does, at a block whose runtime has the pages of
	/// `OstromApi` v3; at an older runtime, answers [`MISSING_VIEW_CODE`] without calling it.
	async fn page_at<R: Clone + Send + Sync + 'static>(
		&self,
		method: &'static str,
		args: impl Encode,
		at: Option<Hash>,
		view: impl FnOnce(&C::Api, Hash) -> Result<R, ApiError> + Send + 'static,
	) -> RpcResult<R> {
		self.view_at(method, args, at, move |api, hash| -> Result<_, ViewError> {
			require_version(api, hash, PAGES_API_VERSION)?;
			Ok(view(api, hash)?)
		})
		.await
	}
}

#[async_trait]
impl<C> DaoApiServer for Dao<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: OstromApi<Block, AccountId, Balance, BlockNumber, Hash>,
{
	async fn proposal(&self, id: ProposalId, at: Option<Hash>) -> RpcResult<Option<Proposal>> {
		self.view_at("proposal", id, at, move |api, hash| api.proposal(hash, id)).await
	}

	async fn proposals(
		&self,
		status: Option<String>,
		from: Option<ProposalId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Proposal, ProposalId>> {
		let status = status.map(|name| proposal_state(&name)).transpose()?;
		let limit = page_limit(limit)?;
		self.view_at("proposals", (status, from, limit), at, move |api, hash| {
			api.proposals(hash, status, from.unwrap_or(0), limit)
		})
		.await
	}

	async fn tally(&self, id: ProposalId, at: Option<Hash>) -> RpcResult<Option<TallyView>> {
		self.view_at("tally", id, at, move |api, hash| api.tally(hash, id)).await
	}

	async fn member(&self, account: String, at: Option<Hash>) -> RpcResult<Option<Member>> {
		let who = account_id(&account)?;
		self.view_at("member", who.clone(), at, move |api, hash| api.member(hash, who)).await
	}

	async fn voice_credits(
		&self,
		account: String,
		at: Option<Hash>,
	) -> RpcResult<Option<VoiceCreditsView<BlockNumber>>> {
		let who = account_id(&account)?;
		self.view_at("voiceCredits", who.clone(), at, move |api, hash| api.voice_credits(hash, who))
			.await
	}

	async fn commons(&self, id: CommonsId, at: Option<Hash>) -> RpcResult<Option<Commons>> {
		self.view_at("commons", id, at, move |api, hash| api.commons(hash, id)).await
	}

	async fn list_commons(
		&self,
		from: Option<CommonsId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Commons, CommonsId>> {
		let limit = page_limit(limit)?;
		self.view_at("listCommons", (from, limit), at, move |api, hash| {
			api.list_commons(hash, from.unwrap_or(0), limit)
		})
		.await
	}

	async fn contributions(
		&self,
		account: String,
		from: Option<ContributionId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Contribution, ContributionId>> {
		let who = account_id(&account)?;
		let limit = page_limit(limit)?;
		self.view_at("contributions", (who.clone(), from, limit), at, move |api, hash| {
			api.contributions(hash, who, from.unwrap_or(0), limit)
		})
		.await
	}

	async fn treasury(&self, at: Option<Hash>) -> RpcResult<Treasury> {
		self.view_at("treasury", (), at, move |api, hash| api.treasury(hash)).await
	}

	async fn members(
		&self,
		from: Option<String>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Member, AccountId>> {
		let from = from.as_deref().map(account_id).transpose()?;
		let limit = page_limit(limit)?;
		self.page_at("members", (from.clone(), limit), at, move |api, hash| {
			api.members(hash, from, limit)
		})
		.await
	}

	async fn applicants(
		&self,
		from: Option<String>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Member, AccountId>> {
		let from = from.as_deref().map(account_id).transpose()?;
		let limit = page_limit(limit)?;
		self.page_at("applicants", (from.clone(), limit), at, move |api, hash| {
			api.applicants(hash, from, limit)
		})
		.await
	}

	async fn votes(
		&self,
		proposal: ProposalId,
		from: Option<String>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Vote, AccountId>> {
		let from = from.as_deref().map(account_id).transpose()?;
		let limit = page_limit(limit)?;
		self.page_at("votes", (proposal, from.clone(), limit), at, move |api, hash| {
			api.votes(hash, proposal, from, limit)
		})
		.await
	}

	async fn commons_contributions(
		&self,
		commons: CommonsId,
		from: Option<ContributionId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<Contribution, ContributionId>> {
		let limit = page_limit(limit)?;
		self.page_at("commonsContributions", (commons, from, limit), at, move |api, hash| {
			api.commons_contributions(hash, commons, from.unwrap_or(0), limit)
		})
		.await
	}
}

/// Why a view has no answer.
#[derive(Debug)]
enum ViewError {
	/// The runtime call failed.
	Runtime(ApiError),
	/// The runtime at the block implements `OstromApi` below `version`, which added the view.
	Missing { version: u32 },
}

impl From<ApiError> for ViewError {
	fn from(error: ApiError) -> Self {
		Self::Runtime(error)
	}
}

impl ViewError {
	fn into_rpc_error(self) -> ErrorObjectOwned {
		match self {
			Self::Runtime(error) => ErrorObjectOwned::owned(
				RUNTIME_ERROR_CODE,
				"the runtime could not build the view",
				Some(error.to_string()),
			),
			Self::Missing { version } => ErrorObjectOwned::owned(
				MISSING_VIEW_CODE,
				format!("the runtime does not have this view (OstromApi v{version})"),
				None::<()>,
			),
		}
	}
}

/// Fails with [`ViewError::Missing`] unless the runtime at `hash` implements `OstromApi` at
/// `version` or later: a newer method called on an older runtime would fail without saying why.
fn require_version<Api: ApiExt<Block>>(
	api: &Api,
	hash: Hash,
	version: u32,
) -> Result<(), ViewError> {
	let implemented =
		api.api_version::<dyn OstromApi<Block, AccountId, Balance, BlockNumber, Hash>>(hash)?;
	match implemented {
		Some(implemented) if implemented >= version => Ok(()),
		_ => Err(ViewError::Missing { version }),
	}
}

fn invalid_params(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS_CODE, message, None::<()>)
}

fn internal_error() -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INTERNAL_ERROR_CODE, INTERNAL_ERROR_MSG, None::<()>)
}

/// Refuses a string parameter longer than `max` bytes, without quoting it.
fn at_most(what: &str, value: &str, max: usize) -> RpcResult<()> {
	match value.len() {
		len if len > max => {
			Err(invalid_params(format!("{what} of {len} bytes: the longest accepted has {max}")))
		}
		_ => Ok(()),
	}
}

fn account_id(address: &str) -> RpcResult<AccountId> {
	at_most("an address", address, MAX_ADDRESS_LEN)?;
	AccountId::from_ss58check(address)
		.map_err(|error| invalid_params(format!("`{address}` is not an SS58 address: {error}")))
}

fn proposal_state(name: &str) -> RpcResult<ProposalStatusName> {
	at_most("a status", name, MAX_STATUS_LEN)?;
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

	#[test]
	fn a_view_the_runtime_lacks_is_named_with_its_version() {
		let error = ViewError::Missing { version: PAGES_API_VERSION }.into_rpc_error();
		assert_eq!(error.code(), MISSING_VIEW_CODE);
		assert_eq!(error.message(), "the runtime does not have this view (OstromApi v3)");
		assert!(error.data().is_none());
		let error = ViewError::from(ApiError::UsingSameInstanceForDifferentBlocks).into_rpc_error();
		assert_eq!(error.code(), RUNTIME_ERROR_CODE);
		assert_eq!(error.message(), "the runtime could not build the view");
		assert!(error.data().is_some());
	}

	#[test]
	fn overlong_strings_are_refused_unquoted_before_decoding() {
		// Decoding a megabyte of base 58 would take minutes; the refusal takes no time.
		let huge = "5".repeat(1 << 20);
		let started = std::time::Instant::now();
		let error = account_id(&huge).unwrap_err();
		assert!(started.elapsed() < std::time::Duration::from_secs(1));
		assert_eq!(error.code(), INVALID_PARAMS_CODE);
		assert_eq!(error.message(), "an address of 1048576 bytes: the longest accepted has 64",);
		let error = proposal_state(&"V".repeat(MAX_STATUS_LEN + 1)).unwrap_err();
		assert_eq!(error.code(), INVALID_PARAMS_CODE);
		assert_eq!(error.message(), "a status of 33 bytes: the longest accepted has 32");
		// The bounds are above the longest valid values: an address with the largest two-byte
		// prefix (49 characters) is decoded, not refused for its length.
		let longest = AccountId::from([0xff; 32])
			.to_ss58check_with_version(sp_core::crypto::Ss58AddressFormat::custom(16_383));
		assert_eq!(longest.len(), 49);
		let error = account_id(&longest).unwrap_err();
		assert!(error.message().starts_with(&format!("`{longest}` is not")), "{}", error.message());
	}
}
