// connectChatStream of the generated Android plugin (DCloud's Kotlin, on the JVM over OkHttp) behind a JS object shaped
// like UniChatStream, for the shared chat checks (test/support/chat-cases.mjs). One JVM, a line protocol
// (test/support/jvm/engine/ChatBridge.kt). Each Kotlin callback waits for the JS callbacks to return, and a close()
// they call runs inside the Kotlin callback.
import { buildEngineJar } from './jvm-build.mjs'
import { startJvmMain } from './jvm-process.mjs'

const b64 = (s) => (s.length === 0 ? '-' : Buffer.from(s, 'utf8').toString('base64'))
const text = (s) => (s === '-' ? '' : Buffer.from(s, 'base64').toString('utf8'))

export async function startJvmChat() {
	const { classpath } = await buildEngineJar()
	const streams = new Map()
	let statsWaiter = null
	let next = 1
	const jvm = await startJvmMain(classpath, 'uts.sdk.modules.connectEventSource.enginebridge.ChatBridgeKt', (line) => {
		const [kind, ...f] = line.split(' ')
		if (kind === 'stats') return statsWaiter?.({ timers: Number(f[0]), threads: Number(f[1]), consoleErrors: Number(f[2]) })
		if (kind !== 'cb') return
		const [n, cid, what, payload] = f
		try {
			const s = streams.get(cid)
			const value = JSON.parse(text(payload))
			if (what === 'text') s.text = value.text
			if (what === 'reasoning') s.reasoning = value.text
			for (const cb of s.listeners[what]) cb(value)
		} catch (e) {
			console.error('JVM chat: callback threw', e)
		} finally {
			send('ret ' + n)
		}
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
		stats: () => new Promise((resolve, reject) => {
			statsWaiter = resolve
			// A bridge that died (exit 70 after an escaped exception) fails the check with its stderr, not a timeout.
			jvm.exited.then((code) => reject(new Error(`the JVM chat bridge exited (${code}) before answering:\n${jvm.stderr()}`)))
			send('stats')
		}),
		stderr: jvm.stderr,
		exitCode: jvm.exitCode,
		close: jvm.close
	}
}
