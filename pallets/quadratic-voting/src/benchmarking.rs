//! Benchmarks of every quadratic voting call, each in its most expensive case.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use ostrom_primitives::{MembershipInspect, Polls, ProposalIndex};
use sp_runtime::traits::One;

/// A member who joined before an open proposal was submitted, and that proposal.
fn eligible_voter<T: Config>() -> (T::AccountId, ProposalIndex) {
	let voter: T::AccountId = account("voter", 0, 0);
	T::Membership::add_member_for_benchmarks(&voter);
	let next_block = frame_system::Pallet::<T>::block_number() + BlockNumberFor::<T>::one();
	frame_system::Pallet::<T>::set_block_number(next_block);
	(voter, T::Polls::open_poll_for_benchmarks())
}

/// The most votes the budget of an epoch pays for.
fn most_votes<T: Config>() -> u32 {
	let mut votes = 1u32;
	while u64::from(votes + 1).pow(2) <= T::CreditsPerEpoch::get() {
		votes += 1;
	}
	votes
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Replacing an earlier vote of the same epoch: the most reads and writes.
	#[benchmark]
	fn vote() {
		let (voter, proposal) = eligible_voter::<T>();
		Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), proposal, false, 1)
			.expect("an eligible member votes once; qed");
		let votes = most_votes::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), proposal, true, votes);

		let cost = u64::from(votes).pow(2);
		assert_last_event::<T>(Event::Voted { who: voter, proposal, aye: true, votes, cost });
	}

	#[benchmark]
	fn remove_vote() {
		let (voter, proposal) = eligible_voter::<T>();
		Pallet::<T>::vote(
			RawOrigin::Signed(voter.clone()).into(),
			proposal,
			true,
			most_votes::<T>(),
		)
		.expect("an eligible member votes once; qed");

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), proposal);

		assert_last_event::<T>(Event::VoteRemoved { who: voter, proposal });
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
