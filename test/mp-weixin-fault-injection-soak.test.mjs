// The fault-injection soak of test/fault-injection-soak.test.mjs on the REAL mp-weixin build (npm run
// build:mp-weixin) run in Node with a wx.request that streams real HTTP in random chunk splits
// (support/mp-wx-harness.mjs): through drops, stalls, resets, ends and restarts, a reconnecting GET source gets
// every event exactly once, in order, and leaves no request task running.
// SOAK_SEED=<n> replays a run; SOAK_EVENTS=<n> changes its length (default 300).
import { beforeAll, expect, test } from 'vitest'
import { startFaultServer } from './support/fault-server.mjs'
import { buildMpWeixin } from './support/mp-build.mjs'
import { loadMpWeixinBuild } from './support/mp-wx-harness.mjs'

const SEED = Number(process.env.SOAK_SEED ?? (Date.now() % 2147483647))
const TOTAL = Number(process.env.SOAK_EVENTS ?? 300)
const OPTIONS = { heartbeatTimeout: 300, timeout: 1000, retryInterval: 20, minRetryInterval: 5, maxRetryInterval: 150 }

let buildDir
beforeAll(async () => { buildDir = await buildMpWeixin('x') }, 180000)

test(`mp-weixin build: ${TOTAL} events through drops, stalls, resets, ends and restarts, each exactly once (seed ${SEED})`, async () => {
  const app = loadMpWeixinBuild(buildDir, { chunking: 'random', seed: SEED })
  const server = await startFaultServer({ total: TOTAL, seed: SEED + 2 })
  try {
    const started = Date.now()
    const r = await new Promise((resolve) => {
      const es = app.plugin.connectEventSource({ url: server.url, ...OPTIONS })
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
    console.log(`[soak] mp-weixin build, seed ${SEED}: ${TOTAL} events, ${server.stats.connections} connections, faults ${JSON.stringify(server.stats.faults)}, client errors ${JSON.stringify(r.codes)}, ${Date.now() - started} ms`)
    expect(r.finals).toEqual([])
    expect(r.got).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1))
    expect(r.lastEventId).toBe(String(TOTAL))
    expect(server.stats.badResume).toBe(0)
    // Every request task finished or was aborted (the last one by close()). The server may still see one idle
    // keep-alive socket: that is the emulated platform's connection pool, not a request.
    const tasks = app.host.tasksFor('/soak')
    // At least one per connection the server saw (requests refused while it restarted never reached it).
    expect(tasks.length).toBeGreaterThanOrEqual(server.stats.connections)
    expect(tasks.filter((t) => t.outcome == null)).toEqual([])
    // The last one was aborted by close(), unless the server's end of that response had already completed the task
    // when the last event was dispatched (then close() had nothing left to abort).
    expect(['request:fail abort', 'success']).toContain(tasks[tasks.length - 1].outcome)
  } finally {
    await server.close()
  }
}, 120000)
