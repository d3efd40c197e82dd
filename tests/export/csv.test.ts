import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addItems, initBoard } from '../../shared/doc/index.ts'
import { SYSTEM_ORIGIN } from '../../shared/doc/origins.ts'
import { renderExport } from '../../shared/export/index.ts'
import { csvCell } from '../../shared/export/csv.ts'
import { frame, note } from '../fixtures/board-builder.ts'
import { buildSeedBoard } from '../fixtures/seed-board.ts'

/** A strict RFC 4180 reader: fails on anything a conforming writer would not produce. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  while (i < text.length) {
    let cell = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote')
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"'
          i += 2
        } else if (text[i] === '"') {
          i++
          break
        } else cell += text[i++]
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])}`)
        cell += text[i++]
      }
    }
    row.push(cell)
    if (text[i] === ',') i++
    else if (text.startsWith('\r\n', i)) {
      rows.push(row)
      row = []
      i += 2
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`)
  }
  if (row.length) throw new Error('last row not ended with CRLF')
  return rows
}

describe('CSV export', () => {
  it('lists every post-it with poster, lane, tags, revealed votes and time', () => {
    const out = renderExport(buildSeedBoard(), 'csv')
    expect(out.contentType).toBe('text/csv; charset=utf-8')
    expect(out.filename).toBe('how-do-we-work-together.csv')
    const rows = parseCsv(out.body)
    expect(rows[0]).toEqual([
      'poster',
      'lane',
      'text',
      'tags',
      'votes',
      'author',
      'created',
      'step',
    ])
    expect(rows.every((r) => r.length === 8)).toBe(true)
    expect(rows).toContainEqual([
      'Group 2',
      'Gaps, unclarities, blockers',
      'Long Term maintenance',
      'PM, CP, RE',
      '0',
      '',
      '2018-10-23T09:11:00.000Z',
      '',
    ])
    const update = rows.find((r) => r[2] === 'Define update mechanism')!
    expect(update.slice(0, 2)).toEqual(['3rd Party', 'Takeaway: Currently not working well:'])
    expect(update[4]).toBe('9')
    // A post-it with line breaks stays one cell.
    expect(rows.find((r) => r[2]!.startsWith('PM Product Manager'))![2]).toBe(
      'PM Product Manager\n- increase the reach of MediaWiki for collaborative knowledge sharing',
    )
    const validation = rows.find((r) => r[2] === 'Validation')!
    expect([validation[0], validation[1], validation[7]]).toEqual([
      'Wikimedia - WMF & WMDE product development',
      '',
      '2',
    ])
    // Dots of a round that is still open do not count.
    expect(rows.find((r) => r[2]!.startsWith('Code review'))![4]).toBe('0')
    // 10 + 7 Part I post-its, 6 steps, 10 takeaways, 1 on the open canvas.
    expect(rows.length - 1).toBe(34)
  })

  it('quotes per RFC 4180 and defuses formulas', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'x' })
    const texts = [
      '=HYPERLINK("http://evil.example","click")',
      '+1+2',
      '-3',
      '@SUM(A1)',
      '\tTAB',
      'say "hi", then\r\nleave',
      'plain',
      ' =1+1',
      '\n=cmd',
      '  -2',
      'a\u202eevil\u2066b\u2069',
    ]
    addItems(
      doc,
      [
        frame('f', { title: '=cmd|"/c calc"!A1', lanes: [{ id: 'l', title: '+lane' }] }),
        ...texts.map((text, i) => note(`n${i}`, { parentId: 'f', laneId: 'l', y: i, text })),
      ],
      SYSTEM_ORIGIN,
    )
    const rows = parseCsv(renderExport(doc, 'csv').body).slice(1)
    expect(rows.map((r) => r[2])).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      "'+1+2",
      "'-3",
      "'@SUM(A1)",
      "'\tTAB",
      'say "hi", then\r\nleave',
      'plain',
      "' =1+1",
      "'\n=cmd",
      "'  -2",
      'aevilb',
    ])
    expect(rows[0]!.slice(0, 2)).toEqual([`'=cmd|"/c calc"!A1`, "'+lane"])
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('"')).toBe('""""')
    expect(csvCell('ok')).toBe('ok')
  })
})
