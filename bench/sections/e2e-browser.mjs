// End to end in headless Chromium (Debian's /usr/bin/chromium; never a downloaded browser): native EventSource
// vs our fetch path (src/index.ts bundled for the page) vs the peers, with the same client code as Node.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { spawnServer } from './e2e-node.mjs'

const CHROMIUM = '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export async function run({ quick, log }) {
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not found` }
  const server = await spawnServer()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
  try {
    const page = await browser.newPage()
    page.on('console', (m) => { if (m.text().startsWith('bench:')) log('  ' + m.text().slice(6).trim()) })
    page.on('pageerror', (e) => log('  page error: ' + e.message))
    await page.goto(server.url + '/page')
    const result = await page.evaluate(async (quick) => {
      const m = await import('/lib/clients.mjs')
      const clients = m.makeClients({
        EventSource: window.EventSource,
        connectEventSource: window.ConnectEventSource.connectEventSource,
        createParser: window.Peers.createParser,
        fetchEventSource: window.Peers.fetchEventSource
      })
      return m.runE2E({ base: location.origin, clients, quick, events: quick ? 10000 : 50000, log: (s) => console.log('bench: ' + s) })
    }, quick)
    result.crossOriginIsolated = await page.evaluate(() => crossOriginIsolated)
    result.browser = 'Chromium ' + browser.version()
    return result
  } finally {
    await browser.close()
    server.stop()
  }
}
