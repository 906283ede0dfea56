// Test harness only (not shipped): the line protocol that SseEngineBridge.kt and ChatBridge.kt both speak with Node
// (test/support/jvm-process.mjs, startLineBridge), so each bridge holds only its own commands.
//
// stdin:  ret <n> [<value64>] | stats | the bridge's commands
// stdout: ready | cb <n> <fields...> | stats <timers> <threads> <errors> <uncaught>
// Every command runs on the loop thread, as the app's calls run on the main looper. A callback line blocks that thread
// until `ret <n>`: commands sent meanwhile run inside the callback, as calls a real app makes from its callback would
// (close() inside onMessage, a listener added during a dispatch...).
package uts.sdk.modules.connectEventSource.enginebridge

import io.dcloud.uts.UTSEventLoop
import io.dcloud.uts.console
import java.io.BufferedReader
import java.io.InputStreamReader
import java.util.Base64
import java.util.concurrent.LinkedBlockingQueue

private val out = System.out.bufferedWriter(Charsets.UTF_8)
private val lines = LinkedBlockingQueue<String>()
private val returned = HashMap<Long, String>()
private var seq = 0L
private var commands: (List<String>) -> Unit = {}

/** "-" stands for the empty string, so that every field is one space-free word. */
internal fun b64(s: String): String = if (s.isEmpty()) "-" else Base64.getEncoder().encodeToString(s.toByteArray(Charsets.UTF_8))
internal fun unb64(s: String): String = if (s == "-") "" else String(Base64.getDecoder().decode(s), Charsets.UTF_8)

internal fun emit(line: String) {
	out.write(line)
	out.write("\n")
	out.flush()
}

/** Emits `cb <n> <fields>` and runs commands until Node says the callback returned; returns what it sent ("-": nothing). */
internal fun callback(fields: List<String>): String {
	val n = ++seq
	emit((listOf("cb", n.toString()) + fields).joinToString(" "))
	while (!returned.containsKey(n)) command(lines.take())
	return returned.remove(n)!!
}

internal fun command(line: String) {
	val f = line.split(' ')
	when (f[0]) {
		"ret" -> returned[f[1].toLong()] = if (f.size > 2) f[2] else "-"
		"stats" -> {
			// Live request threads of the transport (SseHttpCall names them) and timers still queued.
			val threads = Thread.getAllStackTraces().keys.count { it.isAlive && it.name == "connect-event-source" && it.state == Thread.State.RUNNABLE }
			emit("stats ${UTSEventLoop.pending()} $threads ${console.errors} ${UTSEventLoop.uncaught}")
		}
		else -> commands(f)
	}
}

/** The bridge's main: prints `ready`, then runs each stdin line as one looper task until stdin closes. */
internal fun serveLines(bridgeCommands: (List<String>) -> Unit) {
	commands = bridgeCommands
	val reader = Thread({
		val input = BufferedReader(InputStreamReader(System.`in`, Charsets.UTF_8))
		while (true) {
			val line = input.readLine() ?: break
			lines.put(line)
			// poll: a callback waiting for its ret may already have taken this line.
			UTSEventLoop.post(0) { lines.poll()?.let { command(it) } }
		}
		// stdin closed: the test run is over.
		System.exit(0)
	}, "bridge-stdin")
	reader.isDaemon = true
	reader.start()
	emit("ready")
	UTSEventLoop.run()
}
