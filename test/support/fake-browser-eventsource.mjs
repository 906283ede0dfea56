// A scriptable stand-in for the browser's EventSource and MessageEvent (the host API the web entry's
// NativeEventSource sits on), for fast Node tests of our adapter's rules. It models what page code can see of the
// real one (https://html.spec.whatwg.org/multipage/server-sent-events.html):
// - readyState 0/1/2, close(), addEventListener/removeEventListener (an EventTarget);
// - onopen/onerror are event handler attributes: they fire for every event of that type dispatched at the source,
//   including a server event named "open" or "error" (a MessageEvent), exactly as in a browser;
// - a connection error is a plain Event named "error", a server event a MessageEvent with data and lastEventId.
// The test drives each instance: open(), message(type, data, id), lost() (the browser will reconnect: readyState 0),
// failed() (the browser gave up: readyState 2). Also a fetch stand-in that records requests and never answers
// (rejects on abort), for the hand-over to the fetch path.

export class FakeMessageEvent extends Event {
  constructor(type, init = {}) {
    super(type)
    this.data = init.data ?? null
    this.lastEventId = init.lastEventId ?? ''
    this.origin = init.origin ?? ''
  }
}

/** Installs EventSource, MessageEvent and fetch on globalThis; returns the host with its records and restore(). */
export function installFakeBrowser() {
  const saved = {}
  for (const name of ['EventSource', 'MessageEvent', 'fetch']) saved[name] = Object.getOwnPropertyDescriptor(globalThis, name)
  const instances = []
  const requests = []

  class FakeEventSource extends EventTarget {
    static CONNECTING = 0
    static OPEN = 1
    static CLOSED = 2
    constructor(url, init = {}) {
      super()
      this.url = String(url)
      this.withCredentials = !!init.withCredentials
      this.readyState = 0
      this.closed = false
      this.onopen = null
      this.onerror = null
      this.onmessage = null
      /** Listener registrations per event name (what the page subscribed the native source to). */
      this.subscriptions = new Map()
      // Event handler attributes: a listener per type that calls the attribute's current value.
      for (const type of ['open', 'error', 'message']) {
        super.addEventListener(type, (ev) => { const h = this['on' + type]; if (typeof h === 'function') h.call(this, ev) })
      }
      instances.push(this)
    }
    addEventListener(type, listener, opts) {
      this.subscriptions.set(type, (this.subscriptions.get(type) ?? 0) + 1)
      super.addEventListener(type, listener, opts)
    }
    removeEventListener(type, listener, opts) {
      if (this.subscriptions.has(type)) this.subscriptions.set(type, this.subscriptions.get(type) - 1)
      super.removeEventListener(type, listener, opts)
    }
    close() {
      this.readyState = 2
      this.closed = true
    }
    /** The response arrived with 200 and text/event-stream. */
    open() {
      this.readyState = 1
      this.dispatchEvent(new Event('open'))
    }
    /** A server event ("message" when it had no event: field). */
    message(type, data, lastEventId = '') {
      this.dispatchEvent(new FakeMessageEvent(type, { data, lastEventId, origin: this.url }))
    }
    /** The stream ended or the connection dropped: the browser reconnects by itself (readyState CONNECTING). */
    lost() {
      this.readyState = 0
      this.dispatchEvent(new Event('error'))
    }
    /** The browser failed the connection for good (status other than 200, wrong Content-Type, CORS): CLOSED. */
    failed() {
      this.readyState = 2
      this.dispatchEvent(new Event('error'))
    }
  }

  const fakeFetch = (url, init = {}) => {
    const req = { url: String(url), init, aborted: false }
    requests.push(req)
    return new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => {
        req.aborted = true
        reject(new DOMException('The operation was aborted.', 'AbortError'))
      })
    })
  }

  Object.defineProperty(globalThis, 'EventSource', { value: FakeEventSource, configurable: true, writable: true })
  Object.defineProperty(globalThis, 'MessageEvent', { value: FakeMessageEvent, configurable: true, writable: true })
  Object.defineProperty(globalThis, 'fetch', { value: fakeFetch, configurable: true, writable: true })

  return {
    EventSource: FakeEventSource,
    /** Every EventSource created, in order. */
    instances,
    /** Every fetch request, in order. */
    requests,
    /** The EventSource instances not closed. */
    live: () => instances.filter((s) => !s.closed),
    last: () => instances[instances.length - 1],
    restore() {
      for (const [name, desc] of Object.entries(saved)) {
        if (desc) Object.defineProperty(globalThis, name, desc)
        else delete globalThis[name]
      }
    }
  }
}
