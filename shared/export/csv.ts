/**
 * All post-its as CSV (RFC 4180: CRLF rows, fields quoted when they hold a quote, comma or line
 * break). Cells that a spreadsheet would run as a formula get a leading apostrophe.
 */
import type { BoardSnapshot, NoteView } from './model.ts'
import { formulaStart, stripBidi } from './text-safety.ts'

/** `step` is the post-it's number in its poster's process map, '' when it is not a step. */
export const CSV_COLUMNS = [
  'poster',
  'lane',
  'text',
  'tags',
  'votes',
  'author',
  'created',
  'step',
] as const

export function renderCsv(s: BoardSnapshot): string {
  const rows: string[][] = [[...CSV_COLUMNS]]
  const add = (poster: string, lane: string, n: NoteView, step = '') =>
    rows.push([
      poster,
      lane,
      n.text,
      n.tags.join(', '),
      String(n.votes),
      n.author ?? '',
      new Date(n.createdAt).toISOString(),
      step,
    ])
  for (const p of s.posters) {
    const listed = new Set<string>()
    const steps = new Map(p.process?.steps.map((st) => [st.id, String(st.number)]))
    const addOnce = (lane: string, n: NoteView) => {
      if (!listed.has(n.id)) add(p.title, lane, n, steps.get(n.id) ?? '')
      listed.add(n.id)
    }
    // A post-it keeps its lane; being a step of the process map is a column of its own.
    for (const lane of p.lanes) for (const n of lane.notes) addOnce(lane.title, n)
    for (const n of p.notes) addOnce('', n)
    for (const n of p.process?.steps ?? []) addOnce('', n)
    for (const g of p.takeaways) for (const n of g.items) addOnce(`Takeaway: ${g.heading}`, n)
  }
  for (const n of s.looseNotes) add('', '', n)
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** A cell a spreadsheet would run: a formula character, even after blanks and line breaks. */
const runsAsFormula = (value: string) => /^[\t\r]/.test(value) || formulaStart(value) >= 0

export function csvCell(raw: string): string {
  const value = stripBidi(raw)
  const guarded = runsAsFormula(value) ? `'${value}` : value
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}
