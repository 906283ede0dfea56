// The preamble of the tests that run the same engine checks over the Node fetch transport and over the Android
// OkHttp transport on the JVM (hostile servers, redirects, Last-Event-ID on the wire): registers the hooks that start
// and stop the JVM bridge, and gives one connect function per transport, by name.
import { afterAll, beforeAll } from 'vitest'
import { startEventSource, Platform } from '../../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { createJsDecoder } from '../../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { connectEventSource as nodeConnect } from './engine.mjs'
import { startJvmTransport } from './jvm-transport.mjs'

export const TRANSPORT_NAMES = ['Node fetch', 'Android OkHttp (JVM)']

/**
 * Call at the top level of a test file. Returns { transports, jvm() }: transports[name](options) connects a source
 * through that transport (filled once beforeAll ran); jvm() is the bridge (support/jvm-transport.mjs) for raw access.
 */
export function nodeAndJvmTransports() {
  const transports = {}
  let jvm
  beforeAll(async () => {
    jvm = await startJvmTransport()
    const android = new Platform(jvm.openTransport, createJsDecoder, null)
    transports['Node fetch'] = nodeConnect
    transports['Android OkHttp (JVM)'] = (options) => startEventSource(options, android)
  }, 120000)
  afterAll(async () => { await jvm?.close() })
  return { transports, jvm: () => jvm }
}
