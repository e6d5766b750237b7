//! Capture attacks against the whole runtime (development preset), one test per attack, each
//! asserting the defence: sybil waves stay within the growth cap and are undone by one vote,
//! passive members cannot freeze the quorum, kills respect tracks and arrive in time, calls that
//! could never be enacted are refused, decided votes stay decided, votes of removed members stop
//! counting, and fees rise under load.

use super::governance::{account, check_invariants, in_development_chain, run_to_block, signed};
use crate::{
	configs::dao::EpochLength, genesis_config_presets::development_rules, AccountId, Balances,
	Membership, Proposals, QuadraticVoting, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	Scheduler, System, Treasury, UNIT,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Mutate, Bounded, Hooks},
	BoundedVec,
};
use ostrom_primitives::{ProposalIndex, Tallies};
use pallet_ostrom_membership::{Error as MembershipError, Event as MembershipEvent, MemberStatus};
use pallet_ostrom_proposals::{Error as ProposalsError, ProposalKind, ProposalStatus, Track};
use pallet_ostrom_quadratic_voting::Error as VotingError;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};
use sp_runtime::{traits::Hash, DispatchError};

/// A funded account that is not one of the well-known ones: `kind` tells groups apart.
fn someone(kind: u8, index: u32) -> AccountId {
	let mut bytes = [kind; 32];
	bytes[1..5].copy_from_slice(&index.to_le_bytes());
	let who = AccountId::from(bytes);
	Balances::set_balance(&who, 1_000 * UNIT);
	who
}

fn epoch_start(epoch: u32) -> u32 {
	epoch * EpochLength::get()
}

/// Jumps to block `n` without visiting the blocks in between: only while nothing is scheduled.
fn jump_to(n: u32) {
	System::set_block_number(n);
	pallet_scheduler::IncompleteSince::<Runtime>::put(n);
	Scheduler::on_initialize(n);
}

/// `members` join through the DAO (root here), on probation like any new member.
fn add_members(members: &[AccountId]) {
	for who in members {
		assert_ok!(Membership::add_member(RuntimeOrigin::root(), who.clone()));
	}
}

type Kind = ProposalKind<pallet_ostrom_proposals::BoundedCallOf<Runtime>>;

fn submit(proposer: &AccountId, track: Track, kind: Kind) -> ProposalIndex {
	let id = pallet_ostrom_proposals::ProposalCount::<Runtime>::get();
	assert_ok!(Proposals::submit(
		RuntimeOrigin::signed(proposer.clone()),
		track,
		kind,
		Default::default()
	));
	id
}

/// `call`, inline when small, else as a preimage Alice notes.
fn bounded(call: RuntimeCall) -> Kind {
	let encoded = call.encode();
	if let Ok(inline) = BoundedVec::try_from(encoded.clone()) {
		return ProposalKind::Call(Bounded::Inline(inline));
	}
	assert_ok!(crate::Preimage::note_preimage(signed(Alice), encoded.clone()));
	let hash = <Runtime as frame_system::Config>::Hashing::hash(&encoded);
	ProposalKind::Call(Bounded::Lookup { hash, len: encoded.len() as u32 })
}

fn vote(voter: &AccountId, id: ProposalIndex, aye: bool, votes: u32) {
	assert_ok!(QuadraticVoting::vote(RuntimeOrigin::signed(voter.clone()), id, aye, votes));
}

/// Closes `id` once its voting period is over; returns whether it was approved.
fn close(id: ProposalIndex) -> bool {
	let voting_ends = pallet_ostrom_proposals::Proposals::<Runtime>::get(id).unwrap().voting_ends;
	run_to_block(voting_ends.max(System::block_number()));
	assert_ok!(Proposals::close(signed(Eve), id));
	status(id) != ProposalStatus::Rejected
}

fn status(id: ProposalIndex) -> ProposalStatus<u32> {
	pallet_ostrom_proposals::Proposals::<Runtime>::get(id).unwrap().status
}

fn membership_events() -> Vec<MembershipEvent<Runtime>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Membership(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The honest members of a DAO of 20: the three founders and fifteen more.
fn honest_members() -> Vec<AccountId> {
	[Alice, Bob, Charlie].map(account).into_iter().chain((0..15).map(|i| someone(1, i))).collect()
}

/// Two colluders in a DAO of 20 admit sybils for ten epochs, with every sybil past probation
/// sponsoring too. Returns the sybils and the colluders.
fn sybil_wave(honest: &[AccountId]) -> (Vec<AccountId>, [AccountId; 2]) {
	let colluders = [someone(2, 0), someone(2, 1)];
	add_members(&honest[3..]);
	add_members(&colluders);
	jump_to(epoch_start(1));
	let mut sybils: Vec<AccountId> = Vec::new();
	let mut next_sybil = 0;
	for epoch in 1..=10 {
		jump_to(epoch_start(epoch) + 1);
		let cap = Membership::admissions_left();
		let mut admitted = Vec::new();
		// Every attacker past probation vouches for new sybils until nothing more gets in.
		let attackers: Vec<AccountId> = colluders.iter().chain(&sybils).cloned().collect();
		'wave: loop {
			let applicant = someone(3, next_sybil);
			if !pallet_ostrom_membership::Applications::<Runtime>::contains_key(&applicant) {
				assert_ok!(Membership::apply(
					RuntimeOrigin::signed(applicant.clone()),
					Default::default()
				));
			}
			let mut progressed = false;
			for attacker in &attackers {
				match Membership::sponsor(
					RuntimeOrigin::signed(attacker.clone()),
					applicant.clone(),
				) {
					Ok(()) => progressed = true,
					Err(error)
						if error
							== DispatchError::from(
								MembershipError::<Runtime>::AdmissionCapReached,
							) =>
					{
						break 'wave
					}
					Err(_) => continue,
				}
				if pallet_ostrom_membership::Members::<Runtime>::contains_key(&applicant) {
					admitted.push(applicant.clone());
					next_sybil += 1;
					continue 'wave;
				}
			}
			if !progressed {
				break;
			}
		}
		check_invariants();
		assert!(!admitted.is_empty(), "the attack admits someone in epoch {epoch}");
		assert!(admitted.len() as u32 <= cap, "epoch {epoch}: {} > cap {cap}", admitted.len());
		// Fresh sybils may neither sponsor nor vote during probation.
		let honest_signal = submit(&honest[0], Track::Standard, ProposalKind::Signal);
		let pending = someone(3, next_sybil);
		for sybil in &admitted {
			assert_noop!(
				Membership::sponsor(RuntimeOrigin::signed(sybil.clone()), pending.clone()),
				MembershipError::<Runtime>::InProbation
			);
			assert_noop!(
				QuadraticVoting::vote(
					RuntimeOrigin::signed(sybil.clone()),
					honest_signal,
					false,
					1
				),
				VotingError::<Runtime>::InProbation
			);
		}
		// The honest members go on voting; the settled sybils vote against everything.
		for member in honest {
			vote(member, honest_signal, true, 1);
		}
		for attacker in &attackers {
			let _ = QuadraticVoting::vote(
				RuntimeOrigin::signed(attacker.clone()),
				honest_signal,
				false,
				1,
			);
		}
		close(honest_signal);
		sybils.extend(admitted);
	}
	(sybils, colluders)
}

#[test]
fn sybils_of_two_colluders_stay_within_the_growth_cap_and_probation() {
	in_development_chain(|| {
		let honest = honest_members();
		let (sybils, _) = sybil_wave(&honest);
		// At most one admission by sponsorship per epoch (a twentieth of a quorum base of 20 to
		// 31, and the floor of one): fewer sybils than honest members after ten epochs.
		assert_eq!(sybils.len(), 10);
		assert!(sybils.len() + 2 < honest.len());
	});
}

#[test]
fn one_standard_proposal_removes_the_sybil_wave_and_sanctions_both_sponsors() {
	in_development_chain(|| {
		let honest = honest_members();
		let (sybils, colluders) = sybil_wave(&honest);
		jump_to(epoch_start(11) + 1);
		let remove = RuntimeCall::Membership(pallet_ostrom_membership::Call::remove_members {
			members: BoundedVec::try_from(sybils.clone()).unwrap(),
		});
		let id = submit(&honest[0], Track::Standard, bounded(remove));
		// Every honest member spends the whole budget on it; every attacker fights back.
		for member in &honest {
			vote(member, id, true, 10);
		}
		for attacker in colluders.iter().chain(&sybils) {
			vote(attacker, id, false, 10);
		}
		assert!(close(id), "the honest majority removes the sybils");
		System::reset_events();
		run_to_block(System::block_number() + development_rules().enactment_delay);
		assert_eq!(status(id), ProposalStatus::Executed);
		for sybil in &sybils {
			assert!(!pallet_ostrom_membership::Members::<Runtime>::contains_key(sybil));
		}
		for colluder in &colluders {
			let record = pallet_ostrom_membership::Members::<Runtime>::get(colluder).unwrap();
			assert!(matches!(record.status, MemberStatus::Suspended { .. }), "sponsor sanctioned");
			assert!(membership_events().iter().any(|event| matches!(
				event,
				MembershipEvent::SponsorSanctioned { sponsor, .. } if sponsor == colluder
			)));
		}
		for member in &honest {
			assert!(<Membership as ostrom_primitives::MembershipInspect<_, _>>::is_active_member(
				member
			));
		}
	});
}

#[test]
fn passive_members_cannot_freeze_the_quorum() {
	in_development_chain(|| {
		let active: Vec<AccountId> = [Alice, Bob, Charlie]
			.map(account)
			.into_iter()
			.chain((0..7).map(|i| someone(4, i)))
			.collect();
		let passive: Vec<AccountId> = (0..100).map(|i| someone(5, i)).collect();
		add_members(&active[3..]);
		add_members(&passive);
		let dormant_after = pallet_ostrom_membership::Rules::<Runtime>::get().dormant_after;
		// From epoch 1 the passive members are past probation and count; they never vote.
		let mut passed_in = None;
		for epoch in 1..=1 + dormant_after {
			jump_to(epoch_start(epoch) + 1);
			let id = submit(&active[0], Track::Standard, ProposalKind::Signal);
			for member in &active {
				vote(member, id, true, 1);
			}
			if close(id) {
				passed_in = Some(epoch);
				break;
			}
			check_invariants();
		}
		// Rejected while the passive members count (epochs 1 to 4), passed once they are dormant.
		assert_eq!(passed_in, Some(1 + dormant_after));
	});
}

#[test]
fn the_standard_track_cannot_kill_a_root_proposal() {
	in_development_chain(|| {
		let next = pallet_ostrom_proposals::ProposalCount::<Runtime>::get();
		// The attack: a Standard kill aimed at the Root proposal about to be submitted.
		let kill = RuntimeCall::Proposals(pallet_ostrom_proposals::Call::kill { id: next + 1 });
		let killer = submit(&account(Alice), Track::Standard, bounded(kill));
		let mut rules = development_rules();
		rules.voting_period = 20;
		let set_rules = RuntimeCall::Proposals(pallet_ostrom_proposals::Call::set_rules { rules });
		let root = submit(&account(Bob), Track::Root, bounded(set_rules));
		for voter in [Alice, Bob, Charlie] {
			vote(&account(voter), killer, true, 1);
			vote(&account(voter), root, true, 1);
		}
		assert!(close(killer) && close(root));
		run_to_block(System::block_number() + development_rules().enactment_delay);
		assert!(super::governance::proposal_events().contains(
			&pallet_ostrom_proposals::Event::Executed {
				id: killer,
				result: Err(ProposalsError::<Runtime>::KillNeedsRoot.into())
			}
		));
		assert_eq!(status(root), ProposalStatus::Executed);
		assert_eq!(pallet_ostrom_proposals::Rules::<Runtime>::get(), rules);
		// Nor directly with the DAO origin.
		let another = submit(&account(Bob), Track::Root, ProposalKind::Signal);
		assert_noop!(
			Proposals::kill(pallet_ostrom_proposals::Origin::Dao.into(), another),
			ProposalsError::<Runtime>::KillNeedsRoot
		);
	});
}

#[test]
fn an_emergency_kill_submitted_during_a_harmful_vote_lands_before_its_enactment() {
	in_development_chain(|| {
		let eve = account(Eve);
		let before = Balances::free_balance(&eve);
		let spend = RuntimeCall::Treasury(pallet_ostrom_treasury::Call::spend {
			beneficiary: eve.clone(),
			amount: 1_000 * UNIT,
		});
		let harmful = submit(&account(Alice), Track::Standard, bounded(spend));
		vote(&account(Alice), harmful, true, 5);
		vote(&account(Bob), harmful, true, 5);
		// In the last block of its vote, the others see it and ask for an emergency kill.
		let voting_ends =
			pallet_ostrom_proposals::Proposals::<Runtime>::get(harmful).unwrap().voting_ends;
		run_to_block(voting_ends - 1);
		let kill = RuntimeCall::Proposals(pallet_ostrom_proposals::Call::kill { id: harmful });
		let emergency = submit(&account(Charlie), Track::Emergency, bounded(kill));
		for voter in [Alice, Bob, Charlie] {
			vote(&account(voter), emergency, true, 1);
		}
		assert!(close(harmful), "the harmful proposal passed");
		let ProposalStatus::Approved { enactment: Some(harmful_at) } = status(harmful) else {
			panic!("approved with an enactment")
		};
		assert!(close(emergency));
		let ProposalStatus::Approved { enactment: Some(kill_at) } = status(emergency) else {
			panic!("approved with an enactment")
		};
		assert!(kill_at < harmful_at);
		run_to_block(harmful_at + 1);
		assert_eq!(status(emergency), ProposalStatus::Executed);
		assert_eq!(status(harmful), ProposalStatus::Revoked);
		assert_eq!(Balances::free_balance(&eve), before);
		check_invariants();
	});
}

#[test]
fn a_call_too_heavy_to_enact_is_refused_at_submission() {
	in_development_chain(|| {
		let heavy = RuntimeCall::System(frame_system::Call::kill_prefix {
			prefix: b"anything".to_vec(),
			subkeys: u32::MAX,
		});
		assert_noop!(
			Proposals::submit(signed(Alice), Track::Root, bounded(heavy), Default::default()),
			ProposalsError::<Runtime>::CallTooHeavy
		);
		// A runtime upgrade still fits.
		let upgrade = RuntimeCall::System(frame_system::Call::set_code { code: vec![0; 64] });
		submit(&account(Alice), Track::Root, bounded(upgrade));
	});
}

#[test]
fn killing_an_approved_proposal_keeps_its_votes_decided() {
	in_development_chain(|| {
		let spend = RuntimeCall::Treasury(pallet_ostrom_treasury::Call::spend {
			beneficiary: account(Eve),
			amount: UNIT,
		});
		let approved = submit(&account(Alice), Track::Standard, bounded(spend));
		vote(&account(Alice), approved, true, 5);
		vote(&account(Bob), approved, true, 5);
		assert!(close(approved));
		assert_ok!(Proposals::kill(RuntimeOrigin::root(), approved));
		assert_eq!(status(approved), ProposalStatus::Revoked);
		let credits = QuadraticVoting::credits_left(&account(Alice));
		assert_noop!(
			QuadraticVoting::remove_vote(signed(Alice), approved),
			VotingError::<Runtime>::VotingClosed
		);
		assert_eq!(QuadraticVoting::credits_left(&account(Alice)), credits);
		assert_eq!(QuadraticVoting::tally(approved).ayes, 10);
	});
}

#[test]
fn a_removed_members_vote_no_longer_decides() {
	in_development_chain(|| {
		let dave = account(Dave);
		add_members(core::slice::from_ref(&dave));
		run_to_block(System::block_number() + 11);
		let signal = submit(&account(Alice), Track::Standard, ProposalKind::Signal);
		vote(&dave, signal, true, 10);
		vote(&account(Alice), signal, false, 3);
		vote(&account(Bob), signal, false, 3);
		// Dave's ten votes would carry it; the DAO removes him first.
		assert_ok!(Membership::remove_member(RuntimeOrigin::root(), dave.clone()));
		let reaped = QuadraticVoting::remove_other_vote(signed(Charlie), dave, signal);
		assert_eq!(reaped.map(|info| info.pays_fee), Ok(frame_support::dispatch::Pays::No));
		assert_eq!(QuadraticVoting::tally(signal).ayes, 0);
		assert!(!close(signal), "rejected without Dave's vote");
	});
}

#[test]
fn a_standard_proposal_pauses_admissions() {
	in_development_chain(|| {
		let pause =
			RuntimeCall::Membership(pallet_ostrom_membership::Call::set_admissions_paused {
				paused: true,
			});
		super::governance::decide(Track::Standard, pause, [1, 1, 1]);
		assert_ok!(Membership::apply(signed(Dave), Default::default()));
		assert_noop!(
			Membership::sponsor(signed(Alice), account(Dave)),
			MembershipError::<Runtime>::AdmissionsPaused
		);
	});
}

#[test]
fn root_can_do_all_the_dao_origin_can() {
	in_development_chain(|| {
		let root = || RuntimeOrigin::root();
		assert_ok!(Membership::add_member(root(), account(Dave)));
		assert_ok!(Membership::suspend(root(), account(Dave), 100));
		assert_ok!(Membership::remove_members(
			root(),
			BoundedVec::try_from(vec![account(Dave)]).unwrap()
		));
		assert_ok!(Membership::set_admissions_paused(root(), true));
		assert_ok!(Treasury::spend(root(), account(Eve), UNIT));
		assert_eq!(
			Membership::add_member(signed(Alice), account(Dave)),
			Err(DispatchError::BadOrigin)
		);
	});
}

/// Starts block `n`, authored by Alice, as the node would.
fn start_block(n: u32) {
	use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
	use sp_runtime::{traits::Header as _, Digest, DigestItem};
	let slot = DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(u64::from(n)).encode());
	crate::Executive::initialize_block(&crate::Header::new(
		n,
		Default::default(),
		Default::default(),
		System::parent_hash(),
		Digest { logs: vec![slot] },
	));
}

#[test]
fn a_block_full_of_transfers_raises_fees_and_empty_blocks_bring_them_back() {
	use pallet_transaction_payment::{Multiplier, NextFeeMultiplier};
	use sp_runtime::{
		traits::One,
		transaction_validity::{InvalidTransaction, TransactionValidityError},
	};
	super::ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let fee = || {
			let xt = super::signed_transfer(Alice, account(Bob), UNIT, 0);
			let len = xt.encoded_size() as u32;
			crate::TransactionPayment::query_info(xt, len).partial_fee
		};
		let base_fee = fee();
		start_block(1);
		// An attacker fills the block with transfers.
		let mut nonce = 0;
		loop {
			let xt = super::signed_transfer(Charlie, account(Bob), UNIT, nonce);
			match crate::Executive::apply_extrinsic(xt) {
				Ok(outcome) => {
					assert_ok!(outcome);
					nonce += 1;
				}
				Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources)) => {
					break
				}
				Err(other) => panic!("a transfer failed: {other:?}"),
			}
		}
		assert!(nonce > 1_000, "the block held {nonce} transfers");
		crate::TransactionPayment::on_finalize(1);
		let raised = NextFeeMultiplier::<Runtime>::get();
		assert!(raised > Multiplier::one(), "a full block raises the multiplier: {raised}");
		assert!(fee() > base_fee);
		// Empty blocks bring it back down to the base fee, never below.
		let mut block = 2;
		while NextFeeMultiplier::<Runtime>::get() > Multiplier::one() {
			assert!(block < 10, "the multiplier falls back within a few empty blocks");
			start_block(block);
			crate::TransactionPayment::on_finalize(block);
			block += 1;
		}
		assert_eq!(NextFeeMultiplier::<Runtime>::get(), Multiplier::one());
		assert_eq!(fee(), base_fee);
	});
}
