/** GitHub-flavoured Markdown of a board, with the same content as the wikitext export. */
import type { BoardSnapshot } from './model.ts'
import { mdHeading, mdText } from './markdown-escape.ts'
import {
  buildOutline,
  type Inline,
  type ListNode,
  type OutlineNode,
  type TableNode,
} from './outline.ts'

export function renderMarkdown(snapshot: BoardSnapshot): string {
  const { title, nodes } = buildOutline(snapshot)
  return [`# ${mdHeading(title)}`, ...nodes.map(node)].join('\n\n') + '\n'
}

function node(n: OutlineNode): string {
  switch (n.type) {
    case 'heading':
      return `${'#'.repeat(n.level)} ${mdHeading(n.text)}`
    case 'paragraph':
      return inline(n.content, '')
    case 'list':
      return listLines(n, '').join('\n')
    case 'table':
      return table(n)
    case 'picture':
      return `![${mdText(n.caption)}](${n.file})`
    case 'rule':
      return '---'
  }
}

/** A GitHub table; a cell is one line, so line breaks inside it become spaces. */
function table(n: TableNode): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [
    row(n.header.map((h) => mdText(h))),
    row(n.header.map(() => '---')),
    ...n.rows.map((cells) =>
      row(
        cells.map((c) =>
          inline(
            c.content.map((part) =>
              part.kind === 'text' ? { ...part, text: part.text.replace(/\s*\n\s*/g, ' ') } : part,
            ),
            '',
          ),
        ),
      ),
    ),
  ].join('\n')
}

function listLines(list: ListNode, indent: string): string[] {
  return list.items.flatMap((item, i) => {
    const marker = list.ordered ? `${i + 1}.` : '-'
    // Continuation lines and nested lists start where the item's text starts.
    const inner = indent + ' '.repeat(marker.length + 1)
    const text = item.content.length ? inline(item.content, inner) : ''
    return [
      `${indent}${marker} ${text}`.trimEnd(),
      ...item.children.flatMap((child) => listLines(child, inner)),
    ]
  })
}

type Piece = string | { mark: '**' | '*'; lead: string; body: string; trail: string }

function inline(parts: Inline[], indent: string): string {
  const pieces: Piece[] = []
  for (const part of parts) {
    const atStart = pieces.length === 0
    if (part.kind === 'link') pieces.push(`[${mdText(part.text, indent)}](${part.href})`)
    else if (part.bold || part.italic)
      pieces.push(emphasis(part.text, part.bold ? '**' : '*', indent, atStart))
    else pieces.push(mdText(part.text, indent, atStart))
  }
  let out = ''
  pieces.forEach((piece, i) => {
    if (typeof piece === 'string') {
      out += piece
      return
    }
    const before = (out + piece.lead).slice(-1)
    const after = piece.trail ? piece.trail[0]! : firstChar(pieces[i + 1])
    const tag = piece.mark === '**' ? 'strong' : 'em'
    const body = flanks(before, piece.body, after)
      ? `${piece.mark}${piece.body}${piece.mark}`
      : `<${tag}>${piece.body}</${tag}>`
    out += piece.lead + body + piece.trail
  })
  return out
}

/** Emphasis must not start or end with whitespace, so that whitespace goes outside the marks. */
function emphasis(text: string, mark: '**' | '*', indent: string, atStart: boolean): Piece {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!
  const [, lead = '', body = '', trail = ''] = match
  if (body === '') return mdText(text, indent, atStart)
  return {
    mark,
    lead: mdText(lead, indent, atStart),
    body: mdText(body, indent, atStart && lead === ''),
    trail: mdText(trail, indent),
  }
}

const firstChar = (piece: Piece | undefined): string =>
  piece === undefined ? '' : typeof piece === 'string' ? piece.slice(0, 1) : piece.lead[0] || '*'

const isSpace = (c: string) => c === '' || /\s/u.test(c)
const isPunct = (c: string) => /[\p{P}\p{S}]/u.test(c)

/**
 * Whether `*` marks around `body` open and close emphasis (CommonMark's flanking rules): a mark
 * next to punctuation inside needs whitespace or punctuation outside. When they would not, the
 * caller uses an HTML tag instead, which GitHub renders.
 */
function flanks(before: string, body: string, after: string): boolean {
  const first = body.slice(0, 1)
  const last = body.slice(-1)
  const opens = !isPunct(first) || isSpace(before) || isPunct(before)
  const closes = !isPunct(last) || isSpace(after) || isPunct(after)
  return opens && closes
}
