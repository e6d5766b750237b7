import { describe, expect, it } from "vitest";
import { maxVotes, planVote, voteCost } from "./quadratic";

describe("quadratic cost", () => {
  it("is the square of the votes", () => {
    expect([0, 1, 2, 3, 10].map(voteCost)).toEqual([0n, 1n, 4n, 9n, 100n]);
    expect(voteCost(65_535)).toBe(4_294_836_225n);
  });
  it("leaves the budget minus the cost", () => {
    expect(planVote(3, 100n, 0n)).toEqual({ cost: 9n, refund: 0n, leftAfter: 91n, affordable: true });
  });
  it("gives back the earlier vote's cost before charging the new one", () => {
    // 100 credits, of which an earlier 4-vote cost 16: 84 left; 5 votes cost 25.
    expect(planVote(5, 84n, 16n)).toEqual({ cost: 25n, refund: 16n, leftAfter: 75n, affordable: true });
  });
  it("refuses what the budget cannot pay", () => {
    expect(planVote(11, 100n, 0n)).toMatchObject({ leftAfter: -21n, affordable: false });
    expect(planVote(10, 100n, 0n)).toMatchObject({ leftAfter: 0n, affordable: true });
  });
  it("buys at most the square root of the budget", () => {
    expect([0n, 1n, 3n, 4n, 99n, 100n, 101n].map(maxVotes)).toEqual([0, 1, 1, 2, 9, 10, 10]);
  });
});
