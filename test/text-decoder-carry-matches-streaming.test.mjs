// createJsDecoder() decodes without TextDecoder's stream mode (faster) by carrying unfinished sequences:
// its output must equal TextDecoder's stream mode byte for byte, U+FFFD included, under any chunking.
import { expect, test, vi } from 'vitest'
import { createJsDecoder, hasTextDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { seededRandom } from './support/random.mjs'
import { INTERESTING_BYTES, decodeInChunks, textDecoderInChunks } from './support/byte-chunks.mjs'

const INTERESTING = INTERESTING_BYTES
const viaCarry = (bytes, cuts) => decodeInChunks(createJsDecoder(), bytes, cuts)
const viaStream = (bytes, cuts) => textDecoderInChunks(bytes, cuts)

test('every 5th 4-byte sequence of interesting bytes (a spread over all lead/continuation mixes), cut at every 1..2 places', () => {
  const n = INTERESTING.length
  for (let x = 0; x < n ** 4; x += 5) {
    const bytes = new Uint8Array([INTERESTING[x % n], INTERESTING[Math.floor(x / n) % n], INTERESTING[Math.floor(x / n / n) % n], INTERESTING[Math.floor(x / n / n / n) % n]])
    for (let i = 0; i <= 4; i++) {
      for (let j = i; j <= 4; j++) expect(viaCarry(bytes, [i, j])).toBe(viaStream(bytes, [i, j]))
    }
  }
})

test('fuzz: 3000 random byte strings, mostly-valid and garbage, random 1..40-byte chunks', () => {
  const rand = seededRandom(424242)
  const enc = new TextEncoder()
  for (let round = 0; round < 3000; round++) {
    let bytes
    if (round % 2 === 0) {
      bytes = new Uint8Array(Math.floor(rand() * 120)).map(() => INTERESTING[Math.floor(rand() * INTERESTING.length)])
    } else {
      bytes = enc.encode('a€𝄞你' .repeat(1 + Math.floor(rand() * 10)))
      for (let k = 0; k < 2 && bytes.length; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256)
    }
    const cuts = []
    for (let p = 1 + Math.floor(rand() * 40); p < bytes.length; p += 1 + Math.floor(rand() * 40)) cuts.push(p)
    expect(viaCarry(bytes, cuts)).toBe(viaStream(bytes, cuts))
  }
})

test('fuzz: chunks of 300-2000 bytes that switch between the two decoders (ASCII-only, non-ASCII, garbage) equal stream mode', () => {
  // From 512 bytes, a chunk after one with non-ASCII text goes to a second TextDecoder in stream mode (text-decoder.uts
  // WIDE_MIN): mixing ASCII-only and non-ASCII stretches makes the decoder switch back and forth on every input.
  const rand = seededRandom(181818)
  const enc = new TextEncoder()
  for (let round = 0; round < 300; round++) {
    const pieces = []
    for (let k = 0; k < 12; k++) {
      const kind = Math.floor(rand() * 3)
      const n = 100 + Math.floor(rand() * 1500)
      if (kind == 0) pieces.push(enc.encode('data: ascii only\r\n'.repeat(Math.ceil(n / 18)).slice(0, n)))
      else if (kind == 1) pieces.push(enc.encode('mostly ascii 你好 😀 é '.repeat(Math.ceil(n / 20))))
      else pieces.push(new Uint8Array(n).map(() => INTERESTING[Math.floor(rand() * INTERESTING.length)]))
    }
    const bytes = new Uint8Array(pieces.reduce((a, p) => a + p.length, 0))
    let at = 0
    for (const p of pieces) { bytes.set(p, at); at += p.length }
    const cuts = []
    for (let p = 300 + Math.floor(rand() * 1700); p < bytes.length; p += 300 + Math.floor(rand() * 1700)) cuts.push(p)
    expect(viaCarry(bytes, cuts)).toBe(viaStream(bytes, cuts))
  }
})

test('each call returns what that call of TextDecoder stream mode returns when the chunk ends in a complete character or in a byte that can never start one (F5..FF)', () => {
  // Only an unfinished sequence is carried: a complete 2-, 3- or 4-byte character at the end of a chunk is text of
  // that chunk, and F5..FF (no sequence starts with them) are U+FFFD at once.
  const enc = new TextEncoder()
  const ends = [enc.encode('é'), enc.encode('你'), enc.encode('😀'), [0xf5], [0xf8], [0xff], [0xc0], [0x80]]
  for (const tail of ends) {
    for (const head of ['a', 'x'.repeat(20)]) {
      const first = new Uint8Array([...enc.encode(head), ...tail])
      const second = enc.encode('b\n')
      const reference = new TextDecoder('utf-8', { ignoreBOM: true })
      const want = [reference.decode(first, { stream: true }), reference.decode(second, { stream: true })]
      const d = createJsDecoder()
      expect([d.decode(first, true), d.decode(second, true)], `${head.length} + ${[...tail]}`).toEqual(want)
    }
  }
})

test('hasTextDecoder() is true where the runtime has TextDecoder and false where it has not; createJsDecoder() decodes the same text either way', () => {
  const bytes = new TextEncoder().encode('\uFEFFdata: é你😀\n')
  const text = '\uFEFFdata: é你😀\n'
  expect(hasTextDecoder()).toBe(true)
  expect(decodeInChunks(createJsDecoder(), bytes, [3, 9])).toBe(text)
  vi.stubGlobal('TextDecoder', undefined)
  try {
    expect(hasTextDecoder()).toBe(false)
    expect(decodeInChunks(createJsDecoder(), bytes, [3, 9])).toBe(text)
  } finally {
    vi.unstubAllGlobals()
  }
})
