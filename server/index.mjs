// Local HTTP server for Server-Sent Events tests and the demo (node:http only).
import http from 'node:http'
import path from 'node:path'
import { handleAi, servesAiPath } from './ai.mjs'
import { handleChat } from './chat.mjs'
import { answerPreflight, applyCors } from './cors.mjs'
import { handleEvents } from './events.mjs'
import { parseTarget, readBody, sendJson, sendText } from './http.mjs'
import { createRecorder } from './recorder.mjs'
import { handleRedirect } from './redirect.mjs'
import { createScenarioHandler } from './scenario.mjs'
import { serveStatic } from './static.mjs'

export { mockReply, mockTokens } from './chat.mjs'

export async function startServer({ port = 0, host = '127.0.0.1', staticDir = null } = {}) {
  const recorder = createRecorder()
  const root = staticDir ? path.resolve(staticDir) : null
  const routes = {
    '/scenario': createScenarioHandler(),
    '/redirect': handleRedirect,
    '/events': handleEvents,
    '/v1/chat/completions': handleChat,
    '/requests': (req, res, { key }) =>
      key === null ? sendText(res, 400, 'requests: missing ?key=\n') : sendJson(res, 200, recorder.list(key)),
  }

  async function handle(req, res) {
    applyCors(req, res)
    // Every endpoint answers only after the whole body arrived, so clients
    // never see a response racing their upload.
    const body = await readBody(req)
    let target
    try {
      target = parseTarget(req.url)
    } catch {
      return sendText(res, 400, 'Malformed percent-encoding in URL\n')
    }
    const { pathname, params } = target
    const key = params.get('key')

    // Preflights are not recorded: tests counting a key's requests should see
    // only what the client code itself sent.
    if (req.method === 'OPTIONS') return answerPreflight(req, res)
    // /requests is how tests read the record; recording it would pollute it.
    if (key !== null && pathname !== '/requests') recorder.record(key, req, body)

    // /ai/... and the AI providers' own paths: every AI wire format (server/ai.mjs).
    if (servesAiPath(pathname, body)) return handleAi(req, res, { params, key, body, pathname })
    const route = routes[pathname]
    if (route) return route(req, res, { params, key, body })
    if (root && (await serveStatic(req, res, root, pathname))) return
    sendText(res, 404, `Not found: ${pathname}\n`)
  }

  const sockets = new Set()
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (res.headersSent) res.destroy(err)
      else sendText(res, 500, `Server error: ${err.message}\n`)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    requests: (key) => recorder.list(key),
    close() {
      const closed = new Promise((resolve) => server.close(() => resolve()))
      // server.close() alone waits for held-open streams forever.
      for (const socket of sockets) socket.destroy()
      return closed
    },
  }
}
