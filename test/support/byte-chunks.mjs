// Decoding a byte string cut into chunks, for the decoder-equivalence tests.

/** Bytes chosen to hit every decoder branch: boundaries of each lead byte class, surrogates, overlongs, truncations. */
export const INTERESTING_BYTES = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xa0, 0x9f, 0xed, 0xee, 0xef, 0xf0, 0x90, 0x8f, 0xf4, 0xf5, 0xff, 0xbb, 0xbe]

/** decoder.decode(part, stream) over bytes cut at the given offsets, the last call flushing. */
export function decodeInChunks(decoder, bytes, cuts) {
  let out = ''
  let prev = 0
  for (const c of cuts) {
    out += decoder.decode(bytes.subarray(prev, c), true)
    prev = c
  }
  return out + decoder.decode(bytes.subarray(prev), false)
}

/** The reference: TextDecoder's own stream mode over the same cuts. */
export function textDecoderInChunks(bytes, cuts, ignoreBOM = true) {
  const d = new TextDecoder('utf-8', { ignoreBOM })
  return decodeInChunks({ decode: (part, stream) => d.decode(part, { stream }) }, bytes, cuts)
}

/** Random cut offsets: mostly tiny chunks, some up to 64 bytes. */
export function randomCuts(rand, n) {
  const cuts = []
  let p = 0
  while (p < n) {
    p += 1 + Math.floor(rand() * (rand() < 0.5 ? 3 : 64))
    if (p < n) cuts.push(p)
  }
  return cuts
}
