// utf8.uts must equal TextDecoder (WHATWG Encoding) byte for byte, U+FFFD included, under any chunking.
import { describe, expect, test } from 'vitest'
import { Utf8Decoder } from './support/engine.mjs'
import { seededRandom } from './support/random.mjs'
import { INTERESTING_BYTES, decodeInChunks, randomCuts } from './support/byte-chunks.mjs'


const decodeUtf8 = (bytes, cuts, ignoreBOM) => decodeInChunks(new Utf8Decoder(ignoreBOM), bytes, cuts)
const reference = (bytes, ignoreBOM) => new TextDecoder('utf-8', { ignoreBOM }).decode(bytes)
const INTERESTING = INTERESTING_BYTES

describe('Utf8Decoder equals TextDecoder', () => {
  test('valid text of every width, every 1..3-way split', () => {
    const text = 'a\u00e9\u4f60\ud83d\udc4b\u0000\uffff\ud800\udc00\u{10ffff}z'
    const bytes = new TextEncoder().encode(text)
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j++) {
        expect(decodeUtf8(bytes, [i, j], true)).toBe(text)
      }
    }
  })
  test('adversarial bytes: every sequence of up to 3 interesting bytes, whole and split', () => {
    for (const a of INTERESTING) for (const b of INTERESTING) for (const c of INTERESTING) {
      const bytes = new Uint8Array([a, b, c])
      const want = reference(bytes, true)
      expect(decodeUtf8(bytes, [], true)).toBe(want)
      expect(decodeUtf8(bytes, [1], true)).toBe(want)
      expect(decodeUtf8(bytes, [1, 2], true)).toBe(want)
    }
  })
  test('fuzz: 3000 random byte strings (mostly-valid and garbage) with random splits', () => {
    const rand = seededRandom(20261124)
    const enc = new TextEncoder()
    for (let round = 0; round < 3000; round++) {
      let bytes
      const kind = round % 3
      const len = Math.floor(rand() * 200)
      if (kind === 0) {
        bytes = new Uint8Array(len)
        for (let i = 0; i < len; i++) bytes[i] = Math.floor(rand() * 256)
      } else if (kind === 1) {
        bytes = new Uint8Array(len)
        for (let i = 0; i < len; i++) bytes[i] = INTERESTING[Math.floor(rand() * INTERESTING.length)]
      } else {
        let s = ''
        for (let i = 0; i < len / 4; i++) s += String.fromCodePoint(Math.floor(rand() ** 3 * 0x10ffff) & ~0x800 | (rand() < 0.3 ? 0 : 0))
        bytes = enc.encode(s)
        // Corrupt a few bytes so sequences break mid-way.
        for (let k = 0; k < 3 && bytes.length; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256)
      }
      const ignoreBOM = rand() < 0.5
      const want = reference(bytes, ignoreBOM)
      expect(decodeUtf8(bytes, randomCuts(rand, bytes.length), ignoreBOM)).toBe(want)
    }
  })
  test('BOM: stripped once by default, kept with ignoreBOM, even when split across chunks', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41])
    for (const cuts of [[], [1], [2], [1, 2], [3], [4]]) {
      expect(decodeUtf8(bytes, cuts, false)).toBe(reference(bytes, false))
      expect(decodeUtf8(bytes, cuts, true)).toBe(reference(bytes, true))
    }
  })
  test('streaming: a truncated sequence waits for more bytes, and flushes as U+FFFD at the end', () => {
    const d = new Utf8Decoder(true)
    expect(d.decode(new Uint8Array([0xe4, 0xbd]), true)).toBe('')
    expect(d.decode(new Uint8Array([0xa0]), true)).toBe('\u4f60')
    expect(d.decode(new Uint8Array([0xf0, 0x9f]), true)).toBe('')
    expect(d.decode(new Uint8Array([]), false)).toBe('\ufffd')
  })
  test('large input (1 MiB mixed) in random chunks', () => {
    const rand = seededRandom(7)
    const parts = []
    for (let i = 0; i < 40000; i++) parts.push(rand() < 0.8 ? 'data: hello ' : '你好👋é')
    const bytes = new TextEncoder().encode(parts.join(''))
    expect(decodeUtf8(bytes, randomCuts(rand, bytes.length), true)).toBe(reference(bytes, true))
  })
})
