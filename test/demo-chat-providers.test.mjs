// The demo's chat page on connectChatStream (issue 13), in its real H5 builds in headless Chromium at phone size,
// against the mock of every AI format (server/ai.mjs answers the providers' own paths): the provider picker, a
// reasoning section that streams and then collapses, token usage at the end, the provider's own message for a wrong
// key, and Stop.
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from './support/browser.mjs'
import { mockReply, startServer } from './support/server.mjs'
import { buildH5 } from './support/web-app.mjs'

const apps = {}
let browser
beforeAll(async () => {
  mkdirSync('test-output', { recursive: true })
  const [x, vue3] = await Promise.all([buildH5('x'), buildH5('vue3')])
  browser = await launchBrowser()
  apps.x = await startServer({ staticDir: x })
  apps.vue3 = await startServer({ staticDir: vue3 })
}, 240000)
afterAll(async () => {
  await browser?.close()
  for (const srv of Object.values(apps)) await srv.close()
})

async function openChat(kind, { provider, model, key } = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('[page error]', err))
  await page.goto(`${apps[kind].url}/#/pages/chat/chat`)
  await page.waitForSelector('.composer-input input')
  await page.click('.settings-toggle')
  if (provider) await page.click(`.provider-${provider}`)
  if (model !== undefined) await page.fill('.settings-model input', model)
  if (key !== undefined) await page.fill('.settings-key input', key)
  await page.click('.settings-toggle')
  return page
}

const replyText = async (page) => ((await page.locator('.bubble-assistant .bubble-text-assistant').last().textContent()) ?? '').replace(/▍$/, '')
const PATHS = { openai: '/v1/chat/completions', anthropic: '/v1/messages', gemini: ':streamGenerateContent', ollama: '/api/chat' }

async function send(page, prompt, path) {
  await page.fill('.composer-input input', prompt)
  const request = page.waitForRequest((r) => r.url().includes(path))
  await page.click('.composer-send')
  return request
}

for (const kind of ['x', 'vue3']) {
  describe(`demo chat page with the provider picker (Chromium, ${kind === 'x' ? 'uni-app x' : 'uni-app Vue 3'} H5 build)`, () => {
    for (const provider of ['openai', 'anthropic', 'gemini', 'ollama']) {
      test(`${provider}: the reasoning streams, then collapses when the answer starts; usage at the end`, async () => {
        const page = await openChat(kind, { provider, model: 'mock-reasoner' })
        const prompt = `Think about ${provider} 你好`
        const request = await send(page, prompt, PATHS[provider])
        expect(request.method()).toBe('POST')
        // While it thinks: the reasoning is open and says so.
        await page.waitForSelector('.reasoning-text')
        expect(await page.locator('.reasoning-title').last().textContent()).toMatch(/^Thinking…/)
        await page.waitForSelector('.composer-send', { timeout: 15000 })
        expect(await replyText(page)).toBe(mockReply(prompt))
        expect(await page.locator('.reasoning-text').count()).toBe(0)
        expect(await page.locator('.reasoning-title').last().textContent()).toBe('Thought process ▸')
        expect(await page.locator('.bubble-usage').last().textContent()).toMatch(/^Tokens: \d+ in · \d+ out · \d+ total$/)
        expect(await page.locator('.status-text').textContent()).toMatch(/^Done · \d+ tokens$/)
        // Tapping the header opens the reasoning again.
        await page.click('.reasoning-head')
        expect((await page.locator('.reasoning-text').last().textContent()).length).toBeGreaterThan(20)
        if (kind === 'x' && provider === 'anthropic') await page.screenshot({ path: 'test-output/web-chat-reasoning.png' })
        await page.context().close()
      })
    }
  })
}

describe('demo chat page: errors and Stop through connectChatStream (uni-app x H5 build)', () => {
  test('a wrong key shows the provider\'s own message (Anthropic: invalid x-api-key; Gemini: API key not valid)', async () => {
    for (const [provider, message] of [['anthropic', 'Error 1830005 · HTTP 401: invalid x-api-key'], ['gemini', 'Error 1830005 · HTTP 400: API key not valid. Please pass a valid API key.']]) {
      const page = await openChat('x', { provider, key: 'wrong' })
      await send(page, 'Hello', PATHS[provider])
      const error = page.locator('.bubble-error')
      await error.waitFor()
      expect(await error.textContent()).toBe(message)
      expect(await page.locator('.status-text').textContent()).toBe('Failed')
      await page.context().close()
    }
  })

  test('Stop (Ollama, NDJSON): no text after it, "Stopped." and the Send button back', async () => {
    const page = await openChat('x', { provider: 'ollama', model: 'mock-model' })
    const prompt = 'Please stop early'
    await send(page, prompt, PATHS.ollama)
    await page.waitForFunction(() => {
      const t = document.querySelectorAll('.bubble-text-assistant')
      return t.length > 0 && t[t.length - 1].textContent.length > 40
    })
    await page.click('.composer-stop')
    await page.waitForSelector('.composer-send')
    const atStop = await replyText(page)
    await page.waitForTimeout(600)
    expect(await replyText(page)).toBe(atStop)
    expect(mockReply(prompt).startsWith(atStop)).toBe(true)
    expect(atStop.length).toBeLessThan(mockReply(prompt).length)
    expect(await page.locator('.bubble-note').last().textContent()).toBe('Stopped.')
    expect(await page.locator('.status-text').textContent()).toBe('Stopped')
    await page.context().close()
  })
})
