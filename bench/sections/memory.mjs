// Memory over a long stream: 1 GB (--quick: 256 MB) of events generated on the fly, through our pipeline
// (TextDecoder + SseParser, as the engine does). Heap after a forced GC is sampled at every tenth of the
// stream: if anything were retained per event or per chunk, it would grow with the stream.
import { rng } from '../lib/random.mjs'
import { aiChatEvent, bigLineEvent } from '../lib/workloads.mjs'

const MiB = 1024 * 1024

function usage() {
  const m = process.memoryUsage()
  return { heapUsed: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers }
}

export async function run({ engine, quick, log }) {
  if (typeof globalThis.gc != 'function') throw new Error('memory section needs node --expose-gc')
  const total = (quick ? 256 : 1024) * MiB
  const r = rng(11)
  // A pool of distinct events; every emitted event also gets its own id line, so no two are equal.
  const pool = []
  for (let i = 0; i < 2000; i++) pool.push(aiChatEvent(r, i))
  const big = bigLineEvent(r, 64 * 1024)
  const encoder = new TextEncoder()
  const decoder = engine.createJsDecoder()
  let events = 0
  let dataChars = 0
  const parser = new engine.SseParser((type, data) => {
    events++
    dataChars += data.length
  }, null, null, null, 0)

  gc()
  const before = usage()
  const peak = { ...before }
  const checkpoints = []
  let fed = 0
  let id = 0
  let nextCheckpoint = total / 10
  const started = performance.now()
  while (fed < total) {
    // About 64 KiB of stream at a time, encoded to fresh bytes like a network read, fed in 40-400 B chunks.
    let text = ''
    while (text.length < 64 * 1024) {
      text += 'id: ' + id++ + '\n' + (r.next() < 0.002 ? big : pool[(r.next() * pool.length) | 0])
    }
    const bytes = encoder.encode(text)
    for (let at = 0; at < bytes.length; ) {
      const end = Math.min(bytes.length, at + r.int(40, 400))
      parser.feed(decoder.decode(bytes.subarray(at, end), true))
      at = end
    }
    fed += bytes.length
    const m = process.memoryUsage()
    if (m.heapUsed > peak.heapUsed) peak.heapUsed = m.heapUsed
    if (m.rss > peak.rss) peak.rss = m.rss
    if (fed >= nextCheckpoint) {
      gc()
      checkpoints.push({ bytes: fed, heapUsedAfterGc: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss })
      nextCheckpoint += total / 10
    }
  }
  const seconds = (performance.now() - started) / 1000
  gc()
  const after = usage()
  const first = checkpoints[0].heapUsedAfterGc
  const last = checkpoints[checkpoints.length - 1].heapUsedAfterGc
  const maxAfterGc = Math.max(...checkpoints.map((c) => c.heapUsedAfterGc))
  const result = {
    streamBytes: fed,
    events,
    dataChars,
    seconds,
    mbPerSec: fed / 1e6 / seconds,
    before,
    after,
    peak,
    checkpoints,
    heapGrowthAfterGc: last - first,
    // Flat: what survives a GC at the end is within 1 MiB of what survived after the first tenth.
    flat: last - first < MiB && maxAfterGc - first < MiB
  }
  log(`  ${(fed / 1e9).toFixed(2)} GB, ${events} events in ${seconds.toFixed(1)} s; heap after GC ${(first / MiB).toFixed(1)} -> ${(last / MiB).toFixed(1)} MiB, peak RSS ${(peak.rss / MiB).toFixed(0)} MiB`)
  return result
}
