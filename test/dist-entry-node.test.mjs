// dist/index.mjs, as an npm user gets it: a separate Node process streams the mock chat with POST + Authorization.
import { execFile, execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { mockReply, startServer, uniqueKey } from './support/server.mjs'

// Built by beforeAll, so not there when vite analyses this file in a fresh clone: imported by a URL computed at run
// time (a literal '../dist/index.mjs' made vite report "Failed to load url" although the file existed by then).
const DIST = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/index.mjs')).href

let srv
beforeAll(async () => {
  execFileSync('node', ['scripts/build-dist.mjs'])
  srv = await startServer()
})
afterAll(async () => { await srv?.close() })

const script = `
import('./dist/index.mjs').then((m) => {
  const es = m.connectEventSource({
    url: process.argv[1], method: 'POST',
    header: { Authorization: 'Bearer sk-dist' },
    data: { model: 'mock', stream: true, messages: [{ role: 'user', content: 'hi from dist' }] }
  })
  let text = ''
  es.onMessage((ev) => { if (ev.data !== '[DONE]') text += JSON.parse(ev.data).choices[0].delta.content ?? '' })
  es.onError((e) => { console.error(e.errCode, e.errMsg); process.exitCode = 1 })
  es.onClose(() => process.stdout.write(JSON.stringify({ text, exports: Object.keys(m).sort() })))
})`

test('node -e import("./dist/index.mjs") streams the chat reply and exits on its own', async () => {
  const key = uniqueKey()
  // Async: the server runs in this process, so a blocking spawn would starve it.
  const r = await promisify(execFile)('node', ['-e', script, `${srv.url}/v1/chat/completions?delay=1&key=${key}`], { encoding: 'utf8', timeout: 15000 })
  expect(r.stderr).toBe('')
  const out = JSON.parse(r.stdout)
  expect(out.text).toBe(mockReply('hi from dist'))
  expect(out.exports).toEqual(expect.arrayContaining(['connectEventSource', 'createParser', 'createUtf8Decoder']))
  expect(srv.requests(key)[0].headers.authorization).toBe('Bearer sk-dist')
})

test('createParser and createUtf8Decoder from dist work on bytes split mid-character', async () => {
  // The build's time in the URL: a dist rebuilt in the same process (the mutation tool's session) is imported afresh.
  const m = await import(/* @vite-ignore */ DIST + '?built=' + statSync(fileURLToPath(DIST)).mtimeMs)
  const events = []
  const p = m.createParser({ onEvent: (e) => events.push(e) })
  const d = m.createUtf8Decoder()
  const bytes = new TextEncoder().encode('id: 1\ndata: 你好\n\n')
  for (let i = 0; i < bytes.length; i++) p.feed(d.decode(bytes.subarray(i, i + 1), { stream: true }))
  expect(events).toEqual([{ type: 'message', data: '你好', id: '1' }])
  expect(p.lastEventId).toBe('1')
})
