// The demo in Chinese and English (common/i18n.uts): it follows the system language, the tab bar switches it
// and the choice survives a reload; on the diagnostics page a GET stream's normal end is not a red network error,
// and a long error body wraps inside the screen. Real H5 builds (uni-app x and Vue 3) in Chromium at phone size.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from './support/browser.mjs'
import { startServer } from './support/server.mjs'
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

async function open(kind, route, locale) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('[page error]', err))
  await page.goto(`${apps[kind].url}/#/pages/${route}/${route}`)
  return { context, page }
}

for (const kind of ['x', 'vue3']) {
  describe(`demo (${kind === 'x' ? 'uni-app x' : 'uni-app Vue 3'} H5)`, () => {
    test('a Chinese system gets the Chinese UI; the switch turns it English, and that choice survives a reload', async () => {
      const { context, page } = await open(kind, 'chat', 'zh-CN')
      await page.waitForSelector('.composer-send')
      expect(await page.locator('.composer-send').textContent()).toBe('发送')
      expect(await page.locator('.demo-tab').first().textContent()).toBe('AI 对话')
      expect(await page.locator('.welcome-title').textContent()).toBe('基于 Server-Sent Events 的流式对话')
      expect(await page.locator('.status-text').textContent()).toBe('就绪')
      await page.locator('.demo-locale').click()
      await expect.poll(() => page.locator('.composer-send').textContent()).toBe('Send')
      expect(await page.locator('.status-text').textContent()).toBe('Ready')
      expect(await page.locator('.demo-locale').textContent()).toBe('中文')
      await page.reload()
      await page.waitForSelector('.composer-send')
      expect(await page.locator('.composer-send').textContent()).toBe('Send')
      await context.close()
    }, 40000)

    test('an English system gets the English UI; the diagnostics page switches to Chinese, scenarios included', async () => {
      const { context, page } = await open(kind, 'diagnostics', 'en-US')
      await page.waitForSelector('.action-primary')
      expect(await page.locator('.action-primary').textContent()).toBe('Connect')
      expect(await page.locator('.scenario').first().textContent()).toBe('Plain GET')
      await page.locator('.demo-locale').click()
      await expect.poll(() => page.locator('.action-primary').textContent()).toBe('连接')
      expect(await page.locator('.scenario').first().textContent()).toBe('普通 GET')
      expect(await page.locator('.detail-summary').textContent()).toContain('Last-Event-ID 自动重连')
      await context.close()
    }, 40000)

    test('diagnostics: the normal end of a GET stream is an amber "stream ended" reconnect, not a red error', async () => {
      const { context, page } = await open(kind, 'diagnostics', 'en-US')
      await page.waitForSelector('.action-primary')
      await page.locator('.scenario', { hasText: 'Plain GET' }).click()
      await page.locator('.action-primary').click()
      const ended = page.locator('.entry', { has: page.locator('.entry-type', { hasText: 'stream ended' }) }).first()
      await ended.waitFor({ timeout: 15000 })
      expect(await ended.locator('.entry-type').textContent()).toBe('stream ended · 1830002')
      expect(await ended.getAttribute('class')).toContain('entry-retry')
      expect(await ended.locator('.entry-type').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(251, 191, 36)')
      expect(await ended.locator('.entry-data').textContent()).toContain('willRetry: true')
      expect(await page.locator('.entry-error').count()).toBe(0)
      await page.locator('.action', { hasText: 'Close' }).click()
      await context.close()
    }, 40000)

    test('diagnostics: a long error body (401 JSON without spaces) wraps inside the screen', async () => {
      const { context, page } = await open(kind, 'diagnostics', 'en-US')
      await page.waitForSelector('.action-primary')
      await page.locator('.scenario', { hasText: '401' }).click()
      await page.locator('.action-primary').click()
      const error = page.locator('.entry-error').first()
      await error.waitFor({ timeout: 15000 })
      expect(await error.locator('.entry-data').textContent()).toContain('"code":"invalid_api_key"')
      const sizes = await page.locator('.entry-data').evaluateAll((els) => els.map((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, right: e.getBoundingClientRect().right })))
      for (const s of sizes) {
        expect(s.scroll).toBeLessThanOrEqual(s.client)
        expect(s.right).toBeLessThanOrEqual(375)
      }
      await context.close()
    }, 40000)
  })
}
