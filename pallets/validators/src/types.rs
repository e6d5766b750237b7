//! The validator set's rules and what its views answer.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};

use scale_info::TypeInfo;

/// Sessions are numbered from zero, at genesis; pallet-session's own index.
pub type SessionIndex = u32;

/// How the validator set turns over and how long a silent validator keeps its slot.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
// Genesis configures the rules: its JSON is their only serde use.
#[serde(rename_all = "camelCase")]
pub struct ValidatorRules<BlockNumber> {
	/// The length of a session in blocks. A change of the set made during session `n` takes
	/// effect when session `n + 2` starts. At least twice the number of validators, so that
	/// every validator has a slot to author in each session and silence means absence.
	pub session_length: BlockNumber,
	/// No call and no parking brings the number of active validators (approved, not parked,
	/// with session keys) below this; at least one.
	pub min_validators: u32,
	/// A validator that authored no block in this many sessions in a row is parked at the next
	/// rotation; at least one.
	pub max_missed_sessions: u32,
}

/// Ten-block sessions, at least one validator, parked after three silent sessions: a
/// development chain's rules. Each genesis preset sets its own.
impl<BlockNumber: From<u32>> Default for ValidatorRules<BlockNumber> {
	fn default() -> Self {
		Self { session_length: 10u32.into(), min_validators: 1, max_missed_sessions: 3 }
	}
}

/// A validator approved by the DAO, as the views show it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct ValidatorView<AccountId> {
	/// The validator's account, which holds its session keys and receives its fees.
	pub account: AccountId,
	/// Whether it has session keys registered (`Session.set_keys`); without them it cannot
	/// validate.
	pub has_keys: bool,
	/// Whether it validates in the current session.
	pub in_current_set: bool,
	/// The session it was parked at, if it was set aside for silence and has not rejoined.
	pub parked_since: Option<SessionIndex>,
	/// The sessions in a row, up to the last one ended, in which it authored nothing.
	pub missed_sessions: u32,
	/// The last session in which it authored a block.
	pub last_authored: Option<SessionIndex>,
}
