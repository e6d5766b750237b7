//! The validator set: pallet-session gives the session keys of the set chosen by Ostrom's
//! validators pallet to Aura and GRANDPA; the Root track chooses it.

use frame_support::{parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use super::super::{
	AccountId, Balance, Balances, Runtime, RuntimeEvent, Session, SessionKeys, Validators, UNIT,
};

/// As many validators as Aura and GRANDPA accept.
pub type MaxValidators = ConstU32<32>;

parameter_types! {
	/// Held from an account while it has session keys registered: what the keys' three storage
	/// entries cost the chain, returned by `Session.purge_keys`.
	pub const SessionKeyDeposit: Balance = UNIT;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is its account: keys are registered by, and fees paid to, the operator.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Validators;
	type NextSessionRotation = Validators;
	type SessionManager = Validators;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// No offences are reported (see the README's threat model), so no one is disabled.
	type DisablingStrategy = ();
	/// Upstream's measured weights: pallet-session's benchmarks need pallet-staking.
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_ostrom_validators::Config for Runtime {
	/// The Root track: the threat model's strongest thresholds.
	type AdminOrigin = EnsureRoot<AccountId>;
	type ValidatorSet = Session;
	type KeyRegistration = Session;
	type MaxValidators = MaxValidators;
	type WeightInfo = pallet_ostrom_validators::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkKeys;
}

/// Registers session keys made of the account's own bytes, as `Session.set_keys` would store
/// them (the benchmarks cannot sign an ownership proof).
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkKeys;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_ostrom_validators::BenchmarkHelper<AccountId> for BenchmarkKeys {
	fn register_keys(who: &AccountId) {
		let raw: [u8; 32] = *who.as_ref();
		let keys = SessionKeys {
			aura: sp_core::sr25519::Public::from_raw(raw).into(),
			grandpa: sp_core::ed25519::Public::from_raw(raw).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}
