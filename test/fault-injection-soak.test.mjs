// Fault-injection soak over loopback (issue 10, reliability figures): a server that drops, stalls, resets, ends and
// restarts at random (support/fault-server.mjs, seeded) while sending numbered events with ids. A reconnecting GET
// client must end with every event exactly once, in order, and leave nothing behind.
//   Node fetch: the npm bundle (src/index.ts) in a child process; after close() it must have no timer and no socket
//   left (process.getActiveResourcesInfo()) and exit on its own.
//   Android: the engine on the OkHttp transport (JVM); after close() the server sees no open socket.
// SOAK_SEED=<n> replays a run; SOAK_EVENTS=<n> changes its length (default 300) (support/soak.mjs).
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startEventSource, Platform } from '../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { startFaultServer } from './support/fault-server.mjs'
import { startJvmTransport } from './support/jvm-transport.mjs'
import { expectExactlyOnce, OPTIONS, recordSoak, SEED, TOTAL } from './support/soak.mjs'

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

// The child imports the bundle and the same recorder (support/soak.mjs) the other platforms use.
const client = `
const [bundle, soak, url, options] = process.argv.slice(1)
const m = await import(bundle)
const { recordSoak } = await import(soak)
const es = m.connectEventSource({ url, ...JSON.parse(options) })
recordSoak(es).then(({ got, codes, finals }) => {
  // What is still alive in the process? An aborted socket closes within a few event-loop turns; a leaked timer
  // or request would stay. Polled without a timer of our own (setImmediate is not a Timeout).
  const closedAt = Date.now()
  // close() clears the engine's timers synchronously: none may be keeping the process alive at this point.
  const timersAtClose = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length
  const alive = () => process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'PipeWrap' && r !== 'Immediate' && r !== 'FSReqCallback')
  const poll = () => {
    const left = alive()
    if (left.length > 0 && Date.now() - closedAt < 1000) return setImmediate(poll)
    process.stdout.write(JSON.stringify({ got, codes, finals, lastEventId: es.lastEventId, left, timersAtClose, drainedIn: Date.now() - closedAt }))
  }
  setImmediate(poll)
})
`

test(`Node fetch: ${TOTAL} events through drops, stalls, resets, ends and restarts, each exactly once (seed ${SEED})`, async () => {
  const server = await startFaultServer({ total: TOTAL, seed: SEED })
  try {
    const started = Date.now()
    const out = await new Promise((resolve, reject) => {
      execFile('node', ['--input-type=module', '-e', client, bundle, pathToFileURL(path.resolve('test/support/soak.mjs')).href, server.url, JSON.stringify(OPTIONS)], { timeout: 90000, encoding: 'utf8' }, (err, stdout, stderr) => {
        if (err) reject(new Error(`${err.message}\n${stderr}`))
        else resolve({ stdout, stderr, exitedAfter: Date.now() - started })
      })
    })
    const r = JSON.parse(out.stdout)
    console.log(`[soak] Node fetch, seed ${SEED}: ${TOTAL} events, ${server.stats.connections} connections, faults ${JSON.stringify(server.stats.faults)}, client errors ${JSON.stringify(r.codes)}, ${out.exitedAfter} ms, handles gone ${r.drainedIn} ms after close`)
    expect(out.stderr).toBe('')
    expectExactlyOnce(expect, r, server, `seed ${SEED}`)
    // No timer, socket or other handle left after close(): the process exited by itself.
    expect(r.left).toEqual([])
    expect(r.timersAtClose).toBe(0)
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
    const r = await recordSoak(startEventSource({ url: server.url, ...OPTIONS }, platform))
    console.log(`[soak] Android OkHttp (JVM), seed ${SEED + 1}: ${TOTAL} events, ${server.stats.connections} connections, faults ${JSON.stringify(server.stats.faults)}, client errors ${JSON.stringify(r.codes)}, ${Date.now() - started} ms`)
    expectExactlyOnce(expect, r, server, `seed ${SEED + 1}`)
    await expect.poll(() => server.openSockets(), { timeout: 3000 }).toBe(0)
    expect(jvm.violations).toEqual([])
  } finally {
    await server.close()
  }
}, 120000)
