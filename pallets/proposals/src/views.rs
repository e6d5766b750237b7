//! The reads the runtime API and clients use. A proposal's standing (turnout, approval, whether
//! it passes) is computed here once, for `close` as for the views.

use crate::{
	BalanceOf, CallName, Config, NextProposalId, Pallet, Proposal, ProposalKindName,
	ProposalStatusName, Proposals, Track, TrackRules,
};
use codec::{Decode, Encode};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::{ProposalId, VoteCounts};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// How the votes on a proposal stand against the thresholds it must meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct VoteStanding {
	/// The eligible voters counted at submission: the base of the turnout.
	pub eligible: u32,
	/// The share of `eligible` who voted ([`ostrom_primitives::turnout_of`]).
	pub turnout: Perbill,
	/// The share of ayes among ayes and nays ([`ostrom_primitives::approval_of`]).
	pub approval: Perbill,
	/// The thresholds of the proposal's track when it was submitted.
	pub thresholds: TrackRules,
	/// Whether the turnout meets the quorum and the approval exceeds the threshold: what
	/// `close` decides by.
	pub passing: bool,
}

/// A proposal as views show it: its record without its call, the status and kind by name, and
/// how its votes stand.
#[derive(CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct ProposalSummary<T: Config> {
	/// The proposal's id.
	pub id: ProposalId,
	/// The member who submitted it.
	pub proposer: T::AccountId,
	/// Its track.
	pub track: Track,
	/// A signal or a call.
	pub kind: ProposalKindName,
	/// The call's pallet and function; `None` for a signal.
	pub call_name: Option<CallName>,
	/// The runtime's `spec_version` at submission.
	pub spec_version: u32,
	/// A hash of, or a link to, the proposal's text.
	pub metadata: BoundedVec<u8, T::MaxMetadataLen>,
	/// What is still held from the proposer.
	pub deposit: BalanceOf<T>,
	/// Where it is in its life.
	pub status: ProposalStatusName,
	/// The block of submission.
	pub submitted_at: BlockNumberFor<T>,
	/// Votes are accepted before this block; `close` is possible from it on.
	pub voting_ends: BlockNumberFor<T>,
	/// For an approved call, the block it is enacted in.
	pub enactment: Option<BlockNumberFor<T>>,
	/// How its votes stand.
	pub standing: VoteStanding,
}

impl<T: Config> Pallet<T> {
	/// How the votes on `proposal`, numbered `id`, stand against its thresholds.
	pub fn standing_of(id: ProposalId, proposal: &Proposal<T>) -> VoteStanding {
		let turnout = T::VoteCounts::turnout(id, proposal.eligible);
		let approval = T::VoteCounts::approval(id);
		VoteStanding {
			eligible: proposal.eligible,
			turnout,
			approval,
			thresholds: proposal.thresholds,
			passing: proposal.thresholds.passes(turnout, approval),
		}
	}

	/// `proposal`, numbered `id`, as views show it.
	pub fn summary_of(id: ProposalId, proposal: Proposal<T>) -> ProposalSummary<T> {
		ProposalSummary {
			id,
			standing: Self::standing_of(id, &proposal),
			kind: proposal.kind.name(),
			status: proposal.status.name(),
			enactment: proposal.status.enactment(),
			proposer: proposal.proposer,
			track: proposal.track,
			call_name: proposal.call_name,
			spec_version: proposal.spec_version,
			metadata: proposal.metadata,
			deposit: proposal.deposit,
			submitted_at: proposal.submitted_at,
			voting_ends: proposal.voting_ends,
		}
	}

	/// Proposal `id` as views show it, if it exists and its status is `status` (any status when
	/// `None`). The status is checked before the votes are read.
	pub fn summary_if(
		id: ProposalId,
		status: Option<ProposalStatusName>,
	) -> Option<ProposalSummary<T>> {
		let proposal = Proposals::<T>::get(id)?;
		let wanted = status.is_none_or(|wanted| proposal.status.name() == wanted);
		wanted.then(|| Self::summary_of(id, proposal))
	}

	/// The id the next proposal gets: every proposal has a smaller one.
	pub fn next_proposal_id() -> ProposalId {
		NextProposalId::<T>::get()
	}
}
