// End to end in Node over loopback: events/s and server-write-to-callback latency, server in another process.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { createParser } from 'eventsource-parser'
import { makeClients, runE2E } from '../lib/clients.mjs'

const require = createRequire(import.meta.url)

/** Starts bench/lib/sse-server.mjs as a child process; resolves { url, stop }. */
export function spawnServer() {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../lib/sse-server.mjs', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error('bench server exited with ' + code)))
    child.stdout.on('data', (d) => {
      out += d
      const nl = out.indexOf('\n')
      if (nl != -1) resolve({ url: JSON.parse(out.slice(0, nl)).url, stop: () => child.kill() })
    })
  })
}

/**
 * @microsoft/fetch-event-source touches `window` and `document` unconditionally (window.fetch, window.setTimeout,
 * document.removeEventListener in dispose), so it throws in plain Node. This is the smallest stand-in that lets it run.
 */
function domShimForFetchEventSource() {
  globalThis.window ??= globalThis
  globalThis.document ??= { hidden: false, addEventListener() {}, removeEventListener() {} }
}

export async function run({ engine, quick, log }) {
  const server = await spawnServer()
  try {
    domShimForFetchEventSource()
    const { fetchEventSource } = require('@microsoft/fetch-event-source')
    const clients = makeClients({ connectEventSource: engine.connectEventSource, createParser, fetchEventSource })
    const result = await runE2E({ base: server.url, clients, quick, events: quick ? 10000 : 50000, log: (m) => log('  ' + m) })
    result.notes = ['@microsoft/fetch-event-source cannot run in plain Node (it references window and document); measured with a 2-line DOM stand-in']
    return result
  } finally {
    server.stop()
  }
}
