import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectors, items, readMeta, tags } from '../doc/index.ts'
import { parseRecord, SchemaError } from '../schema/index.ts'
import { buildTemplate, createBoard, TEMPLATE_NAMES } from './index.ts'

const ctx = { now: 1_700_000_000_000, authorId: 'facilitator' }

describe('templates', () => {
  it.each(TEMPLATE_NAMES)('%s builds only valid records', (name) => {
    const result = buildTemplate(name, {}, ctx)
    for (const rec of [...result.items, ...(result.connectors ?? []), ...(result.tags ?? [])]) {
      expect(() => parseRecord(rec)).not.toThrow()
    }
    expect(result.meta.template).toBe(name)
  })

  it('roles-and-gaps makes one poster per group with the two lanes', () => {
    const result = buildTemplate('roles-and-gaps', { groups: 7 }, ctx)
    const posters = result.items.filter((i) => i.kind === 'frame')
    expect(posters).toHaveLength(7)
    expect(posters[0]).toMatchObject({ title: 'Group 1' })
    for (const p of posters) {
      expect(p.kind === 'frame' && p.lanes.map((l) => l.title)).toEqual([
        'Role / Motivation / Goal',
        'Gaps, unclarities, blockers',
      ])
    }
  })

  it('ideal-process makes one poster per focus and a legend of the three marks', () => {
    const result = buildTemplate('ideal-process', { focuses: ['Volunteer', '3rd party'] }, ctx)
    expect(
      result.items.filter((i) => i.kind === 'frame').map((f) => f.kind === 'frame' && f.title),
    ).toEqual(['Volunteer', '3rd party'])
    const marks = (result.connectors ?? []).map((c) => `${c.line}/${c.marker}`)
    expect(marks).toEqual(['solid/heart', 'broken/none', 'solid/question'])
    const ids = new Set(result.items.map((i) => i.id))
    for (const c of result.connectors ?? []) {
      expect(ids.has(c.from.itemId!)).toBe(true)
      expect(ids.has(c.to.itemId!)).toBe(true)
    }
  })

  it('refuses unknown templates and bad options with a clear error', () => {
    expect(() => buildTemplate('kanban')).toThrow(/unknown template "kanban"/)
    expect(() => buildTemplate('roles-and-gaps', { groups: 0 })).toThrow(SchemaError)
    expect(() => buildTemplate('roles-and-gaps', { groups: 'eight' })).toThrow(/groups/)
  })

  it('createBoard writes everything in one transaction, or nothing', () => {
    const doc = new Y.Doc()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    createBoard(doc, { title: 'How do we work together', template: 'ideal-process' }, ctx)
    expect(transactions).toBe(1)
    expect(readMeta(doc)).toMatchObject({
      title: 'How do we work together',
      template: 'ideal-process',
    })
    expect(items(doc).all().length).toBeGreaterThan(3)
    expect(connectors(doc).all()).toHaveLength(3)
    expect(tags(doc).all()).toHaveLength(0)

    const untouched = new Y.Doc()
    expect(() => createBoard(untouched, { template: 'nope' }, ctx)).toThrow(SchemaError)
    expect(Y.encodeStateAsUpdate(untouched)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()))
  })
})
