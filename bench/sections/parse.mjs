// Bytes-to-events throughput of the three pipelines and the decode-and-scan floor, per workload.
import { parseWorkloads } from '../lib/workloads.mjs'
import { makePipelines, oursPipeline, floorPipeline, runPipeline, collect } from '../lib/pipelines.mjs'
import { interleave, summarize, roundRatios } from '../lib/measure.mjs'

/** Same events from all three pipelines, or a description of the first difference. */
export function checkSame(pipelines, workload) {
  const [ref, ...others] = pipelines.map((p) => ({ name: p.name, events: collect(p, workload.chunks) }))
  const problems = []
  if (ref.events.length != workload.events) problems.push(`${ref.name}: ${ref.events.length} events, expected ${workload.events}`)
  for (const o of others) {
    if (o.events.length != ref.events.length) problems.push(`${o.name}: ${o.events.length} events, ${ref.name}: ${ref.events.length}`)
    const i = o.events.findIndex((e, k) => JSON.stringify(e) != JSON.stringify(ref.events[k]))
    if (i != -1) problems.push(`${o.name} event #${i}: ${JSON.stringify(o.events[i]).slice(0, 120)} vs ${JSON.stringify(ref.events[i]).slice(0, 120)}`)
  }
  return problems
}

/**
 * options.workloads: names to run (run.mjs gives each workload its own process, so none inherits another's JIT state).
 * options.against: [{ name, module }] earlier commits' parser and decoder (build.mjs buildRevision), timed in the same rounds.
 */
export async function run({ engine, quick, clock, log, workloads: names, against = [], rounds }) {
  const workloads = parseWorkloads(quick ? 0.25 : 1, names)
  const pipelines = makePipelines(engine)
  for (const rev of against) pipelines.push(oursPipeline(rev.name, `connect-event-source at ${rev.name.slice(5)}`, await import(rev.module)))
  const out = []
  for (const w of workloads) {
    const problems = checkSame(pipelines, w)
    if (problems.length) throw new Error(`pipelines disagree on ${w.name}: ${problems.join('; ')}`)
    const contenders = [...pipelines, floorPipeline].map((p) => ({
      name: p.name,
      run() {
        // The sink reads each event's data (its length and last character), so a pipeline cannot win by
        // handing out strings it never materializes (V8 flattens a lazy concatenation on charCodeAt).
        let events = 0
        let check = 0
        runPipeline(p, w.chunks, (type, data) => {
          events++
          check += data.length + data.charCodeAt(data.length - 1)
        })
        if (p !== floorPipeline && events != w.events) throw new Error(`${p.name} reported ${events} events on ${w.name}, expected ${w.events}`)
        if (check < 0) throw new Error('unreachable')
      }
    }))
    const times = interleave(contenders, rounds ?? (quick ? { warmup: 2, runs: 5, clock } : { warmup: 3, runs: 15, clock }))
    const results = {}
    for (const c of contenders) results[c.name] = summarize(times[c.name], w.bytes, c.name == 'floor' ? null : w.events)
    // Ratios are taken round by round (both contenders ran in the same round, a few ms apart, so load drift cancels),
    // then their median: the figure the targets use. The per-round list shows how noisy the run was.
    const vsEvsrc = roundRatios(times['eventsource-parser'], times.ours)
    const vsFloor = roundRatios(times.floor, times.ours)
    const revisions = against.map((rev) => ({
      name: rev.name,
      vsEventsourceParser: roundRatios(times['eventsource-parser'], times[rev.name]),
      vsFloor: roundRatios(times.floor, times[rev.name]),
      oursVsRevision: roundRatios(times[rev.name], times.ours)
    }))
    // Best run of each against best run: other processes only ever add time to a run, so on a busy machine (where a
    // preempted or GC-hit run lands in a random contender and swings single-round ratios 0.5-3x) the minima are the
    // steadiest figure. Printed next to the median; the targets keep using the median of per-round ratios.
    const best = (name) => Math.min(...times[name])
    const row = {
      name: w.name,
      title: w.title,
      bytes: w.bytes,
      events: w.events,
      chunks: w.chunks.length,
      results,
      oursVsEventsourceParser: vsEvsrc.median,
      oursVsFloor: vsFloor.median,
      bestOfRounds: { vsEventsourceParser: best('eventsource-parser') / best('ours'), vsFloor: best('floor') / best('ours') },
      rounds: { vsEventsourceParser: vsEvsrc.perRound, vsFloor: vsFloor.perRound },
      revisions
    }
    log(`  ${w.name}: ours ${row.oursVsEventsourceParser.toFixed(2)}x eventsource-parser, ${(row.oursVsFloor * 100).toFixed(0)}% of floor` +
      revisions.map((r) => `; ${r.name} ${r.vsEventsourceParser.median.toFixed(2)}x, ${(r.vsFloor.median * 100).toFixed(0)}%, ours/${r.name} ${r.oursVsRevision.median.toFixed(2)}x`).join(''))
    out.push(row)
  }
  return { pipelines: [...pipelines, floorPipeline].map((p) => ({ name: p.name, title: p.title })), workloads: out }
}
