/** The value at quantile `q` of ascending `sorted` (nearest rank, as every table here reports p50 and p99). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

/** The median of ascending `sorted`: the mean of the two middle values when their count is even. */
export function median(sorted: ArrayLike<number>): number {
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
}
