//! Random sequences of votes, replacements, removals, epoch changes, closings and suspensions,
//! checked step by step against a model of the rules: each call succeeds exactly when the model says it may,
//! storage then holds the model's votes, each tally is the sum of the stored votes, and no member
//! ever has more than `CreditsPerEpoch` of one epoch's credits in votes.

use super::*;
use crate::Credits;
use crate::{EpochIndex, Pallet};
use frame_support::dispatch::DispatchResult;
use ostrom_primitives::ProposalId;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const MEMBERS: [u64; 4] = [ALICE, BOB, CHARLIE, DAVE];
/// Open since block 7, to all four members.
const NEWEST: ProposalId = 2;
const PROPOSALS: [ProposalId; 3] = [EARLY, LATE, NEWEST];

#[derive(Clone, Debug)]
enum Step {
	Vote { member: u64, proposal: ProposalId, aye: bool, votes: u32 },
	Remove { member: u64, proposal: ProposalId },
	Wait { blocks: u64 },
	Close { proposal: ProposalId },
	Suspend { member: u64 },
	Reinstate { member: u64 },
}

fn step() -> impl Strategy<Value = Step> {
	let member = proptest::sample::select(MEMBERS.to_vec());
	let proposal = proptest::sample::select(PROPOSALS.to_vec());
	prop_oneof![
		6 => (member.clone(), proposal.clone(), any::<bool>(), 0u32..12)
			.prop_map(|(member, proposal, aye, votes)| Step::Vote { member, proposal, aye, votes }),
		2 => (member.clone(), proposal.clone())
			.prop_map(|(member, proposal)| Step::Remove { member, proposal }),
		2 => (1u64..15).prop_map(|blocks| Step::Wait { blocks }),
		1 => proposal.prop_map(|proposal| Step::Close { proposal }),
		1 => member.clone().prop_map(|member| Step::Suspend { member }),
		1 => member.prop_map(|member| Step::Reinstate { member }),
	]
}

/// The rules, written down once more in the plainest way.
#[derive(Default)]
struct Model {
	votes: BTreeMap<(ProposalId, u64), VoteRecord>,
	/// Credits of each (member, epoch) held by votes cast in that epoch.
	spent: BTreeMap<(u64, EpochIndex), Credits>,
	closed: BTreeSet<ProposalId>,
	suspended: BTreeSet<u64>,
}

impl Model {
	fn submitted_at(proposal: ProposalId) -> u64 {
		[2, 6, 7][proposal as usize]
	}

	fn joined_at(member: u64) -> u64 {
		if member == DAVE {
			5
		} else {
			0
		}
	}

	fn vote(&mut self, who: u64, proposal: ProposalId, aye: bool, votes: u32) -> DispatchResult {
		if votes == 0 {
			return Err(Error::<Test>::ZeroVotes.into());
		}
		if self.suspended.contains(&who) {
			return Err(Error::<Test>::NotActiveMember.into());
		}
		if self.closed.contains(&proposal) {
			return Err(Error::<Test>::VotingClosed.into());
		}
		if Self::joined_at(who) >= Self::submitted_at(proposal) {
			return Err(Error::<Test>::NotEligible.into());
		}
		let epoch = Pallet::<Test>::current_epoch().index;
		let cost = u64::from(votes) * u64::from(votes);
		let earlier = self.votes.get(&(proposal, who)).copied();
		let refund = earlier.filter(|vote| vote.epoch == epoch).map_or(0, |vote| vote.cost);
		let spent = self.spent.get(&(who, epoch)).copied().unwrap_or(0) - refund + cost;
		if spent > CREDITS {
			return Err(Error::<Test>::NotEnoughCredits.into());
		}
		self.spent.insert((who, epoch), spent);
		self.votes.insert((proposal, who), VoteRecord { aye, votes, cost, epoch });
		Ok(())
	}

	fn remove(&mut self, who: u64, proposal: ProposalId) -> DispatchResult {
		if self.closed.contains(&proposal) {
			return Err(Error::<Test>::VotingClosed.into());
		}
		let vote = self.votes.remove(&(proposal, who)).ok_or(Error::<Test>::NoVote)?;
		let epoch = Pallet::<Test>::current_epoch().index;
		if vote.epoch == epoch {
			*self.spent.entry((who, epoch)).or_default() -= vote.cost;
		}
		Ok(())
	}
}

fn check_against(model: &Model) {
	check_invariants();
	let stored: BTreeMap<_, _> =
		Votes::<Test>::iter().map(|(proposal, who, vote)| ((proposal, who), vote)).collect();
	assert_eq!(stored, model.votes, "storage holds the model's votes");

	for proposal in PROPOSALS {
		let mut expected = Tally::default();
		for ((_, _), vote) in model.votes.iter().filter(|((p, _), _)| *p == proposal) {
			if vote.aye {
				expected.ayes += u64::from(vote.votes);
			} else {
				expected.nays += u64::from(vote.votes);
			}
			expected.voters += 1;
			expected.credits += vote.cost;
		}
		assert_eq!(QuadraticVoting::tally(proposal), expected, "tally of {proposal}");
	}

	let epoch = Pallet::<Test>::current_epoch().index;
	for who in MEMBERS {
		let in_votes: Credits = model
			.votes
			.iter()
			.filter(|((_, voter), vote)| *voter == who && vote.epoch == epoch)
			.map(|(_, vote)| vote.cost)
			.sum();
		assert!(in_votes <= CREDITS, "{who} holds {in_votes} credits of epoch {epoch}");
		assert_eq!(QuadraticVoting::credits_left(&who), CREDITS - in_votes);
	}
}

fn run(steps: Vec<Step>) {
	build_and_execute(|| {
		TestBallots::open(NEWEST, 7);
		let mut model = Model::default();
		for step in steps {
			match step {
				Step::Vote { member, proposal, aye, votes } => {
					let expected = model.vote(member, proposal, aye, votes);
					// The model decides success or error; the weight refunded is tested apart.
					let actual = QuadraticVoting::vote(signed(member), proposal, aye, votes)
						.map(|_| ())
						.map_err(|error| error.error);
					assert_eq!(actual, expected, "{step:?}");
				}
				Step::Remove { member, proposal } => {
					let expected = model.remove(member, proposal);
					let actual = QuadraticVoting::remove_vote(signed(member), proposal);
					assert_eq!(actual, expected, "{step:?}");
				}
				Step::Wait { blocks } => System::set_block_number(System::block_number() + blocks),
				Step::Close { proposal } => {
					TestBallots::close(proposal);
					model.closed.insert(proposal);
				}
				Step::Suspend { member } => {
					TestMembership::suspend(member);
					model.suspended.insert(member);
				}
				Step::Reinstate { member } => {
					TestMembership::set_member_since(member, Model::joined_at(member));
					model.suspended.remove(&member);
				}
			}
			check_against(&model);
		}
	});
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(256))]

	#[test]
	fn tallies_and_budgets_hold_whatever_members_do(steps in proptest::collection::vec(step(), 1..60)) {
		run(steps);
	}
}
