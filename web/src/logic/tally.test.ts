import { describe, expect, it } from "vitest";
import { drawTally } from "./tally";

const HALF = 500_000_000;

describe("tally drawing", () => {
  it("splits the bar between ayes and nays", () => {
    const d = drawTally({ ayes: 3n, nays: 1n, turnout: 2 * 333_333_333, quorum: HALF, approval: HALF });
    expect(d.ayePercent).toBe(75);
    expect(d.nayPercent).toBe(25);
    expect(d.quorumMet).toBe(true);
    expect(d.approvalMet).toBe(true);
  });
  it("needs the ayes to exceed the approval threshold, not meet it", () => {
    const d = drawTally({ ayes: 2n, nays: 2n, turnout: HALF, quorum: HALF, approval: HALF });
    expect(d.approvalMet).toBe(false);
    expect(d.quorumMet).toBe(true);
  });
  it("draws no votes as empty bars", () => {
    const d = drawTally({ ayes: 0n, nays: 0n, turnout: 0, quorum: HALF, approval: HALF });
    expect([d.ayePercent, d.nayPercent, d.turnoutPercent]).toEqual([0, 0, 0]);
    expect(d.quorumMet || d.approvalMet).toBe(false);
    expect(d.quorumPercent).toBe(50);
  });
});
