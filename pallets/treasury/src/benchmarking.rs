//! Benchmarks of every treasury call, each in its most expensive case.

use super::*;
use crate::pallet::{
	AuthorFees, CommonsSpends, Earmarked, Gifts, LiveGrants, NextCommonsSpendId, NextGrantId,
	NextRoundId, OpenRounds,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Balanced, Mutate},
	EnsureOrigin, Get, OnUnbalanced,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use ostrom_primitives::{CommonsId, CommonsInspect, CommonsSpendId, MembershipInspect, RoundId};
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
	SpendRules::<T>::put(SpendRulesRecord { period: 1_000u32.into(), max_share: Perbill::one() });
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
fn opened_round<T: Config>() -> RoundId {
	let round = NextRoundId::<T>::get();
	Pallet::<T>::open_round(dao_origin::<T>(), amount::<T>(), 5u32.into(), 10u32.into())
		.expect("the funded pot opens a round; qed");
	round
}

/// Opens rounds until `n` are open: with `MaxOpenRounds`, or one less before a round is opened,
/// the longest index that a call opening or closing a round reads and writes.
fn open_rounds_up_to<T: Config>(n: u32) {
	while (OpenRounds::<T>::get().len() as u32) < n {
		opened_round::<T>();
	}
}

/// Makes grants to new accounts until `n` grants are live.
fn live_grants_up_to<T: Config>(n: u32) {
	while (LiveGrants::<T>::get().len() as u32) < n {
		let grantee: T::AccountId = account("grantee", NextGrantId::<T>::get(), 0);
		Pallet::<T>::grant(dao_origin::<T>(), grantee, amount::<T>(), 10u32.into())
			.expect("the funded pot makes a grant; qed");
	}
}

/// Registers a commons stewarded by a new member and enrols it in `round`.
fn enrolled<T: Config>(round: RoundId, index: u32) -> (CommonsId, T::AccountId) {
	let steward = member::<T>("steward", index);
	let commons = T::Commons::register_for_benchmarks(&steward);
	Pallet::<T>::enrol(RawOrigin::Signed(steward.clone()).into(), round, commons)
		.expect("a steward enrols an active commons in an open round; qed");
	(commons, steward)
}

fn gift_from<T: Config>(who: &T::AccountId, round: RoundId, commons: CommonsId) {
	Pallet::<T>::give(RawOrigin::Signed(who.clone()).into(), round, commons, amount::<T>())
		.expect("a member gives to an enrolled commons; qed");
}

/// The fewest commons that hold a round's most gifts within the bound on givers per commons.
fn fewest_commons<T: Config>() -> u32 {
	T::MaxGiftsPerRound::get()
		.div_ceil(T::MaxGiversPerCommons::get().max(1))
		.clamp(1, T::MaxCommonsPerRound::get())
}

/// Stores a pending spend of `commons` approved by `MaxApprovals − 1` accounts that are not
/// its stewards; returns its number.
fn pending_spend<T: Config>(
	commons: CommonsId,
	beneficiary: &T::AccountId,
	amount: BalanceOf<T>,
) -> CommonsSpendId {
	let spend = NextCommonsSpendId::<T>::get(commons);
	let approvals = (1..T::MaxApprovals::get()).map(|index| account("approver", index, 0));
	let record = crate::CommonsSpend::<T> {
		beneficiary: beneficiary.clone(),
		amount,
		approvals: frame_support::BoundedVec::truncate_from(approvals.collect()),
		expires_at: frame_system::Pallet::<T>::block_number() + T::CommonsSpendLifetime::get(),
	};
	CommonsSpends::<T>::mutate(commons, |pending| {
		pending.try_push((spend, record)).expect("the list has room; qed");
	});
	NextCommonsSpendId::<T>::insert(commons, spend + 1);
	spend
}

/// Fills the pending spends of `commons` with spends that have lapsed.
fn lapsed_spends<T: Config>(commons: CommonsId) {
	let beneficiary: T::AccountId = account("beneficiary", 1, 0);
	for _ in 0..T::MaxPendingCommonsSpends::get() {
		pending_spend::<T>(commons, &beneficiary, amount::<T>());
	}
	let lifetime = T::CommonsSpendLifetime::get();
	run_to_block::<T>(frame_system::Pallet::<T>::block_number() + lifetime);
}

fn run_to_block<T: Config>(n: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(n);
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
	fn donate() {
		let donor = member::<T>("donor", 0);
		let amount = amount::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(donor.clone()), amount);

		assert_last_event::<T>(Event::Deposited { from: Some(donor), amount });
	}

	/// The author's share of a block's fees, paid to the author when the block ends.
	#[benchmark]
	fn pay_block_author() {
		let author = T::Author::author_for_benchmarks();
		funded_pot::<T>();
		let amount = amount::<T>();
		ToBlockAuthor::<T>::on_unbalanced(T::Currency::issue(amount));

		#[block]
		{
			Pallet::<T>::pay_block_author();
		}

		assert!(AuthorFees::<T>::get().is_zero());
		assert_last_event::<T>(Event::AuthorPaid { author, amount });
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

	/// The grant that fills the index of live grants.
	#[benchmark]
	fn grant() -> Result<(), BenchmarkError> {
		funded_pot::<T>();
		live_grants_up_to::<T>(T::MaxLiveGrants::get().saturating_sub(1));
		let origin =
			T::DaoOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let amount = amount::<T>();
		let duration: BlockNumberFor<T> = 100u32.into();
		let id = NextGrantId::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, beneficiary.clone(), amount, duration);

		assert_eq!(LiveGrants::<T>::get().len() as u32, T::MaxLiveGrants::get());
		let start = frame_system::Pallet::<T>::block_number();
		assert_last_event::<T>(Event::GrantCreated {
			grant: id,
			beneficiary,
			amount,
			start,
			duration,
		});
		Ok(())
	}

	/// The last claim of a grant, which pays a new account and removes the grant from the
	/// front of a full index of live grants.
	#[benchmark]
	fn claim_grant() {
		funded_pot::<T>();
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let amount = amount::<T>();
		Pallet::<T>::grant(dao_origin::<T>(), beneficiary.clone(), amount, One::one())
			.expect("the funded pot makes a grant; qed");
		live_grants_up_to::<T>(T::MaxLiveGrants::get());
		let start = frame_system::Pallet::<T>::block_number();
		run_to_block::<T>(start + One::one());

		#[extrinsic_call]
		_(RawOrigin::Signed(beneficiary.clone()), 0);

		assert_eq!(NextGrantId::<T>::get(), T::MaxLiveGrants::get());
		assert!(Grants::<T>::get(0).is_none());
		assert_eq!(LiveGrants::<T>::get().len() as u32, T::MaxLiveGrants::get().saturating_sub(1));
		assert_last_event::<T>(Event::GrantClaimed { grant: 0, beneficiary, amount });
	}

	/// Halfway through a grant whose vested half was claimed: the grant is paid up and
	/// removed from the front of a full index of live grants.
	#[benchmark]
	fn cancel_grant() -> Result<(), BenchmarkError> {
		funded_pot::<T>();
		let origin =
			T::DaoOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let amount = amount::<T>();
		Pallet::<T>::grant(dao_origin::<T>(), beneficiary.clone(), amount, 10u32.into())
			.expect("the funded pot makes a grant; qed");
		live_grants_up_to::<T>(T::MaxLiveGrants::get());
		let start = frame_system::Pallet::<T>::block_number();
		run_to_block::<T>(start + 5u32.into());
		Pallet::<T>::claim_grant(RawOrigin::Signed(beneficiary).into(), 0)
			.expect("half of the grant has vested; qed");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0);

		assert!(Grants::<T>::get(0).is_none());
		assert_eq!(LiveGrants::<T>::get().len() as u32, T::MaxLiveGrants::get().saturating_sub(1));
		assert_last_event::<T>(Event::GrantCancelled {
			grant: 0,
			unvested: amount / BalanceOf::<T>::from(2u32),
		});
		Ok(())
	}

	/// The round that fills the index of open rounds.
	#[benchmark]
	fn open_round() -> Result<(), BenchmarkError> {
		funded_pot::<T>();
		open_rounds_up_to::<T>(T::MaxOpenRounds::get().saturating_sub(1));
		let origin =
			T::DaoOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let matching = amount::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, matching, 5u32.into(), 10u32.into());

		let open = T::MaxOpenRounds::get();
		assert_eq!(OpenRounds::<T>::get().len() as u32, open);
		assert_eq!(Earmarked::<T>::get(), matching.saturating_mul(open.into()));
		Ok(())
	}

	/// A member's first gift to a commons, into the middle of a full list of their gifts: the
	/// most writes.
	#[benchmark]
	fn give() {
		funded_pot::<T>();
		let round = opened_round::<T>();
		let giver = member::<T>("giver", 0);
		let gifts = T::MaxCommonsPerGiver::get();
		let commons: alloc::vec::Vec<CommonsId> =
			(0..gifts).map(|index| enrolled::<T>(round, index).0).collect();
		for other in commons.iter().skip(1) {
			gift_from::<T>(&giver, round, *other);
		}
		let amount = amount::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(giver.clone()), round, commons[0], amount);

		let gift = Gifts::<T>::get((round, commons[0], &giver)).map(|gift| gift.amount);
		assert_eq!(gift, Some(amount));
		assert_last_event::<T>(Event::Given { round, commons: commons[0], giver, amount });
	}

	/// `c` commons enrolled, `g` gifts from distinct members spread over them, each commons
	/// paid into a new account; the round leaves the front of a full index of open rounds. The
	/// pairs these gifts make are measured here too, and again by `match_pairs`: an
	/// overestimate.
	#[benchmark]
	fn finalize_round(
		c: Linear<{ fewest_commons::<T>() }, { T::MaxCommonsPerRound::get() }>,
		g: Linear<1, { T::MaxGiftsPerRound::get() }>,
	) {
		funded_pot::<T>();
		let round = opened_round::<T>();
		open_rounds_up_to::<T>(T::MaxOpenRounds::get());
		let commons: alloc::vec::Vec<CommonsId> =
			(0..c).map(|index| enrolled::<T>(round, index).0).collect();
		for index in 0..g {
			gift_from::<T>(&member::<T>("backer", index), round, commons[(index % c) as usize]);
		}
		let ends_at = Rounds::<T>::get(round).expect("the round was opened; qed").ends_at;
		run_to_block::<T>(ends_at);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), round);

		let status = Rounds::<T>::get(round).expect("the round was opened; qed").status;
		assert!(matches!(status, RoundStatus::Finalized { .. }));
		// The other rounds' pools stay earmarked.
		let others = T::MaxOpenRounds::get().saturating_sub(1);
		assert_eq!(OpenRounds::<T>::get().len() as u32, others);
		assert_eq!(Earmarked::<T>::get(), amount::<T>().saturating_mul(others.into()));
	}

	/// The pairwise matching of `p` pairs of givers who each gave to as many commons as they
	/// may, all the same ones: the longest coordination sums.
	#[benchmark]
	fn match_pairs(p: Linear<1, { Pallet::<T>::max_pairs().max(1) }>) {
		let mut givers = 2u32;
		while crate::funding::pairs(givers) < p {
			givers += 1;
		}
		let gifts: alloc::vec::Vec<(CommonsId, u128)> = (0..T::MaxCommonsPerGiver::get())
			.map(|commons| (commons, crate::funding::root(1_000_000_000_000u128)))
			.collect();
		let all: alloc::vec::Vec<crate::funding::Giver> = (0..givers)
			.map(|_| crate::funding::Giver { amount: 1_000_000_000_000, gifts: &gifts })
			.collect();
		let ideal;

		#[block]
		{
			ideal = crate::funding::ideal_match(&all, 1_000_000_000_000_000);
		}

		assert!(ideal > 0);
	}

	#[benchmark]
	fn enrol() {
		funded_pot::<T>();
		let round = opened_round::<T>();
		let steward = member::<T>("steward", 0);
		let commons = T::Commons::register_for_benchmarks(&steward);

		#[extrinsic_call]
		_(RawOrigin::Signed(steward.clone()), round, commons);

		let deposit = T::EnrolmentDeposit::get();
		assert_last_event::<T>(Event::CommonsEnrolled { round, commons, steward, deposit });
	}

	#[benchmark]
	fn exclude_commons() -> Result<(), BenchmarkError> {
		funded_pot::<T>();
		let origin =
			T::DaoOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let round = opened_round::<T>();
		let (commons, _) = enrolled::<T>(round, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, round, commons);

		let slashed = T::EnrolmentDeposit::get();
		assert_last_event::<T>(Event::CommonsExcluded { round, commons, slashed });
		Ok(())
	}

	/// `c` commons enrolled, each deposit released; the round leaves the front of a full index
	/// of open rounds.
	#[benchmark]
	fn cancel_round(c: Linear<1, { T::MaxCommonsPerRound::get() }>) -> Result<(), BenchmarkError> {
		funded_pot::<T>();
		let origin =
			T::DaoOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let round = opened_round::<T>();
		open_rounds_up_to::<T>(T::MaxOpenRounds::get());
		for index in 0..c {
			let (commons, _) = enrolled::<T>(round, index);
			gift_from::<T>(&member::<T>("backer", index), round, commons);
		}

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, round);

		assert_eq!(OpenRounds::<T>::get().len() as u32, T::MaxOpenRounds::get().saturating_sub(1));
		assert_last_event::<T>(Event::RoundCancelled { round });
		Ok(())
	}

	/// `g` gifts paid back to their givers.
	#[benchmark]
	fn refund_gifts(g: Linear<1, { T::MaxGiversPerCommons::get() }>) {
		funded_pot::<T>();
		let round = opened_round::<T>();
		let (commons, _) = enrolled::<T>(round, 0);
		for index in 0..g {
			gift_from::<T>(&member::<T>("backer", index), round, commons);
		}
		Pallet::<T>::exclude_commons(dao_origin::<T>(), round, commons)
			.expect("the DAO excludes an enrolled commons; qed");
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), round, commons);

		let amount = amount::<T>().saturating_mul(g.into());
		assert_last_event::<T>(Event::GiftsRefunded { round, commons, givers: g, amount });
	}

	/// Paying a new account from a commons' account.
	#[benchmark]
	fn spend_commons_funds() {
		let steward = member::<T>("steward", 0);
		let commons = T::Commons::register_for_benchmarks(&steward);
		T::Currency::set_balance(&Pallet::<T>::commons_account(commons), plenty::<T>());
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let amount = T::StewardAllowance::get().min(amount::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(steward.clone()), commons, beneficiary.clone(), amount);

		assert_last_event::<T>(Event::CommonsFundsSpent { commons, steward, beneficiary, amount });
	}

	/// A lone steward's spend, paid at once to a new account, after clearing a full list of
	/// lapsed spends.
	#[benchmark]
	fn propose_commons_spend() {
		let steward = member::<T>("steward", 0);
		let commons = T::Commons::register_for_benchmarks(&steward);
		T::Currency::set_balance(&Pallet::<T>::commons_account(commons), plenty::<T>());
		let origin: T::RuntimeOrigin = RawOrigin::Signed(steward.clone()).into();
		// Far enough on that the steward is seasoned and may approve large spends.
		run_to_block::<T>(frame_system::Pallet::<T>::block_number() + 1_000_000u32.into());
		lapsed_spends::<T>(commons);
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let amount = amount::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, commons, beneficiary.clone(), amount);

		assert!(CommonsSpends::<T>::get(commons).is_empty());
		assert_last_event::<T>(Event::CommonsFundsSpent { commons, steward, beneficiary, amount });
	}

	/// The approval that pays, to a new account.
	#[benchmark]
	fn approve_commons_spend() {
		let steward = member::<T>("steward", 0);
		let commons = T::Commons::register_for_benchmarks(&steward);
		// Far enough on that the steward is seasoned and may approve large spends.
		run_to_block::<T>(frame_system::Pallet::<T>::block_number() + 1_000_000u32.into());
		T::Currency::set_balance(&Pallet::<T>::commons_account(commons), plenty::<T>());
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let amount = amount::<T>();
		// A spend whose approvals are of stewards who no longer act: the steward's approval
		// makes the majority.
		let pending = pending_spend::<T>(commons, &beneficiary, amount);

		#[extrinsic_call]
		_(RawOrigin::Signed(steward.clone()), commons, pending);

		assert_last_event::<T>(Event::CommonsFundsSpent { commons, steward, beneficiary, amount });
	}

	#[benchmark]
	fn remove_commons_spend() {
		let steward = member::<T>("steward", 0);
		let commons = T::Commons::register_for_benchmarks(&steward);
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let pending = pending_spend::<T>(commons, &beneficiary, amount::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(steward), commons, pending);

		assert_last_event::<T>(Event::CommonsSpendRemoved { commons, spend: pending });
	}

	#[benchmark]
	fn set_matching_rules() -> Result<(), BenchmarkError> {
		let origin =
			T::SpendRulesOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let rules = MatchingRulesRecord {
			coordination_bound: amount::<T>(),
			max_match_share: Perbill::from_percent(30),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, rules);

		assert_eq!(MatchingRules::<T>::get(), rules);
		Ok(())
	}

	#[benchmark]
	fn set_spend_rules() -> Result<(), BenchmarkError> {
		let origin =
			T::SpendRulesOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let rules = SpendRulesRecord { period: 50u32.into(), max_share: Perbill::from_percent(30) };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, rules);

		assert_eq!(SpendRules::<T>::get(), rules);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext_with_pot(0), crate::mock::Test);
}
