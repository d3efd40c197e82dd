/** Building blocks shared by templates: records with every field filled. */
import {
  newId,
  recordTypes,
  type ConnectorRecord,
  type FrameRecord,
  type LabelRecord,
  type NoteRecord,
} from '../schema/index.ts'
import type { TemplateContext } from './template.ts'

const stamp = (ctx: TemplateContext) => ({
  authorId: ctx.authorId,
  createdAt: ctx.now,
  updatedAt: ctx.now,
})

export const frame = (ctx: TemplateContext, fields: Partial<FrameRecord>): FrameRecord => ({
  ...recordTypes.frame.defaults(),
  ...stamp(ctx),
  ...fields,
  id: fields.id ?? newId(),
  kind: 'frame',
})

export const note = (ctx: TemplateContext, fields: Partial<NoteRecord>): NoteRecord => ({
  ...recordTypes.note.defaults(),
  ...stamp(ctx),
  ...fields,
  id: fields.id ?? newId(),
  kind: 'note',
})

export const label = (ctx: TemplateContext, fields: Partial<LabelRecord>): LabelRecord => ({
  ...recordTypes.label.defaults(),
  ...stamp(ctx),
  ...fields,
  id: fields.id ?? newId(),
  kind: 'label',
})

export const connector = (
  ctx: TemplateContext,
  fields: Partial<ConnectorRecord>,
): ConnectorRecord => ({
  ...recordTypes.connector.defaults(),
  ...stamp(ctx),
  ...fields,
  id: fields.id ?? newId(),
  kind: 'connector',
})

/** Lays out `count` boxes of size w×h in a grid of `columns`, with a gap between them. */
export function grid(count: number, columns: number, w: number, h: number, gap: number) {
  return Array.from({ length: count }, (_, i) => ({
    x: (i % columns) * (w + gap),
    y: Math.floor(i / columns) * (h + gap),
  }))
}
