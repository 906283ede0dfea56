#!/usr/bin/env node
// Usage: node server/cli.mjs [--port 8787] [--host 127.0.0.1] [--static DIR]
import { parseArgs } from 'node:util'
import { startServer } from './index.mjs'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    static: { type: 'string' },
  },
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port ${values.port}`)
  process.exit(2)
}

const srv = await startServer({ port, host: values.host, staticDir: values.static ?? null })
console.log(srv.url)
if (values.static) console.log(`static: ${values.static}`)

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await srv.close()
    process.exit(0)
  })
}
