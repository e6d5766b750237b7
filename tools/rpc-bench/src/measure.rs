//! Calls one method from several clients at once for a while and collects the latencies.

use crate::calls::Call;
use futures::future::join_all;
use jsonrpsee::{
	core::{client::ClientT, params::ArrayParams},
	ws_client::WsClient,
};
use serde_json::Value;
use std::time::{Duration, Instant};

/// The latencies of the calls that got an answer, and how many got an error instead.
pub struct Latencies {
	pub answered: Vec<Duration>,
	pub errors: usize,
}

/// Each of `clients` calls `call` in a loop, one call at a time, until `duration` has passed.
pub async fn run(clients: &[WsClient], call: &Call, duration: Duration) -> Latencies {
	let until = Instant::now() + duration;
	let per_client = join_all(clients.iter().map(|client| one_client(client, call, until))).await;
	let mut latencies = Latencies { answered: Vec::new(), errors: 0 };
	for (answered, errors) in per_client {
		latencies.answered.extend(answered);
		latencies.errors += errors;
	}
	latencies
}

async fn one_client(client: &WsClient, call: &Call, until: Instant) -> (Vec<Duration>, usize) {
	let (mut answered, mut errors) = (Vec::new(), 0);
	while Instant::now() < until {
		let params = array_params(&call.params);
		let started = Instant::now();
		match client.request::<Value, _>(call.method, params).await {
			Ok(_) => answered.push(started.elapsed()),
			Err(_) => errors += 1,
		}
	}
	(answered, errors)
}

fn array_params(params: &Value) -> ArrayParams {
	let mut array = ArrayParams::new();
	for param in params.as_array().into_iter().flatten() {
		array.insert(param).expect("a JSON value serializes");
	}
	array
}
