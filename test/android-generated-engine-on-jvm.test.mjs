// The Android plugin as an app runs it: DCloud's Kotlin for the whole plugin (engine, parser, dispatcher, decoder;
// generated from the same .uts by the UTS compiler, compiled with kotlinc 2.2.0 and DCloud's compiler plugin) plus
// SseHttpCall.kt over OkHttp, on one looper thread, through every shared scenario against server/ over loopback.
// Stand-ins: DCloud's runtime (test/support/kotlin-runtime/: Number semantics, timers, Map...) and the main looper.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startJvmEngine } from './support/jvm-engine.mjs'
import { unaskedErrorLines } from './support/jvm-process.mjs'
import { runScenario } from './support/scenario-runner.mjs'
import { sharedScenarios } from './support/scenarios.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'
import { refusedUrl, startSilentServer } from './support/tcp.mjs'

let engine, srv, silent, refused
beforeAll(async () => {
	engine = await startJvmEngine()
	srv = await startServer()
	silent = await startSilentServer()
	refused = await refusedUrl()
}, 180000)
afterAll(async () => {
	await engine?.close()
	await srv?.close()
	await silent?.close()
})

describe('shared scenarios (generated Kotlin engine + OkHttp on the JVM)', () => {
	for (const s of sharedScenarios()) {
		test.concurrent(s.name, async () => {
			const key = uniqueKey('android-engine')
			const ctx = { base: srv.url, key, expect, requests: async () => srv.requests(key), silentUrl: silent.url, refusedUrl: refused }
			const result = await runScenario(engine.connectEventSource, s.spec(ctx))
			await s.check(result, ctx)
		})
	}
})

describe('options that index.uts hands to the Kotlin transport', () => {
	test("redirect: 'error' fails the first redirect with 1830011 and its status", async () => {
		const key = uniqueKey('android-engine-redirect')
		const target = encodeURIComponent('/scenario?key=' + key + '&body=' + encodeURIComponent('data: moved\n\n'))
		const result = await runScenario(engine.connectEventSource, {
			options: { url: srv.url + '/redirect?status=302&to=' + target, redirect: 'error', maxRetries: 0 }
		})
		const errors = result.log.filter((e) => e.kind === 'error')
		expect(errors.map((e) => [e.code, e.data.status])).toEqual([[1830011, 302]])
		expect(result.log.filter((e) => e.kind === 'message')).toEqual([])
		expect(srv.requests(key)).toHaveLength(0)
	})
})

describe('closeAllEventSources', () => {
	test('closes every open source at once: onClose once each, nothing after, no timer or request thread left for them', async () => {
		const key = uniqueKey('android-engine-close-all')
		const url = scenarioUrl(srv.url, { key, body: 'data: x\n\n', end: 'hold' })
		const logs = [0, 1, 2].map(() => [])
		const sources = logs.map((log) => {
			const es = engine.connectEventSource({ url, retryInterval: 50 })
			es.onOpen(() => { log.push('open') })
			es.onMessage(() => { log.push('message') })
			es.onError((e) => { log.push('error ' + e.errCode) })
			es.onClose(() => { log.push('close') })
			return es
		})
		await expect.poll(() => logs.every((log) => log.includes('message')), { timeout: 5000 }).toBe(true)
		engine.closeAll()
		await expect.poll(() => logs.every((log) => log.includes('close')), { timeout: 5000 }).toBe(true)
		await new Promise((resolve) => setTimeout(resolve, 300))
		expect(logs).toEqual([['open', 'message', 'close'], ['open', 'message', 'close'], ['open', 'message', 'close']])
		expect(srv.requests(key)).toHaveLength(sources.length)
	})
})

describe("Android's integer numbers", () => {
	test('a 25-digit retry: neither overflows nor loses the event after it', async () => {
		// UTS integers on Android stop at the Long range and throw past it (docs/uts/data-type.md); the parser must
		// stop accumulating digits before that, and the delay is clamped to maxRetryInterval.
		const key = uniqueKey('android-engine-retry-digits')
		const body = 'retry: 1234567890123456789012345\ndata: after\n\n'
		const result = await runScenario(engine.connectEventSource, {
			// The stream ends after the event: one reconnect (delay clamped to maxRetryInterval) replays it.
			options: { url: scenarioUrl(srv.url, { key, body }), maxRetries: 1, retryInterval: 50, maxRetryInterval: 200 },
			stopAfterMessages: 2
		})
		expect(result.log.filter((e) => e.kind === 'message').map((e) => e.data)).toEqual(['after', 'after'])
		const errors = result.log.filter((e) => e.kind === 'error')
		expect(errors.map((e) => [e.code, e.data.willRetry, e.data.retryDelay])).toEqual([[1830002, true, 200]])
	})
})

describe('after every source closed', () => {
	test('no timer is left on the looper, no request thread still runs, nothing went to console.error unasked', async () => {
		// Runs after the concurrent scenarios above (vitest runs describe blocks in order).
		await new Promise((r) => setTimeout(r, 300))
		const stats = await engine.stats()
		expect(stats.timers).toBe(0)
		expect(stats.threads).toBe(0)
		// Every scenario registers onError and no callback throws: any console.error came from the plugin unasked.
		// The lines themselves (the runtime's console writes `[error] ...` to the bridge's stderr), so a failure shows them.
		expect(unaskedErrorLines(engine.stderr()), 'console.error and escaped-exception lines on the JVM stderr').toEqual([])
		expect(stats.consoleErrors).toBe(0)
		// An exception escaping a looper task or a thread prints "FATAL EXCEPTION: <thread>" and ends the JVM with
		// exit 70 (kotlin-runtime/EventLoop.kt, as Android kills the app): checked above in the stderr, here as the
		// bridge still running, and as the count (one a test's onUncaught would have caught instead).
		expect(engine.exitCode()).toBe(null)
		expect(stats.uncaught).toBe(0)
	})
})
