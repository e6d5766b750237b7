//! # Ostrom primitives
//!
//! The traits through which Ostrom's pallets use each other. A pallet depends on this crate,
//! never on another pallet: the runtime decides which pallet implements which trait, so every
//! pallet can be tested with a small mock and replaced without touching the others.

#![cfg_attr(not(feature = "std"), no_std)]

/// Reputation a member earns from reviewed contributions to the commons.
pub type Reputation = u32;

/// What other pallets may ask of, and do to, the DAO's membership.
pub trait MembershipInspect<AccountId> {
	/// Whether `who` is a member who may act now: admitted and not suspended.
	fn is_active_member(who: &AccountId) -> bool;

	/// How many members the DAO has, suspended ones included.
	fn member_count() -> u32;

	/// The reputation of `who`; zero for non-members.
	fn reputation(who: &AccountId) -> Reputation;

	/// Adds `amount` to the reputation of `who` (saturating). Returns whether `who` is a member,
	/// and so got it: non-members get nothing.
	fn add_reputation(who: &AccountId, amount: Reputation) -> bool;

	/// Makes `who` an active member, so that benchmarks can set up member-only calls.
	#[cfg(feature = "runtime-benchmarks")]
	fn add_member_for_benchmarks(_who: &AccountId) {}
}
