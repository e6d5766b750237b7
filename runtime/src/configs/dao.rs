//! The DAO's own pallets: membership and the commons registry.

use frame_support::{parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use ostrom_primitives::Reputation;

use super::super::{AccountId, Balance, Balances, Membership, Runtime, RuntimeHoldReason, UNIT};

parameter_types! {
	/// Held while an application is pending, returned after: low enough that anyone can apply,
	/// enough to make flooding the queue with applications costly. Sponsorship is the sybil gate.
	pub const ApplicationDeposit: Balance = 10 * UNIT;
	pub const RegistrationDeposit: Balance = 20 * UNIT;
	pub const ReputationPerContribution: Reputation = 10;
}

impl pallet_ostrom_membership::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// Root until the proposals pallet gives the DAO its own origin; nothing can reach root yet.
	type AdminOrigin = EnsureRoot<AccountId>;
	type ApplicationDeposit = ApplicationDeposit;
	type SponsorsRequired = ConstU32<2>;
	type MaxMembers = ConstU32<10_000>;
	type MaxMetadataLen = ConstU32<256>;
	type WeightInfo = pallet_ostrom_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_ostrom_commons::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Membership = Membership;
	type AdminOrigin = EnsureRoot<AccountId>;
	type RegistrationDeposit = RegistrationDeposit;
	type MaxNameLen = ConstU32<64>;
	type MaxLicenseLen = ConstU32<64>;
	type MaxUriLen = ConstU32<256>;
	type MaxNoteLen = ConstU32<256>;
	type MaxStewards = ConstU32<16>;
	type MaxPendingContributions = ConstU32<64>;
	type ReviewsToAccept = ConstU32<2>;
	type ReviewsToReject = ConstU32<2>;
	type ReputationPerContribution = ReputationPerContribution;
	type WeightInfo = pallet_ostrom_commons::weights::SubstrateWeight<Runtime>;
}
