//! The Ostrom validator node.
#![warn(missing_docs)]
// `sc_cli::Error` is large, and `sc_cli::Result` is what sc-cli's runners and commands take.
#![allow(clippy::result_large_err)]

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
