//! The whole-DAO views of `OstromApi`, built from the pallets' storage. Every list is bounded:
//! at most `MAX_PAGE` items, and at most `MAX_SCAN` records looked at per call. No view decodes a
//! proposal's call: its name was recorded at submission, and a preimage may be megabytes.

use alloc::vec::Vec;
use frame_support::traits::Get;
use ostrom_primitives::{CommonsId, ProposalIndex};
use ostrom_runtime_api::{
	CommonsView, ContributionCounts, ContributionView, GrantView, MemberState, MemberView, Page,
	ProposalKindName, ProposalState, ProposalView, RoundView, TallyView, TreasuryView,
	VoiceCreditsView, MAX_PAGE, MAX_SCAN,
};
use pallet_ostrom_commons::ContributionId;
use pallet_ostrom_membership::MemberStatus;
use pallet_ostrom_proposals::{CallName, ProposalKind, ProposalStatus};
use pallet_ostrom_treasury::RoundStatus;
use sp_runtime::Perbill;

use super::{
	AccountId, Balance, Balances, BlockNumber, Hash, Membership, QuadraticVoting, Runtime, System,
	Treasury,
};

type Proposal = ProposalView<AccountId, Balance, BlockNumber>;
type Member = MemberView<AccountId, Balance, BlockNumber>;
type Commons = CommonsView<AccountId, Balance, BlockNumber>;
type Contribution = ContributionView<AccountId, Hash, BlockNumber>;
type TreasuryOverview = TreasuryView<AccountId, Balance, BlockNumber>;
type StoredProposal = pallet_ostrom_proposals::ProposalOf<Runtime>;

/// Collects the items `view` finds for the keys `from..end`, at most `limit` (between one and
/// `MAX_PAGE`) items and `MAX_SCAN` keys; `next` is the first key not looked at, if any. A page
/// always moves on: even `limit` zero looks at one key at least.
fn page<Key, Item>(
	from: Key,
	end: Key,
	limit: u32,
	mut view: impl FnMut(Key) -> Option<Item>,
) -> Page<Item, Key>
where
	Key: Copy + PartialOrd + sp_runtime::traits::Saturating + From<u8>,
{
	let limit = limit.clamp(1, MAX_PAGE) as usize;
	let mut items = Vec::new();
	let (mut key, mut scanned) = (from, 0);
	while key < end && items.len() < limit && scanned < MAX_SCAN {
		items.extend(view(key));
		key = key.saturating_add(1u8.into());
		scanned += 1;
	}
	Page { items, next: (key < end).then_some(key) }
}

pub fn proposal(id: ProposalIndex) -> Option<Proposal> {
	pallet_ostrom_proposals::Proposals::<Runtime>::get(id).map(|stored| proposal_view(id, stored))
}

/// The state a stored status is shown as, and an approved call's enactment block.
fn state(status: ProposalStatus<BlockNumber>) -> (ProposalState, Option<BlockNumber>) {
	match status {
		ProposalStatus::Voting => (ProposalState::Voting, None),
		ProposalStatus::Approved { enactment } => (ProposalState::Approved, enactment),
		ProposalStatus::Rejected => (ProposalState::Rejected, None),
		ProposalStatus::Cancelled => (ProposalState::Cancelled, None),
		ProposalStatus::Killed => (ProposalState::Killed, None),
		ProposalStatus::Executed => (ProposalState::Executed, None),
		ProposalStatus::Revoked => (ProposalState::Revoked, None),
	}
}

fn proposal_view(id: ProposalIndex, proposal: StoredProposal) -> Proposal {
	let (status, enactment) = state(proposal.status);
	let tally = tally_view(id, &proposal);
	let kind = match proposal.kind {
		ProposalKind::Signal => ProposalKindName::Signal,
		ProposalKind::Call(_) => ProposalKindName::Call,
	};
	ProposalView {
		id,
		proposer: proposal.proposer,
		track: proposal.track,
		kind,
		call: proposal.call_name.as_ref().map(CallName::dotted),
		metadata: proposal.metadata.into_inner(),
		deposit: proposal.deposit,
		status,
		submitted_at: proposal.submitted_at,
		voting_ends: proposal.voting_ends,
		enactment,
		tally,
	}
}

pub fn proposals(
	status: Option<ProposalState>,
	from: ProposalIndex,
	limit: u32,
) -> Page<Proposal, ProposalIndex> {
	let end = pallet_ostrom_proposals::ProposalCount::<Runtime>::get();
	// The status filters the stored proposal before its view (its tally) is built.
	page(from, end, limit, |id| {
		let stored = pallet_ostrom_proposals::Proposals::<Runtime>::get(id)?;
		let wanted = status.is_none_or(|wanted| state(stored.status).0 == wanted);
		wanted.then(|| proposal_view(id, stored))
	})
}

pub fn tally(id: ProposalIndex) -> Option<TallyView> {
	pallet_ostrom_proposals::Proposals::<Runtime>::get(id).map(|stored| tally_view(id, &stored))
}

fn tally_view(id: ProposalIndex, proposal: &StoredProposal) -> TallyView {
	let tally = pallet_ostrom_quadratic_voting::TallyOf::<Runtime>::get(id);
	let turnout = if proposal.eligible == 0 {
		Perbill::zero()
	} else {
		Perbill::from_rational(tally.voters, proposal.eligible)
	};
	TallyView {
		ayes: tally.ayes,
		nays: tally.nays,
		voters: tally.voters,
		credits: tally.credits,
		eligible: proposal.eligible,
		turnout,
		quorum: proposal.thresholds.quorum,
		approval: proposal.thresholds.approval,
		passing: proposal.thresholds.passes(&tally, proposal.eligible),
	}
}

pub fn member(who: AccountId) -> Option<Member> {
	let sponsors_required = <Runtime as pallet_ostrom_membership::Config>::SponsorsRequired::get();
	if let Some(record) = pallet_ostrom_membership::Members::<Runtime>::get(&who) {
		let suspended_until = match record.status {
			MemberStatus::Suspended { until } if !record.is_active_at(&System::block_number()) => {
				Some(until)
			}
			_ => None,
		};
		return Some(MemberView {
			status: if suspended_until.is_some() {
				MemberState::Suspended
			} else {
				MemberState::Active
			},
			joined_at: Some(record.joined_at),
			probation_ends: (!record.is_settled_at(&System::block_number()))
				.then_some(record.probation_ends),
			sponsorships_left: Membership::sponsorships_left(&record),
			suspended_until,
			reputation: record.reputation,
			credits_left: QuadraticVoting::credits_left(&who),
			sponsors: Vec::new(),
			sponsors_required,
			deposit: 0,
			account: who,
		});
	}
	let application = pallet_ostrom_membership::Applications::<Runtime>::get(&who)?;
	Some(MemberView {
		account: who,
		status: MemberState::Applicant,
		joined_at: None,
		probation_ends: None,
		sponsorships_left: 0,
		suspended_until: None,
		reputation: 0,
		credits_left: 0,
		sponsors: application.sponsors.into_inner(),
		sponsors_required,
		deposit: application.deposit,
	})
}

pub fn voice_credits(who: AccountId) -> Option<VoiceCreditsView<BlockNumber>> {
	if !pallet_ostrom_membership::Members::<Runtime>::contains_key(&who) {
		return None;
	}
	let epoch = QuadraticVoting::current_epoch();
	let per_epoch = <Runtime as pallet_ostrom_quadratic_voting::Config>::CreditsPerEpoch::get();
	let spent = QuadraticVoting::spent_in(&who, epoch);
	let epoch_length = <Runtime as pallet_ostrom_quadratic_voting::Config>::EpochLength::get();
	Some(VoiceCreditsView {
		epoch,
		per_epoch,
		spent,
		left: per_epoch.saturating_sub(spent),
		next_epoch_at: epoch.saturating_add(1).saturating_mul(epoch_length),
	})
}

pub fn commons(id: CommonsId) -> Option<Commons> {
	let record = pallet_ostrom_commons::Commons::<Runtime>::get(id)?;
	let account = Treasury::commons_account(id);
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
			pending: record.pending_contributions,
			accepted: record.accepted_contributions,
			rejected: record.rejected_contributions,
		},
		balance: Balances::free_balance(&account),
		account,
	})
}

pub fn list_commons(from: CommonsId, limit: u32) -> Page<Commons, CommonsId> {
	page(from, pallet_ostrom_commons::NextCommonsId::<Runtime>::get(), limit, commons)
}

pub fn contributions(
	who: AccountId,
	from: ContributionId,
	limit: u32,
) -> Page<Contribution, ContributionId> {
	let end = pallet_ostrom_commons::NextContributionId::<Runtime>::get();
	page(from, end, limit, |id| {
		let entry = pallet_ostrom_commons::Contributions::<Runtime>::get(id)?;
		(entry.contributor == who).then(|| ContributionView {
			id,
			commons: entry.commons,
			contributor: entry.contributor,
			content_hash: entry.content_hash,
			note: entry.note.into_inner(),
			recorded_at: entry.recorded_at,
			approvals: entry.approvals,
			rejections: entry.rejections,
			status: entry.status,
		})
	})
}

pub fn treasury() -> TreasuryOverview {
	let now = System::block_number();
	let rules = pallet_ostrom_treasury::SpendRulesOf::<Runtime>::get();
	let period = rules.period.max(1);
	let account = Treasury::pot();
	// Rounds are kept after they end, so only the newest `MAX_SCAN` are looked at. A round
	// takes gifts for at most `MaxRoundDuration`; one older than the newest `MAX_SCAN` that no
	// one finalised is not listed (its money stays earmarked until someone does).
	let round_count = pallet_ostrom_treasury::RoundCount::<Runtime>::get();
	let open_rounds = (round_count.saturating_sub(MAX_SCAN)..round_count)
		.rev()
		.filter_map(|id| {
			let round = pallet_ostrom_treasury::Rounds::<Runtime>::get(id)?;
			(round.status == RoundStatus::Open).then_some(RoundView {
				id,
				matching: round.matching,
				enrolment_ends: round.enrolment_ends,
				ends_at: round.ends_at,
				contributed: round.contributed,
				contributions: round.contributions,
				commons: round.commons,
			})
		})
		.take(MAX_PAGE as usize)
		.collect();
	// Paid-off grants are removed; the newest `MAX_SCAN` numbers are looked at, as for rounds.
	let grant_count = pallet_ostrom_treasury::GrantCount::<Runtime>::get();
	let mut grants: Vec<_> = (grant_count.saturating_sub(MAX_SCAN)..grant_count)
		.rev()
		.filter_map(|id| {
			let grant = pallet_ostrom_treasury::Grants::<Runtime>::get(id)?;
			Some(GrantView {
				id,
				vested: grant.vested_at(now),
				beneficiary: grant.beneficiary,
				amount: grant.amount,
				claimed: grant.claimed,
				start: grant.start,
				duration: grant.duration,
			})
		})
		.take(MAX_PAGE as usize)
		.collect();
	grants.reverse();
	TreasuryView {
		pot: Balances::free_balance(&account),
		account,
		earmarked: pallet_ostrom_treasury::Earmarked::<Runtime>::get(),
		spendable: Treasury::spendable(),
		spendable_this_period: Treasury::spend_cap_left(),
		period: rules.period,
		next_period_at: (now / period).saturating_add(1).saturating_mul(period),
		max_share: rules.max_share,
		open_rounds,
		grants,
	}
}
