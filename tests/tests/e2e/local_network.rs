//! Four validators of a `--chain local` network (Alice, Bob, Charlie, Dave) on loopback.
//! GRANDPA needs more than two thirds of them, three of four, so one may be lost:
//! - Dave is killed (`kill -9`): blocks and finality go on; restarted from his base path he
//!   catches up (the time is printed) and votes again: once Charlie is stopped too, finality
//!   needs his vote.
//! - Crash consistency: ten times, at a random moment while transfers flow, Dave is killed;
//!   each time his database opens, he re-syncs past the block he had finalized, and in the end
//!   every finalized transfer is in his chain.

use ostrom_e2e::{
	account_of, call, finalized_number, free_balance,
	network::{
		block_hash, local_spec, peer_address, start_validator, wait_for_finalized, Keys, TempPath,
	},
	ostrom, rpc_params, submit_finalized, wait_for_blocks,
};
use std::{
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};
use subxt_signer::sr25519::dev;

const UNIT: u128 = 1_000_000_000_000;

/// A small xorshift generator: the kill moments vary between runs, and the seed is printed so
/// that a failing run can be repeated (`OSTROM_E2E_SEED`).
struct Moments(u64);

impl Moments {
	fn new() -> Moments {
		let seed = std::env::var("OSTROM_E2E_SEED")
			.ok()
			.and_then(|s| s.parse().ok())
			.unwrap_or_else(|| {
				std::time::SystemTime::now()
					.duration_since(std::time::UNIX_EPOCH)
					.unwrap()
					.as_nanos() as u64
			}) | 1;
		println!("kill moments: OSTROM_E2E_SEED={seed}");
		Moments(seed)
	}

	/// A delay between 0.5 and 8 seconds: within a slot, across a block's import, or during a
	/// GRANDPA round.
	fn next(&mut self) -> Duration {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		Duration::from_millis(500 + self.0 % 7_500)
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lost_validator_stops_neither_blocks_nor_finality_and_loses_no_finalized_block() {
	let spec = local_spec("lost-validator", |_| {});
	let (charlie_base, dave_base) = (TempPath::new("charlie"), TempPath::new("dave"));
	let mut alice = start_validator("alice", &spec.0, Keys::WellKnown("alice"), None, None);
	let bootnode = peer_address(&mut alice).await;
	let start = |name: &str, base: Option<&TempPath>| {
		start_validator(
			name,
			&spec.0,
			Keys::WellKnown(name),
			Some(&bootnode),
			base.map(|b| b.0.as_path()),
		)
	};
	let mut bob = start("bob", None);
	let mut charlie = start("charlie", Some(&charlie_base));
	let mut dave = start("dave", Some(&dave_base));
	let alice_rpc = alice.rpc().await;
	let rpcs = [alice_rpc.clone(), bob.rpc().await, charlie.rpc().await, dave.rpc().await];

	for rpc in &rpcs {
		wait_for_blocks(rpc, 3, 2, Duration::from_secs(180)).await;
	}
	for rpc in &rpcs {
		let health = call(rpc, "system_health", rpc_params![]).await;
		assert_eq!(health["peers"], 3, "every validator sees the other three");
	}

	// Dave is killed: the three others finalize on.
	drop(dave);
	let finalized = finalized_number(&alice_rpc).await;
	let took = wait_for_finalized(&alice_rpc, finalized + 3, Duration::from_secs(120)).await;
	println!("three of four validators finalized 3 blocks in {took:?}");

	// Restarted from his base path, Dave catches up with the finalized chain.
	let target = finalized_number(&alice_rpc).await;
	let restarted = Instant::now();
	dave = start("dave", Some(&dave_base));
	let mut dave_rpc = dave.rpc().await;
	wait_for_finalized(&dave_rpc, target, Duration::from_secs(120)).await;
	println!(
		"Dave caught up with finalized block #{target} {:?} after his restart",
		restarted.elapsed()
	);

	// He votes again: with Charlie stopped, Alice, Bob and Dave are the three votes needed.
	drop(charlie);
	let finalized = finalized_number(&alice_rpc).await;
	let took = wait_for_finalized(&alice_rpc, finalized + 2, Duration::from_secs(120)).await;
	println!("with Charlie stopped, Alice, Bob and Dave finalized 2 blocks in {took:?}");
	charlie = start("charlie", Some(&charlie_base));
	let charlie_rpc = charlie.rpc().await;
	wait_for_finalized(&charlie_rpc, finalized_number(&alice_rpc).await, Duration::from_secs(120))
		.await;

	// Transfers flow from Ferdie to Eve through Alice while Dave is killed ten times.
	let api = alice.api().await;
	let eve = account_of(&dev::eve());
	let eve_before = free_balance(&api, eve).await;
	let finalized_transfers = Arc::new(Mutex::new(Vec::<u128>::new()));
	let stop = Arc::new(AtomicBool::new(false));
	let flow = {
		let (api, eve, done, stop) = (api.clone(), eve, finalized_transfers.clone(), stop.clone());
		tokio::spawn(async move {
			let mut amount = UNIT;
			while !stop.load(Ordering::Relaxed) {
				amount += 1;
				let transfer = ostrom::transactions()
					.balances()
					.transfer_keep_alive(subxt::utils::MultiAddress::Id(eve), amount);
				submit_finalized(&api, &transfer, &dev::ferdie()).await;
				done.lock().unwrap().push(amount);
			}
		})
	};
	let mut moments = Moments::new();
	for round in 1..=10 {
		tokio::time::sleep(moments.next()).await;
		let before = finalized_number(&dave_rpc).await;
		drop(dave);
		let restarted = Instant::now();
		dave = start("dave", Some(&dave_base));
		// `rpc` panics should the node exit at start-up, e.g. on a database it cannot open.
		dave_rpc = dave.rpc().await;
		wait_for_finalized(&dave_rpc, before + 1, Duration::from_secs(120)).await;
		println!(
			"kill {round}: Dave had finalized #{before}; past it again {:?} after his restart",
			restarted.elapsed()
		);
	}
	stop.store(true, Ordering::Relaxed);
	flow.await.expect("every transfer was finalized");
	let transfers = finalized_transfers.lock().unwrap().clone();
	assert!(transfers.len() >= 3, "transfers flowed during the kills: {}", transfers.len());

	// Every finalized transfer is in Dave's chain: at the block Alice finalized last, his block
	// is hers, and Eve's balance there is hers before plus every transfer.
	let last = finalized_number(&alice_rpc).await;
	wait_for_finalized(&dave_rpc, last, Duration::from_secs(120)).await;
	let hash = block_hash(&alice_rpc, last).await;
	assert_eq!(block_hash(&dave_rpc, last).await, hash, "Dave's finalized chain is Alice's");
	let dave_api = dave.api().await;
	let at = dave_api.at_block(hash.parse::<subxt::utils::H256>().unwrap()).await.unwrap();
	let eve_at_dave = at
		.storage()
		.try_fetch(ostrom::storage().system().account(), (eve,))
		.await
		.unwrap()
		.map(|info| info.decode().unwrap().data.free)
		.unwrap_or(0);
	assert_eq!(eve_at_dave, eve_before + transfers.iter().sum::<u128>());
	println!("{} finalized transfers, all in Dave's chain at #{last}", transfers.len());
}
