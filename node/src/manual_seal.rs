//! `--sealing manual`: blocks on demand, for a development chain. The node seals a block as soon
//! as a transaction enters its pool, and whenever `engine_createBlock` asks for one; a first
//! empty block at start-up gives the fork-aware transaction pool its first view, without which
//! it would keep new transactions waiting. The blocks carry Aura pre-digests, one slot after
//! their parent's, so the runtime's Aura and timestamp checks and its block-author lookup work
//! as with real Aura blocks. There is no GRANDPA: blocks are finalized as they are sealed.

use crate::service::{FullClient, FullSelectChain, TransactionPool};
use futures::{
	channel::{mpsc, oneshot},
	future::BoxFuture,
	stream, StreamExt,
};
use ostrom_runtime::opaque::Block;
use sc_client_api::Finalizer;
use sc_consensus_manual_seal::{
	consensus::aura::AuraConsensusDataProvider,
	rpc::{self, CreatedBlock},
	EngineCommand, Error as SealError, ManualSealParams,
};
use sc_service::error::Error as ServiceError;
use sc_transaction_pool_api::TransactionPool as _;
use sp_consensus_aura::{
	sr25519::{AuthorityId as AuraId, AuthoritySignature},
	Slot, SlotDuration,
};
use sp_runtime::traits::{Block as BlockT, Header as _};
use sp_timestamp::Timestamp;
use std::{future::Future, sync::Arc, time::Duration};

type Hash = <Block as BlockT>::Hash;
type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How long finality waits for the transaction pool to take a new block in; it takes
/// milliseconds, and only a block off the best chain never gets there.
const POOL_CATCH_UP: Duration = Duration::from_secs(10);

/// A sealed (or failed) block that waits to be finalized, and who asked for it.
struct PendingSeal {
	sealed: oneshot::Receiver<Result<CreatedBlock<Hash>, SealError>>,
	finalize: bool,
	requester: rpc::Sender<CreatedBlock<Hash>>,
}

/// The sealing task: seals on `requests` (from `engine_createBlock` and `engine_finalizeBlock`)
/// and on each transaction that enters `pool`, finalizing each block the request asks to (a
/// transaction's block always).
pub fn sealing_task(
	client: Arc<FullClient>,
	pool: Arc<TransactionPool>,
	select_chain: FullSelectChain,
	block_import: crate::service::GrandpaBlockImport,
	proposer_factory: sc_basic_authorship::ProposerFactory<TransactionPool, FullClient>,
	requests: mpsc::Receiver<EngineCommand<Hash>>,
) -> Result<impl Future<Output = ()>, ServiceError> {
	let slot_duration = sc_consensus_aura::slot_duration::<AuraId, _, _>(&*client)?;
	let seal = |create_empty| EngineCommand::SealNewBlock {
		create_empty,
		finalize: true,
		parent_hash: None,
		sender: None,
	};
	// When several transactions enter together, the first block takes them all and the others'
	// requests find nothing to seal.
	let on_transaction = pool.import_notification_stream().map(move |_| seal(false));
	let (pending_sender, pending) = mpsc::unbounded();
	let commands = stream::once(futures::future::ready(seal(true)))
		.chain(stream::select(requests, on_transaction))
		.map(move |command| defer_finality(command, &pending_sender));

	let header_client = client.clone();
	let create_inherent_data_providers = move |parent_hash: Hash, ()| {
		let client = header_client.clone();
		async move {
			let parent = sp_blockchain::HeaderBackend::header(&*client, parent_hash)?
				.ok_or("the parent of the block to seal is unknown")?;
			let timestamp = timestamp_after(&parent, slot_duration)?;
			Ok::<_, BoxError>(sp_timestamp::InherentDataProvider::new(timestamp))
		}
	};

	// Boxed here, where its types are concrete: through the generic `run_manual_seal` alone the
	// compiler cannot prove the task `Send`.
	let sealing: BoxFuture<'static, ()> =
		Box::pin(sc_consensus_manual_seal::run_manual_seal(ManualSealParams {
			block_import,
			env: proposer_factory,
			client: client.clone(),
			pool: pool.clone(),
			commands_stream: Box::pin(commands),
			select_chain,
			consensus_data_provider: Some(Box::new(
				AuraConsensusDataProvider::new_with_slot_duration(slot_duration),
			)),
			create_inherent_data_providers,
		}));
	Ok(async move {
		futures::join!(sealing, finalize_in_order(client, pool, pending));
	})
}

/// Passes `command` on to the sealing engine with finality left to [`finalize_in_order`], which
/// learns of the block, and answers the requester, through `pending`.
fn defer_finality(
	command: EngineCommand<Hash>,
	pending: &mpsc::UnboundedSender<PendingSeal>,
) -> EngineCommand<Hash> {
	match command {
		EngineCommand::SealNewBlock { create_empty, finalize, parent_hash, sender } => {
			let (sealed_sender, sealed) = oneshot::channel();
			// Fails only once `finalize_in_order` has stopped, that is when the node stops.
			let _ = pending.unbounded_send(PendingSeal { sealed, finalize, requester: sender });
			EngineCommand::SealNewBlock {
				create_empty,
				finalize: false,
				parent_hash,
				sender: Some(sealed_sender),
			}
		}
		finalize_block @ EngineCommand::FinalizeBlock { .. } => finalize_block,
	}
}

/// Finalizes the sealed blocks, in the order they were sealed, once the transaction pool has
/// taken each in. Clients (subxt) sign transactions at the last finalized block, as their
/// birth block; the fork-aware pool checks a transaction only against the blocks it has taken
/// in, and would refuse one born in a block it does not know yet ("ancient birth block").
/// Then it answers the requester: `engine_createBlock` returns once its block is final.
async fn finalize_in_order(
	client: Arc<FullClient>,
	pool: Arc<TransactionPool>,
	mut pending: mpsc::UnboundedReceiver<PendingSeal>,
) {
	while let Some(PendingSeal { sealed, finalize, mut requester }) = pending.next().await {
		let result = match sealed.await {
			Ok(Ok(created)) if finalize => {
				pool.ready_at_with_timeout(created.hash, POOL_CATCH_UP).await;
				client
					.finalize_block(created.hash, None, true)
					.map(|()| created)
					.map_err(Into::into)
			}
			Ok(result) => result,
			Err(canceled) => Err(canceled.into()),
		};
		// A transaction's request that an earlier block took its transaction is no error.
		if requester.is_none() && matches!(result, Err(SealError::EmptyTransactionPool)) {
			continue;
		}
		rpc::send_result(&mut requester, result);
	}
}

/// The timestamp of a block sealed on `parent`: the start of the slot after the parent's, so
/// that Aura's slot rises by exactly one per block however fast blocks are sealed (the runtime
/// requires a rising slot that matches the timestamp); the first block takes the current slot.
fn timestamp_after(
	parent: &<Block as BlockT>::Header,
	slot_duration: SlotDuration,
) -> Result<Timestamp, BoxError> {
	let slot = if *parent.number() == 0 {
		Slot::from_timestamp(Timestamp::current(), slot_duration)
	} else {
		sc_consensus_aura::find_pre_digest::<Block, AuthoritySignature>(parent)?
			.saturating_add(1u64)
	};
	slot.timestamp(slot_duration).ok_or_else(|| "the slot's timestamp overflows".into())
}
