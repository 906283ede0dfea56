// See SseHttpCall.kt for why OkHttp 4's ERROR-level deprecations are suppressed.
@file:Suppress("DEPRECATION", "DEPRECATION_ERROR")

package uts.sdk.modules.connectEventSource

import android.os.Handler
import android.os.Looper
import android.webkit.CookieManager
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executor
import okhttp3.Interceptor
import okhttp3.OkHttpClient
import okhttp3.Response

/** What index.uts calls: Android's wiring of the JVM-tested core (SseHttpCall + SseDecodingListener). */
object SseAndroid {
	/** Shared by every source: connect timeout only, no pooling, the app's cookie store. */
	private val client: OkHttpClient by lazy { SseHttpCall.createClient(SseWebViewCookies) }

	/**
	 * A call whose callbacks arrive on the calling thread's looper (the engine's thread: the main thread in
	 * uni-app x), else the main looper, as uni.request does; add headers, then start(). Plain function types,
	 * not SseTextListener, because UTS passes arrow functions natively. onHeader runs once per response header
	 * (lower-cased name) right before onResponse.
	 */
	@JvmStatic
	fun open(
		url: String,
		method: String,
		body: String?,
		onHeader: (String, String) -> Unit,
		onResponse: (Number) -> Unit,
		onText: (String) -> Unit,
		onEnd: () -> Unit,
		onFail: (String) -> Unit
	): SseHttpCall {
		val looper = Looper.myLooper() ?: Looper.getMainLooper()
		val callbacks = SseTextCallbacks(onHeader, onResponse, onText, onEnd, onFail)
		lateinit var call: SseHttpCall
		val decoding = SseDecodingListener(callbacks) { call.isAborted() }
		call = SseHttpCall(client, url, method, body, decoding, SseLooperExecutor(Handler(looper)))
		return call
	}

	/** Whether the caller is on the main thread (common/main-thread.uts). */
	@JvmStatic
	fun isMainThread(): Boolean = Looper.myLooper() == Looper.getMainLooper()

	/**
	 * Runs task on the main looper and returns once it has run; at once on the main thread. uni-app (Vue) calls
	 * plugin methods on DCloud's thread pool (uts-for-android.md §2.4), the engine lives on the main thread
	 * (common/main-thread.uts). The task's exception is rethrown to the caller. The main thread never waits for a
	 * pool thread here, so this cannot deadlock.
	 */
	@JvmStatic
	fun runOnMain(task: () -> Unit) {
		if (isMainThread()) {
			task()
			return
		}
		val done = CountDownLatch(1)
		var failure: Throwable? = null
		Handler(Looper.getMainLooper()).post {
			try {
				task()
			} catch (e: Throwable) {
				failure = e
			} finally {
				done.countDown()
			}
		}
		done.await()
		failure?.let { throw it }
	}
}

/** Runs callbacks on one looper thread, in order; abort() on that thread therefore stops all later ones. */
class SseLooperExecutor(private val handler: Handler) : Executor {
	override fun execute(command: Runnable) {
		handler.post(command)
	}
}

/**
 * Sends and stores cookies through the app's shared cookie store (android.webkit.CookieManager, the store the
 * web-view component uses), per redirect hop. A Cookie header the user set is left alone. Without a usable
 * WebView (it can be missing or updating) requests simply go without cookies.
 */
object SseWebViewCookies : Interceptor {
	override fun intercept(chain: Interceptor.Chain): Response {
		val request = chain.request()
		val manager = cookieManager() ?: return chain.proceed(request)
		val url = request.url().toString()
		var sent = request
		if (request.header("Cookie") == null) {
			val cookie = manager.getCookie(url)
			if (!cookie.isNullOrEmpty()) sent = request.newBuilder().header("Cookie", cookie).build()
		}
		val response = chain.proceed(sent)
		for (value in response.headers("Set-Cookie")) manager.setCookie(url, value)
		return response
	}

	private fun cookieManager(): CookieManager? =
		try {
			CookieManager.getInstance()
		} catch (e: Throwable) {
			null
		}
}
