// One long-running JVM test bridge spoken to over a line protocol on stdin/stdout: spawn, wait for its `ready`
// line, hand every later line to onLine, send lines, close. Shared by the transport, engine and chat bridges.
import { spawn } from 'node:child_process'
import readline from 'node:readline'

/**
 * What the plugin's console.error printed (the runtime's console writes `[error] ...` lines to stderr,
 * kotlin-runtime/io/dcloud/uts/Globals.kt) and what an exception escaping the event loop or a thread printed
 * (`FATAL EXCEPTION: <thread>` and its stack before exit 70, kotlin-runtime/io/dcloud/uts/EventLoop.kt; the JVM's own
 * `Exception in thread` report): the lines of a bridge's stderr that nothing should have written unasked.
 */
export function unaskedErrorLines(stderr) {
  return stderr.split('\n').filter((l) => l.startsWith('[error]') || l.includes('FATAL EXCEPTION') || l.startsWith('Exception in thread'))
}

/** Resolves { send(line), stderr(), exitCode(), exited, close() } once the bridge printed `ready`. */
export async function startJvmMain(classpath, mainClass, onLine) {
	const child = spawn('java', ['-cp', classpath, mainClass], { stdio: ['pipe', 'pipe', 'pipe'] })
	let stderr = ''
	child.stderr.on('data', (d) => { stderr += d })
	const exited = new Promise((resolve) => child.once('exit', resolve))
	let ready
	const readyPromise = new Promise((resolve, reject) => {
		ready = resolve
		exited.then((code) => reject(new Error(`JVM bridge ${mainClass} exited (${code}) before it was ready:\n${stderr}`)))
	})
	readline.createInterface({ input: child.stdout }).on('line', (line) => {
		if (line === 'ready') ready()
		else onLine(line)
	})
	await readyPromise
	return {
		send(line) {
			if (child.exitCode !== null) throw new Error(`JVM bridge ${mainClass} is gone:\n${stderr}`)
			child.stdin.write(line + '\n')
		},
		stderr: () => stderr,
		/** null while the bridge runs; 70 after an escaped exception (EventLoop.kt). */
		exitCode: () => child.exitCode,
		/** Resolves with the exit code when the bridge process ends. */
		exited,
		/** Closing stdin ends the bridge; it is killed if it does not exit within 3 s. */
		async close() {
			child.stdin.end()
			const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
			await exited
			clearTimeout(timer)
		}
	}
}

/** Strings as one space-free word of a bridge line; '-' is the empty string. */
export const b64 = (s) => (s.length === 0 ? '-' : Buffer.from(s, 'utf8').toString('base64'))
export const text = (s) => (s === '-' ? '' : Buffer.from(s, 'base64').toString('utf8'))

/**
 * A bridge on the protocol of test/support/jvm/engine/LineBridge.kt: every `cb <n> <fields...>` line goes to
 * onCallback(fields) and is answered with `ret <n>`, plus what onCallback returned (a word) unless null, even when it
 * threw, since the loop thread waits for it. Resolves what startJvmMain does plus stats(): timers still queued on the
 * loop, request threads still running, console.error calls and escaped exceptions so far.
 */
export async function startLineBridge(classpath, mainClass, onCallback) {
	let statsWaiter = null
	const jvm = await startJvmMain(classpath, mainClass, (line) => {
		const [kind, ...f] = line.split(' ')
		if (kind === 'stats') return statsWaiter?.({ timers: Number(f[0]), threads: Number(f[1]), consoleErrors: Number(f[2]), uncaught: Number(f[3]) })
		if (kind !== 'cb') return
		let result = null
		try {
			result = onCallback(f.slice(1))
		} catch (e) {
			console.error(`JVM bridge ${mainClass}: callback threw`, e)
		} finally {
			jvm.send('ret ' + f[0] + (result == null ? '' : ' ' + result))
		}
	})
	return {
		...jvm,
		stats: () => new Promise((resolve, reject) => {
			statsWaiter = resolve
			// A bridge that died (exit 70 after an escaped exception) fails the check with its stderr, not a timeout.
			jvm.exited.then((code) => reject(new Error(`JVM bridge ${mainClass} exited (${code}) before answering:\n${jvm.stderr()}`)))
			jvm.send('stats')
		})
	}
}
