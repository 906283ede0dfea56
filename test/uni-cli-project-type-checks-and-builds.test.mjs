// A uni-app Vue 3 CLI project made like DCloud's vite-ts template (test/support/cli-project.mjs: the template's
// tsconfig with isolatedModules + preserveValueImports, its vue-tsc 1.8) with the plugin copied into src/uni_modules/:
// vue-tsc type-checks a page that imports it (through the plugin's types/, with the tsconfig "paths" line of
// docs/cli-projects.md), and the project builds for h5 and mp-weixin without one warning naming a plugin file;
// both builds then stream the mock chat (h5 in Chromium, served as npm start serves, mp-weixin in the Node host of
// mp-wx-harness).
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser } from './support/browser.mjs'
import { Lexer } from 'marked'
import { BINS, TEMPLATE_TSCONFIG, chatThroughMpBuild, createCliProject, pluginWarnings, runInProject } from './support/cli-project.mjs'
import { mockReply, startServer } from './support/server.mjs'

let dir
let srv
beforeAll(async () => {
  dir = createCliProject()
  srv = await startServer()
})
afterAll(async () => {
  await srv?.close()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

test('vue-tsc --noEmit passes on a page importing @/uni_modules/connect-event-source and using UTSJSONObject', async () => {
  await runInProject(dir, BINS.vueTsc, ['--noEmit'])
}, 180000)

test('docs/cli-projects.md shows exactly the tsconfig.json this project is made with (the vite-ts template\'s, plus the paths line)', () => {
  const docs = fs.readFileSync(path.join(import.meta.dirname, '../docs/cli-projects.md'), 'utf8')
  const blocks = new Lexer().lex(docs).filter((t) => t.type === 'code' && t.lang === 'json').map((t) => JSON.parse(t.text))
  expect(blocks).toContainEqual(TEMPLATE_TSCONFIG)
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'))).toEqual(TEMPLATE_TSCONFIG)
})

test('without the tsconfig paths line vue-tsc fails as the issue reports (the line is what makes it work)', async () => {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'))
  delete tsconfig.compilerOptions.paths['@/uni_modules/connect-event-source']
  fs.writeFileSync(path.join(dir, 'tsconfig.without-paths.json'), JSON.stringify(tsconfig))
  const err = await runInProject(dir, BINS.vueTsc, ['--noEmit', '-p', 'tsconfig.without-paths.json']).catch((e) => e)
  expect(String(err)).toContain("Cannot find module '@/uni_modules/connect-event-source'")
}, 180000)

test('the shipped declarations are current (npm run build regenerates them from utssdk/interface.uts)', async () => {
  const { pluginTypes, PLUGIN_TYPES_DIR } = await import('../scripts/build-dist.mjs')
  for (const [name, code] of Object.entries(await pluginTypes())) {
    expect(fs.readFileSync(path.join(PLUGIN_TYPES_DIR, name), 'utf8'), `types/${name}: run npm run build`).toBe(code)
  }
}, 30000)

test('uni build (h5) builds it without a warning from the plugin, and the page streams the reply in Chromium', async () => {
  const output = await runInProject(dir, BINS.uni, ['build'])
  expect(pluginWarnings(output), output).toEqual([])
  const out = path.join(dir, 'dist/build/h5')
  expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true)
  const site = await startServer({ staticDir: out })
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    page.on('pageerror', (err) => console.error('[page error]', err))
    await page.goto(`${site.url}/#/pages/index/index`)
    await expect.poll(() => page.locator('.status').textContent(), { timeout: 15000 }).toBe('done')
    expect(await page.locator('.reply').textContent()).toBe(mockReply('from a CLI project'))
  } finally {
    await browser.close()
    await site.close()
  }
}, 180000)

test('uni build -p mp-weixin builds it without a warning from the plugin, and the built plugin streams in the mini-program host', async () => {
  const output = await runInProject(dir, BINS.uni, ['build', '-p', 'mp-weixin'])
  expect(pluginWarnings(output), output).toEqual([])
  const out = path.join(dir, 'dist/build/mp-weixin')
  expect(fs.existsSync(path.join(out, 'uni_modules/connect-event-source/utssdk/mp-weixin/index.js'))).toBe(true)
  expect(fs.existsSync(path.join(out, 'pages/index/index.js'))).toBe(true)
  expect(await chatThroughMpBuild(out, srv.url, 'mp from a CLI project')).toBe(mockReply('mp from a CLI project'))
}, 180000)

test('a type imported as a value in a plugin file is caught: the template\'s preserveValueImports makes the build warn', async () => {
  const planted = createCliProject()
  try {
    const file = path.join(planted, 'src/uni_modules/connect-event-source/utssdk/common/options.uts')
    const text = fs.readFileSync(file, 'utf8')
    // The type-only import that names ConnectEventSourceOptions, whatever else it lists, made a value import.
    const typeImport = /^import type (\{[^}]*\bConnectEventSourceOptions\b[^}]*\}) from '\.\.\/interface\.uts'$/m
    expect(text).toMatch(typeImport)
    fs.writeFileSync(file, text.replace(typeImport, "import $1 from '../interface.uts'"))
    const warnings = pluginWarnings(await runInProject(planted, BINS.uni, ['build']))
    expect(warnings.join('\n')).toMatch(/"ConnectEventSourceOptions" is not exported by ".*interface\.uts"/)
  } finally {
    fs.rmSync(planted, { recursive: true, force: true })
  }
}, 120000)
