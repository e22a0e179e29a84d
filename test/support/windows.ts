/** The largest number of grants inside any window of `windowMs` (a window starting at each grant). */
export function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0; i < sorted.length; i++) {
    let n = 0;
    for (let j = i; j < sorted.length && (sorted[j] as number) < (sorted[i] as number) + windowMs; j++) n++;
    max = Math.max(max, n);
  }
  return max;
}
