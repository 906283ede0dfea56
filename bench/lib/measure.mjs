// Interleaved timing: every round runs each contender once, in a shuffled order,
// so drift (thermal, other load, JIT tiering) and the previous run's GC debt spread over all of them alike.
import { median } from './stats.mjs'
import { roundOrder } from './random.mjs'

/**
 * contenders: [{ name, run: () => void }]; returns { name: [ms of each measured run] }.
 * No forced GC between runs: after a full collection V8 shrinks the young generation, and every
 * run would then measure a cold heap instead of the steady state a long stream is in.
 * clock 'cpu' times process CPU (all threads, GC included) instead of wall time: steadier when
 * other processes compete for the cores, blind to time spent waiting.
 */
export function interleave(contenders, { warmup, runs, clock = 'wall' }) {
  const now = clock == 'cpu' ? cpuMs : () => performance.now()
  const times = Object.fromEntries(contenders.map((c) => [c.name, []]))
  for (let round = 0; round < warmup + runs; round++) {
    for (const k of roundOrder(contenders.length, round)) {
      const c = contenders[k]
      const start = now()
      c.run()
      const ms = now() - start
      if (round >= warmup) times[c.name].push(ms)
    }
  }
  return times
}

function cpuMs() {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

export function summarize(ms, bytes, events) {
  const m = median(ms)
  return {
    medianMs: m,
    mbPerSec: bytes / 1e6 / (m / 1000),
    eventsPerSec: events == null ? null : events / (m / 1000),
    spread: (Math.max(...ms) - Math.min(...ms)) / m,
    runsMs: ms.map((x) => Math.round(x * 1000) / 1000)
  }
}

/**
 * Speed of b over a, round by round: a's time / b's time in each measured round (both ran in that round, so
 * machine load that drifts between rounds cancels out), and the median of those ratios.
 */
export function roundRatios(aMs, bMs) {
  const perRound = aMs.map((a, i) => a / bMs[i])
  return { median: median(perRound), perRound: perRound.map((x) => Math.round(x * 1000) / 1000) }
}
