// Turns section results into the printed tables and the target verdicts.
import { fmt, table } from './stats.mjs'

const MiB = 1024 * 1024
const ratio = (x) => (x == null ? '-' : x.toFixed(2) + 'x')
const pct = (x) => (x == null ? '-' : (x * 100).toFixed(0) + '%')
const mib = (b) => fmt(b / MiB, 1)
const ms = (x) => fmt(x, 3)
const spread = (xs) => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`

// Issue 18: the parser at least 1.3x eventsource-parser on every workload and 90% of the decode-and-scan floor on
// ai-chat; connectChatStream at most 1.0x the best official SDK's time per token on each provider; the generated
// Android engine at most 1.5x the plain Kotlin transport's time per event.
export const TARGETS = { vsEventsourceParser: 1.3, aiChatVsFloor: 0.9, chatVsBestSdk: 1.0, jvmEngineVsTransport: 1.5 }

export function parseTable(r) {
  const rows = r.workloads.map((w) => [
    w.name,
    fmt(w.bytes / 1e6, 1),
    fmt(w.results.ours.mbPerSec),
    fmt(w.results['eventsource-parser'].mbPerSec),
    fmt(w.results['fetch-event-source'].mbPerSec),
    fmt(w.results.floor.mbPerSec),
    ratio(w.oursVsEventsourceParser),
    pct(w.oursVsFloor),
    fmt(w.results.ours.eventsPerSec),
    fmt(w.results['eventsource-parser'].eventsPerSec)
  ])
  const revisions = r.workloads.flatMap((w) => w.revisions.map((v) => [w.name, v.name, ratio(v.vsEventsourceParser.median), pct(v.vsFloor.median), ratio(v.oursVsRevision.median), spread(v.oursVsRevision.perRound)]))
  return table(['workload', 'MB', 'ours MB/s', 'evsrc-parser MB/s', 'fetch-evsrc MB/s', 'floor MB/s', 'ours/evsrc-parser', 'ours/floor', 'ours events/s', 'evsrc-parser events/s'], rows) +
    '\n' + r.workloads.map((w) => `  ${w.name}: ${w.title} (${fmt(w.chunks)} chunks)`).join('\n') +
    '\nRatios round by round (each round runs every pipeline once, shuffled; the table shows their median):\n' +
    r.workloads.map((w) => `  ${w.name}: ours/evsrc-parser ${w.rounds.vsEventsourceParser.map((x) => x.toFixed(2)).join(' ')}\n  ${' '.repeat(w.name.length)}  ours/floor        ${w.rounds.vsFloor.map(pct).join(' ')}` +
      (w.bestOfRounds ? `\n  ${' '.repeat(w.name.length)}  best run vs best run: ours/evsrc-parser ${ratio(w.bestOfRounds.vsEventsourceParser)}, ours/floor ${pct(w.bestOfRounds.vsFloor)}` : '')).join('\n') +
    (revisions.length ? '\n\nEarlier commits in the same rounds (--against):\n' + table(['workload', 'pipeline', 'it/evsrc-parser', 'it/floor', 'ours/it', 'ours/it per round (min-max)'], revisions) : '')
}

export function utf8Table(r) {
  const rows = r.workloads.map((w) => [w.name, fmt(w.bytes / 1e6, 1), fmt(w.results['utf8.uts'].mbPerSec), fmt(w.results.TextDecoder.mbPerSec), pct(w.oursVsTextDecoder)])
  return table(['input', 'MB', 'utf8.uts MB/s', 'TextDecoder MB/s', 'utf8.uts/TextDecoder'], rows) +
    '\n' + r.workloads.map((w) => `  ${w.name}: ${w.title}`).join('\n')
}

export function memoryTable(r) {
  const rows = [
    ['heapUsed', mib(r.before.heapUsed), mib(r.after.heapUsed), mib(r.peak.heapUsed)],
    ['rss', mib(r.before.rss), mib(r.after.rss), mib(r.peak.rss)]
  ]
  return `${fmt(r.streamBytes / 1e9, 2)} GB, ${fmt(r.events)} events in ${fmt(r.seconds, 1)} s (generation included)\n` +
    table(['MiB', 'before', 'after', 'peak'], rows) +
    `\nheap after GC at each tenth of the stream (MiB): ${r.checkpoints.map((c) => mib(c.heapUsedAfterGc)).join(' ')}` +
    `\ngrowth first->last tenth: ${fmt(r.heapGrowthAfterGc / 1024, 0)} KiB -> ${r.flat ? 'flat' : 'GROWS'}`
}

export function e2eTable(r) {
  if (r.skipped) return 'skipped: ' + r.skipped
  const rows = r.clients.map((c) => [c.name, fmt(c.eventsPerSec), fmt(c.mbPerSec, 1), fmt(c.firstEventMs, 1), ms(c.latencyMs.median), ms(c.latencyMs.p99), fmt(c.latencyMs.max, 2)])
  return table(['client', 'events/s', 'MB/s', 'first event ms', 'latency median ms', 'p99 ms', 'max ms'], rows) +
    `\n  throughput: ${fmt(r.throughput.events)} AI chat events (${fmt(r.throughput.bytes / 1e6, 1)} MB) per run, from opening to the last event, median of ${r.throughput.runs};` +
    ` first event: from opening the source` +
    `\n  latency: ${r.latency.eventsPerRun} events 1 ms apart x ${r.latency.runs} runs (first ${r.latency.skippedPerRun} of each skipped), server write -> callback;` +
    ` clock sync: offset ${fmt(r.clock.measuredOffsetMs, 3)} ms +- ${fmt(r.clock.uncertaintyMs, 3)} ms, ${r.clock.offsetMs ? 'corrected' : 'within that bound, not corrected'}` +
    (r.notes ? '\n' + r.notes.map((n) => '  note: ' + n).join('\n') : '')
}

export function sdkTable(r) {
  const rows = r.providers.map((p) => {
    const ours = p.rows.find((x) => x.name == 'connectChatStream')
    const sdk = p.rows.filter((x) => x.name != 'connectChatStream').sort((a, b) => a.usPerToken - b.usPerToken)[0]
    return [p.provider, sdk.name, fmt(ours.usPerToken, 2), fmt(sdk.usPerToken, 2), ratio(p.oursVsBestSdk), fmt(p.updates), p.perRound.map((x) => x.toFixed(2)).join(' ')]
  })
  return table(['provider', 'official SDK', 'connectChatStream us/token', 'SDK us/token', 'ours/SDK', 'onText calls', 'ours/SDK per round'], rows) +
    `\n  ${fmt(r.providers[0]?.tokens)} tokens per reply over loopback (server in this process), median of ${r.runs} rounds after ${r.warmup} warm-up; default updateInterval (50 ms)`
}

export function jvmTable(r) {
  const rows = [
    ['plain Kotlin: OkHttp + okio readUtf8Line', fmt(r.plain.eventsPerSec), fmt(1e6 / r.plain.eventsPerSec, 3), '-'],
    ['connect-event-source engine (generated Kotlin)', fmt(r.engine.eventsPerSec), fmt(1e6 / r.engine.eventsPerSec, 3), ratio(r.engineVsPlain)]
  ]
  return table(['reader', 'events/s', 'us/event', 'time vs plain'], rows) +
    `\n  ${fmt(r.events)} events (\`data: <i>\`, about 14 bytes each, then [DONE]) per run from a Node server on 127.0.0.1, median of ${r.runs} runs, alternating order;` +
    ` engine/plain per run: ${r.perRound.map((x) => x.toFixed(2)).join(' ')}` +
    '\n  The engine run includes the UTF-8 decoder, the parser, dispatch through the main looper (one task per chunk), a UniMessageEvent per event and the onMessage callback; the JVM is not Android (no ART, no real Looper).'
}

/** Every target of the issue, met or missed, with the number behind it. */
export function verdicts(sections) {
  const out = []
  const parse = sections.parse
  if (parse) {
    for (const w of parse.workloads) {
      const bestRuns = w.bestOfRounds ? ` (best runs ${ratio(w.bestOfRounds.vsEventsourceParser)})` : ''
      out.push({ target: `${w.name}: ours >= ${TARGETS.vsEventsourceParser}x eventsource-parser`, value: ratio(w.oursVsEventsourceParser) + bestRuns, met: w.oursVsEventsourceParser >= TARGETS.vsEventsourceParser })
    }
    const ai = parse.workloads.find((w) => w.name == 'ai-chat')
    if (ai) out.push({ target: `ai-chat: ours >= ${pct(TARGETS.aiChatVsFloor)} of the decode-and-scan floor`, value: pct(ai.oursVsFloor) + (ai.bestOfRounds ? ` (best runs ${pct(ai.bestOfRounds.vsFloor)})` : ''), met: ai.oursVsFloor >= TARGETS.aiChatVsFloor })
  }
  if (sections.sdk) {
    for (const p of sections.sdk.providers) {
      out.push({ target: `chat ${p.provider}: connectChatStream <= ${TARGETS.chatVsBestSdk}x the best SDK per token`, value: ratio(p.oursVsBestSdk), met: p.oursVsBestSdk <= TARGETS.chatVsBestSdk })
    }
  }
  if (sections.jvm) {
    const j = sections.jvm
    out.push({ target: `jvm: engine <= ${TARGETS.jvmEngineVsTransport}x the plain Kotlin reader's time per event`, value: ratio(j.engineVsPlain), met: j.engineVsPlain <= TARGETS.jvmEngineVsTransport })
  }
  if (sections.memory) {
    const m = sections.memory
    out.push({ target: `memory flat over ${fmt(m.streamBytes / 1e9, 2)} GB`, value: `${fmt(m.heapGrowthAfterGc / 1024, 0)} KiB heap growth, peak RSS ${mib(m.peak.rss)} MiB`, met: m.flat })
  }
  return out
}
