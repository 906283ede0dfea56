// Utf8Decoder (common/utf8.uts, for runtimes without TextDecoder) has TextDecoder's BOM semantics: with ignoreBOM
// false one leading U+FEFF per stream is stripped, and a decode(..., stream false) ends the stream, so the next
// decode starts a new one whose BOM is stripped again. Compared with TextDecoder itself on the same calls.
import { describe, expect, test } from 'vitest'
import { Utf8Decoder } from '../uni_modules/connect-event-source/utssdk/common/utf8.uts'

const BOM = [0xef, 0xbb, 0xbf]
const bytes = (...parts) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)))

const CALLS = [
  ['one stream, BOM first', [[bytes(BOM, 'a'), true], [bytes(BOM, 'b'), false]]],
  ['two streams, each with a BOM', [[bytes(BOM, 'a'), false], [bytes(BOM, 'b'), false]]],
  ['a BOM split over three calls, then a new stream', [[bytes([0xef]), true], [bytes([0xbb]), true], [bytes([0xbf], 'x'), false], [bytes(BOM, BOM, 'y'), false]]],
  ['an empty final call ends the stream', [[bytes('a'), true], [bytes(), false], [bytes(BOM, 'c'), true], [bytes(), false]]]
]

describe('Utf8Decoder BOM handling equals TextDecoder', () => {
  for (const ignoreBOM of [false, true]) {
    for (const [name, calls] of CALLS) {
      test(`${name} (ignoreBOM ${ignoreBOM})`, () => {
        const ours = new Utf8Decoder(ignoreBOM)
        const ref = new TextDecoder('utf-8', { ignoreBOM })
        const got = calls.map(([b, stream]) => ours.decode(b, stream))
        const want = calls.map(([b, stream]) => ref.decode(b, { stream }))
        expect(got).toEqual(want)
      })
    }
  }
  test('literally: a reused decoder strips the BOM of each stream', () => {
    const d = new Utf8Decoder(false)
    expect([d.decode(bytes(BOM, 'a'), false), d.decode(bytes(BOM, 'b'), false), d.decode(bytes(BOM, BOM, 'c'), false)]).toEqual(['a', 'b', '\uFEFFc'])
  })
})
