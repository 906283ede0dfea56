// Issue 10, item 2: memory stays bounded whatever the server sends. maxLineLength bounds one line; maxEventSize
// bounds one event (data lines joined with LF, plus the event: and id: values) until the blank line that
// dispatches it, so a server that sends data: lines and never a blank line fails with 1830010 instead of growing
// the data buffer without limit.
import http from 'node:http'
import { describe, expect, test } from 'vitest'
import { connectEventSource, parseChunks, record, sleep } from './support/engine.mjs'
import { SseParser } from '../uni_modules/connect-event-source/utssdk/common/parser.uts'

/** A parser with maxEventSize set; returns what it reported. */
function parse(chunks, maxEventSize, maxLineLength = 0) {
  const events = []
  const errors = []
  const parser = new SseParser((type, data, id) => events.push({ type, data, id }), null, null, (m) => errors.push(m), maxLineLength)
  parser.maxEventSize = maxEventSize
  for (const c of chunks) parser.feed(c)
  return { events, errors, failure: parser.failure }
}

describe('maxEventSize in the parser', () => {
  test('data lines without a blank line stop at the limit, whatever the chunking', () => {
    const text = 'data: 0123456789\n'.repeat(10)
    for (const size of [1, 7, 17, 1000]) {
      const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))
      const r = parse(chunks, 50)
      expect(r.events).toEqual([])
      expect(r.errors).toHaveLength(1)
      expect(r.failure).toBe(2)
      expect(r.errors[0]).toMatch(/exceeds the limit of 50/)
    }
  })
  test('an event exactly at the limit is dispatched; the data counts as dispatched (lines joined with LF)', () => {
    // "aaaa\nbbbb" is 9 characters, plus the event type "t" (1): 10.
    const r = parse(['event: t\ndata: aaaa\ndata: bbbb\n\n'], 10)
    expect(r.errors).toEqual([])
    expect(r.events).toEqual([{ type: 't', data: 'aaaa\nbbbb', id: '' }])
    expect(parse(['event: t\ndata: aaaa\ndata: bbbbb\n\n'], 10).errors).toHaveLength(1)
  })
  test('the event: and id: buffers count too, and the limit restarts with every dispatched event', () => {
    expect(parse(['event: ' + 'x'.repeat(20) + '\n'], 10).failure).toBe(2)
    expect(parse(['id: ' + 'x'.repeat(20) + '\n'], 10).failure).toBe(2)
    const many = parse(['data: 12345678\n\n'.repeat(1000)], 10)
    expect(many.errors).toEqual([])
    expect(many.events).toHaveLength(1000)
  })
  test('the default limit is 16 MiB', () => {
    const r = parseChunks(['data: x\n\n'])
    expect(r.parser.maxEventSize).toBe(16 * 1024 * 1024)
  })
})

describe('over HTTP (Node fetch): a server that never sends a blank line', () => {
  test('fails with 1830010 once, closes, and does not reconnect', async () => {
    let requests = 0
    const server = http.createServer((req, res) => {
      requests++
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      res.write(('data: ' + 'x'.repeat(1017) + '\n').repeat(200))
    })
    await new Promise((r) => server.listen(0, '127.0.0.1', r))
    try {
      const es = connectEventSource({ url: `http://127.0.0.1:${server.address().port}/`, maxEventSize: 64 * 1024, retryInterval: 20 })
      const r = record(es)
      await r.closed()
      await sleep(200)
      expect(r.kinds()).toEqual(['open', 'error', 'close'])
      expect(r.errors()[0][1]).toBe(1830010)
      expect(r.errors()[0][2]).toMatch(/Event too large/)
      expect(requests).toBe(1)
    } finally {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  })

  test('with the default limit, 40 MiB of data lines end in 1830010 after about 16 MiB, heap bounded', async () => {
    // The server writes 1 KiB data: lines as fast as the client reads, never a blank line.
    let written = 0
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      const block = ('data: ' + 'y'.repeat(1017) + '\n').repeat(256)
      const pump = () => {
        while (written < 40 * 1024 * 1024) {
          written += block.length
          if (!res.write(block)) return res.once('drain', pump)
        }
        res.end()
      }
      res.on('close', () => { written = Infinity })
      pump()
    })
    await new Promise((r) => server.listen(0, '127.0.0.1', r))
    try {
      global.gc?.()
      const before = process.memoryUsage().heapUsed
      const es = connectEventSource({ url: `http://127.0.0.1:${server.address().port}/` })
      const r = record(es)
      let peak = 0
      const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed - before) }, 20)
      await r.closed()
      clearInterval(sampler)
      expect(r.errors().map((e) => e[1])).toEqual([1830010])
      expect(r.errors()[0][2]).toMatch(/16777216/)
      // 16 MiB of one-byte characters as a JS string, plus transient chunks: far below the 40 MiB the server sends
      // (before the fix the buffer grew to whatever was sent: heap +338 MiB for 300 MB).
      expect(peak).toBeLessThan(120 * 1024 * 1024)
    } finally {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  }, 30000)
})

describe('options', () => {
  test('maxEventSize must be a whole number >= 1', async () => {
    for (const maxEventSize of [0, -1, 1.5]) {
      const es = connectEventSource({ url: 'http://127.0.0.1:1/', maxEventSize })
      const r = record(es)
      await r.closed()
      expect(r.errors().map((e) => e[1])).toEqual([1830001])
      expect(r.errors()[0][2]).toMatch(/maxEventSize/)
    }
  })
})
