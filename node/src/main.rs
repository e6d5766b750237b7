//! The Ostrom validator node.
#![warn(missing_docs)]

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod manual_seal;
mod pool_spawner;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
