//! The connection to a node: the read-only `dao_*` JSON-RPC methods, and signed transactions
//! built from the runtime's metadata, followed until they are finalized. A failed transaction
//! is reported by its pallet's error name and doc line, as the metadata gives them.

use anyhow::{anyhow, bail, Context as _, Result};
use serde::Deserialize;
use std::fmt;
use subxt::{
	error::{DispatchError, TransactionEventsError},
	ext::{
		frame_decode::storage::{IntoDecodableValues, IntoEncodableValues},
		scale_decode::{DecodeAsFields, DecodeAsType},
	},
	extrinsics::ExtrinsicEvents,
	rpcs::{client::RpcParams, rpc_params, RpcClient},
	transactions::{Payload, TransactionStatus},
	utils::H256,
	ArcMetadata, OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::Keypair;
use tokio::sync::OnceCell;

/// The JSON-RPC error code of an unknown method.
const METHOD_NOT_FOUND: i32 = -32601;

type Api = OnlineClient<PolkadotConfig>;

/// A connected node.
pub struct Chain {
	url: String,
	rpc: RpcClient,
	/// The metadata-aware client; only commands that sign or decode need it, so it is made
	/// on first use.
	api: OnceCell<Api>,
}

impl Chain {
	/// Connects to the node's WebSocket JSON-RPC endpoint at `url` (`ws://` or `wss://`).
	pub async fn connect(url: &str) -> Result<Chain> {
		let rpc = RpcClient::from_insecure_url(url)
			.await
			.with_context(|| format!("cannot connect to a node at {url}"))?;
		Ok(Chain { url: url.to_string(), rpc, api: OnceCell::new() })
	}

	/// Calls the read-only RPC `method`; its JSON result.
	pub async fn read(&self, method: &str, params: RpcParams) -> Result<serde_json::Value> {
		self.rpc.request(method, params).await.map_err(|error| match error {
			subxt::rpcs::Error::User(error) if error.code == METHOD_NOT_FOUND => {
				anyhow!("the node at {} does not serve `{method}`: is it an Ostrom node?", self.url)
			}
			subxt::rpcs::Error::User(error) => {
				anyhow!("the node refused {method}: {}", error.message)
			}
			other => anyhow!(other).context(format!("{method} failed")),
		})
	}

	/// The client that knows the runtime's metadata.
	async fn api(&self) -> Result<&Api> {
		self.api
			.get_or_try_init(|| async {
				Api::from_rpc_client(self.rpc.clone())
					.await
					.with_context(|| format!("cannot read the chain at {}", self.url))
			})
			.await
	}

	/// The metadata of the runtime at the last finalized block.
	pub async fn metadata(&self) -> Result<ArcMetadata> {
		Ok(self.api().await?.at_current_block().await?.metadata())
	}

	/// `call` SCALE-encoded, as a proposal carries it.
	pub async fn call_data(&self, call: &impl Payload) -> Result<Vec<u8>> {
		let at = self.api().await?.at_current_block().await?;
		at.transactions().call_data(call).context("the call does not fit the runtime")
	}

	/// The value stored at `pallet`.`entry` under `key` at the last finalized block, if any.
	pub async fn storage<Key, Value>(
		&self,
		pallet: &str,
		entry: &str,
		key: Key,
	) -> Result<Option<Value>>
	where
		Key: IntoEncodableValues + IntoDecodableValues,
		Value: DecodeAsType,
	{
		let at = self.api().await?.at_current_block().await?;
		let address = subxt::dynamic::storage::<Key, Value>(pallet, entry);
		let stored = at
			.storage()
			.try_fetch(address, key)
			.await
			.with_context(|| format!("cannot read {pallet}.{entry}"))?;
		stored
			.map(|value| value.decode().with_context(|| format!("cannot decode {pallet}.{entry}")))
			.transpose()
	}

	/// Signs `call` as `signer`, submits it and waits until its block is finalized, telling
	/// on stderr how it goes. Fails if the node refuses the transaction or its call fails.
	pub async fn submit(&self, signer: &Keypair, call: &impl Payload) -> Result<Included> {
		let mut transactions = self.api().await?.at_current_block().await?.transactions();
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
	async fn block_number(&self, hash: H256) -> Result<u64> {
		#[derive(Deserialize)]
		struct Header {
			number: String,
		}
		let header: Header = self
			.rpc
			.request("chain_getHeader", rpc_params![hash])
			.await
			.context("cannot read the block's header")?;
		u64::from_str_radix(header.number.trim_start_matches("0x"), 16)
			.with_context(|| format!("the block number {} is not hex", header.number))
	}
}

/// The events a transaction in a finalized block emitted.
pub struct Included {
	events: ExtrinsicEvents<PolkadotConfig>,
}

impl Included {
	/// The fields of the first `pallet`.`name` event, if the transaction emitted one.
	pub fn event<Fields: DecodeAsFields>(
		&self,
		pallet: &str,
		name: &str,
	) -> Result<Option<Fields>> {
		for event in self.events.iter() {
			let event = event.context("cannot decode the transaction's events")?;
			if event.pallet_name() == pallet && event.event_name() == name {
				let fields = event
					.decode_fields_unchecked_as()
					.with_context(|| format!("cannot decode the {pallet}.{name} event"))?;
				return Ok(Some(fields));
			}
		}
		Ok(None)
	}

	/// The fields of the `pallet`.`name` event, which the transaction must have emitted.
	pub fn expect_event<Fields: DecodeAsFields>(&self, pallet: &str, name: &str) -> Result<Fields> {
		self.event(pallet, name)?
			.ok_or_else(|| anyhow!("the transaction emitted no {pallet}.{name} event"))
	}
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

/// Why a finalized transaction did not succeed: by name and doc line for a pallet's error.
fn failure(error: TransactionEventsError) -> anyhow::Error {
	let TransactionEventsError::ExtrinsicFailed(dispatch) = error else {
		return anyhow!(error).context("cannot read the outcome of the transaction");
	};
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
	anyhow!("the transaction failed: {dispatch}")
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
}
