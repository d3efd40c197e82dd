/**
 * Board templates: data that fills a new board. Each template validates its options and returns
 * the metadata and items to write, so that adding one means adding data, not code paths.
 */
import { z } from 'zod'
import { formatIssues, SchemaError, type BoardMeta, type Item } from '../schema/index.ts'

export interface TemplateResult {
  meta: Partial<BoardMeta>
  items: Item[]
}

export interface TemplateContext {
  now: number
  authorId: string
}

interface Template {
  options: z.ZodType
  build: (options: never, ctx: TemplateContext) => TemplateResult
}

const templates: Record<string, Template> = {
  blank: {
    options: z.object({}),
    build: () => ({ meta: {}, items: [] }),
  },
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
  return { meta: { template: name, ...result.meta }, items: result.items }
}
