/**
 * Where the in-place text editor sits and how its text is set, per kind of text, matching how the
 * canvas draws that text at the camera's scale (box, font, size, alignment), so text does not
 * jump when editing starts or ends.
 */
import type { CSSProperties } from 'react'
import type { Point } from '../../shared/geometry/index.ts'
import type { FrameRecord, LabelRecord, NoteRecord } from '../../shared/schema/index.ts'
import { LABEL_FILL, LABEL_HEIGHT, LABEL_PAD, LABEL_RADIUS, LABEL_SIZE } from './connectorDraw.ts'
import { FRAME_TITLE_HEIGHT, FRAME_TITLE_SIZE } from './FrameShape.tsx'
import { isLowDetail } from './lod.ts'
import { FRAME_FILL, NOTE_FILL } from './palette.ts'
import { LABEL_LINE_HEIGHT, LINE_HEIGHT, NOTE_PADDING, noteFontSize } from './textFit.ts'
import type { Camera } from './viewport.ts'

/** The `.text-editor` border width: drawn outside label boxes so the text keeps its place. */
export const EDITOR_BORDER = 2

/** Smallest arrow-label font when zoomed far out, where the canvas draws no labels to match. */
const MIN_FAR_LABEL_PX = 12

export function noteEditorStyle(note: NoteRecord, camera: Camera): CSSProperties {
  const s = camera.scale
  return {
    left: note.x * s + camera.x,
    top: note.y * s + camera.y,
    width: note.w * s,
    height: note.h * s,
    fontSize: noteFontSize(note.text, note.w, note.h) * s,
    lineHeight: LINE_HEIGHT,
    padding: NOTE_PADDING * s,
    background: NOTE_FILL[note.color],
    textAlign: 'center',
  }
}

export function frameTitleEditorStyle(frame: FrameRecord, camera: Camera): CSSProperties {
  const s = camera.scale
  return {
    left: (frame.x + 16) * s + camera.x,
    top: frame.y * s + camera.y,
    width: (frame.w - 32) * s,
    height: FRAME_TITLE_HEIGHT * s,
    fontSize: FRAME_TITLE_SIZE * s,
    fontWeight: 700,
    lineHeight: `${FRAME_TITLE_HEIGHT * s}px`,
    padding: `0 ${4 * s}px`,
    background: FRAME_FILL[frame.color],
    textAlign: 'start',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  }
}

/** Over a free label's box, see-through, in LabelShape's font: the text stays where it was. */
export function labelEditorStyle(label: LabelRecord, camera: Camera): CSSProperties {
  const s = camera.scale
  return {
    left: label.x * s + camera.x - EDITOR_BORDER,
    top: label.y * s + camera.y - EDITOR_BORDER,
    width: label.w * s + 2 * EDITOR_BORDER,
    height: label.h * s + 2 * EDITOR_BORDER,
    fontSize: label.fontSize * s,
    fontWeight: label.fontSize >= 32 ? 700 : 400,
    lineHeight: LABEL_LINE_HEIGHT,
    padding: 0,
    background: 'transparent',
    textAlign: 'start',
  }
}

/**
 * An arrow's label: a pill centred on `center` (see labelCenter), `textWidth` board units wide
 * plus room for the caret, in connectorDraw's label font. Far out, where labels are not drawn,
 * it keeps a readable size.
 */
export function arrowLabelEditorStyle(
  center: Point,
  textWidth: number,
  camera: Camera,
): CSSProperties {
  const s = camera.scale
  const u = isLowDetail(s) ? Math.max(s, MIN_FAR_LABEL_PX / LABEL_SIZE) : s
  const w = (Math.max(textWidth, 4 * LABEL_SIZE) + LABEL_SIZE) * u
  const h = LABEL_HEIGHT * u
  return {
    left: center.x * s + camera.x - w / 2 - EDITOR_BORDER,
    top: center.y * s + camera.y - h / 2 - EDITOR_BORDER,
    width: w + 2 * EDITOR_BORDER,
    height: h + 2 * EDITOR_BORDER,
    fontSize: LABEL_SIZE * u,
    lineHeight: `${h}px`,
    padding: `0 ${LABEL_PAD * u}px`,
    borderRadius: LABEL_RADIUS * u + EDITOR_BORDER,
    background: LABEL_FILL,
    textAlign: 'center',
    whiteSpace: 'nowrap',
  }
}
