// `npm start` claims everything runs offline: the demo's H5 builds (uni-app x and uni-app Vue 3), served as
// npm start serves them, load and stream in Chromium without a single non-loopback request (uni-h5's CDN
// shadow images are CSS gradients, vite.config.ts) and without a 404 (the favicon is inline, index.html).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from './support/browser.mjs'
import { mockReply, startServer } from './support/server.mjs'
import { buildH5 } from './support/web-app.mjs'

const apps = {}
let browser
beforeAll(async () => {
  const [x, vue3] = await Promise.all([buildH5('x'), buildH5('vue3')])
  browser = await launchBrowser()
  apps.x = await startServer({ staticDir: x })
  apps.vue3 = await startServer({ staticDir: vue3 })
}, 180000)
afterAll(async () => {
  await browser?.close()
  for (const srv of Object.values(apps)) await srv?.close()
})

const isLoopback = (url) => {
  const { protocol, hostname } = new URL(url)
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]'
}

/** A context that refuses (and records) every request leaving the machine, and records every 404. */
async function guardedContext() {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } })
  const outside = []
  const missing = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (isLoopback(url)) return route.continue()
    outside.push(url)
    return route.abort('blockedbyclient')
  })
  context.on('response', (res) => { if (res.status() === 404) missing.push(res.url()) })
  return { context, outside, missing }
}

// uni-h5's CSS preloads its shadow image from an animation with a 3 s delay: wait past it.
async function settle(page, loadedAt) {
  await page.waitForLoadState('networkidle')
  const left = loadedAt + 4000 - Date.now()
  if (left > 0) await page.waitForTimeout(left)
}

for (const kind of ['x', 'vue3']) {
  describe(`demo H5 build (${kind === 'x' ? 'uni-app x' : 'uni-app Vue 3'})`, () => {
    test('the chat page loads, streams a reply and requests nothing outside 127.0.0.1, no 404', async () => {
      const { context, outside, missing } = await guardedContext()
      const page = await context.newPage()
      await page.goto(`${apps[kind].url}/#/pages/chat/chat`)
      const loadedAt = Date.now()
      await page.waitForSelector('.composer-input input')
      await page.fill('.composer-input input', 'offline')
      await page.click('.composer-send')
      await expect.poll(() => page.locator('.bubble-assistant .bubble-text-assistant').last().textContent(), { timeout: 15000 }).toBe(mockReply('offline'))
      await settle(page, loadedAt)
      expect(outside).toEqual([])
      expect(missing).toEqual([])
      const icon = await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '')
      expect(icon.startsWith('data:image/svg+xml')).toBe(true)
      await context.close()
    }, 40000)

    test('the diagnostics page requests nothing outside 127.0.0.1, no 404', async () => {
      const { context, outside, missing } = await guardedContext()
      const page = await context.newPage()
      await page.goto(`${apps[kind].url}/#/pages/diagnostics/diagnostics`)
      await settle(page, Date.now())
      expect(outside).toEqual([])
      expect(missing).toEqual([])
      await context.close()
    }, 40000)
  })
}
