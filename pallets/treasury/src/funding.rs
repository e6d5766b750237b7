//! Pairwise-bounded quadratic funding, apart from storage so that it can be checked by hand.
//!
//! Plain quadratic funding matches a commons whose givers gave `c₁ … cₙ` (each giver's gifts
//! to it summed) by `(Σ √cᵢ)² − Σ cᵢ = Σ_{i<j} 2·√cᵢ·√cⱼ`: a subsidy for every pair of givers.
//! Two colluders who give large sums to one commons so draw 2c from the pool.
//!
//! Pairwise bounding (V. Buterin, "Pairwise coordination subsidies", 2019) scales each pair's
//! subsidy by `k = M / (M + S)`, where `S = Σₚ √cᵢₚ·√cⱼₚ` is the pair's *coordination*: how
//! much they co-funded over all commons `p` of the round, and `M` the coordination bound. A
//! pair's subsidies over the whole round then add up to `2·S·M / (M + S) < 2·M`, however much
//! they give; pairs of small independent givers, whose `S` is small against `M`, keep nearly
//! the plain match: for two givers of at most `c` each who meet in one commons, the pair's
//! subsidy is at least `M / (M + c)` of the plain one.
//!
//! A commons' ideal match is the sum of its pairs' subsidies, capped at a share of the pool;
//! when the capped ideals add up to more than the pool they are scaled down in proportion.
//!
//! Exact integer arithmetic, in the smallest unit: square roots are integer square roots, and
//! every division rounds down, so that payouts never exceed the pool and never exceed plain
//! quadratic funding on the same roots. What the pool does not pay, rounding dust included,
//! stays in the pot.

use alloc::vec::Vec;
use ostrom_primitives::CommonsId;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding, traits::IntegerSquareRoot, Rounding,
};

/// A giver's gifts in a round as their integer square roots, one per commons, sorted by
/// commons: taken once per giver, not once per pair.
pub type Roots = [(CommonsId, u128)];

/// The integer square root of a gift.
pub fn root(amount: u128) -> u128 {
	amount.integer_sqrt()
}

/// The coordination `S` of two givers: `Σₚ √aₚ·√bₚ` over the commons both gave to.
pub fn coordination(a: &Roots, b: &Roots) -> u128 {
	let (mut i, mut j, mut sum) = (0, 0, 0u128);
	while let (Some((commons_a, root_a)), Some((commons_b, root_b))) = (a.get(i), b.get(j)) {
		match commons_a.cmp(commons_b) {
			core::cmp::Ordering::Less => i += 1,
			core::cmp::Ordering::Greater => j += 1,
			core::cmp::Ordering::Equal => {
				sum = sum.saturating_add(root_a.saturating_mul(*root_b));
				i += 1;
				j += 1;
			}
		}
	}
	sum
}

/// The subsidy one pair of givers, with roots `root_i` and `root_j` of their gifts to one
/// commons and coordination `coordination`, earns that commons: `2·√cᵢ·√cⱼ·M / (M + S)`,
/// rounded down. Zero when `bound` is zero.
pub fn pair_subsidy(root_i: u128, root_j: u128, coordination: u128, bound: u128) -> u128 {
	let plain = root_i.saturating_mul(root_j).saturating_mul(2);
	// `bound + coordination` is zero only when `bound` is: then nothing is paid.
	multiply_by_rational_with_rounding(
		plain,
		bound,
		bound.saturating_add(coordination),
		Rounding::Down,
	)
	.unwrap_or(0)
}

/// A giver to one commons: what they gave it, and the roots of all their gifts of the round.
pub struct Giver<'a> {
	/// What they gave this commons.
	pub amount: u128,
	/// The roots of all their gifts in the round, sorted by commons.
	pub gifts: &'a Roots,
}

/// The ideal match of a commons whose matched givers are `givers`: the sum of their pairs'
/// subsidies. Visits every pair once: `n·(n−1)/2` coordinations.
pub fn ideal_match(givers: &[Giver], bound: u128) -> u128 {
	let roots: Vec<u128> = givers.iter().map(|giver| root(giver.amount)).collect();
	let mut total = 0u128;
	for (i, giver) in givers.iter().enumerate() {
		for (j, other) in givers.iter().enumerate().skip(i + 1) {
			let together = coordination(giver.gifts, other.gifts);
			total = total.saturating_add(pair_subsidy(roots[i], roots[j], together, bound));
		}
	}
	total
}

/// The plain quadratic-funding match of the same givers, `Σ_{i<j} 2·√cᵢ·√cⱼ`: what the
/// pairwise match never exceeds.
pub fn plain_match(amounts: &[u128]) -> u128 {
	let roots = amounts.iter().fold(0u128, |sum, amount| sum.saturating_add(root(*amount)));
	let squares =
		amounts.iter().fold(0u128, |sum, amount| sum.saturating_add(root(*amount).pow(2)));
	roots.saturating_mul(roots).saturating_sub(squares)
}

/// The pairs of a commons with `givers` matched givers.
pub fn pairs(givers: u32) -> u32 {
	givers.saturating_mul(givers.saturating_sub(1)) / 2
}

/// The matches from `pool` for commons with the given ideal matches, in the same order: each
/// ideal capped at `cap`, then all scaled down in proportion if they exceed the pool. They
/// never add up to more than `pool`, even where the ideals' sum saturates.
pub fn matches(pool: u128, cap: u128, ideals: &[u128]) -> Vec<u128> {
	let capped: Vec<u128> = ideals.iter().map(|ideal| (*ideal).min(cap)).collect();
	let total = capped.iter().fold(0u128, |sum, ideal| sum.saturating_add(*ideal));
	let mut left = pool;
	capped
		.iter()
		.map(|&ideal| {
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
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A unit whose square root is whole: √1_000_000 = 1_000.
	const UNIT: u128 = 1_000_000;

	/// The roots of `gifts`.
	fn roots(gifts: &[(CommonsId, u128)]) -> Vec<(CommonsId, u128)> {
		gifts.iter().map(|(commons, amount)| (*commons, root(*amount))).collect()
	}

	#[test]
	fn coordination_sums_root_products_over_shared_commons_only() {
		let a = roots(&[(0, 4 * UNIT), (2, UNIT), (5, 9 * UNIT)]);
		let b = roots(&[(1, UNIT), (2, 9 * UNIT), (5, UNIT)]);
		// Commons 2: √1·√9 = 3; commons 5: √9·√1 = 3 (in units).
		assert_eq!(coordination(&a, &b), 6 * UNIT);
		assert_eq!(coordination(&a, &[]), 0);
	}

	#[test]
	fn a_pair_subsidy_is_scaled_by_m_over_m_plus_coordination() {
		// Two gifts of 4: plain 2·2·2 = 8; S = 4 and M = 12: 8 · 12/16 = 6.
		assert_eq!(pair_subsidy(2_000, 2_000, 4 * UNIT, 12 * UNIT), 6 * UNIT);
		// No bound, no subsidy; no coordination, the plain subsidy.
		assert_eq!(pair_subsidy(2_000, 2_000, 4 * UNIT, 0), 0);
		assert_eq!(pair_subsidy(2_000, 2_000, 0, 12 * UNIT), 8 * UNIT);
		// 8 · 7/11 = 5.0909…: rounded down.
		assert_eq!(pair_subsidy(2_000, 2_000, 4 * UNIT, 7 * UNIT), 5_090_909);
	}

	#[test]
	fn plain_match_is_the_sum_of_pairs() {
		// Four givers of 1: (4·1)² − 4 = 12 = six pairs of 2.
		assert_eq!(plain_match(&[UNIT; 4]), 12 * UNIT);
		assert_eq!(plain_match(&[4 * UNIT]), 0);
		assert_eq!(pairs(4), 6);
		assert_eq!(pairs(0), 0);
	}

	#[test]
	fn a_large_bound_gives_nearly_the_plain_match() {
		let gifts: Vec<[(CommonsId, u128); 1]> = (0..10).map(|_| [(0, root(UNIT))]).collect();
		let givers: Vec<Giver> = gifts.iter().map(|g| Giver { amount: UNIT, gifts: g }).collect();
		// 45 pairs of 2·1 = 90 plain; M = 1000: each pair 2 · 1000/1001.
		let pairwise = ideal_match(&givers, 1_000 * UNIT);
		assert_eq!(plain_match(&[UNIT; 10]), 90 * UNIT);
		assert_eq!(pairwise, 45 * (2 * UNIT * 1_000 / 1_001));
		assert!(90 * UNIT - pairwise < 90 * UNIT / 1_000);
	}

	#[test]
	fn capped_ideals_within_the_pool_are_paid_exactly() {
		assert_eq!(
			matches(20 * UNIT, 10 * UNIT, &[12 * UNIT, 4 * UNIT, 0]),
			[10 * UNIT, 4 * UNIT, 0]
		);
	}

	#[test]
	fn a_smaller_pool_is_shared_in_proportion_rounding_down() {
		// 7 shared 12 : 4 gives 5.25 and 1.75.
		assert_eq!(matches(7 * UNIT, u128::MAX, &[12 * UNIT, 4 * UNIT]), [5_250_000, 1_750_000]);
		// 1_000_001 shared 3 : 1 gives 750_000.75 and 250_000.25: one unit of dust stays.
		assert_eq!(matches(1_000_001, u128::MAX, &[12 * UNIT, 4 * UNIT]), [750_000, 250_000]);
	}

	#[test]
	fn huge_amounts_saturate_instead_of_overflowing() {
		let pool = u128::MAX / 2;
		assert_eq!(matches(pool, u128::MAX, &[u128::MAX, u128::MAX]), [pool, 0]);
		assert_eq!(pair_subsidy(u128::MAX, u128::MAX, u128::MAX, u128::MAX), u128::MAX);
		assert_eq!(plain_match(&[u128::MAX]), 0);
	}

	mod properties {
		use super::*;
		use proptest::prelude::*;

		const BOUND: u128 = 100 * UNIT;

		proptest! {
			/// Givers who each give at most `c` to one commons only meet once, with `S ≤ c`: the
			/// pairwise match keeps at least `M / (M + c)` of the plain one (less one unit of
			/// rounding per pair) and never exceeds it.
			#[test]
			fn independent_small_donors_stay_near_plain_funding(
				amounts in proptest::collection::vec(1..=UNIT, 2..40)
			) {
				let gifts: Vec<[(CommonsId, u128); 1]> =
					amounts.iter().map(|a| [(0, root(*a))]).collect();
				let givers: Vec<Giver> = amounts
					.iter()
					.zip(&gifts)
					.map(|(amount, gifts)| Giver { amount: *amount, gifts })
					.collect();
				let pairwise = ideal_match(&givers, BOUND);
				let plain = plain_match(&amounts);
				let pairs = u128::from(pairs(amounts.len() as u32));
				prop_assert!(pairwise <= plain);
				prop_assert!(pairwise + pairs >= plain * BOUND / (BOUND + UNIT));
			}

			/// Random gifts of a few givers to a few commons: each commons' pairwise match is at
			/// most its plain one, and each pair earns less than `2·M` over the whole round.
			#[test]
			fn every_pair_earns_less_than_twice_the_bound(
				matrix in proptest::collection::vec(
					proptest::collection::vec(0..=1_000 * UNIT, 3), 2..8
				)
			) {
				let gifts: Vec<Vec<(CommonsId, u128)>> = matrix
					.iter()
					.map(|row| {
						row.iter()
							.enumerate()
							.filter(|(_, amount)| **amount > 0)
							.map(|(commons, amount)| (commons as CommonsId, root(*amount)))
							.collect()
					})
					.collect();
				for commons in 0..3 {
					let givers: Vec<Giver> = matrix
						.iter()
						.zip(&gifts)
						.filter(|(row, _)| row[commons] > 0)
						.map(|(row, gifts)| Giver { amount: row[commons], gifts })
						.collect();
					let amounts: Vec<u128> = givers.iter().map(|giver| giver.amount).collect();
					prop_assert!(ideal_match(&givers, BOUND) <= plain_match(&amounts));
				}
				for (i, a) in gifts.iter().enumerate() {
					for b in gifts.iter().skip(i + 1) {
						let together = coordination(a, b);
						let earned: u128 = (0..3)
							.filter_map(|commons| {
								let here = |g: &Vec<(CommonsId, u128)>| {
									g.iter().find(|(c, _)| *c == commons).map(|(_, r)| *r)
								};
								Some(pair_subsidy(here(a)?, here(b)?, together, BOUND))
							})
							.sum();
						prop_assert!(earned < 2 * BOUND);
					}
				}
			}
		}
	}
}
