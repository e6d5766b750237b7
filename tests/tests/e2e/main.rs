//! The end-to-end tests: one binary, one module per scenario, one test per module; nextest runs
//! each test in its own process, two at a time (see `.config/nextest.toml`).
//!
//! The DAO scenarios run on `--sealing manual` nodes ([`Node::start_manual_seal`]): a
//! transaction is sealed in a block, and finalized, as soon as it arrives, and voting periods
//! and enactment delays pass by sealing empty blocks ([`seal_until`]); so does the runtime
//! upgrade from the last release. The scenarios about block production, finality and
//! networking run on real Aura and GRANDPA.
//!
//! [`Node::start_manual_seal`]: ostrom_e2e::Node::start_manual_seal
//! [`seal_until`]: ostrom_e2e::seal_until

// Real Aura and GRANDPA (or no node at all).
mod chain_spec;
mod dev_node;
mod local_network;
mod validator_set;

// Manual sealing.
mod cli_journey;
mod cli_validator;
mod dao_governance;
mod dao_membership_commons;
mod dao_rpc;
mod dao_treasury;
mod runtime_upgrade;
