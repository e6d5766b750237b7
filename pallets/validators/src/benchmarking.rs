//! Benchmarks of every validators call and of the per-block hook, each in its most expensive
//! case: as many approved validators as `MaxValidators` allows.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use pallet_authorship::EventHandler;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

/// Approves `count` validators with keys, with sessions long enough for all of them, and
/// returns them.
fn approve<T: Config>(count: u32) -> alloc::vec::Vec<T::AccountId> {
	let mut rules = Rules::<T>::get();
	rules.session_length = BlockNumberFor::<T>::from(T::MaxValidators::get() * 2);
	rules.min_validators = 1;
	Rules::<T>::put(rules);
	Approved::<T>::kill();
	(0..count)
		.map(|i| {
			let who: T::AccountId = account("validator", i, 0);
			T::BenchmarkHelper::register_keys(&who);
			Approved::<T>::mutate(|approved| approved.try_push(who.clone()))
				.expect("no more than MaxValidators; qed");
			who
		})
		.collect()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Approving the last validator `MaxValidators` allows.
	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		approve::<T>(T::MaxValidators::get() - 1);
		let who: T::AccountId = account("newcomer", 0, 0);
		T::BenchmarkHelper::register_keys(&who);
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert_last_event::<T>(Event::ValidatorAdded { who });
		Ok(())
	}

	/// Removing the last of `MaxValidators`, which has authored and missed sessions.
	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let approved = approve::<T>(T::MaxValidators::get());
		let who = approved.last().cloned().expect("MaxValidators is not zero; qed");
		LastAuthored::<T>::insert(&who, 1);
		MissedSessions::<T>::insert(&who, 1);
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert_last_event::<T>(Event::ValidatorRemoved { who });
		Ok(())
	}

	#[benchmark]
	fn rejoin() {
		let approved = approve::<T>(T::MaxValidators::get());
		let who = approved.last().cloned().expect("MaxValidators is not zero; qed");
		Parked::<T>::insert(&who, 3);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert_last_event::<T>(Event::ValidatorRejoined { who });
	}

	/// New rules checked against `MaxValidators` approved validators, parked ones among them.
	#[benchmark]
	fn set_rules() -> Result<(), BenchmarkError> {
		let approved = approve::<T>(T::MaxValidators::get());
		Parked::<T>::insert(&approved[0], 3);
		let mut rules = Rules::<T>::get();
		rules.max_missed_sessions = 5;
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, rules);

		assert_last_event::<T>(Event::RulesSet { rules });
		Ok(())
	}

	/// What every block costs: noting its author.
	#[benchmark]
	fn note_author() {
		let approved = approve::<T>(1);
		let who = approved[0].clone();

		#[block]
		{
			<Pallet<T> as EventHandler<T::AccountId, BlockNumberFor<T>>>::note_author(who.clone());
		}

		assert!(LastAuthored::<T>::contains_key(&who));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
