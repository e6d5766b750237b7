//! Capture attacks against the whole runtime (development preset), one test per attack, each
//! asserting the defence: sybil waves stay within the growth cap and are undone by one vote,
//! passive members cannot freeze the quorum, kills respect tracks and arrive in time, calls that
//! could never be enacted are refused, decided votes stay decided, votes of removed members stop
//! counting, fees rise under load, the DAO replaces rogue stewards, removed members steward
//! nothing, one member cannot flood a commons' queue, only a steward's verdict decides a
//! contribution (reputation being capped per epoch), colluders cannot take a matching pool, slot
//! squatting costs deposits and is undone by the DAO, an archived commons is not paid, grants
//! reach beneficiaries who cannot sign, filling the treasury's indexes of open rounds and live
//! grants takes a DAO decision per entry and hides no open round, one steward cannot empty a
//! shared commons' account, listing proposals never decodes a preimage, an upgrade cannot
//! change what a pending proposal does, a Standard-track majority cannot seat a validator, no
//! account registers session keys it does not hold, and two validators cannot shrink the set
//! below its floor by purging keys and falling silent.

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
use ostrom_primitives::ProposalId;
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

fn submit(proposer: &AccountId, track: Track, kind: Kind) -> ProposalId {
	let id = pallet_ostrom_proposals::NextProposalId::<Runtime>::get();
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

fn vote(voter: &AccountId, id: ProposalId, aye: bool, votes: u32) {
	assert_ok!(QuadraticVoting::vote(RuntimeOrigin::signed(voter.clone()), id, aye, votes));
}

/// Closes `id` once its voting period is over; returns whether it was approved.
fn close(id: ProposalId) -> bool {
	let voting_ends = pallet_ostrom_proposals::Proposals::<Runtime>::get(id).unwrap().voting_ends;
	run_to_block(voting_ends.max(System::block_number()));
	assert_ok!(Proposals::close(signed(Eve), id));
	status(id) != ProposalStatus::Rejected
}

fn status(id: ProposalId) -> ProposalStatus<u32> {
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
		// At most one admission by sponsorship per epoch (a twentieth of 20 to 31 eligible
		// voters, and the floor of one): fewer sybils than honest members after ten epochs.
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
		let next = pallet_ostrom_proposals::NextProposalId::<Runtime>::get();
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

#[test]
fn costly_views_do_not_decode_preimages() {
	use ostrom_runtime_api::MAX_PAGE;
	in_development_chain(|| {
		// The attack: one preimage of almost 4 MB, and a full page of cheap proposals pointing at
		// it, so that a view decoding each proposal's call would decode some 390 MB per page.
		let bulky = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 3_900_000] });
		let ProposalKind::Call(call) = bounded(bulky) else { unreachable!("a call") };
		let Bounded::Lookup { hash, len } = call.clone() else { panic!("noted, not inline") };
		let first = pallet_ostrom_proposals::NextProposalId::<Runtime>::get();
		let proposers = [Alice, Bob, Charlie].map(account);
		for n in 0..MAX_PAGE as usize {
			submit(&proposers[n % 3], Track::Standard, ProposalKind::Call(call.clone()));
		}

		// The defence: the name was recorded at submission. Swap the preimage for bytes that
		// decode as no call: the views still name every call, so they never decode it.
		let noted = pallet_preimage::PreimageFor::<Runtime>::get((hash, len)).unwrap();
		pallet_preimage::PreimageFor::<Runtime>::insert(
			(hash, len),
			BoundedVec::truncate_from(vec![0xff; len as usize]),
		);
		let page = crate::views::proposals(None, first, MAX_PAGE);
		assert_eq!(page.items.len(), MAX_PAGE as usize);
		for proposal in &page.items {
			assert_eq!(proposal.call.as_deref(), Some(&b"System.remark"[..]), "{}", proposal.id);
		}
		let single = crate::views::proposal(first).unwrap();
		assert_eq!(single.call.as_deref(), Some(&b"System.remark"[..]));
		pallet_preimage::PreimageFor::<Runtime>::insert((hash, len), noted);
		check_invariants();
	});
}

/// A fresh software commons under MIT, registered by `who`; returns its id.
fn register_commons(who: &AccountId) -> ostrom_primitives::CommonsId {
	let commons = pallet_ostrom_commons::NextCommonsId::<Runtime>::get();
	assert_ok!(crate::Commons::register(
		RuntimeOrigin::signed(who.clone()),
		BoundedVec::truncate_from(b"seed library".to_vec()),
		pallet_ostrom_commons::CommonsKind::Software,
		BoundedVec::truncate_from(b"MIT".to_vec()),
		Default::default(),
	));
	commons
}

/// `who` records a contribution to `commons`; returns its id.
fn contribute_to(
	commons: ostrom_primitives::CommonsId,
	who: &AccountId,
) -> ostrom_primitives::ContributionId {
	let id = pallet_ostrom_commons::NextContributionId::<Runtime>::get();
	let content = <Runtime as frame_system::Config>::Hashing::hash(&id.encode());
	assert_ok!(crate::Commons::contribute(
		RuntimeOrigin::signed(who.clone()),
		commons,
		content,
		Default::default()
	));
	id
}

fn review(who: &AccountId, contribution: ostrom_primitives::ContributionId, approve: bool) {
	assert_ok!(crate::Commons::review(RuntimeOrigin::signed(who.clone()), contribution, approve));
}

fn contribution_status(
	id: ostrom_primitives::ContributionId,
) -> pallet_ostrom_commons::ContributionStatus {
	pallet_ostrom_commons::Contributions::<Runtime>::get(id).unwrap().status
}

fn held_for_contributions(who: &AccountId) -> crate::Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(
		&crate::RuntimeHoldReason::Commons(pallet_ostrom_commons::HoldReason::Contribution),
		who,
	)
}

fn is_acting_steward(commons: ostrom_primitives::CommonsId, who: &AccountId) -> bool {
	<crate::Commons as ostrom_primitives::CommonsInspect<AccountId>>::is_acting_steward(
		commons, who,
	)
}

fn acting_stewards(commons: ostrom_primitives::CommonsId) -> u32 {
	<crate::Commons as ostrom_primitives::CommonsInspect<AccountId>>::acting_stewards(commons)
}

#[test]
fn the_dao_replaces_a_rogue_steward_who_archived_a_commons() {
	use pallet_ostrom_commons::{CommonsStatus, Error as CommonsError};
	in_development_chain(|| {
		let (alice, dave) = (account(Alice), account(Dave));
		add_members(core::slice::from_ref(&dave));
		let commons = register_commons(&alice);
		assert_ok!(crate::Commons::add_steward(signed(Alice), commons, dave.clone()));
		// The attack: Dave cannot push Alice out (only the DAO removes other stewards), but he
		// archives the commons, and Alice gives up and resigns.
		assert_noop!(
			crate::Commons::remove_steward(signed(Dave), commons, alice.clone()),
			CommonsError::<Runtime>::RemovalNeedsDao
		);
		assert_ok!(crate::Commons::archive(signed(Dave), commons));
		assert_ok!(crate::Commons::remove_steward(signed(Alice), commons, alice.clone()));
		assert_noop!(
			crate::Commons::add_steward(signed(Alice), commons, alice.clone()),
			CommonsError::<Runtime>::NotSteward
		);

		// The defence: a Standard proposal removes Dave, though he is the last steward of an
		// archived commons; the DAO appoints Bob and revives the commons.
		let remove = RuntimeCall::Commons(pallet_ostrom_commons::Call::remove_steward {
			commons,
			steward: dave.clone(),
		});
		super::governance::decide(Track::Standard, remove, [1, 1, 1]);
		let record = pallet_ostrom_commons::Commons::<Runtime>::get(commons).unwrap();
		assert!(record.stewards.is_empty(), "the rogue steward is gone");
		assert_eq!(acting_stewards(commons), 0, "frozen until the DAO appoints a steward");
		assert_ok!(crate::Commons::add_steward(RuntimeOrigin::root(), commons, account(Bob)));
		assert_ok!(crate::Commons::unarchive(RuntimeOrigin::root(), commons));
		let record = pallet_ostrom_commons::Commons::<Runtime>::get(commons).unwrap();
		assert_eq!(record.status, CommonsStatus::Active);
		assert_eq!(record.stewards.to_vec(), vec![account(Bob)]);
		assert!(is_acting_steward(commons, &account(Bob)) && !is_acting_steward(commons, &dave));
		assert_noop!(
			crate::Commons::archive(signed(Dave), commons),
			CommonsError::<Runtime>::NotSteward
		);
		assert_ok!(crate::Commons::add_steward(signed(Bob), commons, alice));
		check_invariants();
	});
}

#[test]
fn a_member_removed_by_the_dao_and_admitted_again_stewards_nothing() {
	use pallet_ostrom_commons::Error as CommonsError;
	in_development_chain(|| {
		let dave = account(Dave);
		add_members(core::slice::from_ref(&dave));
		let commons = register_commons(&account(Alice));
		assert_ok!(crate::Commons::add_steward(signed(Alice), commons, dave.clone()));
		assert_eq!(acting_stewards(commons), 2);
		// The DAO removes Dave; later it admits him again.
		assert_ok!(Membership::remove_member(RuntimeOrigin::root(), dave.clone()));
		run_to_block(System::block_number() + 1);
		add_members(core::slice::from_ref(&dave));
		assert!(!is_acting_steward(commons, &dave), "his old stewardship is void");
		assert_eq!(acting_stewards(commons), 1);
		assert_noop!(
			crate::Commons::archive(signed(Dave), commons),
			CommonsError::<Runtime>::StewardshipVoid
		);
		assert_noop!(
			crate::Commons::remove_steward(signed(Dave), commons, account(Alice)),
			CommonsError::<Runtime>::StewardshipVoid
		);
		// Anyone reaps the void stewardship, for free.
		let reaped = crate::Commons::reap_steward(signed(Eve), commons, dave.clone());
		assert_eq!(reaped.map(|info| info.pays_fee), Ok(frame_support::dispatch::Pays::No));
		let record = pallet_ostrom_commons::Commons::<Runtime>::get(commons).unwrap();
		assert_eq!(record.stewards.to_vec(), vec![account(Alice)]);
		check_invariants();
	});
}

#[test]
fn one_member_cannot_flood_a_commons_queue() {
	use frame_support::traits::Get;
	use pallet_ostrom_commons::{ContributionStatus, Error as CommonsError};
	in_development_chain(|| {
		let flooder = account(Dave);
		add_members(core::slice::from_ref(&flooder));
		let commons = register_commons(&account(Alice));
		let before = Balances::free_balance(&flooder);
		let per_contributor =
			<Runtime as pallet_ostrom_commons::Config>::MaxPendingPerContributor::get();
		let deposit = crate::configs::dao::ContributionDeposit::get();
		let flood: Vec<_> =
			(0..per_contributor).map(|_| contribute_to(commons, &flooder)).collect();
		assert_noop!(
			crate::Commons::contribute(
				RuntimeOrigin::signed(flooder.clone()),
				commons,
				Default::default(),
				Default::default()
			),
			CommonsError::<Runtime>::TooManyPendingFromContributor
		);
		// Each pending contribution holds a deposit; others still get in.
		assert_eq!(held_for_contributions(&flooder), deposit * per_contributor as crate::Balance);
		assert!(Balances::free_balance(&flooder) < before);
		let honest = contribute_to(commons, &account(Bob));
		// Alice, the steward, dismisses the flood: the queue empties, the deposits come back.
		for id in &flood {
			assert_ok!(crate::Commons::dismiss_contribution(signed(Alice), *id));
			assert_eq!(contribution_status(*id), ContributionStatus::Dismissed);
		}
		assert_eq!(held_for_contributions(&flooder), 0);
		let record = pallet_ostrom_commons::Commons::<Runtime>::get(commons).unwrap();
		assert_eq!(record.pending_contributions, 1);
		assert_eq!(contribution_status(honest), ContributionStatus::Pending);
		check_invariants();
	});
}

#[test]
fn a_ring_of_members_approving_each_other_earns_nothing_and_reputation_is_capped() {
	use ostrom_primitives::MembershipInspect;
	use pallet_ostrom_commons::{ContributionStatus, Error as CommonsError};
	in_development_chain(|| {
		let ring: Vec<AccountId> = (0..3).map(|i| someone(6, i)).collect();
		add_members(&ring);
		let commons = register_commons(&account(Alice));
		// The attack: each ring member approves the others' contributions.
		let contributions: Vec<_> = ring.iter().map(|who| contribute_to(commons, who)).collect();
		for (n, id) in contributions.iter().enumerate() {
			let (first, second) = (&ring[(n + 1) % 3], &ring[(n + 2) % 3]);
			review(first, *id, true);
			assert_noop!(
				crate::Commons::review(RuntimeOrigin::signed(second.clone()), *id, true),
				CommonsError::<Runtime>::StewardApprovalNeeded
			);
			assert_eq!(contribution_status(*id), ContributionStatus::Pending);
		}
		for who in &ring {
			assert_eq!(Membership::reputation(who), 0, "the ring earned nothing");
		}

		// Even with a steward's approval, one member earns at most the cap per epoch.
		let cap = crate::configs::dao::MaxReputationPerEpoch::get();
		let per_contribution = crate::configs::dao::ReputationPerContribution::get();
		let worker = &ring[0];
		let mut accepted = 0;
		while Membership::reputation(worker) < cap {
			let id = contribute_to(commons, worker);
			review(&account(Alice), id, true);
			review(&account(Bob), id, true);
			assert_eq!(contribution_status(id), ContributionStatus::Accepted);
			accepted += 1;
		}
		assert_eq!(accepted, cap / per_contribution);
		let id = contribute_to(commons, worker);
		review(&account(Alice), id, true);
		review(&account(Bob), id, true);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Commons(pallet_ostrom_commons::Event::ContributionAccepted {
				contribution: id,
				contributor: worker.clone(),
				reputation: 0,
			})));
		assert_eq!(Membership::reputation(worker), cap);
		// The next epoch opens a new allowance.
		jump_to(epoch_start(1));
		let id = contribute_to(commons, worker);
		review(&account(Alice), id, true);
		review(&account(Bob), id, true);
		assert_eq!(Membership::reputation(worker), cap + per_contribution);
		check_invariants();
	});
}

#[test]
fn two_members_who_are_not_stewards_cannot_reject_and_slash_a_contribution() {
	use pallet_ostrom_commons::{ContributionStatus, Error as CommonsError};
	in_development_chain(|| {
		let dave = account(Dave);
		add_members(core::slice::from_ref(&dave));
		let commons = register_commons(&account(Alice));
		let deposit = crate::configs::dao::ContributionDeposit::get();
		let id = contribute_to(commons, &dave);
		// The attack: Bob and Charlie, who steward nothing here, reject Dave's contribution.
		review(&account(Bob), id, false);
		assert_noop!(
			crate::Commons::review(signed(Charlie), id, false),
			CommonsError::<Runtime>::StewardRejectionNeeded
		);
		assert_eq!(contribution_status(id), ContributionStatus::Pending);
		assert_eq!(held_for_contributions(&dave), deposit);
		// A steward's rejection decides: the deposit goes to the treasury, not to the commons.
		let pot = Balances::free_balance(Treasury::pot());
		review(&account(Alice), id, false);
		assert_eq!(contribution_status(id), ContributionStatus::Rejected);
		assert_eq!(held_for_contributions(&dave), 0);
		assert_eq!(Balances::free_balance(Treasury::pot()), pot + deposit);
		assert_eq!(Balances::free_balance(Treasury::commons_account(commons)), 0);
		check_invariants();
	});
}

/// Opens a round with `pool` as a passed Standard proposal would (root may do all the DAO
/// does): enrolment for 10 blocks, gifts for 50.
fn open_round(pool: u128) -> ostrom_primitives::RoundId {
	let round = pallet_ostrom_treasury::NextRoundId::<Runtime>::get();
	assert_ok!(Treasury::open_round(RuntimeOrigin::root(), pool, 10, 50));
	round
}

fn enrol(steward: &AccountId, round: u32, commons: ostrom_primitives::CommonsId) {
	assert_ok!(Treasury::enrol(RuntimeOrigin::signed(steward.clone()), round, commons));
}

fn give(who: &AccountId, round: u32, commons: ostrom_primitives::CommonsId, amount: u128) {
	assert_ok!(Treasury::give(RuntimeOrigin::signed(who.clone()), round, commons, amount));
}

fn finalize(round: u32) {
	let ends_at = pallet_ostrom_treasury::Rounds::<Runtime>::get(round).unwrap().ends_at;
	jump_to(ends_at);
	assert_ok!(Treasury::finalize_round(signed(Eve), round));
}

fn matched(round: u32, commons: ostrom_primitives::CommonsId) -> u128 {
	pallet_ostrom_treasury::RoundCommons::<Runtime>::get(round, commons).unwrap().matched
}

#[test]
fn two_colluders_cannot_take_the_matching_pool() {
	in_development_chain(|| {
		// Ten honest members give 1 OST each to a commons; a steward and a friend, and two
		// friends of another commons, give 5,000 OST each to theirs.
		let honest: Vec<AccountId> = (0..10).map(|i| someone(3, i)).collect();
		let (steward, friend) = (someone(4, 0), someone(4, 1));
		let (other_steward, pair) = (someone(4, 2), [someone(4, 3), someone(4, 4)]);
		let keeper = someone(3, 100);
		add_members(&honest);
		add_members(&[steward.clone(), friend.clone(), other_steward.clone(), keeper.clone()]);
		add_members(&pair);
		for rich in [&steward, &friend, &pair[0], &pair[1]] {
			Balances::set_balance(rich, 10_000 * UNIT);
		}
		let (shared, own, theirs) = (
			register_commons(&keeper),
			register_commons(&steward),
			register_commons(&other_steward),
		);
		let pool = 1_000 * UNIT;
		let round = open_round(pool);
		enrol(&keeper, round, shared);
		enrol(&steward, round, own);
		enrol(&other_steward, round, theirs);
		for who in &honest {
			give(who, round, shared, UNIT);
		}
		give(&steward, round, own, 5_000 * UNIT);
		give(&friend, round, own, 5_000 * UNIT);
		give(&pair[0], round, theirs, 5_000 * UNIT);
		give(&pair[1], round, theirs, 5_000 * UNIT);
		finalize(round);

		// Plain QF would have matched each colluding commons 2·5,000 = 10,000 OST: nearly all
		// of the pool. Here the steward's own gift is not matched (no pair is left), and the
		// two friends' pair earns less than 2·M = 200 OST (M = 100 OST on this chain).
		assert_eq!(matched(round, own), 0);
		let bound = 2 * 100 * UNIT;
		assert!(matched(round, theirs) < bound, "{} ≥ 200 OST", matched(round, theirs));
		assert!(matched(round, theirs) <= pool / 4);
		// The honest commons: 45 pairs of 2·1·1 · 100/101 OST.
		assert_eq!(matched(round, shared), 45 * (2 * UNIT * 100 / 101));
		check_invariants();
	});
}

#[test]
fn slot_squatting_costs_deposits_and_the_dao_clears_it() {
	in_development_chain(|| {
		let (squatter, honest) = (someone(5, 0), someone(5, 1));
		add_members(&[squatter.clone(), honest.clone()]);
		let squatted: Vec<_> = (0..3).map(|_| register_commons(&squatter)).collect();
		let honest_commons = register_commons(&honest);
		let round = open_round(100 * UNIT);
		let before = Balances::free_balance(&squatter);
		for commons in &squatted {
			enrol(&squatter, round, *commons);
		}
		// Each place costs a registration and an enrolment deposit: 30 OST, 1,920 OST for all
		// 64 places of a round; no one enrols a commons they do not steward.
		assert_eq!(before - Balances::free_balance(&squatter), 3 * 10 * UNIT);
		assert_noop!(
			Treasury::enrol(RuntimeOrigin::signed(squatter.clone()), round, honest_commons),
			pallet_ostrom_treasury::Error::<Runtime>::NotSteward
		);
		enrol(&honest, round, honest_commons);
		// One giver takes at most 16 places; the DAO excludes the squatted commons: their
		// deposits go to the pot and their gifts go back, freeing the places.
		give(&squatter, round, squatted[0], UNIT);
		let pot = Balances::free_balance(Treasury::pot());
		for commons in &squatted {
			assert_ok!(Treasury::exclude_commons(RuntimeOrigin::root(), round, *commons));
		}
		assert_eq!(Balances::free_balance(Treasury::pot()), pot + 3 * 10 * UNIT);
		assert_ok!(Treasury::refund_gifts(signed(Eve), round, squatted[0]));
		assert_eq!(pallet_ostrom_treasury::Rounds::<Runtime>::get(round).unwrap().gifts, 0);
		// Nothing can be enrolled once the window closed; a round can be cancelled outright.
		jump_to(System::block_number() + 10);
		assert_noop!(
			Treasury::enrol(RuntimeOrigin::signed(squatter.clone()), round, squatted[0]),
			pallet_ostrom_treasury::Error::<Runtime>::EnrolmentClosed
		);
		assert_ok!(Treasury::cancel_round(RuntimeOrigin::root(), round));
		assert_eq!(pallet_ostrom_treasury::Earmarked::<Runtime>::get(), 0);
		check_invariants();
	});
}

#[test]
fn archiving_a_commons_mid_round_stops_its_payout() {
	in_development_chain(|| {
		let (steward, givers) = (someone(6, 0), [someone(6, 1), someone(6, 2)]);
		add_members(std::slice::from_ref(&steward));
		add_members(&givers);
		let commons = register_commons(&steward);
		let round = open_round(100 * UNIT);
		enrol(&steward, round, commons);
		give(&givers[0], round, commons, 50 * UNIT);
		give(&givers[1], round, commons, 50 * UNIT);
		assert_ok!(crate::Commons::archive(RuntimeOrigin::signed(steward.clone()), commons));
		finalize(round);
		assert_eq!(matched(round, commons), 0);
		assert_eq!(Balances::free_balance(Treasury::commons_account(commons)), 0);
		assert_ok!(Treasury::refund_gifts(signed(Eve), round, commons));
		assert_eq!(Balances::free_balance(&givers[0]), 1_000 * UNIT);
		check_invariants();
	});
}

#[test]
fn anyone_pays_a_grant_whose_beneficiary_cannot_sign() {
	in_development_chain(|| {
		// A grant to a commons' account: no key can claim it.
		let account = Treasury::commons_account(7);
		assert_ok!(Treasury::grant(RuntimeOrigin::root(), account.clone(), 10 * UNIT, 10));
		jump_to(System::block_number() + 10);
		assert_ok!(Treasury::claim_grant_for(signed(Eve), 0));
		assert_eq!(Balances::free_balance(&account), 10 * UNIT);
		assert_eq!(pallet_ostrom_treasury::Earmarked::<Runtime>::get(), 0);
		check_invariants();
	});
}

#[test]
fn filling_the_open_rounds_takes_a_dao_decision_per_round_and_hides_no_round() {
	use frame_support::traits::Get;
	use ostrom_runtime_api::{MAX_PAGE, MAX_SCAN};
	use pallet_ostrom_treasury::Error as TreasuryError;
	in_development_chain(|| {
		let most = <Runtime as pallet_ostrom_treasury::Config>::MaxOpenRounds::get();
		// `dao_treasury` lists every open round on its one page.
		assert!(most <= MAX_PAGE);
		// A member cannot open rounds (or make grants) to fill the index: only a passed proposal.
		let attacker = someone(9, 0);
		add_members(std::slice::from_ref(&attacker));
		let as_attacker = || RuntimeOrigin::signed(attacker.clone());
		assert_noop!(Treasury::open_round(as_attacker(), UNIT, 10, 50), DispatchError::BadOrigin);
		assert_noop!(
			Treasury::grant(as_attacker(), attacker.clone(), UNIT, 10),
			DispatchError::BadOrigin
		);
		// The round to hide, opened by a passed Standard proposal.
		let first = pallet_ostrom_treasury::NextRoundId::<Runtime>::get();
		let call = RuntimeCall::Treasury(pallet_ostrom_treasury::Call::open_round {
			matching: 100 * UNIT,
			enrolment: 10,
			duration: 50,
		});
		super::governance::decide(Track::Standard, call, [1, 1, 1]);
		// More rounds opened and cancelled after it than views once looked at (the newest
		// `MAX_SCAN`): it stays listed. Root stands in for the DAO's decisions from here on.
		for _ in 0..MAX_SCAN {
			let round = open_round(UNIT);
			assert_ok!(Treasury::cancel_round(RuntimeOrigin::root(), round));
		}
		// Filling the index takes one passed proposal per round, and then it is refused.
		for _ in 1..most {
			open_round(UNIT);
		}
		assert_noop!(
			Treasury::open_round(RuntimeOrigin::root(), UNIT, 10, 50),
			TreasuryError::<Runtime>::TooManyOpenRounds
		);
		let listed = crate::views::treasury().open_rounds;
		assert_eq!(listed.len(), most as usize);
		assert_eq!(listed.last().map(|round| round.id), Some(first));
		// Rounds take gifts for at most 30 days; anyone finalises an ended one, which makes room.
		finalize(first);
		open_round(UNIT);
		check_invariants();
	});
}

#[test]
fn filling_the_live_grants_takes_a_dao_decision_per_grant() {
	use frame_support::traits::Get;
	use pallet_ostrom_treasury::Error as TreasuryError;
	in_development_chain(|| {
		let most = <Runtime as pallet_ostrom_treasury::Config>::MaxLiveGrants::get();
		let grantee = someone(9, 1);
		// One passed proposal per grant (root stands in for them): 1,024 decisions fill the
		// index, and the next grant is refused.
		for _ in 0..most {
			assert_ok!(Treasury::grant(RuntimeOrigin::root(), grantee.clone(), UNIT, 10));
		}
		assert_noop!(
			Treasury::grant(RuntimeOrigin::root(), grantee.clone(), UNIT, 10),
			TreasuryError::<Runtime>::TooManyLiveGrants
		);
		// Anyone pays out a grant that has vested, which makes room.
		jump_to(System::block_number() + 10);
		assert_ok!(Treasury::claim_grant_for(signed(Eve), 0));
		assert_ok!(Treasury::grant(RuntimeOrigin::root(), grantee, UNIT, 10));
		check_invariants();
	});
}

#[test]
fn one_steward_cannot_empty_a_shared_commons_account() {
	in_development_chain(|| {
		let stewards = [someone(7, 0), someone(7, 1), someone(7, 2)];
		add_members(&stewards);
		let commons = register_commons(&stewards[0]);
		for other in &stewards[1..] {
			assert_ok!(crate::Commons::add_steward(
				RuntimeOrigin::signed(stewards[0].clone()),
				commons,
				other.clone()
			));
		}
		let account = Treasury::commons_account(commons);
		Balances::set_balance(&account, 1_000 * UNIT);
		let rogue = RuntimeOrigin::signed(stewards[0].clone());
		// The rogue cannot push the others out, and friends appointed now do not count for
		// two weeks: long enough for a Standard proposal to remove them.
		assert_noop!(
			crate::Commons::remove_steward(rogue.clone(), commons, stewards[1].clone()),
			pallet_ostrom_commons::Error::<Runtime>::RemovalNeedsDao
		);
		jump_to(System::block_number() + 14 * crate::DAYS);
		let friends = [someone(7, 3), someone(7, 4), someone(7, 5)];
		add_members(&friends);
		for friend in &friends {
			assert_ok!(crate::Commons::add_steward(rogue.clone(), commons, friend.clone()));
		}
		assert_ok!(Treasury::propose_commons_spend(
			rogue.clone(),
			commons,
			account_of(1),
			900 * UNIT
		));
		for friend in &friends {
			assert_ok!(Treasury::approve_commons_spend(
				RuntimeOrigin::signed(friend.clone()),
				commons,
				0
			));
		}
		assert_eq!(
			Balances::free_balance(&account),
			1_000 * UNIT,
			"fresh friends count for nothing"
		);
		assert_ok!(Treasury::remove_commons_spend(rogue.clone(), commons, 0));
		for friend in &friends {
			assert_ok!(crate::Commons::remove_steward(
				RuntimeOrigin::root(),
				commons,
				friend.clone()
			));
		}
		// Alone: at most 100 OST per spending period.
		assert_noop!(
			Treasury::spend_commons_funds(rogue.clone(), commons, stewards[0].clone(), 101 * UNIT),
			pallet_ostrom_treasury::Error::<Runtime>::OverStewardAllowance
		);
		assert_ok!(Treasury::spend_commons_funds(
			rogue.clone(),
			commons,
			account_of(0),
			100 * UNIT
		));
		assert_noop!(
			Treasury::spend_commons_funds(rogue.clone(), commons, account_of(0), UNIT),
			pallet_ostrom_treasury::Error::<Runtime>::OverStewardAllowance
		);
		// More takes a majority of the seasoned stewards: one of three proposing pays nothing.
		assert_ok!(Treasury::propose_commons_spend(rogue, commons, account_of(0), 800 * UNIT));
		assert_eq!(Balances::free_balance(&account), 900 * UNIT);
		assert_ok!(Treasury::approve_commons_spend(
			RuntimeOrigin::signed(stewards[1].clone()),
			commons,
			1
		));
		assert_eq!(Balances::free_balance(&account), 100 * UNIT);
		check_invariants();
	});
}

/// A fresh account to pay.
fn account_of(index: u32) -> AccountId {
	let mut bytes = [8u8; 32];
	bytes[1..5].copy_from_slice(&index.to_le_bytes());
	AccountId::from(bytes)
}

/// An upgrade between a proposal's approval and its enactment that renumbers calls: the bytes
/// voted on would then decode as another call than the one voted on. The test stands for it by
/// recording what the earlier runtime (spec_version 99) named those bytes: `Membership.add_member`.
#[test]
fn an_upgrade_that_changes_what_a_pending_call_decodes_to_does_not_dispatch_it() {
	in_development_chain(|| {
		let eve_before = Balances::free_balance(account(Eve));
		let spend = RuntimeCall::Treasury(pallet_ostrom_treasury::Call::spend {
			beneficiary: account(Eve),
			amount: 100 * UNIT,
		});
		let id = pallet_ostrom_proposals::NextProposalId::<Runtime>::get();
		let inline = Bounded::Inline(BoundedVec::try_from(spend.encode()).unwrap());
		assert_ok!(Proposals::submit(
			signed(Alice),
			Track::Standard,
			ProposalKind::Call(inline),
			Default::default()
		));
		for voter in [Alice, Bob, Charlie] {
			assert_ok!(QuadraticVoting::vote(signed(voter), id, true, 2));
		}
		run_to_block(System::block_number() + development_rules().voting_period);
		assert_ok!(Proposals::close(signed(Dave), id));
		pallet_ostrom_proposals::Proposals::<Runtime>::mutate(id, |proposal| {
			let proposal = proposal.as_mut().unwrap();
			proposal.spec_version = 99;
			proposal.call_name =
				Some(pallet_ostrom_proposals::CallName::new("Membership", "add_member"));
		});

		run_to_block(System::block_number() + development_rules().enactment_delay);
		let refused = pallet_ostrom_proposals::Event::Executed {
			id,
			result: Err(ProposalsError::<Runtime>::CallChanged.into()),
		};
		assert!(System::events()
			.iter()
			.any(|record| record.event == RuntimeEvent::Proposals(refused.clone())));
		assert_eq!(
			pallet_ostrom_proposals::Proposals::<Runtime>::get(id).unwrap().status,
			ProposalStatus::Executed
		);
		assert_eq!(Balances::free_balance(account(Eve)), eve_before, "nothing was spent");
		check_invariants();
	});
}

#[test]
fn a_standard_track_majority_cannot_seat_a_validator() {
	in_development_chain(|| {
		let eve = account(Eve);
		let keys = crate::SessionKeys {
			aura: sp_keyring::Sr25519Keyring::Ferdie.public().into(),
			grandpa: sp_keyring::Ed25519Keyring::Ferdie.public().into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(&eve, keys);
		// The attack: two members pass a Standard proposal that adds their validator.
		let add = RuntimeCall::Validators(pallet_ostrom_validators::Call::add_validator {
			who: eve.clone(),
		});
		let id = submit(&account(Alice), Track::Standard, bounded(add));
		vote(&account(Alice), id, true, 3);
		vote(&account(Bob), id, true, 3);
		assert!(close(id));
		run_to_block(System::block_number() + development_rules().enactment_delay);
		assert!(super::governance::proposal_events().contains(
			&pallet_ostrom_proposals::Event::Executed { id, result: Err(DispatchError::BadOrigin) }
		));
		assert!(pallet_ostrom_validators::Approved::<Runtime>::get().len() == 1);
		// Nor directly with the DAO origin, nor signed.
		assert_noop!(
			crate::Validators::add_validator(
				pallet_ostrom_proposals::Origin::Dao.into(),
				eve.clone()
			),
			DispatchError::BadOrigin
		);
		assert_noop!(crate::Validators::add_validator(signed(Eve), eve), DispatchError::BadOrigin);
		crate::Validators::do_try_state().unwrap();
	});
}

#[test]
fn no_account_registers_session_keys_it_does_not_hold() {
	in_development_chain(|| {
		// The attack: Eve claims Alice's validator keys, to take her fees or her slot.
		let alice_keys = pallet_session::NextKeys::<Runtime>::get(account(Alice)).unwrap();
		let forged_proof = (
			sp_core::sr25519::Signature::from_raw([7; 64]),
			sp_core::ed25519::Signature::from_raw([7; 64]),
		)
			.encode();
		assert_noop!(
			crate::Session::set_keys(signed(Eve), alice_keys.clone(), forged_proof),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		assert_noop!(
			crate::Session::set_keys(signed(Eve), alice_keys, Vec::new()),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		assert!(pallet_session::NextKeys::<Runtime>::get(account(Eve)).is_none());
		crate::Validators::do_try_state().unwrap();
	});
}

#[test]
fn two_validators_cannot_shrink_the_set_below_its_floor_by_purging_keys_and_falling_silent() {
	super::ext_from_preset(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		use pallet_authorship::EventHandler;
		System::set_block_number(1);
		let [alice, bob, charlie, dave] = [Alice, Bob, Charlie, Dave].map(account);
		let rules = pallet_ostrom_validators::Rules::<Runtime>::get();
		assert_eq!(rules.min_validators, 3);
		// The attack: Dave purges his keys, so that he leaves the set yet stays approved, and
		// Charlie falls silent: were Dave counted towards the floor, Charlie would be parked
		// and Alice and Bob alone would validate, each of them able to halt finality.
		assert_ok!(crate::Session::purge_keys(signed(Dave)));
		// Each rotation ends a session in which Alice and Bob authored and Charlie did not.
		for _ in 0..rules.max_missed_sessions + 3 {
			for author in [&alice, &bob] {
				<crate::Validators as EventHandler<AccountId, _>>::note_author(author.clone());
			}
			crate::Session::rotate_session();
			crate::Validators::do_try_state().unwrap();
		}
		assert!(!pallet_ostrom_validators::Parked::<Runtime>::contains_key(&charlie));
		assert_eq!(crate::Session::validators(), vec![alice, bob, charlie.clone()]);
		assert!(pallet_ostrom_validators::Approved::<Runtime>::get().contains(&dave));
		let missed = pallet_ostrom_validators::MissedSessions::<Runtime>::get(&charlie);
		assert_eq!(missed, Some(rules.max_missed_sessions + 3), "Charlie missed every session");
		// Nor may the DAO take Charlie out before his successor is in.
		assert_noop!(
			crate::Validators::remove_validator(RuntimeOrigin::root(), charlie),
			pallet_ostrom_validators::Error::<Runtime>::BelowMinimum
		);
	});
}
