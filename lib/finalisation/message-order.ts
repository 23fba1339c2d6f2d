/** Message numbers such as "2.10" in reading order: part by part, as numbers. */
export function byNumber(a: { number: string }, b: { number: string }) {
  const x = a.number.split(".").map(Number);
  const y = b.number.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? -1) - (y[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}
