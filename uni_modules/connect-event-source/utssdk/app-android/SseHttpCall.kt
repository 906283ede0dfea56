// OkHttp 3.x (uni-app's Android runtime ships 3.12.12) and 4.x: the method-style calls below (code(), body(),
// url(), MediaType.parse) are the OkHttp 3 API; OkHttp 4 keeps them as Kotlin functions deprecated at level
// ERROR, which these suppressions turn back into warnings, so the file compiles against both.
@file:Suppress("DEPRECATION", "DEPRECATION_ERROR")

package uts.sdk.modules.connectEventSource

import java.io.IOException
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executor
import java.util.concurrent.Executors
import java.util.concurrent.ThreadFactory
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean
import okhttp3.Call
import okhttp3.ConnectionPool
import okhttp3.Headers
import okhttp3.Interceptor
import okhttp3.MediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody
import okhttp3.Response

/** What one SseHttpCall reports, in order: onResponse once, onBytes any number of times, then onEnd or onFail. */
interface SseCallListener {
	fun onResponse(head: SseResponseHead)
	fun onBytes(bytes: ByteArray)
	fun onEnd()
	fun onFail(message: String)
}

/** Status and headers; names lower-cased, repeated headers joined with ", " (as fetch does). */
class SseResponseHead(val status: Int, private val names: Array<String>, private val values: Array<String>) {
	fun size(): Int = names.size
	fun name(index: Int): String = names[index]
	fun value(index: Int): String = values[index]
}

/**
 * One HTTP request whose response body is streamed as raw bytes: the transport of connect-event-source.
 * The request runs on its own background thread; every callback is handed to [delivery] (Android: the looper
 * of the thread that opened it), so listeners run on the thread the engine lives on. It never parses, retries or times out on its own.
 * abort() called on the delivery thread guarantees that no callback runs after it returns.
 */
class SseHttpCall(
	private val client: OkHttpClient,
	private val url: String,
	private val method: String,
	private val body: String?,
	private val listener: SseCallListener,
	private val delivery: Executor
) {
	private val names = ArrayList<String>()
	private val values = ArrayList<String>()
	private val aborted = AtomicBoolean(false)
	private val started = AtomicBoolean(false)
	@Volatile private var call: Call? = null
	private var redirectMode = "follow"

	/** Adds a request header (before start()). */
	fun header(name: String, value: String): SseHttpCall {
		names.add(name)
		values.add(value)
		return this
	}

	/** The engine's redirect option (before start()): "follow" (the default) or "error". */
	fun redirect(mode: String): SseHttpCall {
		redirectMode = mode
		return this
	}

	fun start() {
		if (!started.compareAndSet(false, true)) return
		READERS.execute { run() }
	}

	fun isAborted(): Boolean = aborted.get()

	/** Cancels the request; idempotent. The server sees the connection close. */
	fun abort() {
		if (!aborted.compareAndSet(false, true)) return
		call?.cancel()
	}

	private fun run() {
		try {
			execute(buildRequest()).use { response -> stream(response) }
		} catch (e: Throwable) {
			// Cancellation surfaces here as an IOException; deliver() drops it because aborted is set.
			deliver { listener.onFail(describe(e)) }
			return
		}
		deliver { listener.onEnd() }
	}

	/**
	 * Runs the request and follows every redirect hop itself (the client has OkHttp's own following off), under
	 * the policy of nextHop. A redirect it does not follow is returned as the response: the engine fails it with
	 * 1830011.
	 */
	private fun execute(first: Request): Response {
		var request = first
		var hops = 0
		while (true) {
			val next = client.newCall(request)
			call = next
			// abort() may have run before the assignment above saw this call: cancel it here instead.
			if (aborted.get()) next.cancel()
			val response = next.execute()
			val redirect = nextHop(response.request(), response.code(), response.header("Location"), hops, redirectMode) ?: return response
			response.close()
			request = redirect
			hops++
		}
	}

	private fun stream(response: Response) {
		val headers = response.headers()
		val byName = LinkedHashMap<String, String>()
		for (i in 0 until headers.size()) {
			val name = headers.name(i).toLowerCase()
			val previous = byName[name]
			byName[name] = if (previous == null) headers.value(i) else previous + ", " + headers.value(i)
		}
		val head = SseResponseHead(response.code(), byName.keys.toTypedArray(), byName.values.toTypedArray())
		deliver { listener.onResponse(head) }
		val source = response.body()?.source() ?: return
		val buffer = ByteArray(8192)
		while (!aborted.get()) {
			// Returns as soon as any bytes are available: one socket read, no waiting to fill the buffer.
			val n = source.read(buffer)
			if (n == -1) return
			if (n > 0) queueBytes(buffer, n)
		}
	}

	private fun buildRequest(): Request {
		val builder = Request.Builder().url(url)
		var contentType: String? = null
		val headers = Headers.Builder()
		for (i in names.indices) {
			// OkHttp writes header values as UTF-8; its checked add() refuses anything outside printable ASCII,
			// which would fail every attempt. The engine has already refused NUL, CR and LF (1830001), so the rest
			// goes out as UTF-8 bytes: a Last-Event-ID "encoded as UTF-8" as the spec says, and Latin-1 values as
			// their UTF-8 encoding (OkHttp cannot write raw bytes above 0x7F).
			headers.addUnsafeNonAscii(names[i], values[i])
			if (names[i].equals("Content-Type", ignoreCase = true)) contentType = values[i]
		}
		builder.headers(headers.build())
		val upper = method.toUpperCase()
		val payload = when {
			// The bytes overload keeps the user's Content-Type as is (the String overload appends a charset).
			body != null -> RequestBody.create(contentType?.let { MediaType.parse(it) }, body.toByteArray(Charsets.UTF_8))
			upper in BODY_REQUIRED -> RequestBody.create(null, ByteArray(0))
			else -> null
		}
		return builder.method(method, payload).build()
	}

	// Bytes read but not yet handed to the delivery thread. A fast server and a busy main thread must not queue one
	// task per socket read, nor grow memory: reads join the one pending chunk, and the reader waits (TCP pushes back
	// on the server) while MAX_PENDING bytes are still undelivered.
	private val pendingLock = Object()
	private var pending: java.io.ByteArrayOutputStream? = null

	private fun queueBytes(buffer: ByteArray, n: Int) {
		synchronized(pendingLock) {
			while (!aborted.get() && (pending?.size() ?: 0) >= MAX_PENDING) pendingLock.wait(50)
			if (aborted.get()) return
			val queued = pending
			if (queued != null) {
				queued.write(buffer, 0, n)
				return
			}
			pending = java.io.ByteArrayOutputStream(maxOf(n, 8192)).also { it.write(buffer, 0, n) }
		}
		// Posted once per pending chunk; everything read until it runs goes along. Later deliver()s (onEnd, onFail)
		// are posted after it, so the order of the contract holds.
		deliver {
			val chunk = synchronized(pendingLock) {
				val bytes = pending!!.toByteArray()
				pending = null
				pendingLock.notifyAll()
				bytes
			}
			listener.onBytes(chunk)
		}
	}

	private fun deliver(task: () -> Unit) {
		if (aborted.get()) return
		delivery.execute {
			if (!aborted.get()) task()
		}
	}

	companion object {
		/** Fetch's limit: "If request's redirect count is 20, then return a network error." */
		const val MAX_REDIRECTS = 20
		/** Undelivered bytes at which the reader stops reading until the main thread catches up. */
		const val MAX_PENDING = 1 shl 20
		private val BODY_REQUIRED = setOf("POST", "PUT", "PATCH", "PROPPATCH", "REPORT")
		private val REDIRECT_CODES = setOf(301, 302, 303, 307, 308)
		/** Kept on a hop to another origin: the CORS-safelisted request-header names, and Last-Event-ID. */
		private val CROSS_ORIGIN_KEPT = setOf("accept", "accept-language", "content-language", "content-type", "last-event-id")
		/** Fetch's "request-body-header names", removed when a redirect turns the request into a body-less GET. */
		private val BODY_HEADERS = setOf("content-encoding", "content-language", "content-location", "content-type")

		/**
		 * The plugin's redirect policy (the same as the Node fetch transport's; see the plugin readme, "Redirects"):
		 * the request for the next hop, or null to report this response as it is. Fetch's "HTTP-redirect fetch"
		 * (https://fetch.spec.whatwg.org/#http-redirect-fetch) with two rules of ours: never from https to http, and on
		 * a hop to another origin only CROSS_ORIGIN_KEPT headers go along (fetch and OkHttp drop only Authorization;
		 * a Cookie, X-Api-Key or any other credential the caller set must not reach another origin). Cookies of the
		 * app's cookie store are added per hop by the network interceptor, for the hop's own URL.
		 */
		@JvmStatic
		fun nextHop(request: Request, code: Int, location: String?, hops: Int, mode: String): Request? {
			if (mode != "follow" || code !in REDIRECT_CODES || location == null) return null
			if (hops >= MAX_REDIRECTS) return null
			val from = request.url()
			// resolve() returns null for a Location that is not an http(s) URL ("return a network error").
			val target = from.resolve(location) ?: return null
			if (from.scheme() == "https" && target.scheme() != "https") return null
			val method = request.method()
			// "If status is 301 or 302 and method is POST, or status is 303 and method is not GET or HEAD": GET, no body.
			val toGet = ((code == 301 || code == 302) && method == "POST") || (code == 303 && method != "GET" && method != "HEAD")
			val crossOrigin = from.scheme() != target.scheme() || from.host() != target.host() || from.port() != target.port()
			val headers = Headers.Builder()
			val given = request.headers()
			for (i in 0 until given.size()) {
				val lower = given.name(i).toLowerCase()
				if (toGet && lower in BODY_HEADERS) continue
				if (crossOrigin && lower !in CROSS_ORIGIN_KEPT) continue
				headers.addUnsafeNonAscii(given.name(i), given.value(i))
			}
			val builder = request.newBuilder().url(target).headers(headers.build())
			if (toGet) builder.method("GET", null) else builder.method(method, request.body())
			return builder.build()
		}

		/** One thread per open stream (a stream holds its thread until it ends); idle threads die after 60 s. */
		private val READERS: ExecutorService = Executors.newCachedThreadPool(ThreadFactory { r ->
			val t = Thread(r, "connect-event-source")
			t.isDaemon = true
			t
		})

		/**
		 * The client every call should share. Timeouts: only connect; reading and writing never time out here,
		 * because the engine owns response and heartbeat timeouts. No connection reuse and no silent retry:
		 * each attempt is one fresh request, so a stale pooled socket can never replay a POST.
		 * interceptor: a network interceptor (Android: the WebView cookie store), or null.
		 */
		@JvmStatic
		fun createClient(interceptor: Interceptor?): OkHttpClient {
			val builder = OkHttpClient.Builder()
				.connectTimeout(30, TimeUnit.SECONDS)
				.readTimeout(0, TimeUnit.MILLISECONDS)
				.writeTimeout(0, TimeUnit.MILLISECONDS)
				.retryOnConnectionFailure(false)
				// Every hop is followed by SseHttpCall itself (nextHop), under the plugin's redirect policy.
				.followRedirects(false)
				.followSslRedirects(false)
				.connectionPool(ConnectionPool(0, 1, TimeUnit.SECONDS))
			if (interceptor != null) builder.addNetworkInterceptor(interceptor)
			return builder.build()
		}

		private fun describe(e: Throwable): String {
			val message = e.message
			return if (message.isNullOrEmpty()) e.javaClass.name else e.javaClass.simpleName + ": " + message
		}
	}
}
