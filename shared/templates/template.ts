import type { z } from 'zod'
import type { BoardMeta, ConnectorRecord, Item, Setup, TagRecord } from '../schema/index.ts'

export interface TemplateResult {
  meta: Partial<BoardMeta>
  setup?: Partial<Setup>
  items: Item[]
  connectors?: ConnectorRecord[]
  tags?: TagRecord[]
}

export interface TemplateContext {
  now: number
  authorId: string
}

export interface Template {
  /** What a person picks from; shown on the start page. */
  title: string
  options: z.ZodType
  build: (options: never, ctx: TemplateContext) => TemplateResult
}
