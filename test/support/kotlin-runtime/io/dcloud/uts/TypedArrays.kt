// Uint8Array as the engine uses it (@dcloudio/uni-uts-v1/lib/uts/types/uts/common/Uint8Array.d.ts,
// docs/uts/buildin-object-api/uint8array.md): bytes 0..255 read as numbers; subarray shares the buffer.
@file:Suppress("unused")

package io.dcloud.uts

open class Uint8Array {
	private val bytes: ByteArray
	private val offset: Int
	private val count: Int

	constructor(length: Number) {
		bytes = ByteArray(length.toInt())
		offset = 0
		count = bytes.size
	}
	/** For platform code: wraps bytes without copying. */
	constructor(bytes: ByteArray, offset: Int = 0, count: Int = bytes.size) {
		this.bytes = bytes
		this.offset = offset
		this.count = count
	}

	open val length: Number get() = count

	operator fun get(index: Number): Number {
		val i = index.toInt()
		return if (i < 0 || i >= count) Double.NaN else bytes[offset + i].toInt() and 0xFF
	}
	operator fun set(index: Number, value: Number) {
		val i = index.toInt()
		if (i >= 0 && i < count) bytes[offset + i] = value.toInt().toByte()
	}

	fun subarray(begin: Number = 0, end: Number = count): Uint8Array {
		val b = clamp(begin)
		val e = clamp(end)
		return Uint8Array(bytes, offset + b, if (e > b) e - b else 0)
	}

	fun toByteArray(): ByteArray = bytes.copyOfRange(offset, offset + count)

	private fun clamp(n: Number): Int {
		val i = n.toInt()
		return if (i < 0) maxOf(0, count + i) else minOf(i, count)
	}
}
