// The transport contract's one exception (common/transport.uts): a runtime that learns the status only at the end
// (HarmonyOS requestInStream) announces an event stream as 200 from its headers, then reports the real status with a
// second onResponse. The engine must fail that with 1830005 and never reconnect (WHATWG: a non-200 response "fails
// the connection"), even for a GET with unlimited retries. A scripted transport plays the Harmony transport's
// sequence of calls; the Harmony code itself cannot run here (reviewed; transpiled by check:native).
import { expect, test } from 'vitest'
import { startEventSource, Platform } from '../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { sameCallback } from '../uni_modules/connect-event-source/utssdk/common/same-callback.uts'
import { record, sleep } from './support/engine.mjs'

function lateStatusPlatform(finalStatus) {
	const opened = []
	const open = (request, listener) => {
		opened.push(request)
		const head = new Map([['content-type', 'text/event-stream']])
		setTimeout(() => {
			listener.onResponse(200, head)
			listener.onText('id: 1\ndata: a\n\n')
			if (finalStatus != 200) listener.onResponse(finalStatus, head)
			listener.onEnd()
		}, 5)
		return { abort() {} }
	}
	return { platform: new Platform(open, createJsDecoder, sameCallback), opened }
}

test('a 401 reported after the stream was announced fails with 1830005 and status 401, without reconnecting', async () => {
	const { platform, opened } = lateStatusPlatform(401)
	const es = startEventSource({ url: 'http://127.0.0.1:9/sse', retryInterval: 10 }, platform)
	const r = record(es)
	await r.closed()
	await sleep(100)
	expect(r.kinds()).toEqual(['open', 'message', 'error', 'close'])
	const [, code, message, data, readyState] = r.errors()[0]
	expect(code).toBe(1830005)
	expect(message).toMatch(/Status 401 arrived after the stream had started/)
	expect(data.status).toBe(401)
	expect(readyState).toBe(2)
	expect(opened).toHaveLength(1)
})

test('a late 200 changes nothing: the GET stream ends and reconnects as usual', async () => {
	const { platform, opened } = lateStatusPlatform(200)
	const es = startEventSource({ url: 'http://127.0.0.1:9/sse', retryInterval: 10, minRetryInterval: 10 }, platform)
	const r = record(es)
	await r.until((l) => l.filter((e) => e[0] === 'open').length === 2)
	es.close()
	expect(r.kinds().slice(0, 4)).toEqual(['open', 'message', 'error', 'open'])
	expect(r.errors().map((e) => e[1])).not.toContain(1830005)
	expect(opened).toHaveLength(2)
})
