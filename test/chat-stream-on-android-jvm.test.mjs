// connectChatStream as the Android app runs it: DCloud's Kotlin for the whole plugin (chat helper, engine, NDJSON
// parser; generated from the same .uts, compiled with kotlinc 2.2.0 and DCloud's compiler plugin) plus SseHttpCall.kt
// over OkHttp, on one looper thread, through every AI fixture whole, in 1-byte and in random pieces, against server/ai.mjs.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AI_CASES, SPLITS, aiCase, caseOptions, checkChatCase, recordChat } from './support/chat-cases.mjs'
import { startJvmChat } from './support/jvm-chat.mjs'
import { unaskedErrorLines } from './support/jvm-process.mjs'
import { startServer } from './support/server.mjs'

let jvm, srv
beforeAll(async () => {
	jvm = await startJvmChat()
	srv = await startServer()
}, 240000)
afterAll(async () => {
	await jvm?.close()
	await srv?.close()
})

describe('every fixture, every split (generated Kotlin + OkHttp on the JVM)', () => {
	for (const c of AI_CASES) {
		for (const split of SPLITS) {
			test.concurrent(`${c.name} (${split.name})`, async () => {
				const log = await recordChat(jvm.connectChatStream, caseOptions(srv.url, c, split, { auto: split.name !== 'random' }), { timeout: 30000 })
				checkChatCase(expect, c, log)
			})
		}
	}
})

describe('delivery on the JVM', () => {
	test('coalescing: updateInterval 60000 gives the first update at once and the final one right before onDone', async () => {
		const c = aiCase('anthropic/text')
		const log = await recordChat(jvm.connectChatStream, caseOptions(srv.url, c, SPLITS[1], { updateInterval: 60000 }), { timeout: 30000 })
		checkChatCase(expect, c, log)
		expect(log.text.length).toBe(2)
	})

	test('close() inside onText: nothing more', async () => {
		const seen = []
		await new Promise((resolve) => {
			const s = jvm.connectChatStream(caseOptions(srv.url, aiCase('openai/text'), SPLITS[1]))
			s.onText(() => { seen.push('text'); s.close(); setTimeout(resolve, 400) })
			s.onDone(() => seen.push('done'))
			s.onError(() => seen.push('error'))
		})
		expect(seen).toEqual(['text'])
	})

	test('afterwards: no timer left on the looper, no request thread running, nothing went to console.error unasked, no escaped exception', async () => {
		await new Promise((r) => setTimeout(r, 300))
		const stats = await jvm.stats()
		expect(stats.timers).toBe(0)
		expect(stats.threads).toBe(0)
		// Every run registers onError and no callback throws: a console.error line ("[error] ...") came from the plugin
		// unasked; "FATAL EXCEPTION" is an exception that escaped the looper (kotlin-runtime/EventLoop.kt, then exit 70).
		expect(unaskedErrorLines(jvm.stderr()), 'console.error and escaped-exception lines on the JVM stderr').toEqual([])
		expect(stats.consoleErrors).toBe(0)
		expect(jvm.exitCode()).toBe(null)
	})
})
