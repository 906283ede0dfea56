// android.webkit.CookieManager's signature (Android SDK reference). The JVM has no WebView: getInstance() throws,
// which is what SseWebViewCookies already handles on a device whose WebView is missing or updating (no cookies).
@file:Suppress("unused", "UNUSED_PARAMETER")

package android.webkit

abstract class CookieManager {
	abstract fun getCookie(url: String): String?
	abstract fun setCookie(url: String, value: String)

	companion object {
		@JvmStatic fun getInstance(): CookieManager = throw UnsupportedOperationException("no WebView on the JVM")
	}
}
