// Test harness only (not shipped): drives the plugin's Android transport core on the JVM through a line protocol,
// so test/support/jvm-transport.mjs can put the real engine on top of the real OkHttp transport.
//
// stdin:  start <id> <method> <url64> <body64|-|=> <text|bytes|text-abort|bytes-abort> [redirect=<mode>] [<name64>:<value64> ...]
//         abort <id>                       (runs on the delivery thread, as the engine calls it on Android)
//         stall <ms>                       (blocks the delivery thread for ms, like a busy main thread)
//         utf8 <id> <chunk64|-> ...        (Utf8StreamDecoder over these chunks, then end of stream)
//         hop <id> <url64> <method> <code> <location64|-> <hops> <mode> [<name64>:<value64> ...]  (SseHttpCall.nextHop)
// stdout: ready | response <id> <status> [<name64>:<value64> ...] | bytes <id> <b64> | text <id> <utf8-b64>
//         | end <id> | fail <id> <message64> | aborted <id> | utf8 <id> <utf8-b64>
//         | hop <id> <url64|-> <method> [<name64>:<value64> ...]   (- : the response is reported, not followed)
// -: no body (or an empty chunk), =: an empty body.
// Every line after `ready` is printed by the single delivery thread, so stdout order is callback order.
package uts.sdk.modules.connectEventSource.bridge

import java.io.BufferedReader
import java.io.InputStreamReader
import java.util.Base64
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.Executors
import uts.sdk.modules.connectEventSource.SseCallListener
import uts.sdk.modules.connectEventSource.SseDecodingListener
import uts.sdk.modules.connectEventSource.SseHttpCall
import uts.sdk.modules.connectEventSource.SseResponseHead
import uts.sdk.modules.connectEventSource.SseTextCallbacks
import uts.sdk.modules.connectEventSource.Utf8StreamDecoder

private val delivery = Executors.newSingleThreadExecutor()
private val client = SseHttpCall.createClient(null)
private val calls = ConcurrentHashMap<String, SseHttpCall>()
private val out = System.out.bufferedWriter(Charsets.UTF_8)

private fun b64(bytes: ByteArray): String = if (bytes.isEmpty()) "-" else Base64.getEncoder().encodeToString(bytes)
private fun b64(text: String): String = b64(text.toByteArray(Charsets.UTF_8))
private fun unb64(s: String): ByteArray = if (s == "-") ByteArray(0) else Base64.getDecoder().decode(s)

private fun emit(line: String) {
	out.write(line)
	out.write("\n")
	out.flush()
}

private fun headLine(id: String, head: SseResponseHead): String {
	val sb = StringBuilder("response ").append(id).append(' ').append(head.status)
	for (i in 0 until head.size()) sb.append(' ').append(b64(head.name(i))).append(':').append(b64(head.value(i)))
	return sb.toString()
}

/** abortOnResponse: abort from inside onResponse (bytes-abort), as the engine does for a non-SSE answer it has read enough of. */
private class BytesOut(val id: String, val abortOnResponse: Boolean = false) : SseCallListener {
	override fun onResponse(head: SseResponseHead) {
		emit(headLine(id, head))
		if (abortOnResponse) abortHere(id)
	}
	override fun onBytes(bytes: ByteArray) = emit("bytes $id ${b64(bytes)}")
	override fun onEnd() = emit("end $id")
	override fun onFail(message: String) = emit("fail $id ${b64(message)}")
}

/** abortOnText: abort from inside the first onText, as the engine may (tests that nothing follows it). */
private fun textCallbacks(id: String, abortOnText: Boolean): SseTextCallbacks {
	val headers = ArrayList<String>()
	return SseTextCallbacks(
		{ name, value -> headers.add(b64(name) + ":" + b64(value)) },
		{ status -> emit((listOf("response", id, status.toInt().toString()) + headers).joinToString(" ")) },
		{ text ->
			emit("text $id ${b64(text)}")
			if (abortOnText) abortHere(id)
		},
		{ emit("end $id") },
		{ message -> emit("fail $id ${b64(message)}") }
	)
}

private fun start(f: List<String>) {
	val id = f[1]
	val body = when (f[4]) {
		"-" -> null
		"=" -> ""
		else -> String(unb64(f[4]), Charsets.UTF_8)
	}
	val url = String(unb64(f[3]), Charsets.UTF_8)
	val call: SseHttpCall
	if (f[5] == "bytes" || f[5] == "bytes-abort") {
		call = SseHttpCall(client, url, f[2], body, BytesOut(id, f[5] == "bytes-abort"), delivery)
	} else {
		// SseAndroid.open's wiring (function callbacks, Kotlin decoding) minus the looper and the cookie store.
		lateinit var self: SseHttpCall
		val listener = SseDecodingListener(textCallbacks(id, f[5] == "text-abort")) { self.isAborted() }
		self = SseHttpCall(client, url, f[2], body, listener, delivery)
		call = self
	}
	for (pair in f.drop(6)) {
		if (pair.startsWith("redirect=")) {
			call.redirect(pair.substring("redirect=".length))
			continue
		}
		val (name, value) = pair.split(':')
		call.header(String(unb64(name), Charsets.UTF_8), String(unb64(value), Charsets.UTF_8))
	}
	calls[id] = call
	call.start()
}

/** On the delivery thread, as the engine aborts on Android. */
private fun abortHere(id: String) {
	calls.remove(id)?.abort()
	emit("aborted $id")
}

private fun abort(id: String) {
	delivery.execute { abortHere(id) }
}

private fun utf8(f: List<String>) {
	val decoder = Utf8StreamDecoder()
	val text = StringBuilder()
	for (chunk in f.drop(2)) text.append(decoder.decode(unb64(chunk), true))
	text.append(decoder.decode(ByteArray(0), false))
	delivery.execute { emit("utf8 ${f[1]} ${b64(text.toString())}") }
}

private fun hop(f: List<String>) {
	val builder = okhttp3.Request.Builder().url(String(unb64(f[2]), Charsets.UTF_8))
	val headers = okhttp3.Headers.Builder()
	for (pair in f.drop(8)) {
		val (name, value) = pair.split(':')
		headers.addUnsafeNonAscii(String(unb64(name), Charsets.UTF_8), String(unb64(value), Charsets.UTF_8))
	}
	builder.headers(headers.build())
	val method = f[3]
	builder.method(method, if (method == "GET" || method == "HEAD") null else okhttp3.RequestBody.create(null, "body".toByteArray()))
	val location = if (f[5] == "-") null else String(unb64(f[5]), Charsets.UTF_8)
	val next = SseHttpCall.nextHop(builder.build(), f[4].toInt(), location, f[6].toInt(), f[7])
	val sb = StringBuilder("hop ").append(f[1])
	if (next == null) {
		sb.append(" - -")
	} else {
		sb.append(' ').append(b64(next.url().toString())).append(' ').append(next.method())
		val h = next.headers()
		for (i in 0 until h.size()) sb.append(' ').append(b64(h.name(i))).append(':').append(b64(h.value(i)))
	}
	delivery.execute { emit(sb.toString()) }
}

fun main() {
	emit("ready")
	val input = BufferedReader(InputStreamReader(System.`in`, Charsets.UTF_8))
	while (true) {
		val line = input.readLine() ?: break
		val f = line.split(' ')
		when (f[0]) {
			"start" -> start(f)
			"abort" -> abort(f[1])
			"utf8" -> utf8(f)
			// Keeps the delivery thread (the main thread on Android) busy for <ms>, as a slow UI would.
			"stall" -> f[1].toLong().let { ms -> delivery.execute { Thread.sleep(ms) } }
			"hop" -> hop(f)
		}
	}
	// stdin closed: the test run is over.
	System.exit(0)
}
