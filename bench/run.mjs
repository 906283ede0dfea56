#!/usr/bin/env node
// npm run bench [-- --quick] [-- --only=parse,utf8,memory,e2e-node,e2e-browser,chat,sdk,jvm] [-- --clock=cpu] [-- --check]
// Prints tables and writes bench/results/latest.json. Not a test (npm test never runs it); with --check it exits 1
// when a target is MISSED or a section with targets failed, so it can gate work on the engine, transports and chat.
import { fork } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildAll, buildRevision } from './lib/build.mjs'
import { PARSE_WORKLOADS } from './lib/workloads.mjs'
import { machine } from './lib/machine.mjs'
import { e2eTable, jvmTable, memoryTable, parseTable, sdkTable, utf8Table, verdicts, TARGETS } from './lib/report.mjs'
import { table } from './lib/stats.mjs'
import { chatTable } from './sections/chat.mjs'

const SECTIONS = [
  { name: 'parse', title: 'Bytes to events, in process (median MB/s; higher is better)', table: parseTable, perWorkload: PARSE_WORKLOADS },
  { name: 'utf8', title: 'UTF-8 decoding: utf8.uts vs TextDecoder (median MB/s)', table: utf8Table },
  { name: 'memory', title: 'Memory on a long stream (our pipeline)', table: memoryTable, execArgv: ['--expose-gc'] },
  { name: 'e2e-node', title: 'End to end in Node over loopback (server in another process)', table: e2eTable },
  { name: 'e2e-browser', title: 'End to end in Chromium over loopback', table: e2eTable },
  { name: 'chat', title: 'connectChatStream: cost per token over the engine, UI updates saved by coalescing', table: chatTable },
  { name: 'sdk', title: 'connectChatStream vs the providers\' official SDKs, per token over loopback (lower is better)', table: sdkTable },
  { name: 'jvm', title: 'Android engine on the JVM (generated Kotlin over OkHttp) vs a plain Kotlin OkHttp reader, small events over loopback', table: jvmTable }
]

const args = process.argv.slice(2)
const arg = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const quick = args.includes('--quick')
const check = args.includes('--check')
const clock = arg('clock') ?? 'wall'
const only = arg('only')?.split(',')
// --against=REV[,REV]: also time the parser and decoder of those commits in the same rounds (bisecting a slowdown).
// --workloads=ai-chat,crlf-multiline: only these parse workloads.
const workloadNames = arg('workloads')?.split(',')
const againstRevs = arg('against')?.split(',') ?? []
const root = fileURLToPath(new URL('./', import.meta.url))

async function runSection(section) {
  if (!section.perWorkload) return runChild(section, {})
  // One process per workload: a fresh JIT for each, so no workload's result depends on which ran before.
  const parts = []
  for (const w of section.perWorkload.filter((x) => !workloadNames || workloadNames.includes(x))) parts.push(await runChild(section, { workloads: [w] }))
  return { ...parts[0], workloads: parts.flatMap((p) => p.workloads) }
}

function runChild(section, extra) {
  return new Promise((resolve, reject) => {
    const child = fork(root + 'lib/child.mjs', [section.name, JSON.stringify({ quick, clock, against, ...extra })], { execArgv: section.execArgv ?? [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let result
    child.on('message', (m) => { result = m })
    child.on('error', reject)
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`section ${section.name} exited with ${code}`))))
  })
}

const started = Date.now()
const info = machine()
console.log(`connect-event-source bench${quick ? ' (--quick)' : ''}: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, ${info.os}`)
console.log(`Node ${info.node} (V8 ${info.v8}), load average ${info.loadAverage.join(' ')}, clock ${clock}`)
// A load average at or above the core count means other processes compete for every core: single runs get preempted
// and per-round ratios swing widely (seen: 0.3x-4x within one workload at load 5 on 2 cores).
const busy = (load) => load[0] >= info.cores
if (busy(info.loadAverage)) console.log(`WARNING: machine busy (1-minute load ${info.loadAverage[0]} on ${info.cores} cores): ratios are unreliable; compare "best run vs best run" lines, re-run, or use node bench/instructions.mjs`)
await buildAll()
const against = []
for (const rev of againstRevs) against.push(await buildRevision(rev))

const sections = {}
for (const s of SECTIONS) {
  if (only && !only.includes(s.name)) continue
  console.log(`\n== ${s.title}`)
  const t = Date.now()
  try {
    sections[s.name] = await runSection(s)
    console.log(s.table(sections[s.name]))
  } catch (e) {
    sections[s.name] = { error: String(e?.message ?? e) }
    console.log('FAILED: ' + sections[s.name].error)
  }
  console.log(`(${((Date.now() - t) / 1000).toFixed(1)} s)`)
}

const ok = Object.fromEntries(Object.entries(sections).filter(([, v]) => !v.error))
const v = verdicts(ok)
for (const [name, r] of Object.entries(sections)) if (r.error) v.push({ target: `section ${name} runs`, value: 'failed', met: false })
if (v.length) {
  console.log('\n== Targets')
  console.log(table(['target', 'measured', ''], v.map((x) => [x.target, x.value, x.met ? 'met' : 'MISSED'])))
}
const loadAfter = machine().loadAverage
if (busy(loadAfter)) console.log(`\nWARNING: machine busy at the end too (1-minute load ${loadAfter[0]} on ${info.cores} cores): the verdicts above rest on noisy rounds.`)
console.log(`\nNoise: one machine, one run; medians of interleaved runs. Load average ${info.loadAverage.join(' ')} before, ${loadAfter.join(' ')} after` +
  ` (${info.cores} cores): other processes shift absolute numbers by tens of percent; ratios measured in the same process are steadier.` +
  ` Latency p99/max over loopback mostly shows scheduler noise. Re-run before drawing conclusions from small differences.`)

mkdirSync(root + 'results', { recursive: true })
const out = root + 'results/latest.json'
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine: info, loadAverageAfter: loadAfter, options: { quick, clock }, targets: TARGETS, verdicts: v, sections, seconds: (Date.now() - started) / 1000 }, null, 2))
console.log(`\nWrote ${out.replace(root, 'bench/')} in ${((Date.now() - started) / 1000).toFixed(0)} s total.`)
if (check) {
  const missed = v.filter((x) => !x.met)
  if (quick) console.log('--check with --quick: fewer rounds, so a verdict is less reliable.')
  console.log(missed.length ? `--check: ${missed.length} target(s) MISSED: ${missed.map((x) => x.target).join('; ')}` : `--check: all ${v.length} targets met.`)
  process.exitCode = missed.length ? 1 : 0
}
