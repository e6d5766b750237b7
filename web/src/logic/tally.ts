// How a tally is drawn: the share of ayes, and how turnout and approval stand against the
// proposal's thresholds. Shares are in billionths (`Perbill`), as the chain reports them.

const BILLION = 1_000_000_000;

export interface TallyFigures {
  ayes: bigint | number;
  nays: bigint | number;
  turnout: number;
  quorum: number;
  approval: number;
}

export interface TallyDrawing {
  /** Percent of the votes that are ayes (0–100); 0 with no votes. */
  ayePercent: number;
  nayPercent: number;
  /** Turnout and quorum in percent of those who may vote. */
  turnoutPercent: number;
  quorumPercent: number;
  /** The approval the ayes must exceed, in percent. */
  approvalPercent: number;
  quorumMet: boolean;
  approvalMet: boolean;
}

export function drawTally(tally: TallyFigures): TallyDrawing {
  const ayes = Number(tally.ayes);
  const nays = Number(tally.nays);
  const total = ayes + nays;
  const ayePercent = total === 0 ? 0 : (ayes * 100) / total;
  const approvalPercent = (tally.approval * 100) / BILLION;
  return {
    ayePercent,
    nayPercent: total === 0 ? 0 : 100 - ayePercent,
    turnoutPercent: (tally.turnout * 100) / BILLION,
    quorumPercent: (tally.quorum * 100) / BILLION,
    approvalPercent,
    quorumMet: tally.turnout >= tally.quorum,
    // The chain's rule: the ayes' share must exceed the approval threshold.
    approvalMet: total > 0 && ayes * BILLION > tally.approval * total,
  };
}
