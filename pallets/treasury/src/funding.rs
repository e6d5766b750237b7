//! The quadratic-funding rule, apart from storage so that it can be checked by hand.
//!
//! A commons whose contributors gave `c₁ … cₙ` (each contributor's gifts summed first) would
//! ideally be matched `(Σ √cᵢ)² − Σ cᵢ`: many small gifts weigh more than one large gift of the
//! same total. When the ideal matches of a round add up to more than its pool, they are scaled
//! down in proportion so that the pool suffices; otherwise each commons gets its ideal match and
//! the rest of the pool stays in the pot. Amounts are in the smallest unit, with integer square
//! roots, and every division rounds down: payouts never exceed the pool.

use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding, traits::IntegerSquareRoot, Rounding,
};

/// The integer square root of a contributor's total, as summed into `root_sum`.
pub fn root(amount: u128) -> u128 {
	amount.integer_sqrt()
}

/// The ideal match of a commons with contributions `contributed` whose contributors' roots sum
/// to `root_sum`.
pub fn ideal_match(contributed: u128, root_sum: u128) -> u128 {
	root_sum.saturating_mul(root_sum).saturating_sub(contributed)
}

/// The matches from `pool` for commons with the given ideal matches, in the same order. They
/// never add up to more than `pool`, even where the ideals' sum saturates.
pub fn matches(pool: u128, ideals: &[u128]) -> impl Iterator<Item = u128> + '_ {
	let total = ideals.iter().fold(0u128, |sum, ideal| sum.saturating_add(*ideal));
	let mut left = pool;
	ideals.iter().map(move |&ideal| {
		let share = if total <= pool {
			ideal
		} else {
			// `total > pool ≥ 0`, so the divisor is not zero.
			multiply_by_rational_with_rounding(ideal, pool, total, Rounding::Down).unwrap_or(0)
		};
		let share = share.min(left);
		left -= share;
		share
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A unit whose square root is whole: √1_000_000 = 1_000.
	const UNIT: u128 = 1_000_000;

	fn ideal(contributions: &[u128]) -> u128 {
		let roots = contributions.iter().map(|c| root(*c)).sum();
		ideal_match(contributions.iter().sum(), roots)
	}

	#[test]
	fn many_small_gifts_are_matched_more_than_one_large_gift() {
		// Four members give 1 each: (4 × √1)² − 4 = 12. One member gives 4: (√4)² − 4 = 0.
		assert_eq!(ideal(&[UNIT; 4]), 12 * UNIT);
		assert_eq!(ideal(&[4 * UNIT]), 0);
		// 1 and 4 from two members: (1 + 2)² − 5 = 4.
		assert_eq!(ideal(&[UNIT, 4 * UNIT]), 4 * UNIT);
	}

	#[test]
	fn a_pool_larger_than_the_ideal_matches_pays_them_exactly() {
		let paid: Vec<_> = matches(20 * UNIT, &[12 * UNIT, 4 * UNIT, 0]).collect();
		assert_eq!(paid, [12 * UNIT, 4 * UNIT, 0]);
	}

	#[test]
	fn a_smaller_pool_is_shared_in_proportion_rounding_down() {
		// 7 shared 12 : 4 gives 5.25 and 1.75.
		let paid: Vec<_> = matches(7 * UNIT, &[12 * UNIT, 4 * UNIT]).collect();
		assert_eq!(paid, [5_250_000, 1_750_000]);
		// 1_000_001 shared 3 : 1 gives 750_000.75 and 250_000.25: one unit of dust stays.
		let paid: Vec<_> = matches(1_000_001, &[12 * UNIT, 4 * UNIT]).collect();
		assert_eq!(paid, [750_000, 250_000]);
	}

	#[test]
	fn no_ideal_match_pays_nothing() {
		assert_eq!(matches(5 * UNIT, &[0, 0]).collect::<Vec<_>>(), [0, 0]);
		assert_eq!(matches(0, &[3, 4]).collect::<Vec<_>>(), [0, 0]);
	}

	#[test]
	fn huge_amounts_saturate_instead_of_overflowing() {
		// (2 × √max)² overflows u128: it saturates at u128::MAX rather than wrapping.
		assert_eq!(ideal_match(0, root(u128::MAX) * 2), u128::MAX);
		assert_eq!(ideal_match(u128::MAX, root(u128::MAX) * 2), 0);
		// Two saturated ideals: the shares of a saturated sum still stay within the pool.
		let pool = u128::MAX / 2;
		let paid: Vec<_> = matches(pool, &[u128::MAX, u128::MAX]).collect();
		assert_eq!(paid, [pool, 0]);
	}
}
