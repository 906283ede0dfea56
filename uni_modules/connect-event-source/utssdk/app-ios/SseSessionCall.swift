import Foundation

/// One streaming HTTP request over URLSession: the iOS transport of connect-event-source (see index.uts).
/// Reports, on the main queue: onResponse once, onText any number of times, then onEnd or onFail.
/// It never parses, retries or times out on its own (the engine does); abort() on the main queue stops everything.
/// Note: URLSession may hold back the first bytes of a response that is not text/event-stream (content-type
/// sniffing buffers up to 512 bytes) until more arrive or the response ends. That only delays non-SSE bodies,
/// which the engine reads just for an error message.
public class SseSessionCall: NSObject, URLSessionDataDelegate {
	/// The engine owns timeouts: URLSession's idle and resource limits are pushed out of the way.
	private static let noTimeout: TimeInterval = 7 * 24 * 3600

	private let url: String
	private let method: String
	private let body: String?
	private var names: [String] = []
	private var values: [String] = []
	private var session: URLSession?
	private var task: URLSessionDataTask?
	private var aborted = false
	private var redirectMode = "follow"
	private var hops = 0
	private let decoder = SseUtf8Decoder()
	// Released after the terminal callback or abort(): they capture the engine's listener.
	private var onHeader: ((String, String) -> Void)?
	private var onResponse: ((NSNumber) -> Void)?
	private var onText: ((String) -> Void)?
	private var onEnd: (() -> Void)?
	private var onFail: ((String) -> Void)?

	public init(_ url: String, _ method: String, _ body: String?) {
		self.url = url
		self.method = method
		self.body = body
		super.init()
	}

	/// Adds a request header (before start()); set on the URLRequest, not the session configuration.
	public func header(_ name: String, _ value: String) {
		names.append(name)
		values.append(value)
	}

	/// The engine's redirect option (before start()): "follow" (the default) or "error".
	public func redirect(_ mode: String) {
		redirectMode = mode
	}

	/// onHeader runs once per response header (lower-cased name) right before onResponse; status is an NSNumber,
	/// the type of a UTS number, so UTS can pass plain arrow functions.
	public func start(_ onHeader: @escaping (String, String) -> Void, _ onResponse: @escaping (NSNumber) -> Void, _ onText: @escaping (String) -> Void, _ onEnd: @escaping () -> Void, _ onFail: @escaping (String) -> Void) {
		self.onHeader = onHeader
		self.onResponse = onResponse
		self.onText = onText
		self.onEnd = onEnd
		self.onFail = onFail
		guard let target = URL(string: url) else {
			// Asynchronously, as the transport contract requires.
			DispatchQueue.main.async { [weak self] in
				guard let self = self, !self.aborted else { return }
				let fail = self.onFail
				self.release()
				fail?("Invalid URL: " + self.url)
			}
			return
		}
		var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: SseSessionCall.noTimeout)
		request.httpMethod = method
		request.httpShouldHandleCookies = true
		for i in 0..<names.count {
			request.setValue(values[i], forHTTPHeaderField: names[i])
		}
		if let body = body {
			request.httpBody = body.data(using: .utf8)
		}
		let config = URLSessionConfiguration.default
		config.timeoutIntervalForRequest = SseSessionCall.noTimeout
		config.timeoutIntervalForResource = SseSessionCall.noTimeout
		config.requestCachePolicy = .reloadIgnoringLocalCacheData
		config.urlCache = nil
		// One session per call, delegate callbacks on the main queue: the thread uni-app x runs the engine on.
		let session = URLSession(configuration: config, delegate: self, delegateQueue: OperationQueue.main)
		let task = session.dataTask(with: request)
		self.session = session
		self.task = task
		task.resume()
	}

	/// Cancels the request; idempotent. Call it on the main queue: nothing is reported after it.
	public func abort() {
		if aborted { return }
		aborted = true
		task?.cancel()
		session?.invalidateAndCancel()
		release()
	}

	public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse, completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
		completionHandler(.allow)
		if aborted { return }
		var status = 0
		if let http = response as? HTTPURLResponse {
			status = http.statusCode
			// Foundation already joins repeated headers with ", ".
			for (name, value) in http.allHeaderFields {
				onHeader?(String(describing: name).lowercased(), String(describing: value))
			}
		}
		onResponse?(NSNumber(value: status))
	}

	/// The plugin's redirect policy, as SseHttpCall.nextHop applies it on Android (plugin readme, "Redirects"): at
	/// most 20 hops, never from https to http, and to another origin only CORS-safelisted headers and Last-Event-ID.
	/// Foundation alone would drop Authorization even on the same origin and carry custom headers to any origin.
	/// A redirect not followed (completionHandler(nil)) arrives as the response itself: the engine fails it (1830011).
	public func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
		guard !aborted, redirectMode == "follow", hops < SseSessionCall.maxRedirects,
			let from = response.url ?? task.currentRequest?.url, let to = request.url else {
			completionHandler(nil)
			return
		}
		let fromScheme = (from.scheme ?? "").lowercased()
		let toScheme = (to.scheme ?? "").lowercased()
		if fromScheme == "https" && toScheme != "https" {
			completionHandler(nil)
			return
		}
		hops += 1
		let crossOrigin = fromScheme != toScheme || (from.host ?? "").lowercased() != (to.host ?? "").lowercased() || SseSessionCall.port(of: from) != SseSessionCall.port(of: to)
		// Foundation already turned 301/302 POST and 303 into GET without a body, as fetch does.
		let toGet = (request.httpMethod ?? "GET") == "GET" && method.uppercased() != "GET"
		var next = request
		next.allHTTPHeaderFields = [:]
		for i in 0..<names.count {
			let lower = names[i].lowercased()
			if toGet && SseSessionCall.bodyHeaders.contains(lower) { continue }
			if crossOrigin && !SseSessionCall.crossOriginKept.contains(lower) { continue }
			next.setValue(values[i], forHTTPHeaderField: names[i])
		}
		completionHandler(next)
	}

	private static let maxRedirects = 20
	private static let crossOriginKept: Set<String> = ["accept", "accept-language", "content-language", "content-type", "last-event-id"]
	private static let bodyHeaders: Set<String> = ["content-encoding", "content-language", "content-location", "content-type"]

	private static func port(of url: URL) -> Int {
		if let port = url.port { return port }
		return (url.scheme ?? "").lowercased() == "https" ? 443 : 80
	}

	public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
		if aborted { return }
		let text = decoder.decode(data, stream: true)
		if !text.isEmpty { onText?(text) }
	}

	public func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
		if aborted { return }
		let text = onText
		let end = onEnd
		let fail = onFail
		release()
		session.finishTasksAndInvalidate()
		if let error = error {
			fail?(error.localizedDescription)
			return
		}
		// An incomplete sequence at the very end becomes U+FFFD, as TextDecoder's final decode() does.
		let rest = decoder.decode(Data(), stream: false)
		if !rest.isEmpty {
			text?(rest)
			// The engine may abort from inside onText (e.g. its error body is full): then nothing more.
			if aborted { return }
		}
		end?()
	}

	/// Breaks the call <-> transport reference cycle and the session's strong hold on its delegate.
	private func release() {
		onHeader = nil
		onResponse = nil
		onText = nil
		onEnd = nil
		onFail = nil
		session = nil
		task = nil
	}
}

/// Streaming UTF-8 decoder with exactly the output of TextDecoder('utf-8', { ignoreBOM: true }): the WHATWG
/// "UTF-8 decoder" (https://encoding.spec.whatwg.org/#utf-8-decoder). A line-by-line port of Utf8StreamDecoder in
/// app-android/SseText.kt, which test/android-okhttp-transport.test.mjs checks against TextDecoder.
final class SseUtf8Decoder {
	private static let replacement: Unicode.Scalar = "\u{FFFD}"
	private var codePoint: UInt32 = 0
	private var seen = 0
	private var needed = 0
	private var lower: UInt8 = 0x80
	private var upper: UInt8 = 0xBF

	/// stream = false ends the stream: a pending incomplete sequence is reported as U+FFFD.
	func decode(_ data: Data, stream: Bool) -> String {
		let bytes = [UInt8](data)
		var out = String.UnicodeScalarView()
		var i = 0
		while i < bytes.count {
			let b = bytes[i]
			if needed == 0 {
				switch b {
				case 0x00...0x7F:
					out.append(Unicode.Scalar(b))
				case 0xC2...0xDF:
					needed = 1
					codePoint = UInt32(b & 0x1F)
				case 0xE0...0xEF:
					if b == 0xE0 { lower = 0xA0 }
					if b == 0xED { upper = 0x9F }
					needed = 2
					codePoint = UInt32(b & 0x0F)
				case 0xF0...0xF4:
					if b == 0xF0 { lower = 0x90 }
					if b == 0xF4 { upper = 0x8F }
					needed = 3
					codePoint = UInt32(b & 0x07)
				default:
					out.append(SseUtf8Decoder.replacement)
				}
				i += 1
			} else if b < lower || b > upper {
				// The byte is not consumed: it is looked at again as the start of a new sequence.
				reset()
				out.append(SseUtf8Decoder.replacement)
			} else {
				lower = 0x80
				upper = 0xBF
				codePoint = (codePoint << 6) | UInt32(b & 0x3F)
				seen += 1
				i += 1
				if seen == needed {
					out.append(Unicode.Scalar(codePoint) ?? SseUtf8Decoder.replacement)
					reset()
				}
			}
		}
		if !stream && needed != 0 {
			reset()
			out.append(SseUtf8Decoder.replacement)
		}
		return String(out)
	}

	private func reset() {
		codePoint = 0
		seen = 0
		needed = 0
		lower = 0x80
		upper = 0xBF
	}
}
