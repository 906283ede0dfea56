// npm run bench -- --only=jvm: the generated Android engine (DCloud's Kotlin of the plugin, uni-app x, over the OkHttp
// transport, callbacks on the looper of test/support/kotlin-runtime) next to a plain Kotlin OkHttp reader of the same
// bytes (okio readUtf8Line: decode, split lines, count events), both reading one local stream of small events.
// args: url runs warmup. Prints "plain <ns> <events>" and "engine <ns> <events>" per measured run, then "done".
package uts.sdk.modules.connectEventSource.enginebench

import io.dcloud.uts.UTSEventLoop
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import okhttp3.OkHttpClient
import okhttp3.Request
import uts.sdk.modules.connectEventSource.ConnectEventSourceOptions
import uts.sdk.modules.connectEventSource.connectEventSource

private val client = OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build()

/** What an app would hand-write without the plugin: read lines, count the blank line after each data line. */
private fun plain(url: String): Long {
	val response = client.newCall(Request.Builder().url(url).build()).execute()
	val source = response.body()!!.source()
	var events = 0L
	var hasData = false
	while (true) {
		val line = source.readUtf8Line() ?: break
		if (line.isEmpty()) {
			if (hasData) events++
			hasData = false
		} else if (line.startsWith("data:")) {
			hasData = true
		}
	}
	response.close()
	return events
}

/** connectEventSource on the main looper, counting onMessage calls until the [DONE] event, then close(). */
private fun engine(url: String): Long {
	val done = CountDownLatch(1)
	var events = 0L
	var failed: String? = null
	UTSEventLoop.post(0) {
		val es = connectEventSource(ConnectEventSourceOptions(url = url))
		es.onMessage { ev ->
			events++
			if (ev.data == "[DONE]") {
				es.close()
				done.countDown()
			}
		}
		es.onError { err ->
			failed = err.toString()
			es.close()
			done.countDown()
		}
	}
	if (!done.await(300, TimeUnit.SECONDS)) throw IllegalStateException("engine: no [DONE] within 300 s")
	if (failed != null) throw IllegalStateException("engine: $failed")
	return events
}

private fun timed(kind: String, measured: Boolean, run: () -> Long) {
	val start = System.nanoTime()
	val events = run()
	val ns = System.nanoTime() - start
	if (measured) {
		println("$kind $ns $events")
		System.out.flush()
	}
}

fun main(args: Array<String>) {
	val url = args[0]
	val runs = args[1].toInt()
	val warmup = args[2].toInt()
	val loop = Thread({ UTSEventLoop.run() }, "main")
	loop.isDaemon = true
	loop.start()
	for (round in 0 until warmup + runs) {
		// Alternate which goes first, so neither always runs right after the other's garbage.
		val order = if (round % 2 == 0) listOf("plain", "engine") else listOf("engine", "plain")
		for (kind in order) timed(kind, round >= warmup) { if (kind == "plain") plain(url) else engine(url) }
	}
	println("done")
	System.out.flush()
	System.exit(0)
}
