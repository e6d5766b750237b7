//! The DAO origin, which other pallets accept as their admin origin.

use crate::Origin;
use frame_support::traits::EnsureOrigin;

/// Succeeds for the DAO origin only: a call enacted by a passed Standard-track proposal.
pub struct EnsureDao;

impl<O: Into<Result<Origin, O>> + From<Origin>> EnsureOrigin<O> for EnsureDao {
	type Success = ();

	fn try_origin(origin: O) -> Result<Self::Success, O> {
		origin.into().map(|Origin::Dao| ())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Dao))
	}
}
