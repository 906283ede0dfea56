// See AndroidStubs.kt: compile-time signatures of android.webkit.CookieManager.
@file:Suppress("unused", "UNUSED_PARAMETER")

package android.webkit

abstract class CookieManager {
	abstract fun getCookie(url: String): String?
	abstract fun setCookie(url: String, value: String)

	companion object {
		@JvmStatic fun getInstance(): CookieManager = throw UnsupportedOperationException("Android only")
	}
}
