//! The chain specifications built into the node: `dev` and `local`.

use ostrom_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_service::{ChainType, Properties};

/// A chain spec for the Ostrom runtime; no node-side extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token symbol, decimals and address format, which wallets read from `system_properties`.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

/// The runtime built into the node.
pub fn built_in_runtime() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "the node was built without the wasm runtime".to_string())
}

/// A chain on `runtime`, its genesis built by the runtime's own `preset`.
fn ostrom_chain_spec(
	runtime: &[u8],
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> ChainSpec {
	ChainSpec::builder(runtime, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build()
}

/// One validator (Alice), six funded development accounts.
pub fn development_chain_spec(runtime: &[u8]) -> ChainSpec {
	ostrom_chain_spec(
		runtime,
		"Ostrom Development",
		"ostrom_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// Three validators (Alice, Bob, Charlie) on one machine or a local network.
pub fn local_chain_spec(runtime: &[u8]) -> ChainSpec {
	ostrom_chain_spec(
		runtime,
		"Ostrom Local Testnet",
		"ostrom_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}
