// Our pipeline's per-chunk code, bundled into each engine bundle (this tree's and every --against revision's), so
// each has its own copy: with one shared closure, the `parser.feed` and `decoder.decode` call sites would see the
// SseParser and decoder classes of every bundle, turn polymorphic and stop inlining, slowing every "ours" alike.
export function createOursPipe(SseParser: any, createJsDecoder: any, sink: (type: string, data: string, id: string) => void) {
  const decoder = createJsDecoder()
  const parser = new SseParser(sink, null, null, null, 0)
  return {
    push: (bytes: Uint8Array) => parser.feed(decoder.decode(bytes, true)),
    end: () => parser.feed(decoder.decode(new Uint8Array(0), false))
  }
}
