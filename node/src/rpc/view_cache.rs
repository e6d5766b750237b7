//! Answers of `dao_*` views already computed at a block. A view is a function of a block's state
//! and of its arguments, so the same call at the same block is answered from here without
//! entering the runtime again: clients polling the best block (dashboards, explorers) cost one
//! runtime call per block, method and arguments, not one each. A block's state never changes, so
//! an answer is never stale; the oldest are forgotten first.

use ostrom_runtime::Hash;
use schnellru::{ByLength, LruMap};
use std::{
	any::Any,
	sync::{Arc, Mutex},
};

/// How many answers are kept. The largest, a page of 100 commons or proposals, takes some
/// 100 KiB: 256 of them at most 25 MiB.
pub const CACHED_ANSWERS: u32 = 256;

/// A view's call: the block, the method and its SCALE-encoded arguments.
pub type ViewKey = (Hash, &'static str, Vec<u8>);

/// The answers, shared by every connection; each is the type its method returns.
#[derive(Clone)]
pub struct ViewCache(Arc<Mutex<LruMap<ViewKey, Arc<dyn Any + Send + Sync>>>>);

impl Default for ViewCache {
	fn default() -> Self {
		Self(Arc::new(Mutex::new(LruMap::new(ByLength::new(CACHED_ANSWERS)))))
	}
}

impl ViewCache {
	/// The answer to `key`, if it was computed; `None` as well if it was of another type.
	pub fn get<R: Clone + 'static>(&self, key: &ViewKey) -> Option<R> {
		let mut answers = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		answers.get(key).and_then(|answer| answer.downcast_ref::<R>()).cloned()
	}

	pub fn insert<R: Send + Sync + 'static>(&self, key: ViewKey, answer: R) {
		let mut answers = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		answers.insert(key, Arc::new(answer));
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn key(block: u8, method: &'static str, args: &[u8]) -> ViewKey {
		(Hash::repeat_byte(block), method, args.to_vec())
	}

	#[test]
	fn an_answer_is_kept_per_block_method_and_arguments() {
		let cache = ViewCache::default();
		cache.insert(key(1, "proposal", &[0]), Some(7u32));
		assert_eq!(cache.get::<Option<u32>>(&key(1, "proposal", &[0])), Some(Some(7)));
		assert_eq!(cache.get::<Option<u32>>(&key(2, "proposal", &[0])), None);
		assert_eq!(cache.get::<Option<u32>>(&key(1, "proposal", &[1])), None);
		assert_eq!(cache.get::<Option<u32>>(&key(1, "commons", &[0])), None);
		// Asked for as another type, it is not there.
		assert_eq!(cache.get::<u64>(&key(1, "proposal", &[0])), None);
	}

	#[test]
	fn the_oldest_answers_are_forgotten_first() {
		let cache = ViewCache::default();
		for block in 0..=CACHED_ANSWERS {
			cache.insert(key(0, "tally", &block.to_le_bytes()), block);
		}
		assert_eq!(cache.get::<u32>(&key(0, "tally", &0u32.to_le_bytes())), None);
		assert_eq!(cache.get::<u32>(&key(0, "tally", &1u32.to_le_bytes())), Some(1));
		assert_eq!(
			cache.get::<u32>(&key(0, "tally", &CACHED_ANSWERS.to_le_bytes())),
			Some(CACHED_ANSWERS)
		);
	}
}
