//! The node's JSON-RPC methods beyond the standard set that `sc-service` provides:
//! `system_accountNextIndex`, the transaction-payment methods and the DAO's `dao_*` views.

mod dao;
mod view_cache;

pub use dao::ViewPermits;
pub use view_cache::ViewCache;

use std::sync::Arc;

use jsonrpsee::RpcModule;
use ostrom_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash, Nonce};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods read from.
pub struct FullDeps<C, P> {
	/// The client: chain state and runtime calls.
	pub client: Arc<C>,
	/// The transaction pool, for the next nonce of an account with pending transactions.
	pub pool: Arc<P>,
	/// How many `dao_*` views may run at once; made once, shared by every RPC module built.
	pub dao_view_permits: ViewPermits,
	/// The `dao_*` answers already computed; made once, shared by every RPC module built.
	pub dao_view_cache: ViewCache,
}

/// All node-specific RPC methods, merged into one module.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: ostrom_runtime_api::OstromApi<Block, AccountId, Balance, BlockNumber, Hash>,
	P: TransactionPool + 'static,
{
	use dao::DaoApiServer;
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, dao_view_permits, dao_view_cache } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(dao::Dao::new(client, dao_view_permits, dao_view_cache).into_rpc())?;

	Ok(module)
}
