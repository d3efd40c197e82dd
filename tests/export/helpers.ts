import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'golden')

/**
 * Compares output with a reviewed golden file. Golden files are written only on purpose, with
 * UPDATE_GOLDEN=1, so that a change shows up as a diff in review; a missing one fails the test
 * (under CI and everywhere else) instead of being written silently.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name)
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true })
    writeFileSync(path, actual)
    return
  }
  if (!existsSync(path)) {
    throw new Error(
      `golden file ${name} is missing${process.env.CI === 'true' ? ' (CI)' : ''}; ` +
        'review the output and write it with UPDATE_GOLDEN=1',
    )
  }
  expect(actual, `${name} differs from its golden file; UPDATE_GOLDEN=1 rewrites it`).toBe(
    readFileSync(path, 'utf8'),
  )
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

/** The text a browser would show for an HTML fragment: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] === '#') {
        const code =
          ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))
        return String.fromCodePoint(code)
      }
      return NAMED[ref.toLowerCase()] ?? whole
    })
}

/** Lines of visible text, each trimmed, without empty ones. */
export const visibleLines = (html: string): string[] =>
  visibleText(html)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** HTML element names used in a fragment, counted. */
export function tagCounts(html: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)\b/gi)) {
    const name = m[1]!.toLowerCase()
    counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  return counts
}
