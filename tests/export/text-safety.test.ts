/**
 * Every text export keeps a copy pasted into a spreadsheet from running formulas, even after
 * blanks or line breaks, and drops the bidi controls that make text read as something else.
 */
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import Parser from 'wikiparser-node'
import * as Y from 'yjs'
import { addItems, initBoard, updateSetup } from '../../shared/doc/index.ts'
import { SYSTEM_ORIGIN } from '../../shared/doc/origins.ts'
import { renderExport } from '../../shared/export/index.ts'
import { frame, note } from '../fixtures/board-builder.ts'
import { HOSTILE, buildHostileBoard } from '../fixtures/hostile-board.ts'
import { visibleText } from './helpers.ts'

const FORMULAS = [' =1+1', '\n=cmd|"/c calc"!A1', '\t+SUM(A1)', '  -2', '@x']
const BIDI = 'safe\u202e\u2066evil\u2069\u202a\u202b\u202c\u202d\u2067\u2068'

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Safety' })
  addItems(
    doc,
    [
      frame('f', { title: ' =HYPERLINK("x")', lanes: [{ id: 'l', title: 'Lane' }] }),
      ...[...FORMULAS, BIDI].map((text, i) =>
        note(`n${i}`, { parentId: 'f', laneId: 'l', y: i, text }),
      ),
    ],
    SYSTEM_ORIGIN,
  )
  return doc
}

/** Source lines whose text (after markup and blanks) starts as a formula would. */
const formulaLines = (source: string, markup: RegExp) =>
  source
    .split('\n')
    .map((line) => line.replace(markup, ''))
    .filter((line) => /^\s*[=+\-@]/.test(line) && !/^-{3,}$/.test(line))

describe('text exports and spreadsheets', () => {
  it('wikitext writes formula starts as character references, shown the same', () => {
    const wiki = renderExport(board(), 'wikitext').body
    expect(formulaLines(wiki, /^[*#:;]+ |^=+ |^'''[^']*''' /)).toEqual([])
    expect(wiki).toContain('&#32;&#61;1+1')
    expect(wiki).toContain('<br />&#61;cmd')
    const text = visibleText(Parser.parse(wiki).toHtml())
    expect(text).toContain('=1+1')
    expect(text).toContain('=cmd|"/c calc"!A1')
  })

  it('Markdown escapes them with a backslash, shown the same', () => {
    const source = renderExport(board(), 'markdown').body
    expect(formulaLines(source, /^\s*(?:[-*]|\d+\.|#+) /)).toEqual([])
    const text = visibleText(new MarkdownIt({ html: true }).render(source))
    expect(text).toContain('=1+1')
    expect(text).toContain('-2')
    expect(text).toContain('@x')
  })

  it('drops bidi override and isolate controls from every text export', () => {
    for (const format of ['wikitext', 'markdown', 'csv'] as const) {
      const body = renderExport(board(), format).body
      expect(body, format).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
      expect(body, format).toContain('safeevil')
    }
  })
})

describe('hostile text in the table form', () => {
  const doc = buildHostileBoard()
  updateSetup(doc, { entryLayout: 'table' }, SYSTEM_ORIGIN)

  it('wikitext: the two tables are ours, and every hostile string shows literally', () => {
    const wiki = renderExport(doc, 'wikitext').body
    const root = Parser.parse(wiki)
    expect(root.querySelectorAll('table')).toHaveLength(2)
    expect(root.querySelectorAll('template, link, ext, comment, ext-link, magic-word')).toEqual([])
    const text = visibleText(root.toHtml())
    for (const s of HOSTILE) expect(text, s).toContain(s.trim())
    expect(root.lint().filter((e) => e.severity === 'error')).toEqual([])
  })

  it('Markdown: the two tables are ours, with one row per item', () => {
    const md = new MarkdownIt({ html: true })
    const source = renderExport(doc, 'markdown').body
    const tokens = md.parse(source, {})
    expect(tokens.filter((t) => t.type === 'table_open')).toHaveLength(2)
    const rows = tokens.filter((t) => t.type === 'tr_open').length
    // Header rows, then one row for each decision and action item (HOSTILE.length / 5 each).
    expect(rows).toBe(2 + 2 * Math.ceil((HOSTILE.length - 2) / 5))
    const inlineHtml = tokens
      .flatMap((t) => t.children ?? [])
      .filter((t) => t.type === 'html_inline')
      .map((t) => t.content)
    expect([...new Set(inlineHtml)].sort()).toEqual(['</strong>', '<strong>'])
    const text = visibleText(md.render(source))
    for (const s of HOSTILE) expect(text, s).toContain(s.trim())
  })
})
