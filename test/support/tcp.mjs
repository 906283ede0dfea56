// Servers that misbehave below HTTP: one accepts connections and never answers, one URL refuses them.
import net from 'node:net'

export async function startSilentServer() {
  const sockets = new Set()
  const server = net.createServer((s) => { sockets.add(s); s.on('close', () => sockets.delete(s)) })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}/silent`,
    close: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(r) })
  }
}

/** A loopback URL nothing listens on (port taken then released). */
export async function refusedUrl() {
  const server = net.createServer()
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address()
  await new Promise((r) => server.close(r))
  return `http://127.0.0.1:${port}/refused`
}
