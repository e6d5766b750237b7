import { describe, expect, it } from "vitest";
import { describeCall } from "./call";
import { OST } from "./format";

const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

describe("calls in words", () => {
  it("writes a treasury spend as a sentence", () => {
    const call = { type: "Treasury", value: { type: "spend", value: { beneficiary: ALICE, amount: 250n * 10n ** 12n } } };
    expect(describeCall(call, OST)).toBe("Treasury.spend 250 OST to 5Grwva…utQY");
  });
  it("writes other calls by name and arguments", () => {
    const call = {
      type: "Commons",
      value: { type: "archive", value: { commons: 3, reason: new TextEncoder().encode("gone") } },
    };
    expect(describeCall(call, OST)).toBe('Commons.archive(commons: 3, reason: "gone")');
    expect(describeCall({ type: "System", value: { type: "remark", value: undefined } }, OST)).toBe(
      "System.remark",
    );
    const withEnum = { type: "Proposals", value: { type: "kill", value: { id: 1, track: { type: "Root" } } } };
    expect(describeCall(withEnum, OST)).toBe("Proposals.kill(id: 1, track: Root)");
  });
});
