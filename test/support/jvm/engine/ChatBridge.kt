// Test harness only (not shipped): connectChatStream of the Kotlin that DCloud's compiler generates from the plugin
// (app-android, uni-app x), on the JVM over the real SseHttpCall/OkHttp, on one event-loop thread standing in for the
// main looper. A main of its own next to SseEngineBridge.kt (same jar); test/support/jvm-chat.mjs drives it.
//
// stdin:  chat <cid> <optionsJson64> | close <cid>
// stdout: cb <n> <cid> <text|reasoning|tool|done|error> <json64>
// ready, stats and ret (a callback blocks until Node returns; a close sent meanwhile runs inside it): LineBridge.kt.
package uts.sdk.modules.connectEventSource.enginebridge

import io.dcloud.uts.JSON
import io.dcloud.uts.UTSArray
import io.dcloud.uts.UTSJSONObject
import uts.sdk.modules.connectEventSource.ChatMessage
import uts.sdk.modules.connectEventSource.ChatStreamOptions
import uts.sdk.modules.connectEventSource.ChatStreamResult
import uts.sdk.modules.connectEventSource.ConnectEventSourceFail
import uts.sdk.modules.connectEventSource.UniChatStream
import uts.sdk.modules.connectEventSource.connectChatStream

private val streams = HashMap<String, UniChatStream>()

private fun chatCallback(cid: String, kind: String, payload: UTSJSONObject) {
	callback(listOf(cid, kind, b64(JSON.stringify(payload))))
}

/** Options from JSON: url through the constructor, the rest through setters; messages become ChatMessage objects. */
private fun chatOptions(json: UTSJSONObject): ChatStreamOptions {
	val o = ChatStreamOptions(url = json["url"] as? String ?: "")
	for (key in UTSJSONObject.keys(json)) {
		if (key == "url") continue
		var value = json[key]
		if (key == "messages" && value is List<*>) {
			val list = UTSArray<ChatMessage>()
			for (m in value) {
				val mo = m as UTSJSONObject
				list.add(ChatMessage(role = mo["role"] as String, content = mo["content"] as String))
			}
			value = list
		}
		val setter = o.javaClass.methods.firstOrNull { it.name == "set" + key[0].uppercaseChar() + key.substring(1) && it.parameterCount == 1 }
			?: throw IllegalArgumentException("unknown option $key")
		setter.invoke(o, value)
	}
	return o
}

private fun resultJson(r: ChatStreamResult): UTSJSONObject {
	val o = UTSJSONObject()
	o["provider"] = r.provider
	o["text"] = r.text
	o["reasoning"] = r.reasoning
	val calls = UTSArray<Any?>()
	for (c in r.toolCalls) {
		val co = UTSJSONObject()
		co["index"] = c.index
		co["id"] = c.id
		co["name"] = c.name
		co["arguments"] = c.arguments
		co["argumentsError"] = c.argumentsError
		calls.add(co)
	}
	o["toolCalls"] = calls
	o["finishReason"] = r.finishReason
	o["rawFinishReason"] = r.rawFinishReason
	o["finishMessage"] = r.finishMessage
	val u = r.usage
	o["usage"] = if (u == null) null else UTSJSONObject().also { uo ->
		uo["inputTokens"] = u.inputTokens
		uo["outputTokens"] = u.outputTokens
		uo["totalTokens"] = u.totalTokens
		uo["reasoningTokens"] = u.reasoningTokens
	}
	o["complete"] = r.complete
	return o
}

fun main() = serveLines { f ->
	when (f[0]) {
		"chat" -> {
			val cid = f[1]
			val s = connectChatStream(chatOptions(JSON.parse(unb64(f[2])) as UTSJSONObject))
			streams[cid] = s
			s.onText { ev -> chatCallback(cid, "text", UTSJSONObject().also { it["delta"] = ev.delta; it["text"] = ev.text }) }
			s.onReasoning { ev -> chatCallback(cid, "reasoning", UTSJSONObject().also { it["delta"] = ev.delta; it["text"] = ev.text }) }
			s.onToolCall { ev ->
				chatCallback(cid, "tool", UTSJSONObject().also {
					it["index"] = ev.index; it["id"] = ev.id; it["name"] = ev.name; it["delta"] = ev.delta; it["arguments"] = ev.arguments
					it["done"] = ev.done; it["argumentsError"] = ev.argumentsError
				})
			}
			s.onDone { r -> chatCallback(cid, "done", resultJson(r)) }
			s.onError { e: ConnectEventSourceFail ->
				chatCallback(cid, "error", UTSJSONObject().also { it["errCode"] = e.errCode; it["errMsg"] = e.errMsg; it["data"] = e.data })
			}
		}
		"close" -> streams[f[1]]?.close()
	}
}
