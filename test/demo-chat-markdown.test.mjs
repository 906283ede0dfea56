// The demo's chat page shows the streamed reply as Markdown (common/markdown.uts → rich-text), in its real H5 builds
// in headless Chromium at phone size, in English and Chinese: the mock's Markdown reply (server/markdown-reply.mjs: a
// heading, a list, a table, a fenced code block, raw HTML and a javascript: link; a token every 10 ms and a pause
// inside the code block) is recorded render by render in the page (a MutationObserver on the reply), and every render
// is checked: the unclosed fence shows as code, a table only ever shows whole rows of the final table, no table or
// fence text shows as a paragraph, renders come at most once per updateInterval (50 ms), and nothing the model sent
// as HTML runs. Screenshots mid-stream (the fence still open) and at the end: test-output/demo-markdown-*.png.
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from './support/browser.mjs'
import { mockReply, mockTokens, startServer } from './support/server.mjs'
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

const PROMPTS = { en: 'Show me Markdown: a table and some code', zh: '用 Markdown 展示一个表格和一段代码' }

/** Records every distinct HTML of the last reply bubble, with its time, from the first paint on. */
function recordRenders() {
  window.__renders = []
  const record = () => {
    const all = document.querySelectorAll('.bubble-markdown')
    const el = all[all.length - 1]
    if (!el) return
    const html = el.innerHTML
    const last = window.__renders[window.__renders.length - 1]
    if (!last || last.html !== html) window.__renders.push({ t: performance.now(), html })
  }
  new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
}

/** The blocks of one render, read from the DOM the browser built from it. */
function blocksOf(renders) {
  return renders.map(({ t, html }) => {
    const root = document.createElement('div')
    root.innerHTML = html
    const text = (el) => el.textContent
    return {
      t,
      tables: [...root.querySelectorAll('table')].map((table) => [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map(text))),
      code: [...root.querySelectorAll('pre')].map(text),
      prose: [...root.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote')].map(text)
    }
  })
}

async function openChat(kind, locale) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('[page error]', err))
  await page.addInitScript(recordRenders)
  await page.goto(`${apps[kind].url}/#/pages/chat/chat`)
  await page.waitForSelector('.composer-input input')
  return { context, page }
}

const CASES = [['x', 'en'], ['x', 'zh'], ['vue3', 'en']]

describe('demo chat page: the streamed reply as Markdown (Chromium, 375x812)', () => {
  for (const [kind, lang] of CASES) {
    test(`${kind === 'x' ? 'uni-app x' : 'uni-app Vue 3'}, ${lang}: heading, list, table and code render; the open fence stays code, tables show whole rows, one render per updateInterval, no model HTML runs`, async () => {
      const { context, page } = await openChat(kind, lang === 'zh' ? 'zh-CN' : 'en-US')
      const prompt = PROMPTS[lang]
      // The third suggestion asks for Markdown, in the page's language.
      expect(await page.locator('.suggestion-text').nth(2).textContent()).toBe(prompt)
      await page.locator('.suggestion').nth(2).click()

      // Mid-stream: the mock pauses inside the code block; the fence is still open and shows as code.
      const pre = page.locator('.bubble-markdown pre').last()
      await expect.poll(() => pre.count().then((n) => (n ? pre.textContent() : '')), { timeout: 15000 }).toContain('chat.onText(')
      expect(await page.locator('.composer-stop').count()).toBe(1)
      expect(await page.locator('.bubble-markdown table tr').count()).toBe(4)
      const tag = `${kind}-${lang}`
      await page.screenshot({ path: `test-output/demo-markdown-${tag}-midstream.png` })

      await page.waitForSelector('.composer-send', { timeout: 20000 })
      await page.screenshot({ path: `test-output/demo-markdown-${tag}-final.png` })
      await page.locator('.bubble-assistant').last().screenshot({ path: `test-output/demo-markdown-${tag}-final-bubble.png` })

      const bubble = page.locator('.bubble-markdown').last()
      const final = mockReply(prompt)
      expect(await bubble.locator('h2').textContent()).toBe(final.match(/^## (.*)$/m)[1])
      expect(await bubble.locator('ol > li').count()).toBe(3)
      expect(await bubble.locator('li code').first().textContent()).toBe('Authorization')
      expect(await bubble.locator('table tr').count()).toBe(4)
      expect(await bubble.locator('pre').textContent()).toBe(final.match(/```js\n([\s\S]*?)```/)[1])
      // Safety: the model's HTML is text, its javascript: link is text, nothing of it ran.
      expect(await bubble.locator('img, script, iframe').count()).toBe(0)
      expect(await bubble.locator('blockquote').textContent()).toContain('<img src="x" onerror="window.__markdownInjected = true">')
      // One link: the https one. uni-app x's rich-text keeps its href; uni-app's (like WeChat's) keeps no href on <a>.
      const links = await bubble.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]))
      expect(links).toEqual([[lang === 'zh' ? 'SSE 规范' : 'the SSE spec', kind === 'x' ? 'https://html.spec.whatwg.org/multipage/server-sent-events.html' : null]])
      expect(await page.evaluate(() => window.__markdownInjected)).toBeUndefined()

      // Every render on the way.
      const renders = await page.evaluate(blocksOf, await page.evaluate(() => window.__renders))
      const last = renders[renders.length - 1]
      expect(last.tables.length).toBe(1)
      const table = last.tables[0]
      let sawOpenFence = false
      for (const [i, r] of renders.entries()) {
        for (const t of r.tables) expect(table.slice(0, t.length), `render ${i}`).toEqual(t)
        for (const p of r.prose) expect(p, `render ${i}: table or fence text as prose`).not.toMatch(/^\s*\||```/m)
        for (const c of r.code) {
          expect(last.code[0].startsWith(c), `render ${i}`).toBe(true)
          if (c.length < last.code[0].length) sawOpenFence = true
        }
      }
      expect(sawOpenFence).toBe(true)
      // At most one render per updateInterval (50 ms, timer slack allowed) while tokens arrive every 10 ms; the last
      // two may be closer (the final update is never held back, then onDone renders the whole text once more).
      const tokens = mockTokens(prompt).length
      expect(renders.length).toBeGreaterThan(3)
      expect(renders.length).toBeLessThan(tokens / 2)
      for (let i = 1; i < renders.length - 2; i++) expect(renders[i].t - renders[i - 1].t, `gap before render ${i}`).toBeGreaterThanOrEqual(40)
      await context.close()
    }, 60000)
  }
})
