// Serves a built web app (demo or browser-test page) from the same origin as
// the SSE endpoints, with a single-page-app fallback to index.html.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

async function fileAt(file) {
  try {
    const info = await stat(file)
    if (info.isFile()) return { file, size: info.size }
    if (info.isDirectory()) return fileAt(path.join(file, 'index.html'))
  } catch {}
  return null
}

// Returns false when nothing matched, so the caller can answer 404.
export async function serveStatic(req, res, root, pathname) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  let decoded
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return false
  }
  if (decoded.includes('\0')) return false
  // Normalising against "/" first means "../" can never climb above root.
  const requested = path.join(root, path.posix.normalize('/' + decoded))
  let found = await fileAt(requested)
  // Only extension-less paths are app routes; a missing .js must stay a 404.
  if (!found && !path.posix.extname(decoded)) found = await fileAt(path.join(root, 'index.html'))
  if (!found) return false

  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': found.size,
    'Cache-Control': 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return true
  }
  await pipeline(createReadStream(found.file), res)
  return true
}
