//! Dry runs of enactments: what a call would return if a proposal enacted it now, so that a
//! client can refuse, before signing, a proposal whose call can only fail (a spend of nothing,
//! rules that `set_rules` refuses, a call the track's origin may not make) without copying the
//! runtime's rules.

use crate::{CallOf, Config, Error, Pallet, Track};
use codec::DecodeLimit;
use frame_support::{
	ensure,
	storage::{with_transaction, TransactionOutcome},
	traits::StorePreimage,
	MAX_EXTRINSIC_DEPTH,
};
use sp_runtime::{DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
	/// What `encoded_call` returns when it is dispatched as a proposal on `track` would enact
	/// it, in the state of now: with the DAO origin on the Standard track, as root on the Root
	/// and Emergency tracks, as the proposal submitted next (which a kill it enacts must come
	/// after). Nothing it changes is kept.
	///
	/// Fails with `UndecodableCall` unless the bytes are exactly one call of this runtime, and
	/// with `Exhausted` if they are longer than any preimage may be. The checks of submission
	/// (the Emergency track carries only kills, `MaxEnactmentWeight`) are not made: `submit`
	/// makes them before it holds anything.
	pub fn dry_run_enactment(encoded_call: &[u8], track: Track) -> DispatchResult {
		ensure!(encoded_call.len() <= T::Preimages::MAX_LENGTH, DispatchError::Exhausted);
		let call =
			CallOf::<T>::decode_all_with_depth_limit(MAX_EXTRINSIC_DEPTH, &mut &*encoded_call)
				.map_err(|_| Error::<T>::UndecodableCall)?;
		// Runtime API calls are made on a state that is thrown away; rolling back keeps the dry
		// run harmless wherever else it is called from.
		with_transaction(|| {
			let outcome = Self::dispatch_as_enacted(Self::next_proposal_id(), track, call);
			TransactionOutcome::Rollback(outcome.map(|_| ()).map_err(|error| error.error))
		})
	}
}
