// Listener bookkeeping during a dispatch follows DOM EventTarget rules, and off(id) removes exactly one registration:
// checked on the engine in Node (fetch transport) and on the Kotlin DCloud generates from the same dispatcher (JVM,
// OkHttp), both over real HTTP. iOS differs by design (removeEventListener removes the whole type; see readme).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connectEventSource as nodeConnect } from './support/engine.mjs'
import { startJvmEngine } from './support/jvm-engine.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

let srv, jvm
beforeAll(async () => {
	srv = await startServer()
	jvm = await startJvmEngine()
}, 180000)
afterAll(async () => {
	await jvm?.close()
	await srv?.close()
})

/** Three events in one chunk; listeners that add, remove and re-add each other while they run. */
function dispatchRules(connect) {
	return new Promise((resolve) => {
		const log = []
		const es = connect({ url: scenarioUrl(srv.url, { key: uniqueKey('dom'), body: 'data: 1\n\ndata: 2\n\ndata: 3\n\n' }), maxRetries: 0 })
		let idB = null
		const C = (ev) => log.push('C' + ev.data)
		const D = (ev) => {
			log.push('D' + ev.data)
			if (ev.data == '2') es.removeEventListener('message', D)
		}
		es.onMessage((ev) => {
			log.push('A' + ev.data)
			if (ev.data == '1') {
				es.onMessage(C) // added during event 1: first sees event 2
				es.off(idB) // removed by an earlier listener: not called for event 1
			}
		})
		idB = es.onMessage((ev) => log.push('B' + ev.data))
		const first = es.addEventListener('message', D)
		const second = es.addEventListener('message', D) // the same callback again: counts once
		log.push(first === second ? 'same-id' : 'new-id')
		es.onClose(() => resolve(log))
	})
}

describe.each([
	['engine in Node (fetch)', () => nodeConnect],
	['generated Kotlin engine (JVM, OkHttp)', () => jvm.connectEventSource]
])('%s', (_name, connect) => {
	test('added during a dispatch: from the next event on; removed by an earlier listener: not called; duplicates count once', async () => {
		const log = await dispatchRules(connect())
		expect(log).toEqual(['same-id', 'A1', 'D1', 'A2', 'C2', 'D2', 'A3', 'C3'])
	})
})
