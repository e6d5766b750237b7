//! The `dao_*` JSON-RPC methods: read-only views of the whole DAO, served from the runtime's
//! `OstromApi` at the best block, or at the block whose hash is given as `at`.
//!
//! Accounts are SS58 strings. An unknown id or account gives `null`; a malformed parameter, a
//! limit out of range or an unknown block gives an "invalid params" error with a message.
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
	TallyView, TreasuryView, VoiceCreditsView, MAX_PAGE,
};
use sp_api::{ApiError, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use tokio::sync::Semaphore;

type Proposal = ProposalView<AccountId, Balance, BlockNumber>;
type Member = MemberView<AccountId, Balance, BlockNumber>;
type Commons = CommonsView<AccountId, Balance, BlockNumber>;
type Contribution = ContributionView<AccountId, Hash, BlockNumber>;
type Treasury = TreasuryView<AccountId, Balance, BlockNumber>;

/// The error code of a failed runtime call, e.g. at a block whose state the node has pruned.
const RUNTIME_ERROR_CODE: i32 = 1;

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
	async fn view_at<R: Clone + Send + Sync + 'static>(
		&self,
		method: &'static str,
		args: impl Encode,
		at: Option<Hash>,
		view: impl FnOnce(&C::Api, Hash) -> Result<R, ApiError> + Send + 'static,
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
			view(&client.runtime_api(), hash).map_err(|error| {
				ErrorObjectOwned::owned(
					RUNTIME_ERROR_CODE,
					"the runtime could not build the view",
					Some(error.to_string()),
				)
			})
		});
		let answer = running.await.map_err(|_| internal_error())??;
		self.answers.insert(key, answer.clone());
		Ok(answer)
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
