// The generated Android engine on the JVM (bench/jvm/EngineBench.kt) against a plain Kotlin OkHttp reader of the same
// local stream of small events: events/s of each and the engine's time per event over the plain reader's.
// Built with the JVM tests' toolchain (test/support/jvm-build.mjs: DCloud's UTS -> Kotlin, kotlinc 2.2.0, the
// declaration layer of DCloud's runtime); the first run compiles for about a minute, later runs use the cached jar.
import { spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { startBenchServer } from '../lib/sse-server.mjs'
import { median } from '../lib/stats.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))

export async function run({ quick, log }) {
  const { buildEngineJar } = await import('../../test/support/jvm-build.mjs')
  const t = Date.now()
  const { classpath, compiled } = await buildEngineJar(path.join(HERE, '../jvm'), 'engine-bench')
  log(`  jar ${compiled ? 'compiled' : 'cached'} (${((Date.now() - t) / 1000).toFixed(1)} s)`)
  const events = quick ? 200000 : 1000000
  const [runs, warmup] = quick ? [3, 1] : [7, 2]
  const server = await startBenchServer()
  try {
    const lines = await new Promise((resolve, reject) => {
      const child = spawn('java', ['-cp', classpath, 'uts.sdk.modules.connectEventSource.enginebench.EngineBenchKt', `${server.url}/small?n=${events}`, String(runs), String(warmup)], { stdio: ['ignore', 'pipe', 'pipe'] })
      const out = []
      let err = ''
      child.stderr.on('data', (d) => { err += d })
      readline.createInterface({ input: child.stdout }).on('line', (l) => { out.push(l); if (l != 'done') log('  ' + l) })
      child.on('exit', (code) => (code == 0 && out.includes('done') ? resolve(out) : reject(new Error(`EngineBench exited ${code}: ${err.slice(-2000)}`))))
    })
    const rows = { plain: [], engine: [] }
    for (const l of lines) {
      const [kind, ns, n] = l.split(' ')
      if (!rows[kind]) continue
      // events + 1: the [DONE] event is one of the events both count.
      if (Number(n) != events + 1) throw new Error(`${kind} counted ${n} events, expected ${events + 1}`)
      rows[kind].push(Number(ns) / 1e6)
    }
    const perRound = rows.engine.map((e, i) => e / rows.plain[i])
    const summary = (ms) => ({ medianMs: median(ms), eventsPerSec: (events + 1) / (median(ms) / 1000), runsMs: ms.map((x) => Math.round(x)) })
    return {
      events: events + 1,
      bytes: null,
      runs,
      plain: summary(rows.plain),
      engine: summary(rows.engine),
      engineVsPlain: median(perRound),
      perRound: perRound.map((x) => Math.round(x * 100) / 100)
    }
  } finally {
    await server.close()
  }
}
