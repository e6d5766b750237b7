//! Every call of the proposals pallet: its success path with events, each error leaving storage
//! unchanged, and enactment through the scheduler with the DAO origin or root. The invariants
//! are checked after every step.

use crate::{
	mock::*, BoundedCallOf, CallName, Error, Event, HoldReason, NextProposalId, Origin,
	ProposalKind, ProposalStatus, Proposals as ProposalsStorage, Rules, Track, TrackRules,
	MAX_CALL_NAME_LEN,
};
use codec::Encode;
use frame_support::{
	traits::{fungible::InspectHold, Bounded, QueryPreimage, StorePreimage},
	BoundedVec,
};
use frame_system::RawOrigin;
use ostrom_primitives::{BallotState, Ballots, ProposalId};
use sp_runtime::{traits::Hash, DispatchError, Perbill};

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn metadata() -> BoundedVec<u8, MaxMetadataLen> {
	BoundedVec::try_from(b"ipfs://proposal".to_vec()).unwrap()
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::Proposals(HoldReason::Proposal), &who)
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Proposals(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn last_event() -> Event<Test> {
	events().pop().expect("an event was emitted")
}

/// `call` bounded the way a client does it: inline when small, else a preimage Alice notes.
fn bounded(call: RuntimeCall) -> BoundedCallOf<Test> {
	let encoded = call.encode();
	if let Ok(inline) = BoundedVec::try_from(encoded.clone()) {
		return Bounded::Inline(inline);
	}
	ok!(Preimage::note_preimage(signed(ALICE), encoded.clone()));
	Bounded::Lookup {
		hash: <Test as frame_system::Config>::Hashing::hash(&encoded),
		len: encoded.len() as u32,
	}
}

fn status(id: ProposalId) -> ProposalStatus<u64> {
	ProposalsStorage::<Test>::get(id).unwrap().status
}

fn submit_signal(who: u64) -> ProposalId {
	let id = NextProposalId::<Test>::get();
	ok!(Proposals::submit(signed(who), Track::Standard, ProposalKind::Signal, metadata()));
	id
}

fn submit_call(who: u64, track: Track, call: RuntimeCall) -> ProposalId {
	let id = NextProposalId::<Test>::get();
	ok!(Proposals::submit(signed(who), track, ProposalKind::Call(bounded(call)), metadata()));
	id
}

/// Closes `id` after its voting period with `ayes` to `nays` from `voters` members.
fn close_with(id: ProposalId, ayes: u64, nays: u64, voters: u32) {
	TestVoteCounts::set(id, ayes, nays, voters);
	run_to_block(ProposalsStorage::<Test>::get(id).unwrap().voting_ends);
	ok!(Proposals::close(signed(OUTSIDER), id));
}

fn kill_call(id: ProposalId) -> RuntimeCall {
	RuntimeCall::Proposals(crate::Call::kill { id })
}

fn set_rules_call(voting_period: u64) -> RuntimeCall {
	RuntimeCall::Proposals(crate::Call::set_rules { rules: rules_with_period(voting_period) })
}

fn rules_with_period(voting_period: u64) -> crate::RulesOf<Test> {
	crate::GovernanceRules { voting_period, ..rules() }
}

#[test]
fn submit_holds_the_deposit_and_opens_voting() {
	build_and_execute(|| {
		let id = submit_signal(ALICE);
		assert_eq!(id, 0);
		assert_eq!(held(ALICE), DEPOSIT);
		let proposal = ProposalsStorage::<Test>::get(id).unwrap();
		assert_eq!(
			(proposal.proposer, proposal.submitted_at, proposal.voting_ends, proposal.eligible),
			(ALICE, 1, 1 + VOTING_PERIOD, 4)
		);
		assert_eq!(proposal.thresholds, rules().standard);
		assert_eq!(proposal.status, ProposalStatus::Voting);
		assert_eq!(Proposals::ballot_state(id), BallotState::Open { submitted_at: 1 });
		assert_eq!(
			events(),
			vec![Event::Submitted {
				id,
				proposer: ALICE,
				track: Track::Standard,
				voting_ends: 1 + VOTING_PERIOD
			}]
		);
	});
}

#[test]
fn submit_errors_leave_state_unchanged() {
	build_and_execute(|| {
		let signal = || ProposalKind::Signal;
		noop!(
			Proposals::submit(signed(OUTSIDER), Track::Standard, signal(), metadata()),
			Error::<Test>::NotActiveMember
		);
		noop!(
			Proposals::submit(signed(PAUPER), Track::Standard, signal(), metadata()),
			Error::<Test>::InsufficientBalance
		);
		TestMembership::suspend(BOB);
		noop!(
			Proposals::submit(signed(BOB), Track::Standard, signal(), metadata()),
			Error::<Test>::NotActiveMember
		);
		let garbage = Bounded::Inline(BoundedVec::try_from(vec![255u8; 8]).unwrap());
		noop!(
			Proposals::submit(signed(ALICE), Track::Root, ProposalKind::Call(garbage), metadata()),
			Error::<Test>::UndecodableCall
		);
		let unnoted = Bounded::Lookup { hash: [7u8; 32].into(), len: 300 };
		noop!(
			Proposals::submit(signed(ALICE), Track::Root, ProposalKind::Call(unnoted), metadata()),
			Error::<Test>::PreimageMissing
		);
		noop!(
			Proposals::submit(RawOrigin::Root.into(), Track::Root, signal(), metadata()),
			DispatchError::BadOrigin
		);
		NextProposalId::<Test>::put(ProposalId::MAX);
		noop!(
			Proposals::submit(signed(ALICE), Track::Standard, signal(), metadata()),
			Error::<Test>::IdsExhausted
		);
	});
}

#[test]
fn voting_is_open_until_the_period_ends() {
	build_and_execute(|| {
		assert_eq!(Proposals::ballot_state(0), BallotState::Unknown);
		let id = submit_signal(ALICE);
		run_to_block(VOTING_PERIOD);
		assert_eq!(Proposals::ballot_state(id), BallotState::Open { submitted_at: 1 });
		run_to_block(1 + VOTING_PERIOD);
		assert_eq!(Proposals::ballot_state(id), BallotState::Closed);
	});
}

#[test]
fn close_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Proposals::close(signed(ALICE), 0), Error::<Test>::UnknownProposal);
		let id = submit_signal(ALICE);
		run_to_block(VOTING_PERIOD);
		noop!(Proposals::close(signed(ALICE), id), Error::<Test>::VotingNotEnded);
		close_with(id, 3, 0, 3);
		noop!(Proposals::close(signed(ALICE), id), Error::<Test>::NotVoting);
		noop!(Proposals::close(RawOrigin::Root.into(), id), DispatchError::BadOrigin);
	});
}

#[test]
fn a_passed_signal_is_approved_without_enactment() {
	build_and_execute(|| {
		let id = submit_signal(ALICE);
		// Two of four members is the Standard quorum of 50%; 3 ayes to 2 nays is a majority.
		close_with(id, 3, 2, 2);
		assert_eq!(status(id), ProposalStatus::Approved { enactment: None });
		assert_eq!(held(ALICE), 0);
		assert_eq!(last_event(), Event::Approved { id, enactment: None });
	});
}

#[test]
fn a_proposal_below_quorum_or_approval_is_rejected() {
	build_and_execute(|| {
		let below_quorum = submit_signal(ALICE);
		let tied = submit_signal(BOB);
		TestVoteCounts::set(below_quorum, 9, 0, 1);
		TestVoteCounts::set(tied, 4, 4, 4);
		run_to_block(1 + VOTING_PERIOD);
		ok!(Proposals::close(signed(CHARLIE), below_quorum));
		assert_eq!(
			last_event(),
			Event::Rejected {
				id: below_quorum,
				turnout: Perbill::from_percent(25),
				approval: Perbill::from_percent(100),
			}
		);
		// Approval must exceed the threshold: half the votes is not enough.
		ok!(Proposals::close(signed(CHARLIE), tied));
		assert_eq!(
			last_event(),
			Event::Rejected {
				id: tied,
				turnout: Perbill::from_percent(100),
				approval: Perbill::from_percent(50),
			}
		);
		assert_eq!(
			(status(below_quorum), status(tied)),
			(ProposalStatus::Rejected, ProposalStatus::Rejected)
		);
		assert_eq!((held(ALICE), held(BOB)), (0, 0));
	});
}

#[test]
fn a_passed_standard_call_is_enacted_with_the_dao_origin() {
	build_and_execute(|| {
		let victim = submit_signal(BOB);
		let id = submit_call(ALICE, Track::Standard, kill_call(victim));
		close_with(id, 2, 0, 2);
		let enactment = 1 + VOTING_PERIOD + ENACTMENT_DELAY;
		assert_eq!(status(id), ProposalStatus::Approved { enactment: Some(enactment) });
		assert_eq!(last_event(), Event::Approved { id, enactment: Some(enactment) });

		run_to_block(enactment - 1);
		assert_eq!(status(victim), ProposalStatus::Voting);
		run_to_block(enactment);
		assert_eq!(status(id), ProposalStatus::Executed);
		assert_eq!(status(victim), ProposalStatus::Killed);
		assert_eq!(Balances::free_balance(BOB), 1_000 - DEPOSIT);
		assert!(events().contains(&Event::Killed { id: victim, slashed: DEPOSIT }));
		assert_eq!(last_event(), Event::Executed { id, result: Ok(()) });
	});
}

#[test]
fn a_standard_call_cannot_act_as_root() {
	build_and_execute(|| {
		let id = submit_call(ALICE, Track::Standard, set_rules_call(50));
		close_with(id, 2, 0, 2);
		run_to_block(1 + VOTING_PERIOD + ENACTMENT_DELAY);
		assert_eq!(last_event(), Event::Executed { id, result: Err(DispatchError::BadOrigin) });
		assert_eq!(Rules::<Test>::get(), rules());
	});
}

#[test]
fn a_root_proposal_changes_the_rules_but_needs_the_higher_quorum() {
	build_and_execute(|| {
		// Half the members vote: enough for Standard, not for Root (75%).
		let short = submit_call(ALICE, Track::Root, set_rules_call(50));
		close_with(short, 2, 0, 2);
		assert_eq!(status(short), ProposalStatus::Rejected);

		let id = submit_call(ALICE, Track::Root, set_rules_call(50));
		close_with(id, 3, 0, 3);
		run_to_block(System::block_number() + ENACTMENT_DELAY);
		assert_eq!(Rules::<Test>::get(), rules_with_period(50));
		assert!(events().contains(&Event::RulesChanged { rules: rules_with_period(50) }));
		assert_eq!(last_event(), Event::Executed { id, result: Ok(()) });
	});
}

#[test]
fn a_running_vote_keeps_the_rules_it_started_with() {
	build_and_execute(|| {
		let id = submit_signal(ALICE);
		let stricter = crate::GovernanceRules {
			voting_period: 50,
			standard: TrackRules { quorum: Perbill::from_percent(75), ..rules().standard },
			..rules()
		};
		ok!(Proposals::set_rules(RawOrigin::Root.into(), stricter));
		// Two of four voters meet the 50% quorum the proposal was submitted under.
		close_with(id, 2, 0, 2);
		assert_eq!(System::block_number(), 1 + VOTING_PERIOD);
		assert_eq!(status(id), ProposalStatus::Approved { enactment: None });
	});
}

#[test]
fn a_large_call_is_enacted_from_its_preimage_which_is_then_released() {
	build_and_execute(|| {
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1; 300] });
		let call = bounded(remark);
		let Bounded::Lookup { hash, .. } = call else { panic!("300 bytes are not inline") };
		let id = NextProposalId::<Test>::get();
		ok!(Proposals::submit(signed(ALICE), Track::Root, ProposalKind::Call(call), metadata()));
		assert!(Preimage::is_requested(&hash));
		close_with(id, 3, 0, 3);
		run_to_block(System::block_number() + ENACTMENT_DELAY);
		assert_eq!(last_event(), Event::Executed { id, result: Ok(()) });
		assert!(!Preimage::is_requested(&hash));
	});
}

#[test]
fn a_rejected_call_releases_its_preimage() {
	build_and_execute(|| {
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![2; 300] });
		let hash = <Test as frame_system::Config>::Hashing::hash(&remark.encode());
		let id = submit_call(ALICE, Track::Root, remark);
		assert!(Preimage::is_requested(&hash));
		close_with(id, 0, 3, 3);
		assert!(!Preimage::is_requested(&hash));
	});
}

#[test]
fn cancel_releases_the_deposit_before_any_vote() {
	build_and_execute(|| {
		let id = submit_signal(ALICE);
		ok!(Proposals::cancel(signed(ALICE), id));
		assert_eq!(status(id), ProposalStatus::Cancelled);
		assert_eq!(held(ALICE), 0);
		assert_eq!(last_event(), Event::Cancelled { id });
		assert_eq!(Proposals::ballot_state(id), BallotState::Withdrawn);
	});
}

#[test]
fn cancel_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Proposals::cancel(signed(ALICE), 0), Error::<Test>::UnknownProposal);
		let id = submit_signal(ALICE);
		noop!(Proposals::cancel(signed(BOB), id), Error::<Test>::NotProposer);
		TestVoteCounts::set(id, 1, 0, 1);
		noop!(Proposals::cancel(signed(ALICE), id), Error::<Test>::HasVotes);
		close_with(id, 3, 0, 3);
		noop!(Proposals::cancel(signed(ALICE), id), Error::<Test>::NotVoting);
	});
}

#[test]
fn kill_slashes_the_deposit_of_a_proposal_being_voted_on() {
	build_and_execute(|| {
		let id = submit_signal(ALICE);
		let issuance = Balances::total_issuance();
		ok!(Proposals::kill(RawOrigin::Root.into(), id));
		assert_eq!(status(id), ProposalStatus::Killed);
		assert_eq!((held(ALICE), Balances::free_balance(ALICE)), (0, 1_000 - DEPOSIT));
		// No treasury in this runtime: the slashed deposit is burnt.
		assert_eq!(Balances::total_issuance(), issuance - DEPOSIT);
		assert_eq!(last_event(), Event::Killed { id, slashed: DEPOSIT });
	});
}

#[test]
fn kill_stops_an_approved_call_before_enactment() {
	build_and_execute(|| {
		let id = submit_call(ALICE, Track::Root, set_rules_call(50));
		close_with(id, 3, 0, 3);
		ok!(Proposals::kill(RawOrigin::Root.into(), id));
		assert_eq!(last_event(), Event::Killed { id, slashed: 0 });
		run_to_block(System::block_number() + ENACTMENT_DELAY + 1);
		assert_eq!(status(id), ProposalStatus::Revoked);
		assert_eq!(Rules::<Test>::get(), rules());
		// Decided stays decided: its votes cannot be withdrawn.
		assert_eq!(Proposals::ballot_state(id), BallotState::Closed);
	});
}

#[test]
fn kill_errors_leave_state_unchanged() {
	build_and_execute(|| {
		noop!(Proposals::kill(RawOrigin::Root.into(), 0), Error::<Test>::UnknownProposal);
		let rejected = submit_signal(ALICE);
		noop!(Proposals::kill(signed(ALICE), rejected), DispatchError::BadOrigin);
		close_with(rejected, 0, 0, 0);
		noop!(Proposals::kill(RawOrigin::Root.into(), rejected), Error::<Test>::NotKillable);
		let signal = submit_signal(ALICE);
		close_with(signal, 3, 0, 3);
		noop!(Proposals::kill(RawOrigin::Root.into(), signal), Error::<Test>::NotKillable);
	});
}

#[test]
fn set_rules_rejects_bad_rules() {
	build_and_execute(|| {
		let with = |change: fn(&mut crate::RulesOf<Test>)| {
			let mut rules = rules();
			change(&mut rules);
			rules
		};
		let root = || RuntimeOrigin::root();
		noop!(
			Proposals::set_rules(root(), with(|r| r.voting_period = 0)),
			Error::<Test>::ZeroVotingPeriod
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.enactment_delay = 0)),
			Error::<Test>::ZeroEnactmentDelay
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.standard.approval = Perbill::from_percent(49))),
			Error::<Test>::ApprovalBelowHalf
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.root.quorum = Perbill::from_percent(10))),
			Error::<Test>::RootLaxerThanStandard
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.standard.approval = Perbill::from_percent(70))),
			Error::<Test>::RootLaxerThanStandard
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.voting_period = MAX_PERIOD + 1)),
			Error::<Test>::VotingPeriodTooLong
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.enactment_delay = MAX_PERIOD + 1)),
			Error::<Test>::EnactmentDelayTooLong
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.proposal_deposit = MAX_DEPOSIT + 1)),
			Error::<Test>::DepositTooHigh
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.root.approval = Perbill::one())),
			Error::<Test>::ApprovalUnreachable
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.emergency.quorum = Perbill::from_percent(74))),
			Error::<Test>::EmergencyLaxerThanRoot
		);
		noop!(
			Proposals::set_rules(
				root(),
				with(|r| r.emergency.approval = Perbill::from_percent(65))
			),
			Error::<Test>::EmergencyLaxerThanRoot
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.emergency.approval = Perbill::one())),
			Error::<Test>::ApprovalUnreachable
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.emergency_voting_period = 0)),
			Error::<Test>::EmergencyTooSlow
		);
		noop!(
			Proposals::set_rules(root(), with(|r| r.emergency_voting_period = ENACTMENT_DELAY)),
			Error::<Test>::EmergencyTooSlow
		);
		noop!(Proposals::set_rules(signed(ALICE), rules()), DispatchError::BadOrigin);
		noop!(
			Proposals::set_rules(RuntimeOrigin::from(Origin::Dao), rules()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn enact_errors_leave_state_unchanged() {
	use frame_support::weights::Weight;
	build_and_execute(|| {
		let enact = |origin: RuntimeOrigin, id| Proposals::enact(origin, id, Weight::MAX, u32::MAX);
		noop!(enact(RawOrigin::Root.into(), 0), Error::<Test>::UnknownProposal);
		let signal = submit_signal(ALICE);
		noop!(enact(RawOrigin::Root.into(), signal), Error::<Test>::NotApproved);
		close_with(signal, 3, 0, 3);
		noop!(enact(RawOrigin::Root.into(), signal), Error::<Test>::NotApproved);
		let id = submit_call(ALICE, Track::Root, set_rules_call(50));
		close_with(id, 3, 0, 3);
		noop!(enact(RawOrigin::Root.into(), id), Error::<Test>::EnactmentNotDue);
		noop!(enact(signed(ALICE), id), DispatchError::BadOrigin);

		// Due, but witnessing less weight than the call declared at submission.
		System::set_block_number(System::block_number() + ENACTMENT_DELAY);
		let call_weight = ProposalsStorage::<Test>::get(id).unwrap().call_weight;
		assert!(call_weight.any_gt(Weight::zero()));
		let too_low = call_weight.saturating_sub(Weight::from_parts(1, 1));
		noop!(
			Proposals::enact(RawOrigin::Root.into(), id, too_low, 0),
			Error::<Test>::WitnessTooLow
		);
		ok!(Proposals::enact(RawOrigin::Root.into(), id, call_weight, 0));
		assert_eq!(status(id), ProposalStatus::Executed);
	});
}

#[test]
fn only_the_dao_origin_passes_ensure_dao() {
	use frame_support::traits::EnsureOrigin;
	new_test_ext().execute_with(|| {
		assert!(crate::EnsureDao::try_origin(RuntimeOrigin::from(Origin::Dao)).is_ok());
		assert!(crate::EnsureDao::try_origin(RuntimeOrigin::root()).is_err());
		assert!(crate::EnsureDao::try_origin(signed(ALICE)).is_err());
	});
}

fn remark(len: usize) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![3; len] })
}

fn requested(call: &RuntimeCall) -> bool {
	Preimage::is_requested(&<Test as frame_system::Config>::Hashing::hash(&call.encode()))
}

#[test]
fn submit_checks_a_noted_call_and_records_its_weight() {
	use frame_support::dispatch::GetDispatchInfo;
	build_and_execute(|| {
		let large = remark(300);
		let Bounded::Lookup { hash, len } = bounded(large.clone()) else { panic!("not inline") };
		let wrong_len = Bounded::Lookup { hash, len: len + 1 };
		noop!(
			Proposals::submit(
				signed(ALICE),
				Track::Root,
				ProposalKind::Call(wrong_len),
				metadata()
			),
			Error::<Test>::PreimageMissing
		);
		ok!(Preimage::note_preimage(signed(ALICE), vec![255; 200]));
		let garbage = Bounded::Lookup {
			hash: <Test as frame_system::Config>::Hashing::hash(&[255; 200]),
			len: 200,
		};
		noop!(
			Proposals::submit(signed(ALICE), Track::Root, ProposalKind::Call(garbage), metadata()),
			Error::<Test>::UndecodableCall
		);
		let id = NextProposalId::<Test>::get();
		let call = Bounded::Lookup { hash, len };
		ok!(Proposals::submit(signed(ALICE), Track::Root, ProposalKind::Call(call), metadata()));
		let proposal = ProposalsStorage::<Test>::get(id).unwrap();
		assert_eq!(proposal.call_weight, large.get_dispatch_info().call_weight);
		// Its enactment is weighed from the witnesses `close` schedules it with.
		assert_eq!(Proposals::preimage_len(&proposal.kind), len);
		let enact = crate::Call::<Test>::enact {
			id,
			call_weight_bound: proposal.call_weight,
			preimage_len_bound: len,
		};
		assert!(enact.get_dispatch_info().call_weight.all_gte(proposal.call_weight));
	});
}

#[test]
fn cancelled_and_killed_calls_release_their_preimages() {
	build_and_execute(|| {
		let (first, second) = (remark(300), remark(301));
		let cancelled = submit_call(ALICE, Track::Root, first.clone());
		let killed = submit_call(BOB, Track::Root, second.clone());
		assert!(requested(&first) && requested(&second));
		ok!(Proposals::cancel(signed(ALICE), cancelled));
		ok!(Proposals::kill(RawOrigin::Root.into(), killed));
		assert!(!requested(&first) && !requested(&second));
		assert_eq!(Proposals::ballot_state(killed), BallotState::Withdrawn);
	});
}

#[test]
fn only_root_kills_root_and_emergency_proposals() {
	build_and_execute(|| {
		let root = submit_call(ALICE, Track::Root, set_rules_call(50));
		let emergency = submit_call(BOB, Track::Emergency, kill_call(root));
		for id in [root, emergency] {
			noop!(
				Proposals::kill(RuntimeOrigin::from(Origin::Dao), id),
				Error::<Test>::KillNeedsRoot
			);
		}
		let standard = submit_signal(CHARLIE);
		ok!(Proposals::kill(RuntimeOrigin::from(Origin::Dao), standard));
		ok!(Proposals::kill(RawOrigin::Root.into(), emergency));
		ok!(Proposals::kill(RawOrigin::Root.into(), root));
	});
}

#[test]
fn an_enacted_kill_reaches_only_earlier_proposals() {
	build_and_execute(|| {
		// A kill aimed at the next proposal number, submitted before its victim.
		let killer = submit_call(ALICE, Track::Standard, kill_call(1));
		let later = submit_signal(BOB);
		assert_eq!(later, 1);
		close_with(killer, 2, 0, 2);
		run_to_block(System::block_number() + ENACTMENT_DELAY);
		assert_eq!(
			last_event(),
			Event::Executed { id: killer, result: Err(Error::<Test>::KillsOnlyEarlier.into()) }
		);
		assert_eq!(status(later), ProposalStatus::Voting);
	});
}

#[test]
fn the_emergency_track_carries_only_kills_of_live_proposals() {
	build_and_execute(|| {
		let emergency = |kind| Proposals::submit(signed(ALICE), Track::Emergency, kind, metadata());
		noop!(emergency(ProposalKind::Signal), Error::<Test>::EmergencyOnlyKills);
		noop!(
			emergency(ProposalKind::Call(bounded(remark(10)))),
			Error::<Test>::EmergencyOnlyKills
		);
		noop!(
			emergency(ProposalKind::Call(bounded(kill_call(7)))),
			Error::<Test>::EmergencyOnlyKills
		);
		let rejected = submit_signal(BOB);
		close_with(rejected, 0, 0, 0);
		noop!(
			emergency(ProposalKind::Call(bounded(kill_call(rejected)))),
			Error::<Test>::EmergencyOnlyKills
		);
	});
}

#[test]
fn an_emergency_kill_lands_before_its_target_is_enacted() {
	build_and_execute(|| {
		let harmful = submit_call(ALICE, Track::Standard, remark(10));
		// Submitted in the last block of the target's vote.
		run_to_block(VOTING_PERIOD);
		let kill = submit_call(BOB, Track::Emergency, kill_call(harmful));
		let proposal = ProposalsStorage::<Test>::get(kill).unwrap();
		assert_eq!(proposal.voting_ends, VOTING_PERIOD + EMERGENCY_VOTING_PERIOD);
		assert_eq!(proposal.thresholds, rules().emergency);
		close_with(harmful, 3, 0, 3);
		let harmful_enactment = System::block_number() + ENACTMENT_DELAY;
		close_with(kill, 3, 0, 3);
		assert_eq!(
			status(kill),
			ProposalStatus::Approved { enactment: Some(System::block_number() + 1) }
		);
		run_to_block(harmful_enactment);
		assert_eq!(status(harmful), ProposalStatus::Revoked);
		assert_eq!(status(kill), ProposalStatus::Executed);
		assert!(!events().contains(&Event::Executed { id: harmful, result: Ok(()) }));
	});
}

#[test]
fn a_call_too_heavy_to_enact_is_refused_at_submission() {
	use frame_support::{dispatch::GetDispatchInfo, weights::Weight};
	build_and_execute(|| {
		let call = remark(10);
		let needed = <() as crate::WeightInfo>::enact(0)
			.saturating_add(call.get_dispatch_info().call_weight);
		MaxEnactmentWeight::set(&needed.saturating_sub(Weight::from_parts(1, 0)));
		noop!(
			Proposals::submit(
				signed(ALICE),
				Track::Standard,
				ProposalKind::Call(bounded(call.clone())),
				metadata()
			),
			Error::<Test>::CallTooHeavy
		);
		MaxEnactmentWeight::set(&needed);
		submit_call(ALICE, Track::Standard, call);
	});
}

#[test]
fn a_kill_works_when_the_scheduler_dropped_the_task() {
	use frame_support::traits::schedule::v3::Named;
	build_and_execute(|| {
		let id = submit_call(ALICE, Track::Standard, remark(10));
		close_with(id, 3, 0, 3);
		// Not `ok!`: the invariants do not hold until the kill.
		frame_support::assert_ok!(<Scheduler as Named<_, _, _>>::cancel_named(
			crate::Pallet::<Test>::task_name(id)
		));
		ok!(Proposals::kill(RuntimeOrigin::from(Origin::Dao), id));
		assert_eq!(status(id), ProposalStatus::Revoked);
	});
}

fn call_name(id: ProposalId) -> Option<CallName> {
	ProposalsStorage::<Test>::get(id).unwrap().call_name
}

#[test]
fn submit_records_the_calls_pallet_and_function() {
	build_and_execute(|| {
		let inline = submit_call(ALICE, Track::Root, set_rules_call(50));
		let large = remark(300);
		let noted = submit_call(BOB, Track::Root, large.clone());
		let signal = submit_signal(CHARLIE);
		assert_eq!(call_name(inline), Some(CallName::new("Proposals", "set_rules")));
		assert_eq!(call_name(noted), Some(CallName::new("System", "remark")));
		assert_eq!(call_name(noted).unwrap().dotted(), b"System.remark".to_vec());
		assert_eq!(call_name(signal), None);

		// The name outlives the preimage, which is released once the call is enacted.
		close_with(noted, 3, 0, 3);
		run_to_block(System::block_number() + ENACTMENT_DELAY);
		assert_eq!(status(noted), ProposalStatus::Executed);
		assert!(!requested(&large));
		assert_eq!(call_name(noted), Some(CallName::new("System", "remark")));
	});
}

#[test]
fn call_names_too_long_are_cut_at_a_character_boundary() {
	let limit = MAX_CALL_NAME_LEN as usize;
	let long = "p".repeat(limit + 5);
	let name = CallName::new(&long, "spend");
	assert_eq!(name.pallet.as_slice(), &long.as_bytes()[..limit]);
	assert_eq!(name.function.as_slice(), b"spend");
	// Two-byte characters: the last one that would straddle the limit is left out whole.
	let accented = format!("a{}", "é".repeat(limit));
	let cut = CallName::new("Pallet", &accented).function;
	assert_eq!(cut.len(), limit - 1);
	assert!(core::str::from_utf8(&cut).is_ok());
	assert_eq!(CallName::new("", "").dotted(), b".".to_vec());
}

#[test]
fn submit_records_the_runtimes_spec_version() {
	build_and_execute(|| {
		let first = submit_signal(ALICE);
		SpecVersion::set(101);
		let second = submit_signal(BOB);
		assert_eq!(ProposalsStorage::<Test>::get(first).unwrap().spec_version, 100);
		assert_eq!(ProposalsStorage::<Test>::get(second).unwrap().spec_version, 101);
		assert_eq!(Proposals::proposal_summary(second).unwrap().spec_version, 101);
	});
}

/// Stands for an upgrade between submission and enactment after which the proposal's call
/// bytes decode to another call than at submission: the name recorded then is another one.
fn upgrade_renaming_the_call_of(id: ProposalId) {
	SpecVersion::set(101);
	ProposalsStorage::<Test>::mutate(id, |proposal| {
		proposal.as_mut().unwrap().call_name = Some(CallName::new("Treasury", "spend"));
	});
}

#[test]
fn a_call_that_an_upgrade_renamed_is_refused_at_enactment() {
	build_and_execute(|| {
		let victim = submit_signal(BOB);
		let remark = remark(300);
		let id = submit_call(ALICE, Track::Standard, kill_call(victim));
		let large = submit_call(ALICE, Track::Root, remark.clone());
		TestVoteCounts::set(large, 3, 0, 3);
		close_with(id, 2, 0, 2);
		ok!(Proposals::close(signed(OUTSIDER), large));
		upgrade_renaming_the_call_of(id);
		upgrade_renaming_the_call_of(large);

		run_to_block(System::block_number() + ENACTMENT_DELAY);
		let refused = Err(Error::<Test>::CallChanged.into());
		assert!(events().contains(&Event::Executed { id, result: refused }));
		assert!(events().contains(&Event::Executed { id: large, result: refused }));
		// Neither call was dispatched: the victim is still being voted on.
		assert_eq!(status(victim), ProposalStatus::Voting);
		assert_eq!(status(id), ProposalStatus::Executed);
		assert_eq!(status(large), ProposalStatus::Executed);
		// The refused call's preimage is released all the same.
		assert!(!requested(&remark));
	});
}

#[test]
fn a_call_that_an_upgrade_left_alone_is_enacted() {
	build_and_execute(|| {
		let victim = submit_signal(BOB);
		let id = submit_call(ALICE, Track::Standard, kill_call(victim));
		close_with(id, 2, 0, 2);
		SpecVersion::set(101);

		run_to_block(System::block_number() + ENACTMENT_DELAY);
		assert_eq!(last_event(), Event::Executed { id, result: Ok(()) });
		assert_eq!(status(victim), ProposalStatus::Killed);
	});
}

/// The dry run of `call` on `track`, with the state root before and after it.
fn dry_run(call: &[u8], track: Track) -> (sp_runtime::DispatchResult, bool) {
	let root = || sp_io::storage::root(sp_runtime::StateVersion::V1);
	let before = root();
	let result = Proposals::dry_run_enactment(call, track);
	(result, root() == before)
}

#[test]
fn a_dry_run_returns_what_enactment_would_and_keeps_nothing() {
	build_and_execute(|| {
		let zero_period = set_rules_call(0).encode();
		assert_eq!(
			dry_run(&zero_period, Track::Root),
			(Err(Error::<Test>::ZeroVotingPeriod.into()), true)
		);

		let longer = set_rules_call(VOTING_PERIOD + 1).encode();
		assert_eq!(dry_run(&longer, Track::Root), (Ok(()), true));
		assert_eq!(Rules::<Test>::get(), rules());
		assert!(events().is_empty());
		// The Standard track enacts with the DAO origin, which may not set the rules.
		assert_eq!(dry_run(&longer, Track::Standard), (Err(DispatchError::BadOrigin), true));
	});
}

#[test]
fn a_dry_run_enacts_as_the_next_proposal() {
	build_and_execute(|| {
		let victim = submit_signal(BOB);
		// Dry-run as proposal 1, the kill reaches proposal 0, which stays as it was.
		assert_eq!(dry_run(&kill_call(victim).encode(), Track::Standard), (Ok(()), true));
		assert_eq!(status(victim), ProposalStatus::Voting);
		assert_eq!(crate::Enacting::<Test>::get(), None);
		let unknown = kill_call(victim + 1).encode();
		assert_eq!(
			dry_run(&unknown, Track::Standard),
			(Err(Error::<Test>::UnknownProposal.into()), true)
		);
	});
}

#[test]
fn a_dry_run_takes_exactly_one_call_no_longer_than_a_preimage() {
	build_and_execute(|| {
		let undecodable = Err(Error::<Test>::UndecodableCall.into());
		assert_eq!(dry_run(&[0xff, 0xff], Track::Root), (undecodable, true));
		let trailing = [set_rules_call(VOTING_PERIOD).encode(), vec![0]].concat();
		assert_eq!(dry_run(&trailing, Track::Root), (undecodable, true));
		let too_long = vec![0; <Preimage as StorePreimage>::MAX_LENGTH + 1];
		assert_eq!(dry_run(&too_long, Track::Root), (Err(DispatchError::Exhausted), true));
	});
}

mod ballots;
mod status_index;
