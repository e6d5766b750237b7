//! Benchmarks of every treasury call, each in its most expensive case.

use super::*;
use crate::pallet::{Contributions, Earmarked, GrantCount, RoundCount};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use ostrom_primitives::{CommonsId, CommonsInspect, MembershipInspect};
use sp_runtime::{
	traits::{One, Zero},
	Perbill, Saturating,
};

/// A large multiple of the existential deposit, so that every amount below is payable.
fn plenty<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into())
}

/// Fills the pot and lets the DAO commit all of it in one period.
fn funded_pot<T: Config>() {
	T::Currency::set_balance(&Pallet::<T>::pot(), plenty::<T>());
	SpendRulesOf::<T>::put(SpendRules { period: 1_000u32.into(), max_share: Perbill::one() });
}

/// An amount the pot can pay to a new account.
fn amount<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into())
}

/// A funded active member.
fn member<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Membership::add_member_for_benchmarks(&who);
	T::Currency::set_balance(&who, plenty::<T>());
	who
}

fn dao_origin<T: Config>() -> T::RuntimeOrigin {
	T::DaoOrigin::try_successful_origin().expect("the DAO origin can be made; qed")
}

/// Opens a round; returns its number.
fn opened_round<T: Config>() -> RoundIndex {
	let round = RoundCount::<T>::get();
	Pallet::<T>::open_round(dao_origin::<T>(), amount::<T>(), 10u32.into())
		.expect("the funded pot opens a round; qed");
	round
}

fn give<T: Config>(who: &T::AccountId, round: RoundIndex, commons: CommonsId) {
	Pallet::<T>::contribute(RawOrigin::Signed(who.clone()).into(), round, commons, amount::<T>())
		.expect("a member contributes to an open round; qed");
}

fn run_to_block<T: Config>(n: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(n);
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn donate() {
		let donor = member::<T>("donor", 0);
		let amount = amount::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(donor.clone()), amount);

		assert_last_event::<T>(Event::Deposited { from: Some(donor), amount });
	}

	/// To a new account.
	#[benchmark]
	fn spend() -> Result<(), BenchmarkError> {
		funded_pot::<T>();
		let origin =
			T::DaoOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let amount = amount::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, beneficiary.clone(), amount);

		assert_last_event::<T>(Event::Spent { beneficiary, amount });
		Ok(())
	}

	#[benchmark]
	fn spend_stream() -> Result<(), BenchmarkError> {
		funded_pot::<T>();
		let origin =
			T::DaoOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let amount = amount::<T>();
		let duration: BlockNumberFor<T> = 100u32.into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, beneficiary.clone(), amount, duration);

		let start = frame_system::Pallet::<T>::block_number();
		assert_last_event::<T>(Event::GrantCreated {
			grant: 0,
			beneficiary,
			amount,
			start,
			duration,
		});
		Ok(())
	}

	/// The last claim of a grant, which pays a new account and removes the grant.
	#[benchmark]
	fn claim() {
		funded_pot::<T>();
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let amount = amount::<T>();
		Pallet::<T>::spend_stream(dao_origin::<T>(), beneficiary.clone(), amount, One::one())
			.expect("the funded pot makes a grant; qed");
		let start = frame_system::Pallet::<T>::block_number();
		run_to_block::<T>(start + One::one());

		#[extrinsic_call]
		_(RawOrigin::Signed(beneficiary.clone()), 0);

		assert_eq!(GrantCount::<T>::get(), 1);
		assert!(Grants::<T>::get(0).is_none());
		assert_last_event::<T>(Event::Claimed { grant: 0, beneficiary, amount });
	}

	#[benchmark]
	fn cancel_grant() -> Result<(), BenchmarkError> {
		funded_pot::<T>();
		let origin =
			T::DaoOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let amount = amount::<T>();
		Pallet::<T>::spend_stream(dao_origin::<T>(), beneficiary, amount, 10u32.into())
			.expect("the funded pot makes a grant; qed");
		let start = frame_system::Pallet::<T>::block_number();
		run_to_block::<T>(start + 5u32.into());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0);

		assert!(Grants::<T>::get(0).is_some());
		assert_last_event::<T>(Event::GrantCancelled {
			grant: 0,
			unvested: amount / BalanceOf::<T>::from(2u32),
		});
		Ok(())
	}

	#[benchmark]
	fn open_round() -> Result<(), BenchmarkError> {
		funded_pot::<T>();
		let origin =
			T::DaoOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let matching = amount::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, matching, 10u32.into());

		assert_eq!(Earmarked::<T>::get(), matching);
		Ok(())
	}

	/// A member's first gift to a commons that is new in the round: the most writes.
	#[benchmark]
	fn contribute() {
		funded_pot::<T>();
		let round = opened_round::<T>();
		let giver = member::<T>("giver", 0);
		let commons = T::Commons::register_for_benchmarks(&giver);
		let amount = amount::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(giver.clone()), round, commons, amount);

		assert_eq!(Contributions::<T>::get((round, commons, &giver)), Some(amount));
		assert_last_event::<T>(Event::Contributed { round, commons, who: giver, amount });
	}

	/// `c` commons, each backed by two members, each paid into a new account.
	#[benchmark]
	fn finalize_round(c: Linear<1, { T::MaxCommonsPerRound::get() }>) {
		funded_pot::<T>();
		let round = opened_round::<T>();
		for index in 0..c {
			let steward = member::<T>("steward", index);
			let commons = T::Commons::register_for_benchmarks(&steward);
			give::<T>(&steward, round, commons);
			give::<T>(&member::<T>("backer", index), round, commons);
		}
		let ends_at = Rounds::<T>::get(round).expect("the round was opened; qed").ends_at;
		run_to_block::<T>(ends_at);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), round);

		let status = Rounds::<T>::get(round).expect("the round was opened; qed").status;
		assert!(matches!(status, RoundStatus::Finalized { .. }));
		assert!(Earmarked::<T>::get().is_zero());
	}

	/// Paying a new account from a commons' account.
	#[benchmark]
	fn spend_commons_funds() {
		let steward = member::<T>("steward", 0);
		let commons = T::Commons::register_for_benchmarks(&steward);
		T::Currency::set_balance(&Pallet::<T>::commons_account(commons), plenty::<T>());
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let amount = amount::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(steward.clone()), commons, beneficiary.clone(), amount);

		assert_last_event::<T>(Event::CommonsFundsSpent { commons, steward, beneficiary, amount });
	}

	#[benchmark]
	fn set_spend_rules() -> Result<(), BenchmarkError> {
		let origin =
			T::SpendRulesOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let rules = SpendRules { period: 50u32.into(), max_share: Perbill::from_percent(30) };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, rules);

		assert_eq!(SpendRulesOf::<T>::get(), rules);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext_with_pot(0), crate::mock::Test);
}
