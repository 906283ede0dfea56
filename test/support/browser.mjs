// Headless Chromium for the web end-to-end tests: Debian's /usr/bin/chromium through playwright-core
// (never a downloaded browser). One launch per test file; pages share it.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export function hasChromium() {
  return existsSync(CHROMIUM_PATH)
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      // Loopback HTTP/1.1 only: QUIC or background traffic would only add noise and time.
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
}
