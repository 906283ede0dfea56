// Fault-injection soak over loopback (issue 10, reliability figures): a server that drops, stalls, resets, ends and
// restarts at random (support/fault-server.mjs, seeded) while sending numbered events with ids. A reconnecting GET
// client must end with every event exactly once, in order, and leave nothing behind.
//   Node fetch: the npm bundle (src/index.ts) in a child process; after close() it must have no timer and no socket
//   left (process.getActiveResourcesInfo()) and exit on its own.
//   Android: the engine on the OkHttp transport (JVM); after close() the server sees no open socket.
// SOAK_SEED=<n> replays a run; SOAK_EVENTS=<n> changes its length (default 300).
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { EventSourceConnection, Platform } from '../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { startFaultServer } from './support/fault-server.mjs'
import { startJvmTransport } from './support/jvm-transport.mjs'

const SEED = Number(process.env.SOAK_SEED ?? (Date.now() % 2147483647))
const TOTAL = Number(process.env.SOAK_EVENTS ?? 300)
// Short timers so that a stall costs little; the floor and cap keep the reconnects quick.
const OPTIONS = { heartbeatTimeout: 300, timeout: 1000, retryInterval: 20, minRetryInterval: 5, maxRetryInterval: 150 }

let dir, bundle, jvm
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'soak-'))
  bundle = path.join(dir, 'index.mjs')
  await build({
    entryPoints: ['src/index.ts'], outfile: bundle, bundle: true, format: 'esm', platform: 'neutral',
    mainFields: ['module', 'main'], target: 'es2020', loader: { '.uts': 'ts' }, inject: ['src/uni-globals.ts'], logLevel: 'warning'
  })
  jvm = await startJvmTransport()
}, 120000)
afterAll(async () => {
  await jvm?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const client = `
const [bundle, url, total, options] = process.argv.slice(1)
const m = await import(bundle)
const es = m.connectEventSource({ url, ...JSON.parse(options) })
const got = []
const codes = {}
es.onMessage((ev) => {
  got.push(Number(ev.data))
  if (Number(ev.data) === Number(total)) es.close()
})
es.onError((e) => {
  codes[e.errCode] = (codes[e.errCode] ?? 0) + 1
  if (!e.data.willRetry) console.error('final error', e.errCode, e.errMsg)
})
es.onClose(() => {
  // What is still alive in the process? An aborted socket closes within a few event-loop turns; a leaked timer
  // or request would stay. Polled without a timer of our own (setImmediate is not a Timeout).
  const closedAt = Date.now()
  // close() clears the engine's timers synchronously: none may be keeping the process alive at this point.
  const timersAtClose = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length
  const alive = () => process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'PipeWrap' && r !== 'Immediate' && r !== 'FSReqCallback')
  const poll = () => {
    const left = alive()
    if (left.length > 0 && Date.now() - closedAt < 1000) return setImmediate(poll)
    process.stdout.write(JSON.stringify({ got, codes, lastEventId: es.lastEventId, left, timersAtClose, drainedIn: Date.now() - closedAt }))
  }
  setImmediate(poll)
})
`

function check(got, label) {
  const expected = Array.from({ length: TOTAL }, (_, i) => i + 1)
  // Exactly once, in order: compare the whole sequence (a duplicate or a gap shows where).
  expect(got, label).toEqual(expected)
}

test(`Node fetch: ${TOTAL} events through drops, stalls, resets, ends and restarts, each exactly once (seed ${SEED})`, async () => {
  const server = await startFaultServer({ total: TOTAL, seed: SEED })
  try {
    const started = Date.now()
    const out = await new Promise((resolve, reject) => {
      execFile('node', ['--input-type=module', '-e', client, bundle, server.url, String(TOTAL), JSON.stringify(OPTIONS)], { timeout: 90000, encoding: 'utf8' }, (err, stdout, stderr) => {
        if (err) reject(new Error(`${err.message}\n${stderr}`))
        else resolve({ stdout, stderr, exitedAfter: Date.now() - started })
      })
    })
    const r = JSON.parse(out.stdout)
    console.log(`[soak] Node fetch, seed ${SEED}: ${TOTAL} events, ${server.stats.connections} connections, faults ${JSON.stringify(server.stats.faults)}, client errors ${JSON.stringify(r.codes)}, ${out.exitedAfter} ms, handles gone ${r.drainedIn} ms after close`)
    expect(out.stderr).toBe('')
    check(r.got, `seed ${SEED}`)
    expect(r.lastEventId).toBe(String(TOTAL))
    // No timer, socket or other handle left after close(): the process exited by itself.
    expect(r.left).toEqual([])
    expect(r.timersAtClose).toBe(0)
    expect(server.stats.badResume).toBe(0)
    expect(server.stats.connections).toBeGreaterThan(10)
  } finally {
    await server.close()
  }
}, 120000)

test(`Android OkHttp (JVM): ${TOTAL} events through the same faults, each exactly once, no socket left (seed ${SEED})`, async () => {
  const server = await startFaultServer({ total: TOTAL, seed: SEED + 1 })
  const platform = new Platform(jvm.openTransport, createJsDecoder, null)
  try {
    const started = Date.now()
    const r = await new Promise((resolve) => {
      const es = new EventSourceConnection({ url: server.url, ...OPTIONS }, platform)
      const got = []
      const codes = {}
      const finals = []
      es.onMessage((ev) => {
        got.push(Number(ev.data))
        if (Number(ev.data) === TOTAL) es.close()
      })
      es.onError((e) => {
        codes[e.errCode] = (codes[e.errCode] ?? 0) + 1
        if (!e.data.willRetry) finals.push(e.errCode + ' ' + e.errMsg)
      })
      es.onClose(() => resolve({ got, codes, finals, lastEventId: es.lastEventId }))
    })
    console.log(`[soak] Android OkHttp (JVM), seed ${SEED + 1}: ${TOTAL} events, ${server.stats.connections} connections, faults ${JSON.stringify(server.stats.faults)}, client errors ${JSON.stringify(r.codes)}, ${Date.now() - started} ms`)
    expect(r.finals).toEqual([])
    check(r.got, `seed ${SEED + 1}`)
    expect(r.lastEventId).toBe(String(TOTAL))
    await expect.poll(() => server.openSockets(), { timeout: 3000 }).toBe(0)
    expect(jvm.violations).toEqual([])
  } finally {
    await server.close()
  }
}, 120000)
