import { describe, expect, it } from 'vitest'
import { recordTypes, type LabelRecord } from '../../shared/schema/index.ts'
import { LABEL_SIZE } from './connectorDraw.ts'
import { arrowLabelEditorStyle, EDITOR_BORDER, labelEditorStyle } from './textEditorStyle.ts'

const label = (fields: Partial<LabelRecord>): LabelRecord => ({
  ...recordTypes.label.defaults(),
  id: 'l',
  kind: 'label',
  ...fields,
})

describe('labelEditorStyle', () => {
  it("covers the label's box on screen in its font at the camera's scale", () => {
    const camera = { x: 100, y: 50, scale: 0.5 }
    const style = labelEditorStyle(label({ x: 200, y: 400, w: 520, h: 40, fontSize: 24 }), camera)
    // Text starts where LabelShape draws it; the border lies outside the box.
    expect(Number(style.left) + EDITOR_BORDER).toBe(200)
    expect(Number(style.top) + EDITOR_BORDER).toBe(250)
    expect(Number(style.width) - 2 * EDITOR_BORDER).toBe(260)
    expect(style.padding).toBe(0)
    expect(style.fontSize).toBe(12)
    expect(style.lineHeight).toBe(1.2)
    expect(style.fontWeight).toBe(400)
    // Headings are drawn bold.
    expect(labelEditorStyle(label({ fontSize: 40 }), camera).fontWeight).toBe(700)
  })
})

describe('arrowLabelEditorStyle', () => {
  const centre = (s: ReturnType<typeof arrowLabelEditorStyle>) => ({
    x: Number(s.left) + Number(s.width) / 2,
    y: Number(s.top) + Number(s.height) / 2,
  })

  it("is centred where the label is drawn, in the label's font", () => {
    const camera = { x: 10, y: 20, scale: 2 }
    const style = arrowLabelEditorStyle({ x: 300, y: 100 }, 80, camera)
    expect(centre(style)).toEqual({ x: 610, y: 220 })
    expect(style.fontSize).toBe(LABEL_SIZE * 2)
    expect(style.textAlign).toBe('center')
  })

  it('stays readable zoomed far out, where the canvas draws no labels', () => {
    const camera = { x: 0, y: 0, scale: 0.1 }
    const style = arrowLabelEditorStyle({ x: 3000, y: 1000 }, 80, camera)
    expect(centre(style)).toEqual({ x: 300, y: 100 })
    expect(Number(style.fontSize)).toBeGreaterThanOrEqual(12)
  })
})
