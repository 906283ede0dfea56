// uni-app Vue 2: a Vue 2 CLI project (test/fixtures/vue2-cli: vue-cli 4 + @dcloudio/vue-cli-plugin-uni
// 2.0.2-5000720260410001, installed by the bootstrap) with the plugin copied into src/uni_modules/ builds for h5
// and mp-weixin; the h5 build streams the mock chat in Chromium. Vue 2 compiles .uts only through ts-loader, so
// the project needs @vue/cli-plugin-typescript + typescript, and @dcloudio/uni-shared for UniError (without them
// the build fails: "no loaders are configured to process this file type", "@dcloudio/uni-shared not found").
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { VUE2_FIXTURE } from '../scripts/bootstrap.mjs'
import { launchBrowser } from './support/browser.mjs'
import { mockReply, startServer } from './support/server.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const run = promisify(execFile)
const plugin = path.join(VUE2_FIXTURE, 'src/uni_modules/connect-event-source')

beforeAll(() => {
  fs.rmSync(plugin, { recursive: true, force: true })
  fs.cpSync(path.join(ROOT, 'uni_modules/connect-event-source'), plugin, { recursive: true })
  fs.rmSync(path.join(VUE2_FIXTURE, 'dist'), { recursive: true, force: true })
})
afterAll(() => fs.rmSync(plugin, { recursive: true, force: true }))

async function build(platform) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('UNI_') && !k.startsWith('VITEST')))
  const cli = path.join(VUE2_FIXTURE, 'node_modules/@vue/cli-service/bin/vue-cli-service.js')
  const r = await run(process.execPath, [cli, 'uni-build'], { cwd: VUE2_FIXTURE, env: { ...env, NODE_ENV: 'production', UNI_PLATFORM: platform }, encoding: 'utf8', maxBuffer: 64 << 20 })
    .catch((e) => { throw new Error(`Vue 2 build for ${platform} failed:\n${e.stdout}\n${e.stderr}`) })
  expect(r.stdout).toContain('Build complete')
  return path.join(VUE2_FIXTURE, 'dist/build', platform)
}

test('h5: builds, and the page streams the mock chat reply in Chromium', async () => {
  const out = await build('h5')
  const site = await startServer({ staticDir: out })
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    await page.goto(`${site.url}/#/pages/index/index`)
    await expect.poll(() => page.locator('.status').textContent(), { timeout: 15000 }).toBe('done')
    expect(await page.locator('.reply').textContent()).toBe(mockReply('from Vue 2'))
  } finally {
    await browser.close()
    await site.close()
  }
}, 90000)

test('mp-weixin: builds, with the plugin\'s mini-program engine in the bundle', async () => {
  const out = await build('mp-weixin')
  const vendor = fs.readFileSync(path.join(out, 'common/vendor.js'), 'utf8')
  expect(vendor).toContain('uni-connectEventSource')
  expect(vendor).toContain('enableChunked')
  expect(fs.existsSync(path.join(out, 'pages/index/index.js'))).toBe(true)
}, 60000)
