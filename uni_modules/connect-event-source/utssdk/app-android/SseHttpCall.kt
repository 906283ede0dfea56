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

	/** Adds a request header (before start()). */
	fun header(name: String, value: String): SseHttpCall {
		names.add(name)
		values.add(value)
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

	/** Runs the request, following the redirects OkHttp leaves to us (see redirectFor). */
	private fun execute(first: Request): Response {
		var request = first
		var hops = 0
		while (true) {
			val next = client.newCall(request)
			call = next
			// abort() may have run before the assignment above saw this call: cancel it here instead.
			if (aborted.get()) next.cancel()
			val response = next.execute()
			val redirect = if (hops < MAX_REDIRECTS) redirectFor(response) else null
			if (redirect == null) return response
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
			if (n > 0) {
				val chunk = buffer.copyOf(n)
				deliver { listener.onBytes(chunk) }
			}
		}
	}

	private fun buildRequest(): Request {
		val builder = Request.Builder().url(url)
		var contentType: String? = null
		for (i in names.indices) {
			builder.addHeader(names[i], values[i])
			if (names[i].equals("Content-Type", ignoreCase = true)) contentType = values[i]
		}
		val upper = method.toUpperCase()
		val payload = when {
			// The bytes overload keeps the user's Content-Type as is (the String overload appends a charset).
			body != null -> RequestBody.create(contentType?.let { MediaType.parse(it) }, body.toByteArray(Charsets.UTF_8))
			upper in BODY_REQUIRED -> RequestBody.create(null, ByteArray(0))
			else -> null
		}
		return builder.method(method, payload).build()
	}

	/**
	 * OkHttp 3 does not follow 307/308 for methods other than GET/HEAD (it follows the other redirects
	 * itself); fetch and browsers do, keeping method and body. The response's own request is the last hop OkHttp
	 * made (body included), so Location resolves against it. Authorization is dropped across origins, as OkHttp does.
	 */
	private fun redirectFor(response: Response): Request? {
		val code = response.code()
		if (code != 307 && code != 308) return null
		val location = response.header("Location") ?: return null
		val hop = response.request()
		val from = hop.url()
		val target = from.resolve(location) ?: return null
		val builder = hop.newBuilder().url(target)
		if (from.scheme() != target.scheme() || from.host() != target.host() || from.port() != target.port()) {
			builder.removeHeader("Authorization")
		}
		return builder.build()
	}

	private fun deliver(task: () -> Unit) {
		if (aborted.get()) return
		delivery.execute {
			if (!aborted.get()) task()
		}
	}

	companion object {
		private const val MAX_REDIRECTS = 20
		private val BODY_REQUIRED = setOf("POST", "PUT", "PATCH", "PROPPATCH", "REPORT")

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
