//! Benchmarks of every proposals call, each in its most expensive case.

use super::*;
use alloc::vec;
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Bounded, EnsureOrigin, Get, StorePreimage,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use ostrom_primitives::{MembershipInspect, ProposalId, VoteCounts};
use sp_runtime::traits::{Hash, Saturating};

/// A funded member who may propose.
fn proposer<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("proposer", 0, 0);
	let deposit = Rules::<T>::get().proposal_deposit;
	let funds = T::Currency::minimum_balance()
		.saturating_add(deposit.saturating_mul(10u32.into()))
		.saturating_add(1_000_000u32.into());
	T::Currency::set_balance(&who, funds);
	T::Membership::add_member_for_benchmarks(&who);
	who
}

fn longest_metadata<T: Config>() -> BoundedVec<u8, T::MaxMetadataLen> {
	BoundedVec::try_from(vec![7u8; T::MaxMetadataLen::get() as usize])
		.expect("exactly MaxMetadataLen bytes; qed")
}

/// A call from a noted preimage (the costlier kind to hold, read and release): a remark of
/// `len` bytes.
fn noted_call<T: Config>(len: u32) -> BoundedCallOf<T> {
	let call: CallOf<T> =
		frame_system::Call::<T>::remark { remark: vec![1u8; len as usize] }.into();
	let encoded = call.encode();
	let hash = T::Preimages::note(encoded.clone().into()).expect("a small preimage; qed");
	debug_assert_eq!(hash, T::Hashing::hash(&encoded));
	Bounded::Lookup { hash, len: encoded.len() as u32 }
}

/// The largest preimage benchmarked: a runtime upgrade (a compressed wasm) is about 1.5 MiB.
const MAX_PREIMAGE_LEN: u32 = 4 * 1024 * 1024 - 16;

fn submitted<T: Config>(track: Track, kind: ProposalKind<BoundedCallOf<T>>) -> ProposalId {
	let id = NextProposalId::<T>::get();
	Pallet::<T>::submit(
		RawOrigin::Signed(proposer::<T>()).into(),
		track,
		kind,
		longest_metadata::<T>(),
	)
	.expect("a funded member proposes; qed");
	id
}

/// A signal open to votes now.
pub(crate) fn open_signal<T: Config>() -> ProposalId {
	submitted::<T>(Track::Standard, ProposalKind::Signal)
}

/// Moves to the end of the voting period of `id` with every eligible member voting aye.
fn passed<T: Config>(id: ProposalId) {
	let proposal = Proposals::<T>::get(id).expect("just submitted; qed");
	let voters = proposal.eligible;
	T::VoteCounts::set_ayes_for_benchmarks(id, voters);
	frame_system::Pallet::<T>::set_block_number(proposal.voting_ends);
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Reading the call from a preimage of (about) `n` bytes.
	#[benchmark]
	fn submit(n: Linear<0, MAX_PREIMAGE_LEN>) {
		let who = proposer::<T>();
		let call = noted_call::<T>(n);
		let id = NextProposalId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			Track::Root,
			ProposalKind::Call(call),
			longest_metadata::<T>(),
		);

		let voting_ends = frame_system::Pallet::<T>::block_number()
			.saturating_add(Rules::<T>::get().voting_period);
		assert_last_event::<T>(Event::Submitted {
			id,
			proposer: who,
			track: Track::Root,
			voting_ends,
		});
	}

	/// Approving a call: its enactment is scheduled.
	#[benchmark]
	fn close() {
		let id = submitted::<T>(Track::Root, ProposalKind::Call(noted_call::<T>(32)));
		passed::<T>(id);
		let caller: T::AccountId = whitelisted_caller();
		let enactment = frame_system::Pallet::<T>::block_number()
			.saturating_add(Rules::<T>::get().enactment_delay);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert_last_event::<T>(Event::Approved { id, enactment: Some(enactment) });
	}

	#[benchmark]
	fn cancel() {
		let id = submitted::<T>(Track::Root, ProposalKind::Call(noted_call::<T>(32)));
		let who = Proposals::<T>::get(id).expect("just submitted; qed").proposer;

		#[extrinsic_call]
		_(RawOrigin::Signed(who), id);

		assert_last_event::<T>(Event::Cancelled { id });
	}

	/// Killing a Standard proposal being voted on with the DAO origin (root is checked first):
	/// its deposit is slashed and its preimage released.
	#[benchmark]
	fn kill() -> Result<(), BenchmarkError> {
		let id = submitted::<T>(Track::Standard, ProposalKind::Call(noted_call::<T>(32)));
		let slashed = Rules::<T>::get().proposal_deposit;
		let origin =
			T::KillOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert_last_event::<T>(Event::Killed { id, slashed });
		Ok(())
	}

	#[benchmark]
	fn set_rules() {
		let rules = Rules::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Root, rules);

		assert_last_event::<T>(Event::RulesChanged { rules });
	}

	/// Enacting a remark read from a preimage of (about) `n` bytes; the enacted call's own
	/// weight is added to this one.
	#[benchmark]
	fn enact(n: Linear<0, MAX_PREIMAGE_LEN>) {
		let id = submitted::<T>(Track::Root, ProposalKind::Call(noted_call::<T>(n)));
		passed::<T>(id);
		Pallet::<T>::close(RawOrigin::Signed(whitelisted_caller()).into(), id)
			.expect("every member voted aye; qed");
		let enactment: BlockNumberFor<T> = frame_system::Pallet::<T>::block_number()
			.saturating_add(Rules::<T>::get().enactment_delay);
		frame_system::Pallet::<T>::set_block_number(enactment);

		let proposal = Proposals::<T>::get(id).expect("just approved; qed");
		let preimage_len = Pallet::<T>::preimage_len(&proposal.kind);

		#[extrinsic_call]
		_(RawOrigin::Root, id, proposal.call_weight, preimage_len);

		assert_last_event::<T>(Event::Executed { id, result: Ok(()) });
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
