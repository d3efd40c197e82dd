import { describe, expect, it } from 'vitest'
import { addItems, connectors, updateItem } from '../../shared/doc/index.ts'
import { arrowOf, itemOf, testEditor } from '../editor/testEditor.ts'
import { connectorAtPoint, recordAtPoint } from './hitTest.ts'

/** A board with one free arrow along y = 0 from x = 0 to x = 1000, and what the test adds. */
function board() {
  const editor = testEditor()
  const arrow = arrowOf('arrow', {
    from: { itemId: null, x: 0, y: 0 },
    to: { itemId: null, x: 1000, y: 0 },
  })
  connectors(editor.doc).add([arrow], null)
  return editor
}

const FAR = 0.1

describe('connectorAtPoint', () => {
  it('hits an arrow on its line and misses beside it', () => {
    const editor = board()
    expect(connectorAtPoint(editor, { x: 500, y: 2 }, 1)?.id).toBe('arrow')
    expect(connectorAtPoint(editor, { x: 500, y: -5 }, 1)?.id).toBe('arrow')
    expect(connectorAtPoint(editor, { x: 500, y: 30 }, 1)).toBeNull()
    // Past its ends.
    expect(connectorAtPoint(editor, { x: 1040, y: 0 }, 1)).toBeNull()
  })

  it('takes a few screen pixels of slack, so farther in board units when zoomed out', () => {
    const editor = board()
    // 30 units is 30 px close up, 3 px at 10 %.
    expect(connectorAtPoint(editor, { x: 500, y: 30 }, 1)).toBeNull()
    expect(connectorAtPoint(editor, { x: 500, y: 30 }, FAR)?.id).toBe('arrow')
    // 200 units is 20 px at 10 %: still beside it.
    expect(connectorAtPoint(editor, { x: 500, y: 200 }, FAR)).toBeNull()
  })

  it('hits an arrow on its mark', () => {
    const editor = board()
    connectors(editor.doc).update([['arrow', { marker: 'heart' }]], null)
    expect(connectorAtPoint(editor, { x: 500, y: 12 }, 1)?.id).toBe('arrow')
    expect(connectorAtPoint(editor, { x: 400, y: 12 }, 1)).toBeNull()
  })

  it('picks the nearest of two arrows', () => {
    const editor = board()
    connectors(editor.doc).add(
      [
        arrowOf('near', {
          from: { itemId: null, x: 0, y: 20 },
          to: { itemId: null, x: 1000, y: 20 },
        }),
      ],
      null,
    )
    expect(connectorAtPoint(editor, { x: 500, y: 15 }, FAR)?.id).toBe('near')
    expect(connectorAtPoint(editor, { x: 500, y: 4 }, FAR)?.id).toBe('arrow')
  })

  it('follows the post-its an arrow is attached to', () => {
    const editor = testEditor()
    addItems(
      editor.doc,
      [
        itemOf('note', 'a', { x: 0, y: 0, w: 100, h: 100 }),
        itemOf('note', 'b', { x: 900, y: 0, w: 100, h: 100 }),
      ],
      null,
    )
    const ends = { from: { itemId: 'a', x: 100, y: 50 }, to: { itemId: 'b', x: 900, y: 50 } }
    connectors(editor.doc).add([arrowOf('ab', ends)], null)
    expect(connectorAtPoint(editor, { x: 500, y: 50 }, FAR)?.id).toBe('ab')
    // Someone moves b far down without touching the stored ends: the arrow is drawn to it.
    updateItem(editor.doc, 'b', { y: 2000 }, null)
    expect(connectorAtPoint(editor, { x: 500, y: 50 }, FAR)).toBeNull()
    expect(connectorAtPoint(editor, { x: 500, y: 1050 }, FAR)?.id).toBe('ab')
  })

  it('measures only the arrows near the point', () => {
    const editor = testEditor()
    const many = Array.from({ length: 2000 }, (_, i) => {
      const x = (i % 50) * 400
      const y = Math.floor(i / 50) * 400
      return arrowOf(`c${i}`, { from: { itemId: null, x, y }, to: { itemId: null, x: x + 300, y } })
    })
    connectors(editor.doc).add(many, null)
    const near = editor.connectorIndex.query({ x: 990, y: 790, w: 20, h: 20 })
    expect(near.size).toBeLessThanOrEqual(4)
    expect(connectorAtPoint(editor, { x: 1000, y: 801 }, 1)?.id).toBe('c102')
  })
})

describe('recordAtPoint', () => {
  it('picks an arrow over the poster beneath it, and the poster beside the arrow', () => {
    const editor = board()
    addItems(editor.doc, [itemOf('frame', 'f', { x: -100, y: -300, w: 1200, h: 800, z: 5 })], null)
    expect(recordAtPoint(editor, { x: 500, y: 3 }, FAR)?.id).toBe('arrow')
    expect(recordAtPoint(editor, { x: 500, y: 300 }, FAR)?.id).toBe('f')
  })

  it('picks a post-it over an arrow only where the post-it is', () => {
    const editor = board()
    addItems(editor.doc, [itemOf('note', 'n', { x: 400, y: -50, w: 200, h: 100 })], null)
    expect(recordAtPoint(editor, { x: 500, y: 0 }, FAR)?.id).toBe('n')
    // Beside the post-it but within the slack around the arrow.
    expect(recordAtPoint(editor, { x: 300, y: 20 }, FAR)?.id).toBe('arrow')
    expect(recordAtPoint(editor, { x: 300, y: 400 }, FAR)).toBeNull()
  })
})
