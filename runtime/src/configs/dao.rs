//! The DAO's own pallets: membership, the commons registry, proposals, quadratic voting and the
//! treasury.

use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64, EitherOf},
	PalletId,
};
use frame_system::EnsureRoot;
use ostrom_primitives::Reputation;
use pallet_ostrom_proposals::EnsureDao;
use pallet_ostrom_quadratic_voting::Credits;

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
	/// Held while a contribution awaits review: returned on acceptance, withdrawal or
	/// dismissal, given to the treasury on rejection. One OST is nothing to an honest
	/// contributor, but a queue flooded with junk that stewards reject costs its sender.
	pub const ContributionDeposit: Balance = UNIT;
	pub const ReputationPerContribution: Reputation = 10;
	/// Ten accepted contributions' worth per member and epoch (a week): a ring of members
	/// approving each other cannot mint standing faster than that.
	pub const MaxReputationPerEpoch: Reputation = 10 * ReputationPerContribution::get();
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
	type MaxReputationPerEpoch = MaxReputationPerEpoch;
	type WeightInfo = pallet_ostrom_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_ostrom_commons::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Membership = Membership;
	type AdminOrigin = DaoOrRoot;
	/// Deposits of rejected contributions go to the treasury, never to the commons.
	type Slashed = Treasury;
	type RegistrationDeposit = RegistrationDeposit;
	type ContributionDeposit = ContributionDeposit;
	type MaxNameLen = ConstU32<64>;
	type MaxLicenseLen = ConstU32<64>;
	type MaxUriLen = ConstU32<256>;
	type MaxNoteLen = ConstU32<256>;
	type MaxStewards = ConstU32<16>;
	/// As many commons as a commons has stewards: enough for the busiest member.
	type MaxStewardships = ConstU32<16>;
	/// Two weeks: a Standard proposal (7 days' vote, a day's delay) undoes an appointment
	/// before the new steward may approve large spends.
	type StewardSeasoning = ConstU32<{ 14 * DAYS }>;
	type MaxPendingContributions = ConstU32<64>;
	/// One member fills at most a sixteenth of a commons' queue.
	type MaxPendingPerContributor = ConstU32<4>;
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
	type VoteCounts = QuadraticVoting;
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
	type Ballots = Proposals;
	type CreditsPerEpoch = ConstU64<CREDITS_PER_EPOCH>;
	type EpochLength = EpochLength;
	type WeightInfo = pallet_ostrom_quadratic_voting::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"os/trsry");
	/// A tenth of an OST: small enough for anyone, above the existential deposit, so that every
	/// payout can open a commons' account.
	pub const MinGift: Balance = UNIT / 10;
	/// Gifts are held at most a month before a round can be finalised.
	pub const MaxRoundDuration: BlockNumber = 30 * DAYS;
	/// Ten OST per enrolled commons: filling a round's 64 places locks 640 OST, lost to the pot
	/// for each commons the DAO excludes.
	pub const EnrolmentDeposit: Balance = 10 * UNIT;
	/// What one steward may pay alone from a commons' account per spending period (a week on a
	/// test network); more needs a majority of its stewards.
	pub const StewardAllowance: Balance = 100 * UNIT;
	/// Stewards have two weeks to approve a spend from their commons' account.
	pub const CommonsSpendLifetime: BlockNumber = 14 * DAYS;
}

impl pallet_ostrom_treasury::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PalletId = TreasuryPalletId;
	type DaoOrigin = DaoOrRoot;
	/// The cap on what the DAO spends is changed only by a Root proposal, as the governance
	/// rules are.
	type SpendRulesOrigin = EnsureRoot<AccountId>;
	type Membership = Membership;
	type Commons = Commons;
	type MinGift = MinGift;
	type EnrolmentDeposit = EnrolmentDeposit;
	/// With at most 128 givers per commons and 16 commons per giver, finalising the largest
	/// round visits at most 8 · 128 · 127 / 2 = 65,024 pairs (see the benchmarks).
	type MaxGiftsPerRound = ConstU32<1_024>;
	type MaxCommonsPerRound = ConstU32<64>;
	type MaxGiversPerCommons = ConstU32<128>;
	type MaxCommonsPerGiver = ConstU32<16>;
	type MaxRoundDuration = MaxRoundDuration;
	type StewardAllowance = StewardAllowance;
	type MaxPendingCommonsSpends = ConstU32<8>;
	/// A commons' most stewards.
	type MaxApprovals = ConstU32<16>;
	type CommonsSpendLifetime = CommonsSpendLifetime;
	/// A round takes gifts for at most 30 days and anyone finalises it once it has ended, so
	/// only rounds opened in the last month or so are open: each needs a passed proposal, and
	/// 64 is two new rounds a day, far above what a DAO decides. At most `MAX_PAGE` (100), so
	/// that `dao_treasury` lists every open round.
	type MaxOpenRounds = ConstU32<64>;
	/// Each grant needs a passed proposal and stays live until fully claimed, which anyone may
	/// do once it has vested: 1,024 holds a grant made every weekday, each vesting over four
	/// years. The index is 4 KB at most, read when a grant is made or paid up.
	type MaxLiveGrants = ConstU32<1_024>;
	type Author = super::fees::AuraBlockAuthor;
	type WeightInfo = pallet_ostrom_treasury::weights::SubstrateWeight<Runtime>;
}
