/**
 * Runs one scenario against any connectEventSource implementation and returns a plain, serializable log.
 * Self-contained on purpose (no imports, no closures over module state): the browser and
 * mini-program harnesses ship it as source text (runScenario.toString()) into their runtime.
 *
 * spec: {
 *   options,               // passed to connectEventSource
 *   listen: ['name'],      // addEventListener for these event names (entries of kind 'listener')
 *   onMessage: 'now' | 'onOpen' | 'never',  // when to register onMessage (default 'now'; on the web,
 *                          // an onMessage registered up front selects the fetch path)
 *   closeOnMessage: n,     // call close() inside the nth onMessage callback
 *   closeInListener: n,    // call close() inside the nth addEventListener callback
 *   stopAfterEvents: n,    // finish (close) once n addEventListener callbacks ran
 *   closeOnOpen: true,     // call close() inside onOpen
 *   closeAfterMs: ms,      // call close() from a timer (0: synchronously after registering listeners)
 *   stopAfterMessages: n,  // finish (close) once n messages arrived
 *   comments: true,        // onComment right after connecting (entries of kind 'comment')
 *   reconnectOnMessage: n, // call reconnect() inside the nth onMessage callback
 *   headerSequence: [h..], // options.getHeader returns these in turn, one per request (the last one repeats);
 *                          // each call is logged (kind 'getHeader')
 *   timeoutMs, settleMs    // give up after timeoutMs; after close, keep listening settleMs to prove silence
 * }
 */
export function runScenario(connect, spec) {
  return new Promise(function (resolve) {
    var log = []
    var t0 = Date.now()
    var finished = false
    var messages = 0
    var events = 0
    var opened = false
    var when = spec.onMessage || 'now'
    var es
    function at() { return Date.now() - t0 }
    function finish(reason) {
      if (finished) return
      finished = true
      clearTimeout(guard)
      resolve({ log: log, reason: reason, readyState: es.readyState, lastEventId: es.lastEventId, url: es.url })
    }
    function plain(value) {
      try { return JSON.parse(JSON.stringify(value == null ? null : value)) } catch (e) { return String(value) }
    }
    var guard = setTimeout(function () {
      log.push({ kind: 'timeout', t: at() })
      es.close()
      setTimeout(function () { finish('timeout') }, 50)
    }, spec.timeoutMs || 8000)
    var options = spec.options
    if (spec.headerSequence) {
      var calls = 0
      options = Object.assign({}, spec.options, {
        getHeader: function () {
          var h = spec.headerSequence[Math.min(calls, spec.headerSequence.length - 1)]
          calls++
          log.push({ kind: 'getHeader', n: calls, t: at() })
          return h
        }
      })
    }
    es = connect(options)
    log.push({ kind: 'created', readyState: es.readyState, t: at() })
    function onMessage(ev) {
      messages++
      log.push({ kind: 'message', type: ev.type, data: ev.data, id: ev.lastEventId, readyState: es.readyState, t: at() })
      if (spec.reconnectOnMessage === messages) es.reconnect()
      if (spec.closeOnMessage === messages) es.close()
      if (spec.stopAfterMessages === messages) es.close()
    }
    es.onOpen(function (ev) {
      log.push({ kind: 'open', type: ev.type, readyState: es.readyState, t: at() })
      if (when === 'onOpen' && !opened) es.onMessage(onMessage)
      opened = true
      if (spec.closeOnOpen) es.close()
    })
    if (when === 'now') es.onMessage(onMessage)
    if (spec.comments) {
      es.onComment(function (ev) {
        log.push({ kind: 'comment', type: ev.type, data: ev.data, id: ev.lastEventId, readyState: es.readyState, t: at() })
      })
    }
    es.onError(function (err) {
      var cause = err.cause
      log.push({
        kind: 'error', code: err.errCode, subject: err.errSubject, message: err.errMsg, data: plain(err.data),
        cause: cause ? { code: cause.errCode, message: cause.errMsg } : null, readyState: es.readyState, t: at()
      })
    })
    es.onClose(function (ev) {
      log.push({ kind: 'close', type: ev.type, readyState: es.readyState, t: at() })
      setTimeout(function () { finish('closed') }, spec.settleMs == null ? 200 : spec.settleMs)
    })
    ;(spec.listen || []).forEach(function (name) {
      es.addEventListener(name, function (ev) {
        events++
        log.push({ kind: 'listener', type: ev.type, data: ev.data, id: ev.lastEventId, readyState: es.readyState, t: at() })
        if (spec.closeInListener === events || spec.stopAfterEvents === events) es.close()
      })
    })
    // 0 means synchronously, right after the listeners are registered.
    if (spec.closeAfterMs === 0) es.close()
    else if (spec.closeAfterMs != null) setTimeout(function () { es.close() }, spec.closeAfterMs)
  })
}
