//! The migrations between this pallet's storage versions, one module per version they lead to.
//! Each is a [`VersionedMigration`](frame_support::migrations::VersionedMigration) for the
//! runtime's `Migrations`, with `pre_upgrade` and `post_upgrade` checks.

pub mod v1;

/// Where the migrations log.
const LOG_TARGET: &str = "runtime::treasury::migrations";
