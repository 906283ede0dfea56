// The generated Android engine (DCloud's Kotlin of the whole plugin, on the JVM over OkHttp) behind a JS object
// shaped like UniEventSource, so runScenario() drives it like any other platform. One JVM, a line protocol
// (test/support/jvm/engine/SseEngineBridge.kt). Each Kotlin callback waits for the JS callback to return, and what
// the JS callback calls (close(), onMessage, addEventListener, off) runs inside the Kotlin callback.
// readyState and lastEventId are the Kotlin source's values at its latest callback (or CLOSED after close()).
import { buildEngineJar } from './jvm-build.mjs'
import { b64, startLineBridge, text } from './jvm-process.mjs'

export async function startJvmEngine() {
	const { classpath } = await buildEngineJar()
	const callbacks = new Map()
	const sources = new Map()
	let nextSource = 1
	let nextListener = 1
	const jvm = await startLineBridge(classpath, 'uts.sdk.modules.connectEventSource.enginebridge.SseEngineBridgeKt', ([sid, lid, what, readyState, lastEventId, ...fields]) => {
		const cb = callbacks.get(lid)
		// A function option (getHeader): its return value goes back with the ret.
		if (what === 'call') return b64(JSON.stringify(cb() ?? null))
		const source = sources.get(sid)
		if (source.readyState !== 2) source.readyState = Number(readyState)
		source.lastEventId = text(lastEventId)
		if (what === 'error') {
			const e = JSON.parse(text(fields[0]))
			cb({ errCode: e.code, errSubject: e.subject, errMsg: e.message, data: e.data, cause: e.cause ? { errCode: e.cause.code, errMsg: e.cause.message } : null })
		} else {
			cb({ type: text(fields[0]), data: text(fields[1]), lastEventId: text(fields[2]) })
		}
	})
	const send = jvm.send

	function connectEventSource(options) {
		const sid = String(nextSource++)
		// What the caller does synchronously after connectEventSource() returns (registering callbacks, even close())
		// goes to the JVM in one line with the open, and runs there in the same looper task as the constructor: in an
		// app nothing can run in between either, so no timer of the engine may see a source without its callbacks.
		let batch = []
		const command = (line) => (batch ? batch.push(line) : send(line))
		queueMicrotask(() => {
			const lines = batch
			batch = null
			send(['open', sid, b64(JSON.stringify(options, functionOption)), b64(lines.join('\n'))].join(' '))
		})
		// A function option crosses as {"__callback": lid}: the bridge calls back for its value (SseEngineBridge.kt).
		const functionOption = (name, value) => {
			if (typeof value !== 'function') return value
			const lid = String(nextListener++)
			callbacks.set(lid, value)
			return { __callback: lid }
		}
		const register = (verb, arg, cb) => {
			const lid = String(nextListener++)
			callbacks.set(lid, cb)
			command([verb, sid, ...arg, lid].join(' '))
			return lid
		}
		const source = {
			url: typeof options?.url === 'string' ? options.url : '',
			readyState: 0,
			lastEventId: typeof options?.lastEventId === 'string' ? options.lastEventId : '',
			onOpen: (cb) => register('on', ['open'], cb),
			onMessage: (cb) => register('on', ['message'], cb),
			onError: (cb) => register('on', ['error'], cb),
			onClose: (cb) => register('on', ['close'], cb),
			onComment: (cb) => register('on', ['comment'], cb),
			reconnect: () => command('reconnect ' + sid),
			// One lid per JS function, so the bridge hands Kotlin the same function again (EventTarget dedupe).
			addEventListener(type, cb) {
				const known = [...callbacks].find(([, fn]) => fn === cb)
				if (!known) return register('listen', [b64(type)], cb)
				command(['listen', sid, b64(type), known[0]].join(' '))
				return known[0]
			},
			removeEventListener(type, cb) {
				for (const [lid, fn] of callbacks) if (fn === cb) command(['remove', sid, b64(type), lid].join(' '))
			},
			off: (lid) => command(['off', sid, lid].join(' ')),
			close() {
				source.readyState = 2
				command('close ' + sid)
			}
		}
		sources.set(sid, source)
		return source
	}

	return {
		connectEventSource,
		stats: jvm.stats,
		/** The plugin's closeAllEventSources(), on the loop thread. */
		closeAll: () => send('closeAll'),
		stderr: jvm.stderr,
		exitCode: jvm.exitCode,
		close: jvm.close
	}
}
