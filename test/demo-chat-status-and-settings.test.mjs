// The demo's chat page as a user finds it (issue 20, item 8), in its real H5 builds (uni-app x and uni-app Vue 3) in
// headless Chromium: the status pill follows a language switch; a network error logs no JSON SyntaxError; the welcome
// text names the API the page uses; the Settings toggle never reads like the status next to it; the open settings
// panel leaves the conversation and the composer on a phone screen; the OpenAI mock refuses the key "wrong".
// Screenshots: test-output/demo-settings-open-*.png.
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from './support/browser.mjs'
import { mockTokens, startServer } from './support/server.mjs'
import { refusedUrl } from './support/tcp.mjs'
import { buildH5 } from './support/web-app.mjs'

const apps = {}
let browser
beforeAll(async () => {
  mkdirSync('test-output', { recursive: true })
  const [x, vue3] = await Promise.all([buildH5('x'), buildH5('vue3')])
  browser = await launchBrowser()
  apps.x = await startServer({ staticDir: x })
  apps.vue3 = await startServer({ staticDir: vue3 })
}, 480000)
afterAll(async () => {
  await browser?.close()
  for (const srv of Object.values(apps)) await srv?.close()
})

async function openChat(kind, { locale = 'en-US', viewport = { width: 375, height: 812 } } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2, locale })
  const page = await context.newPage()
  const consoleErrors = []
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text()) })
  page.on('pageerror', (err) => consoleErrors.push(String(err)))
  await page.goto(`${apps[kind].url}/#/pages/chat/chat`)
  await page.waitForSelector('.composer-input input')
  return { context, page, consoleErrors }
}

async function settings(page, fields) {
  await page.click('.settings-toggle')
  for (const [name, value] of Object.entries(fields)) await page.fill(`.settings-${name} input`, value)
  await page.click('.settings-toggle')
}

async function send(page, prompt) {
  await page.fill('.composer-input input', prompt)
  await page.click('.composer-send')
}

const status = (page) => page.locator('.status-text').textContent()

for (const kind of ['x', 'vue3']) {
  describe(`demo chat page, ${kind === 'x' ? 'uni-app x' : 'uni-app Vue 3'} H5 (Chromium)`, () => {
    test('the status pill follows a language switch: Done · N tokens ⇄ 完成 · N 个 token, Failed ⇄ 失败', async () => {
      const { context, page } = await openChat(kind)
      const prompt = 'Count my tokens'
      await send(page, prompt)
      await page.waitForSelector('.composer-send', { timeout: 15000 })
      const n = mockTokens(prompt).length
      expect(await status(page)).toBe(`Done · ${n} tokens`)
      await page.locator('.demo-locale').click()
      await expect.poll(() => status(page)).toBe(`完成 · ${n} 个 token`)
      await page.locator('.demo-locale').click()
      await expect.poll(() => status(page)).toBe(`Done · ${n} tokens`)

      await settings(page, { key: 'wrong' })
      await send(page, 'Hello with a wrong key')
      await page.locator('.bubble-error').waitFor()
      expect(await status(page)).toBe('Failed')
      await page.locator('.demo-locale').click()
      await expect.poll(() => status(page)).toBe('失败')
      await context.close()
    }, 40000)

    test('the OpenAI mock refuses the key "wrong" with OpenAI\'s own message', async () => {
      const { context, page } = await openChat(kind)
      await settings(page, { key: 'wrong' })
      await send(page, 'Hello with a wrong key')
      const error = page.locator('.bubble-error')
      await error.waitFor()
      expect(await error.textContent()).toBe('Error 1830005 · HTTP 401: Incorrect API key provided: wrong. You can find your API key at https://platform.openai.com/account/api-keys.')
      await context.close()
    }, 30000)

    test('a network error (nothing listening) shows its error and logs no JSON SyntaxError', async () => {
      const { context, page, consoleErrors } = await openChat(kind)
      await settings(page, { endpoint: new URL(await refusedUrl()).origin })
      await send(page, 'Hello, anyone?')
      const error = page.locator('.bubble-error')
      await error.waitFor({ timeout: 15000 })
      expect(await error.textContent()).toMatch(/^Error 18300\d\d · /)
      await page.waitForTimeout(300)
      expect(consoleErrors.filter((e) => /SyntaxError|JSON/.test(e))).toEqual([])
      await context.close()
    }, 30000)

    test('the welcome text names connectChatStream, the API the page uses, in both languages', async () => {
      for (const locale of ['en-US', 'zh-CN']) {
        const { context, page } = await openChat(kind, { locale })
        const body = await page.locator('.welcome-body').textContent()
        expect(body, locale).toContain('connectChatStream')
        expect(body, locale).not.toContain('connectEventSource')
        await context.close()
      }
    }, 30000)

    test('with Settings open after a reply, the toggle does not read like the status ("Done" next to "Done · N tokens")', async () => {
      const { context, page } = await openChat(kind)
      await send(page, 'Short one')
      await page.waitForSelector('.composer-send', { timeout: 15000 })
      await page.click('.settings-toggle')
      const toggle = (await page.locator('.settings-toggle-text').textContent()).trim()
      const pill = (await status(page)).trim()
      expect(pill).toMatch(/^Done · \d+ tokens$/)
      expect(toggle).toBe('Hide settings')
      expect(pill.split(/\s/)[0]).not.toBe(toggle.split(/\s/)[0])
      await page.locator('.demo-locale').click()
      await expect.poll(() => page.locator('.settings-toggle-text').textContent()).toBe('收起设置')
      await context.close()
    }, 30000)

    for (const viewport of [{ width: 375, height: 667 }, { width: 320, height: 568 }]) {
      test(`the open settings panel keeps the conversation and the composer on a ${viewport.width}x${viewport.height} phone screen; its own content scrolls`, async () => {
        const { context, page } = await openChat(kind, { viewport })
        await send(page, 'Keep me in view')
        await page.waitForSelector('.composer-send', { timeout: 15000 })
        await page.click('.settings-toggle')
        await page.waitForSelector('.settings-reset')
        await page.screenshot({ path: `test-output/demo-settings-open-${kind}-${viewport.width}x${viewport.height}.png` })
        const box = async (sel) => page.locator(sel).first().boundingBox()
        const composer = await box('.composer')
        expect(composer.y).toBeGreaterThanOrEqual(0)
        expect(composer.y + composer.height).toBeLessThanOrEqual(viewport.height + 1)
        const messages = await box('.messages')
        // At least a quarter of the screen stays for the conversation (before: none on 320x568).
        expect(messages.height).toBeGreaterThanOrEqual(viewport.height / 4)
        expect(messages.y + messages.height).toBeLessThanOrEqual(composer.y + 1)
        // The panel's last control is reachable: scrolled into view inside the panel, not off the screen.
        await page.locator('.settings-reset').scrollIntoViewIfNeeded()
        const reset = await box('.settings-reset')
        expect(reset.y + reset.height).toBeLessThanOrEqual(messages.y + 1)
        expect(reset.y).toBeGreaterThanOrEqual(0)
        await context.close()
      }, 30000)
    }
  })
}
