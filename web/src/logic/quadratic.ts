// Quadratic voting as the voter sees it before signing: what a vote costs and what it leaves.
// The chain charges the same (`QuadraticVoting.vote_quote`); the browser tests compare the two.

/** Casting `votes` votes costs `votes²` voice credits. */
export function voteCost(votes: number): bigint {
  const n = BigInt(Math.max(0, Math.floor(votes)));
  return n * n;
}

export interface VotePlan {
  /** The new vote's cost. */
  cost: bigint;
  /** What replacing the voter's earlier vote in this epoch gives back first. */
  refund: bigint;
  /** The credits left once the vote is cast; negative when it cannot be paid. */
  leftAfter: bigint;
  affordable: boolean;
}

/**
 * The plan of a vote of `votes` votes by a voter with `creditsLeft` credits whose earlier vote
 * on the same proposal, cast in this epoch, cost `earlierCost` (zero if none).
 */
export function planVote(votes: number, creditsLeft: bigint, earlierCost: bigint): VotePlan {
  const cost = voteCost(votes);
  const leftAfter = creditsLeft + earlierCost - cost;
  return { cost, refund: earlierCost, leftAfter, affordable: leftAfter >= 0n };
}

/** The most votes a budget of `credits` can buy: ⌊√credits⌋. */
export function maxVotes(credits: bigint): number {
  if (credits <= 0n) return 0;
  let low = 0n;
  let high = credits;
  while (low < high) {
    const mid = (low + high + 1n) / 2n;
    if (mid * mid <= credits) low = mid;
    else high = mid - 1n;
  }
  return Number(low);
}
