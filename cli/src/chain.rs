//! The connection to a node, through the typed client `ostrom-client`: runtime API views,
//! storage, the chain's token, signed transactions followed until they are finalized, and the
//! node's `dao_*` JSON-RPC answers for `--json`. A failed transaction is reported by its pallet's
//! error name and doc line, as the metadata gives them.

use anyhow::{anyhow, bail, Context as _, Result};
use ostrom_client::{
	ostrom::{
		self,
		runtime_types::{
			pallet_ostrom_proposals::types::Track,
			sp_runtime::DispatchError as RuntimeDispatchError,
		},
	},
	Client, OstromConfig, Token,
};
use std::{any::type_name, fmt};
use subxt::{
	client::OnlineClientAtBlock,
	error::{DispatchError, TransactionEventsError},
	events::DecodeAsEvent,
	ext::scale_encode::EncodeAsType,
	extrinsics::ExtrinsicEvents,
	rpcs::client::RpcParams,
	runtime_apis::Payload as RuntimeApiPayload,
	storage::Address,
	transactions::{Payload, TransactionStatus},
	ArcMetadata,
};
use subxt_signer::sr25519::Keypair;

/// The JSON-RPC error code of an unknown method, which a node also answers for an unsafe method
/// it does not serve on the endpoint asked.
pub const METHOD_NOT_FOUND: i32 = -32601;

/// A connected node.
pub struct Chain {
	url: String,
	client: Client,
}

impl Chain {
	/// Connects to the node's WebSocket JSON-RPC endpoint at `url` (`ws://` or `wss://`).
	pub async fn connect(url: &str) -> Result<Chain> {
		let client = Client::connect(url)
			.await
			.with_context(|| format!("cannot connect to a node at {url}"))?;
		Ok(Chain { url: url.to_string(), client })
	}

	/// The chain's token, to write and read amounts.
	pub fn token(&self) -> &Token {
		self.client.token()
	}

	/// Calls the node's read-only RPC `method` (a `dao_*` view); its JSON result.
	pub async fn read(&self, method: &str, params: RpcParams) -> Result<serde_json::Value> {
		self.client.rpc().request(method, params).await.map_err(|error| match error {
			subxt::rpcs::Error::User(error) if error.code == METHOD_NOT_FOUND => {
				anyhow!("the node at {} does not serve `{method}`: is it an Ostrom node?", self.url)
			}
			subxt::rpcs::Error::User(error) => {
				anyhow!("the node refused {method}: {}", error.message)
			}
			other => anyhow!(other).context(format!("{method} failed")),
		})
	}

	/// The chain at its last finalized block.
	async fn at(&self) -> Result<OnlineClientAtBlock<OstromConfig>> {
		self.client
			.api()
			.at_current_block()
			.await
			.with_context(|| format!("cannot read the chain at {}", self.url))
	}

	/// The metadata of the runtime at the last finalized block.
	pub async fn metadata(&self) -> Result<ArcMetadata> {
		Ok(self.at().await?.metadata())
	}

	/// What the runtime API `call` answers at the last finalized block.
	pub async fn view<Call: RuntimeApiPayload>(&self, call: Call) -> Result<Call::ReturnType> {
		let name = format!("{}.{}", call.trait_name(), call.method_name());
		self.at().await?.runtime_apis().call(call).await.with_context(|| format!("{name} failed"))
	}

	/// What the pallet view function `call` answers at the last finalized block.
	pub async fn view_function<Call: subxt::view_functions::Payload>(
		&self,
		call: Call,
	) -> Result<Call::ReturnType> {
		let name = format!("{}.{}", call.pallet_name(), call.function_name());
		let at = self.at().await?;
		ostrom_client::view_function(&at, call).await.with_context(|| format!("{name} failed"))
	}

	/// The value stored at `entry` under `key` at the last finalized block, if any.
	pub async fn storage<Entry: Address>(
		&self,
		entry: Entry,
		key: Entry::KeyParts,
	) -> Result<Option<Entry::Value>> {
		let at = self.at().await?;
		let stored = at.storage().try_fetch(entry, key).await.context("cannot read storage")?;
		stored.map(|value| value.decode().context("cannot decode storage")).transpose()
	}

	/// What the chain's runtime says of enacting `call` (SCALE-encoded) as a proposal on
	/// `track` would, now: the runtime dispatches it with the track's origin and keeps nothing
	/// (`OstromApi.dry_run_enactment`, at the last finalized block).
	pub async fn dry_run_enactment(&self, call: Vec<u8>, track: Track) -> Result<DryRun> {
		let at = self.at().await?;
		let ask = ostrom::runtime_apis().ostrom_api().dry_run_enactment(call, track);
		let metadata = at.metadata();
		let offered = metadata
			.runtime_api_trait_by_name(ask.trait_name())
			.is_some_and(|api| api.method_by_name(ask.method_name()).is_some());
		if !offered {
			return Ok(DryRun::Unavailable);
		}
		let answer =
			at.runtime_apis().call(ask).await.context("OstromApi.dry_run_enactment failed")?;
		match answer {
			Ok(()) => Ok(DryRun::Succeeds),
			Err(error) => Ok(DryRun::Fails(dry_run_failure(&error, metadata)?)),
		}
	}

	/// `call` SCALE-encoded, as a proposal carries it.
	pub async fn call_data(&self, call: &impl Payload) -> Result<Vec<u8>> {
		let at = self.at().await?;
		at.transactions().call_data(call).context("the call does not fit the runtime")
	}

	/// Signs `call` as `signer`, submits it and waits until its block is finalized, telling
	/// on stderr how it goes. Fails if the node refuses the transaction or its call fails.
	pub async fn submit(&self, signer: &Keypair, call: &impl Payload) -> Result<Included> {
		let mut transactions = self.at().await?.transactions();
		let mut progress = transactions
			.sign_and_submit_then_watch_default(call, signer)
			.await
			.context("the node refused the transaction")?;
		eprintln!("submitted {:?}", progress.extrinsic_hash());
		while let Some(status) = progress.next().await {
			match status.context("lost track of the transaction")? {
				TransactionStatus::Validated | TransactionStatus::Broadcasted => {}
				TransactionStatus::InBestBlock(in_block) => {
					eprintln!("in block #{}", self.block_number(in_block.block_hash()).await?);
				}
				TransactionStatus::NoLongerInBestBlock => {
					eprintln!("its block was replaced; waiting for another");
				}
				TransactionStatus::InFinalizedBlock(in_block) => {
					let block = self.block_number(in_block.block_hash()).await?;
					eprintln!("finalized in block #{block}");
					let events = in_block.wait_for_success().await.map_err(failure)?;
					return Ok(Included { events });
				}
				TransactionStatus::Error { message } => bail!("the node failed: {message}"),
				TransactionStatus::Invalid { message } => {
					bail!("the transaction is invalid: {message}")
				}
				TransactionStatus::Dropped { message } => {
					bail!("the node dropped the transaction: {message}")
				}
			}
		}
		bail!("the node stopped reporting on the transaction before it was finalized")
	}

	/// The number of the block with `hash`.
	async fn block_number(&self, hash: subxt::utils::H256) -> Result<u64> {
		let at = self.client.api().at_block(hash).await.context("cannot read the block")?;
		Ok(at.block_number())
	}
}

/// The events a transaction in a finalized block emitted.
pub struct Included {
	events: ExtrinsicEvents<OstromConfig>,
}

impl Included {
	/// The first `Event` the transaction emitted, if any.
	pub fn event<Event: DecodeAsEvent>(&self) -> Result<Option<Event>> {
		self.events
			.find_first::<Event>()
			.transpose()
			.with_context(|| format!("cannot decode the {} event", event_name::<Event>()))
	}

	/// The `Event` the transaction must have emitted.
	pub fn expect_event<Event: DecodeAsEvent>(&self) -> Result<Event> {
		self.event()?
			.ok_or_else(|| anyhow!("the transaction emitted no {} event", event_name::<Event>()))
	}
}

/// A generated event's pallet and name, e.g. `proposals::Submitted`, from its type's path
/// (`…::proposals::events::Submitted`).
fn event_name<Event>() -> String {
	let mut parts = type_name::<Event>().rsplit("::");
	let (name, pallet) = (parts.next().unwrap_or_default(), parts.nth(1).unwrap_or_default());
	format!("{pallet}::{name}")
}

/// A call that failed with one of its pallet's errors.
#[derive(Debug)]
pub struct PalletError {
	pub pallet: String,
	pub error: String,
	/// The error's doc comment, on one line.
	pub docs: String,
}

impl fmt::Display for PalletError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "{}::{}", self.pallet, self.error)?;
		if !self.docs.is_empty() {
			write!(f, ": {}", self.docs)?;
		}
		Ok(())
	}
}

impl std::error::Error for PalletError {}

/// What the runtime says of enacting a call now.
pub enum DryRun {
	/// The call succeeds.
	Succeeds,
	/// The call fails, for this reason: a pallet's error by name and doc line, or the
	/// runtime's.
	Fails(anyhow::Error),
	/// The chain's runtime cannot dry-run enactments: it is older than `OstromApi` version 2.
	Unavailable,
}

/// Why a dry run failed: its `error` read as subxt reads a failed transaction's, against the
/// runtime's `metadata`.
fn dry_run_failure(error: &RuntimeDispatchError, metadata: ArcMetadata) -> Result<anyhow::Error> {
	let type_id = metadata
		.dispatch_error_ty()
		.ok_or_else(|| anyhow!("the chain's metadata has no DispatchError type"))?;
	let encoded = error
		.encode_as_type(type_id, metadata.types())
		.context("cannot encode the dry run's error")?;
	let error = DispatchError::decode_from(encoded, metadata)
		.context("cannot decode the dry run's error")?;
	Ok(dispatch_failure(error))
}

/// Why a finalized transaction did not succeed: by name and doc line for a pallet's error.
fn failure(error: TransactionEventsError) -> anyhow::Error {
	match error {
		TransactionEventsError::ExtrinsicFailed(dispatch) => {
			let failure = dispatch_failure(dispatch);
			if failure.is::<PalletError>() {
				failure
			} else {
				failure.context("the transaction failed")
			}
		}
		other => anyhow!(other).context("cannot read the outcome of the transaction"),
	}
}

/// Why a call failed: by name and doc line for a pallet's error, else as subxt describes the
/// runtime's error (e.g. "Bad origin.").
fn dispatch_failure(dispatch: DispatchError) -> anyhow::Error {
	if let DispatchError::Module(module) = &dispatch {
		if let Ok(details) = module.details() {
			return PalletError {
				pallet: details.pallet.name().to_string(),
				error: details.variant.name.clone(),
				docs: one_line(&details.variant.docs),
			}
			.into();
		}
	}
	anyhow!("{dispatch}")
}

/// Doc comment lines joined into one line.
fn one_line(docs: &[String]) -> String {
	docs.iter()
		.map(|line| line.trim())
		.filter(|line| !line.is_empty())
		.collect::<Vec<_>>()
		.join(" ")
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn pallet_errors_read_as_name_and_doc_line() {
		let error = PalletError {
			pallet: "QuadraticVoting".into(),
			error: "NotEnoughCredits".into(),
			docs: one_line(&[
				" The vote costs more voice credits than the member has left".into(),
				" in this epoch.".into(),
			]),
		};
		assert_eq!(
			error.to_string(),
			"QuadraticVoting::NotEnoughCredits: The vote costs more voice credits than the \
			 member has left in this epoch."
		);
		let undocumented = PalletError { docs: String::new(), ..error };
		assert_eq!(undocumented.to_string(), "QuadraticVoting::NotEnoughCredits");
	}

	#[test]
	fn a_dry_runs_error_reads_as_a_failed_transactions() {
		use ostrom_client::ostrom::runtime_types::sp_runtime::ModuleError;
		let metadata = ArcMetadata::new(
			subxt::Metadata::decode_from(ostrom_client::METADATA).expect("the metadata decodes"),
		);
		let treasury = metadata.pallet_by_name("Treasury").expect("the runtime has a treasury");
		let zero_amount = treasury
			.error_variants()
			.and_then(|errors| errors.iter().find(|error| error.name == "ZeroAmount"))
			.expect("the treasury refuses zero amounts")
			.index;
		let error = RuntimeDispatchError::Module(ModuleError {
			index: treasury.error_index(),
			error: [zero_amount, 0, 0, 0],
		});
		let failure = dry_run_failure(&error, metadata.clone()).unwrap();
		assert_eq!(failure.to_string(), "Treasury::ZeroAmount: The amount must not be zero.");
		let bad_origin = dry_run_failure(&RuntimeDispatchError::BadOrigin, metadata).unwrap();
		assert_eq!(bad_origin.to_string(), "Bad origin.");
	}

	#[test]
	fn events_are_named_by_pallet_and_name() {
		use ostrom_client::ostrom::proposals::events::Submitted;
		assert_eq!(event_name::<Submitted>(), "proposals::Submitted");
	}
}
