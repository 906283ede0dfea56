package uts.sdk.modules.connectEventSource

/** What the UTS side receives: the body as text, decoded natively (one string per chunk, no per-byte UTS work). */
interface SseTextListener {
	fun onResponse(head: SseResponseHead)
	fun onText(text: String)
	fun onEnd()
	fun onFail(message: String)
}

/** SseTextListener from function types (what UTS passes); status as Number, the type of a UTS number. */
class SseTextCallbacks(
	private val onHeaderFn: (String, String) -> Unit,
	private val onResponseFn: (Number) -> Unit,
	private val onTextFn: (String) -> Unit,
	private val onEndFn: () -> Unit,
	private val onFailFn: (String) -> Unit
) : SseTextListener {
	override fun onResponse(head: SseResponseHead) {
		for (i in 0 until head.size()) onHeaderFn(head.name(i), head.value(i))
		onResponseFn(head.status)
	}

	override fun onText(text: String) = onTextFn(text)
	override fun onEnd() = onEndFn()
	override fun onFail(message: String) = onFailFn(message)
}

/**
 * Adapts an SseHttpCall's byte stream to text; runs on the delivery thread like the call's callbacks.
 * aborted: whether the call was aborted (SseHttpCall.isAborted), checked between the two reports of onEnd.
 */
class SseDecodingListener(private val target: SseTextListener, private val aborted: () -> Boolean) : SseCallListener {
	private val decoder = Utf8StreamDecoder()

	override fun onResponse(head: SseResponseHead) = target.onResponse(head)

	override fun onBytes(bytes: ByteArray) {
		val text = decoder.decode(bytes, true)
		if (text.isNotEmpty()) target.onText(text)
	}

	override fun onEnd() {
		// An incomplete sequence at the very end becomes U+FFFD, as TextDecoder's final decode() does.
		val rest = decoder.decode(ByteArray(0), false)
		if (rest.isNotEmpty()) {
			target.onText(rest)
			// The engine may abort from inside onText (e.g. its error body is full): then nothing more.
			if (aborted()) return
		}
		target.onEnd()
	}

	override fun onFail(message: String) = target.onFail(message)
}

/**
 * Streaming UTF-8 decoder with exactly the output of TextDecoder('utf-8', { ignoreBOM: true }): the WHATWG
 * Encoding standard's "UTF-8 decoder" (https://encoding.spec.whatwg.org/#utf-8-decoder), one U+FFFD per
 * maximal invalid subpart. java.nio's decoder differs (e.g. one U+FFFD for an encoded surrogate ED A0 80,
 * where WHATWG gives three). The same algorithm as common/utf8.uts, which the JS platforms use.
 * The BOM is kept: the event-stream parser strips it.
 */
class Utf8StreamDecoder {
	private var codePoint = 0
	private var seen = 0
	private var needed = 0
	private var lower = 0x80
	private var upper = 0xBF

	/** stream = false ends the stream: a pending incomplete sequence is reported as U+FFFD. */
	fun decode(bytes: ByteArray, stream: Boolean): String {
		// Nothing pending and every byte ASCII (most chunks of an SSE stream): the text is the bytes, copied once.
		// Appending char by char below was the largest cost of the engine on the JVM (bench --only=jvm).
		if (needed == 0) {
			var ascii = true
			for (b in bytes) {
				if (b < 0) {
					ascii = false
					break
				}
			}
			if (ascii) return String(bytes, Charsets.ISO_8859_1)
		}
		val out = StringBuilder(bytes.size)
		var i = 0
		while (i < bytes.size) {
			val b = bytes[i].toInt() and 0xFF
			if (needed == 0) {
				when (b) {
					in 0x00..0x7F -> out.append(b.toChar())
					in 0xC2..0xDF -> { needed = 1; codePoint = b and 0x1F }
					in 0xE0..0xEF -> {
						if (b == 0xE0) lower = 0xA0
						if (b == 0xED) upper = 0x9F
						needed = 2
						codePoint = b and 0xF
					}
					in 0xF0..0xF4 -> {
						if (b == 0xF0) lower = 0x90
						if (b == 0xF4) upper = 0x8F
						needed = 3
						codePoint = b and 0x7
					}
					else -> out.append(REPLACEMENT)
				}
				i++
			} else if (b < lower || b > upper) {
				// The byte is not consumed: it is looked at again as the start of a new sequence.
				reset()
				out.append(REPLACEMENT)
			} else {
				lower = 0x80
				upper = 0xBF
				codePoint = (codePoint shl 6) or (b and 0x3F)
				seen++
				i++
				if (seen == needed) {
					out.appendCodePoint(codePoint)
					reset()
				}
			}
		}
		if (!stream && needed != 0) {
			reset()
			out.append(REPLACEMENT)
		}
		return out.toString()
	}

	private fun reset() {
		codePoint = 0
		seen = 0
		needed = 0
		lower = 0x80
		upper = 0xBF
	}

	private companion object {
		const val REPLACEMENT = '\uFFFD'
	}
}
