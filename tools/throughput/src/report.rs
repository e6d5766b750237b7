//! Per block and per flood figures, the table and the JSON.

use crate::{blocks::BlockRow, flood::Submission, node::Proposal, rpc_latency::RpcLatencies};
use serde_json::{json, Value};
use std::{fmt::Write, time::Duration};

/// Weight's time unit: picoseconds.
const PICOS_PER_MICRO: f64 = 1e6;
const PICOS_PER_MILLI: f64 = 1e9;
const PICOS_PER_SECOND: f64 = 1e12;

/// The machine the figures were measured on.
pub struct Machine {
	pub cores: usize,
	pub cpu: String,
}

impl Machine {
	pub fn this_one() -> Machine {
		let cpu = std::fs::read_to_string("/proc/cpuinfo")
			.ok()
			.and_then(|info| {
				info.lines()
					.find_map(|line| line.strip_prefix("model name"))
					.map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_string())
			})
			.unwrap_or_else(|| "unknown CPU".into());
		let cores = std::thread::available_parallelism().map_or(1, usize::from);
		Machine { cores, cpu }
	}
}

/// One block that carried some of a flood, with what the block builder logged about it and
/// how long executing it again took.
pub struct Block {
	pub row: BlockRow,
	pub proposal: Option<Proposal>,
	pub executed: Duration,
}

impl Block {
	/// Whether the builder stopped because the block could take no more.
	fn full(&self) -> bool {
		self.proposal.as_ref().is_some_and(Proposal::full)
	}

	fn weight_per_transaction_micros(&self) -> f64 {
		self.row.normal_ref_time as f64 / PICOS_PER_MICRO / self.row.carried.max(1) as f64
	}

	/// Execution time over the block's whole weight (every class): above 1, the weights
	/// promise less time than the block takes.
	fn execution_vs_weight(&self) -> f64 {
		self.executed.as_secs_f64() * PICOS_PER_SECOND / self.row.total_ref_time.max(1) as f64
	}
}

/// One flood: a call signed by every member, and the blocks that carried it.
pub struct Flood {
	/// The call, e.g. `QuadraticVoting.vote`.
	pub call: &'static str,
	/// What one of it is called in the table, e.g. `votes`.
	pub unit: &'static str,
	pub signed: usize,
	pub sign_took: Duration,
	pub submission: Submission,
	pub blocks: Vec<Block>,
	pub never_included: usize,
}

impl Flood {
	fn full_blocks(&self) -> Vec<&Block> {
		self.blocks.iter().filter(|block| block.full()).collect()
	}

	fn included(&self) -> usize {
		self.blocks.iter().map(|block| block.row.carried).sum()
	}

	fn failed(&self) -> usize {
		self.blocks.iter().map(|block| block.row.failed).sum()
	}
}

/// Smallest, median (the mean of the two middle ones of an even count) and largest.
#[derive(Clone, Copy)]
struct Spread {
	min: f64,
	median: f64,
	max: f64,
}

impl Spread {
	fn of(mut values: Vec<f64>) -> Option<Spread> {
		values.sort_by(f64::total_cmp);
		let middle = values.len() / 2;
		let median = if values.len().is_multiple_of(2) {
			(values.get(middle.checked_sub(1)?)? + values[middle]) / 2.0
		} else {
			values[middle]
		};
		Some(Spread { min: *values.first()?, median, max: *values.last()? })
	}

	/// `min / median / max`, each as [`figure`] writes it, followed by `unit`.
	fn text(&self, unit: &str) -> String {
		format!("{} / {} / {}{unit}", figure(self.min), figure(self.median), figure(self.max))
	}

	fn json(&self) -> Value {
		json!({ "min": self.min, "median": self.median, "max": self.max })
	}
}

/// A whole number as it is, anything else with one decimal.
fn figure(value: f64) -> String {
	if value.fract() == 0.0 {
		format!("{value:.0}")
	} else {
		format!("{value:.1}")
	}
}

/// What the full blocks of a flood show.
struct FullBlocks {
	count: usize,
	carried: Option<Spread>,
	weight_per_transaction_micros: Option<Spread>,
	weight_share: Option<Spread>,
	build_millis: Option<Spread>,
	execution_millis: Option<Spread>,
	execution_vs_weight: Option<Spread>,
}

/// Everything measured.
pub struct Report {
	pub machine: Machine,
	/// The runtime's wasm file, or `None` for the node's own.
	pub runtime: Option<String>,
	pub spec_version: u32,
	pub members: u32,
	/// The most normal-class weight a block may hold (`System.BlockWeights`).
	pub max_normal_ref_time: u64,
	pub floods: Vec<Flood>,
	pub rpc: Option<RpcLatencies>,
}

impl Report {
	fn full_blocks(&self, flood: &Flood) -> FullBlocks {
		let full = flood.full_blocks();
		let max = self.max_normal_ref_time.max(1) as f64;
		FullBlocks {
			count: full.len(),
			carried: Spread::of(full.iter().map(|block| block.row.carried as f64).collect()),
			weight_per_transaction_micros: Spread::of(
				full.iter().map(|block| block.weight_per_transaction_micros()).collect(),
			),
			weight_share: Spread::of(
				full.iter().map(|block| block.row.normal_ref_time as f64 / max).collect(),
			),
			build_millis: Spread::of(
				full.iter()
					.filter_map(|block| Some(block.proposal.as_ref()?.millis as f64))
					.collect(),
			),
			execution_millis: Spread::of(
				full.iter().map(|block| block.executed.as_secs_f64() * 1e3).collect(),
			),
			execution_vs_weight: Spread::of(
				full.iter().map(|block| block.execution_vs_weight()).collect(),
			),
		}
	}

	fn runtime_name(&self) -> String {
		self.runtime.clone().unwrap_or_else(|| "the node's own".into())
	}

	pub fn table(&self) -> String {
		let mut out = format!(
			"Runtime: spec_version {} ({}); {} members; normal-class block weight {:.0} ms.\n\
			 Machine: {} cores, {}.\n",
			self.spec_version,
			self.runtime_name(),
			self.members,
			self.max_normal_ref_time as f64 / PICOS_PER_MILLI,
			self.machine.cores,
			self.machine.cpu
		);
		for flood in &self.floods {
			let _ = write!(
				out,
				"\n{}: {} signed in {:.1} s, submitted in {:.1} s, {} refused; {} in blocks ({} \
				 failed), {} never included.\n\
				 | block | {:>9} | failed | normal weight | of max | per tx | executed | built in | end |\n\
				 |------:|----------:|-------:|--------------:|-------:|-------:|---------:|---------:|-----|\n",
				flood.call,
				flood.signed,
				flood.sign_took.as_secs_f64(),
				flood.submission.took.as_secs_f64(),
				flood.submission.refused_count(),
				flood.included(),
				flood.failed(),
				flood.never_included,
				flood.unit,
			);
			for block in &flood.blocks {
				let (built, end) = match &block.proposal {
					Some(proposal) => (format!("{} ms", proposal.millis), proposal.end.as_str()),
					None => ("?".into(), "not in the log"),
				};
				let _ = writeln!(
					out,
					"| #{} | {:>9} | {:>6} | {:>10.1} ms | {:>5.1} % | {:>3.0} µs | {:>5.0} ms | {:>8} | {} |",
					block.row.number,
					block.row.carried,
					block.row.failed,
					block.row.normal_ref_time as f64 / PICOS_PER_MILLI,
					block.row.normal_ref_time as f64 * 100.0
						/ self.max_normal_ref_time.max(1) as f64,
					block.weight_per_transaction_micros(),
					block.executed.as_secs_f64() * 1e3,
					built,
					end
				);
			}
			for (reason, count) in &flood.submission.refused {
				let _ = writeln!(out, "refused {count}×: {reason}");
			}
		}
		out.push_str(&self.summary_table());
		if let Some(rpc) = &self.rpc {
			let _ =
				write!(out, "\n`dao_*` latencies (ostrom-rpc-bench) on this chain:\n{}", rpc.table);
		}
		out
	}

	/// The floods side by side, over their full blocks: the blocks whose builder stopped
	/// because the block could take no more (weight, size or time), not for want of
	/// transactions.
	fn summary_table(&self) -> String {
		let full: Vec<_> = self.floods.iter().map(|flood| self.full_blocks(flood)).collect();
		let mut out = "\nOver the full blocks (the builder stopped at a limit):\n| |".to_string();
		for flood in &self.floods {
			let _ = write!(out, " {} |", flood.call);
		}
		out.push_str("\n|---|");
		out.push_str(&"---:|".repeat(self.floods.len()));
		out.push('\n');
		let mut line = |label: &str, cell: &dyn Fn(&Flood, &FullBlocks) -> String| {
			let _ = write!(out, "| {label} |");
			for (flood, full) in self.floods.iter().zip(&full) {
				let _ = write!(out, " {} |", cell(flood, full));
			}
			out.push('\n');
		};
		line("full blocks", &|_, full| full.count.to_string());
		line("per full block, min / median / max", &|_, full| {
			full.carried.map_or("-".into(), |s| s.text(""))
		});
		line("weight per transaction (median)", &|_, full| {
			full.weight_per_transaction_micros.map_or("-".into(), |s| format!("{:.0} µs", s.median))
		});
		line("normal weight used (median)", &|_, full| {
			full.weight_share.map_or("-".into(), |s| format!("{:.1} %", s.median * 100.0))
		});
		line("block built in, min / median / max", &|_, full| {
			full.build_millis.map_or("-".into(), |s| s.text(" ms"))
		});
		line("executed in, min / median / max", &|_, full| {
			full.execution_millis.map_or("-".into(), |s| s.text(" ms"))
		});
		line("executed in / block weight, min / median / max", &|_, full| {
			full.execution_vs_weight
				.map_or("-".into(), |s| format!("{:.2} / {:.2} / {:.2}", s.min, s.median, s.max))
		});
		line("refused at submission", &|flood, _| flood.submission.refused_count().to_string());
		line("never included", &|flood, _| flood.never_included.to_string());
		line("included but failed", &|flood, _| flood.failed().to_string());
		out
	}

	pub fn json(&self) -> String {
		let floods: Vec<Value> = self
			.floods
			.iter()
			.map(|flood| {
				let full = self.full_blocks(flood);
				let blocks: Vec<Value> = flood
					.blocks
					.iter()
					.map(|block| {
						json!({
							"number": block.row.number,
							"hash": block.row.hash,
							"carried": block.row.carried,
							"failed": block.row.failed,
							"extrinsics": block.row.extrinsics,
							"normal_ref_time_ps": block.row.normal_ref_time,
							"normal_proof_size_bytes": block.row.normal_proof_size,
							"total_ref_time_ps": block.row.total_ref_time,
							"executed_ms": block.executed.as_secs_f64() * 1e3,
							"built_ms": block.proposal.as_ref().map(|p| p.millis),
							"builder_end": block.proposal.as_ref().map(|p| p.end.clone()),
							"full": block.full(),
						})
					})
					.collect();
				json!({
					"call": flood.call,
					"signed": flood.signed,
					"sign_seconds": flood.sign_took.as_secs_f64(),
					"submit_seconds": flood.submission.took.as_secs_f64(),
					"accepted": flood.submission.accepted.len(),
					"refused": flood.submission.refused_count(),
					"refusals": flood.submission.refused,
					"included": flood.included(),
					"failed": flood.failed(),
					"never_included": flood.never_included,
					"full_blocks": {
						"count": full.count,
						"per_block": full.carried.as_ref().map(Spread::json),
						"weight_per_transaction_us": full.weight_per_transaction_micros.as_ref().map(Spread::json),
						"normal_weight_share": full.weight_share.as_ref().map(Spread::json),
						"built_ms": full.build_millis.as_ref().map(Spread::json),
						"executed_ms": full.execution_millis.as_ref().map(Spread::json),
						"executed_vs_block_weight": full.execution_vs_weight.as_ref().map(Spread::json),
					},
					"blocks": blocks,
				})
			})
			.collect();
		let report = json!({
			"machine": { "cores": self.machine.cores, "cpu": self.machine.cpu },
			"runtime": { "wasm": self.runtime, "spec_version": self.spec_version },
			"members": self.members,
			"max_normal_ref_time_ps": self.max_normal_ref_time,
			"floods": floods,
			"rpc": self.rpc.as_ref().map(|rpc| rpc.json.clone()),
		});
		serde_json::to_string_pretty(&report).expect("JSON values serialize")
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
		let even = Spread::of(vec![4.0, 1.0, 3.0, 2.0]).unwrap();
		assert_eq!((even.min, even.median, even.max), (1.0, 2.5, 4.0));
		assert_eq!(even.text(" ms"), "1 / 2.5 / 4 ms");
		assert_eq!(Spread::of(vec![5.0, 1.0, 3.0]).unwrap().median, 3.0);
		assert!(Spread::of(vec![]).is_none());
	}
}
