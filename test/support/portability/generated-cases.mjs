// Violating and compliant snippets of generated code, in the shapes DCloud's UTS compiler emits
// (closures as `{ (params) -> T in ... }`, casts as `as!`), for the Swift and ArkTS scans.
export const SWIFT_CASES = {
	'fn-expr-self-reference': {
		bad: `public class Beat : NSObject {
    private var timer: NSNumber = 0
    public func start(_ limit: NSNumber) -> Void {
        var check = {
        () -> Void in
        self.timer = setTimeout(check, limit)
        }
        self.timer = setTimeout(check, limit)
    }
}`,
		good: `public class Beat : NSObject {
    private var timer: NSNumber = 0
    private var check: NSNumber = 0
    public func start(_ limit: NSNumber) -> Void {
        var arm = {
        () -> Void in
        self.timer = setTimeout(self.rearm, limit)
        self.check = 1
        }
        self.timer = setTimeout(arm, limit)
    }
}`,
	},
	'function-equality': {
		bad: `public class EventDispatcher : NSObject {
    public func removeEventListener(_ type: String, _ callback: @escaping ConnectEventSourceCallback) -> Void {
        self.named.set(type, (list as! [ConnectEventSourceCallback]).filter({
        (cb: @escaping ConnectEventSourceCallback) -> Bool in
        return cb != callback
        }))
    }
}`,
		good: `public class EventDispatcher : NSObject {
    public func removeEventListener(_ type: String, _ callback: @escaping ConnectEventSourceCallback) -> Void {
        if (self.sameCallback == nil || callback == nil) {
            return
        }
        self.listeners = self.listeners.filter({
        (l: Listener) -> Bool in
        return l.type != type
        })
    }
}`,
		also: [
			`public class EventDispatcher : NSObject {
    public func addEventListener(_ type: String, _ callback: @escaping ConnectEventSourceCallback) -> Void {
        if ((list as! [ConnectEventSourceCallback]).indexOf(callback) == -1) {
        }
    }
}`,
		],
	},
	'array-mutation-through-copy': {
		bad: `public class EventDispatcher : NSObject {
    public func addEventListener(_ type: String, _ callback: @escaping ConnectEventSourceCallback) -> Void {
        var list = self.named.get(type)
        if (list != nil) {
            (list as! [ConnectEventSourceCallback]).push(callback)
        }
    }
}`,
		good: `public class EventDispatcher : NSObject {
    private var listeners: [Listener] = []
    public func addEventListener(_ type: String, _ l: Listener) -> Void {
        self.listeners.push(l)
        var n = (self.count as! NSNumber) + 1
        var copy = self.listeners
        var first = copy[0]
    }
}`,
		also: [
			`public class Utf8Decoder : NSObject {
    private var units: [NSNumber] = []
    public func decode(_ bytes: Uint8Array) -> String {
        var units = self.units
        units[0] = 1
        return ""
    }
}`,
		],
	},
	'stored-closure-captures-this': {
		bad: `public class EventSourceConnection : NSObject {
    private var parser: SseParser
    public func start(_ options: ConnectEventSourceOptions) -> Void {
        self.parser = SseParser({
        (type: String, data: String, id: String) -> Void in
        self.dispatchEvent(type, data, id)
        }, nil)
    }
}`,
		good: `public class EventSourceConnection : NSObject {
    private var parser: SseParser
    private var timer: NSNumber = 0
    public func start(_ options: ConnectEventSourceOptions) -> Void {
        self.parser = SseParser({ [weak self]
        (type: String, data: String, id: String) -> Void in
        self?.dispatchEvent(type, data, id)
        }, nil)
        self.timer = setTimeout({
        () -> Void in
        self.connect()
        }, 0)
    }
}`,
		also: [
			`public class Holder : NSObject {
    private var onTick: (() -> Void)?
    public func start() -> Void {
        self.onTick = {
        () -> Void in
        self.tick()
        }
    }
}`,
		],
	},
	// A brace-less loop body (kept as is by DCloud's compiler) does not parse.
	'swift-syntax-error': {
		bad: `public func trim(_ input: String) -> String {
    var start: NSNumber = 0
    while(start < input.length && input.charCodeAt(start) <= 32)start++
    return input.substring(start)
}`,
		good: `public func trim(_ input: String) -> String {
    var start: NSNumber = 0
    while(start < input.length && input.charCodeAt(start) <= 32){
        start++
    }
    return input.substring(start)
}`,
	},
	'spread-argument': {
		bad: `public class Utf8Decoder : NSObject {
    private func flush(_ units: [NSNumber], _ count: NSNumber) -> String {
        var s = String.fromCharCode(...units.slice(0, count))
        return s
    }
}`,
		good: `public class Utf8Decoder : NSObject {
    private func flush(_ units: [NSNumber], _ count: NSNumber) -> String {
        var r = 0...5
        var s = "(...units)" // in a string
        return s
    }
}`,
	},
	'throw-in-non-throwing-closure': {
		bad: `public var noTransport: OpenTransport = {
(_ request: TransportRequest, _ listener: TransportListener) -> Transport in
throw UTSError("no transport")
}`,
		good: `public var noTransport: OpenTransport = {
(_ request: TransportRequest, _ listener: TransportListener) -> Transport in
do {
    throw UTSError("caught here")
} catch let e {
    console.log(e)
}
setTimeout({
() -> Void in
listener.onFail("no transport")
}, 0)
return NoTransport()
}
public func parse(_ text: String) throws -> NSNumber {
    throw UTSError("a throwing function, not a closure")
}`,
	},
	'self-before-init': {
		bad: `public class ChatStream : NSObject {
    private var connect: ConnectEventSource
    public init(_ options: ChatStreamOptions, _ connect: @escaping ConnectEventSource){
        self.connect = connect
        setTimeout({
        () -> Void in
        self.fail(1830001, "bad options", nil)
        }, 0)
    }
}`,
		good: `public class ChatStream : NSObject {
    private var connect: ConnectEventSource
    private var options: ChatStreamOptions
    public init(_ options: ChatStreamOptions, _ connect: @escaping ConnectEventSource){
        self.connect = connect
        self.options = options
    }
    public func start() -> Void {
        setTimeout({
        () -> Void in
        self.fail(1830001, "bad options", nil)
        }, 0)
    }
}
public class Fail : NSObject {
    public var cause: UniError? = nil
    public init(_ cause: UniError?){
        super.init()
        self.register(self)
    }
}`,
		also: [
			`public class EventSourceConnection : NSObject {
    private var registryKey: NSNumber = 0
    public init(_ options: ConnectEventSourceOptions){
        self.registryKey = registerSource(self)
    }
}`,
			`public class EventSourceConnection : NSObject {
    private var url: String = ""
    public init(_ options: ConnectEventSourceOptions){
        self.url = options.url
        self.connect()
    }
}`,
		],
	},
	'unknown-swift-type': {
		bad: `import DCloudUTSFoundation
@objc(UTSSDKModulesConnectEventSourceProviderError__1)
public class ProviderError__1 : NSObject {
    public var message: String = ""
}
public class OllamaDecoder : NSObject {
    public func decode(_ frame: UTSJSONObject, _ sink: ChatSink) -> Void {
        var e = providerErrorOf(frame)
        if (e != nil) {
            sink.providerError((e as! ProviderError).message)
        }
    }
}
public protocol ChatSink {
}`,
		good: `import DCloudUTSFoundation
public class ProviderError : NSObject {
    public var message: String = ""
}
public class OllamaDecoder : NSObject {
    private var errors: Map<String, ProviderError> = Map<String, ProviderError>()
    public func decode(_ frame: UTSJSONObject, _ sink: ChatSink) -> Void {
        var e: ProviderError? = providerErrorOf(frame)
        var n: NSNumber = 0
        var d = Date()
        if (e != nil && !(frame["x"] is String)) {
            sink.providerError(e!.message)
        }
    }
}
public protocol ChatSink {
}`,
	},
	'iuo-copy-without-type': {
		bad: `public class ConnectEventSourceOptions : NSObject, UTSObject {
    public var url: String!
    public var method: String?
}
public func givenUrl(_ options: ConnectEventSourceOptions) -> String {
    var url = options.url
    return url.trim()
}`,
		good: `public class ConnectEventSourceOptions : NSObject, UTSObject {
    public var url: String!
    public var method: String?
}
public func givenUrl(_ options: ConnectEventSourceOptions) -> String {
    var url: String = options.url
    var method = options.method
    return url.trim()
}`,
	},
	'json-force-cast': {
		bad: `public func asObject(_ v: Any?) -> UTSJSONObject? {
    if (v == nil) {
        return nil
    }
    if (UTSiOS.instanceof(v, UTSJSONObject.self)) {
        return v as! UTSJSONObject
    }
    if (UTSiOS.typeof(v) == "object" && !Array.isArray(v)) {
        return v as! UTSJSONObject
    }
    return nil
}`,
		good: `public func asObject(_ v: Any?) -> UTSJSONObject? {
    if (v == nil) {
        return nil
    }
    if (UTSiOS.instanceof(v, UTSJSONObject.self)) {
        return v as! UTSJSONObject
    }
    return nil
}
public func str(_ obj: UTSJSONObject, _ key: String) -> String {
    var v = obj[key]
    return v != nil && UTSiOS.typeof(v) == "string" ? v as! String : ""
}
public func objects(_ obj: UTSJSONObject, _ key: String) -> [Any] {
    var v = obj[key]
    if (v == nil || !Array.isArray(v)) {
        return []
    }
    return v as! [Any]
}`,
		also: [
			`public func str(_ obj: UTSJSONObject, _ key: String) -> String {
    return obj[key] as! String
}`,
		],
	},
}
