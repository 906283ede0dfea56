// android.os.Looper / Handler, the two members SseAndroid.kt uses (Android SDK reference: Looper.myLooper(),
// Looper.getMainLooper(), Handler(Looper).post(Runnable)). There is one looper here, the main one, backed by
// UTSEventLoop; myLooper() is it only on the loop thread, null elsewhere, as on Android for a thread without one.
@file:Suppress("unused")

package android.os

import io.dcloud.uts.UTSEventLoop

class Looper private constructor() {
	companion object {
		private val main = Looper()
		@JvmStatic fun getMainLooper(): Looper = main
		@JvmStatic fun myLooper(): Looper? = if (UTSEventLoop.isLoopThread()) main else null
	}
}

class Handler(@Suppress("UNUSED_PARAMETER") looper: Looper) {
	fun post(r: Runnable): Boolean {
		UTSEventLoop.post(0) { r.run() }
		return true
	}
}
