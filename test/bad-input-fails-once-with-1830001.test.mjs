// Issue 10, items 6, 7 and 8: bad input gets a clear error, once. Header names and values, malformed URLs and a
// missing or non-object options argument fail with 1830001 before any request, and the source is CLOSED; none of
// them can become a network error retried forever.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { resolveOptions } from '../uni_modules/connect-event-source/utssdk/common/options.uts'
import { checkUrl } from '../uni_modules/connect-event-source/utssdk/common/url.uts'
import { createFetchEventSource } from '../uni_modules/connect-event-source/utssdk/web/fetch-event-source.uts'
import { connectEventSource, record, sleep } from './support/engine.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

/** Runs a source to its end and returns what it reported. */
async function outcome(connect, options) {
  const es = connect(options)
  const r = record(es)
  await r.closed()
  await sleep(50)
  return { kinds: r.kinds(), errors: r.errors(), readyState: es.readyState, url: es.url }
}

describe('header names and values (item 6)', () => {
  const cases = [
    ['a NUL in a value', { 'X-A': 'a\u0000b' }, /NUL, CR or LF/],
    ['a character above U+00FF', { 'X-A': 'héllo 日本' }, /Latin-1/],
    ['an emoji', { Authorization: 'Bearer 🙂' }, /Latin-1/],
    ['an object value', { 'X-A': { nested: 1 } }, /string, number or boolean/],
    ['an array value', { 'X-A': ['a', 'b'] }, /string, number or boolean/],
    ['a name with a space', { 'X A': 'x' }, /header name/],
    ['a name with a colon', { 'X:A': 'x' }, /header name/],
    ['a non-ASCII name', { 'Ключ': 'x' }, /header name/],
    ['a NUL in a Last-Event-ID header', { 'Last-Event-ID': 'a\u0000' }, /NUL/]
  ]
  for (const [what, header, message] of cases) {
    test(`${what}: 1830001 once, no request, CLOSED`, async () => {
      const key = uniqueKey('hdr')
      const o = await outcome(connectEventSource, { url: scenarioUrl(srv.url, { key, body: 'data: x\n\n' }), header, retryInterval: 20 })
      expect(o.kinds).toEqual(['error', 'close'])
      expect(o.errors[0][1]).toBe(1830001)
      expect(o.errors[0][2]).toMatch(message)
      expect(o.readyState).toBe(2)
      expect(srv.requests(key)).toHaveLength(0)
    })
  }
  test('numbers, booleans and Latin-1 text are sent as text', async () => {
    const key = uniqueKey('hdrok')
    const o = await outcome(connectEventSource, { url: scenarioUrl(srv.url, { key, body: 'data: x\n\n' }), header: { 'X-N': 42, 'X-B': true, 'X-L': 'café' }, maxRetries: 0 })
    expect(o.kinds).toEqual(['open', 'message', 'close'])
    const [q] = srv.requests(key)
    expect(q.headers['x-n']).toBe('42')
    expect(q.headers['x-b']).toBe('true')
    // Node reads header bytes as Latin-1: é went out as the single byte E9, as browsers send it.
    expect(Buffer.from(q.headers['x-l'], 'latin1').toString('hex')).toBe(Buffer.from('café', 'latin1').toString('hex'))
  })
})

describe('URLs (item 7)', () => {
  const invalid = [
    'http://this is invalid/',
    'http://127.0.0.1:99999/',
    'http://127.0.0.1:8a/',
    'http://[::1/',
    'http://a.1/',
    'http://1.2.3.999/',
    'http://exa%mple.com/',
    'http://a<b/',
    'ftp://example.com/',
    'data:text/event-stream,data: x'
  ]
  for (const url of invalid) {
    test(`${JSON.stringify(url)}: 1830001 once, CLOSED`, async () => {
      const o = await outcome(connectEventSource, { url, retryInterval: 20 })
      expect(o.kinds).toEqual(['error', 'close'])
      expect(o.errors[0][1]).toBe(1830001)
      expect(o.errors[0][2]).toMatch(/url/)
      expect(o.url).toBe(url)
    })
  }
  test('the hand-written checks agree with the WHATWG URL parser of Node on these and on valid URLs', () => {
    const valid = ['http://127.0.0.1:8787/sse', 'HTTPS://Example.COM', 'http://user:pw@host:80/p?q#f', 'http://[::1]:3000/', 'http://0x7f.1/', 'http://host:/x', 'http://日本.jp/', 'http://ex%61mple.com/', 'http://a b/'.replace(' ', '')]
    for (const url of valid) {
      expect(() => new URL(url)).not.toThrow()
      expect(checkUrl(url, false).error, url).toBe(null)
    }
    for (const url of invalid) {
      if (url.startsWith('http')) expect(() => new URL(url), url).toThrow()
      expect(checkUrl(url, false).error, url).not.toBe(null)
    }
  })
  test('slashes after the scheme are normalized as the URL parser does (http:///x and https:x are valid)', () => {
    expect(checkUrl('http:///path-only', false).url).toBe('http://path-only')
    expect(checkUrl('https:example.com/a', false).url).toBe('https://example.com/a')
    expect(checkUrl('http:\\\\example.com\\a', false).url).toBe('http://example.com\\a')
    expect(new URL('https:example.com/a').href).toBe('https://example.com/a')
  })
  test('leading and trailing C0 controls and spaces are stripped, tabs and newlines removed, as the URL parser does', async () => {
    expect(checkUrl(' \t\u0001http://127.0.0.1/a\nb \u0000', false).url).toBe('http://127.0.0.1/ab')
    const key = uniqueKey('ws')
    const o = await outcome(connectEventSource, { url: '  ' + scenarioUrl(srv.url, { key, body: 'data: x\n\n' }) + '\n', maxRetries: 0 })
    expect(o.kinds).toEqual(['open', 'message', 'close'])
    expect(srv.requests(key)).toHaveLength(1)
  })
  test('what only the WHATWG URL parser refuses (an IDNA error, an IPv6 address of three parts) fails once with 1830001 on Node and web, nothing fetched', async () => {
    for (const url of ['http://xn--a.example/sse', 'http://[1:2:3]/sse']) {
      expect(checkUrl(url, false).error, url).toBe(null)
      for (const connect of [connectEventSource, createFetchEventSource]) {
        const o = await outcome(connect, { url, maxRetries: 0 })
        expect(o.kinds).toEqual(['error', 'close'])
        expect(o.errors.map((e) => [e[1], e[2]])).toEqual([[1830001, `Invalid options. url "${url}" is not a valid URL (TypeError: Invalid URL).`]])
      }
    }
  })
  test('web: a leading space no longer hides a data: scheme from the http(s) check', async () => {
    expect(resolveOptions({ url: ' data:text/event-stream,data%3A%20x%0A%0A' }, true).error).toMatch(/scheme must be http or https/)
    expect(resolveOptions({ url: '\u0000javascript:alert(1)' }, true).error).toMatch(/scheme/)
    expect(resolveOptions({ url: '/relative/sse' }, true).error).toBe(null)
    // The web fetch path of the plugin (in Node, fetch would open the data: URL): refused with 1830001.
    const o = await outcome(createFetchEventSource, { url: ' data:text/event-stream,data%3A%20x%0A%0A' })
    expect(o.kinds).toEqual(['error', 'close'])
    expect(o.errors[0][1]).toBe(1830001)
  })
})

describe('the options argument itself (item 8)', () => {
  const bad = [['no argument', undefined], ['null', null], ['a string', 'http://127.0.0.1/'], ['a number', 42], ['a function', () => {}]]
  for (const [what, options] of bad) {
    test(`${what}: 1830001, not a TypeError`, async () => {
      let es
      expect(() => { es = connectEventSource(options) }).not.toThrow()
      const r = record(es)
      await r.closed()
      expect(r.errors().map((e) => e[1])).toEqual([1830001])
      expect(r.errors()[0][2]).toMatch(/options object/)
      expect(es.url).toBe('')
      expect(es.readyState).toBe(2)
    })
  }
  test('the web entry point too', async () => {
    const { connectEventSource: webConnect } = await import('../uni_modules/connect-event-source/utssdk/web/index.uts')
    let es
    expect(() => { es = webConnect() }).not.toThrow()
    const r = record(es)
    await r.closed()
    expect(r.errors().map((e) => e[1])).toEqual([1830001])
  })
})
