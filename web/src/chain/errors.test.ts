import { describe, expect, it } from "vitest";
import { errorName } from "./errors";

describe("error names", () => {
  it("names a pallet's error by pallet and variant", () => {
    const error = { type: "Module", value: { type: "QuadraticVoting", value: { type: "NotEnoughCredits" } } };
    expect(errorName(error)).toBe("QuadraticVoting.NotEnoughCredits");
  });
  it("names other dispatch errors by kind", () => {
    expect(errorName({ type: "BadOrigin" })).toBe("BadOrigin");
    expect(errorName({ type: "Token", value: { type: "FundsUnavailable" } })).toBe("Token.FundsUnavailable");
  });
});
