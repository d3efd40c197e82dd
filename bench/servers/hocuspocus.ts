/**
 * Hocuspocus as a bench target: @hocuspocus/server with its default settings (2 s store debounce,
 * documents unloaded when the last client leaves), storing each document's full state in a file
 * under DATA_DIR, as its database extensions do. Prints "listening <port>" once ready.
 */
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { Server } from '@hocuspocus/server'
import * as Y from 'yjs'

const dataDir = process.env.DATA_DIR
if (!dataDir) throw new Error('DATA_DIR is required')
mkdirSync(dataDir, { recursive: true })
const fileOf = (name: string) => join(dataDir, encodeURIComponent(name) + '.ydoc')

const server = new Server({
  address: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 0),
  quiet: true,
  async onLoadDocument({ documentName, document }) {
    let stored: Buffer
    try {
      stored = readFileSync(fileOf(documentName))
    } catch {
      return
    }
    Y.applyUpdate(document, new Uint8Array(stored))
  },
  async onStoreDocument({ documentName, document }) {
    const file = fileOf(documentName)
    writeFileSync(file + '.tmp', Y.encodeStateAsUpdate(document))
    renameSync(file + '.tmp', file)
  },
})

await server.listen()
process.stdout.write(`listening ${server.address.port}\n`)
