/** Percentages are given to one decimal place: 40 people make steps of 2.5 %. */
export const PERCENT_DECIMALS = 1;

/**
 * Shares of `total` in percent, rounded so that they add up to exactly 100
 * (largest remainder, Hamilton's method): every value is first rounded down,
 * then the units still missing go to the largest remainders; ties go to the
 * larger value, then to the earlier one, so the result is stable.
 * All zeros when the total is zero. Values must be whole numbers ≥ 0 whose sum is `total`.
 */
export function largestRemainderPercentages(values: readonly number[], decimals = PERCENT_DECIMALS): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total === 0) return values.map(() => 0);
  const units = 100 * 10 ** decimals;
  // Integer arithmetic: value * units / total as a whole part and a remainder (exact, no floating point drift).
  const shares = values.map((value, index) => ({ index, value, whole: Math.floor((value * units) / total), remainder: (value * units) % total }));
  let missing = units - shares.reduce((sum, share) => sum + share.whole, 0);
  const order = [...shares].sort((a, b) => b.remainder - a.remainder || b.value - a.value || a.index - b.index);
  for (const share of order) {
    if (missing === 0) break;
    if (share.remainder === 0) continue;
    share.whole += 1;
    missing -= 1;
  }
  return shares.map((share) => share.whole / 10 ** decimals);
}

/** Adds percentages given to `decimals` places without floating point drift (for checks: the result is 100). */
export function sumOfPercentages(percentages: readonly number[], decimals = PERCENT_DECIMALS) {
  const scale = 10 ** decimals;
  return percentages.reduce((sum, percent) => sum + Math.round(percent * scale), 0) / scale;
}
