//! # Membership pallet
//!
//! Who belongs to the Ostrom DAO.
//!
//! ## Overview
//!
//! Membership is open, peer-validated and sybil-resistant: anyone may apply by holding a small
//! deposit, and becomes a member as soon as `SponsorsRequired` members have vouched for them.
//! No admin key admits anyone; the `AdminOrigin` (the DAO's own origin once proposals exist)
//! can add, remove and suspend members. Each member has an equal voice in quadratic voting, so
//! admission is the sybil gate: one person cannot cheaply become many members.
//!
//! Each member record keeps the block the member joined, a reputation earned from accepted
//! contributions to the commons (added by other pallets through
//! [`ostrom_primitives::MembershipInspect`]) and a status: active or suspended until a block.
//! A suspended member cannot propose, vote, sponsor or review until that block.
//!
//! ## Dispatchable functions
//!
//! - [`apply`](Pallet::apply) — signed, not a member: applies to join, holding
//!   `ApplicationDeposit`.
//! - [`sponsor`](Pallet::sponsor) — signed, an active member: vouches for an applicant once; at
//!   `SponsorsRequired` sponsors the applicant becomes a member and the deposit is released.
//! - [`withdraw_application`](Pallet::withdraw_application) — signed, an applicant: withdraws and
//!   gets the deposit back.
//! - [`leave`](Pallet::leave) — signed, a member: resigns.
//! - [`add_member`](Pallet::add_member), [`remove_member`](Pallet::remove_member),
//!   [`suspend`](Pallet::suspend) — `AdminOrigin`.
//!
//! ## Configuration
//!
//! `Currency` holds deposits; `ApplicationDeposit`, `SponsorsRequired` (at least one),
//! `MaxMembers` and `MaxMetadataLen` are constants; `AdminOrigin` decides admin calls.
//! The genesis config lists the initial members.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod inspect;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::{Application, MemberRecord, MemberStatus};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::Reputation;

	pub(crate) type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	pub type ApplicationOf<T> = Application<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		<T as Config>::MaxMetadataLen,
		<T as Config>::SponsorsRequired,
	>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Holds application deposits.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason, which includes this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Adds, removes and suspends members.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Held from an applicant while the application is pending.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// How many members must vouch for an applicant; at least one.
		#[pallet::constant]
		type SponsorsRequired: Get<u32>;

		/// The most members the DAO can have.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The longest application metadata, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a pending application.
		Application,
	}

	/// Every member, with when they joined, their reputation and their status.
	#[pallet::storage]
	pub type Members<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, MemberRecord<BlockNumberFor<T>>>;

	/// The number of entries in `Members`.
	#[pallet::storage]
	pub type MemberCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Pending applications, by applicant.
	#[pallet::storage]
	pub type Applications<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ApplicationOf<T>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The founding members.
		pub members: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for who in &self.members {
				assert!(!Members::<T>::contains_key(who), "a genesis member is listed twice");
				Pallet::<T>::insert_member(who);
			}
			assert!(
				MemberCount::<T>::get() <= T::MaxMembers::get(),
				"more genesis members than MaxMembers"
			);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` applied to join, holding `deposit`.
		Applied { who: T::AccountId, deposit: BalanceOf<T> },
		/// `sponsor` vouched for `applicant`, who now has `sponsors` sponsors.
		Sponsored { applicant: T::AccountId, sponsor: T::AccountId, sponsors: u32 },
		/// `who` withdrew their application and got the deposit back.
		ApplicationWithdrawn { who: T::AccountId },
		/// `who` became a member.
		MemberAdded { who: T::AccountId },
		/// `who` resigned.
		MemberLeft { who: T::AccountId },
		/// `who` was removed by the admin origin.
		MemberRemoved { who: T::AccountId },
		/// `who` may not act before block `until`.
		MemberSuspended { who: T::AccountId, until: BlockNumberFor<T> },
		/// The reputation of `who` is now `reputation`.
		ReputationChanged { who: T::AccountId, reputation: Reputation },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a member.
		AlreadyMember,
		/// The account is not a member.
		NotMember,
		/// The member is suspended and may not act now.
		Suspended,
		/// The account already has a pending application.
		AlreadyApplied,
		/// The account has no pending application.
		NoApplication,
		/// This member already vouched for this applicant.
		AlreadySponsored,
		/// The DAO has `MaxMembers` members.
		TooManyMembers,
		/// The application deposit cannot be held: the balance is too low.
		InsufficientBalance,
		/// The DAO's last member cannot leave or be removed: no one would be left to govern.
		LastMember,
		/// A suspension must end in a future block.
		SuspensionNotInFuture,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::SponsorsRequired::get() >= 1, "SponsorsRequired must be at least one");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Applies to join the DAO.
		///
		/// Origin: signed by an account that is neither a member nor an applicant.
		/// Holds `ApplicationDeposit` from the caller and stores `metadata` (a hash of, or link
		/// to, a profile) until members sponsor the application or the caller withdraws it.
		///
		/// Emits `Applied`. Errors: `AlreadyMember`, `AlreadyApplied`, `TooManyMembers`,
		/// `InsufficientBalance`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(
			origin: OriginFor<T>,
			metadata: BoundedVec<u8, T::MaxMetadataLen>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
			ensure!(!Applications::<T>::contains_key(&who), Error::<T>::AlreadyApplied);
			ensure!(MemberCount::<T>::get() < T::MaxMembers::get(), Error::<T>::TooManyMembers);

			let deposit = T::ApplicationDeposit::get();
			T::Currency::hold(&HoldReason::Application.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			Applications::<T>::insert(
				&who,
				Application { metadata, deposit, sponsors: BoundedVec::new() },
			);
			Self::deposit_event(Event::Applied { who, deposit });
			Ok(())
		}

		/// Vouches for an applicant.
		///
		/// Origin: signed by an active member who has not yet sponsored this application.
		/// Earlier sponsors who are no longer active members are dropped first. When the
		/// application reaches `SponsorsRequired` sponsors, the applicant becomes a member at
		/// once and the deposit is released.
		///
		/// Emits `Sponsored`, then `MemberAdded` on admission. Errors: `NotMember`, `Suspended`,
		/// `NoApplication`, `AlreadySponsored`, `TooManyMembers`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::sponsor())]
		pub fn sponsor(origin: OriginFor<T>, applicant: T::AccountId) -> DispatchResult {
			let sponsor = ensure_signed(origin)?;
			Self::ensure_active_member(&sponsor)?;
			let mut application =
				Applications::<T>::get(&applicant).ok_or(Error::<T>::NoApplication)?;
			ensure!(!application.sponsors.contains(&sponsor), Error::<T>::AlreadySponsored);

			// A vouch counts only while its giver may act: one who left, was removed or is
			// suspended since no longer helps to admit anyone.
			application.sponsors.retain(|earlier| Self::ensure_active_member(earlier).is_ok());
			let sponsors = (application.sponsors.len() as u32).saturating_add(1);
			Self::deposit_event(Event::Sponsored {
				applicant: applicant.clone(),
				sponsor: sponsor.clone(),
				sponsors,
			});
			if sponsors >= T::SponsorsRequired::get() {
				Self::admit(&applicant)
			} else {
				// Cannot fail: fewer than `SponsorsRequired` sponsors fit the bound.
				application.sponsors.try_push(sponsor).map_err(|_| Error::<T>::AlreadySponsored)?;
				Applications::<T>::insert(&applicant, application);
				Ok(())
			}
		}

		/// Withdraws the caller's pending application and releases its deposit.
		///
		/// Origin: signed by an applicant. Emits `ApplicationWithdrawn`.
		/// Errors: `NoApplication`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_application())]
		pub fn withdraw_application(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(Applications::<T>::contains_key(&who), Error::<T>::NoApplication);
			Self::close_application(&who)?;
			Self::deposit_event(Event::ApplicationWithdrawn { who });
			Ok(())
		}

		/// Resigns from the DAO; the reputation is forgotten.
		///
		/// Origin: signed by an active member: a suspended one cannot leave, or they could
		/// escape the suspension by applying again. Emits `MemberLeft`.
		/// Errors: `NotMember`, `Suspended`, `LastMember`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_active_member(&who)?;
			Self::remove(&who)?;
			Self::deposit_event(Event::MemberLeft { who });
			Ok(())
		}

		/// Makes `who` a member without sponsors; a pending application of `who` ends and its
		/// deposit is released.
		///
		/// Origin: `AdminOrigin`. Emits `MemberAdded`. Errors: `AlreadyMember`, `TooManyMembers`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
			Self::admit(&who)
		}

		/// Removes the member `who`.
		///
		/// Origin: `AdminOrigin`. Emits `MemberRemoved`. Errors: `NotMember`, `LastMember`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::remove(&who)?;
			Self::deposit_event(Event::MemberRemoved { who });
			Ok(())
		}

		/// Suspends the member `who` until block `until`, replacing any earlier suspension.
		///
		/// Origin: `AdminOrigin`. Emits `MemberSuspended`.
		/// Errors: `NotMember`, `SuspensionNotInFuture`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(
			origin: OriginFor<T>,
			who: T::AccountId,
			until: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(
				until > frame_system::Pallet::<T>::block_number(),
				Error::<T>::SuspensionNotInFuture
			);
			Members::<T>::try_mutate(&who, |record| {
				let record = record.as_mut().ok_or(Error::<T>::NotMember)?;
				record.status = MemberStatus::Suspended { until };
				Ok::<_, Error<T>>(())
			})?;
			Self::deposit_event(Event::MemberSuspended { who, until });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Fails unless `who` is a member who may act now.
		pub fn ensure_active_member(who: &T::AccountId) -> DispatchResult {
			let record = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(record.is_active_at(&now), Error::<T>::Suspended);
			Ok(())
		}

		/// Makes `who` a member, ending their application if they have one.
		fn admit(who: &T::AccountId) -> DispatchResult {
			ensure!(MemberCount::<T>::get() < T::MaxMembers::get(), Error::<T>::TooManyMembers);
			if Applications::<T>::contains_key(who) {
				Self::close_application(who)?;
			}
			Self::insert_member(who);
			Self::deposit_event(Event::MemberAdded { who: who.clone() });
			Ok(())
		}

		pub(crate) fn insert_member(who: &T::AccountId) {
			Members::<T>::insert(
				who,
				MemberRecord {
					joined_at: frame_system::Pallet::<T>::block_number(),
					reputation: 0,
					status: MemberStatus::Active,
				},
			);
			MemberCount::<T>::mutate(|count| *count = count.saturating_add(1));
		}

		fn remove(who: &T::AccountId) -> DispatchResult {
			ensure!(Members::<T>::contains_key(who), Error::<T>::NotMember);
			ensure!(MemberCount::<T>::get() > 1, Error::<T>::LastMember);
			Members::<T>::remove(who);
			MemberCount::<T>::mutate(|count| *count = count.saturating_sub(1));
			Ok(())
		}

		/// Removes the application of `who` and releases its deposit.
		fn close_application(who: &T::AccountId) -> DispatchResult {
			let application = Applications::<T>::take(who).ok_or(Error::<T>::NoApplication)?;
			T::Currency::release(
				&HoldReason::Application.into(),
				who,
				application.deposit,
				Precision::BestEffort,
			)?;
			Ok(())
		}

		/// The invariants, checked by `try_state` and by the tests after every step: the member
		/// count matches the stored members and respects the bound; an applicant is not a
		/// member, has fewer sponsors than required, all distinct, and exactly the application
		/// deposit is held from them.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let members = Members::<T>::iter_keys().count() as u32;
			ensure!(members == MemberCount::<T>::get(), "MemberCount differs from Members");
			ensure!(members <= T::MaxMembers::get(), "more members than MaxMembers");

			for (applicant, application) in Applications::<T>::iter() {
				ensure!(!Members::<T>::contains_key(&applicant), "an applicant is a member");
				ensure!(
					(application.sponsors.len() as u32) < T::SponsorsRequired::get(),
					"an application has enough sponsors but is still pending"
				);
				let mut sponsors = application.sponsors.to_vec();
				sponsors.sort();
				sponsors.dedup();
				ensure!(
					sponsors.len() == application.sponsors.len(),
					"an application counts one sponsor twice"
				);
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::Application.into(), &applicant)
						== application.deposit,
					"an applicant's held deposit differs from the application's"
				);
			}
			Ok(())
		}
	}
}
