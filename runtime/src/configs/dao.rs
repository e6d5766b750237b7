//! The DAO's own pallets: membership, the commons registry, proposals, quadratic voting and the
//! treasury.

use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64, EitherOf},
	PalletId,
};
use frame_system::EnsureRoot;
use ostrom_primitives::{Credits, Reputation};
use pallet_ostrom_proposals::EnsureDao;

use super::{
	super::{
		AccountId, Balance, Balances, BlockNumber, Commons, Membership, Preimage, Proposals,
		QuadraticVoting, Runtime, RuntimeCall, RuntimeHoldReason, Scheduler, Treasury, DAYS, UNIT,
	},
	MaxEnactmentWeight,
};

/// The DAO's own origin (a passed Standard proposal), or root (a passed Root proposal): root can
/// do all the DAO can, so that a Root proposal can always repair the DAO.
pub type DaoOrRoot = EitherOf<EnsureRoot<AccountId>, EnsureDao>;

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
	type AdminOrigin = DaoOrRoot;
	/// Looser admission rules would open the gate to sybils: only a Root proposal sets them.
	type RulesOrigin = EnsureRoot<AccountId>;
	type ApplicationDeposit = ApplicationDeposit;
	type SponsorsRequired = ConstU32<2>;
	type MaxMembers = ConstU32<10_000>;
	type MaxMetadataLen = ConstU32<256>;
	type MaxRemovals = ConstU32<64>;
	type EpochLength = EpochLength;
	type MaxProbationEpochs = ConstU32<8>;
	type MaxDormantAfter = ConstU32<16>;
	type WeightInfo = pallet_ostrom_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_ostrom_commons::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Membership = Membership;
	type AdminOrigin = DaoOrRoot;
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

parameter_types! {
	/// Bounds on what `set_rules` may set, so that no rule change can stall governance: a vote
	/// ends within a month, a decision is enacted within a month, and proposing stays
	/// affordable.
	pub const MaxVotingPeriod: BlockNumber = 30 * DAYS;
	pub const MaxEnactmentDelay: BlockNumber = 30 * DAYS;
	pub const MaxProposalDeposit: Balance = 1_000 * UNIT;
}

impl pallet_ostrom_proposals::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Deposits of killed proposals go to the treasury.
	type Slash = Treasury;
	/// The DAO origin kills Standard proposals; root (a Root or Emergency proposal) kills any.
	type KillOrigin = EnsureDao;
	type Membership = Membership;
	type Tallies = QuadraticVoting;
	type MaxMetadataLen = ConstU32<256>;
	type MaxVotingPeriod = MaxVotingPeriod;
	type MaxEnactmentDelay = MaxEnactmentDelay;
	type MaxProposalDeposit = MaxProposalDeposit;
	type MaxEnactmentWeight = MaxEnactmentWeight;
	type WeightInfo = pallet_ostrom_proposals::weights::SubstrateWeight<Runtime>;
}

/// Every member's voice credits per epoch: up to ten votes on one proposal, or spread thinner.
pub const CREDITS_PER_EPOCH: Credits = 100;

parameter_types! {
	/// A week: one budget of voice credits per typical voting period.
	pub const EpochLength: BlockNumber = 7 * DAYS;
}

impl pallet_ostrom_quadratic_voting::Config for Runtime {
	type Membership = Membership;
	type Polls = Proposals;
	type CreditsPerEpoch = ConstU64<CREDITS_PER_EPOCH>;
	type EpochLength = EpochLength;
	type WeightInfo = pallet_ostrom_quadratic_voting::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"os/trsry");
	/// A tenth of an OST: small enough for anyone, above the existential deposit, so that every
	/// payout can open a commons' account.
	pub const MinContribution: Balance = UNIT / 10;
	/// Contributions are held at most a month before a round can be finalised.
	pub const MaxRoundDuration: BlockNumber = 30 * DAYS;
}

impl pallet_ostrom_treasury::Config for Runtime {
	type Currency = Balances;
	type PalletId = TreasuryPalletId;
	type DaoOrigin = DaoOrRoot;
	/// The cap on what the DAO spends is changed only by a Root proposal, as the governance
	/// rules are.
	type SpendRulesOrigin = EnsureRoot<AccountId>;
	type Membership = Membership;
	type Commons = Commons;
	type MinContribution = MinContribution;
	type MaxContributionsPerRound = ConstU32<1_024>;
	type MaxCommonsPerRound = ConstU32<64>;
	type MaxRoundDuration = MaxRoundDuration;
	type WeightInfo = pallet_ostrom_treasury::weights::SubstrateWeight<Runtime>;
}
