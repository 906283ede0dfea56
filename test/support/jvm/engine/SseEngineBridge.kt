// Test harness only (not shipped): runs the Kotlin that DCloud's compiler generates from the plugin (index.kt of
// app-android, uni-app x) on the JVM, over the real SseAndroid/SseHttpCall/OkHttp, on one event-loop thread
// standing in for the main looper (io.dcloud.uts.UTSEventLoop). test/support/jvm-engine.mjs drives it so the
// shared scenarios can run against the generated engine itself.
//
// stdin:  open <sid> <optionsJson64> <batch64>  connectEventSource(options), then the batch's lines (the calls made
//                                        right after it returned) in the same looper task
//         on <sid> <open|message|error|close> <lid> | listen <sid> <type64> <lid>
//         remove <sid> <type64> <lid>     removeEventListener with the callback registered as <lid>
//         off <sid> <lid> | close <sid> | reconnect <sid> | closeAll
//         An option {"__callback": "<lid>"} (getHeader) becomes a Kotlin function that calls back into Node and
//         returns the JSON that Node sends with its ret.
// stdout: cb <n> <sid> <lid> <kind> <readyState> <lastEventId64> <fields...>
// ready, stats and ret (a callback blocks until Node returns): LineBridge.kt.
package uts.sdk.modules.connectEventSource.enginebridge

import io.dcloud.uts.JSON
import io.dcloud.uts.UTSJSONObject
import io.dcloud.uts.UniError
import uts.sdk.modules.connectEventSource.ConnectEventSourceFail
import uts.sdk.modules.connectEventSource.ConnectEventSourceOptions
import uts.sdk.modules.connectEventSource.UniEventSource
import uts.sdk.modules.connectEventSource.UniMessageEvent
import uts.sdk.modules.connectEventSource.closeAllEventSources
import uts.sdk.modules.connectEventSource.connectEventSource

private val sources = HashMap<String, UniEventSource>()
private val messageCallbacks = HashMap<String, (UniMessageEvent) -> Unit>()
private val registrationIds = HashMap<String, Number>()

/** A callback line with the source's state at that moment; returns what Node sent with its ret. */
private fun sourceCallback(sid: String, lid: String, kind: String, fields: List<String>): String {
	val es = sources[sid]
	val state = if (es == null) listOf("0", "-") else listOf(es.readyState.toInt().toString(), b64(es.lastEventId))
	return callback(listOf(sid, lid, kind) + state + fields)
}

private fun event(sid: String, lid: String, kind: String): (UniMessageEvent) -> Unit = { ev ->
	sourceCallback(sid, lid, kind, listOf(b64(ev.type), b64(ev.data), b64(ev.lastEventId)))
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
		val fn: () -> UTSJSONObject = { JSON.parse(unb64(sourceCallback(sid, lid!!, "call", listOf()))) as UTSJSONObject }
		setter.invoke(o, if (lid != null) fn else value)
	}
	return o
}

fun main() = serveLines { f ->
	when (f[0]) {
		"open" -> {
			sources[f[1]] = connectEventSource(options(f[1], JSON.parse(unb64(f[2])) as UTSJSONObject))
			// What the caller did right after connectEventSource() returned, in this same looper task.
			for (queued in unb64(f[3]).split('\n')) if (queued.isNotEmpty()) command(queued)
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
				else -> es.onError { err -> sourceCallback(sid, lid, "error", listOf(b64(errorJson(err as Throwable)))) }
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
	}
}
