import { describe, expect, it } from "vitest";
import {
  formatBalance,
  formatCountdown,
  formatDuration,
  formatPerbill,
  parseBalance,
  shortAddress,
} from "./format";

const UNIT = 10n ** 12n;

describe("balances", () => {
  it("writes whole tokens with grouped thousands", () => {
    expect(formatBalance(1_000_000n * UNIT)).toBe("1,000,000 OST");
    expect(formatBalance(0n)).toBe("0 OST");
  });
  it("writes fractions without trailing zeros, cut and never rounded up", () => {
    expect(formatBalance(UNIT / 2n)).toBe("0.5 OST");
    expect(formatBalance(UNIT - 1n)).toBe("0.9999 OST");
    expect(formatBalance(1234_5678n * (UNIT / 10_000n), { symbol: "X", decimals: 12 }, 2)).toBe(
      "1,234.56 X",
    );
  });
  it("says when a non-zero amount is below what it shows", () => {
    expect(formatBalance(1n)).toBe("< 0.0001 OST");
  });
  it("reads typed amounts exactly", () => {
    expect(parseBalance("250")).toEqual({ ok: true, value: 250n * UNIT });
    expect(parseBalance("0.5")).toEqual({ ok: true, value: UNIT / 2n });
    expect(parseBalance("1,000.000000000001")).toEqual({ ok: true, value: 1000n * UNIT + 1n });
    expect(parseBalance(".25")).toEqual({ ok: true, value: UNIT / 4n });
  });
  it("refuses what is not an amount, in words", () => {
    expect(parseBalance("")).toMatchObject({ ok: false });
    expect(parseBalance("-1")).toMatchObject({ ok: false });
    expect(parseBalance("1e3")).toMatchObject({ ok: false });
    expect(parseBalance(".")).toMatchObject({ ok: false });
    expect(parseBalance("0.0000000000001")).toEqual({
      ok: false,
      error: "OST has at most 12 decimals",
    });
  });
  it("round-trips", () => {
    for (const value of [0n, 1n, UNIT, 123_456_789n * UNIT + 5n * 10n ** 8n]) {
      const written = formatBalance(value, undefined, 12).replace(" OST", "");
      expect(parseBalance(written)).toEqual({ ok: true, value });
    }
  });
});

describe("durations", () => {
  it("keeps the two largest units", () => {
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 59_000)).toBe("2 d 3 h");
    expect(formatDuration(330_000)).toBe("5 min 30 s");
    expect(formatDuration(60_000)).toBe("1 min");
    expect(formatDuration(6_000)).toBe("6 s");
    expect(formatDuration(0)).toBe("now");
    expect(formatDuration(-5)).toBe("now");
  });
  it("counts blocks down and up", () => {
    expect(formatCountdown(100, 110, 6000)).toBe("in 1 min (block #110)");
    expect(formatCountdown(110, 100, 6000)).toBe("1 min ago (block #100)");
    expect(formatCountdown(7, 7, 6000)).toBe("this block");
  });
});

describe("addresses and shares", () => {
  it("cuts addresses in the middle", () => {
    expect(shortAddress("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")).toBe("5Grwva…utQY");
    expect(shortAddress("5Grwva")).toBe("5Grwva");
  });
  it("writes billionths as percent", () => {
    expect(formatPerbill(500_000_000)).toBe("50 %");
    expect(formatPerbill(125_000_000)).toBe("12.5 %");
    expect(formatPerbill(1)).toBe("0 %");
  });
});
