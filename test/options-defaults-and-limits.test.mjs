// resolveOptions (common/options.uts): every default the readme documents, as literals, and the edges of every check.
// The same rules are checked end to end in bad-input-fails-once-with-1830001 and engine-guarantees; here they are
// pinned at the layer that owns them.
import { describe, expect, test } from 'vitest'
import { DEFAULT_HEARTBEAT_TIMEOUT, DEFAULT_MIN_RETRY_INTERVAL, headerValueError, resolveOptions } from '../uni_modules/connect-event-source/utssdk/common/options.uts'

const resolve = (options) => resolveOptions({ url: 'http://127.0.0.1/sse', ...options }, false)
const headers = (r) => Object.fromEntries(r.headers)

describe('defaults', () => {
  test('GET: the documented defaults', () => {
    const r = resolve({})
    expect(r.error).toBe(null)
    expect({
      method: r.method, timeout: r.timeout, heartbeatTimeout: r.heartbeatTimeout, maxRetries: r.maxRetries, retryInterval: r.retryInterval,
      maxRetryInterval: r.maxRetryInterval, minRetryInterval: r.minRetryInterval, maxLineLength: r.maxLineLength, maxEventSize: r.maxEventSize,
      redirect: r.redirect, format: r.format, body: r.body, withCredentials: r.withCredentials, lastEventId: r.lastEventId
    }).toEqual({
      method: 'GET', timeout: 30000, heartbeatTimeout: -1, maxRetries: -1, retryInterval: 3000, maxRetryInterval: 30000, minRetryInterval: 250,
      maxLineLength: 16 * 1024 * 1024, maxEventSize: 16 * 1024 * 1024, redirect: 'follow', format: 'event-stream', body: null, withCredentials: false, lastEventId: ''
    })
    expect(headers(r)).toEqual({ Accept: 'text/event-stream' })
    expect(DEFAULT_HEARTBEAT_TIMEOUT).toBe(45000)
    expect(DEFAULT_MIN_RETRY_INTERVAL).toBe(250)
  })
  test('POST (any method but GET) is not retried by default', () => {
    expect(resolve({ method: 'POST', data: {} }).maxRetries).toBe(0)
    expect(resolve({ method: 'put' }).maxRetries).toBe(0)
  })
  test('minRetryInterval defaults to retryInterval when that is lower than 250 ms', () => {
    expect(resolve({ retryInterval: 100 }).minRetryInterval).toBe(100)
    expect(resolve({ retryInterval: 0 }).minRetryInterval).toBe(0)
    expect(resolve({ retryInterval: 400 }).minRetryInterval).toBe(250)
  })
  test('defaults adapt to what the caller set, so no default turns valid input into an error (issue 19)', () => {
    // The floor falls to a cap or retryInterval set below 250 ms.
    expect(resolve({ maxRetryInterval: 200 })).toMatchObject({ error: null, minRetryInterval: 200, maxRetryInterval: 200 })
    expect(resolve({ maxRetryInterval: 0 })).toMatchObject({ error: null, minRetryInterval: 0 })
    // The cap rises to a retryInterval or floor set above 30 s.
    expect(resolve({ retryInterval: 60000 })).toMatchObject({ error: null, retryInterval: 60000, maxRetryInterval: 60000, minRetryInterval: 250 })
    expect(resolve({ minRetryInterval: 45000 })).toMatchObject({ error: null, minRetryInterval: 45000, maxRetryInterval: 45000 })
    // The event limit rises to a line limit set above it (a line the caller allowed must fit in an event).
    expect(resolve({ maxLineLength: 32 * 1024 * 1024 })).toMatchObject({ error: null, maxEventSize: 32 * 1024 * 1024 })
    expect(resolve({ maxLineLength: 32 * 1024 * 1024, maxEventSize: 1000 })).toMatchObject({ error: null, maxEventSize: 1000 })
    // Only the caller's own contradictory values are an error, and the message says they set both.
    expect(resolve({ minRetryInterval: 500, maxRetryInterval: 200 }).error).toBe('minRetryInterval (500) must not exceed maxRetryInterval (200); you set both.')
    // A body without a method: the message names the default it met.
    expect(resolve({ data: 'x' }).error).toMatch(/cannot be sent with GET \(the default method\)/)
    expect(resolve({ method: 'GET', data: 'x' }).error).not.toMatch(/default/)
  })
  test('retryOnStatus, maxRetryAfter and the status retries: defaults per method', () => {
    expect(resolve({})).toMatchObject({ retryOnStatus: [429, 502, 503, 504], maxRetryAfter: 60000, statusRetries: -1, maxRetriesSet: false })
    expect(resolve({ method: 'POST' })).toMatchObject({ retryOnStatus: [], statusRetries: 2, maxRetries: 0 })
    expect(resolve({ method: 'POST', retryOnStatus: [429], maxRetries: 5 })).toMatchObject({ retryOnStatus: [429], statusRetries: 5, maxRetries: 5, maxRetriesSet: true })
    expect(resolve({ maxRetryAfter: -1 }).error).toMatch(/maxRetryAfter must be a number of milliseconds/)
    expect(resolve({ retryOnStatus: [200] }).error).toMatch(/retryOnStatus must list HTTP statuses from 300 to 599/)
  })
  test('the method is an HTTP token: every tchar of RFC 9110 accepted, an empty one or a separator refused', () => {
    expect(resolve({ method: "Az09!#$%&'*+-.^_`|~" }).method).toBe("AZ09!#$%&'*+-.^_`|~")
    expect(resolve({ method: 'Z' }).method).toBe('Z')
    expect(resolve({ method: '9' }).method).toBe('9')
    for (const bad of ['', 'GE T', 'GET\r\n', 'PO(ST', 'é']) expect(resolve({ method: bad }).error).toBe('method must be an HTTP method token such as "POST".')
  })
  test('the method is upper-cased, so the per-method rules see it', () => {
    expect(resolve({ method: 'post' }).method).toBe('POST')
    expect(resolve({ method: 'get' }).maxRetries).toBe(-1)
    expect(resolve({ method: 'get', data: 'x' }).error).toMatch(/cannot be sent with GET/)
  })
})

describe('limits of the checks', () => {
  test('durations: 0 (off) and 2^31-1 are valid; negative, above 2^31-1 and NaN are not', () => {
    for (const name of ['timeout', 'heartbeatTimeout', 'retryInterval', 'maxRetryInterval']) {
      expect(resolve({ [name]: 0, ...(name === 'maxRetryInterval' ? { minRetryInterval: 0 } : {}) }).error, name).toBe(null)
      expect(resolve({ [name]: 0, ...(name === 'maxRetryInterval' ? { minRetryInterval: 0 } : {}) })[name]).toBe(0)
      expect(resolve({ [name]: 2147483647 }).error, name).toBe(null)
      expect(resolve({ [name]: -1 }).error, name).toMatch(/milliseconds from 0 to 2147483647/)
      expect(resolve({ [name]: 2147483648 }).error, name).toMatch(/milliseconds/)
      expect(resolve({ [name]: NaN }).error, name).toMatch(/milliseconds/)
    }
  })
  test('minRetryInterval may equal maxRetryInterval, not exceed it', () => {
    expect(resolve({ minRetryInterval: 1000, maxRetryInterval: 1000 }).error).toBe(null)
    expect(resolve({ minRetryInterval: 1001, maxRetryInterval: 1000 }).error).toMatch(/must not exceed maxRetryInterval/)
  })
  test('header values: NUL, CR and LF refused; Latin-1 up to U+00FF accepted, U+0100 refused', () => {
    for (const bad of ['a\rb', 'a\nb', 'a\u0000b', 'v\r\nX-Injected: 1']) {
      expect(headerValueError(bad), JSON.stringify(bad)).toBe('must not contain NUL, CR or LF.')
      expect(resolve({ header: { 'X-T': bad } }).error).toMatch(/header "X-T" must not contain NUL, CR or LF/)
    }
    expect(headerValueError('caf\u00e9 \u00ff\t!')).toBe(null)
    expect(resolve({ header: { 'X-T': '\u00ff' } }).error).toBe(null)
    expect(resolve({ header: { 'X-T': '\u0100' } }).error).toMatch(/only Latin-1/)
  })
  test('the lastEventId option: NUL, CR and LF refused (it becomes a header: no injection); other text, Unicode included, kept', () => {
    for (const bad of ['a\rb', 'a\nb', 'a\u0000b', 'id\r\nX-Injected: 1', '\r']) {
      expect(resolve({ lastEventId: bad }).error, JSON.stringify(bad)).toMatch(/lastEventId must be a string without NULL, CR or LF/)
    }
    expect(resolve({ lastEventId: 42 }).error).toMatch(/lastEventId must be a string/)
    for (const good of ['', 'id-1', 'ünï 你好 👋', 'a\tb']) {
      const r = resolve({ lastEventId: good })
      expect([r.error, r.lastEventId], JSON.stringify(good)).toEqual([null, good])
    }
  })
  test('a body only with a method that can carry one', () => {
    expect(resolve({ data: 'x' }).error).toMatch(/cannot be sent with GET/)
    expect(resolve({ method: 'HEAD', data: 'x' }).error).toMatch(/cannot be sent with HEAD/)
    expect(resolve({ method: 'POST', data: 'x' })).toMatchObject({ error: null, body: 'x' })
    expect(resolve({ method: 'POST', data: { a: 1 } })).toMatchObject({ error: null, body: '{"a":1}' })
  })
  test('withCredentials is on only when given as true; maxEventSize 1 is the smallest valid one', () => {
    expect(resolve({ withCredentials: true }).withCredentials).toBe(true)
    expect(resolve({ withCredentials: false }).withCredentials).toBe(false)
    expect(resolve({ maxEventSize: 1 })).toMatchObject({ error: null, maxEventSize: 1 })
    expect(resolve({ maxEventSize: 0.5 }).error).toBe('maxEventSize must be a whole number >= 1.')
  })
  test('maxLineLength and maxEventSize are applied', () => {
    expect(resolve({ maxLineLength: 10, maxEventSize: 20 })).toMatchObject({ maxLineLength: 10, maxEventSize: 20 })
    expect(resolve({ maxLineLength: 0 }).error).toMatch(/maxLineLength/)
  })
})

describe('headers', () => {
  test('the user\'s Accept and Content-Type are kept whatever their case; defaults only when absent', () => {
    expect(headers(resolve({ header: { accept: 'application/json' } }))).toEqual({ accept: 'application/json' })
    expect(headers(resolve({ header: { ACCEPT: 'x/y' } }))).toEqual({ ACCEPT: 'x/y' })
    expect(headers(resolve({ method: 'POST', data: 'x', header: { 'Content-Type': 'application/x-custom' } }))).toEqual({ Accept: 'text/event-stream', 'Content-Type': 'application/x-custom' })
    expect(headers(resolve({ method: 'POST', data: 'x', header: { 'content-type': 'a/b' } }))).toEqual({ Accept: 'text/event-stream', 'content-type': 'a/b' })
    expect(headers(resolve({ method: 'POST', data: 'x' }))).toEqual({ Accept: 'text/event-stream', 'Content-Type': 'text/plain;charset=UTF-8' })
    expect(headers(resolve({ method: 'POST', data: {} }))).toEqual({ Accept: 'text/event-stream', 'Content-Type': 'application/json' })
    expect(headers(resolve({ format: 'ndjson' }))).toEqual({ Accept: 'application/x-ndjson' })
  })
  test('two case variants of one header name: the later one is sent, once', () => {
    expect(headers(resolve({ header: { 'X-Trace': '1', 'x-trace': '2' } }))).toEqual({ Accept: 'text/event-stream', 'x-trace': '2' })
    expect(headers(resolve({ header: { 'x-trace': '1', 'X-Trace': '2' } }))).toEqual({ Accept: 'text/event-stream', 'X-Trace': '2' })
  })
  test('a header value outside Latin-1 is refused with what to do about it', () => {
    expect(resolve({ header: { 'X-Name': '张三' } }).error).toBe('header "X-Name" must contain only Latin-1 characters (U+0000 to U+00FF); got "张". Encode other text (e.g. encodeURIComponent).')
  })
  test('custom headers are what make the web leave its native EventSource; a Last-Event-ID header alone is not one', () => {
    expect(resolve({}).hasCustomHeaders).toBe(false)
    expect(resolve({ header: { 'X-Trace': '1' } }).hasCustomHeaders).toBe(true)
    expect(resolve({ header: { 'Last-Event-ID': '7' } }).hasCustomHeaders).toBe(false)
    expect(resolve({ getHeader: () => ({}) }).hasCustomHeaders).toBe(true)
  })
  test('a header function passed as header is refused with the name of the option that takes it', () => {
    expect(resolve({ header: () => ({ Authorization: 'x' }) }).error).toBe('header must be an object; pass a function that returns the headers as getHeader.')
  })
  test('a Last-Event-ID header is the resume point unless the lastEventId option is given', () => {
    const h = resolve({ header: { 'Last-Event-ID': 'from-header' } })
    expect([h.lastEventId, headers(h)]).toEqual(['from-header', { Accept: 'text/event-stream' }])
    expect(resolve({ header: { 'last-event-id': 'from-header' }, lastEventId: 'from-option' }).lastEventId).toBe('from-option')
    expect(resolve({ header: { 'last-event-id': 'from-header' }, lastEventId: '' }).lastEventId).toBe('')
  })
})
