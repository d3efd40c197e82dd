/**
 * Scribe notes live in Y.XmlFragments holding ProseMirror-style nodes: TipTap's names as the
 * client's scribe editor writes them (paragraph, bulletList, orderedList, listItem, hardBreak,
 * text with a 'bold' mark) or schema-basic's (bullet_list, ordered_list, list_item, hard_break).
 * Renderers get a small block model instead, so none of them has to know Yjs or ProseMirror.
 */
import * as Y from 'yjs'

/** A stretch of text that is bold or not. Hard line breaks are '\n' inside the text. */
export interface Run {
  text: string
  bold: boolean
}

export type Block =
  { type: 'paragraph'; runs: Run[] } | { type: 'list'; ordered: boolean; items: Block[][] }

const LIST_NODES: Record<string, boolean> = {
  bullet_list: false,
  ordered_list: true,
  bulletList: false,
  orderedList: true,
}
const HARD_BREAKS = ['hard_break', 'hardBreak']
/** Mark names that mean bold: ours, and ProseMirror's schema-basic name. */
const BOLD_MARKS = ['bold', 'strong']

/** The block model of one scribe fragment. Empty paragraphs are dropped. */
export function blocksFromFragment(fragment: Y.XmlFragment): Block[] {
  return blocksOf(fragment.toArray())
}

type XmlChild = Y.XmlElement | Y.XmlText | Y.XmlHook

function blocksOf(children: readonly XmlChild[]): Block[] {
  const out: Block[] = []
  for (const child of children) {
    if (child instanceof Y.XmlText) {
      pushParagraph(out, runsOfText(child))
    } else if (child instanceof Y.XmlElement) {
      const name = child.nodeName
      if (name in LIST_NODES) {
        const items = child
          .toArray()
          .map((item) => (item instanceof Y.XmlElement ? blocksOf(item.toArray()) : []))
          .filter((blocks) => blocks.length > 0)
        if (items.length) out.push({ type: 'list', ordered: LIST_NODES[name]!, items })
      } else if (isTextBlock(child)) {
        pushParagraph(out, runsOf(child))
      } else {
        // Containers we do not know (blockquote, list_item outside a list): keep their content.
        out.push(...blocksOf(child.toArray()))
      }
    }
  }
  return out
}

/** An element whose children are inline content (text, hard breaks), like a paragraph. */
const isTextBlock = (el: Y.XmlElement): boolean =>
  el.toArray().every((c) => c instanceof Y.XmlText || (c instanceof Y.XmlElement && isInline(c)))

const isInline = (el: Y.XmlElement) => HARD_BREAKS.includes(el.nodeName) || el.nodeName === 'text'

function pushParagraph(out: Block[], runs: Run[]): void {
  if (runs.some((r) => r.text.trim() !== '')) out.push({ type: 'paragraph', runs })
}

function runsOf(el: Y.XmlElement): Run[] {
  const runs: Run[] = []
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) runs.push(...runsOfText(child))
    else if (child instanceof Y.XmlElement && HARD_BREAKS.includes(child.nodeName))
      runs.push({ text: '\n', bold: false })
    else if (child instanceof Y.XmlElement) runs.push(...runsOf(child))
  }
  return mergeRuns(runs)
}

function runsOfText(text: Y.XmlText): Run[] {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]
  const runs: Run[] = []
  for (const op of delta) {
    if (typeof op.insert !== 'string') continue
    const bold = BOLD_MARKS.some((m) => Boolean(op.attributes?.[m]))
    runs.push({ text: op.insert, bold })
  }
  return mergeRuns(runs)
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = []
  for (const run of runs) {
    if (run.text === '') continue
    const last = out[out.length - 1]
    if (last && last.bold === run.bold) last.text += run.text
    else out.push({ ...run })
  }
  return out
}

/** Plain text of blocks, for searching and tests. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) =>
      b.type === 'paragraph'
        ? b.runs.map((r) => r.text).join('')
        : b.items.map((item) => blocksText(item)).join('\n'),
    )
    .join('\n')
}
