//! The whole-DAO views of `OstromApi` in the real runtime: each view shows what the extrinsics
//! did, unknown ids give nothing, pages are bounded, calls are named without decoding their
//! preimages, and the JSON reads as documented.

use super::governance::{account, check_invariants, decide, in_development_chain, signed};
use crate::{
	configs::dao::{EpochLength, CREDITS_PER_EPOCH},
	genesis_config_presets::{development_rules, TREASURY_ENDOWMENT},
	views, Balances, Commons, Membership, Preimage, Proposals, QuadraticVoting, Runtime,
	RuntimeCall, System, Treasury, EXISTENTIAL_DEPOSIT, UNIT,
};
use frame_support::{
	traits::{Bounded, Get, GetCallMetadata},
	BoundedVec,
};
use ostrom_primitives::ProposalId;
use ostrom_runtime_api::{
	ContributionCounts, MemberStatusName, ProposalKindName, ProposalStatusName, MAX_PAGE, MAX_SCAN,
};
use ostrom_runtime_api::{MemberView, Page};
use pallet_ostrom_commons::{CommonsKind, CommonsStatus, ContributionStatus};
use pallet_ostrom_membership::MemberStatus;
use pallet_ostrom_proposals::{CallName, ProposalKind, Track, MAX_CALL_NAME_LEN};
use sp_core::{crypto::Ss58Codec, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::{traits::Hash, Perbill};

fn text<Bound: Get<u32>>(bytes: &str) -> BoundedVec<u8, Bound> {
	BoundedVec::truncate_from(bytes.as_bytes().to_vec())
}

/// The accounts of a page of members or applicants, and its `next`.
fn accounts<Balance, BlockNumber>(
	page: Page<MemberView<crate::AccountId, Balance, BlockNumber>, crate::AccountId>,
) -> (Vec<crate::AccountId>, Option<crate::AccountId>) {
	(page.items.into_iter().map(|m| m.account).collect(), page.next)
}

fn submit_signal(statement: &str) -> ProposalId {
	let id = pallet_ostrom_proposals::NextProposalId::<Runtime>::get();
	Proposals::submit(signed(Alice), Track::Standard, ProposalKind::Signal, text(statement))
		.unwrap();
	id
}

#[test]
fn a_proposal_shows_its_call_tally_and_status() {
	in_development_chain(|| {
		let spend = RuntimeCall::Treasury(pallet_ostrom_treasury::Call::spend {
			beneficiary: account(Ferdie),
			amount: UNIT,
		});
		let id = decide(Track::Standard, spend, [2, 1, 0]);
		let view = views::proposal(id).unwrap();
		assert_eq!(view.proposer, account(Alice));
		assert_eq!((view.track, view.kind), (Track::Standard, ProposalKindName::Call));
		assert_eq!(view.call.as_deref(), Some(&b"Treasury.spend"[..]));
		assert_eq!(view.status, ProposalStatusName::Executed);
		assert_eq!(view.voting_ends, view.submitted_at + development_rules().voting_period);
		let tally = view.tally;
		assert_eq!((tally.ayes, tally.nays, tally.voters, tally.credits), (3, 0, 2, 5));
		assert_eq!(tally.eligible, 3);
		assert_eq!(tally.turnout, Perbill::from_parts(666_666_666), "two of three voted");
		assert_eq!(
			(tally.quorum, tally.approval),
			(Perbill::from_percent(50), Perbill::from_percent(50))
		);
		assert!(tally.passing);
		assert_eq!(views::tally(id), Some(tally));

		// A fresh signal: no votes, not passing, nothing to enact.
		let signal = submit_signal("plant an orchard");
		let view = views::proposal(signal).unwrap();
		assert_eq!(
			(view.kind, view.call, view.status),
			(ProposalKindName::Signal, None, ProposalStatusName::Voting)
		);
		assert_eq!(view.metadata, b"plant an orchard".to_vec());
		assert_eq!(view.deposit, development_rules().proposal_deposit);
		assert_eq!(
			(view.tally.voters, view.tally.turnout, view.tally.passing),
			(0, Perbill::zero(), false)
		);

		assert_eq!(views::proposal(signal + 1), None);
		assert_eq!(views::tally(signal + 1), None);
	});
}

#[test]
fn an_approved_call_shows_its_enactment_block() {
	in_development_chain(|| {
		let spend = RuntimeCall::Treasury(pallet_ostrom_treasury::Call::spend {
			beneficiary: account(Ferdie),
			amount: UNIT,
		});
		let id = pallet_ostrom_proposals::NextProposalId::<Runtime>::get();
		let inline = frame_support::traits::Bounded::Inline(BoundedVec::truncate_from(
			codec::Encode::encode(&spend),
		));
		Proposals::submit(signed(Alice), Track::Standard, ProposalKind::Call(inline), text(""))
			.unwrap();
		QuadraticVoting::vote(signed(Alice), id, true, 1).unwrap();
		QuadraticVoting::vote(signed(Bob), id, true, 1).unwrap();
		super::governance::run_to_block(System::block_number() + development_rules().voting_period);
		Proposals::close(signed(Dave), id).unwrap();
		let view = views::proposal(id).unwrap();
		assert_eq!(view.status, ProposalStatusName::Approved);
		assert_eq!(
			view.enactment,
			Some(System::block_number() + development_rules().enactment_delay)
		);
		assert_eq!(view.deposit, 0, "the deposit is released at close");
	});
}

#[test]
fn proposals_are_paged_and_filtered_by_status() {
	in_development_chain(|| {
		let ids: Vec<u32> = (0..5).map(|n| submit_signal(&format!("signal {n}"))).collect();
		Proposals::cancel(signed(Alice), ids[1]).unwrap();
		Proposals::cancel(signed(Alice), ids[3]).unwrap();
		check_invariants();

		let all = views::proposals(None, 0, MAX_PAGE);
		assert_eq!(all.items.iter().map(|p| p.id).collect::<Vec<_>>(), ids);
		assert_eq!(all.next, None);

		let voting = views::proposals(Some(ProposalStatusName::Voting), 0, MAX_PAGE);
		assert_eq!(voting.items.iter().map(|p| p.id).collect::<Vec<_>>(), vec![0, 2, 4]);
		let cancelled = views::proposals(Some(ProposalStatusName::Cancelled), 2, MAX_PAGE);
		assert_eq!(cancelled.items.iter().map(|p| p.id).collect::<Vec<_>>(), vec![3]);

		let first = views::proposals(None, 0, 2);
		assert_eq!((first.items.len(), first.next), (2, Some(2)));
		let rest = views::proposals(None, first.next.unwrap(), 10);
		assert_eq!(rest.items.iter().map(|p| p.id).collect::<Vec<_>>(), vec![2, 3, 4]);
		assert_eq!(views::proposals(None, 0, MAX_PAGE + 50).items.len(), 5, "limit is capped");
		assert!(views::proposals(None, 99, 10).items.is_empty());

		// A filtered page stops at its limit and goes on at the next proposal in the status.
		let first_voting = views::proposals(Some(ProposalStatusName::Voting), 0, 2);
		assert_eq!(first_voting.items.iter().map(|p| p.id).collect::<Vec<_>>(), vec![0, 2]);
		assert_eq!(first_voting.next, Some(4));
		let rest = views::proposals(Some(ProposalStatusName::Voting), 3, 2);
		assert_eq!(
			(rest.items.iter().map(|p| p.id).collect::<Vec<_>>(), rest.next),
			(vec![4], None)
		);
		// A limit of zero still moves on, so that a pager calling the API directly ends.
		let zero = views::proposals(None, 0, 0);
		assert_eq!((zero.items.len(), zero.next), (1, Some(1)));
		let zero = views::proposals(Some(ProposalStatusName::Cancelled), 0, 0);
		assert_eq!(
			(zero.items.iter().map(|p| p.id).collect::<Vec<_>>(), zero.next),
			(vec![1], Some(3))
		);
	});
}

#[test]
fn a_page_of_all_proposals_looks_at_no_more_than_max_scan_ids() {
	in_development_chain(|| {
		let first = submit_signal("the first");
		// Numbers far ahead, as if many proposals existed: one page looks at `MAX_SCAN` of them.
		pallet_ostrom_proposals::NextProposalId::<Runtime>::put(5 * MAX_SCAN);
		let far = submit_signal("far ahead");
		let ids = |status, from| {
			let page = views::proposals(status, from, MAX_PAGE);
			(page.items.iter().map(|p| p.id).collect::<Vec<_>>(), page.next)
		};
		assert_eq!(ids(None, 0), (vec![first], Some(MAX_SCAN)));
		assert_eq!(ids(None, 4 * MAX_SCAN), (vec![], Some(far)));
		assert_eq!(ids(None, far), (vec![far], None));

		// A page of one status reads that status's index: it finds the far proposal at once,
		// without looking at the numbers between.
		assert_eq!(ids(Some(ProposalStatusName::Voting), 0), (vec![first, far], None));
		assert_eq!(ids(Some(ProposalStatusName::Executed), 0), (vec![], None));
	});
}

#[test]
fn a_members_contributions_are_paged_from_their_index() {
	in_development_chain(|| {
		Commons::register(
			signed(Alice),
			text("Seed library"),
			CommonsKind::Food,
			text("CC0-1.0"),
			text(""),
		)
		.unwrap();
		let contribute = |who| {
			let id = pallet_ostrom_commons::NextContributionId::<Runtime>::get();
			Commons::contribute(signed(who), 0, H256::repeat_byte(1), text("seeds")).unwrap();
			id
		};
		let bobs_first = contribute(Bob);
		let charlies = contribute(Charlie);
		// Numbers far ahead, as if many contributions existed.
		pallet_ostrom_commons::NextContributionId::<Runtime>::put(5 * u64::from(MAX_SCAN));
		let bobs_last = contribute(Bob);
		check_invariants();

		let ids = |who, from, limit| {
			let page = views::contributions(account(who), from, limit);
			(page.items.iter().map(|c| c.id).collect::<Vec<_>>(), page.next)
		};
		assert_eq!(ids(Bob, 0, MAX_PAGE), (vec![bobs_first, bobs_last], None));
		assert_eq!(ids(Bob, 0, 1), (vec![bobs_first], Some(bobs_last)));
		assert_eq!(ids(Bob, bobs_last, 1), (vec![bobs_last], None));
		assert_eq!(ids(Bob, bobs_first + 1, MAX_PAGE), (vec![bobs_last], None));
		// A limit of zero still moves on.
		assert_eq!(ids(Bob, 0, 0), (vec![bobs_first], Some(bobs_last)));
		assert_eq!(ids(Charlie, 0, MAX_PAGE), (vec![charlies], None));
		assert_eq!(ids(Ferdie, 0, MAX_PAGE), (vec![], None));
	});
}

#[test]
fn a_page_names_calls_without_reading_the_preimage_they_share() {
	in_development_chain(|| {
		// A megabyte remark, noted once; five proposals point at it.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![7; 1 << 20] });
		let encoded = codec::Encode::encode(&remark);
		let key =
			(<Runtime as frame_system::Config>::Hashing::hash(&encoded), encoded.len() as u32);
		Preimage::note_preimage(signed(Alice), encoded).unwrap();
		let lookup = || ProposalKind::Call(Bounded::Lookup { hash: key.0, len: key.1 });
		let first = pallet_ostrom_proposals::NextProposalId::<Runtime>::get();
		for proposer in [Alice, Bob, Charlie, Alice, Bob] {
			Proposals::submit(signed(proposer), Track::Standard, lookup(), text("")).unwrap();
		}
		let signal = submit_signal("no call");

		// The preimage's bytes vanish: a view that read them could no longer name the call.
		let bytes = pallet_preimage::PreimageFor::<Runtime>::take(key).unwrap();
		let page = views::proposals(None, first, MAX_PAGE);
		let calls: Vec<_> = page.items.iter().map(|p| (p.id, p.call.clone())).collect();
		let remark_name = Some(b"System.remark".to_vec());
		let mut expected: Vec<_> = (first..signal).map(|id| (id, remark_name.clone())).collect();
		expected.push((signal, None));
		assert_eq!(calls, expected);
		assert_eq!(views::proposal(first).unwrap().call, remark_name);
		let json = serde_json::to_value(views::proposal(first + 4).unwrap()).unwrap();
		assert_eq!(json["call"], "System.remark");
		pallet_preimage::PreimageFor::<Runtime>::insert(key, bytes);
	});
}

#[test]
fn every_call_of_the_runtime_is_named_in_full() {
	for pallet in RuntimeCall::get_module_names() {
		assert!(pallet.len() <= MAX_CALL_NAME_LEN as usize, "{pallet} would be cut");
		for function in RuntimeCall::get_call_names(pallet) {
			assert!(function.len() <= MAX_CALL_NAME_LEN as usize, "{pallet}.{function} is cut");
			let name = CallName::new(pallet, function);
			assert_eq!(name.dotted(), format!("{pallet}.{function}").into_bytes());
		}
	}
}

#[test]
fn members_applicants_and_their_credits() {
	in_development_chain(|| {
		let id = submit_signal("vote on me");
		QuadraticVoting::vote(signed(Alice), id, true, 3).unwrap();
		let alice = views::member(account(Alice)).unwrap();
		assert_eq!(
			(alice.status, alice.joined_at, alice.suspended_until),
			(MemberStatusName::Active, Some(0), None)
		);
		assert_eq!(alice.credits_left, CREDITS_PER_EPOCH - 9);
		assert!(alice.sponsors.is_empty());

		let credits = views::voice_credits(account(Alice)).unwrap();
		assert_eq!(
			(credits.epoch, credits.per_epoch, credits.spent, credits.left),
			(0, CREDITS_PER_EPOCH, 9, CREDITS_PER_EPOCH - 9)
		);
		assert_eq!(credits.next_epoch_at, EpochLength::get());

		Membership::apply(signed(Dave), text("dave.example")).unwrap();
		Membership::sponsor(signed(Bob), account(Dave)).unwrap();
		let dave = views::member(account(Dave)).unwrap();
		assert_eq!(
			(dave.status, dave.joined_at, dave.credits_left),
			(MemberStatusName::Applicant, None, 0)
		);
		assert_eq!(dave.sponsors, vec![account(Bob)]);
		assert_eq!(dave.sponsors_required, 2);
		assert_eq!(dave.deposit, 10 * UNIT);
		assert_eq!(views::voice_credits(account(Dave)), None, "applicants have no voice credits");

		pallet_ostrom_membership::Members::<Runtime>::mutate(account(Charlie), |record| {
			record.as_mut().unwrap().status = MemberStatus::Suspended { until: 50 };
		});
		let charlie = views::member(account(Charlie)).unwrap();
		assert_eq!(
			(charlie.status, charlie.suspended_until),
			(MemberStatusName::Suspended, Some(50))
		);
		System::set_block_number(50);
		assert_eq!(views::member(account(Charlie)).unwrap().status, MemberStatusName::Active);

		assert_eq!(views::member(account(Ferdie)), None);
		assert_eq!(views::voice_credits(account(Ferdie)), None);
	});
}

#[test]
fn voice_credits_are_whole_again_in_the_next_epoch() {
	in_development_chain(|| {
		let id = submit_signal("vote on me");
		QuadraticVoting::vote(signed(Bob), id, true, 4).unwrap();
		assert_eq!(views::voice_credits(account(Bob)).unwrap().left, CREDITS_PER_EPOCH - 16);
		System::set_block_number(EpochLength::get() + 5);
		let credits = views::voice_credits(account(Bob)).unwrap();
		assert_eq!((credits.epoch, credits.spent, credits.left), (1, 0, CREDITS_PER_EPOCH));
		assert_eq!(credits.next_epoch_at, 2 * 7 * crate::DAYS);
		assert_eq!(views::member(account(Bob)).unwrap().credits_left, CREDITS_PER_EPOCH);
	});
}

#[test]
fn commons_show_their_stewards_contributions_and_account() {
	in_development_chain(|| {
		Commons::register(
			signed(Alice),
			text("Seed library"),
			CommonsKind::Food,
			text("CC0-1.0"),
			text("https://seeds.example"),
		)
		.unwrap();
		Commons::register(
			signed(Bob),
			text("Tool shed"),
			CommonsKind::Tools,
			text("MIT"),
			text(""),
		)
		.unwrap();
		Commons::contribute(signed(Bob), 0, H256::repeat_byte(7), text("tomato seeds")).unwrap();
		Commons::contribute(signed(Bob), 0, H256::repeat_byte(8), text("bean seeds")).unwrap();
		Commons::contribute(signed(Charlie), 1, H256::repeat_byte(9), text("a rake")).unwrap();
		for reviewer in [Alice, Charlie] {
			Commons::review(signed(reviewer), 0, true).unwrap();
			Commons::review(signed(reviewer), 1, false).unwrap();
		}
		Balances::transfer_keep_alive(signed(Dave), Treasury::commons_account(0).into(), 5 * UNIT)
			.unwrap();
		check_invariants();

		let seeds = views::commons(0).unwrap();
		assert_eq!(seeds.name, b"Seed library".to_vec());
		assert_eq!((seeds.kind, seeds.status), (CommonsKind::Food, CommonsStatus::Active));
		assert_eq!(
			(seeds.license, seeds.uri),
			(b"CC0-1.0".to_vec(), b"https://seeds.example".to_vec())
		);
		assert_eq!((seeds.stewards, seeds.registrant), (vec![account(Alice)], account(Alice)));
		assert_eq!(seeds.deposit, 20 * UNIT);
		assert_eq!(
			seeds.contributions,
			ContributionCounts { pending: 0, accepted: 1, rejected: 1 }
		);
		assert_eq!((seeds.account, seeds.balance), (Treasury::commons_account(0), 5 * UNIT));
		assert_eq!(
			views::commons(1).unwrap().contributions,
			ContributionCounts { pending: 1, accepted: 0, rejected: 0 }
		);
		assert_eq!(views::commons(2), None);

		let page = views::list_commons(0, MAX_PAGE);
		assert_eq!(
			(page.items.iter().map(|c| c.id).collect::<Vec<_>>(), page.next),
			(vec![0, 1], None)
		);
		assert_eq!(views::list_commons(1, 1).items[0].name, b"Tool shed".to_vec());
		assert_eq!(views::list_commons(0, 1).next, Some(1));

		let bobs = views::contributions(account(Bob), 0, MAX_PAGE);
		assert_eq!(
			bobs.items.iter().map(|c| (c.id, c.status)).collect::<Vec<_>>(),
			vec![(0, ContributionStatus::Accepted), (1, ContributionStatus::Rejected)]
		);
		let tomato = &bobs.items[0];
		assert_eq!(
			(tomato.commons, tomato.contributor.clone(), tomato.content_hash),
			(0, account(Bob), H256::repeat_byte(7))
		);
		assert_eq!(
			(tomato.note.as_slice(), tomato.approvals, tomato.rejections),
			(&b"tomato seeds"[..], 2, 0)
		);
		assert_eq!(views::contributions(account(Bob), 1, MAX_PAGE).items.len(), 1);
		assert_eq!(views::contributions(account(Charlie), 0, MAX_PAGE).items[0].id, 2);
		assert!(views::contributions(account(Ferdie), 0, MAX_PAGE).items.is_empty());
	});
}

#[test]
fn the_treasury_shows_its_pot_rounds_and_grants() {
	in_development_chain(|| {
		let fresh = views::treasury();
		assert_eq!(fresh.account, Treasury::pot());
		assert_eq!((fresh.pot, fresh.earmarked), (TREASURY_ENDOWMENT, 0));
		assert_eq!(fresh.spendable, TREASURY_ENDOWMENT - EXISTENTIAL_DEPOSIT);
		// A fifth of 100,000 OST less the pot's existential deposit of 0.001 OST.
		assert_eq!(fresh.spendable_this_period, 19_999_999_800_000_000);
		assert_eq!(
			(fresh.period, fresh.next_period_at, fresh.max_share),
			(15, 15, Perbill::from_percent(20))
		);
		assert!(fresh.open_rounds.is_empty() && fresh.grants.is_empty());

		let open_round = RuntimeCall::Treasury(pallet_ostrom_treasury::Call::open_round {
			matching: 100 * UNIT,
			enrolment: 20,
			duration: 50,
		});
		decide(Track::Standard, open_round, [1, 1, 0]);
		let grant = RuntimeCall::Treasury(pallet_ostrom_treasury::Call::grant {
			beneficiary: account(Ferdie),
			amount: 30 * UNIT,
			blocks: 30,
		});
		decide(Track::Standard, grant, [1, 1, 0]);
		let now = System::block_number();

		let view = views::treasury();
		assert_eq!(view.earmarked, 130 * UNIT);
		assert_eq!(view.open_rounds.len(), 1);
		let round = &view.open_rounds[0];
		assert_eq!(
			(round.id, round.matching, round.given, round.gifts, round.commons),
			(0, 100 * UNIT, 0, 0, 0)
		);
		assert_eq!(view.grants.len(), 1);
		let grant = &view.grants[0];
		assert_eq!(
			(grant.id, grant.beneficiary.clone(), grant.amount, grant.claimed, grant.duration),
			(0, account(Ferdie), 30 * UNIT, 0, 30)
		);
		assert_eq!((grant.start, grant.vested), (now, 0));
		assert_eq!((now, view.next_period_at), (25, 30), "spending periods of 15 blocks");
		// A thirtieth of the grant vests in each of its 30 blocks.
		System::set_block_number(now + 6);
		assert_eq!(views::treasury().grants[0].vested, 6 * UNIT);
	});
}

#[test]
fn views_read_in_json_as_documented() {
	in_development_chain(|| {
		submit_signal("json");
		let proposal = serde_json::to_value(views::proposal(0).unwrap()).unwrap();
		assert_eq!(proposal["proposer"], account(Alice).to_ss58check());
		assert_eq!(proposal["proposer"], "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
		assert_eq!(proposal["deposit"], "10000000000000");
		assert_eq!(proposal["metadata"], "json");
		assert_eq!(
			(proposal["track"].as_str(), proposal["kind"].as_str()),
			(Some("Standard"), Some("Signal"))
		);
		assert_eq!(
			(proposal["status"].as_str(), proposal["call"].is_null()),
			(Some("Voting"), true)
		);
		assert_eq!(proposal["votingEnds"], 11);
		assert_eq!(proposal["tally"]["quorum"], "50%");
		assert_eq!(proposal["tally"]["turnout"], "0%");
		let treasury = serde_json::to_value(views::treasury()).unwrap();
		assert_eq!(treasury["pot"], TREASURY_ENDOWMENT.to_string());
		assert_eq!(treasury["maxShare"], "20%");
		assert!(treasury["openRounds"].as_array().unwrap().is_empty());
	});
}

#[test]
fn members_are_paged_in_storage_order_from_an_account_on() {
	in_development_chain(|| {
		// An applicant is not a member.
		Membership::apply(signed(Dave), text("dave.example")).unwrap();
		check_invariants();
		let stored: Vec<_> = pallet_ostrom_membership::Members::<Runtime>::iter_keys().collect();
		assert_eq!(stored.len(), 3);
		for founder in [Alice, Bob, Charlie] {
			assert!(stored.contains(&account(founder)));
		}

		let all = views::members(None, MAX_PAGE);
		assert_eq!(accounts(all.clone()), (stored.clone(), None));
		// Each member as `member` shows it, credits included.
		for item in &all.items {
			assert_eq!(Some(item), views::member(item.account.clone()).as_ref());
			assert_eq!(item.status, MemberStatusName::Active);
		}

		// Pages of one: `next` is the first account of the next page, and `from` is included.
		let first = views::members(None, 1);
		assert_eq!(accounts(first), (vec![stored[0].clone()], Some(stored[1].clone())));
		let second = views::members(Some(stored[1].clone()), 1);
		assert_eq!(accounts(second), (vec![stored[1].clone()], Some(stored[2].clone())));
		let last = views::members(Some(stored[2].clone()), 1);
		assert_eq!(accounts(last), (vec![stored[2].clone()], None));
		// Pages of two cross the boundary.
		let first = views::members(None, 2);
		assert_eq!(accounts(first), (stored[..2].to_vec(), Some(stored[2].clone())));
		let rest = views::members(Some(stored[2].clone()), 2);
		assert_eq!(accounts(rest), (stored[2..].to_vec(), None));
		// A limit of zero still moves on; a limit above a page is capped.
		assert_eq!(views::members(None, 0).items.len(), 1);
		assert_eq!(views::members(None, MAX_PAGE + 50).items.len(), 3);

		// From an account that is no member (an applicant, or no one), the page goes on at the
		// members stored after it.
		for outsider in [Dave, Ferdie] {
			let (items, next) = accounts(views::members(Some(account(outsider)), MAX_PAGE));
			assert!(stored.ends_with(&items), "{items:?}");
			assert_eq!(next, None);
		}

		// No members, no page (the records are put back for the closing invariant checks).
		let records: Vec<_> = pallet_ostrom_membership::Members::<Runtime>::drain().collect();
		assert_eq!(views::members(None, MAX_PAGE), Page { items: vec![], next: None });
		for (who, record) in records {
			pallet_ostrom_membership::Members::<Runtime>::insert(who, record);
		}
		check_invariants();
	});
}

#[test]
fn applicants_are_paged_with_their_sponsors_and_deposits() {
	in_development_chain(|| {
		assert_eq!(views::applicants(None, MAX_PAGE), Page { items: vec![], next: None });

		for applicant in [Dave, Eve, Ferdie] {
			Membership::apply(signed(applicant), text("applicant.example")).unwrap();
		}
		Membership::sponsor(signed(Bob), account(Dave)).unwrap();
		check_invariants();
		let stored: Vec<_> =
			pallet_ostrom_membership::Applications::<Runtime>::iter_keys().collect();
		assert_eq!(stored.len(), 3);

		let all = views::applicants(None, MAX_PAGE);
		assert_eq!(accounts(all.clone()), (stored.clone(), None));
		let dave = all.items.iter().find(|a| a.account == account(Dave)).unwrap();
		assert_eq!(Some(dave), views::member(account(Dave)).as_ref());
		assert_eq!((dave.status, dave.joined_at), (MemberStatusName::Applicant, None));
		assert_eq!(dave.sponsors, vec![account(Bob)]);
		assert_eq!((dave.sponsors_required, dave.deposit), (2, 10 * UNIT));
		let eve = all.items.iter().find(|a| a.account == account(Eve)).unwrap();
		assert!(eve.sponsors.is_empty());
		// Members are not applicants.
		assert!(all.items.iter().all(|a| a.status == MemberStatusName::Applicant));

		let first = views::applicants(None, 2);
		assert_eq!(accounts(first), (stored[..2].to_vec(), Some(stored[2].clone())));
		let rest = views::applicants(Some(stored[2].clone()), 2);
		assert_eq!(accounts(rest), (stored[2..].to_vec(), None));
		let second = views::applicants(Some(stored[1].clone()), 1);
		assert_eq!(accounts(second), (vec![stored[1].clone()], Some(stored[2].clone())));

		// Once sponsored by two members, Dave is a member and no longer an applicant.
		Membership::sponsor(signed(Alice), account(Dave)).unwrap();
		check_invariants();
		let (applicants, _) = accounts(views::applicants(None, MAX_PAGE));
		assert_eq!(applicants.len(), 2);
		assert!(!applicants.contains(&account(Dave)));
		let (members, _) = accounts(views::members(None, MAX_PAGE));
		assert!(members.contains(&account(Dave)));
	});
}

#[test]
fn a_proposals_votes_are_paged_as_stored_after_replacements_and_removals() {
	in_development_chain(|| {
		let id = submit_signal("vote on me");
		let other = submit_signal("and on me");
		assert_eq!(views::votes(id, None, MAX_PAGE), Page { items: vec![], next: None });

		QuadraticVoting::vote(signed(Alice), id, true, 3).unwrap();
		QuadraticVoting::vote(signed(Bob), id, false, 2).unwrap();
		QuadraticVoting::vote(signed(Charlie), id, true, 1).unwrap();
		QuadraticVoting::vote(signed(Charlie), other, false, 5).unwrap();
		// Bob changes his mind; Charlie withdraws.
		QuadraticVoting::vote(signed(Bob), id, true, 4).unwrap();
		QuadraticVoting::remove_vote(signed(Charlie), id).unwrap();
		check_invariants();

		let stored: Vec<_> =
			pallet_ostrom_quadratic_voting::Votes::<Runtime>::iter_key_prefix(id).collect();
		assert_eq!(stored.len(), 2);
		let all = views::votes(id, None, MAX_PAGE);
		assert_eq!(all.next, None);
		assert_eq!(all.items.iter().map(|v| v.voter.clone()).collect::<Vec<_>>(), stored);
		let vote_of = |who| all.items.iter().find(|v| v.voter == account(who)).unwrap();
		let alice = vote_of(Alice);
		assert_eq!((alice.aye, alice.votes, alice.cost, alice.epoch), (true, 3, 9, 0));
		let bob = vote_of(Bob);
		assert_eq!((bob.aye, bob.votes, bob.cost, bob.epoch), (true, 4, 16, 0), "replaced");
		assert!(all.items.iter().all(|v| v.voter != account(Charlie)), "removed");
		// The tally agrees with the votes shown.
		let tally = views::tally(id).unwrap();
		assert_eq!((tally.ayes, tally.nays, tally.voters, tally.credits), (7, 0, 2, 25));

		let first = views::votes(id, None, 1);
		assert_eq!(first.items, all.items[..1].to_vec());
		assert_eq!(first.next, Some(stored[1].clone()));
		let second = views::votes(id, first.next, 1);
		assert_eq!((second.items, second.next), (all.items[1..].to_vec(), None));
		// From a voter with no vote (Charlie withdrew), the page goes on after them.
		let after_charlie = views::votes(id, Some(account(Charlie)), MAX_PAGE);
		assert!(all.items.ends_with(&after_charlie.items));

		let others = views::votes(other, None, MAX_PAGE);
		assert_eq!(others.items.len(), 1);
		assert_eq!((others.items[0].voter.clone(), others.items[0].aye), (account(Charlie), false));
		assert_eq!(views::votes(other + 1, None, MAX_PAGE), Page { items: vec![], next: None });

		let json = serde_json::to_value(bob).unwrap();
		assert_eq!(
			json,
			serde_json::json!({
				"voter": account(Bob).to_ss58check(),
				"aye": true,
				"votes": 4,
				"cost": 16,
				"epoch": 0,
			})
		);
	});
}

#[test]
fn a_commons_contributions_are_found_by_scanning_at_most_max_scan_ids() {
	in_development_chain(|| {
		for (registrant, name) in [(Alice, "Seed library"), (Bob, "Tool shed")] {
			Commons::register(
				signed(registrant),
				text(name),
				CommonsKind::Food,
				text("MIT"),
				text(""),
			)
			.unwrap();
		}
		assert_eq!(
			views::commons_contributions(0, 0, MAX_PAGE),
			Page { items: vec![], next: None }
		);
		let contribute = |who, commons| {
			let id = pallet_ostrom_commons::NextContributionId::<Runtime>::get();
			Commons::contribute(signed(who), commons, H256::repeat_byte(1), text("seeds")).unwrap();
			id
		};
		let seeds = [contribute(Bob, 0), contribute(Charlie, 0)];
		let rake = contribute(Charlie, 1);
		let beans = contribute(Alice, 0);
		assert_eq!([seeds[0], seeds[1], rake, beans], [0, 1, 2, 3]);
		check_invariants();

		let ids = |commons, from, limit| {
			let page = views::commons_contributions(commons, from, limit);
			(page.items.iter().map(|c| c.id).collect::<Vec<_>>(), page.next)
		};
		assert_eq!(ids(0, 0, MAX_PAGE), (vec![0, 1, 3], None));
		assert_eq!(ids(1, 0, MAX_PAGE), (vec![2], None));
		assert_eq!(ids(2, 0, MAX_PAGE), (vec![], None));
		// Pages across the boundary: `next` is where the page stopped looking.
		assert_eq!(ids(0, 0, 2), (vec![0, 1], Some(2)));
		assert_eq!(ids(0, 2, 2), (vec![3], None));
		assert_eq!(ids(0, 1, 1), (vec![1], Some(2)));
		assert_eq!(ids(0, 0, 0), (vec![0], Some(1)), "a limit of zero still moves on");
		// Each as `contributions` shows it.
		let page = views::commons_contributions(0, 0, MAX_PAGE);
		let alices = views::contributions(account(Alice), 0, MAX_PAGE);
		assert_eq!(page.items[2], alices.items[0]);
		assert_eq!((page.items[2].commons, page.items[2].contributor.clone()), (0, account(Alice)));

		// Identifiers far ahead, as if many contributions existed: a page looks at `MAX_SCAN`.
		pallet_ostrom_commons::NextContributionId::<Runtime>::put(5 * u64::from(MAX_SCAN));
		let far = contribute(Bob, 1);
		let scan = u64::from(MAX_SCAN);
		assert_eq!(ids(0, 0, MAX_PAGE), (vec![0, 1, 3], Some(scan)));
		assert_eq!(ids(1, 0, MAX_PAGE), (vec![2], Some(scan)));
		assert_eq!(ids(1, 4 * scan, MAX_PAGE), (vec![], Some(far)));
		assert_eq!(ids(1, far, MAX_PAGE), (vec![far], None));
		assert_eq!(ids(0, far, MAX_PAGE), (vec![], None));
	});
}
