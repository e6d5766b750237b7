// How the dashboard writes amounts, durations, shares and addresses. Pure functions, unit-tested.

/** The chain's token, read from the chain's properties; OST with 12 decimals by default. */
export interface Token {
  symbol: string;
  decimals: number;
}

export const OST: Token = { symbol: "OST", decimals: 12 };

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * An amount in the token's smallest unit written in whole tokens: thousands grouped, at most
 * `fractionDigits` decimals (cut, not rounded, so that a balance is never shown larger than it
 * is), trailing zeros dropped: `1,000,000 OST`, `0.5 OST`, `< 0.0001 OST`.
 */
export function formatBalance(amount: bigint, token: Token = OST, fractionDigits = 4): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const unit = 10n ** BigInt(token.decimals);
  const whole = abs / unit;
  const fraction = (abs % unit).toString().padStart(token.decimals, "0");
  const shown = fraction.slice(0, fractionDigits).replace(/0+$/, "");
  if (whole === 0n && shown === "" && abs !== 0n) {
    return `${negative ? "> -" : "< "}0.${"0".repeat(Math.max(fractionDigits - 1, 0))}1 ${token.symbol}`;
  }
  const sign = negative ? "-" : "";
  return `${sign}${group(whole.toString())}${shown ? "." + shown : ""} ${token.symbol}`;
}

/**
 * Reads an amount typed in whole tokens ("250", "0.5", "1,000") into the smallest unit; an
 * error in words for anything else (more decimals than the token has, signs, letters).
 */
export function parseBalance(
  text: string,
  token: Token = OST,
): { ok: true; value: bigint } | { ok: false; error: string } {
  const cleaned = text.trim().replace(/[,_\s]/g, "");
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!cleaned || !match || (match[1] === "" && !match[2])) {
    return { ok: false, error: `"${text}" is not an amount of ${token.symbol}` };
  }
  const [, whole, fraction = ""] = match;
  if (fraction.length > token.decimals) {
    return { ok: false, error: `${token.symbol} has at most ${token.decimals} decimals` };
  }
  const unit = 10n ** BigInt(token.decimals);
  const value = BigInt(whole || "0") * unit + BigInt(fraction.padEnd(token.decimals, "0") || "0");
  return { ok: true, value };
}

/** A duration in words, its two largest units: `2 d 3 h`, `5 min 30 s`, `now` for zero or less. */
export function formatDuration(ms: number): string {
  if (!(ms > 0)) return "now";
  const units: [string, number][] = [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["min", 60_000],
    ["s", 1_000],
  ];
  const parts: string[] = [];
  let rest = Math.round(ms / 1000) * 1000;
  for (const [name, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0 || parts.length > 0) {
      if (count > 0) parts.push(`${count} ${name}`);
      rest -= count * size;
      if (parts.length === 2 || (parts.length === 1 && count === 0)) break;
    }
  }
  return parts.length ? parts.join(" ") : "< 1 s";
}

/** How long until block `target`, seen from block `now`: `in 1 min` or `5 s ago`. */
export function formatCountdown(now: number, target: number, msPerBlock: number): string {
  const blocks = target - now;
  if (blocks === 0) return "this block";
  const words = formatDuration(Math.abs(blocks) * msPerBlock);
  return blocks > 0 ? `in ${words} (block #${target})` : `${words} ago (block #${target})`;
}

/** An SS58 address cut to its first six and last four characters: `5Grwva…utQY`. */
export function shortAddress(address: string): string {
  return address.length <= 13 ? address : `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** A share stored in billionths (`Perbill`) as a percentage: `12.5 %`. */
export function formatPerbill(parts: number): string {
  const percent = parts / 10_000_000;
  return `${Number(percent.toFixed(2))} %`;
}

/** UTF-8 bytes as text, for names, licences and notes the chain keeps as bytes. */
export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** Text as UTF-8 bytes, for the chain. */
export function bytes(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}
