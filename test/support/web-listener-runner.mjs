/**
 * Like scenario-runner.mjs, but for EventSource-style use: addEventListener per event name and
 * onMessage only when asked (on the web, an onMessage registered up front selects the fetch path).
 * Self-contained: shipped into the page as source text (runInPage in web-app.mjs).
 *
 * spec: {
 *   options,
 *   listen: ['message', 'add'],     // addEventListener names (log kind 'listener')
 *   onMessage: 'now' | 'onOpen',    // register onMessage right away or inside the first onOpen
 *   closeInListener: n,             // close() inside the nth listener callback
 *   stopAfterEvents: n,             // close() once n listener callbacks ran
 *   stopAfterMessages: n,           // close() once n onMessage callbacks ran
 *   closeAfterMs: ms,               // close() from a timer
 *   timeoutMs, settleMs
 * }
 */
export function runListeners(connect, spec) {
  return new Promise(function (resolve) {
    var log = []
    var t0 = Date.now()
    var finished = false
    var events = 0
    var messages = 0
    var es
    function at() { return Date.now() - t0 }
    function finish(reason) {
      if (finished) return
      finished = true
      clearTimeout(guard)
      resolve({ log: log, reason: reason, readyState: es.readyState, lastEventId: es.lastEventId })
    }
    function onMessage(ev) {
      messages++
      log.push({ kind: 'message', type: ev.type, data: ev.data, id: ev.lastEventId, t: at() })
      if (spec.stopAfterMessages === messages) es.close()
    }
    var guard = setTimeout(function () {
      log.push({ kind: 'timeout', t: at() })
      es.close()
      setTimeout(function () { finish('timeout') }, 50)
    }, spec.timeoutMs || 8000)
    es = connect(spec.options)
    log.push({ kind: 'created', readyState: es.readyState, t: at() })
    var opened = false
    es.onOpen(function () {
      log.push({ kind: 'open', readyState: es.readyState, t: at() })
      if (spec.onMessage === 'onOpen' && !opened) es.onMessage(onMessage)
      opened = true
    })
    if (spec.onMessage === 'now') es.onMessage(onMessage)
    es.onError(function (err) {
      var cause = err.cause
      log.push({
        kind: 'error', code: err.errCode, message: err.errMsg, data: JSON.parse(JSON.stringify(err.data || null)),
        cause: cause ? { code: cause.errCode, message: cause.errMsg } : null, readyState: es.readyState, t: at()
      })
    })
    es.onClose(function () {
      log.push({ kind: 'close', readyState: es.readyState, t: at() })
      setTimeout(function () { finish('closed') }, spec.settleMs == null ? 200 : spec.settleMs)
    })
    ;(spec.listen || []).forEach(function (name) {
      es.addEventListener(name, function (ev) {
        events++
        log.push({ kind: 'listener', type: ev.type, data: ev.data, id: ev.lastEventId, readyState: es.readyState, t: at() })
        if (spec.closeInListener === events || spec.stopAfterEvents === events) es.close()
      })
    })
    if (spec.closeAfterMs != null) setTimeout(function () { es.close() }, spec.closeAfterMs)
  })
}
