//! The candidate runtime executed on a copy of the fetched state, as the chain would after
//! enacting it: `:code` replaced, then `TryRuntime_on_runtime_upgrade`.

use codec::{Decode, Encode};
use sc_executor::{HeapAllocStrategy, WasmExecutor};
use sp_core::{
	storage::{well_known_keys, StateVersion, Storage},
	traits::CallContext,
	Blake2Hasher,
};
use sp_state_machine::{
	backend::{BackendRuntimeCode, TryPendingCode},
	InMemoryBackend, OverlayedChanges, StateMachine,
};
use sp_version::RuntimeVersion;
use sp_weights::Weight;

/// Which checks `TryRuntime_on_runtime_upgrade` runs: encoded as FRAME's `UpgradeCheckSelect`,
/// whose crate would bring the `try-runtime` feature into every workspace build.
#[derive(Encode)]
enum UpgradeCheckSelect {
	#[codec(index = 0)]
	None,
	/// Every migration's `pre_upgrade`/`post_upgrade`, decoding the whole state, and every
	/// pallet's `try_state`.
	#[codec(index = 1)]
	All,
}

/// What the upgrade did.
pub struct Outcome {
	/// The weight the upgrade's migrations and hooks declared.
	pub used: Weight,
	/// The most weight one block may use.
	pub max_block: Weight,
	/// Whether running the upgrade again on its own result changed nothing.
	pub idempotency: Idempotency,
}

/// What a second `on_runtime_upgrade`, on the state the first one left, did.
pub enum Idempotency {
	/// It left the state root as it was.
	Unchanged,
	/// It changed the state: a migration ran twice.
	Changed,
	/// It failed (with this message).
	Failed(String),
}

/// The chain's state with the candidate runtime as its code.
pub struct Upgrade {
	backend: InMemoryBackend<Blake2Hasher>,
	executor: WasmExecutor<sp_io::SubstrateHostFunctions>,
}

impl Upgrade {
	/// The state `pairs` with `candidate` (a wasm, compressed or not) as `:code`.
	pub fn new(pairs: Vec<(Vec<u8>, Vec<u8>)>, candidate: Vec<u8>) -> Upgrade {
		let mut top: std::collections::BTreeMap<_, _> = pairs.into_iter().collect();
		top.insert(well_known_keys::CODE.to_vec(), candidate);
		let storage = Storage { top, children_default: Default::default() };
		let backend = InMemoryBackend::from((storage, StateVersion::V1));
		let executor = WasmExecutor::builder()
			// A runtime built against other host functions still loads; a call reaching a
			// missing one fails then, with its name.
			.with_allow_missing_host_functions(true)
			// Migrations over a whole chain's state may need more memory than a block does.
			.with_offchain_heap_alloc_strategy(HeapAllocStrategy::Dynamic { maximum_pages: None })
			.build();
		Upgrade { backend, executor }
	}

	/// The candidate's version, as its `Core_version` answers.
	pub fn candidate_version(&self) -> Result<RuntimeVersion, String> {
		let answer = self.call(&mut OverlayedChanges::default(), "Core_version", &[])?;
		RuntimeVersion::decode(&mut &answer[..])
			.map_err(|error| format!("cannot decode the candidate's Core_version: {error}"))
	}

	/// Runs `on_runtime_upgrade` with every check, then once more without checks on the state
	/// the first run left, to see whether the migrations are idempotent.
	pub fn run(&self) -> Result<Outcome, String> {
		let mut overlay = OverlayedChanges::default();
		let answer = self.call(
			&mut overlay,
			"TryRuntime_on_runtime_upgrade",
			&UpgradeCheckSelect::All.encode(),
		)?;
		let (used, max_block) = <(Weight, Weight)>::decode(&mut &answer[..])
			.map_err(|error| format!("cannot decode the upgrade's weights: {error}"))?;
		let (root_after_upgrade, _) = overlay.storage_root(&self.backend, StateVersion::V1);
		let idempotency = match self.call(
			&mut overlay,
			"TryRuntime_on_runtime_upgrade",
			&UpgradeCheckSelect::None.encode(),
		) {
			Ok(_) => {
				let (root_after_second_run, _) =
					overlay.storage_root(&self.backend, StateVersion::V1);
				if root_after_second_run == root_after_upgrade {
					Idempotency::Unchanged
				} else {
					Idempotency::Changed
				}
			}
			Err(error) => Idempotency::Failed(error),
		};
		Ok(Outcome { used, max_block, idempotency })
	}

	/// Calls the runtime API function `method` with the SCALE-encoded `input` on the state plus
	/// `overlay`, into which its writes go.
	fn call(
		&self,
		overlay: &mut OverlayedChanges<Blake2Hasher>,
		method: &str,
		input: &[u8],
	) -> Result<Vec<u8>, String> {
		let code = BackendRuntimeCode::new(&self.backend, TryPendingCode::No);
		let runtime_code = code.runtime_code().map_err(ToString::to_string)?;
		let answer = StateMachine::new(
			&self.backend,
			overlay,
			&self.executor,
			method,
			input,
			&mut Default::default(),
			&runtime_code,
			CallContext::Offchain,
		)
		.execute();
		// A failed check panics in the runtime: the runtime's log names the check, and the
		// executor's error adds only the trap and a wasm backtrace.
		answer.map_err(|error| {
			let error = error.to_string();
			let first_line = error.lines().next().unwrap_or_default();
			format!("{method} failed (the runtime's log above says why): {first_line}")
		})
	}
}
