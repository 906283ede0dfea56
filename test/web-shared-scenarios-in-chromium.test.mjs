// Every shared scenario, run by the plugin as compiled into the real H5 builds of the demo (the uni-app x
// project and the same pages as a uni-app Vue 3 project), inside headless Chromium, against server/ on
// 127.0.0.1 (page and API same-origin); checks run in Node.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from './support/browser.mjs'
import { runScenario } from './support/scenario-runner.mjs'
import { sharedScenarios } from './support/scenarios.mjs'
import { startServer, uniqueKey } from './support/server.mjs'
import { refusedUrl, startSilentServer } from './support/tcp.mjs'
import { buildH5, openE2EPage, runInPage, transportsFor } from './support/web-app.mjs'

const KINDS = { x: 'uni-app x', vue3: 'uni-app Vue 3' }
const apps = {}
let silent, refused, browser
beforeAll(async () => {
  const [x, vue3] = await Promise.all([buildH5('x'), buildH5('vue3')])
  silent = await startSilentServer()
  refused = await refusedUrl()
  browser = await launchBrowser()
  for (const [kind, staticDir] of [['x', x], ['vue3', vue3]]) {
    const srv = await startServer({ staticDir })
    apps[kind] = { srv, page: await openE2EPage(browser, srv.url) }
  }
}, 180000)
afterAll(async () => {
  await browser?.close()
  for (const app of Object.values(apps)) await app.srv.close()
  await silent?.close()
})

for (const [kind, label] of Object.entries(KINDS)) {
  describe(`shared scenarios (Chromium, ${label} H5 build)`, () => {
    // One page runs them all at once: each scenario has its own source and server key.
    for (const s of sharedScenarios()) {
      test.concurrent(s.name, async () => {
        const { srv, page } = apps[kind]
        const key = uniqueKey('web')
        const ctx = { base: srv.url, key, expect, requests: async () => srv.requests(key), silentUrl: silent.url, refusedUrl: refused }
        const result = await runInPage(page, runScenario, s.spec(ctx))
        await s.check(result, ctx)
        // Every shared scenario registers onMessage, which needs every event name: the fetch path.
        expect(await transportsFor(page, key)).not.toContain('EventSource')
      })
    }
  })
}
