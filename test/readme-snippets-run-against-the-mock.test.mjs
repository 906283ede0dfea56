// The readmes' code blocks work when pasted: each runs in its own Node process against the mock server, must
// reach the server, exit on its own with nothing on stderr, and print what its <!-- snippet-output: --> says.
// (test/support/readme-snippets.mjs; the plugin readme can be added to README_FILES.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { extractSnippets, runSnippet } from './support/readme-snippets.mjs'
import { startServer, uniqueKey } from './support/server.mjs'

const README_FILES = ['README.md', 'src/README.md', 'uni_modules/connect-event-source/readme.md']

let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

for (const file of README_FILES) {
  const snippets = extractSnippets(file)
  describe(file, () => {
    test('has runnable snippets', () => expect(snippets.length).toBeGreaterThan(0))
    for (const snippet of snippets) {
      test(`code block at line ${snippet.line} (${snippet.lang}) runs as pasted`, async () => {
        const key = uniqueKey('snippet')
        const r = await runSnippet(snippet, srv.url, key)
        const context = `\n--- ${snippet.file}:${snippet.line}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`
        expect(r.timedOut, 'the snippet must end on its own' + context).toBe(false)
        expect(r.stderr, context).toBe('')
        expect(r.code, context).toBe(0)
        // A snippet that closes before its request (or never sends one) is broken however quiet it is.
        expect(srv.requests(key).length, 'requests the server received' + context).toBeGreaterThan(0)
        for (const text of snippet.outputs) expect(r.stdout, context).toContain(text)
      })
    }
  })
}

test('the quick-start shape bugs are caught: closing right away, and choices: [] in the usage chunk', async () => {
  const pasted = (code) => ({ file: 'inline', line: 1, lang: 'js', code, outputs: [] })
  const closesAtOnce = pasted(`import { connectEventSource } from 'connect-event-source'
const es = connectEventSource({ url: 'https://api.example.com/v1/chat/completions', method: 'POST', header: { Authorization: 'Bearer k' }, data: { stream: true, messages: [] } })
es.onClose(() => console.log('closed'))
es.close()`)
  const key = uniqueKey('snippet')
  const r = await runSnippet(closesAtOnce, srv.url, key)
  expect(r.code).toBe(0)
  expect(srv.requests(key).length).toBe(0) // what the test above rejects
  const naive = pasted(`import { connectEventSource } from 'connect-event-source'
const es = connectEventSource({ url: 'https://api.example.com/v1/chat/completions', method: 'POST', header: { Authorization: 'Bearer k' },
  data: { stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'x' }] } })
es.onMessage((ev) => { if (ev.data !== '[DONE]') JSON.parse(ev.data).choices[0].delta })`)
  const r2 = await runSnippet(naive, srv.url, uniqueKey('snippet'))
  // The engine reports a throwing listener on the console and carries on: stderr is what catches it.
  expect(r2.stderr).toMatch(/TypeError: Cannot read properties of undefined/)
})

test('the connectChatStream snippet bugs of issue 20 are caught: undeclared variables, and close() right after the call', async () => {
  const pasted = (code) => ({ file: 'inline', line: 1, lang: 'ts', code, outputs: [] })
  const start = `import { connectChatStream } from '@/uni_modules/connect-event-source'
const chat = connectChatStream({ url: 'https://api.example.com/v1/chat/completions', apiKey: key, model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'x' }] })
chat.onText((ev) => { answer = ev.text })
`
  const undeclared = await runSnippet(pasted(start), srv.url, uniqueKey('snippet'))
  expect(undeclared.stderr).toMatch(/ReferenceError: key is not defined/)
  const key = uniqueKey('snippet')
  const closed = await runSnippet(pasted(start.replace('apiKey: key', "apiKey: 'k'").replace('answer = ev.text', 'console.log(ev.text)') + 'chat.close()\n'), srv.url, key)
  expect(closed.code).toBe(0)
  expect(srv.requests(key).length).toBe(0) // what "runs as pasted" rejects
})
