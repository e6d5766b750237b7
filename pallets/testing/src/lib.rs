//! What the mock runtimes of Ostrom's pallets share: [`TestMembership`], a membership the tests
//! set directly, and the [`ok!`] and [`noop!`] assertions, which check the calling crate's
//! invariants (`crate::mock::check_invariants()`) after each step.

use core::cell::RefCell;
use ostrom_primitives::{MembershipInspect, MembershipMutate, Reputation};
use std::collections::BTreeMap;

/// A member's standing in [`TestMembership`].
#[derive(Clone, Copy)]
struct Standing {
	joined_at: u64,
	active: bool,
	reputation: Reputation,
	/// Whether a vote has counted them among the eligible voters already.
	voted: bool,
}

thread_local! {
	static MEMBERS: RefCell<BTreeMap<u64, Standing>> = const { RefCell::new(BTreeMap::new()) };
}

/// Membership as the tests set it, for mocks whose accounts and block numbers are `u64`.
/// It lives in the test's thread: [`TestMembership::reset`] it when building a test's state.
pub struct TestMembership;

impl TestMembership {
	/// Forgets every member.
	pub fn reset() {
		MEMBERS.with(|m| m.borrow_mut().clear());
	}

	/// Makes `who` an active member who joined at block `joined_at`.
	pub fn set_member_since(who: u64, joined_at: u64) {
		MEMBERS.with(|m| {
			let standing = Standing { joined_at, active: true, reputation: 0, voted: false };
			m.borrow_mut().insert(who, standing)
		});
	}

	/// Makes `who` an active member who joined at genesis.
	pub fn set_member(who: u64) {
		Self::set_member_since(who, 0);
	}

	/// Suspends the member `who`.
	pub fn suspend(who: u64) {
		MEMBERS.with(|m| m.borrow_mut().get_mut(&who).map(|standing| standing.active = false));
	}

	/// Removes the member `who`.
	pub fn remove(who: u64) {
		MEMBERS.with(|m| m.borrow_mut().remove(&who));
	}
}

impl MembershipInspect<u64, u64> for TestMembership {
	fn is_active_member(who: &u64) -> bool {
		MEMBERS.with(|m| m.borrow().get(who).is_some_and(|standing| standing.active))
	}

	fn member_since(who: &u64) -> Option<u64> {
		MEMBERS.with(|m| m.borrow().get(who).map(|standing| standing.joined_at))
	}

	fn settled_since(who: &u64) -> Option<u64> {
		<Self as MembershipInspect<u64, u64>>::member_since(who)
	}

	fn member_count() -> u32 {
		MEMBERS.with(|m| m.borrow().len() as u32)
	}

	/// Every member is an eligible voter: the mock has no probation and no dormancy.
	fn eligible_voters() -> u32 {
		<Self as MembershipInspect<u64, u64>>::member_count()
	}

	fn reputation(who: &u64) -> Reputation {
		MEMBERS.with(|m| m.borrow().get(who).map_or(0, |standing| standing.reputation))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add_member_for_benchmarks(who: &u64) {
		Self::set_member(*who);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn remove_member_for_benchmarks(who: &u64) {
		Self::remove(*who);
	}
}

impl MembershipMutate<u64, u64> for TestMembership {
	/// Writes (returns `true`) on a member's first vote only, as a membership counting voters
	/// per epoch does within one epoch.
	fn note_vote(who: &u64) -> bool {
		MEMBERS.with(|m| {
			m.borrow_mut()
				.get_mut(who)
				.is_some_and(|standing| !core::mem::replace(&mut standing.voted, true))
		})
	}

	/// No cap per epoch: a member gets all of `amount`.
	fn add_reputation(who: &u64, amount: Reputation) -> Reputation {
		MEMBERS.with(|m| {
			m.borrow_mut().get_mut(who).map_or(0, |standing| {
				standing.reputation = standing.reputation.saturating_add(amount);
				amount
			})
		})
	}
}

/// The same membership for mocks whose accounts are `u128`, long enough for pallet
/// sub-accounts: an account is known by its low 64 bits.
impl MembershipInspect<u128, u64> for TestMembership {
	fn is_active_member(who: &u128) -> bool {
		<Self as MembershipInspect<u64, u64>>::is_active_member(&(*who as u64))
	}

	fn member_since(who: &u128) -> Option<u64> {
		<Self as MembershipInspect<u64, u64>>::member_since(&(*who as u64))
	}

	fn settled_since(who: &u128) -> Option<u64> {
		<Self as MembershipInspect<u64, u64>>::settled_since(&(*who as u64))
	}

	fn member_count() -> u32 {
		<Self as MembershipInspect<u64, u64>>::member_count()
	}

	fn eligible_voters() -> u32 {
		<Self as MembershipInspect<u64, u64>>::eligible_voters()
	}

	fn reputation(who: &u128) -> Reputation {
		<Self as MembershipInspect<u64, u64>>::reputation(&(*who as u64))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add_member_for_benchmarks(who: &u128) {
		Self::set_member(*who as u64);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn remove_member_for_benchmarks(who: &u128) {
		Self::remove(*who as u64);
	}
}

impl MembershipMutate<u128, u64> for TestMembership {
	fn note_vote(who: &u128) -> bool {
		<Self as MembershipMutate<u64, u64>>::note_vote(&(*who as u64))
	}

	fn add_reputation(who: &u128, amount: Reputation) -> Reputation {
		<Self as MembershipMutate<u64, u64>>::add_reputation(&(*who as u64), amount)
	}
}

/// Asserts that a call succeeds, then that the calling crate's invariants still hold.
// `crate` is meant: the invariants are the calling crate's.
#[allow(clippy::crate_in_macro_def)]
#[macro_export]
macro_rules! ok {
	($call:expr) => {{
		frame_support::assert_ok!($call);
		crate::mock::check_invariants();
	}};
}

/// Asserts that a call fails with `$error` leaving storage untouched, then that the calling
/// crate's invariants still hold.
// `crate` is meant: the invariants are the calling crate's.
#[allow(clippy::crate_in_macro_def)]
#[macro_export]
macro_rules! noop {
	($call:expr, $error:expr) => {{
		frame_support::assert_noop!($call, $error);
		crate::mock::check_invariants();
	}};
}
