//! What the calls do.

use crate::{
	BalanceOf, Ballots, BoundedCallOf, CallName, CallOf, Config, Enacting, Error, Event,
	HoldReason, NextProposalId, Origin, Pallet, Proposal, ProposalKind, ProposalStatus, Proposals,
	Rules, RulesOf, Track, WeightInfo,
};
use frame_support::{
	dispatch::{extract_actual_weight, DispatchResultWithPostInfo, GetDispatchInfo},
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{self, MutateHold},
		schedule::{v3::Named as ScheduleNamed, DispatchTime, HARD_DEADLINE},
		tokens::Precision,
		EnsureOrigin, GetCallMetadata, Imbalance, IsSubType, OnUnbalanced, QueryPreimage,
		StorePreimage,
	},
	Hashable,
};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use ostrom_primitives::{MembershipInspect, ProposalId, VoteCounts};
use sp_runtime::traits::{Dispatchable, One, Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_submit(
		proposer: T::AccountId,
		track: Track,
		kind: ProposalKind<BoundedCallOf<T>>,
		metadata: BoundedVec<u8, T::MaxMetadataLen>,
	) -> DispatchResult {
		ensure!(T::Membership::is_active_member(&proposer), Error::<T>::NotActiveMember);
		let (call_weight, call_name) = match &kind {
			ProposalKind::Call(call) => {
				let (weight, name) = Self::enactable_call(call, track)?;
				(weight, Some(name))
			}
			ProposalKind::Signal => {
				ensure!(track != Track::Emergency, Error::<T>::EmergencyOnlyKills);
				(Weight::zero(), None)
			}
		};
		ensure!(
			T::WeightInfo::enact(Self::preimage_len(&kind))
				.saturating_add(call_weight)
				.all_lte(T::MaxEnactmentWeight::get()),
			Error::<T>::CallTooHeavy
		);
		let id = NextProposalId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let rules = Rules::<T>::get();
		T::Currency::hold(&HoldReason::Proposal.into(), &proposer, rules.proposal_deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		if let ProposalKind::Call(call) = &kind {
			T::Preimages::hold(call);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let voting_ends = now.saturating_add(rules.voting_period(track));
		let proposal = Proposal::<T> {
			proposer: proposer.clone(),
			track,
			kind,
			call_name,
			spec_version: Self::spec_version(),
			metadata,
			deposit: rules.proposal_deposit,
			submitted_at: now,
			voting_ends,
			eligible: T::Membership::eligible_voters(),
			call_weight,
			thresholds: rules.of(track),
			status: ProposalStatus::Voting,
		};
		Ballots::<T>::insert(id, proposal.ballot());
		Proposals::<T>::insert(id, proposal);
		Self::index_submitted(id);
		NextProposalId::<T>::put(next);
		Self::deposit_event(Event::Submitted { id, proposer, track, voting_ends });
		Ok(())
	}

	pub(crate) fn do_close(id: ProposalId) -> DispatchResult {
		let mut proposal = Self::voting_proposal(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= proposal.voting_ends, Error::<T>::VotingNotEnded);

		Self::release_deposit(&mut proposal)?;
		let standing = Self::standing_of(id, &proposal);
		if standing.passing {
			let enactment = match &proposal.kind {
				ProposalKind::Signal => None,
				ProposalKind::Call(_) => Some(Self::schedule_enactment(id, now, &proposal)?),
			};
			Self::set_status(id, &mut proposal, ProposalStatus::Approved { enactment });
			Self::deposit_event(Event::Approved { id, enactment });
		} else {
			Self::forget_call(&proposal);
			Self::set_status(id, &mut proposal, ProposalStatus::Rejected);
			Self::deposit_event(Event::Rejected {
				id,
				turnout: standing.turnout,
				approval: standing.approval,
			});
		}
		Ballots::<T>::remove(id);
		Proposals::<T>::insert(id, proposal);
		Ok(())
	}

	pub(crate) fn do_cancel(who: T::AccountId, id: ProposalId) -> DispatchResult {
		let mut proposal = Self::voting_proposal(id)?;
		ensure!(proposal.proposer == who, Error::<T>::NotProposer);
		ensure!(!T::VoteCounts::anyone_voted(id), Error::<T>::HasVotes);

		Self::release_deposit(&mut proposal)?;
		Self::forget_call(&proposal);
		Self::set_status(id, &mut proposal, ProposalStatus::Cancelled);
		Ballots::<T>::remove(id);
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::Cancelled { id });
		Ok(())
	}

	/// Whether `origin` may kill: `Ok(true)` for root, `Ok(false)` for `KillOrigin`.
	pub(crate) fn ensure_kill_origin(origin: OriginFor<T>) -> Result<bool, DispatchError> {
		if frame_system::ensure_root(origin.clone()).is_ok() {
			return Ok(true);
		}
		T::KillOrigin::ensure_origin(origin)?;
		Ok(false)
	}

	pub(crate) fn do_kill(by_root: bool, id: ProposalId) -> DispatchResult {
		let mut proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(by_root || proposal.track == Track::Standard, Error::<T>::KillNeedsRoot);
		if let Some(killer) = Enacting::<T>::get() {
			ensure!(id < killer, Error::<T>::KillsOnlyEarlier);
		}
		let (slashed, status) = match proposal.status {
			ProposalStatus::Voting => {
				let (credit, _) = <T::Currency as fungible::hold::Balanced<_>>::slash(
					&HoldReason::Proposal.into(),
					&proposal.proposer,
					proposal.deposit,
				);
				proposal.deposit = Zero::zero();
				let slashed = credit.peek();
				T::Slash::on_unbalanced(credit);
				Ballots::<T>::remove(id);
				(slashed, ProposalStatus::Killed)
			}
			ProposalStatus::Approved { enactment: Some(_) } => {
				// The scheduler may have dropped the task already (e.g. its call became
				// unavailable): there is nothing left to cancel then.
				let _ = T::Scheduler::cancel_named(Self::task_name(id));
				(BalanceOf::<T>::zero(), ProposalStatus::Revoked)
			}
			_ => return Err(Error::<T>::NotKillable.into()),
		};
		Self::forget_call(&proposal);
		Self::set_status(id, &mut proposal, status);
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::Killed { id, slashed });
		Ok(())
	}

	pub(crate) fn do_set_rules(rules: RulesOf<T>) -> DispatchResult {
		Self::validate(&rules)?;
		Rules::<T>::put(rules);
		Self::deposit_event(Event::RulesChanged { rules });
		Ok(())
	}

	pub(crate) fn do_enact(
		id: ProposalId,
		call_weight_bound: Weight,
		preimage_len_bound: u32,
	) -> DispatchResultWithPostInfo {
		let mut proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		let (ProposalStatus::Approved { enactment: Some(when) }, ProposalKind::Call(bounded)) =
			(&proposal.status, &proposal.kind)
		else {
			return Err(Error::<T>::NotApproved.into());
		};
		ensure!(frame_system::Pallet::<T>::block_number() >= *when, Error::<T>::EnactmentNotDue);
		let preimage_len = Self::preimage_len(&proposal.kind);
		ensure!(
			proposal.call_weight.all_lte(call_weight_bound) && preimage_len <= preimage_len_bound,
			Error::<T>::WitnessTooLow
		);

		let (result, call_weight) = match T::Preimages::realize::<CallOf<T>>(bounded) {
			Ok((call, _)) if Self::changed_by_upgrade(&proposal, &call) => {
				(Err(Error::<T>::CallChanged.into()), Weight::zero())
			}
			Ok((call, _)) => {
				let info = call.get_dispatch_info();
				let outcome = Self::dispatch_as_enacted(id, proposal.track, call);
				let weight = extract_actual_weight(&outcome, &info);
				(outcome.map(|_| ()).map_err(|e| e.error), weight)
			}
			Err(error) => {
				T::Preimages::drop(bounded);
				(Err(error), Weight::zero())
			}
		};
		let own_weight = T::WeightInfo::enact(preimage_len);
		Self::set_status(id, &mut proposal, ProposalStatus::Executed);
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::Executed { id, result });
		Ok(Some(own_weight.saturating_add(call_weight)).into())
	}

	/// Dispatches `call` as the enactment of proposal `id` on `track`: with the DAO origin on
	/// the Standard track, as root on the Root and Emergency tracks, and with `Enacting` set to
	/// `id` meanwhile, so that a kill it enacts reaches only earlier proposals.
	pub(crate) fn dispatch_as_enacted(
		id: ProposalId,
		track: Track,
		call: CallOf<T>,
	) -> DispatchResultWithPostInfo {
		let origin: OriginFor<T> = match track {
			Track::Standard => Origin::Dao.into(),
			Track::Root | Track::Emergency => frame_system::RawOrigin::Root.into(),
		};
		// A Root call may itself enact another proposal: restore the outer one after.
		let outer = Enacting::<T>::take();
		Enacting::<T>::put(id);
		let outcome = call.dispatch(origin);
		Enacting::<T>::set(outer);
		outcome
	}

	/// The `spec_version` of the runtime running now.
	pub(crate) fn spec_version() -> u32 {
		<T as frame_system::Config>::Version::get().spec_version
	}

	/// Whether the runtime changed since `proposal` was submitted and its `call` now decodes to
	/// another pallet or function than the one voted on.
	fn changed_by_upgrade(proposal: &Proposal<T>, call: &CallOf<T>) -> bool {
		proposal.spec_version != Self::spec_version()
			&& proposal.call_name.as_ref() != Some(&call.get_call_metadata().into())
	}

	/// Whether proposal `id` can still be killed: being voted on, or awaiting enactment.
	fn is_killable(id: ProposalId) -> bool {
		Proposals::<T>::get(id).is_some_and(|proposal| {
			matches!(
				proposal.status,
				ProposalStatus::Voting | ProposalStatus::Approved { enactment: Some(_) }
			)
		})
	}

	/// The name of the scheduler task that enacts proposal `id`.
	pub fn task_name(id: ProposalId) -> [u8; 32] {
		(*b"ostrom/proposals/enact", id).blake2_256()
	}

	/// The weight `call` declares and its name, both read from the one decoding of the call
	/// at submission; fails unless it can be enacted later on `track`: inline, or noted with
	/// exactly its hash and length, decoding as a call, and on the Emergency track a kill of
	/// a killable proposal.
	fn enactable_call(
		call: &BoundedCallOf<T>,
		track: Track,
	) -> Result<(Weight, CallName), DispatchError> {
		if let Some(hash) = call.lookup_hash() {
			ensure!(T::Preimages::len(&hash) == call.lookup_len(), Error::<T>::PreimageMissing);
		}
		let (call, _) = T::Preimages::peek(call).map_err(|_| Error::<T>::UndecodableCall)?;
		if track == Track::Emergency {
			let target = match call.is_sub_type() {
				Some(crate::Call::kill { id }) => *id,
				_ => return Err(Error::<T>::EmergencyOnlyKills.into()),
			};
			ensure!(Self::is_killable(target), Error::<T>::EmergencyOnlyKills);
		}
		Ok((call.get_dispatch_info().call_weight, call.get_call_metadata().into()))
	}

	/// The length of the preimage a proposal's call is read from; zero when it is inline.
	pub fn preimage_len(kind: &ProposalKind<BoundedCallOf<T>>) -> u32 {
		match kind {
			ProposalKind::Call(call) => call.lookup_len().unwrap_or(0),
			ProposalKind::Signal => 0,
		}
	}

	/// Proposal `id`, if it is being voted on.
	fn voting_proposal(id: ProposalId) -> Result<Proposal<T>, DispatchError> {
		let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(proposal.status == ProposalStatus::Voting, Error::<T>::NotVoting);
		Ok(proposal)
	}

	/// Schedules `enact(id)` as root after the enactment delay (the next block on the
	/// Emergency track), witnessing the proposal's call weight and preimage length; returns
	/// its block.
	fn schedule_enactment(
		id: ProposalId,
		now: BlockNumberFor<T>,
		proposal: &Proposal<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		let delay = match proposal.track {
			Track::Standard | Track::Root => Rules::<T>::get().enactment_delay,
			Track::Emergency => One::one(),
		};
		let when = now.saturating_add(delay);
		let enact = T::Preimages::bound(CallOf::<T>::from(crate::Call::enact {
			id,
			call_weight_bound: proposal.call_weight,
			preimage_len_bound: Self::preimage_len(&proposal.kind),
		}))?;
		T::Scheduler::schedule_named(
			Self::task_name(id),
			DispatchTime::At(when),
			None,
			HARD_DEADLINE,
			frame_system::RawOrigin::Root.into(),
			enact,
		)?;
		Ok(when)
	}

	/// Lets the preimage pallet forget the call of a proposal that will not be enacted.
	fn forget_call(proposal: &Proposal<T>) {
		if let ProposalKind::Call(call) = &proposal.kind {
			T::Preimages::drop(call);
		}
	}

	fn release_deposit(proposal: &mut Proposal<T>) -> DispatchResult {
		T::Currency::release(
			&HoldReason::Proposal.into(),
			&proposal.proposer,
			proposal.deposit,
			Precision::BestEffort,
		)?;
		proposal.deposit = Zero::zero();
		Ok(())
	}
}
