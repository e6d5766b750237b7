//! Benchmarks of every quadratic voting call, each in its most expensive case.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use ostrom_primitives::{Ballots, MembershipInspect, ProposalId};
use sp_runtime::traits::One;

/// A member who joined an epoch before an open proposal was submitted, and that proposal: the
/// member's first vote moves them into this epoch's eligible voters.
fn eligible_voter<T: Config>() -> (T::AccountId, ProposalId) {
	let voter: T::AccountId = account("voter", 0, 0);
	T::Membership::add_member_for_benchmarks(&voter);
	let next_epoch = frame_system::Pallet::<T>::block_number()
		+ T::EpochLength::get()
		+ BlockNumberFor::<T>::one();
	frame_system::Pallet::<T>::set_block_number(next_epoch);
	(voter, T::Ballots::open_ballot_for_benchmarks())
}

/// The most votes the budget of an epoch pays for.
fn most_votes<T: Config>() -> u32 {
	most_votes_left::<T>(0)
}

/// The most votes what is left of an epoch's budget after spending `spent` credits pays for.
fn most_votes_left<T: Config>(spent: u64) -> u32 {
	let budget = T::CreditsPerEpoch::get().saturating_sub(spent);
	let mut votes = 1u32;
	while u64::from(votes + 1).pow(2) <= budget {
		votes += 1;
	}
	votes
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A member's first vote in an epoch, which also counts them among the eligible voters again: the
	/// most reads and writes.
	#[benchmark]
	fn vote() {
		let (voter, proposal) = eligible_voter::<T>();
		let votes = most_votes::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), proposal, true, votes);

		let cost = u64::from(votes).pow(2);
		assert_last_event::<T>(Event::Voted { who: voter, proposal, aye: true, votes, cost });
	}

	/// A vote of a member whom an earlier vote in this epoch counted among the eligible voters
	/// already: what most votes cost.
	#[benchmark]
	fn vote_by_counted_voter() {
		let (voter, earlier) = eligible_voter::<T>();
		Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), earlier, true, 1)
			.expect("an eligible member votes once; qed");
		let proposal = T::Ballots::open_ballot_for_benchmarks();
		let votes = most_votes_left::<T>(1);

		#[extrinsic_call]
		vote(RawOrigin::Signed(voter.clone()), proposal, true, votes);

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

	/// Reaping a removed member's vote.
	#[benchmark]
	fn remove_other_vote() {
		let (voter, proposal) = eligible_voter::<T>();
		Pallet::<T>::vote(
			RawOrigin::Signed(voter.clone()).into(),
			proposal,
			true,
			most_votes::<T>(),
		)
		.expect("an eligible member votes once; qed");
		T::Membership::remove_member_for_benchmarks(&voter);
		let reaper: T::AccountId = account("reaper", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(reaper.clone()), voter.clone(), proposal);

		assert_last_event::<T>(Event::VoteReaped { who: voter, proposal, by: reaper });
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
