//! The whole-DAO views of `OstromApi`, built from the pallets' storage. Every list is bounded:
//! at most `MAX_PAGE` items, and at most `MAX_SCAN` records looked at per call. A filtered list
//! (proposals in a status, one member's contributions) reads the index its pallet keeps of it,
//! so it looks at the records it shows and no others; one commons' contributions, which no index
//! keeps, are found by looking at the contributions in turn, `MAX_SCAN` at most. Members,
//! applicants and a proposal's votes are paged in their storage order, from an account on: a
//! page reads the keys it shows and one more. No view decodes a proposal's call: its name was
//! recorded at submission, and a preimage may be megabytes.

use alloc::vec::Vec;
use frame_support::traits::Get;
use ostrom_primitives::{CommonsId, ContributionId, MembershipInspect, ProposalId};
use ostrom_runtime_api::{
	CommonsView, ContributionCounts, ContributionView, GrantView, MemberView, Page,
	ProposalStatusName, ProposalView, RoundView, TallyView, TreasuryView, VoiceCreditsView,
	VoteView, MAX_PAGE, MAX_SCAN,
};
use pallet_ostrom_proposals::{CallName, ProposalSummary};

use super::{
	AccountId, Balance, BlockNumber, Hash, Membership, Proposals, QuadraticVoting, Runtime,
	Treasury,
};

type Proposal = ProposalView<AccountId, Balance, BlockNumber>;
type Member = MemberView<AccountId, Balance, BlockNumber>;
type Commons = CommonsView<AccountId, Balance, BlockNumber>;
type Contribution = ContributionView<AccountId, Hash, BlockNumber>;
type TreasuryOverview = TreasuryView<AccountId, Balance, BlockNumber>;
type CommonsPallet = pallet_ostrom_commons::Pallet<Runtime>;

/// How many items a page asked for `limit` holds at most: between one and `MAX_PAGE`. A page
/// always moves on: even `limit` zero looks at one key at least.
fn page_limit(limit: u32) -> u32 {
	limit.clamp(1, MAX_PAGE)
}

/// Collects the items `view` finds for the keys `from..end`, at most `limit` (see
/// [`page_limit`]) items and `MAX_SCAN` keys; `next` is the first key not looked at, if any.
fn page<Key, Item>(
	from: Key,
	end: Key,
	limit: u32,
	mut view: impl FnMut(Key) -> Option<Item>,
) -> Page<Item, Key>
where
	Key: Copy + PartialOrd + sp_runtime::traits::Saturating + From<u8>,
{
	let limit = page_limit(limit) as usize;
	let mut items = Vec::new();
	let (mut key, mut scanned) = (from, 0);
	while key < end && items.len() < limit && scanned < MAX_SCAN {
		items.extend(view(key));
		key = key.saturating_add(1u8.into());
		scanned += 1;
	}
	Page { items, next: (key < end).then_some(key) }
}

pub fn proposal(id: ProposalId) -> Option<Proposal> {
	Proposals::proposal_summary(id).map(proposal_view)
}

fn proposal_view(summary: ProposalSummary<Runtime>) -> Proposal {
	ProposalView {
		tally: tally_view(summary.id, &summary.standing),
		id: summary.id,
		proposer: summary.proposer,
		track: summary.track,
		kind: summary.kind,
		call: summary.call_name.as_ref().map(CallName::dotted),
		metadata: summary.metadata.into_inner(),
		deposit: summary.deposit,
		status: summary.status,
		submitted_at: summary.submitted_at,
		voting_ends: summary.voting_ends,
		enactment: summary.enactment,
	}
}

pub fn proposals(
	status: Option<ProposalStatusName>,
	from: ProposalId,
	limit: u32,
) -> Page<Proposal, ProposalId> {
	let Some(status) = status else {
		// Ids are dense: every id below the next one is a proposal's.
		return page(from, Proposals::next_proposal_id(), limit, |id| {
			Proposals::summary_if(id, None).map(proposal_view)
		});
	};
	let (ids, next) = Proposals::proposal_ids_in(status, from, page_limit(limit));
	// The status is checked again on the stored proposal, before its votes are read.
	let items = ids
		.into_iter()
		.filter_map(|id| Proposals::summary_if(id, Some(status)).map(proposal_view))
		.collect();
	Page { items, next }
}

pub fn tally(id: ProposalId) -> Option<TallyView> {
	Proposals::vote_standing(id).map(|standing| tally_view(id, &standing))
}

/// The votes on proposal `id` (from the voting pallet) against its thresholds (from the
/// proposals pallet, which computed the turnout and whether it passes).
fn tally_view(id: ProposalId, standing: &pallet_ostrom_proposals::VoteStanding) -> TallyView {
	let tally = QuadraticVoting::tally(id);
	TallyView {
		ayes: tally.ayes,
		nays: tally.nays,
		voters: tally.voters,
		credits: tally.credits,
		eligible: standing.eligible,
		turnout: standing.turnout,
		quorum: standing.thresholds.quorum,
		approval: standing.thresholds.approval,
		passing: standing.passing,
	}
}

pub fn member(who: AccountId) -> Option<Member> {
	let standing = Membership::member_standing(who.clone())?;
	let is_member = standing.joined_at.is_some();
	Some(MemberView {
		status: standing.status,
		joined_at: standing.joined_at,
		probation_ends: standing.probation_ends,
		sponsorships_left: standing.sponsorships_left,
		suspended_until: standing.suspended_until,
		reputation: standing.reputation,
		credits_left: if is_member { QuadraticVoting::credits_left(&who) } else { 0 },
		sponsors: standing.sponsors,
		sponsors_required: <Runtime as pallet_ostrom_membership::Config>::SponsorsRequired::get(),
		deposit: standing.deposit,
		account: who,
	})
}

/// The members, a page at a time in storage order, each as [`member`] shows it.
pub fn members(from: Option<AccountId>, limit: u32) -> Page<Member, AccountId> {
	let (accounts, next) = Membership::member_ids(from.as_ref(), page_limit(limit));
	Page { items: accounts.into_iter().filter_map(member).collect(), next }
}

/// The applicants, a page at a time in storage order, each as [`member`] shows it.
pub fn applicants(from: Option<AccountId>, limit: u32) -> Page<Member, AccountId> {
	let (accounts, next) = Membership::applicant_ids(from.as_ref(), page_limit(limit));
	Page { items: accounts.into_iter().filter_map(member).collect(), next }
}

/// The votes still stored on `proposal`, a page at a time in storage order.
pub fn votes(
	proposal: ProposalId,
	from: Option<AccountId>,
	limit: u32,
) -> Page<VoteView<AccountId>, AccountId> {
	let (votes, next) = QuadraticVoting::votes_on(proposal, from.as_ref(), page_limit(limit));
	let items = votes
		.into_iter()
		.map(|(voter, vote)| VoteView {
			voter,
			aye: vote.aye,
			votes: vote.votes,
			cost: vote.cost,
			epoch: vote.epoch,
		})
		.collect();
	Page { items, next }
}

pub fn voice_credits(who: AccountId) -> Option<VoiceCreditsView<BlockNumber>> {
	// Only members have voice credits.
	<Membership as MembershipInspect<_, _>>::member_since(&who)?;
	let credits = QuadraticVoting::voice_credits(who);
	Some(VoiceCreditsView {
		epoch: credits.epoch.index,
		per_epoch: credits.per_epoch,
		spent: credits.spent,
		left: credits.left,
		next_epoch_at: credits.epoch.next_starts_at,
	})
}

pub fn commons(id: CommonsId) -> Option<Commons> {
	let summary = pallet_ostrom_commons::Pallet::<Runtime>::commons_summary(id)?;
	let record = summary.record;
	Some(CommonsView {
		id,
		name: record.name.into_inner(),
		kind: record.kind,
		license: record.license.into_inner(),
		uri: record.uri.into_inner(),
		stewards: record.stewards.into_inner(),
		status: record.status,
		registered_at: record.registered_at,
		registrant: record.registrant,
		deposit: record.deposit,
		contributions: ContributionCounts {
			pending: summary.contributions.pending,
			accepted: summary.contributions.accepted,
			rejected: summary.contributions.rejected,
		},
		account: Treasury::commons_account(id),
		balance: Treasury::commons_balance(id),
	})
}

pub fn list_commons(from: CommonsId, limit: u32) -> Page<Commons, CommonsId> {
	page(from, pallet_ostrom_commons::Pallet::<Runtime>::commons_ids_end(), limit, commons)
}

pub fn contributions(
	who: AccountId,
	from: ContributionId,
	limit: u32,
) -> Page<Contribution, ContributionId> {
	let (ids, next) = CommonsPallet::contribution_ids_of(&who, from, page_limit(limit));
	let items = ids
		.into_iter()
		.filter_map(|id| {
			// The contributor is checked again on the stored contribution.
			CommonsPallet::contribution_by(id, Some(&who)).map(|entry| contribution_view(id, entry))
		})
		.collect();
	Page { items, next }
}

/// The contributions to `commons` from identifier `from` on, oldest first: no index keeps them,
/// so a page looks at the contributions in turn, `MAX_SCAN` at most, and goes on in `next` where
/// it stopped.
pub fn commons_contributions(
	commons: CommonsId,
	from: ContributionId,
	limit: u32,
) -> Page<Contribution, ContributionId> {
	page(from, CommonsPallet::contribution_ids_end(), limit, |id| {
		CommonsPallet::contribution_to(id, commons).map(|entry| contribution_view(id, entry))
	})
}

fn contribution_view(
	id: ContributionId,
	entry: pallet_ostrom_commons::Contribution<Runtime>,
) -> Contribution {
	ContributionView {
		id,
		commons: entry.commons,
		contributor: entry.contributor,
		content_hash: entry.content_hash,
		note: entry.note.into_inner(),
		recorded_at: entry.recorded_at,
		approvals: entry.approvals,
		rejections: entry.rejections,
		status: entry.status,
	}
}

pub fn treasury() -> TreasuryOverview {
	let overview = Treasury::treasury_overview();
	let open_rounds = Treasury::open_rounds(MAX_PAGE)
		.into_iter()
		.map(|(id, round)| RoundView {
			id,
			matching: round.matching,
			enrolment_ends: round.enrolment_ends,
			ends_at: round.ends_at,
			given: round.given,
			gifts: round.gifts,
			commons: round.commons,
		})
		.collect();
	let grants = Treasury::open_grants(MAX_PAGE)
		.into_iter()
		.map(|summary| GrantView {
			id: summary.id,
			vested: summary.vested,
			beneficiary: summary.grant.beneficiary,
			amount: summary.grant.amount,
			claimed: summary.grant.claimed,
			start: summary.grant.start,
			duration: summary.grant.duration,
		})
		.collect();
	TreasuryView {
		account: overview.account,
		pot: overview.pot,
		earmarked: overview.earmarked,
		spendable: overview.spendable,
		spendable_this_period: overview.spendable_this_period,
		period: overview.period.length,
		next_period_at: overview.period.next_starts_at,
		max_share: overview.max_share,
		open_rounds,
		grants,
	}
}
