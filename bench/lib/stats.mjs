// Small statistics and formatting helpers.
export function quantile(values, q) {
  if (values.length == 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  const lo = Math.floor(at)
  const hi = Math.ceil(at)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo)
}

export const median = (values) => quantile(values, 0.5)

export const mb = (bytes) => bytes / 1e6

export function fmt(n, digits = 0) {
  if (n == null || Number.isNaN(n)) return '-'
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** Prints rows (arrays of cells) as an aligned text table; numbers right-aligned. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)))
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)))
  const right = header.map((_, i) => rows.every((r) => typeof r[i] == 'number' || /^[-+]?[\d,.]+[x%]?$|^-$/.test(String(r[i]))))
  const line = (r) => r.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n')
}
