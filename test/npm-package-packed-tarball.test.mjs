// What `npm pack ./dist` ships, installed from the tarball into a fresh project (offline: the package has no
// dependencies): the files, the package.json fields, self-contained declarations that type-check a file using
// every option and member under nodenext (ESM and CJS files), bundler and node10, and import/require at runtime.
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { mockReply, startServer, uniqueKey } from './support/server.mjs'
import { aiCase, caseUrl } from './support/chat-cases.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const TSC = path.join(ROOT, 'node_modules/typescript/lib/tsc.js')
const SAMPLE = fs.readFileSync(path.join(ROOT, 'test/support/npm-package/use-every-option.ts'), 'utf8')
const run = promisify(execFile)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ces-pack-'))
const app = path.join(tmp, 'app')
let packed
let srv

beforeAll(async () => {
  // A build of its own (not ./dist, which other test files rebuild concurrently).
  await run(process.execPath, [path.join(ROOT, 'scripts/build-dist.mjs'), '--out', path.join(tmp, 'package')], { cwd: ROOT })
  const { stdout } = await run('npm', ['pack', path.join(tmp, 'package'), '--pack-destination', tmp, '--json', '--silent'], { cwd: tmp })
  packed = JSON.parse(stdout)[0]
  fs.mkdirSync(app)
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'fresh-app', version: '1.0.0', private: true }))
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(tmp, packed.filename)], { cwd: app })
  srv = await startServer()
}, 60000)
afterAll(async () => {
  await srv?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

test('the tarball holds the two builds, their declarations, package.json, its own README and the LICENSE', () => {
  expect(packed.files.map((f) => f.path).sort()).toEqual(['LICENSE', 'README.md', 'index.cjs', 'index.d.cts', 'index.d.ts', 'index.mjs', 'package.json'])
  const installed = path.join(app, 'node_modules/connect-event-source')
  const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'))
  expect(pkg.engines.node).toBe('>=18')
  expect(pkg.license).toBe('MIT')
  expect(pkg.exports['.'].require.default).toBe('./index.cjs')
  expect(pkg.dependencies).toBeUndefined()
  expect(pkg.scripts).toBeUndefined() // nothing runs at install time
  const readme = fs.readFileSync(path.join(installed, 'README.md'), 'utf8')
  expect(readme).toContain('npm install connect-event-source')
  expect(readme).not.toContain('npm test') // the package's readme, not the repository's
  expect(fs.readFileSync(path.join(installed, 'LICENSE'), 'utf8')).toContain('MIT License')
})

test('the declarations are self-contained: no import, nothing outside the package', () => {
  const dts = fs.readFileSync(path.join(app, 'node_modules/connect-event-source/index.d.ts'), 'utf8')
  expect(dts).not.toMatch(/^\s*import\b|from\s+['"]|\/\/\/\s*<reference/m)
  expect(dts).not.toMatch(/@uniPlatform|\.uts\b/)
  expect(fs.readFileSync(path.join(app, 'node_modules/connect-event-source/index.d.cts'), 'utf8')).toBe(dts)
})

test('the type-check sample names every option of the plugin interface (a new option must be added to it)', () => {
  const iface = fs.readFileSync(path.join(ROOT, 'uni_modules/connect-event-source/utssdk/interface.uts'), 'utf8')
  for (const type of ['ConnectEventSourceOptions', 'ChatStreamOptions']) {
    const block = new RegExp(`export type ${type} = \\{([\\s\\S]*?)\\n\\}`).exec(iface)[1]
    const names = [...block.matchAll(/^\t(\w+)\s*\??\s*:/gm)].map((m) => m[1])
    expect(names.length).toBeGreaterThan(10)
    for (const name of [...names, 'signal']) expect(SAMPLE, `${type} option ${name}`).toMatch(new RegExp(`^  ${name}: `, 'm'))
  }
})

test('the declarations name no value the package lacks, and the package exports nothing they leave out', async () => {
  // The export clause of index.d.ts, read by the TypeScript parser: every specifier not marked `type` is a value.
  const ts = (await import('typescript')).default
  const dts = fs.readFileSync(path.join(app, 'node_modules/connect-event-source/index.d.ts'), 'utf8')
  const file = ts.createSourceFile('index.d.ts', dts, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
  const declared = []
  for (const st of file.statements) {
    if (!ts.isExportDeclaration(st) || st.isTypeOnly || st.exportClause == null) continue
    for (const el of st.exportClause.elements) if (!el.isTypeOnly) declared.push(el.name.text)
  }
  const code = "process.stdout.write(JSON.stringify(Object.keys(require('connect-event-source')).sort()))"
  const r = await run(process.execPath, ['-e', code], { cwd: app, encoding: 'utf8' })
  expect(declared.sort()).toEqual(JSON.parse(r.stdout))
  expect(declared).toContain('connectChatStream')
})

const configs = {
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext', files: { 'esm.mts': SAMPLE, 'cjs.cts': SAMPLE } },
  bundler: { module: 'esnext', moduleResolution: 'bundler', files: { 'bundler.ts': SAMPLE } },
  node10: { module: 'commonjs', moduleResolution: 'node10', files: { 'node10.ts': SAMPLE } }
}
for (const [name, { files, ...resolution }] of Object.entries(configs)) {
  test(`tsc --noEmit (strict, no skipLibCheck) with moduleResolution ${resolution.moduleResolution}`, async () => {
    const dir = path.join(app, name)
    fs.mkdirSync(dir, { recursive: true })
    for (const [file, code] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), code)
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { ...resolution, target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files: Object.keys(files)
    }))
    const r = await run(process.execPath, [TSC, '-p', dir], { cwd: dir }).catch((e) => e)
    expect(r.stdout ?? '', r.stderr).toBe('')
  }, 60000)
}

const stream = (loader) => `
${loader}
const es = m.connectEventSource({ url: process.argv[1], method: 'POST', header: { Authorization: 'Bearer sk-pkg' },
  data: { stream: true, messages: [{ role: 'user', content: 'packed' }] } })
let text = ''
es.onMessage((ev) => { if (ev.data !== '[DONE]') text += JSON.parse(ev.data).choices[0]?.delta?.content ?? '' })
es.onError((e) => { console.error(e.errCode, e.errMsg); process.exitCode = 1 })
es.onClose(() => process.stdout.write(JSON.stringify({ text, exports: Object.keys(m).sort() })))`

test('require() from CommonJS and import from ESM both load the installed package and stream', async () => {
  const expected = ['CLOSED', 'CONNECTING', 'ChatStreamResult', 'ChatTextEvent', 'ChatToolCall', 'ChatToolCallEvent', 'ChatUsage', 'OPEN', 'UniErrors', 'UniMessageEvent', 'closeAllEventSources', 'connectChatStream', 'connectEventSource', 'createParser', 'createUtf8Decoder']
  for (const [flag, loader] of [['--input-type=commonjs', "const m = require('connect-event-source')"], ['--input-type=module', "const m = await import('connect-event-source')"]]) {
    const url = `${srv.url}/v1/chat/completions?delay=1&key=${uniqueKey()}`
    const r = await run(process.execPath, [flag, '-e', stream(loader), url], { cwd: app, encoding: 'utf8', timeout: 15000 })
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toEqual({ text: mockReply('packed'), exports: expected })
  }
  // One engine, two module systems: the CJS build is the same code, not a wrapper that imports the ESM one.
  expect(execFileSync(process.execPath, ['-p', "require.resolve('connect-event-source')"], { cwd: app, encoding: 'utf8' }).trim()).toMatch(/index\.cjs$/)
})

const chat = (loader) => `
${loader}
const log = { text: '', reasoning: '', tools: [] }
const s = m.connectChatStream({ url: process.argv[1], apiKey: 'sk-pkg', model: 'm', messages: [{ role: 'user', content: 'hi' }], updateInterval: 0 })
s.onText((ev) => { log.text = ev.text })
s.onReasoning((ev) => { log.reasoning = ev.text })
s.onToolCall((ev) => { if (ev.done) log.tools.push([ev.name, ev.arguments, ev.argumentsError]) })
s.onDone((r) => process.stdout.write(JSON.stringify({ ...log, finishReason: r.finishReason, raw: r.rawFinishReason, calls: r.toolCalls.length })))
s.onError((e) => { console.error(e.errCode, e.errMsg); process.exitCode = 1 })`

test('connectChatStream from require() and import decodes AI replies from the mock (inline reasoning, a tool without arguments)', async () => {
  for (const [flag, loader] of [['--input-type=commonjs', "const m = require('connect-event-source')"], ['--input-type=module', "const m = await import('connect-event-source')"]]) {
    const think = await run(process.execPath, [flag, '-e', chat(loader), caseUrl(srv.url, aiCase('openai/think-tags'), { params: '&chunk=1' })], { cwd: app, encoding: 'utf8', timeout: 15000 })
    expect(think.stderr).toBe('')
    expect(JSON.parse(think.stdout)).toEqual({ text: '9.8 is larger.', reasoning: 'Hmm, 9.8 > 9.11', tools: [], finishReason: 'stop', raw: 'stop', calls: 0 })
    const tool = await run(process.execPath, [flag, '-e', chat(loader), caseUrl(srv.url, aiCase('anthropic/tool-no-args'), { params: '' })], { cwd: app, encoding: 'utf8', timeout: 15000 })
    expect(tool.stderr).toBe('')
    expect(JSON.parse(tool.stdout)).toEqual({ text: '', reasoning: '', tools: [['get_time', '{}', '']], finishReason: 'tool_calls', raw: 'tool_use', calls: 1 })
  }
})

test('connectChatStream with an aborted signal sends no request and calls nothing', async () => {
  const key = uniqueKey()
  const code = `
const m = require('connect-event-source')
const s = m.connectChatStream({ url: process.argv[1], model: 'm', messages: [{ role: 'user', content: 'hi' }], signal: AbortSignal.abort() })
for (const on of ['onText', 'onReasoning', 'onToolCall', 'onDone', 'onError']) s[on](() => { console.error('called', on) })
setTimeout(() => process.stdout.write('quiet'), 300)`
  const r = await run(process.execPath, ['-e', code, `${srv.url}/v1/chat/completions?key=${key}`], { cwd: app, encoding: 'utf8', timeout: 15000 })
  expect(r.stderr).toBe('')
  expect(r.stdout).toBe('quiet')
  expect(srv.requests(key)).toEqual([])
})
