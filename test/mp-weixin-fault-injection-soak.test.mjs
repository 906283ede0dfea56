// The fault-injection soak of test/fault-injection-soak.test.mjs on the REAL mp-weixin build (npm run
// build:mp-weixin) run in Node with a wx.request that streams real HTTP in random chunk splits
// (support/mp-wx-harness.mjs): through drops, stalls, resets, ends and restarts, a reconnecting GET source gets
// every event exactly once, in order, and leaves no request task running.
// SOAK_SEED=<n> replays a run; SOAK_EVENTS=<n> changes its length (default 300) (support/soak.mjs).
import { beforeAll, expect, test } from 'vitest'
import { startFaultServer } from './support/fault-server.mjs'
import { buildMpWeixin } from './support/mp-build.mjs'
import { loadMpWeixinBuild } from './support/mp-wx-harness.mjs'
import { expectExactlyOnce, OPTIONS, recordSoak, SEED, TOTAL } from './support/soak.mjs'

let buildDir
beforeAll(async () => { buildDir = await buildMpWeixin('x') }, 180000)

test(`mp-weixin build: ${TOTAL} events through drops, stalls, resets, ends and restarts, each exactly once (seed ${SEED})`, async () => {
  const app = loadMpWeixinBuild(buildDir, { chunking: 'random', seed: SEED })
  const server = await startFaultServer({ total: TOTAL, seed: SEED + 2 })
  try {
    const started = Date.now()
    const r = await recordSoak(app.plugin.connectEventSource({ url: server.url, ...OPTIONS }))
    console.log(`[soak] mp-weixin build, seed ${SEED}: ${TOTAL} events, ${server.stats.connections} connections, faults ${JSON.stringify(server.stats.faults)}, client errors ${JSON.stringify(r.codes)}, ${Date.now() - started} ms`)
    expectExactlyOnce(expect, r, server, `seed ${SEED}`)
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
