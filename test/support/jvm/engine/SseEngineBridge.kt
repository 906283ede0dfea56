// Test harness only (not shipped): runs the Kotlin that DCloud's compiler generates from the plugin (index.kt of
// app-android, uni-app x) on the JVM, over the real SseAndroid/SseHttpCall/OkHttp, on one event-loop thread
// standing in for the main looper (io.dcloud.uts.UTSEventLoop). test/support/jvm-engine.mjs drives it so the
// shared scenarios can run against the generated engine itself.
//
// stdin:  open <sid> <optionsJson64> <batch64>  connectEventSource(options), then the batch's lines (the calls made
//                                        right after it returned) in the same looper task
//         on <sid> <open|message|error|close> <lid> | listen <sid> <type64> <lid>
//         remove <sid> <type64> <lid>     removeEventListener with the callback registered as <lid>
//         off <sid> <lid> | close <sid> | reconnect <sid> | closeAll | stats | ret <n> [<value64>]
//         An option {"__callback": "<lid>"} (getHeader) becomes a Kotlin function that calls back into Node and
//         returns the JSON that Node sends with its ret.
// stdout: ready | cb <n> <sid> <lid> <kind> <readyState> <lastEventId64> <fields...> | stats <timers> <threads> <errors> <uncaught>
// A callback line blocks the loop thread until `ret <n>`: commands sent meanwhile run inside the callback, as calls a
// real app makes from its callback would (close() inside onMessage, a listener added during a dispatch...).
package uts.sdk.modules.connectEventSource.enginebridge

import io.dcloud.uts.JSON
import io.dcloud.uts.UTSEventLoop
import io.dcloud.uts.UTSJSONObject
import io.dcloud.uts.UniError
import io.dcloud.uts.console
import java.io.BufferedReader
import java.io.InputStreamReader
import java.util.Base64
import java.util.concurrent.LinkedBlockingQueue
import uts.sdk.modules.connectEventSource.ConnectEventSourceFail
import uts.sdk.modules.connectEventSource.ConnectEventSourceOptions
import uts.sdk.modules.connectEventSource.UniEventSource
import uts.sdk.modules.connectEventSource.UniMessageEvent
import uts.sdk.modules.connectEventSource.closeAllEventSources
import uts.sdk.modules.connectEventSource.connectEventSource

private val out = System.out.bufferedWriter(Charsets.UTF_8)
private val lines = LinkedBlockingQueue<String>()
private val sources = HashMap<String, UniEventSource>()
private val messageCallbacks = HashMap<String, (UniMessageEvent) -> Unit>()
private val registrationIds = HashMap<String, Number>()
private val returned = HashMap<Long, String>()
private var seq = 0L

private fun b64(s: String): String = if (s.isEmpty()) "-" else Base64.getEncoder().encodeToString(s.toByteArray(Charsets.UTF_8))
private fun unb64(s: String): String = if (s == "-") "" else String(Base64.getDecoder().decode(s), Charsets.UTF_8)

private fun emit(line: String) {
	out.write(line)
	out.write("\n")
	out.flush()
}

/** Emits a callback line and runs commands until Node says the callback returned; returns what Node sent with it. */
private fun callback(sid: String, lid: String, kind: String, fields: List<String>): String {
	val n = ++seq
	val es = sources[sid]
	val state = if (es == null) listOf("0", "-") else listOf(es.readyState.toInt().toString(), b64(es.lastEventId))
	emit((listOf("cb", n.toString(), sid, lid, kind) + state + fields).joinToString(" "))
	while (!returned.containsKey(n)) handle(lines.take())
	return returned.remove(n)!!
}

private fun event(sid: String, lid: String, kind: String): (UniMessageEvent) -> Unit = { ev ->
	callback(sid, lid, kind, listOf(b64(ev.type), b64(ev.data), b64(ev.lastEventId)))
}

private fun errorJson(e: Throwable?): String {
	if (e !is ConnectEventSourceFail) return "null"
	val o = UTSJSONObject()
	o["code"] = e.errCode
	o["subject"] = e.errSubject
	o["message"] = e.errMsg
	o["data"] = e.data
	val cause = (e as UniError).cause
	o["cause"] = if (cause is ConnectEventSourceFail) UTSJSONObject().also { c -> c["code"] = cause.errCode; c["message"] = cause.errMsg } else null
	return JSON.stringify(o)
}

/** Options from JSON: url through the constructor, every other key through its setter, as a UTS literal would. */
private fun options(sid: String, json: UTSJSONObject): ConnectEventSourceOptions {
	val o = ConnectEventSourceOptions(url = json["url"] as? String ?: "")
	for (key in UTSJSONObject.keys(json)) {
		if (key == "url") continue
		val setter = o.javaClass.methods.firstOrNull { it.name == "set" + key[0].uppercaseChar() + key.substring(1) && it.parameterCount == 1 }
			?: throw IllegalArgumentException("unknown option $key")
		val value = json[key]
		val lid = (value as? UTSJSONObject)?.get("__callback") as? String
		// A JS function option (getHeader): a Kotlin function that asks Node, as the app's own function would answer.
		val fn: () -> UTSJSONObject = { JSON.parse(unb64(callback(sid, lid!!, "call", listOf()))) as UTSJSONObject }
		setter.invoke(o, if (lid != null) fn else value)
	}
	return o
}

private fun handle(line: String) {
	val f = line.split(' ')
	when (f[0]) {
		"ret" -> returned[f[1].toLong()] = if (f.size > 2) f[2] else "-"
		"open" -> {
			sources[f[1]] = connectEventSource(options(f[1], JSON.parse(unb64(f[2])) as UTSJSONObject))
			// What the caller did right after connectEventSource() returned, in this same looper task.
			for (queued in unb64(f[3]).split('\n')) if (queued.isNotEmpty()) handle(queued)
		}
		"on" -> {
			val es = sources[f[1]]!!
			val sid = f[1]
			val lid = f[3]
			registrationIds[lid] = when (f[2]) {
				"open" -> es.onOpen(event(sid, lid, "open"))
				"message" -> es.onMessage(event(sid, lid, "message"))
				"close" -> es.onClose(event(sid, lid, "close"))
				"comment" -> es.onComment(event(sid, lid, "comment"))
				else -> es.onError { err -> callback(sid, lid, "error", listOf(b64(errorJson(err as Throwable)))) }
			}
		}
		"listen" -> {
			// The same JS function registered again arrives with the same lid: pass the same Kotlin function.
			val cb = messageCallbacks.getOrPut(f[3]) { event(f[1], f[3], "listener") }
			registrationIds[f[3]] = sources[f[1]]!!.addEventListener(unb64(f[2]), cb)
		}
		"remove" -> messageCallbacks[f[3]]?.let { sources[f[1]]!!.removeEventListener(unb64(f[2]), it) }
		"off" -> registrationIds[f[2]]?.let { sources[f[1]]!!.off(it) }
		"close" -> sources[f[1]]!!.close()
		"reconnect" -> sources[f[1]]!!.reconnect()
		"closeAll" -> closeAllEventSources()
		"stats" -> {
			// Live request threads of the transport (SseHttpCall names them) and timers still queued.
			val threads = Thread.getAllStackTraces().keys.count { it.isAlive && it.name == "connect-event-source" && it.state == Thread.State.RUNNABLE }
			emit("stats ${UTSEventLoop.pending()} $threads ${console.errors} ${UTSEventLoop.uncaught}")
		}
	}
}

fun main() {
	val reader = Thread({
		val input = BufferedReader(InputStreamReader(System.`in`, Charsets.UTF_8))
		while (true) {
			val line = input.readLine() ?: break
			lines.put(line)
			UTSEventLoop.post(0) { lines.poll()?.let { handle(it) } }
		}
		// stdin closed: the test run is over.
		System.exit(0)
	}, "bridge-stdin")
	reader.isDaemon = true
	reader.start()
	emit("ready")
	UTSEventLoop.run()
}
