//! The connection to the node under measurement: the typed client of `ostrom-client` for blocks,
//! storage and events, and the raw JSON-RPC client beside it.

use anyhow::{Context as _, Result};
use ostrom_client::{ostrom, OstromConfig, Token};
use serde_json::{Map, Value};
use std::{sync::Arc, time::Duration};
use subxt::{
	backend::LegacyBackend,
	rpcs::{rpc_params, RpcClient},
	OnlineClient,
};

/// A connected node.
pub struct Chain {
	pub url: String,
	pub api: OnlineClient<OstromConfig>,
	pub rpc: RpcClient,
	pub token: Token,
}

impl Chain {
	/// Connects to the node at `url`. The typed client uses subxt's legacy backend, which reads
	/// any block by number or hash with the classic `chain_*` and `state_*` methods, so that
	/// every block of a flood can be read after the fact.
	pub async fn connect(url: &str) -> Result<Chain> {
		let rpc = RpcClient::from_insecure_url(url)
			.await
			.with_context(|| format!("cannot connect to {url}"))?;
		let backend = LegacyBackend::builder().build(rpc.clone());
		let api = OnlineClient::from_backend(Arc::new(backend))
			.await
			.context("cannot read the chain's metadata")?;
		let properties: Map<String, Value> =
			rpc.request("system_properties", rpc_params![]).await?;
		let token = Token::from_properties(&properties).map_err(anyhow::Error::msg)?;
		Ok(Chain { url: url.to_string(), api, rpc, token })
	}

	/// The number of the best block.
	pub async fn best_number(&self) -> Result<u32> {
		let header: Value = self.rpc.request("chain_getHeader", rpc_params![]).await?;
		let number = header["number"].as_str().context("a header has a hex number")?;
		Ok(u32::from_str_radix(number.trim_start_matches("0x"), 16)?)
	}

	/// The runtime's `spec_version`, and the most normal-class weight (`ref_time`) a block may
	/// hold, where signed transactions go.
	pub async fn runtime(&self) -> Result<(u32, u64)> {
		let at = self.api.at_current_block().await?;
		let weights = at.constants().entry(ostrom::constants().system().block_weights())?;
		let normal = weights.per_class.normal.max_total.unwrap_or(weights.max_block);
		Ok((at.spec_version(), normal.ref_time))
	}

	/// Waits until the best block is at least `number`.
	pub async fn wait_for_block(&self, number: u32) -> Result<()> {
		while self.best_number().await? < number {
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
		Ok(())
	}
}
