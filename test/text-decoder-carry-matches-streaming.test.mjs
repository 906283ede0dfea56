// createJsDecoder() decodes without TextDecoder's stream mode (faster) by carrying unfinished sequences:
// its output must equal TextDecoder's stream mode byte for byte, U+FFFD included, under any chunking.
import { expect, test } from 'vitest'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { seededRandom } from './support/random.mjs'

const INTERESTING = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xa0, 0x9f, 0xed, 0xee, 0xef, 0xf0, 0x90, 0x8f, 0xf4, 0xf5, 0xff, 0xbb]

function viaCarry(bytes, cuts) {
  const d = createJsDecoder()
  let out = ''
  let prev = 0
  for (const c of cuts) {
    out += d.decode(bytes.subarray(prev, c), true)
    prev = c
  }
  return out + d.decode(bytes.subarray(prev), false)
}

function viaStream(bytes, cuts) {
  const d = new TextDecoder('utf-8', { ignoreBOM: true })
  let out = ''
  let prev = 0
  for (const c of cuts) {
    out += d.decode(bytes.subarray(prev, c), { stream: true })
    prev = c
  }
  return out + d.decode(bytes.subarray(prev))
}

test('every 4-byte sequence of interesting bytes, cut at every 1..2 places', () => {
  const n = INTERESTING.length
  for (let x = 0; x < n ** 4; x += 3) {
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
