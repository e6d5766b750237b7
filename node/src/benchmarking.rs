//! What `ostrom-node benchmark overhead|extrinsic` build blocks of: signed transactions of the
//! development accounts, and the inherents of a block.

use crate::service::FullClient;
use ostrom_runtime::{AccountId, Balance, BalancesCall, RuntimeCall, SystemCall};
use sc_cli::Result;
use sc_client_api::BlockBackend;
use sp_core::{Encode, Pair};
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, OpaqueExtrinsic, SaturatedConversion};
use std::sync::Arc;

/// Empty `System.remark`s signed by Bob: what `benchmark overhead` fills blocks with.
pub struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl RemarkBuilder {
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call = SystemCall::remark { remark: vec![] }.into();
		signed(&self.client, Sr25519Keyring::Bob.pair(), call, nonce)
	}
}

/// `Balances.transfer_keep_alive`s of `value` from Bob to `dest`.
pub struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
	dest: AccountId,
	value: Balance,
}

impl TransferKeepAliveBuilder {
	pub fn new(client: Arc<FullClient>, dest: AccountId, value: Balance) -> Self {
		Self { client, dest, value }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call =
			BalancesCall::transfer_keep_alive { dest: self.dest.clone().into(), value: self.value }
				.into();
		signed(&self.client, Sr25519Keyring::Bob.pair(), call, nonce)
	}
}

/// `call` signed by `sender` with `nonce`, mortal from the best block on.
fn signed(
	client: &FullClient,
	sender: sp_core::sr25519::Pair,
	call: RuntimeCall,
	nonce: u32,
) -> std::result::Result<OpaqueExtrinsic, &'static str> {
	let genesis_hash =
		client.block_hash(0).ok().flatten().ok_or("the chain has no genesis block")?;
	let info = client.chain_info();
	let period = u64::from(ostrom_runtime::configs::BlockHashCount::get())
		.checked_next_power_of_two()
		.map_or(2, |count| count / 2);
	let era = Era::mortal(period, info.best_number.saturated_into());
	let extension = ostrom_runtime::tx_extension(era, nonce, 0);
	let version = ostrom_runtime::VERSION;
	// What each extension adds to the signed payload (`implicit`), known here without the state.
	let implicit = (
		(),
		version.spec_version,
		version.transaction_version,
		genesis_hash,
		info.best_hash,
		(),
		(),
		(),
		None,
		(),
	);
	let payload =
		ostrom_runtime::SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| sender.sign(bytes));
	let extrinsic = ostrom_runtime::UncheckedExtrinsic::new_signed(
		call,
		AccountId::from(sender.public()).into(),
		ostrom_runtime::Signature::Sr25519(signature),
		extension,
	);
	OpaqueExtrinsic::try_from_encoded_extrinsic(&extrinsic.encode())
		.map_err(|_| "a signed extrinsic encodes as an opaque one")
}

/// The inherents of a benchmarked block: its timestamp.
pub fn inherent_benchmark_data() -> Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(0.into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating inherent data: {e:?}"))?;
	Ok(inherent_data)
}
