// uni-app (Vue) projects call a UTS plugin's methods on DCloud's thread pool, not the main thread
// (uts-for-android.md §2.4), while the OkHttp transport delivers on the main looper. The generated Android engine
// (DCloud's Kotlin of the plugin on the JVM, test/support/kotlin-runtime/ standing in for the runtime) is called here
// from a plain thread: connectEventSource() / connectChatStream(), the callbacks' registration and the state getters
// must all reach the engine on the main looper (common/main-thread.uts), so every callback runs there and no timer is
// set from another thread.
import { execFile } from 'node:child_process'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildEngineJar } from './support/jvm-build.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

let srv, classpath
beforeAll(async () => {
	srv = await startServer()
	classpath = (await buildEngineJar()).classpath
}, 600000)
afterAll(async () => srv?.close())

test('calls from a pool thread run the engine and the chat stream on the main looper: callbacks there, no timer set off it', async () => {
	const key = uniqueKey('android-off-main')
	// A GET that ends, with maxRetries 0: open, two events, close.
	const url = scenarioUrl(srv.url, { key, body: 'data: one\n\ndata: two\n\n' })
	const out = await new Promise((resolve, reject) => {
		const chatUrl = srv.url + '/v1/chat/completions?delay=0&key=' + key
		execFile('java', ['-cp', classpath, 'uts.sdk.modules.connectEventSource.enginebridge.OffMainThreadCallsKt', url, chatUrl], { timeout: 60000 }, (err, stdout, stderr) => {
			if (err) reject(new Error(`${err.message}\n${stdout}\n${stderr}`))
			else resolve(stdout.trim().split('\n'))
		})
	})
	expect(out).toEqual([
		'readyState 0',
		'callback open true',
		'callback message:one true',
		'callback message:two true',
		'callback close true',
		'readyState 2',
		'chat text true',
		'chat done true true',
		'chat text so far true',
		'offLoopTimerCalls 0',
		'done'
	])
}, 120000)
