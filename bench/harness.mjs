// The benchmarks' statistics. (The examples server and the browser they run in: openExamples() in tools/server.mjs.)

/** The median of `values` (NaN when there are none). */
export function median(values) {
  return percentile(values, 50);
}

/** The `p`th percentile of `values` (0 to 100), interpolated between the nearest ranks; NaN when there are none. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}
