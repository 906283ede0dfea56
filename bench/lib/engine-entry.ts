// What the bench needs from the engine, bundled the same way as dist/index.mjs.
export { SseParser } from '../../uni_modules/connect-event-source/utssdk/common/parser.uts'
export { Utf8Decoder } from '../../uni_modules/connect-event-source/utssdk/common/utf8.uts'
export { createJsDecoder } from '../../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
export { connectEventSource } from '../../src/index.ts'
export { createOursPipe } from './ours-pipe.ts'
