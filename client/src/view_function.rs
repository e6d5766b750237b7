//! Calling a pallet's view function.
//!
//! subxt 0.51 sends a view function's query id and arguments back to back and reads the answer
//! as the bare value, but the runtime API is `execute_view_function(query_id, input: Vec<u8>)
//! -> Result<Vec<u8>, ViewFunctionDispatchError>`: the arguments need their length prefix and
//! the value comes inside `Ok` with its own. So the call is made raw, with subxt's encoding of
//! the arguments, and the answer decoded against the function's output type in the metadata.

use crate::OstromConfig;
use subxt::{
	client::OnlineClientAtBlock,
	ext::{
		codec::{Decode, Encode},
		scale_decode::DecodeAsType,
	},
	view_functions::Payload,
};

/// Why a view function gave no answer.
#[derive(Debug)]
pub enum ViewFunctionError {
	/// The arguments do not fit the runtime, or the node did not answer.
	Call(String),
	/// The runtime refused the query (e.g. it has no such view function).
	Refused,
	/// The runtime's metadata has no view function of that name.
	Unknown,
	/// The answer does not decode as the function's output.
	Decode(String),
}

impl core::fmt::Display for ViewFunctionError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::Call(reason) => write!(f, "the call failed: {reason}"),
			Self::Refused => f.write_str("the runtime refused the query"),
			Self::Unknown => f.write_str("the runtime has no such view function"),
			Self::Decode(reason) => write!(f, "the answer does not decode: {reason}"),
		}
	}
}

impl std::error::Error for ViewFunctionError {}

/// What the view function `call` answers at block `at`.
pub async fn view_function<Call: Payload>(
	at: &OnlineClientAtBlock<OstromConfig>,
	call: Call,
) -> Result<Call::ReturnType, ViewFunctionError> {
	let view_functions = at.view_functions();
	let encoded =
		view_functions.encode_args(&call).map_err(|e| ViewFunctionError::Call(e.to_string()))?;
	// The first 32 bytes are the query id, the rest the arguments.
	let (query_id, args) = encoded.split_at(encoded.len().min(32));
	let mut input = query_id.to_vec();
	args.to_vec().encode_to(&mut input);
	let answer = view_functions
		.call_raw(Some(&input))
		.await
		.map_err(|e| ViewFunctionError::Call(e.to_string()))?;
	let output = match answer.split_first() {
		Some((0, output)) => Vec::<u8>::decode(&mut &output[..])
			.map_err(|e| ViewFunctionError::Decode(e.to_string()))?,
		_ => return Err(ViewFunctionError::Refused),
	};
	let metadata = at.metadata();
	let output_ty = metadata
		.pallet_by_name(call.pallet_name())
		.and_then(|pallet| pallet.view_function_by_name(call.function_name()))
		.map(|function| function.output_ty())
		.ok_or(ViewFunctionError::Unknown)?;
	Call::ReturnType::decode_as_type(&mut &output[..], output_ty, metadata.types())
		.map_err(|e| ViewFunctionError::Decode(e.to_string()))
}
