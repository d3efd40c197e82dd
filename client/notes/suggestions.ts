/**
 * What the board offers for the structured notes: question-mark arrows not yet listed as new
 * questions, and points the scribes set in bold that no entry holds yet.
 */
import type * as Y from 'yjs'
import { connectors, entries, items, scribeNotes, scribeScopes } from '../../shared/doc/index.ts'
import { blocksFromFragment, type Block } from '../../shared/export/scribe.ts'

export interface Suggestion {
  /** The connector's id, or the scribe scope for a bold point. */
  sourceId: string | null
  text: string
}

/** Question-mark connectors without an entry yet, described by their label or their ends. */
export function questionArrows(doc: Y.Doc): Suggestion[] {
  const used = new Set(
    entries(doc)
      .all()
      .flatMap((e) => e.sourceId ?? []),
  )
  const textOf = (id: string | null) => {
    const item = id ? items(doc).get(id) : null
    if (!item) return ''
    return item.kind === 'frame' ? item.title : item.kind === 'image' ? item.alt : item.text
  }
  return connectors(doc)
    .all()
    .filter((c) => c.marker === 'question' && !used.has(c.id))
    .map((c) => ({
      sourceId: c.id,
      text:
        c.label.trim() ||
        [textOf(c.from.itemId), textOf(c.to.itemId)].filter(Boolean).join(' → ') ||
        '?',
    }))
}

/** Bold runs of the scribe notes (each trimmed, 3+ characters) not yet the text of an entry. */
export function boldPoints(doc: Y.Doc): Suggestion[] {
  const taken = new Set(
    entries(doc)
      .all()
      .map((e) => e.text.trim()),
  )
  const out: Suggestion[] = []
  const seen = new Set<string>()
  const walk = (blocks: Block[], scope: string) => {
    for (const b of blocks) {
      if (b.type === 'list') b.items.forEach((item) => walk(item, scope))
      else {
        for (const r of b.runs) {
          const text = r.text.trim().replace(/[:;,.]$/, '')
          if (r.bold && text.length >= 3 && !taken.has(text) && !seen.has(text)) {
            seen.add(text)
            out.push({ sourceId: null, text })
          }
        }
      }
    }
  }
  for (const scope of scribeScopes(doc)) walk(blocksFromFragment(scribeNotes(doc, scope)), scope)
  return out
}
