//! The storage migrations that the next runtime upgrade runs. Each is guarded by its pallet's
//! storage version (`InitializeValidatorSet` also by the state it fills: pallet-session's
//! validators, empty only before it ran), so a migration runs once and an upgrade may keep it
//! listed; remove it once every chain has passed it (see `docs/upgrades.md`).

mod validator_set;

use crate::Runtime;
use frame_support::traits::ConstU32;

pub use validator_set::{InitializeValidatorSet, MIGRATED_RULES};

/// The `spec_version` of the released runtime that this one upgrades from
/// (`runtime/releases/`): what proposals stored before version 1 were submitted under.
pub type PreviousRelease = ConstU32<100>;

/// Run in this order by `Executive` at the first block of a new runtime, before any pallet's
/// hooks.
pub type Migrations = (
	pallet_ostrom_proposals::migrations::v1::MigrateV0ToV1<Runtime, PreviousRelease>,
	pallet_ostrom_proposals::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_ostrom_proposals::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_ostrom_commons::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_ostrom_treasury::migrations::v1::MigrateV0ToV1<Runtime>,
	InitializeValidatorSet,
);
