//! Helpers for end-to-end tests: start real `ostrom-node` processes on free loopback ports,
//! talk to them over JSON-RPC and through the typed client `ostrom-client` (calls, storage,
//! events and view functions generated from the runtime's metadata), and stop them when the
//! test ends, whether it passed or not.
//! A `--dev` node runs either real Aura and GRANDPA ([`Node::start`]), whose blocks the tests
//! wait for ([`wait_for_blocks`], [`wait_until_block`]), or manual sealing
//! ([`Node::start_manual_seal`]), whose blocks come with each transaction and on demand
//! ([`seal_blocks`], [`seal_until`]).

use serde_json::Value;
use std::{
	fs::File,
	net::TcpListener,
	path::PathBuf,
	process::{Child, Command, Stdio},
	sync::Arc,
	time::{Duration, Instant},
};
use subxt::{
	events::DecodeAsEvent,
	rpcs::{client::RpcParams, RpcClient},
	storage::Address,
};

use ostrom_client::ostrom::runtime_types::pallet_ostrom_proposals::types::Proposal;
pub use ostrom_client::{ostrom, AccountId, OstromConfig, ProposalId};

/// The subxt client the tests drive a node with, typed by `ostrom-client`.
pub type Api = subxt::OnlineClient<OstromConfig>;

pub use subxt::rpcs::rpc_params;

pub mod network;

/// The node binary: `$OSTROM_NODE`, else `ostrom-node` beside this test's own `deps/` folder,
/// which is where cargo puts it when the node and the tests are built in one profile.
pub fn node_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("OSTROM_NODE") {
		return path.into();
	}
	let exe = std::env::current_exe().expect("the test knows its own path");
	let profile_dir = exe.parent().and_then(|deps| deps.parent()).expect("target/<profile>/deps");
	profile_dir.join("ostrom-node")
}

/// The runtime this source builds, which a test upgrades a chain to: `$OSTROM_RUNTIME_WASM`,
/// else the wasm builder's output beside the node (found like the node).
pub fn current_runtime_wasm() -> PathBuf {
	wbuild_file("OSTROM_RUNTIME_WASM", "ostrom_runtime.compact.compressed.wasm")
}

/// The same runtime built with the `try-runtime` feature, which `scripts/try-upgrade.sh` runs:
/// `$OSTROM_TRY_RUNTIME_WASM`, else beside [`current_runtime_wasm`].
pub fn try_runtime_wasm() -> PathBuf {
	wbuild_file("OSTROM_TRY_RUNTIME_WASM", "try_runtime.compact.compressed.wasm")
}

fn wbuild_file(variable: &str, name: &str) -> PathBuf {
	if let Some(path) = std::env::var_os(variable) {
		return path.into();
	}
	let node = node_binary();
	let profile_dir = node.parent().expect("the node is in target/<profile>");
	profile_dir.join("wbuild/ostrom-runtime").join(name)
}

/// The workspace's root directory. Taken from the package directory that cargo (or nextest)
/// gives the running test rather than the one compiled in: a checkout sharing the target
/// directory may reuse a binary built in another checkout, and must read its own files.
pub fn workspace_dir() -> PathBuf {
	std::env::var_os("CARGO_MANIFEST_DIR")
		.map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
		.join("..")
}

/// The released runtime `spec_version`, kept in `runtime/releases/`.
pub fn released_runtime_wasm(spec_version: u32) -> PathBuf {
	workspace_dir()
		.join(format!("runtime/releases/ostrom-runtime-{spec_version}.compact.compressed.wasm"))
}

/// A TCP port on 127.0.0.1 that nothing listens on right now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|listener| listener.local_addr())
		.map(|addr| addr.port())
		.expect("the OS hands out a free port")
}

/// A running `ostrom-node`; dropping it kills the process.
pub struct Node {
	pub name: String,
	pub rpc_port: u16,
	pub p2p_port: u16,
	pub prometheus_port: u16,
	child: Child,
	log: PathBuf,
}

impl Node {
	/// Starts `ostrom-node` with a temporary database, on free ports, with `args` added.
	pub fn start(name: &str, args: &[&str]) -> Node {
		Node::spawn(name, &["--tmp"], args)
	}

	/// Starts `ostrom-node` on free ports with its database and keystore in `base_path`, which
	/// outlive the process: a node started again there resumes from its own database.
	pub fn start_at(name: &str, base_path: &std::path::Path, args: &[&str]) -> Node {
		let base_path = base_path.to_str().expect("the base path is UTF-8");
		Node::spawn(name, &["--base-path", base_path], args)
	}

	fn spawn(name: &str, storage: &[&str], args: &[&str]) -> Node {
		let (rpc_port, p2p_port, prometheus_port) = (free_port(), free_port(), free_port());
		let log = std::env::temp_dir().join(format!("ostrom-e2e-{name}-{rpc_port}.log"));
		let log_file = File::create(&log).expect("the log file can be created");
		let binary = node_binary();
		assert!(
			binary.exists(),
			"{} is missing: build it with `cargo build --release`",
			binary.display()
		);
		let child = Command::new(&binary)
			.args(storage)
			.args(["--no-telemetry", "--no-mdns", "--rpc-cors", "all"])
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--port", &p2p_port.to_string()])
			.args(["--prometheus-port", &prometheus_port.to_string()])
			.args(["--name", name])
			.args(args)
			.stdout(Stdio::null())
			.stderr(log_file)
			.spawn()
			.expect("ostrom-node starts");
		Node { name: name.to_string(), rpc_port, p2p_port, prometheus_port, child, log }
	}

	/// Starts a `--dev` node with `--sealing manual`: each transaction is sealed in its own
	/// block, finalized at once, as soon as it enters the pool; empty blocks come only from
	/// [`seal_blocks`] and [`seal_until`]. A first empty block is sealed at start-up.
	pub fn start_manual_seal(name: &str) -> Node {
		Node::start(name, &["--dev", "--sealing", "manual"])
	}

	/// [`Node::start_manual_seal`] on the chain's `runtime` (a wasm file) instead of the
	/// node's own: e.g. a released runtime, to upgrade from it.
	pub fn start_manual_seal_on(name: &str, runtime: &std::path::Path) -> Node {
		let runtime = runtime.to_str().expect("the runtime's path is UTF-8");
		Node::start(name, &["--dev", "--sealing", "manual", "--runtime", runtime])
	}

	/// WebSocket and HTTP JSON-RPC share one port.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// A subxt client whose current block (`at_current_block`) is the node's finalized head at
	/// the moment of asking: it uses subxt's legacy RPC backend, which calls
	/// `chain_getFinalizedHead` each time. subxt's default backend follows the chain through a
	/// subscription that may be a block behind the node; when blocks come as fast as a test
	/// seals them, a read right after a block would then see the block before.
	pub async fn api(&mut self) -> Api {
		let rpc = self.rpc().await;
		let backend = subxt::backend::LegacyBackend::builder().build(rpc);
		Api::from_backend(Arc::new(backend)).await.expect("subxt reads the node's metadata")
	}

	/// Connects an RPC client, retrying while the node is still starting.
	pub async fn rpc(&mut self) -> RpcClient {
		let deadline = Instant::now() + Duration::from_secs(60);
		loop {
			if let Ok(Some(status)) = self.child.try_wait() {
				panic!(
					"{} exited during start-up ({status}); log: {}",
					self.name,
					self.log.display()
				);
			}
			match RpcClient::from_insecure_url(self.ws_url()).await {
				Ok(client) => return client,
				Err(_) if Instant::now() < deadline => {
					tokio::time::sleep(Duration::from_millis(250)).await
				}
				Err(e) => {
					panic!("{} never answered RPC: {e}; log: {}", self.name, self.log.display())
				}
			}
		}
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
		if std::thread::panicking() {
			eprintln!("log of {}: {}", self.name, self.log.display());
		} else {
			let _ = std::fs::remove_file(&self.log);
		}
	}
}

/// `bytes` in 0x-hex, as JSON-RPC takes them.
pub fn to_hex(bytes: &[u8]) -> String {
	format!("0x{}", bytes.iter().map(|byte| format!("{byte:02x}")).collect::<String>())
}

/// The bytes of a hex string, with or without `0x`; panics on anything else.
pub fn from_hex(text: &str) -> Vec<u8> {
	let text = text.trim_start_matches("0x");
	(0..text.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex digits"))
		.collect()
}

/// Calls `method` and returns its JSON result.
pub async fn call(rpc: &RpcClient, method: &str, params: RpcParams) -> Value {
	rpc.request::<Value>(method, params).await.unwrap_or_else(|e| panic!("{method} failed: {e}"))
}

/// The number of the block with `hash`, or of the best block when `hash` is `None`.
pub async fn block_number(rpc: &RpcClient, hash: Option<&str>) -> u64 {
	let header = call(rpc, "chain_getHeader", rpc_params![hash]).await;
	let number = header["number"].as_str().expect("a header has a hex number");
	u64::from_str_radix(number.trim_start_matches("0x"), 16).expect("hex block number")
}

/// The number of the last finalized block.
pub async fn finalized_number(rpc: &RpcClient) -> u64 {
	let hash = call(rpc, "chain_getFinalizedHead", rpc_params![]).await;
	block_number(rpc, hash.as_str()).await
}

/// Waits until the node has produced `best` blocks and finalized `finalized`, or panics.
pub async fn wait_for_blocks(rpc: &RpcClient, best: u64, finalized: u64, timeout: Duration) {
	let deadline = Instant::now() + timeout;
	loop {
		let (b, f) = (block_number(rpc, None).await, finalized_number(rpc).await);
		if b >= best && f >= finalized {
			return;
		}
		assert!(
			Instant::now() < deadline,
			"after {timeout:?}: best #{b}, finalized #{f}; wanted #{best} and #{finalized}"
		);
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// The events one transaction emitted.
pub type Events = subxt::extrinsics::ExtrinsicEvents<OstromConfig>;

/// Signs `call` as `signer`, submits it, waits until its block is finalized and returns its
/// events; panics if the node refuses it or the call fails.
pub async fn submit_finalized<Call: subxt::tx::Payload>(
	api: &Api,
	call: &Call,
	signer: &subxt_signer::sr25519::Keypair,
) -> Events {
	api.at_current_block()
		.await
		.expect("the best block is known")
		.transactions()
		.sign_and_submit_then_watch_default(call, signer)
		.await
		.expect("the node accepts the transaction")
		.wait_for_finalized_success()
		.await
		.expect("the transaction is finalized and succeeds")
}

/// The first `Event` among `events`; panics if there is none or it does not decode.
pub fn event<Event: DecodeAsEvent>(events: &Events) -> Event {
	match events.find_first::<Event>() {
		Some(event) => event.expect("the event decodes"),
		None => panic!("no {} event", std::any::type_name::<Event>()),
	}
}

/// The value of the storage `entry` under `key` at the current (finalized) block, if any.
pub async fn storage<Entry: Address>(
	api: &Api,
	entry: Entry,
	key: Entry::KeyParts,
) -> Option<Entry::Value> {
	let at = api.at_current_block().await.expect("the current block is known");
	let value = at.storage().try_fetch(entry, key).await.expect("the storage is readable");
	value.map(|value| value.decode().expect("the stored value decodes"))
}

/// What the pallet view function `call` answers at the current (finalized) block.
pub async fn view_function<Call: subxt::view_functions::Payload>(
	api: &Api,
	call: Call,
) -> Call::ReturnType {
	let name = format!("{}.{}", call.pallet_name(), call.function_name());
	let at = api.at_current_block().await.expect("the current block is known");
	ostrom_client::view_function(&at, call).await.unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A proposal on `track` to enact `call`, inline: the payload a member submits.
pub async fn propose_inline(
	api: &Api,
	track: ostrom::runtime_types::pallet_ostrom_proposals::types::Track,
	call: &impl subxt::tx::Payload,
	text: &[u8],
) -> impl subxt::tx::Payload {
	use ostrom::runtime_types::{
		bounded_collections::bounded_vec::BoundedVec, frame_support::traits::preimages::Bounded,
		pallet_ostrom_proposals::types::ProposalKind,
	};
	let call_data = api.at_current_block().await.unwrap().transactions().call_data(call).unwrap();
	ostrom::transactions().proposals().submit(
		track,
		ProposalKind::Call(Bounded::Inline(BoundedVec(call_data))),
		BoundedVec(text.to_vec()),
	)
}

/// The account of a dev key.
pub fn account_of(keypair: &subxt_signer::sr25519::Keypair) -> AccountId {
	keypair.public_key().to_account_id()
}

/// Proposal `id` at the current (finalized) block; panics if there is none.
pub async fn proposal(api: &Api, id: ProposalId) -> Proposal {
	storage(api, ostrom::storage().proposals().proposals(), (id,))
		.await
		.expect("the proposal exists")
}

/// The free balance of `account` at the current (finalized) block.
pub async fn free_balance(api: &Api, account: AccountId) -> u128 {
	let info = storage(api, ostrom::storage().system().account(), (account,)).await;
	info.map_or(0, |info| info.data.free)
}

/// Seals `count` empty blocks, each finalized, on a `--sealing manual` node.
pub async fn seal_blocks(rpc: &RpcClient, count: u32) {
	for _ in 0..count {
		// `[create_empty, finalize, parent_hash]`: an empty block on the best block, finalized.
		call(rpc, "engine_createBlock", rpc_params![true, true, Value::Null]).await;
	}
}

/// Seals empty blocks on a `--sealing manual` node until the best (and finalized) block is at
/// least `number`: how a test lets a voting period or an enactment delay pass.
pub async fn seal_until(rpc: &RpcClient, number: u32) {
	while block_number(rpc, None).await < u64::from(number) {
		seal_blocks(rpc, 1).await;
	}
}

/// Waits until the best block is at least `number`.
pub async fn wait_until_block(rpc: &RpcClient, number: u32) {
	while block_number(rpc, None).await < u64::from(number) {
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

/// Sends one JSON-RPC request over plain HTTP, as `curl` would, and returns the whole response
/// object: `result` on success, `error` (with `code` and `message`) on failure.
pub fn http_rpc(port: u16, method: &str, params: Value) -> Value {
	use std::io::{Read, Write};
	let body = serde_json::json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params })
		.to_string();
	let mut stream =
		std::net::TcpStream::connect(("127.0.0.1", port)).expect("the node accepts HTTP");
	write!(
		stream,
		"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
		 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	)
	.expect("the request is sent");
	let mut response = String::new();
	stream.read_to_string(&mut response).expect("the node answers");
	let (head, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
	assert!(head.starts_with("HTTP/1.1 200"), "{method}: {head}");
	assert!(!head.to_ascii_lowercase().contains("chunked"), "{method}: a chunked answer");
	serde_json::from_str(body).unwrap_or_else(|e| panic!("{method}: {e}: {body}"))
}
