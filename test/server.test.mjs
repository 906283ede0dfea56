// Proves server/ behaves as the other tests assume, over real HTTP.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { base64url, mockReply, mockTokens, scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

let srv
beforeAll(async () => {
  srv = await startServer({ port: 0 })
})
afterAll(() => srv?.close())

async function readChunks(res) {
  const reader = res.body.getReader()
  const chunks = []
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return chunks
    chunks.push(value)
  }
}

const text = (chunks) => Buffer.concat(chunks).toString('utf8')

test('split offsets with a delay arrive as separate chunks', async () => {
  const body = 'data: one\n\ndata: two\n\n'
  const res = await fetch(scenarioUrl(srv.url, { body, split: '4,11,15', delay: 30 }))
  const chunks = await readChunks(res)
  expect(chunks.length).toBeGreaterThan(1)
  expect(chunks[0].length).toBe(4)
  expect(text(chunks)).toBe(body)
})

test('chunk=N cuts the body into N-byte writes', async () => {
  const res = await fetch(scenarioUrl(srv.url, { body: 'abcdefghij', chunk: 3, delay: 20 }))
  const chunks = await readChunks(res)
  expect(chunks.map((c) => Buffer.from(c).toString())).toEqual(['abc', 'def', 'ghi', 'j'])
})

test('status, type and header params shape the response', async () => {
  const res = await fetch(scenarioUrl(srv.url, { status: 418, type: 'text/plain', header: ['X-One:1', 'X-Two: two'], body: 'teapot' }))
  expect(res.status).toBe(418)
  expect(res.headers.get('content-type')).toBe('text/plain')
  expect(res.headers.get('x-one')).toBe('1')
  expect(res.headers.get('x-two')).toBe('two')
  expect(res.headers.get('cache-control')).toBe('no-cache')
  expect(res.headers.get('x-accel-buffering')).toBe('no')
  expect(await res.text()).toBe('teapot')

  const none = await fetch(scenarioUrl(srv.url, { type: 'none', body: 'x' }))
  expect(none.headers.get('content-type')).toBeNull()
  expect(await none.text()).toBe('x')
})

test('default type is text/event-stream; body decoding keeps "+" and multi-byte text', async () => {
  const body = 'data: 1+1 你好 👋\n\n'
  const res = await fetch(scenarioUrl(srv.url, { body }))
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
  expect(await res.text()).toBe(body)
})

test('body64 sends raw bytes (invalid UTF-8)', async () => {
  const bytes = [0x64, 0xff, 0xfe, 0xc3, 0x0a]
  const res = await fetch(scenarioUrl(srv.url, { body64: base64url(bytes) }))
  expect([...new Uint8Array(await res.arrayBuffer())]).toEqual(bytes)
})

test('repeated body is chosen per attempt and requests are recorded', async () => {
  const key = uniqueKey()
  const url = scenarioUrl(srv.url, { key, body: ['first', 'second'] })
  const a = await fetch(url, { method: 'POST', body: 'hello', headers: { 'X-Custom': 'yes', 'Content-Type': 'text/plain' } })
  expect(await a.text()).toBe('first')
  const b = await fetch(url, { headers: { 'Last-Event-ID': '7' } })
  expect(await b.text()).toBe('second')
  const c = await fetch(url)
  expect(await c.text()).toBe('second')

  const recorded = srv.requests(key)
  expect(recorded).toHaveLength(3)
  expect(recorded[0]).toMatchObject({ method: 'POST', body: 'hello', lastEventId: null })
  expect(recorded[0].headers['x-custom']).toBe('yes')
  expect(recorded[0].url).toContain('/scenario?')
  expect(typeof recorded[0].time).toBe('number')
  expect(recorded[1]).toMatchObject({ method: 'GET', body: '', lastEventId: '7' })

  const viaHttp = await (await fetch(`${srv.url}/requests?key=${encodeURIComponent(key)}`)).json()
  expect(viaHttp).toEqual(recorded)
})

test('repeated end applies per attempt', async () => {
  const key = uniqueKey()
  const url = scenarioUrl(srv.url, { key, body: 'data: x\n\n', end: ['destroy', 'close'] })
  await expect(fetch(url).then((r) => r.text())).rejects.toThrow()
  expect(await (await fetch(url)).text()).toBe('data: x\n\n')
})

test('end=destroy makes the body read reject after the data arrived', async () => {
  const res = await fetch(scenarioUrl(srv.url, { body: 'data: x\n\n', end: 'destroy' }))
  expect(res.status).toBe(200)
  const reader = res.body.getReader()
  const received = []
  const failure = await (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return null
        received.push(value)
      }
    } catch (err) {
      return err
    }
  })()
  expect(failure).toBeInstanceOf(Error)
  expect(text(received)).toBe('data: x\n\n')
})

test('end=hold keeps the stream open until the client aborts', async () => {
  const controller = new AbortController()
  const res = await fetch(scenarioUrl(srv.url, { body: 'data: x\n\n', end: 'hold' }), { signal: controller.signal })
  const reader = res.body.getReader()
  const first = await reader.read()
  expect(Buffer.from(first.value).toString()).toBe('data: x\n\n')
  const started = Date.now()
  setTimeout(() => controller.abort(), 200)
  await expect(reader.read()).rejects.toThrow()
  expect(Date.now() - started).toBeGreaterThanOrEqual(180)
})

test('close() ends held streams at once', async () => {
  const other = await startServer({ port: 0 })
  const res = await fetch(scenarioUrl(other.url, { body: 'data: x\n\n', end: 'hold' }))
  const reader = res.body.getReader()
  await reader.read()
  const started = Date.now()
  await other.close()
  expect(Date.now() - started).toBeLessThan(500)
  await expect(reader.read()).rejects.toThrow()
})

test('redirect 307 preserves POST and its body', async () => {
  const key = uniqueKey()
  const target = scenarioUrl('', { key, body: 'done' })
  const res = await fetch(`${srv.url}/redirect?status=307&to=${encodeURIComponent(target)}`, { method: 'POST', body: 'payload' })
  expect(res.redirected).toBe(true)
  expect(await res.text()).toBe('done')
  expect(srv.requests(key)).toMatchObject([{ method: 'POST', body: 'payload' }])
})

test('/events streams ticks and resumes after Last-Event-ID', async () => {
  const res = await fetch(`${srv.url}/events?count=2&interval=5`, { headers: { 'Last-Event-ID': '41' } })
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
  const body = await res.text()
  expect(body.startsWith('retry: 2000\n\n')).toBe(true)
  expect([...body.matchAll(/^id: (\d+)$/gm)].map((m) => m[1])).toEqual(['42', '43'])
  expect(body).toContain('event: tick\ndata: {"i":42,')
})

const chatUrl = () => `${srv.url}/v1/chat/completions`

test('chat without an API key is 401 JSON', async () => {
  const res = await fetch(chatUrl(), { method: 'POST', body: JSON.stringify({ messages: [], stream: true }) })
  expect(res.status).toBe(401)
  expect(res.headers.get('content-type')).toBe('application/json')
  expect(await res.json()).toEqual({
    error: {
      message: 'Missing or invalid API key. Pass Authorization: Bearer <key>.',
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    },
  })
})

test('the key "wrong" is refused on every chat path, the plain OpenAI mock included, in the provider\'s own error shape', async () => {
  const body = JSON.stringify({ model: 'mock-model', stream: true, messages: [{ role: 'user', content: 'hi' }], contents: [{ role: 'user', parts: [{ text: 'hi' }] }] })
  const bearer = { Authorization: 'Bearer wrong' }
  const cases = [
    ['/v1/chat/completions', bearer, 401, (b) => expect(b.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key', param: null })],
    ['/ai/v1/chat/completions', bearer, 401, (b) => expect(b.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key', param: null })],
    ['/v1/messages', { 'x-api-key': 'wrong' }, 401, (b) => expect(b).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } })],
    ['/v1beta/models/mock-model:streamGenerateContent', { 'x-goog-api-key': 'wrong' }, 400, (b) => expect(b.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' })],
    ['/api/chat', bearer, 401, (b) => expect(b).toEqual({ error: 'unauthorized' })],
  ]
  for (const [path, headers, status, check] of cases) {
    const res = await fetch(srv.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body })
    expect(res.status, path).toBe(status)
    check(await res.json())
  }
  // Both OpenAI paths send the same body: one definition of a provider's refusal.
  const plain = await (await fetch(chatUrl(), { method: 'POST', headers: bearer, body })).json()
  const ai = await (await fetch(`${srv.url}/ai/v1/chat/completions`, { method: 'POST', headers: bearer, body })).json()
  expect(plain).toEqual(ai)
})

test('chat with invalid JSON is 400', async () => {
  const res = await fetch(chatUrl(), { method: 'POST', headers: { Authorization: 'Bearer k' }, body: '{nope' })
  expect(res.status).toBe(400)
  expect((await res.json()).error.type).toBe('invalid_request_error')
})

test('mockTokens joins to mockReply, which includes multi-byte text', () => {
  const prompt = '  hi\nthere '
  expect(mockTokens(prompt).join('')).toBe(mockReply(prompt))
  expect(mockReply(prompt)).toContain('你好，世界 👋 café')
})

test('chat stream yields mockReply(prompt) then [DONE]', async () => {
  const prompt = 'Say hello 🌍'
  const res = await fetch(chatUrl(), {
    method: 'POST',
    headers: { Authorization: 'Bearer test', 'Content-Type': 'application/json', 'X-Mock-Delay': '0' },
    body: JSON.stringify({ model: 'gpt-test', stream: true, messages: [{ role: 'system', content: 'x' }, { role: 'user', content: prompt }] }),
  })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const data = (await res.text()).split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6))
  expect(data.at(-1)).toBe('[DONE]')
  const chunks = data.slice(0, -1).map((d) => JSON.parse(d))
  expect(chunks[0].choices[0].delta.role).toBe('assistant')
  expect(chunks[0]).toMatchObject({ id: 'chatcmpl-mock-1', object: 'chat.completion.chunk', model: 'gpt-test' })
  expect(chunks.at(-1).choices[0]).toEqual({ index: 0, delta: {}, finish_reason: 'stop' })
  expect(chunks.length).toBe(mockTokens(prompt).length + 1)
  expect(chunks.map((c) => c.choices[0].delta.content ?? '').join('')).toBe(mockReply(prompt))
})

test('chat without stream returns a chat.completion', async () => {
  const res = await fetch(`${chatUrl()}?delay=0`, {
    method: 'POST',
    headers: { Authorization: 'Bearer test' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
  })
  const json = await res.json()
  expect(json.object).toBe('chat.completion')
  expect(json.choices[0].message).toEqual({ role: 'assistant', content: mockReply('hi') })
})

test('CORS preflight and headers on normal responses', async () => {
  const res = await fetch(chatUrl(), {
    method: 'OPTIONS',
    headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
  })
  expect(res.status).toBe(204)
  expect(res.headers.get('access-control-allow-origin')).toBe('http://example.test')
  expect(res.headers.get('access-control-allow-credentials')).toBe('true')
  expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,PATCH,DELETE,OPTIONS')
  expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type')
  expect(res.headers.get('access-control-max-age')).toBe('600')

  const plain = await fetch(scenarioUrl(srv.url, { body: '' }))
  expect(plain.headers.get('access-control-allow-origin')).toBe('*')
  expect(plain.headers.get('access-control-expose-headers')).toBe('*')
})

test('static files, index.html fallback and 404s', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sse-static-'))
  const web = await startServer({ port: 0, staticDir: dir })
  try {
    await writeFile(path.join(dir, 'index.html'), '<h1>app</h1>')
    await mkdir(path.join(dir, 'assets'))
    await writeFile(path.join(dir, 'assets', 'app.js'), 'export {}')
    const js = await fetch(`${web.url}/assets/app.js`)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe('export {}')
    const root = await fetch(`${web.url}/`)
    expect(root.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await root.text()).toBe('<h1>app</h1>')
    expect(await (await fetch(`${web.url}/pages/index/index`)).text()).toBe('<h1>app</h1>')
    expect((await fetch(`${web.url}/missing.png`)).status).toBe(404)
    expect((await fetch(`${web.url}/..%2f..%2fetc%2fpasswd.txt`)).status).toBe(404)
    expect((await fetch(`${srv.url}/nothing-here`)).status).toBe(404)
  } finally {
    await web.close()
    await rm(dir, { recursive: true, force: true })
  }
})
