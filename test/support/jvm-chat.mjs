// connectChatStream of the generated Android plugin (DCloud's Kotlin, on the JVM over OkHttp) behind a JS object shaped
// like UniChatStream, for the shared chat checks (test/support/chat-cases.mjs). One JVM, a line protocol
// (test/support/jvm/engine/ChatBridge.kt). Each Kotlin callback waits for the JS callbacks to return, and a close()
// they call runs inside the Kotlin callback.
import { buildEngineJar } from './jvm-build.mjs'
import { b64, startLineBridge, text } from './jvm-process.mjs'

export async function startJvmChat() {
	const { classpath } = await buildEngineJar()
	const streams = new Map()
	let next = 1
	const jvm = await startLineBridge(classpath, 'uts.sdk.modules.connectEventSource.enginebridge.ChatBridgeKt', ([cid, what, payload]) => {
		const s = streams.get(cid)
		const value = JSON.parse(text(payload))
		if (what === 'text') s.text = value.text
		if (what === 'reasoning') s.reasoning = value.text
		for (const cb of s.listeners[what]) cb(value)
	})
	const send = jvm.send

	function connectChatStream(options) {
		const cid = String(next++)
		const listeners = { text: [], reasoning: [], tool: [], done: [], error: [] }
		const add = (kind) => (cb) => listeners[kind].push(cb)
		const s = {
			listeners, text: '', reasoning: '',
			onText: add('text'), onReasoning: add('reasoning'), onToolCall: add('tool'), onDone: add('done'), onError: add('error'),
			close: () => send('close ' + cid)
		}
		streams.set(cid, s)
		send(`chat ${cid} ${b64(JSON.stringify(options))}`)
		return s
	}

	return {
		connectChatStream,
		stats: jvm.stats,
		stderr: jvm.stderr,
		exitCode: jvm.exitCode,
		close: jvm.close
	}
}
