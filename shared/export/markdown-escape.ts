/**
 * Escaping user text for GitHub-flavoured Markdown so that it renders literally: inline syntax
 * and raw HTML are backslash-escaped everywhere, block syntax at the start of every line.
 */

import { guardFormula, stripBidi } from './text-safety.ts'

/** Inline syntax: emphasis, code, links, HTML, tables, strikethrough, math, and '&' before an entity. */
const INLINE = /[\\`*_[\]<>|~$]|&(?=#?[A-Za-z0-9]+;)/g

/** Block syntax that only counts at the start of a line. */
const LINE_START = /^([#+=>-])/
const ORDERED = /^(\d{1,9})([.)])/

function escapeLine(line: string, heading: boolean, atLineStart = true): string {
  // A backslash before a formula start reads the same, and keeps a pasted copy from running.
  let out = guardFormula(
    line.replace(INLINE, (c) => `\\${c}`),
    (c) => `\\${c}`,
  )
  // "https://x" and "www.x" would be autolinked by GitHub: break the scheme and the "www.".
  out = out.replace(/([A-Za-z]):(?=\S)/g, '$1\\:').replace(/\b(www)\./gi, '$1\\.')
  if (heading) out = out.replace(/#/g, '\\#')
  if (!atLineStart) return out
  out = out.replace(LINE_START, '\\$1').replace(ORDERED, '$1\\$2')
  // Leading spaces would make an indented code block or change list nesting.
  return out.replace(/^[ \t]+/, (ws) => ws.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
}

/**
 * User text inside a line of Markdown. Its own line breaks become hard breaks, continued at
 * `indent` so that they stay inside the list item they belong to.
 */
export function mdText(text: string, indent = '', atLineStart = false): string {
  return normalizeNewlines(stripBidi(text))
    .split('\n')
    .map((line, i) => escapeLine(line, false, atLineStart || i > 0))
    .join(`\\\n${indent}`)
}

/** User text inside a # heading: one line, no '#' that could close it. */
export function mdHeading(text: string): string {
  return escapeLine(normalizeNewlines(stripBidi(text)).replace(/\s+/g, ' ').trim(), true)
}

const normalizeNewlines = (text: string) => text.replace(/\r\n?/g, '\n')
