//! Benchmarks of every membership call, each in its most expensive case.

use super::*;
use crate::pallet::{AdmissionsPaused, Applications, MemberCount, Members, Rules};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use ostrom_primitives::MembershipInspect;
use sp_runtime::traits::Saturating;

/// An account with enough funds to hold an application deposit.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let deposit = T::ApplicationDeposit::get();
	let funds = T::Currency::minimum_balance().saturating_add(deposit.saturating_mul(10u32.into()));
	T::Currency::set_balance(&who, funds);
	who
}

fn longest_metadata<T: Config>() -> BoundedVec<u8, T::MaxMetadataLen> {
	BoundedVec::try_from(alloc::vec![7u8; T::MaxMetadataLen::get() as usize])
		.expect("exactly MaxMetadataLen bytes; qed")
}

/// `count` members, so that checks against other members see a realistic DAO.
fn members<T: Config>(count: u32) -> alloc::vec::Vec<T::AccountId> {
	(0..count)
		.map(|index| {
			let who = funded::<T>("member", index);
			Pallet::<T>::add_member_for_benchmarks(&who);
			who
		})
		.collect()
}

/// An application by `applicant` that lacks exactly one sponsor, with all others from `sponsors`.
fn application_one_short<T: Config>(applicant: &T::AccountId, sponsors: &[T::AccountId]) {
	Pallet::<T>::apply(RawOrigin::Signed(applicant.clone()).into(), longest_metadata::<T>())
		.expect("the applicant is funded and not a member; qed");
	let missing = T::SponsorsRequired::get().saturating_sub(1) as usize;
	for sponsor in &sponsors[..missing] {
		Pallet::<T>::sponsor(RawOrigin::Signed(sponsor.clone()).into(), applicant.clone())
			.expect("a fresh member sponsors once; qed");
	}
}

/// A member admitted by sponsorship just now by `SponsorsRequired` members: removing it
/// sanctions them all, the heaviest removal.
fn sponsored_member<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	// The same sponsors admit every such member (`open_rules` lifts their quota).
	let sponsors: alloc::vec::Vec<T::AccountId> = (0..T::SponsorsRequired::get())
		.map(|sponsor| {
			let who = funded::<T>("sponsor", sponsor);
			Pallet::<T>::add_member_for_benchmarks(&who);
			who
		})
		.collect();
	let member = funded::<T>(name, index);
	Pallet::<T>::apply(RawOrigin::Signed(member.clone()).into(), longest_metadata::<T>())
		.expect("the applicant is funded and not a member; qed");
	for sponsor in sponsors {
		Pallet::<T>::sponsor(RawOrigin::Signed(sponsor).into(), member.clone())
			.expect("fresh members with quota sponsor; qed");
	}
	member
}

/// Rules under which every benchmark's admissions fit the growth cap.
fn open_rules<T: Config>() {
	Rules::<T>::mutate(|rules| {
		rules.admissions_floor = 10_000;
		rules.sponsorships_per_epoch = u32::MAX;
		rules.accountability_period = T::EpochLength::get();
	});
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn apply() {
		let who = funded::<T>("applicant", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), longest_metadata::<T>());

		assert!(Applications::<T>::contains_key(&who));
	}

	// The last sponsor admits the applicant and releases the deposit: the heaviest path.
	#[benchmark]
	fn sponsor() {
		open_rules::<T>();
		let sponsors = members::<T>(T::SponsorsRequired::get());
		let applicant = funded::<T>("applicant", 0);
		application_one_short::<T>(&applicant, &sponsors);
		let last = sponsors.last().expect("SponsorsRequired is at least one; qed").clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(last), applicant.clone());

		assert!(Members::<T>::contains_key(&applicant));
		assert_last_event::<T>(Event::MemberAdded { who: applicant });
	}

	#[benchmark]
	fn withdraw_application() {
		let sponsors = members::<T>(T::SponsorsRequired::get());
		let applicant = funded::<T>("applicant", 0);
		application_one_short::<T>(&applicant, &sponsors);

		#[extrinsic_call]
		_(RawOrigin::Signed(applicant.clone()));

		assert!(!Applications::<T>::contains_key(&applicant));
	}

	#[benchmark]
	fn leave() {
		let all = members::<T>(2);

		#[extrinsic_call]
		_(RawOrigin::Signed(all[0].clone()));

		assert!(!Members::<T>::contains_key(&all[0]));
	}

	// Admitting someone with a pending application also releases its deposit.
	#[benchmark]
	fn add_member() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let sponsors = members::<T>(T::SponsorsRequired::get());
		let applicant = funded::<T>("applicant", 0);
		application_one_short::<T>(&applicant, &sponsors);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, applicant.clone());

		assert!(Members::<T>::contains_key(&applicant));
		Ok(())
	}

	// A member admitted by sponsorship within the accountability period: its sponsors are
	// sanctioned.
	#[benchmark]
	fn remove_member() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		open_rules::<T>();
		let member = sponsored_member::<T>("sybil", 0);
		let count = MemberCount::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, member);

		assert_eq!(MemberCount::<T>::get(), count - 1);
		Ok(())
	}

	#[benchmark]
	fn remove_members(n: Linear<1, { T::MaxRemovals::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		open_rules::<T>();
		let sybils: alloc::vec::Vec<T::AccountId> =
			(0..n).map(|index| sponsored_member::<T>("sybil", index)).collect();
		let count = MemberCount::<T>::get();
		let sybils = BoundedVec::try_from(sybils).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, sybils);

		assert_eq!(MemberCount::<T>::get(), count - n);
		Ok(())
	}

	#[benchmark]
	fn set_admissions_paused() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, true);

		assert!(AdmissionsPaused::<T>::get());
		Ok(())
	}

	#[benchmark]
	fn set_rules() -> Result<(), BenchmarkError> {
		let origin =
			T::RulesOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let rules = Rules::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, rules);

		assert_last_event::<T>(Event::RulesChanged { rules });
		Ok(())
	}

	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let all = members::<T>(1);
		let until = frame_system::Pallet::<T>::block_number() + 10u32.into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, all[0].clone(), until);

		assert_last_event::<T>(Event::MemberSuspended { who: all[0].clone(), until });
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
