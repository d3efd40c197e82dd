/**
 * Text exports of a board. `renderExport` is what the HTTP route and the client call; the
 * renderers are pure functions of the snapshot model.
 */
import type * as Y from 'yjs'
import { readMeta } from '../doc/index.ts'
import { renderCsv } from './csv.ts'
import { exportJson } from './json.ts'
import { renderMarkdown } from './markdown.ts'
import { snapshotBoard } from './model.ts'
import { namedInDoc, type NamedAuthors } from './privacy.ts'
import { renderWikitext } from './wikitext.ts'

export const EXPORT_FORMATS = ['wikitext', 'markdown', 'json', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportOptions {
  /**
   * Authors who agreed to be named. Default: the people who chose so on the board (person
   * records); everyone else is left out (JSON uses stand-ins such as "anon-1").
   */
  namedAuthors?: NamedAuthors
  /** Recorded in the JSON envelope's `source`, e.g. the board's address. */
  source?: string
  /** Time of the export (JSON `exportedAt`); defaults to now. */
  now?: Date
}

export interface RenderedExport {
  body: string
  contentType: string
  filename: string
}

const FORMATS: Record<ExportFormat, { contentType: string; extension: string }> = {
  wikitext: { contentType: 'text/x-wiki; charset=utf-8', extension: 'wiki' },
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
}

export const isExportFormat = (value: unknown): value is ExportFormat =>
  typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value)

export function renderExport(
  doc: Y.Doc,
  format: ExportFormat,
  options: ExportOptions = {},
): RenderedExport {
  const { contentType, extension } = FORMATS[format]
  const namedAuthors = options.namedAuthors ?? namedInDoc(doc)
  const body =
    format === 'json'
      ? exportJson(doc, { ...options, namedAuthors })
      : render(format, snapshotBoard(doc, { namedAuthors }))
  return { body, contentType, filename: `${fileStem(doc)}.${extension}` }
}

function render(format: Exclude<ExportFormat, 'json'>, s: ReturnType<typeof snapshotBoard>) {
  if (format === 'wikitext') return renderWikitext(s)
  if (format === 'markdown') return renderMarkdown(s)
  return renderCsv(s)
}

/** A safe ASCII file name from the board's title ("How do we work together" -> how-do-...). */
function fileStem(doc: Y.Doc): string {
  const stem = readMeta(doc)
    .title.normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return stem || 'board'
}

export { snapshotBoard } from './model.ts'
export type * from './model.ts'
export { renderWikitext } from './wikitext.ts'
export { renderMarkdown } from './markdown.ts'
export { renderCsv } from './csv.ts'
export { buildExport, exportJson, importJson, validateExport } from './json.ts'
export type { BoardExport } from './json-format.ts'
export { namedInDoc } from './privacy.ts'
export type { NamedAuthors } from './privacy.ts'
