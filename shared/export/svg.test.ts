import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildHostileBoard } from '../../tests/fixtures/hostile-board.ts'
import { buildSeedBoard } from '../../tests/fixtures/seed-board.ts'
import { pictureScene, posters } from './picture.ts'
import { renderSvg } from './svg.ts'
import { wrapText } from './text-wrap.ts'

/** Text between tags, which must hold no markup characters once tags are removed. */
const between = (svg: string) => svg.replace(/<[^<>]*>/g, '')

describe('pictures as SVG', () => {
  it('draws one poster with its post-its, dots and takeaway headings only', () => {
    const doc = buildSeedBoard()
    const scene = pictureScene(doc, 'f-3rd')!
    const { svg, width, height } = renderSvg(scene)
    expect(width).toBe(1200 + 48)
    expect(height).toBeGreaterThanOrEqual(1200 + 48)
    expect(svg).toContain('3rd Party')
    expect(svg).toContain('★ Currently not work')
    // The seed's "(16)" for the SIG takeaway, drawn as dots with their count.
    expect(svg).toMatch(/data-votes="16"/)
    expect(svg).toContain('(16)')
    expect(svg).not.toContain('Technical Committee')
    expect(scene.items.every((i) => i.id === 'f-3rd' || i.parentId === 'f-3rd')).toBe(true)
  })

  it('draws the whole board with connectors, hearts and question marks', () => {
    const doc = buildSeedBoard()
    const { svg } = renderSvg(pictureScene(doc)!)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).toContain('M0 10C-18 -2') // a heart
    expect(svg).toMatch(/>\?<\/text>/) // a question mark
    expect(svg).toContain('stroke-dasharray="14 10"') // a broken line
    expect(svg).toContain('CC BY-SA 4.0')
    expect(between(svg)).not.toMatch(/[<>]/)
  })

  it('lists posters in reading order and refuses what is not a poster', () => {
    const doc = buildSeedBoard()
    expect(posters(doc).length).toBeGreaterThan(1)
    expect(pictureScene(doc, 'nope')).toBeNull()
    expect(pictureScene(new Y.Doc())!.items).toEqual([])
  })

  it('escapes hostile text and drops characters XML cannot hold', () => {
    const { svg } = renderSvg(pictureScene(buildHostileBoard())!)
    const text = between(svg)
    expect(text).not.toMatch(/[<>]/)
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/)
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(svg).not.toMatch(/[\u0000-\u0008]/)
  })
})

describe('wrapText', () => {
  it('wraps at words and breaks words longer than a line', () => {
    const measure = (s: string) => s.length * 10
    expect(wrapText('aa bb cc', 50, 10, measure)).toEqual(['aa bb', 'cc'])
    expect(wrapText('abcdefghij', 40, 10, measure)).toEqual(['abcd', 'efgh', 'ij'])
    expect(wrapText('one\n\ntwo', 100, 10, measure)).toEqual(['one', '', 'two'])
  })
})
