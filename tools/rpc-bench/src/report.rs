//! Percentiles, the table and the JSON.

use crate::{calls::BASELINE, measure::Latencies};
use serde_json::{json, Value};
use std::{fmt::Write, time::Duration};

/// One method at one number of clients.
pub struct Row {
	method: String,
	clients: usize,
	calls: usize,
	errors: usize,
	p50: Duration,
	p99: Duration,
}

impl Row {
	pub fn new(method: String, clients: usize, latencies: &Latencies) -> Self {
		let mut sorted = latencies.answered.clone();
		sorted.sort_unstable();
		Row {
			method,
			clients,
			calls: sorted.len(),
			errors: latencies.errors,
			p50: percentile(&sorted, 50),
			p99: percentile(&sorted, 99),
		}
	}

	pub fn progress(&self) -> String {
		format!(
			"{} x{}: {} calls, p50 {} p99 {}",
			self.method,
			self.clients,
			self.calls,
			micros(self.p50),
			micros(self.p99)
		)
	}
}

/// The nearest-rank percentile of sorted latencies; zero if there are none.
fn percentile(sorted: &[Duration], percent: usize) -> Duration {
	if sorted.is_empty() {
		return Duration::ZERO;
	}
	let rank = (sorted.len() * percent).div_ceil(100).max(1);
	sorted[rank - 1]
}

fn micros(duration: Duration) -> String {
	format!("{} µs", duration.as_micros())
}

/// Every row, with each one's p99 compared with the baseline's at the same number of clients.
pub struct Results {
	uri: String,
	seconds: f64,
	rows: Vec<Row>,
}

impl Results {
	pub fn new(uri: &str, seconds: f64, rows: Vec<Row>) -> Self {
		Results { uri: uri.to_string(), seconds, rows }
	}

	/// p99 of `row` divided by the baseline's p99 at the same number of clients, if measured.
	fn ratio(&self, row: &Row) -> Option<f64> {
		let baseline = self
			.rows
			.iter()
			.find(|other| other.method == BASELINE && other.clients == row.clients)?;
		(!baseline.p99.is_zero()).then(|| row.p99.as_secs_f64() / baseline.p99.as_secs_f64())
	}

	pub fn table(&self) -> String {
		let mut table = format!(
			"| {:<28} | {:>7} | {:>7} | {:>6} | {:>10} | {:>10} | {:>13} |\n|{:-<30}|{:->8}:|{:->8}:|{:->7}:|{:->11}:|{:->11}:|{:->14}:|\n",
			"method", "clients", "calls", "errors", "p50", "p99", "p99 / storage", "", "", "", "", "", "", ""
		);
		for row in &self.rows {
			let ratio = self.ratio(row).map_or("-".to_string(), |ratio| format!("{ratio:.2}×"));
			let _ = writeln!(
				table,
				"| {:<28} | {:>7} | {:>7} | {:>6} | {:>10} | {:>10} | {:>13} |",
				row.method,
				row.clients,
				row.calls,
				row.errors,
				micros(row.p50),
				micros(row.p99),
				ratio
			);
		}
		table
	}

	pub fn json(&self) -> String {
		let rows: Vec<Value> = self
			.rows
			.iter()
			.map(|row| {
				json!({
					"method": row.method,
					"clients": row.clients,
					"calls": row.calls,
					"errors": row.errors,
					"p50_us": row.p50.as_micros() as u64,
					"p99_us": row.p99.as_micros() as u64,
					"p99_vs_state_getStorage": self.ratio(row),
				})
			})
			.collect();
		let results = json!({ "uri": self.uri, "seconds_per_row": self.seconds, "rows": rows });
		serde_json::to_string_pretty(&results).expect("JSON values serialize")
	}
}
