/**
 * Escaping user text for MediaWiki so that it renders literally. We use numeric character
 * references rather than <nowiki>: they work everywhere (headings, list items, inside bold),
 * cannot be closed early by the text itself, and MediaWiki renders them as the plain character.
 */

import { formulaStart, stripBidi } from './text-safety.ts'

const ALWAYS: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '[': '&#91;',
  ']': '&#93;',
  '{': '&#123;',
  '}': '&#125;',
  '|': '&#124;',
}

/** A bare '&' renders as itself; only one that starts a character reference needs escaping. */
const ENTITY = /^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/

/**
 * "https://x" or "mailto:a@b" in text would become a link; a letter, ':' and a non-space is
 * how every such protocol looks, so that colon is escaped ("Relates to: PM" is left alone).
 */
const isFreeLinkColon = (prev: string | undefined, next: string | undefined) =>
  prev !== undefined && /[A-Za-z]/.test(prev) && next !== undefined && /\S/.test(next)

/** Characters that only mean something when doubled: '' (italic/bold), ~~~ (signatures), __TOC__. */
const WHEN_DOUBLED: Record<string, string> = { "'": '&#39;', '~': '&#126;', _: '&#95;' }

/** Characters that start a block at the start of a line: lists, headings, rules, <pre>. */
const LINE_START: Record<string, string> = {
  '*': '&#42;',
  '#': '&#35;',
  ':': '&#58;',
  ';': '&#59;',
  '=': '&#61;',
  '-': '&#45;',
  ' ': '&#32;',
  '\t': '&#9;',
  '!': '&#33;',
}

const REFERENCES: Record<string, string> = {
  '=': '&#61;',
  '+': '&#43;',
  '-': '&#45;',
  '@': '&#64;',
}

/**
 * Escapes one line of user text. Apostrophes at either end are escaped too, because the markup
 * written around the text (''' for bold) would otherwise absorb them.
 */
function escapeLine(line: string, heading: boolean, atLineStart = true): string {
  const chars = Array.from(line)
  // A formula start is written as a character reference: it reads the same, but a copy of the
  // source pasted into a spreadsheet is not run.
  const formula = Array.from(line.slice(0, Math.max(0, formulaStart(line)))).length
  const guarded = formulaStart(line) >= 0
  let out = ''
  chars.forEach((c, i) => {
    const prev = chars[i - 1]
    const next = chars[i + 1]
    if (guarded && i === formula) out += REFERENCES[c]!
    else if (i === 0 && atLineStart && LINE_START[c]) out += LINE_START[c]
    else if (c === '&' && ENTITY.test(chars.slice(i, i + 34).join(''))) out += '&amp;'
    else if (c === ':' && isFreeLinkColon(prev, next)) out += '&#58;'
    else if (ALWAYS[c]) out += ALWAYS[c]
    else if (heading && c === '=') out += '&#61;'
    else if (WHEN_DOUBLED[c] && (prev === c || next === c)) out += WHEN_DOUBLED[c]
    else if (c === "'" && (i === 0 || i === chars.length - 1)) out += '&#39;'
    else out += c
  })
  return out
}

/**
 * User text inside a line of wikitext; its own line breaks become <br />, so only its start can
 * be the start of a source line.
 */
export function wikiText(text: string, atLineStart = false): string {
  return normalizeNewlines(stripBidi(text))
    .split('\n')
    .map((line, i) => escapeLine(line, false, atLineStart && i === 0))
    .join('<br />')
}

/** User text inside a == heading ==: one line, no '=' that could end the heading early. */
export function wikiHeading(text: string): string {
  const line = normalizeNewlines(stripBidi(text)).replace(/\s+/g, ' ').trim()
  return escapeLine(line, true)
}

const normalizeNewlines = (text: string) => text.replace(/\r\n?/g, '\n')
