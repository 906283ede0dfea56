// The fault-injection soak's shared parts (test/fault-injection-soak.test.mjs, test/mp-weixin-fault-injection-soak.test.mjs):
// its settings, the recording of one reconnecting GET source, and the exactly-once checks every platform must pass.
// SOAK_SEED=<n> replays a run; SOAK_EVENTS=<n> changes its length (default 300).

export const SEED = Number(process.env.SOAK_SEED ?? (Date.now() % 2147483647))
export const TOTAL = Number(process.env.SOAK_EVENTS ?? 300)
/** Short timers so that a stall costs little; the floor and cap keep the reconnects quick. */
export const OPTIONS = { heartbeatTimeout: 300, timeout: 1000, retryInterval: 20, minRetryInterval: 5, maxRetryInterval: 150 }

/**
 * Records one source until it closes itself after event TOTAL: the data of every event as numbers, the error codes
 * seen (retried ones included) and the final errors (those not followed by a retry).
 */
export function recordSoak(es) {
  return new Promise((resolve) => {
    const got = []
    const codes = {}
    const finals = []
    es.onMessage((ev) => {
      got.push(Number(ev.data))
      if (Number(ev.data) === TOTAL) es.close()
    })
    es.onError((e) => {
      codes[e.errCode] = (codes[e.errCode] ?? 0) + 1
      if (!e.data.willRetry) finals.push(e.errCode + ' ' + e.errMsg)
    })
    es.onClose(() => resolve({ got, codes, finals, lastEventId: es.lastEventId }))
  })
}

/** Every event exactly once, in order (the whole sequence compared: a duplicate or a gap shows where), no final error, the resume point at the last id, and no reconnect that resumed from a wrong id. */
export function expectExactlyOnce(expect, r, server, label) {
  expect(r.finals, label).toEqual([])
  expect(r.got, label).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1))
  expect(r.lastEventId, label).toBe(String(TOTAL))
  expect(server.stats.badResume, label).toBe(0)
}
