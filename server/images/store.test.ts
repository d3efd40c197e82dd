import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryStore } from '../persistence/memory.ts'
import { hashImage, WithLegacyFiles } from './store.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('pictures an older server left as files', () => {
  it('are served from DATA_DIR/images and moved into the board store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-images-'))
    dirs.push(dir)
    const photo = new Uint8Array([1, 2, 3, 4])
    const hash = hashImage(photo)
    mkdirSync(join(dir, 'b1'))
    writeFileSync(join(dir, 'b1', hash), photo)
    // A file whose bytes are not its name is no picture.
    writeFileSync(join(dir, 'b1', 'a'.repeat(64)), photo)
    const store = new MemoryStore()
    const images = new WithLegacyFiles(store.images, dir)
    expect(await images.get('b1', hash)).toEqual(photo)
    expect(await store.images.get('b1', hash)).toEqual(photo)
    expect(await images.get('b1', 'a'.repeat(64))).toBeNull()
    expect(await images.get('b2', hash)).toBeNull()
    expect(await images.get('../b1', hash)).toBeNull()
    expect(await images.put('b2', photo)).toBe(hash)
    expect(await store.images.get('b2', hash)).toEqual(photo)
  })
})
