// Our streaming UTF-8 decoder (utf8.uts, used where a runtime has no TextDecoder) against TextDecoder.
import { decodeWorkloads } from '../lib/workloads.mjs'
import { interleave, summarize } from '../lib/measure.mjs'

export function decoders(engine) {
  return [
    { name: 'utf8.uts', create: () => new engine.Utf8Decoder(true), decode: (d, b) => d.decode(b, true) },
    { name: 'TextDecoder', create: () => new TextDecoder('utf-8', { ignoreBOM: true }), decode: (d, b) => d.decode(b, { stream: true }) }
  ]
}

function decodeAll(dec, chunks) {
  const d = dec.create()
  const out = []
  for (const c of chunks) out.push(dec.decode(d, c))
  return out.join('')
}

export async function run({ engine, quick, clock, log }) {
  const out = []
  const list = decoders(engine)
  for (const w of decodeWorkloads(quick ? 0.25 : 1)) {
    const [ours, native] = list.map((d) => decodeAll(d, w.chunks))
    if (ours !== native) throw new Error(`utf8.uts and TextDecoder disagree on ${w.name}`)
    const contenders = list.map((dec) => ({
      name: dec.name,
      run() {
        const d = dec.create()
        let chars = 0
        for (const c of w.chunks) chars += dec.decode(d, c).length
        if (chars != native.length) throw new Error('unreachable')
      }
    }))
    const times = interleave(contenders, quick ? { warmup: 2, runs: 5, clock } : { warmup: 3, runs: 11, clock })
    const results = Object.fromEntries(list.map((d) => [d.name, summarize(times[d.name], w.bytes, null)]))
    const row = { name: w.name, title: w.title, bytes: w.bytes, chunks: w.chunks.length, results, oursVsTextDecoder: results['utf8.uts'].mbPerSec / results.TextDecoder.mbPerSec }
    log(`  ${w.name}: utf8.uts ${(row.oursVsTextDecoder * 100).toFixed(0)}% of TextDecoder`)
    out.push(row)
  }
  return { workloads: out }
}
