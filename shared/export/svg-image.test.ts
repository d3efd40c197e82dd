import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addItems, LOCAL_ORIGIN } from '../doc/index.ts'
import { recordTypes, type ImageRecord } from '../schema/index.ts'
import { pictureScene } from './picture.ts'
import { renderSvg } from './svg.ts'

const photo: ImageRecord = {
  ...recordTypes.image.defaults(),
  id: 'p1',
  kind: 'image',
  hash: 'a'.repeat(64),
  alt: 'Poster of group 3',
  x: 10,
  y: 20,
  w: 300,
  h: 200,
}

describe('photos in pictures', () => {
  const doc = new Y.Doc()
  addItems(doc, [photo], LOCAL_ORIGIN)
  const scene = pictureScene(doc, null)!

  it('embeds a photo whose bytes are at hand', () => {
    const data = 'data:image/png;base64,iVBORw0KGgo='
    const { svg } = renderSvg(scene, { images: new Map([[photo.hash, data]]) })
    expect(svg).toContain(`<image x="10" y="20" width="300" height="200" href="${data}"`)
    expect(svg).toContain('<title>Poster of group 3</title>')
  })

  it('draws a labelled frame where the bytes are not', () => {
    const { svg } = renderSvg(scene)
    expect(svg).not.toContain('<image')
    expect(svg).toContain('Poster of group 3')
  })
})

describe('text in scripts written without spaces', () => {
  it('wraps a Japanese post-it at least as large as its neighbour instead of shrinking it', () => {
    const doc = new Y.Doc()
    const base = { ...recordTypes.note.defaults(), kind: 'note' as const, w: 160, h: 160 }
    addItems(
      doc,
      [
        { ...base, id: 'ja', text: 'コードレビューの担当者を週末にも決める' },
        { ...base, id: 'en', x: 200, text: 'Decide who reviews code at weekends' },
      ],
      LOCAL_ORIGIN,
    )
    const { svg } = renderSvg(pictureScene(doc, null)!)
    const sizes = [...svg.matchAll(/font-size="(\d+)"[^>]*>([^<]*)</g)]
    const sizeOf = (fragment: string) => sizes.find(([, , t]) => t!.includes(fragment))?.[1]
    expect(Number(sizeOf('コード'))).toBeGreaterThanOrEqual(Number(sizeOf('Decide')))
  })
})
