// Seeded PRNG (mulberry32): every run of the bench feeds byte-identical inputs. Also loaded by the Chromium page.
export function rng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    /** Integer in [lo, hi]. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)]
  }
}

/** Order of the contenders in each round: a seeded shuffle, so none always runs right after the same other one. */
export function roundOrder(count, round) {
  const r = rng(0x9e3779b9 + round)
  const order = [...Array(count).keys()]
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1))
    const t = order[i]
    order[i] = order[j]
    order[j] = t
  }
  return order
}
