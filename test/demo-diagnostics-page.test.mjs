// The demo's diagnostics page (pages/diagnostics/diagnostics.uvue) in its real uni-app x H5 build, in
// headless Chromium against server/: running the drop-and-resume scenario from the UI logs the resume
// (ids 1-4, one 1830002 with willRetry) and the server's record shows Last-Event-ID 2 on the reconnect.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser } from './support/browser.mjs'
import { startServer } from './support/server.mjs'
import { buildH5 } from './support/web-app.mjs'

let srv, browser
beforeAll(async () => {
  srv = await startServer({ staticDir: await buildH5('x') })
  browser = await launchBrowser()
}, 180000)
afterAll(async () => {
  await browser?.close()
  await srv?.close()
})

test('drop & resume: the log shows the reconnect and the Last-Event-ID the server received', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 } })
  page.on('pageerror', (err) => console.error('[page error]', err))
  await page.goto(`${srv.url}/#/pages/diagnostics/diagnostics`)
  await page.click('.scenario >> text="Drop & resume"')
  await page.click('.action-primary')
  // The page closes after 4 events, then reads /requests: 2 requests.
  await page.waitForSelector('.entry >> text=Request 2 arrived', { timeout: 10000 })

  const entries = await page.locator('.entry').evaluateAll((els) =>
    els.map((el) => ({
      type: el.querySelector('.entry-type').textContent,
      id: el.querySelector('.entry-id').textContent,
      data: el.querySelector('.entry-data')?.textContent ?? ''
    }))
  )
  const types = entries.map((e) => e.type)
  expect(types.filter((t) => t !== 'page' && t !== 'server').slice(1)).toEqual(['open', 'message', 'message', 'error 1830002', 'open', 'message', 'message', 'close'])
  expect(entries.filter((e) => e.type === 'message').map((e) => e.id)).toEqual(['id 1', 'id 2', 'id 3', 'id 4'])
  expect(entries.find((e) => e.type === 'error 1830002').data).toContain('willRetry: true, retryDelay: 1000 ms, readyState: 0')
  expect(entries.filter((e) => e.type === 'server').map((e) => e.data)).toEqual([
    'Request 1 arrived with Last-Event-ID: (none)',
    'Request 2 arrived with Last-Event-ID: 2'
  ])
  expect(await page.locator('.state-name').textContent()).toBe('CLOSED')
  await page.close()
})
