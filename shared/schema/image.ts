import { z } from 'zod'
import { baseItemShape, shortText, type RecordType } from './common.ts'

/**
 * A picture on the canvas (a photo of a paper poster). Its bytes are stored by the server beside
 * the board under their SHA-256 (`/api/boards/<id>/images/<hash>`); the record holds only that
 * name, what the picture is, and where it lies.
 */
export const imageSchema = z.object({
  ...baseItemShape,
  kind: z.literal('image'),
  /** SHA-256 of the picture's bytes, in lowercase hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  mime: z.enum(['image/png', 'image/jpeg', 'image/webp']),
  /** The picture's own size in pixels (its box keeps this aspect ratio when resized). */
  pixelWidth: z.number().int().min(1).max(100_000),
  pixelHeight: z.number().int().min(1).max(100_000),
  /** What the picture shows, for screen readers and the exports. */
  alt: shortText(500),
})
export type ImageRecord = z.infer<typeof imageSchema>

export const imageType: RecordType<'image', ImageRecord> = {
  kind: 'image',
  collection: 'items',
  access: { writers: 'anyone', facilitatorFields: ['locked'] },
  version: 1,
  schema: imageSchema,
  defaults: () => ({
    x: 0,
    y: 0,
    w: 400,
    h: 300,
    z: 0,
    parentId: null,
    authorId: '',
    createdAt: 0,
    updatedAt: 0,
    hash: '0'.repeat(64),
    mime: 'image/png',
    pixelWidth: 400,
    pixelHeight: 300,
    alt: '',
  }),
  migrations: {},
  textFields: [],
}
