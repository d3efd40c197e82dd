/**
 * Board templates: data that fills a new board. Each template validates its options and returns
 * the records to write, so that adding one means adding data, not code paths.
 */
import type * as Y from 'yjs'
import { connectors, initBoard, items, tags, updateSetup } from '../doc/index.ts'
import { SYSTEM_ORIGIN } from '../doc/origins.ts'
import { formatIssues, SchemaError, type BoardMeta } from '../schema/index.ts'
import { blank } from './blank.ts'
import { idealProcess } from './ideal-process.ts'
import { rolesAndGaps } from './roles-and-gaps.ts'
import type { Template, TemplateContext, TemplateResult } from './template.ts'

export type { TemplateContext, TemplateResult } from './template.ts'

const templates: Record<string, Template> = {
  blank,
  'roles-and-gaps': rolesAndGaps,
  'ideal-process': idealProcess,
}

export const TEMPLATE_NAMES = Object.keys(templates)

/** Builds a template's content, or throws a SchemaError saying what is wrong with the request. */
export function buildTemplate(
  name: string,
  rawOptions: unknown = {},
  ctx: TemplateContext = { now: Date.now(), authorId: '' },
): TemplateResult {
  const template = Object.hasOwn(templates, name) ? templates[name] : undefined
  if (!template) {
    throw new SchemaError(`unknown template "${name}"; known: ${TEMPLATE_NAMES.join(', ')}`)
  }
  const parsed = template.options.safeParse(rawOptions ?? {})
  if (!parsed.success) throw new SchemaError(`template options: ${formatIssues(parsed.error)}`)
  const result = template.build(parsed.data as never, ctx)
  return { ...result, meta: { template: name, ...result.meta } }
}

/**
 * Fills a new, empty document: schema stamp, metadata and the template's records, in one
 * transaction. Throws a SchemaError (and writes nothing) for an unknown template or bad options.
 */
export function createBoard(
  doc: Y.Doc,
  request: { title?: string; template?: string; options?: unknown },
  ctx: TemplateContext = { now: Date.now(), authorId: '' },
): void {
  const result = buildTemplate(request.template ?? 'blank', request.options, ctx)
  const meta: Partial<BoardMeta> = { createdAt: ctx.now, ...result.meta }
  if (request.title) meta.title = request.title
  doc.transact(() => {
    initBoard(doc, meta)
    if (result.setup) updateSetup(doc, result.setup, SYSTEM_ORIGIN)
    tags(doc).add(result.tags ?? [], SYSTEM_ORIGIN)
    items(doc).add(result.items, SYSTEM_ORIGIN)
    connectors(doc).add(result.connectors ?? [], SYSTEM_ORIGIN)
  }, SYSTEM_ORIGIN)
}
