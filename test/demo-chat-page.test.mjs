// The demo's AI chat page (pages/chat/chat.uvue) in its real H5 builds, used like a person would in
// headless Chromium at phone size, against the mock OpenAI endpoint of server/ (same origin, as `npm start`
// serves it): the streamed reply is exactly mockReply(prompt), Stop ends the stream, a 401 is explained.
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
}, 180000)
afterAll(async () => {
  await browser?.close()
  for (const srv of Object.values(apps)) await srv.close()
})

// A fresh context per test: the page keeps its settings in localStorage.
async function openChat(kind = 'x') {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('[page error]', err))
  await page.goto(`${apps[kind].url}/#/pages/chat/chat`)
  await page.waitForSelector('.composer-input input')
  return page
}

const replyText = (page) => page.locator('.bubble-assistant .bubble-text-assistant').last().textContent()

async function send(page, prompt) {
  await page.fill('.composer-input input', prompt)
  const request = page.waitForRequest((r) => r.url().endsWith('/v1/chat/completions'))
  await page.click('.composer-send')
  return request
}

describe('demo chat page (Chromium, 375x812)', () => {
  test('a prompt streams into the assistant bubble token by token and ends as mockReply(prompt)', async () => {
    const page = await openChat()
    const prompt = 'Stream 你好 to me'
    const request = await send(page, prompt)
    expect(request.method()).toBe('POST')
    expect(request.headers().authorization).toBe('Bearer sk-local-demo')
    expect(request.postDataJSON()).toMatchObject({ model: 'mock-model', stream: true, messages: [{ role: 'user', content: prompt }] })

    // Mid-stream: part of the reply is shown, the rest is still coming.
    await page.waitForFunction(() => {
      const t = document.querySelectorAll('.bubble-text-assistant')
      return t.length > 0 && t[t.length - 1].textContent.length > 60
    })
    expect(await page.locator('.status-text').textContent()).toMatch(/^Streaming/)
    expect(await page.locator('.composer-stop').count()).toBe(1)
    await page.screenshot({ path: 'test-output/web-chat-midstream.png' })
    const partial = (await replyText(page)).replace(/▍$/, '')
    expect(mockReply(prompt).startsWith(partial)).toBe(true)
    expect(partial.length).toBeLessThan(mockReply(prompt).length)

    await page.waitForSelector('.composer-send', { timeout: 10000 })
    expect(await replyText(page)).toBe(mockReply(prompt))
    expect(await page.locator('.status-text').textContent()).toMatch(/^Done/)
    expect(await page.locator('.bubble-error').count()).toBe(0)
    await page.screenshot({ path: 'test-output/web-chat-done.png' })
    await page.context().close()
  })

  test('Stop closes the stream: no token arrives after it', async () => {
    const page = await openChat()
    const prompt = 'Please stop early'
    await send(page, prompt)
    await page.waitForFunction(() => {
      const t = document.querySelectorAll('.bubble-text-assistant')
      return t.length > 0 && t[t.length - 1].textContent.length > 40
    })
    await page.click('.composer-stop')
    await page.waitForSelector('.composer-send')
    const atStop = await replyText(page)
    // The mock sends a token every 40 ms: 600 ms would bring about 15 more.
    await page.waitForTimeout(600)
    expect(await replyText(page)).toBe(atStop)
    expect(atStop.length).toBeLessThan(mockReply(prompt).length)
    expect(mockReply(prompt).startsWith(atStop)).toBe(true)
    expect(await page.locator('.bubble-note').last().textContent()).toBe('Stopped.')
    expect(await page.locator('.status-text').textContent()).toBe('Stopped')
    await page.context().close()
  })

  test('an empty API key is refused with 401: the bubble shows errCode 1830005 and the API\'s message', async () => {
    const page = await openChat()
    await page.click('.settings-toggle')
    await page.fill('.settings-key input', '')
    await page.click('.settings-toggle')
    const request = await send(page, 'Hello without a key')
    expect(request.headers().authorization).toBeUndefined()
    const error = page.locator('.bubble-error')
    await error.waitFor()
    expect(await error.textContent()).toBe('Error 1830005 · HTTP 401: Missing or invalid API key. Pass Authorization: Bearer <key>.')
    expect(await page.locator('.status-text').textContent()).toBe('Failed')
    await page.screenshot({ path: 'test-output/web-chat-401.png' })
    await page.context().close()
  })

  test('the same page built as a uni-app Vue 3 project streams the same reply', async () => {
    const page = await openChat('vue3')
    const prompt = 'Classic uni-app'
    await send(page, prompt)
    await page.waitForSelector('.composer-stop')
    await page.waitForSelector('.composer-send', { timeout: 10000 })
    expect(await replyText(page)).toBe(mockReply(prompt))
    // Laid out like the x build (explicit flex reset): the composer sits at the bottom of the screen.
    const box = await page.locator('.composer').boundingBox()
    expect(box.y + box.height).toBeGreaterThan(800)
    await page.context().close()
  })
})
