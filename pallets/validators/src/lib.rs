//! # Validators pallet
//!
//! Who authors (Aura) and finalizes (GRANDPA) Ostrom's blocks, chosen by the DAO.
//!
//! ## Overview
//!
//! The pallet is pallet-session's `SessionManager`: at every rotation it hands pallet-session
//! the approved validators that are not parked, and pallet-session gives their session keys to
//! Aura and GRANDPA. pallet-session queues one session ahead: the set planned when session `n`
//! starts validates from session `n + 1`, so a call made during session `n` takes effect when
//! session `n + 2` starts. Sessions last [`ValidatorRules::session_length`]
//! blocks; this pallet ends them (`ShouldEndSession`).
//!
//! - **Joining**: an operator registers session keys from its own account
//!   (`Session.set_keys`, with their ownership proof and pallet-session's key deposit), then a
//!   Root-track proposal [`add_validator`](Pallet::add_validator)s that account.
//! - **Leaving**: a Root-track proposal [`remove_validator`](Pallet::remove_validator)s it.
//! - **Liveness**: pallet-authorship tells the pallet each block's author. A validator of a
//!   session that authored nothing in it missed it; one that missed
//!   [`ValidatorRules::max_missed_sessions`] sessions in a row is parked at the next rotation
//!   (`ValidatorParked`), so one dead machine does not cost the chain a slot forever, until its
//!   account calls [`rejoin`](Pallet::rejoin).
//! - **A floor**: no call of this pallet and no parking brings the active validators (approved,
//!   not parked, with session keys) below [`ValidatorRules::min_validators`]. An operator may
//!   still leave on its own by purging its keys (`Session.purge_keys`), as it may stop its node.
//!
//! Fees of a block go to the validator's account, not its Aura key's: the runtime finds the
//! author with `pallet_session::FindAccountFromAuthorIndex`.
//!
//! ## Dispatchable functions
//!
//! - [`add_validator`](Pallet::add_validator) — `AdminOrigin` (the Root track): approves an
//!   account with session keys.
//! - [`remove_validator`](Pallet::remove_validator) — `AdminOrigin`: withdraws an approval.
//! - [`rejoin`](Pallet::rejoin) — signed, a parked validator: asks to validate again.
//! - [`set_rules`](Pallet::set_rules) — `AdminOrigin`: session length, floor, tolerance.
//!
//! ## Views
//!
//! [`validators`](Pallet::validators) (every approved validator and its standing) and
//! [`rules`](Pallet::rules), as view functions.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchable_impls;
mod invariants;
mod liveness;
#[cfg(test)]
mod mock;
mod sessions;
#[cfg(test)]
mod tests;
pub mod types;
mod views;
pub mod weights;

pub use types::{SessionIndex, ValidatorRules, ValidatorView};

/// What the benchmarks need of the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers session keys for `who`, as `Session.set_keys` would.
	fn register_keys(who: &AccountId);
}
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{ValidatorRegistration, ValidatorSet},
	};
	use frame_system::pallet_prelude::*;

	/// The layout of this pallet's storage; version 0 is its first (runtime 103).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// The rules of a chain whose block numbers are `BlockNumberFor<T>`.
	pub type RulesOf<T> = ValidatorRules<BlockNumberFor<T>>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who may add and remove validators and set the rules: the Root track.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The current session and its validators (pallet-session).
		type ValidatorSet: ValidatorSet<Self::AccountId, ValidatorId = Self::AccountId>;

		/// Whether an account has registered session keys (pallet-session).
		type KeyRegistration: ValidatorRegistration<Self::AccountId>;

		/// The most validators that may be approved: no more than Aura and GRANDPA accept.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Registers session keys for accounts the benchmarks approve.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The validators the DAO approved, in the order they were added; parked ones included.
	#[pallet::storage]
	pub type Approved<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// The approved validators set aside for silence, with the session they were parked at.
	#[pallet::storage]
	pub type Parked<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, SessionIndex>;

	/// How many sessions in a row each approved validator has authored nothing, up to the last
	/// one ended; absent means none.
	#[pallet::storage]
	pub type MissedSessions<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, u32>;

	/// The last session in which each approved validator authored a block.
	#[pallet::storage]
	pub type LastAuthored<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, SessionIndex>;

	/// The block at which the current session started.
	#[pallet::storage]
	pub type SessionStartedAt<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The rules in force.
	#[pallet::storage]
	pub type Rules<T: Config> = StorageValue<_, RulesOf<T>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The first validators; pallet-session's genesis registers their keys.
		pub validators: Vec<T::AccountId>,
		/// The rules the chain starts with.
		pub rules: RulesOf<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let validators: BoundedVec<_, T::MaxValidators> = self
				.validators
				.clone()
				.try_into()
				.expect("no more genesis validators than MaxValidators");
			for (i, who) in validators.iter().enumerate() {
				assert!(!validators[..i].contains(who), "a genesis validator is listed twice");
			}
			Pallet::<T>::validate(&self.rules, validators.len() as u32)
				.expect("the genesis validator rules are valid");
			Rules::<T>::put(self.rules);
			Approved::<T>::put(validators);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` was approved: it validates from the second rotation on.
		ValidatorAdded {
			/// The validator's account.
			who: T::AccountId,
		},
		/// `who` was removed: it stops validating from the second rotation on.
		ValidatorRemoved {
			/// The validator's account.
			who: T::AccountId,
		},
		/// `who` authored nothing for `missed` sessions and was set aside from the set planned
		/// at `session`.
		ValidatorParked {
			/// The validator's account.
			who: T::AccountId,
			/// The session whose planning parked it.
			session: SessionIndex,
			/// The sessions in a row it missed.
			missed: u32,
		},
		/// The parked `who` asked to validate again: it is in the next set planned.
		ValidatorRejoined {
			/// The validator's account.
			who: T::AccountId,
		},
		/// New rules are in force.
		RulesSet {
			/// The rules.
			rules: RulesOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is an approved validator already.
		AlreadyValidator,
		/// The account is not an approved validator.
		NotValidator,
		/// The account has not registered session keys (`Session.set_keys`).
		NoSessionKeys,
		/// As many validators are approved as `MaxValidators` allows.
		TooManyValidators,
		/// Active validators (approved, not parked, with session keys) would fall below the rules'
		/// `min_validators`.
		BelowMinimum,
		/// A session would be shorter than two blocks per approved validator.
		SessionTooShort,
		/// `min_validators` or `max_missed_sessions` is zero, or `min_validators` is above
		/// `MaxValidators`.
		InvalidRules,
		/// The validator is not parked.
		NotParked,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// pallet-authorship, which runs before this pallet, noted the block's author here. Also
		/// charged: the reads no other hook pays for, every block: `Rules` and
		/// `SessionStartedAt` by `should_end_session`, and pallet-session's validators by
		/// pallet-authorship to find the author's account.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			T::WeightInfo::note_author().saturating_add(T::DbWeight::get().reads(3))
		}

		fn integrity_test() {
			assert!(T::MaxValidators::get() > 0, "MaxValidators must not be zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Approves `who` as a validator. It joins the set pallet-session queues at the next
		/// rotation, so it validates from the second rotation on.
		///
		/// Origin: `AdminOrigin` (a passed Root-track proposal). `who` must have registered
		/// session keys. Emits `ValidatorAdded`. Errors: `AlreadyValidator`, `NoSessionKeys`,
		/// `TooManyValidators`, `SessionTooShort`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_add_validator(who)
		}

		/// Withdraws the approval of `who`, parked or not: it leaves the set pallet-session
		/// queues at the next rotation, so it stops validating from the second rotation on. Its
		/// session keys stay until its account purges them (`Session.purge_keys`), which returns
		/// their deposit.
		///
		/// Origin: `AdminOrigin`. Emits `ValidatorRemoved`. Errors: `NotValidator`,
		/// `BelowMinimum` (`who` is not parked and no more than `min_validators` are active: add
		/// its successor first).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(who)
		}

		/// Asks, for the caller's parked validator, to validate again: it is in the next set
		/// planned, with its missed sessions forgotten. If it stays silent it is parked again
		/// after `max_missed_sessions` sessions.
		///
		/// Origin: signed by the parked validator's account, which must still have session keys.
		/// Emits `ValidatorRejoined`. Errors: `NotParked`, `NoSessionKeys`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::rejoin())]
		pub fn rejoin(origin: OriginFor<T>) -> DispatchResult {
			Self::do_rejoin(ensure_signed(origin)?)
		}

		/// Puts `rules` in force. A new session length counts from the start of the current
		/// session.
		///
		/// Origin: `AdminOrigin`. Emits `RulesSet`. Errors: `InvalidRules`, `SessionTooShort`,
		/// `BelowMinimum` (more validators required than are active).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_rules())]
		pub fn set_rules(origin: OriginFor<T>, rules: RulesOf<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_rules(rules)
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Every approved validator and its standing, in the order they were added.
		pub fn validators() -> Vec<ValidatorView<T::AccountId>> {
			Self::validator_views()
		}

		/// The rules in force, and the block at which the next session starts.
		pub fn rules() -> (RulesOf<T>, BlockNumberFor<T>) {
			(Rules::<T>::get(), Self::next_rotation())
		}
	}
}
