// The page under test is the real uni-app H5 build of the demo: this builds it with the repository's own
// npm scripts (docs/BUILD.md) once per source change (shared by every web test file and worker), serves
// it with the SSE endpoints from one origin, and opens its e2e page (pages/e2e/e2e.uvue), which hands the
// compiled plugin's connectEventSource to the test.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runUniBuild } from './uni-build.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const INPUTS = ['App.uvue', 'main.uts', 'manifest.json', 'pages.json', 'index.html', 'vite.config.ts', 'tsconfig.json', 'uni.scss', 'pages', 'static', 'components', 'common', 'uni_modules', 'scripts/uni.mjs']

function walk(file, out) {
  if (!existsSync(file)) return
  const info = statSync(file)
  if (info.isDirectory()) {
    for (const name of readdirSync(file).sort()) walk(path.join(file, name), out)
  } else {
    out.push(`${path.relative(ROOT, file)}:${info.size}:${info.mtimeMs}`)
  }
}

export function fingerprint(script) {
  const files = [script]
  for (const input of INPUTS) walk(path.join(ROOT, input), files)
  return createHash('sha1').update(files.join('\n')).digest('hex')
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

// Vitest runs test files in parallel workers: a lock directory makes one of them build.
export async function withLock(lock, fn) {
  mkdirSync(path.dirname(lock), { recursive: true })
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch (err) {
      if (err.code !== 'EEXIST') throw err
      // A lock older than any build can be is left over from a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180000) rmSync(lock, { recursive: true, force: true })
      } catch {}
      await sleep(250)
    }
  }
  try {
    return await fn()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}


/**
 * Builds the demo for H5 (kind 'x': npm run build:h5, the uni-app x project; 'vue3': build:h5:vue3, the
 * same pages as a uni-app Vue 3 project) into test-output/web-e2e/<kind>/<sources hash>, unless that build
 * exists. A directory per source state: a rebuild never deletes files a running test is still serving.
 */
export function buildH5(kind = 'x') {
  const script = kind === 'vue3' ? 'build:h5:vue3' : 'build:h5'
  const parent = path.join(ROOT, 'test-output', 'web-e2e', kind)
  return withLock(parent + '.lock', async () => {
    const out = path.join(parent, fingerprint(script).slice(0, 12))
    const done = path.join(out, '.built')
    if (existsSync(done)) return out
    const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {}
    if (!scripts[script]) throw new Error(`package.json has no "${script}" script (see docs/BUILD.md)`)
    removeOldBuilds(parent)
    rmSync(out, { recursive: true, force: true })
    const started = Date.now()
    const log = await runUniBuild(script, out)
    if (!existsSync(path.join(out, 'index.html'))) throw new Error(`npm run ${script} produced no index.html\n${log.slice(-4000)}`)
    writeFileSync(done, '')
    console.log(`[web-app] npm run ${script}: ${Date.now() - started} ms`)
    return out
  })
}

// Builds of older source states, once no test can still be serving them.
export function removeOldBuilds(parent) {
  if (!existsSync(parent)) return
  for (const name of readdirSync(parent)) {
    const dir = path.join(parent, name)
    if (Date.now() - statSync(dir).mtimeMs > 15 * 60000) rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Opens a route of the built app (e.g. '/#/pages/chat/chat'). The page counts, per URL, whether a request
 * went through the browser's EventSource or through fetch, so tests can prove which path ran.
 */
export async function openAppPage(browser, base, route, { context = null, viewport = null } = {}) {
  const page = await (context ?? browser).newPage(viewport ? { viewport } : {})
  page.on('pageerror', (err) => console.error('[page error]', err))
  await page.addInitScript(() => {
    const calls = []
    window.__transportCalls = calls
    const NativeEventSource = window.EventSource
    window.EventSource = class extends NativeEventSource {
      constructor(url, init) {
        super(url, init)
        calls.push({ api: 'EventSource', url: String(url), withCredentials: !!(init && init.withCredentials) })
      }
    }
    const nativeFetch = window.fetch
    window.fetch = function (input, init) {
      calls.push({ api: 'fetch', url: String(input && input.url ? input.url : input), credentials: init && init.credentials })
      return nativeFetch.apply(this, arguments)
    }
  })
  await page.goto(base + route)
  return page
}

/** The e2e page (pages/e2e/e2e.uvue with ?e2e=1), once it exposed the plugin's connectEventSource. */
export async function openE2EPage(browser, base, options = {}) {
  const page = await openAppPage(browser, base, '/#/pages/e2e/e2e?e2e=1', options)
  await page.waitForFunction(() => typeof window.__connectEventSource === 'function', null, { timeout: 15000 })
  return page
}

/** Which browser API requested URLs containing key: e.g. ['EventSource'] or ['fetch']. */
export async function transportsFor(page, key) {
  return page.evaluate((k) => window.__transportCalls.filter((c) => c.url.includes(k)).map((c) => c.api), key)
}

/** Runs a self-contained function (shipped as source text) in the page with connectEventSource and arg. */
export function runInPage(page, fn, arg) {
  return page.evaluate(
    ([source, a]) => {
      // eslint-disable-next-line no-new-func
      const f = new Function('return (' + source + ')')()
      return f(window.__connectEventSource, a)
    },
    [fn.toString(), arg]
  )
}
