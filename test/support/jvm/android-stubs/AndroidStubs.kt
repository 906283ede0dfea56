// Signatures of the few Android SDK classes SseAndroid.kt uses, so kotlinc can type-check that file here
// (no android.jar on this machine). Compile-time only: nothing in the JVM harness calls them.
@file:Suppress("unused", "UNUSED_PARAMETER")

package android.os

class Looper private constructor() {
	companion object {
		@JvmStatic fun getMainLooper(): Looper = throw UnsupportedOperationException("Android only")
		@JvmStatic fun myLooper(): Looper? = throw UnsupportedOperationException("Android only")
	}
}

class Handler(looper: Looper) {
	fun post(r: Runnable): Boolean = throw UnsupportedOperationException("Android only")
}
