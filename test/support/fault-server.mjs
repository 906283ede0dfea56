// A deliberately unreliable event-stream server for the soak test: it serves the numbered events 1..total with
// `id: n`, resuming after the client's Last-Event-ID, and on every connection misbehaves at random (seeded):
// drops the socket mid-event, stalls without a byte, resets the TCP connection, ends the response, or goes away
// entirely (close, refuse connections for a while, listen again on the same port). The only guarantee it keeps is
// the spec's: an event counts once its blank line was written, and a reconnect resumes after the last event ID.
import http from 'node:http'
import { seededRandom } from './random.mjs'

const FAULTS = ['drop-mid-event', 'stall', 'reset', 'end', 'restart']

export async function startFaultServer({ total, seed, host = '127.0.0.1' }) {
  const random = seededRandom(seed)
  const int = (n) => Math.floor(random() * n)
  const stats = { connections: 0, faults: Object.fromEntries(FAULTS.map((f) => [f, 0])), badResume: 0 }
  const sockets = new Set()
  let port = 0
  let server = null
  let closed = false

  function handle(req, res) {
    stats.connections++
    const header = req.headers['last-event-id']
    const from = header == null ? 1 : Number(header) + 1
    if (header != null && !/^[0-9]+$/.test(header)) stats.badResume++
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' })
    const fault = FAULTS[int(FAULTS.length)]
    stats.faults[fault]++
    // How many whole events this connection sends before its fault (0 included: dies right after opening).
    const budget = int(12)
    let next = from
    let sent = 0
    let timer = null
    res.on('close', () => clearTimeout(timer))
    if (random() < 0.3) res.write(`retry: ${int(40)}\n`)
    if (random() < 0.3) res.write(': comment\n\n')
    const step = () => {
      if (res.destroyed) return
      if (next > total) return res.end()
      if (sent < budget) {
        const event = `id: ${next}\ndata: ${next}\n\n`
        // Sometimes one write, sometimes split across writes (the client must join them).
        if (random() < 0.3) {
          const cut = 1 + int(event.length - 1)
          res.write(event.slice(0, cut))
          res.write(event.slice(cut))
        } else {
          res.write(event)
        }
        next++
        sent++
        timer = setTimeout(step, int(3))
        return
      }
      if (fault === 'drop-mid-event') {
        res.write(`id: ${next}\ndata: ${next}`)
        timer = setTimeout(() => req.socket.destroy(), 2)
      } else if (fault === 'stall') {
        // Nothing more: the client's heartbeatTimeout must notice.
      } else if (fault === 'reset') {
        req.socket.resetAndDestroy()
      } else if (fault === 'end') {
        res.end()
      } else {
        restart(20 + int(150))
      }
    }
    step()
  }

  function listen() {
    return new Promise((resolve, reject) => {
      server = http.createServer(handle)
      server.on('connection', (s) => {
        sockets.add(s)
        s.on('close', () => sockets.delete(s))
      })
      server.once('error', reject)
      server.listen(port, host, () => {
        port = server.address().port
        resolve()
      })
    })
  }

  /** The server goes away (every socket destroyed, connections refused) and comes back after ms. */
  function restart(ms) {
    const old = server
    old.close()
    for (const s of sockets) s.destroy()
    setTimeout(() => {
      if (!closed) listen().catch(() => {})
    }, ms)
  }

  await listen()
  return {
    url: `http://${host}:${port}/soak`,
    stats,
    openSockets: () => sockets.size,
    async close() {
      closed = true
      for (const s of sockets) s.destroy()
      await new Promise((r) => server.close(() => r()))
    }
  }
}
