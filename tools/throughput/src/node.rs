//! The node under measurement: an `ostrom-node` authoring with Aura in real 6-second slots on the
//! benchmark's chain spec, with a ParityDB database in a directory of its own and its log in a
//! file, from which the block builder's own timing is read.

use anyhow::{bail, Context as _, Result};
use std::{
	collections::HashMap,
	fs::File,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

/// A running node; dropping it stops the node and deletes its database unless it is kept.
pub struct Node {
	child: Child,
	base_path: PathBuf,
	log: PathBuf,
	keep_database: bool,
}

impl Node {
	/// Starts `binary` on the chain spec `spec` as its only validator (Alice, as on `--dev`),
	/// with its database under `base_path` and its log in `log`; RPC and peer-to-peer ports are
	/// free ones that the node picks. With `keep_database`, the database outlives the node.
	pub fn start(
		binary: &Path,
		spec: &Path,
		base_path: &Path,
		log: &Path,
		keep_database: bool,
	) -> Result<Node> {
		let log_file =
			File::create(log).with_context(|| format!("cannot create {}", log.display()))?;
		let child = Command::new(binary)
			.arg("--chain")
			.arg(spec)
			.arg("--base-path")
			.arg(base_path)
			.args(["--alice", "--validator", "--force-authoring", "--database", "paritydb"])
			.args(["--rpc-port", "0", "--port", "0", "--no-prometheus", "--no-telemetry"])
			// A validator refuses to make up a network key; the benchmark's node needs no
			// lasting identity.
			.args(["--no-mdns", "--unsafe-force-node-key-generation"])
			.stdout(Stdio::null())
			.stderr(log_file)
			.spawn()
			.with_context(|| format!("cannot start {}", binary.display()))?;
		Ok(Node {
			child,
			base_path: base_path.to_path_buf(),
			log: log.to_path_buf(),
			keep_database,
		})
	}

	/// The node's WebSocket RPC address, once its RPC server runs (it logs the port it bound).
	pub async fn rpc_url(&mut self) -> Result<String> {
		let deadline = Instant::now() + Duration::from_secs(180);
		loop {
			let log = std::fs::read_to_string(&self.log).unwrap_or_default();
			if let Some(port) = log.lines().find_map(rpc_port) {
				return Ok(format!("ws://127.0.0.1:{port}"));
			}
			if let Some(status) = self.child.try_wait()? {
				bail!("the node exited during start-up ({status}); log: {}", self.log.display());
			}
			if Instant::now() > deadline {
				bail!("the node's RPC server did not start; log: {}", self.log.display());
			}
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}

	/// What the block builder logged about each block it built so far, by block number. The
	/// node is the chain's only author, so the block of a number is the last one it built at
	/// that number. (The hash it logs is the block's before the Aura seal is added.)
	pub fn proposals(&self) -> Result<HashMap<u32, Proposal>> {
		let log = std::fs::read_to_string(&self.log)
			.with_context(|| format!("cannot read {}", self.log.display()))?;
		Ok(log.lines().filter_map(Proposal::parse).map(|p| (p.number, p)).collect())
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		// SIGINT first, so that the database closes cleanly; SIGKILL if it does not stop soon.
		let _ = Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
		let deadline = Instant::now() + Duration::from_secs(20);
		while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
			std::thread::sleep(Duration::from_millis(100));
		}
		let _ = self.child.kill();
		let _ = self.child.wait();
		if !self.keep_database {
			let _ = std::fs::remove_dir_all(&self.base_path);
		}
	}
}

/// The port in the node's line "Running JSON-RPC server: addr=127.0.0.1:PORT,…".
fn rpc_port(line: &str) -> Option<u16> {
	let (_, rest) = line.split_once("Running JSON-RPC server: addr=127.0.0.1:")?;
	let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
	digits.parse().ok()
}

/// The block builder's line about one block it built: "🎁 Prepared block for proposing at N
/// (X ms) hash: H; parent_hash: P; end: REASON; extrinsics_count: C".
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
	pub number: u32,
	/// How long building the block took: applying the inherents and transactions, and
	/// finishing the block.
	pub millis: u64,
	/// Why the builder stopped adding transactions: `NoMoreTransactions` when the pool had no
	/// more, `HitBlockWeightLimit`, `HitBlockSizeLimit` or `HitDeadline` when the block was full.
	pub end: String,
}

impl Proposal {
	fn parse(line: &str) -> Option<Proposal> {
		let (_, rest) = line.split_once("Prepared block for proposing at ")?;
		let (number, rest) = rest.split_once(" (")?;
		let (millis, rest) = rest.split_once(" ms) ")?;
		let (_, rest) = rest.split_once("; end: ")?;
		let (end, _) = rest.split_once(';')?;
		Some(Proposal {
			number: number.parse().ok()?,
			millis: millis.parse().ok()?,
			end: end.to_string(),
		})
	}

	/// Whether the builder stopped because the block could take no more, rather than because
	/// the pool had nothing left to add.
	pub fn full(&self) -> bool {
		self.end != "NoMoreTransactions"
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_rpc_port_is_read_from_the_servers_line() {
		let line = "2026-12-03 13:39:38.442  INFO main sc_rpc_server: Running JSON-RPC server: \
		            addr=127.0.0.1:38035,[::1]:33349    ";
		assert_eq!(rpc_port(line), Some(38035));
		assert_eq!(rpc_port("INFO main sc_cli::runner: Ostrom Node"), None);
	}

	#[test]
	fn the_builders_line_gives_number_time_and_end() {
		let line = "2026-12-03 13:39:42.003  INFO tokio-rt-worker \
		            sc_basic_authorship::basic_authorship: 🎁 Prepared block for proposing at 12 \
		            (1534 ms) hash: 0xbf60b2; parent_hash: 0x311f…8356; end: HitBlockWeightLimit; \
		            extrinsics_count: 2001    ";
		let proposal = Proposal::parse(line).unwrap();
		assert_eq!(
			proposal,
			Proposal { number: 12, millis: 1534, end: "HitBlockWeightLimit".into() }
		);
		assert!(proposal.full());
	}
}
