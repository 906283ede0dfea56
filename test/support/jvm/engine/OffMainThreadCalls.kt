// Test harness only (not shipped): uni-app (Vue) calls a plugin's methods on DCloud's thread pool
// (uts-for-android.md §2.4). This program makes those calls, connectEventSource() and everything on the returned
// source, from a thread that is not the main looper, and prints on which thread the engine ran:
//   callback <kind> <onLoop> | readyState <n> | chat <kind> <onLoop> ... | offLoopTimerCalls <n> | done
// then the same for connectChatStream. test/android-calls-from-another-thread-run-on-main.test.mjs reads it.
// Usage: <main> <event-stream url> <OpenAI-compatible chat url>
package uts.sdk.modules.connectEventSource.enginebridge

import io.dcloud.uts.UTSArray
import io.dcloud.uts.UTSEventLoop
import java.util.concurrent.atomic.AtomicBoolean
import uts.sdk.modules.connectEventSource.ChatMessage
import uts.sdk.modules.connectEventSource.ChatStreamOptions
import uts.sdk.modules.connectEventSource.ConnectEventSourceOptions
import uts.sdk.modules.connectEventSource.connectChatStream
import uts.sdk.modules.connectEventSource.connectEventSource

private fun say(line: String) {
	println(line)
	System.out.flush()
}

private fun chat(url: String) {
	val options = ChatStreamOptions(url = url)
	val messages = UTSArray<ChatMessage>()
	messages.add(ChatMessage(role = "user", content = "hi"))
	options.messages = messages
	options.model = "mock"
	options.apiKey = "sk-test"
	val stream = connectChatStream(options)
	val firstText = AtomicBoolean(true)
	stream.onText { _ -> if (firstText.getAndSet(false)) say("chat text ${UTSEventLoop.isLoopThread()}") }
	stream.onError { e -> say("chat error ${UTSEventLoop.isLoopThread()} ${e.errCode} ${e.errMsg}") }
	stream.onDone { r ->
		say("chat done ${UTSEventLoop.isLoopThread()} ${r.text.isNotEmpty()}")
		Thread({
			say("chat text so far ${stream.text == r.text}")
			say("offLoopTimerCalls ${UTSEventLoop.offLoopTimerCalls}")
			say("done")
			System.exit(0)
		}, "uni-pool-3").start()
	}
}

fun main(args: Array<String>) {
	val pool = Thread({
		val options = ConnectEventSourceOptions(url = args[0])
		options.maxRetries = 0
		val es = connectEventSource(options)
		es.onOpen { _ -> say("callback open ${UTSEventLoop.isLoopThread()}") }
		es.onMessage { ev -> say("callback message:${ev.data} ${UTSEventLoop.isLoopThread()}") }
		es.onError { _ -> say("callback error ${UTSEventLoop.isLoopThread()}") }
		es.onClose { _ ->
			say("callback close ${UTSEventLoop.isLoopThread()}")
			// After the last callback: another pool thread reads the state once more, then streams a chat reply.
			Thread({
				say("readyState ${es.readyState}")
				chat(args[1])
			}, "uni-pool-2").start()
		}
		say("readyState ${es.readyState}")
	}, "uni-pool-1")
	// The pool thread starts once the loop runs, as DCloud's pool runs beside a live main looper.
	UTSEventLoop.post(0) { pool.start() }
	UTSEventLoop.run()
}
