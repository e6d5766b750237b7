//! Governance in the real runtime: proposals pass through quadratic votes and are enacted by the
//! scheduler with the DAO origin (Standard track) or as root (Root track), and nothing else
//! reaches those origins.

use super::ext_from_preset;
use crate::{
	configs::dao::CREDITS_PER_EPOCH, genesis_config_presets::development_rules, AccountId, Commons,
	Membership, Proposals, QuadraticVoting, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	Scheduler, System, Treasury,
};
use frame_support::{
	traits::{Bounded, Hooks, PalletsInfoAccess},
	BoundedVec,
};
use ostrom_primitives::{MembershipInspect, ProposalId};
use pallet_ostrom_proposals::{Event as ProposalEvent, ProposalKind, Rules, Track};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave};
use sp_runtime::DispatchError;

pub(super) fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

pub(super) fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(who))
}

/// Moves on to block `n`, running the scheduler (which enacts proposals) in each block.
pub(super) fn run_to_block(n: u32) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Scheduler::on_initialize(next);
	}
}

pub(super) fn check_invariants() {
	Membership::do_try_state().unwrap();
	Commons::do_try_state().unwrap();
	Proposals::do_try_state().unwrap();
	QuadraticVoting::do_try_state().unwrap();
	Treasury::do_try_state().unwrap();
	crate::Validators::do_try_state().unwrap();
}

pub(super) fn proposal_events() -> Vec<ProposalEvent<Runtime>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Proposals(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Alice proposes `call` on `track`; the founding members vote `votes` each (aye when positive);
/// the proposal is closed and, if it passed, enacted.
pub(super) fn decide(track: Track, call: RuntimeCall, votes: [i32; 3]) -> ProposalId {
	let id = pallet_ostrom_proposals::NextProposalId::<Runtime>::get();
	let inline = Bounded::Inline(BoundedVec::try_from(codec::Encode::encode(&call)).unwrap());
	Proposals::submit(signed(Alice), track, ProposalKind::Call(inline), Default::default())
		.unwrap();
	for (voter, votes) in [Alice, Bob, Charlie].into_iter().zip(votes) {
		if votes != 0 {
			QuadraticVoting::vote(signed(voter), id, votes > 0, votes.unsigned_abs()).unwrap();
		}
	}
	check_invariants();
	run_to_block(System::block_number() + development_rules().voting_period);
	Proposals::close(signed(Dave), id).unwrap();
	run_to_block(System::block_number() + development_rules().enactment_delay);
	check_invariants();
	id
}

pub(super) fn in_development_chain(test: impl FnOnce()) {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		test();
		check_invariants();
	});
}

#[test]
fn dave_becomes_a_member_through_a_standard_proposal() {
	in_development_chain(|| {
		let add_dave = RuntimeCall::Membership(pallet_ostrom_membership::Call::add_member {
			who: account(Dave),
		});
		let id = decide(Track::Standard, add_dave, [3, 2, -1]);
		assert!(<Membership as MembershipInspect<_, _>>::is_active_member(&account(Dave)));
		assert_eq!(proposal_events().last(), Some(&ProposalEvent::Executed { id, result: Ok(()) }));
		assert_eq!(
			QuadraticVoting::credits_left(&account(Alice)),
			CREDITS_PER_EPOCH - 9,
			"three votes cost nine credits"
		);
	});
}

#[test]
fn a_root_proposal_changes_the_rules() {
	in_development_chain(|| {
		let mut rules = development_rules();
		rules.voting_period = 20;
		let set_rules = RuntimeCall::Proposals(pallet_ostrom_proposals::Call::set_rules { rules });
		let id = decide(Track::Root, set_rules, [2, 2, 1]);
		assert_eq!(Rules::<Runtime>::get(), rules);
		assert_eq!(proposal_events().last(), Some(&ProposalEvent::Executed { id, result: Ok(()) }));
	});
}

#[test]
fn a_standard_proposal_cannot_act_as_root() {
	in_development_chain(|| {
		let mut rules = development_rules();
		rules.voting_period = 20;
		let set_rules = RuntimeCall::Proposals(pallet_ostrom_proposals::Call::set_rules { rules });
		let id = decide(Track::Standard, set_rules, [2, 2, 1]);
		assert_eq!(Rules::<Runtime>::get(), development_rules());
		assert_eq!(
			proposal_events().last(),
			Some(&ProposalEvent::Executed { id, result: Err(DispatchError::BadOrigin) })
		);
	});
}

#[test]
fn no_signed_account_reaches_the_admin_or_root_origins() {
	in_development_chain(|| {
		assert_eq!(
			Membership::add_member(signed(Alice), account(Dave)),
			Err(DispatchError::BadOrigin)
		);
		assert_eq!(
			Proposals::set_rules(signed(Alice), development_rules()),
			Err(DispatchError::BadOrigin)
		);
		assert_eq!(
			Proposals::enact(signed(Alice), 0, frame_support::weights::Weight::zero(), 0),
			Err(DispatchError::BadOrigin.into())
		);
		// No pallet besides these, so none (no sudo) that dispatches as root for an account.
		let pallets: Vec<_> = <crate::AllPalletsWithSystem as PalletsInfoAccess>::infos()
			.into_iter()
			.map(|info| info.name)
			.collect();
		assert_eq!(
			pallets,
			[
				"System",
				"Timestamp",
				"Aura",
				"Grandpa",
				"Balances",
				"TransactionPayment",
				"Scheduler",
				"Preimage",
				"Membership",
				"Commons",
				"Proposals",
				"QuadraticVoting",
				"Treasury",
				"Authorship",
				"Validators",
				"Session"
			]
		);
	});
}

#[test]
fn a_vote_on_a_proposal_no_longer_voted_on_fails_as_it_always_did() {
	use frame_support::{assert_noop, assert_ok};
	use pallet_ostrom_quadratic_voting::Error as VotingError;
	in_development_chain(|| {
		let submit = || {
			let id = pallet_ostrom_proposals::NextProposalId::<Runtime>::get();
			assert_ok!(Proposals::submit(
				signed(Alice),
				Track::Standard,
				ProposalKind::Signal,
				Default::default()
			));
			id
		};
		let (closed, killed, cancelled, overdue) = (submit(), submit(), submit(), submit());
		for id in [closed, killed, overdue] {
			assert_ok!(QuadraticVoting::vote(signed(Bob), id, true, 1));
		}
		assert_ok!(Proposals::kill(RuntimeOrigin::root(), killed));
		assert_ok!(Proposals::cancel(signed(Alice), cancelled));
		run_to_block(System::block_number() + development_rules().voting_period);
		assert_ok!(Proposals::close(signed(Dave), closed));
		// Over but not closed: the proposal keeps its ballot, which says voting is over.
		assert!(pallet_ostrom_proposals::Ballots::<Runtime>::contains_key(overdue));
		for id in [closed, killed, cancelled] {
			assert!(!pallet_ostrom_proposals::Ballots::<Runtime>::contains_key(id));
		}

		for id in [closed, killed, cancelled, overdue] {
			assert_noop!(
				QuadraticVoting::vote(signed(Charlie), id, true, 1),
				VotingError::<Runtime>::VotingClosed
			);
		}
		let unknown = pallet_ostrom_proposals::NextProposalId::<Runtime>::get();
		assert_noop!(
			QuadraticVoting::vote(signed(Charlie), unknown, true, 1),
			VotingError::<Runtime>::UnknownProposal
		);
		// Decided, or over: the votes stand. Withdrawn: they may be removed.
		for id in [closed, overdue] {
			assert_noop!(
				QuadraticVoting::remove_vote(signed(Bob), id),
				VotingError::<Runtime>::VotingClosed
			);
		}
		assert_noop!(
			QuadraticVoting::remove_vote(signed(Bob), unknown),
			VotingError::<Runtime>::UnknownProposal
		);
		assert_noop!(
			QuadraticVoting::remove_vote(signed(Bob), cancelled),
			VotingError::<Runtime>::NoVote
		);
		assert_ok!(QuadraticVoting::remove_vote(signed(Bob), killed));
		check_invariants();
	});
}
