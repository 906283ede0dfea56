// connectChatStream as compiled into the real H5 builds of the demo (uni-app x and uni-app Vue 3), inside headless
// Chromium over fetch streaming, through every AI fixture whole, in 1-byte and in random pieces (server/ai.mjs,
// same origin); the run is recorded in the page (recordChat shipped as source) and checked in Node.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from './support/browser.mjs'
import { AI_CASES, SPLITS, aiCase, caseOptions, checkChatCase, recordChat } from './support/chat-cases.mjs'
import { startServer } from './support/server.mjs'
import { buildH5, openE2EPage } from './support/web-app.mjs'

const KINDS = { x: 'uni-app x', vue3: 'uni-app Vue 3' }
const apps = {}
let browser
beforeAll(async () => {
  const [x, vue3] = await Promise.all([buildH5('x'), buildH5('vue3')])
  browser = await launchBrowser()
  for (const [kind, staticDir] of [['x', x], ['vue3', vue3]]) {
    const srv = await startServer({ staticDir })
    const page = await openE2EPage(browser, srv.url)
    await page.waitForFunction(() => typeof window.__connectChatStream === 'function', null, { timeout: 15000 })
    apps[kind] = { srv, page }
  }
}, 240000)
afterAll(async () => {
  await browser?.close()
  for (const app of Object.values(apps)) await app.srv.close()
})

function recordInPage(page, options) {
  return page.evaluate(([source, o]) => {
    // eslint-disable-next-line no-new-func
    const f = new Function('return (' + source + ')')()
    return f(window.__connectChatStream, o)
  }, [recordChat.toString(), options])
}

for (const [kind, label] of Object.entries(KINDS)) {
  describe(`every fixture, every split (Chromium, ${label} H5 build)`, () => {
    for (const c of AI_CASES) {
      for (const split of SPLITS) {
        test.concurrent(`${c.name} (${split.name})`, async () => {
          const { srv, page } = apps[kind]
          const log = await recordInPage(page, caseOptions(srv.url, c, split, { auto: split.name !== 'random' }))
          checkChatCase(expect, c, log)
        })
      }
    }
    test('coalescing in the page: updateInterval 60000 gives the first update at once and the final one before onDone', async () => {
      const { srv, page } = apps[kind]
      const c = aiCase('gemini/text')
      const log = await recordInPage(page, caseOptions(srv.url, c, SPLITS[1], { updateInterval: 60000 }))
      checkChatCase(expect, c, log)
      expect(log.text.length).toBe(2)
    })
  })
}
