// End-to-end clients and their measurement, shared by Node (e2e-node) and the Chromium page (e2e-browser):
// the page imports this very file from the bench server. No Node-only imports here.
import { roundOrder } from './random.mjs'

/** Milliseconds on a clock comparable across processes: epoch-based, high resolution. */
export const now = () => performance.timeOrigin + performance.now()

/**
 * Offset of the server's clock (server ≈ client + offset), from the round trip with the smallest RTT
 * (NTP-style); the error is at most half that RTT, reported as uncertaintyMs.
 */
export async function syncClock(base, rounds = 30) {
  let best = null
  for (let k = 0; k < rounds; k++) {
    const t0 = now()
    const server = Number(await (await fetch(base + '/clock', { cache: 'no-store' })).text())
    const t1 = now()
    if (!best || t1 - t0 < best.rttMs) best = { rttMs: t1 - t0, offsetMs: server - (t0 + t1) / 2 }
  }
  const uncertaintyMs = best.rttMs / 2
  // Both ends read an epoch-based clock of the same machine; correct only an offset the sync can actually see.
  return { measuredOffsetMs: best.offsetMs, uncertaintyMs, offsetMs: Math.abs(best.offsetMs) > uncertaintyMs ? best.offsetMs : 0 }
}

/**
 * Each client: open(url, onData(data), onFail(message)) -> close(). Only those whose library is in env are listed.
 * env: { connectEventSource?, createParser?, fetchEventSource?, EventSource? }
 */
export function makeClients(env) {
  const list = []
  if (env.EventSource) {
    list.push({
      name: 'native EventSource',
      open(url, onData, onFail) {
        const es = new env.EventSource(url)
        es.onmessage = (e) => onData(e.data)
        es.onerror = () => onFail('EventSource error, readyState ' + es.readyState)
        return () => es.close()
      }
    })
  }
  if (env.connectEventSource) {
    list.push({
      name: 'ours (connectEventSource)',
      open(url, onData, onFail) {
        const es = env.connectEventSource({ url, maxRetries: 0, heartbeatTimeout: 0 })
        es.onMessage((ev) => onData(ev.data))
        es.onError((err) => onFail(err.errCode + ' ' + err.errMsg))
        return () => es.close()
      }
    })
  }
  if (env.createParser) {
    list.push({
      name: 'eventsource-parser + fetch',
      open(url, onData, onFail) {
        const controller = new AbortController()
        const run = async () => {
          const res = await fetch(url, { headers: { accept: 'text/event-stream' }, cache: 'no-store', signal: controller.signal })
          const reader = res.body.getReader()
          const decoder = new TextDecoder()
          const parser = env.createParser({ onEvent: (e) => onData(e.data) })
          for (;;) {
            const { done, value } = await reader.read()
            if (done) break
            parser.feed(decoder.decode(value, { stream: true }))
          }
        }
        run().catch((e) => { if (!controller.signal.aborted) onFail(String(e)) })
        return () => controller.abort()
      }
    })
  }
  if (env.fetchEventSource) {
    list.push({
      name: '@microsoft/fetch-event-source',
      open(url, onData, onFail) {
        const controller = new AbortController()
        env.fetchEventSource(url, {
          signal: controller.signal,
          openWhenHidden: true,
          onmessage: (m) => onData(m.data),
          onerror: (e) => { throw e } // no retries: a failure is a failed run
        }).catch((e) => onFail(String(e)))
        return () => controller.abort()
      }
    })
  }
  return list
}

function withTimeout(promise, ms, what) {
  let timer
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(what + ' timed out')), ms) })]).finally(() => clearTimeout(timer))
}

/**
 * One throughput run: time from opening the source to the [DONE] event, what an app waits for a fast stream;
 * time to the first event is reported too. (First-to-last alone would mislead: Chromium often hands the page
 * a whole loopback body as one chunk, and then only the parse of that chunk would be timed.)
 */
export function throughputRun(client, base, n) {
  return withTimeout(new Promise((resolve, reject) => {
    let events = 0
    let close = null
    let first = 0
    const t0 = now()
    close = client.open(base + '/throughput?n=' + n, (data) => {
      if (events++ === 0) first = now()
      if (data === '[DONE]') {
        const t = now()
        close()
        if (events !== n + 1) reject(new Error(`${client.name}: ${events} events, expected ${n + 1}`))
        else resolve({ totalMs: t - t0, firstEventMs: first - t0 })
      }
    }, (message) => { if (close) close(); reject(new Error(client.name + ': ' + message)) })
  }), 60000, client.name + ' throughput')
}

/** One latency run: for every event, receive time minus the server's write time (on this clock). */
export function latencyRun(client, base, n, intervalMs, offsetMs) {
  return withTimeout(new Promise((resolve, reject) => {
    const latencies = []
    let close = null
    close = client.open(base + `/latency?n=${n}&interval=${intervalMs}&pad=200`, (data) => {
      const received = now()
      if (data === '[DONE]') {
        close()
        resolve(latencies)
        return
      }
      latencies.push(received - (JSON.parse(data).t - offsetMs))
    }, (message) => { if (close) close(); reject(new Error(client.name + ': ' + message)) })
  }), 60000, client.name + ' latency')
}

// Lets the previous run's connection close and its garbage go before the next client starts.
const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b)
  const at = (s.length - 1) * q
  const lo = Math.floor(at)
  return s[lo] + (s[Math.ceil(at)] - s[lo]) * (at - lo)
}

/**
 * The whole e2e comparison, interleaved: throughput rounds (each client once per round, shuffled order),
 * then latency rounds. Returns plain data (it crosses from the page to Node as JSON).
 */
export async function runE2E({ base, clients, quick, events, log = () => {} }) {
  const clock = await syncClock(base)
  const n = events
  const bodyBytes = Number((await (await fetch(base + '/throughput?n=' + n, { cache: 'no-store' })).arrayBuffer()).byteLength)
  const warmup = quick ? 1 : 2
  const runs = quick ? 3 : 5
  const times = Object.fromEntries(clients.map((c) => [c.name, []]))
  const firsts = Object.fromEntries(clients.map((c) => [c.name, []]))
  for (let round = 0; round < warmup + runs; round++) {
    for (const k of roundOrder(clients.length, round)) {
      const c = clients[k]
      await settle()
      const { totalMs, firstEventMs } = await throughputRun(c, base, n)
      if (round >= warmup) {
        times[c.name].push(totalMs)
        firsts[c.name].push(firstEventMs)
      }
    }
  }
  log(`throughput done (${n} events x ${runs} runs per client)`)
  const latN = quick ? 300 : 1000
  const latRounds = 2
  const skip = 20 // JIT warm-up of each connection's first events
  const lat = Object.fromEntries(clients.map((c) => [c.name, []]))
  for (let round = 0; round < latRounds; round++) {
    for (const k of roundOrder(clients.length, round)) {
      const c = clients[k]
      await settle()
      const values = await latencyRun(c, base, latN, 1, clock.offsetMs)
      lat[c.name].push(...values.slice(skip))
    }
  }
  log(`latency done (${latN} events paced 1 ms apart x ${latRounds} runs per client)`)
  return {
    clock,
    throughput: { events: n + 1, bytes: bodyBytes, runs },
    latency: { eventsPerRun: latN, intervalMs: 1, runs: latRounds, skippedPerRun: skip },
    clients: clients.map((c) => {
      const t = times[c.name]
      const m = quantile(t, 0.5)
      const l = lat[c.name]
      return {
        name: c.name,
        totalMs: t,
        eventsPerSec: (n + 1) / (m / 1000),
        mbPerSec: bodyBytes / 1e6 / (m / 1000),
        firstEventMs: quantile(firsts[c.name], 0.5),
        latencyMs: { median: quantile(l, 0.5), p99: quantile(l, 0.99), max: Math.max(...l), samples: l.length }
      }
    })
  }
}
