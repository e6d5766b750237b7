//! A `--dev` validator produces and finalizes blocks, serves the standard RPC methods plus
//! `system_accountNextIndex` and `payment_*`, exposes Prometheus metrics, and executes a signed
//! transfer submitted with subxt and the typed client `ostrom-client`: the balances move and the
//! sender pays a fee.

use ostrom::{
	runtime_types::{frame_system::AccountInfo, pallet_balances::types::AccountData},
	transaction_payment::events::TransactionFeePaid,
};
use ostrom_client::{ostrom, AccountId, OstromConfig};
use ostrom_e2e::{account_of, call, rpc_params, wait_for_blocks, Node};
use std::{
	io::{Read, Write},
	net::TcpStream,
	time::Duration,
};
use subxt::OnlineClient;
use subxt_signer::sr25519::dev;

const UNIT: u128 = 1_000_000_000_000;

async fn account(
	api: &OnlineClient<OstromConfig>,
	block_hash: subxt::utils::H256,
	who: &AccountId,
) -> AccountInfo<u32, AccountData<u128>> {
	api.at_block(block_hash)
		.await
		.expect("the block is known")
		.storage()
		.fetch(ostrom::storage().system().account(), (*who,))
		.await
		.expect("System.Account is readable")
		.decode()
		.expect("System.Account decodes")
}

fn prometheus_metrics(port: u16) -> String {
	let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("Prometheus listens");
	write!(stream, "GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
	let mut body = String::new();
	stream.read_to_string(&mut body).unwrap();
	body
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_finalizes_blocks_and_executes_a_signed_transfer() {
	let mut node = Node::start("dev", &["--dev"]);
	let rpc = node.rpc().await;
	wait_for_blocks(&rpc, 2, 1, Duration::from_secs(120)).await;

	// The chain is Ostrom's, with its token, and the node serves the extra RPC methods.
	let version = call(&rpc, "state_getRuntimeVersion", rpc_params![]).await;
	assert_eq!(version["specName"], "ostrom");
	let properties = call(&rpc, "system_properties", rpc_params![]).await;
	assert_eq!(properties["tokenSymbol"], "OST");
	assert_eq!(properties["tokenDecimals"], 12);
	let methods = call(&rpc, "rpc_methods", rpc_params![]).await;
	let methods: Vec<&str> =
		methods["methods"].as_array().unwrap().iter().filter_map(|m| m.as_str()).collect();
	for wanted in [
		"system_accountNextIndex",
		"payment_queryInfo",
		"payment_queryFeeDetails",
		"author_submitExtrinsic",
		"state_getMetadata",
	] {
		assert!(methods.contains(&wanted), "{wanted} is not served");
	}
	let alice_ss58 = dev::alice().public_key().to_account_id().to_string();
	assert_eq!(call(&rpc, "system_accountNextIndex", rpc_params![alice_ss58.clone()]).await, 0);

	let metrics = prometheus_metrics(node.prometheus_port);
	assert!(metrics.contains("substrate_block_height"), "no block height metric in:\n{metrics}");

	// Alice sends 3 OST to Bob, signed and submitted by subxt.
	// With subxt's default backend, which follows the chain with `chainHead_v1_*`, unlike the
	// other scenarios' `Node::api`: the node must serve wallets that use it.
	let api = OnlineClient::<OstromConfig>::from_insecure_url(node.ws_url()).await.unwrap();
	let before = api.at_current_block().await.unwrap();
	let (alice, bob) = (account_of(&dev::alice()), account_of(&dev::bob()));
	let alice_before = account(&api, before.block_hash(), &alice).await;
	let bob_before = account(&api, before.block_hash(), &bob).await;
	assert_eq!(alice_before.nonce, 0);

	let amount = 3 * UNIT;
	let transfer = ostrom::transactions()
		.balances()
		.transfer_keep_alive(dev::bob().public_key().to_address::<()>(), amount);
	let in_block = before
		.transactions()
		.sign_and_submit_then_watch_default(&transfer, &dev::alice())
		.await
		.expect("the node accepts the transaction")
		.wait_for_finalized()
		.await
		.expect("the transaction is finalized");
	let events = in_block.wait_for_success().await.expect("the transfer succeeds");

	let TransactionFeePaid { who: payer, actual_fee: fee, tip } = events
		.find_first::<TransactionFeePaid>()
		.expect("a TransactionFeePaid event")
		.expect("the event decodes");
	assert_eq!(payer, alice);
	assert_eq!(tip, 0);
	assert!(fee > 0, "a transfer costs a fee");
	assert!(fee < UNIT / 10, "a transfer fee of {fee} is out of proportion");

	let alice_after = account(&api, in_block.block_hash(), &alice).await;
	let bob_after = account(&api, in_block.block_hash(), &bob).await;
	assert_eq!(bob_after.data.free, bob_before.data.free + amount);
	// Alice also authors the block, so she gets the author's fifth of her own fee back; the
	// other 80 % goes to the treasury.
	let author_share = fee - fee * 80 / 100;
	assert_eq!(alice_after.data.free, alice_before.data.free - amount - fee + author_share);
	assert_eq!(alice_after.nonce, 1);
	assert_eq!(call(&rpc, "system_accountNextIndex", rpc_params![alice_ss58]).await, 1);
}
