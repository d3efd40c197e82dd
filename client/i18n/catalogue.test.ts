import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import en from './en.json' with { type: 'json' }
import qqq from './qqq.json' with { type: 'json' }

const here = dirname(fileURLToPath(import.meta.url))
const keys = (o: object) =>
  Object.keys(o)
    .filter((k) => k !== '@metadata')
    .sort()

/** Every `t('key')` and action `label: 'key'` in the client source. */
function usedKeys(): Set<string> {
  const out = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) {
        const src = readFileSync(path, 'utf8')
        for (const m of src.matchAll(/\bt\('([a-z0-9-]+)'|label: '([a-z0-9-]+)'/g))
          out.add(m[1] ?? m[2]!)
      }
    }
  }
  walk(join(here, '..'))
  return out
}

describe('message catalogue', () => {
  it('documents every message for translators', () => {
    expect(keys(qqq)).toEqual(keys(en))
  })

  it('has every message the code uses', () => {
    const missing = [...usedKeys()].filter((k) => !(k in en))
    expect(missing).toEqual([])
  })
})
