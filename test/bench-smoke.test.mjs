// The bench compares like with like: on every bench workload, our pipeline (TextDecoder + SseParser, from the
// engine sources), eventsource-parser and @microsoft/fetch-event-source's parser report exactly the same
// events, and utf8.uts decodes the decoder inputs exactly as TextDecoder does. No timing here.
import { describe, expect, test } from 'vitest'
import { SseParser } from '../uni_modules/connect-event-source/utssdk/common/parser.uts'
import { Utf8Decoder } from '../uni_modules/connect-event-source/utssdk/common/utf8.uts'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { decodeWorkloads, parseWorkloads } from '../bench/lib/workloads.mjs'
import { collect, makePipelines } from '../bench/lib/pipelines.mjs'
import { checkSame } from '../bench/sections/parse.mjs'

const pipelines = makePipelines({ SseParser, createJsDecoder })

describe('bench workloads: all pipelines agree', () => {
  for (const w of parseWorkloads(0.05)) {
    test(w.name, () => {
      expect(checkSame(pipelines, w)).toEqual([])
      const events = collect(pipelines[0], w.chunks)
      expect(events.length).toBe(w.events)
      // Not vacuous: the expected number of events, each with data.
      expect(events.every(([, data]) => data.length > 0)).toBe(true)
    })
  }
})

describe('bench decoder inputs: utf8.uts equals TextDecoder', () => {
  for (const w of decodeWorkloads(0.05)) {
    test(w.name, () => {
      const ours = new Utf8Decoder(true)
      const native = new TextDecoder('utf-8', { ignoreBOM: true })
      let a = ''
      let b = ''
      for (const c of w.chunks) {
        a += ours.decode(c, true)
        b += native.decode(c, { stream: true })
      }
      expect(a.length).toBe(b.length)
      expect(a === b).toBe(true)
    })
  }
})
