import { addItems, LOCAL_ORIGIN, topZ } from '../../shared/doc/index.ts'
import { newId, recordTypes, type ImageRecord } from '../../shared/schema/index.ts'
import type { Point } from '../canvas/viewport.ts'
import { membershipOf } from '../editor/frames.ts'
import type { UploadedImage } from '../images/upload.ts'
import { defineAction } from './registry.ts'

/** A dropped photo's longer side on the board, so a poster's photo is about a poster's size. */
export const IMAGE_SIZE = 600

/** An uploaded picture placed centred on a point, filed under the poster it lands on. */
export const placeImage = defineAction<{ image: UploadedImage; at: Point; alt?: string }>({
  id: 'placeImage',
  label: 'action-place-image',
  mutates: true,
  perform(editor, { image, at, alt = '' }) {
    const k = IMAGE_SIZE / Math.max(image.width, image.height)
    const w = Math.max(20, Math.round(image.width * k))
    const h = Math.max(20, Math.round(image.height * k))
    const now = Date.now()
    const record: ImageRecord = {
      ...recordTypes.image.defaults(),
      id: newId(),
      kind: 'image',
      x: Math.round(at.x - w / 2),
      y: Math.round(at.y - h / 2),
      w,
      h,
      z: topZ(editor.doc) + 1,
      hash: image.hash,
      mime: image.mime,
      pixelWidth: image.width,
      pixelHeight: image.height,
      alt: alt.slice(0, 500),
      authorId: editor.user.id,
      createdAt: now,
      updatedAt: now,
    }
    // Filed under the poster it lands on (pictures have no lane).
    record.parentId = membershipOf(record, editor.items.all()).parentId
    addItems(editor.doc, [record], LOCAL_ORIGIN)
    editor.select([record.id])
  },
})
