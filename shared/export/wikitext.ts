/** MediaWiki wikitext of a board, laid out like the hand-written session notes pages. */
import type { BoardSnapshot } from './model.ts'
import {
  buildOutline,
  type Inline,
  type ListNode,
  type OutlineNode,
  type TableNode,
} from './outline.ts'
import { wikiHeading, wikiText } from './wiki-escape.ts'

export function renderWikitext(snapshot: BoardSnapshot): string {
  // The wiki page's name is its title, so the body starts with the first section.
  const { nodes } = buildOutline(snapshot)
  return nodes.map(node).join('\n\n') + '\n'
}

function node(n: OutlineNode): string {
  switch (n.type) {
    case 'heading': {
      const marks = '='.repeat(n.level)
      return `${marks} ${wikiHeading(n.text)} ${marks}`
    }
    case 'paragraph':
      return inline(n.content)
    case 'list':
      return listLines(n, '').join('\n')
    case 'table':
      return table(n)
    case 'picture':
      return `[[File:${n.file}|thumb|${wikiText(n.caption)}]]`
    case 'rule':
      return '----'
  }
}

/** A sortable wikitable, one cell a line so that no user text sits where markup starts. */
function table(n: TableNode): string {
  const lines = [
    '{| class="wikitable sortable"',
    `! ${n.header.map((h) => wikiText(h)).join(' !! ')}`,
  ]
  for (const row of n.rows) {
    lines.push('|-')
    for (const cell of row) {
      const sort =
        cell.sortKey === undefined ? '' : `data-sort-value="${cell.sortKey.replace(/"/g, '')}" | `
      lines.push(`| ${sort}${inline(cell.content)}`.trimEnd())
    }
  }
  lines.push('|}')
  return lines.join('\n')
}

function listLines(list: ListNode, prefix: string): string[] {
  const marker = prefix + (list.ordered ? '#' : '*')
  return list.items.flatMap((item) => [
    ...(item.content.length || item.children.length === 0
      ? [`${marker} ${inline(item.content)}`]
      : []),
    ...item.children.flatMap((child) => listLines(child, marker)),
  ])
}

function inline(parts: Inline[]): string {
  let out = ''
  for (const part of parts) {
    const atStart = out === ''
    if (part.kind === 'link') out += `[${part.href} ${wikiText(part.text)}]`
    else if (part.text === '') continue
    else if (part.bold) out += `'''${wikiText(part.text)}'''`
    else if (part.italic) out += `''${wikiText(part.text)}''`
    else out += wikiText(part.text, atStart)
  }
  return out
}
