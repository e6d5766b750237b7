//! A flood: one transaction from every member, all signed offline first, then submitted at once
//! with `author_submitExtrinsic` over several connections, many requests in flight on each.

use anyhow::{Context as _, Result};
use futures::{future::join_all, stream, StreamExt};
use ostrom_client::OstromConfig;
use std::{
	collections::{BTreeMap, HashSet},
	time::{Duration, Instant},
};
use subxt::{
	client::OnlineClientAtBlock,
	config::DefaultExtrinsicParamsBuilder,
	rpcs::{rpc_params, RpcClient},
	transactions::Payload,
};
use subxt_signer::sr25519::Keypair;

/// A transaction's hash: blake2-256 of its encoding, as the pool and the blocks know it.
pub type TransactionHash = [u8; 32];

/// Signed transactions, ready to submit.
pub struct Signed {
	pub transactions: Vec<Vec<u8>>,
	pub took: Duration,
}

/// Signs `call(i)` by `keys[i]` for every member `i`, with nonce `nonce` and no mortality (the
/// members' accounts are fresh and send nothing else, so their nonces are known offline).
pub fn sign_all<Call: Payload>(
	at: &OnlineClientAtBlock<OstromConfig>,
	keys: &[Keypair],
	nonce: u64,
	call: impl Fn(usize) -> Call,
) -> Result<Signed> {
	let started = Instant::now();
	let transactions = keys
		.iter()
		.enumerate()
		.map(|(i, key)| {
			let params = DefaultExtrinsicParamsBuilder::<OstromConfig>::new().nonce(nonce).build();
			let call = call(i);
			let mut signable = at.transactions().create_signable_offline(&call, params)?;
			Ok(signable.sign(key)?.into_encoded())
		})
		.collect::<Result<_>>()?;
	Ok(Signed { transactions, took: started.elapsed() })
}

/// What the pool made of a flood.
pub struct Submission {
	/// The transactions the pool accepted.
	pub accepted: HashSet<TransactionHash>,
	/// Why the others were refused (the node's error), with how many each reason refused.
	pub refused: BTreeMap<String, usize>,
	pub took: Duration,
}

impl Submission {
	pub fn refused_count(&self) -> usize {
		self.refused.values().sum()
	}
}

/// Submits every transaction to the node at `url`: the transactions are shared out over
/// `connections` connections, each with up to `in_flight` submissions waiting for an answer.
pub async fn submit_all(
	url: &str,
	transactions: Vec<Vec<u8>>,
	connections: usize,
	in_flight: usize,
) -> Result<Submission> {
	let connections = connections.max(1);
	let mut clients = Vec::with_capacity(connections);
	for _ in 0..connections {
		clients.push(
			RpcClient::from_insecure_url(url)
				.await
				.with_context(|| format!("cannot connect to {url}"))?,
		);
	}
	let mut shares: Vec<Vec<Vec<u8>>> = vec![Vec::new(); connections];
	for (i, transaction) in transactions.into_iter().enumerate() {
		shares[i % connections].push(transaction);
	}
	let started = Instant::now();
	let answers = join_all(
		clients.iter().zip(shares).map(|(client, share)| submit_share(client, share, in_flight)),
	)
	.await;
	let mut submission =
		Submission { accepted: HashSet::new(), refused: BTreeMap::new(), took: started.elapsed() };
	for (hash, answer) in answers.into_iter().flatten() {
		match answer {
			Ok(()) => {
				submission.accepted.insert(hash);
			}
			Err(reason) => *submission.refused.entry(reason).or_default() += 1,
		}
	}
	Ok(submission)
}

async fn submit_share(
	client: &RpcClient,
	share: Vec<Vec<u8>>,
	in_flight: usize,
) -> Vec<(TransactionHash, Result<(), String>)> {
	stream::iter(share)
		.map(|transaction| async move {
			let hash = sp_crypto_hashing::blake2_256(&transaction);
			let hex = format!("0x{}", hex::encode(&transaction));
			let answer = client
				.request::<String>("author_submitExtrinsic", rpc_params![hex])
				.await
				.map(drop)
				.map_err(|error| refusal(&error));
			(hash, answer)
		})
		.buffer_unordered(in_flight.max(1))
		.collect()
		.await
}

/// The node's reason for refusing a transaction, short enough to group refusals by.
fn refusal(error: &subxt::rpcs::Error) -> String {
	let reason = match error {
		subxt::rpcs::Error::User(error) => match &error.data {
			Some(data) => format!("{}: {}", error.message, data.get()),
			None => error.message.clone(),
		},
		other => other.to_string(),
	};
	reason.chars().take(160).collect()
}
