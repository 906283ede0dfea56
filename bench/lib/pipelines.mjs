// The bytes-to-events pipelines compared by the bench, each as an application would wire it.
// A pipeline is create(sink) -> { push(bytes), end() }; sink(type, data, lastEventId) gets every event.
import { createParser } from 'eventsource-parser'
import { createRequire } from 'node:module'

// The package's ESM build imports './parse' without an extension, which Node's ESM loader refuses.
const { getLines, getMessages } = createRequire(import.meta.url)('@microsoft/fetch-event-source/lib/cjs/parse.js')

/**
 * engine: { SseParser, createJsDecoder } from the engine sources (bundled for the bench, compiled by vitest in the smoke test).
 */
export function makePipelines(engine) {
  return [
    oursPipeline('ours', 'connect-event-source: TextDecoder + SseParser', engine),
    {
      name: 'eventsource-parser',
      title: 'eventsource-parser 3: TextDecoder + createParser',
      create(sink) {
        const decoder = new TextDecoder()
        let lastId = ''
        const parser = createParser({
          onEvent(e) {
            if (e.id !== undefined) lastId = e.id
            sink(e.event || 'message', e.data, lastId)
          }
        })
        return {
          push: (bytes) => parser.feed(decoder.decode(bytes, { stream: true })),
          end: () => parser.feed(decoder.decode())
        }
      }
    },
    {
      name: 'fetch-event-source',
      title: '@microsoft/fetch-event-source 2: getLines + getMessages (bytes)',
      create(sink) {
        let lastId = ''
        const onChunk = getLines(
          getMessages(
            (id) => { lastId = id },
            () => {},
            // It reports every blank line, even with no data; the spec (and the other two) dispatch nothing then.
            (m) => { if (m.data !== '') sink(m.event || 'message', m.data, lastId) }
          )
        )
        return { push: onChunk, end: () => {} }
      }
    }
  ]
}

/** Our pipeline over an engine module ({ SseParser, createJsDecoder }): this tree's, or an earlier commit's (--against). */
export function oursPipeline(name, title, { SseParser, createJsDecoder, createOursPipe }) {
  return {
    name,
    title,
    // Exactly what connection.uts does with each chunk of onBytes; the bundle's own copy of this code when it has one
    // (ours-pipe.ts: call sites that see one SseParser class stay monomorphic with --against).
    create(sink) {
      if (createOursPipe) return createOursPipe(SseParser, createJsDecoder, sink)
      const decoder = createJsDecoder()
      const parser = new SseParser(sink, null, null, null, 0)
      return {
        push: (bytes) => parser.feed(decoder.decode(bytes, true)),
        end: () => parser.feed(decoder.decode(new Uint8Array(0), false))
      }
    }
  }
}

/** The floor: what any pipeline must at least do, stream-decode the bytes and find every LF. */
export const floorPipeline = {
  name: 'floor',
  title: 'TextDecoder + indexOf of every LF (no parsing)',
  create(sink) {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
    let lines = 0
    const scan = (s) => {
      for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) lines++
    }
    return {
      push: (bytes) => scan(decoder.decode(bytes, { stream: true })),
      end: () => {
        scan(decoder.decode())
        sink('lines', '', String(lines))
      }
    }
  }
}

/** Runs a whole workload through a fresh pipeline. */
export function runPipeline(pipeline, chunks, sink) {
  const p = pipeline.create(sink)
  for (let i = 0; i < chunks.length; i++) p.push(chunks[i])
  p.end()
}

/** Every event a pipeline reports on a workload, for the correctness check. */
export function collect(pipeline, chunks) {
  const events = []
  runPipeline(pipeline, chunks, (type, data, id) => events.push([type, data, id]))
  return events
}
