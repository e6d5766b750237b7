//! Benchmarks of every commons call, each in its most expensive case.

use super::*;
use crate::pallet::{
	Commons as CommonsStorage, Contributions, LicenseOf, NameOf, NoteOf, Stewardships, UriOf,
};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use ostrom_primitives::{ContributionId, MembershipInspect};
use sp_runtime::traits::{Hash, Saturating};

/// A funded active member.
fn member<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let deposits = T::RegistrationDeposit::get().saturating_add(T::ContributionDeposit::get());
	let funds =
		T::Currency::minimum_balance().saturating_add(deposits.saturating_mul(10u32.into()));
	T::Currency::set_balance(&who, funds);
	T::Membership::add_member_for_benchmarks(&who);
	who
}

/// `len` bytes of `byte`.
fn filled<S: Get<u32>>(byte: u8) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(alloc::vec![byte; S::get() as usize])
}

/// The longest licence that is a valid SPDX identifier.
fn longest_license<T: Config>() -> LicenseOf<T> {
	filled::<T::MaxLicenseLen>(b'A')
}

/// Commons 0, registered by a fresh member with every field at its longest, with `stewards`
/// stewards in all; returns them, the registrant first.
fn commons_with_stewards<T: Config>(stewards: u32) -> alloc::vec::Vec<T::AccountId> {
	let registrant = member::<T>("registrant", 0);
	Pallet::<T>::register(
		RawOrigin::Signed(registrant.clone()).into(),
		filled::<T::MaxNameLen>(b'n'),
		CommonsKind::Software,
		longest_license::<T>(),
		filled::<T::MaxUriLen>(b'u'),
	)
	.expect("a funded member registers; qed");
	let mut all = alloc::vec![registrant.clone()];
	for index in 1..stewards {
		let steward = member::<T>("steward", index);
		Pallet::<T>::add_steward(RawOrigin::Signed(registrant.clone()).into(), 0, steward.clone())
			.expect("below MaxStewards; qed");
		all.push(steward);
	}
	all
}

/// A pending contribution to commons 0 that lacks one review to be decided (approved when
/// `approve`, else rejected), all given by members who are not stewards; returns its id.
fn contribution_one_review_short<T: Config>(approve: bool) -> ContributionId {
	let id = pending_contribution::<T>();
	let needed = if approve { T::ReviewsToAccept::get() } else { T::ReviewsToReject::get() };
	for index in 1..needed {
		Pallet::<T>::review(RawOrigin::Signed(member::<T>("reviewer", index)).into(), id, approve)
			.expect("a fresh member reviews once, short of a verdict; qed");
	}
	id
}

/// A pending contribution to commons 0 by a fresh member; returns its id.
fn pending_contribution<T: Config>() -> ContributionId {
	let contributor = member::<T>("contributor", 0);
	let id = NextContributionId::<T>::get();
	Pallet::<T>::contribute(
		RawOrigin::Signed(contributor).into(),
		0,
		T::Hashing::hash(b"content"),
		filled::<T::MaxNoteLen>(b'c'),
	)
	.expect("an active member contributes to an active commons; qed");
	id
}

/// The steward that a steward check finds last.
fn last<T: Config>(stewards: &[T::AccountId]) -> T::AccountId {
	stewards.last().expect("a commons has a steward; qed").clone()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() {
		let registrant = member::<T>("registrant", 0);
		let name: NameOf<T> = filled::<T::MaxNameLen>(b'n');
		let uri: UriOf<T> = filled::<T::MaxUriLen>(b'u');

		#[extrinsic_call]
		_(RawOrigin::Signed(registrant), name, CommonsKind::Software, longest_license::<T>(), uri);

		assert!(CommonsStorage::<T>::contains_key(0));
	}

	// The caller is found last in, and the newcomer appended to, a list one short of full.
	#[benchmark]
	fn add_steward() {
		let stewards = commons_with_stewards::<T>(T::MaxStewards::get().saturating_sub(1));
		let newcomer = member::<T>("newcomer", 0);
		let caller = last::<T>(&stewards);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 0, newcomer.clone());

		assert!(CommonsStorage::<T>::get(0).unwrap().stewards.contains(&newcomer));
	}

	// The last steward of a full list removes themself: both searches scan the whole list.
	#[benchmark]
	fn remove_steward() {
		let stewards = commons_with_stewards::<T>(T::MaxStewards::get().max(2));
		let caller = last::<T>(&stewards);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), 0, caller.clone());

		assert!(!CommonsStorage::<T>::get(0).unwrap().stewards.contains(&caller));
	}

	// Signed by the last steward of a full list, every field changed: heavier than the admin.
	#[benchmark]
	fn update() {
		let caller = last::<T>(&commons_with_stewards::<T>(T::MaxStewards::get()));
		let name: NameOf<T> = filled::<T::MaxNameLen>(b'm');
		let uri: UriOf<T> = filled::<T::MaxUriLen>(b'v');

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller),
			0,
			Some(name.clone()),
			Some(CommonsKind::Knowledge),
			Some(longest_license::<T>()),
			Some(uri),
		);

		assert_eq!(CommonsStorage::<T>::get(0).unwrap().name, name);
	}

	// Signed by the last steward of a full list: heavier than the admin.
	#[benchmark]
	fn archive() {
		let caller = last::<T>(&commons_with_stewards::<T>(T::MaxStewards::get()));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 0);

		assert_eq!(CommonsStorage::<T>::get(0).unwrap().status, CommonsStatus::Archived);
	}

	#[benchmark]
	fn contribute() {
		commons_with_stewards::<T>(T::MaxStewards::get());
		let contributor = member::<T>("contributor", 0);
		let note: NoteOf<T> = filled::<T::MaxNoteLen>(b'c');

		#[extrinsic_call]
		_(RawOrigin::Signed(contributor), 0, T::Hashing::hash(b"content"), note);

		assert!(Contributions::<T>::contains_key(0));
	}

	// The deciding approval, by the steward a steward check finds last: it accepts the
	// contribution, returns its deposit and adds reputation.
	#[benchmark]
	fn review() {
		let steward = last::<T>(&commons_with_stewards::<T>(T::MaxStewards::get()));
		let id = contribution_one_review_short::<T>(true);

		#[extrinsic_call]
		_(RawOrigin::Signed(steward), id, true);

		assert_eq!(Contributions::<T>::get(id).unwrap().status, ContributionStatus::Accepted);
	}

	// The deciding rejection, by the steward a steward check finds last: it rejects the
	// contribution and slashes its deposit.
	#[benchmark]
	fn review_reject() {
		let steward = last::<T>(&commons_with_stewards::<T>(T::MaxStewards::get()));
		let id = contribution_one_review_short::<T>(false);

		#[extrinsic_call]
		review(RawOrigin::Signed(steward), id, false);

		assert_eq!(Contributions::<T>::get(id).unwrap().status, ContributionStatus::Rejected);
	}

	#[benchmark]
	fn unarchive() -> Result<(), BenchmarkError> {
		commons_with_stewards::<T>(T::MaxStewards::get());
		let admin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Pallet::<T>::archive(admin.clone(), 0).expect("the admin archives; qed");

		#[extrinsic_call]
		_(admin as T::RuntimeOrigin, 0);

		assert_eq!(CommonsStorage::<T>::get(0).unwrap().status, CommonsStatus::Active);
		Ok(())
	}

	// The last steward of a full list, who left the DAO: the whole list is scanned.
	#[benchmark]
	fn reap_steward() {
		let stewards = commons_with_stewards::<T>(T::MaxStewards::get());
		let former = last::<T>(&stewards);
		T::Membership::remove_member_for_benchmarks(&former);
		let caller = member::<T>("reaper", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 0, former.clone());

		assert!(!Stewardships::<T>::contains_key(&former, 0));
	}

	#[benchmark]
	fn withdraw_contribution() {
		commons_with_stewards::<T>(T::MaxStewards::get());
		let id = pending_contribution::<T>();
		let contributor = Contributions::<T>::get(id).unwrap().contributor;

		#[extrinsic_call]
		_(RawOrigin::Signed(contributor), id);

		assert_eq!(Contributions::<T>::get(id).unwrap().status, ContributionStatus::Withdrawn);
	}

	// Signed by the last steward of a full list: heavier than the admin.
	#[benchmark]
	fn dismiss_contribution() {
		let steward = last::<T>(&commons_with_stewards::<T>(T::MaxStewards::get()));
		let id = pending_contribution::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(steward), id);

		assert_eq!(Contributions::<T>::get(id).unwrap().status, ContributionStatus::Dismissed);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
