//! Where the transaction pool's background tasks run.

use futures::future::BoxFuture;
use sc_service::{SpawnEssentialTaskHandle, SpawnTaskHandle, TaskManager};
use sp_core::traits::SpawnEssentialNamed;

/// Spawns the pool's async tasks as essential (if one ends, the node stops) and its blocking task
/// as an ordinary one.
///
/// The fork-aware pool's one blocking task, the mempool's bridge, waits on a synchronous channel
/// inside a single poll of its future, so it cannot see the node stopping: it ends when the pool
/// is dropped, which happens on every shutdown. As an essential task it then logged "Essential
/// task `txpool-background` failed" on each clean SIGINT. Nothing else ends it; a panic in it
/// still stops the node, through the panic handler.
#[derive(Clone)]
pub struct PoolSpawner {
	essential: SpawnEssentialTaskHandle,
	ordinary: SpawnTaskHandle,
}

impl PoolSpawner {
	pub fn new(task_manager: &TaskManager) -> Self {
		Self {
			essential: task_manager.spawn_essential_handle(),
			ordinary: task_manager.spawn_handle(),
		}
	}
}

impl SpawnEssentialNamed for PoolSpawner {
	fn spawn_essential_blocking(
		&self,
		name: &'static str,
		group: Option<&'static str>,
		future: BoxFuture<'static, ()>,
	) {
		self.ordinary.spawn_blocking(name, group, future);
	}

	fn spawn_essential(
		&self,
		name: &'static str,
		group: Option<&'static str>,
		future: BoxFuture<'static, ()>,
	) {
		self.essential.spawn_essential(name, group, future);
	}
}
