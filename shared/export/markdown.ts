/** GitHub-flavoured Markdown of a board, with the same content as the wikitext export. */
import type { BoardSnapshot } from './model.ts'
import { mdHeading, mdText } from './markdown-escape.ts'
import { buildOutline, type Inline, type ListNode, type OutlineNode } from './outline.ts'

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
    case 'rule':
      return '---'
  }
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

function inline(parts: Inline[], indent: string): string {
  let out = ''
  for (const part of parts) {
    const atStart = out === ''
    if (part.kind === 'link') out += `[${mdText(part.text, indent)}](${part.href})`
    else if (part.bold) out += emphasis(part.text, '**', indent, atStart)
    else if (part.italic) out += emphasis(part.text, '*', indent, atStart)
    else out += mdText(part.text, indent, atStart)
  }
  return out
}

/** Emphasis must not start or end with whitespace, so that whitespace goes outside the marks. */
function emphasis(text: string, mark: string, indent: string, atStart: boolean): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!
  const [, lead = '', body = '', trail = ''] = match
  if (body === '') return mdText(text, indent, atStart)
  const open = `${mdText(lead, indent, atStart)}${mark}`
  return `${open}${mdText(body, indent)}${mark}${mdText(trail, indent)}`
}
