import { z } from 'zod'
import { shortText, timestamp } from './common.ts'

/** Board-wide metadata, one per document. */
export const boardMetaSchema = z.object({
  title: shortText(200),
  template: shortText(64),
  createdAt: timestamp,
})
export type BoardMeta = z.infer<typeof boardMetaSchema>

export const boardMetaDefaults = (): BoardMeta => ({ title: '', template: 'blank', createdAt: 0 })
