/**
 * All post-its as CSV (RFC 4180: CRLF rows, fields quoted when they hold a quote, comma or line
 * break). Cells that a spreadsheet would run as a formula get a leading apostrophe.
 */
import type { BoardSnapshot, NoteView } from './model.ts'

export const CSV_COLUMNS = ['poster', 'lane', 'text', 'tags', 'votes', 'author', 'created'] as const

export function renderCsv(s: BoardSnapshot): string {
  const rows: string[][] = [[...CSV_COLUMNS]]
  const add = (poster: string, lane: string, n: NoteView) =>
    rows.push([
      poster,
      lane,
      n.text,
      n.tags.join(', '),
      String(n.votes),
      n.author ?? '',
      new Date(n.createdAt).toISOString(),
    ])
  for (const p of s.posters) {
    const listed = new Set<string>()
    const addOnce = (lane: string, n: NoteView) => {
      if (!listed.has(n.id)) add(p.title, lane, n)
      listed.add(n.id)
    }
    for (const lane of p.lanes) for (const n of lane.notes) addOnce(lane.title, n)
    for (const n of p.notes) addOnce('', n)
    for (const n of p.process?.steps ?? []) addOnce(`Process step ${n.number}`, n)
    for (const g of p.takeaways) for (const n of g.items) addOnce(`Takeaway: ${g.heading}`, n)
  }
  for (const n of s.looseNotes) add('', '', n)
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}
