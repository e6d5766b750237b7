//! A connection to a node: the metadata-aware client, the raw JSON-RPC client beside it, and the
//! chain's token.

use crate::{OstromConfig, Token};
use serde_json::{Map, Value};
use std::fmt;
use subxt::{
	error::OnlineClientError,
	rpcs::{rpc_params, RpcClient},
	OnlineClient,
};

/// A node's client.
#[derive(Clone)]
pub struct Client {
	api: OnlineClient<OstromConfig>,
	rpc: RpcClient,
	token: Token,
}

impl Client {
	/// Connects to the node's WebSocket JSON-RPC endpoint at `url` (`ws://` or `wss://`), and
	/// reads the chain's token from its properties.
	pub async fn connect(url: &str) -> Result<Client, ConnectError> {
		let rpc = RpcClient::from_insecure_url(url).await.map_err(ConnectError::Unreachable)?;
		let api = OnlineClient::from_rpc_client(rpc.clone()).await.map_err(ConnectError::Chain)?;
		let properties: Map<String, Value> = rpc
			.request("system_properties", rpc_params![])
			.await
			.map_err(|error| ConnectError::Token(error.to_string()))?;
		let token = Token::from_properties(&properties).map_err(ConnectError::Token)?;
		Ok(Client { api, rpc, token })
	}

	/// The client that knows the runtime's metadata: calls, storage, events, runtime APIs.
	pub fn api(&self) -> &OnlineClient<OstromConfig> {
		&self.api
	}

	/// The node's JSON-RPC methods, e.g. its `dao_*` views as JSON.
	pub fn rpc(&self) -> &RpcClient {
		&self.rpc
	}

	/// The chain's token, to write and read amounts.
	pub fn token(&self) -> &Token {
		&self.token
	}
}

/// Why a client could not connect.
#[derive(Debug)]
pub enum ConnectError {
	/// No node answered at the address.
	Unreachable(subxt::rpcs::Error),
	/// A node answered, but its chain could not be read.
	Chain(OnlineClientError),
	/// The chain's properties name no usable token.
	Token(String),
}

impl fmt::Display for ConnectError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			ConnectError::Unreachable(error) => write!(f, "no node answers: {error}"),
			ConnectError::Chain(error) => write!(f, "cannot read the chain: {error}"),
			ConnectError::Token(problem) => write!(f, "cannot tell the chain's token: {problem}"),
		}
	}
}

impl std::error::Error for ConnectError {}
