import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addItems, connectors, initBoard } from '../../shared/doc/index.ts'
import { SYSTEM_ORIGIN } from '../../shared/doc/origins.ts'
import { renderExport, snapshotBoard } from '../../shared/export/index.ts'
import { orderSteps } from '../../shared/export/process.ts'
import { arrow, frame, note } from '../fixtures/board-builder.ts'
import { PROCESS_STEPS, SEED_AUTHORS, buildSeedBoard } from '../fixtures/seed-board.ts'

describe('board snapshot', () => {
  const s = snapshotBoard(buildSeedBoard())

  it('lists posters in reading order with their lanes and tag names', () => {
    expect(s.posters.map((p) => p.title)).toEqual([
      'Group 2',
      'Group 3',
      'Wikimedia - WMF & WMDE product development',
      '3rd Party',
    ])
    const [g2] = s.posters
    expect(g2!.lanes.map((l) => [l.title, l.notes.length])).toEqual([
      ['Role / Motivation / Goal', 4],
      ['Gaps, unclarities, blockers', 6],
    ])
    expect(g2!.lanes[1]!.notes[1]).toMatchObject({
      text: 'Long Term maintenance',
      tags: ['PM', 'CP', 'RE'],
    })
    expect(s.looseNotes.map((n) => n.text)).toEqual(['Code review (mentioned by several groups)'])
  })

  it('follows the arrows of a process map, not the reading order', () => {
    const process = s.posters[2]!.process!
    expect(process.steps.map((st) => st.text)).toEqual([...PROCESS_STEPS])
    expect(process.steps.map((st) => st.state)).toEqual([
      'exists',
      'missing',
      'exists',
      'exists',
      'missing',
      'missing',
    ])
    expect(process.connections.map((c) => [c.from, c.to, c.marker, c.line])).toEqual([
      [1, 2, 'heart', 'solid'],
      [2, 3, 'question', 'solid'],
      [3, 4, 'none', 'solid'],
      [4, 5, 'none', 'broken'],
      [5, 6, 'none', 'solid'],
    ])
    expect(s.posters[0]!.process).toBeNull()
  })

  it('groups takeaways under the poster headings with revealed votes', () => {
    expect(s.posters[3]!.takeaways.map((g) => [g.heading, g.items.map((n) => n.votes)])).toEqual([
      ['Currently not working well:', [0, 1, 9, 3]],
      ['Identified takeaways', [16]],
    ])
  })

  it('has results only for revealed rounds, ranked', () => {
    expect(s.rounds.map((r) => r.id)).toEqual(['r-takeaways'])
    const [round] = s.rounds
    expect(round!.results.slice(0, 2).map((r) => [r.text, r.votes])).toEqual([
      ['How do we plan for maintenance once a product is in production?', 21],
      ['Governing body, SIG with regular meetings and diverse participation', 16],
    ])
    expect(round!.results.every((r) => r.votes > 0)).toBe(true)
    // The setup asks for "(0)": nobody's choices are listed with their poster.
    const third = round!.groups.find((g) => g.poster === '3rd Party')!
    expect(third.parts.map((p) => [p.heading, p.results.map((r) => r.votes)])).toEqual([
      ['Currently not working well:', [0, 1, 9, 3]],
      ['Identified takeaways', [16]],
    ])
    expect(round!.totalDots).toBe(79)
  })

  it('keeps the five structured-notes sections and answers per setup question', () => {
    expect(s.sections.map((x) => x.title)).toEqual([
      'Questions and answers',
      'Features and goals',
      'Important decisions to make',
      'Action items',
      'New questions',
    ])
    expect(s.answers.map((a) => a.entries.length)).toEqual([1, 0, 1])
  })

  it('turns scribe notes into paragraphs and lists with bold runs', () => {
    const plenary = s.scribe.find((x) => x.scope === 'plenary')!
    expect(plenary.blocks[1]).toEqual({
      type: 'list',
      ordered: false,
      items: [
        [
          {
            type: 'paragraph',
            runs: [
              { text: '“Why We Need This Session” → ', bold: false },
              { text: 'not learning from mistakes can be dangerous', bold: true },
            ],
          },
        ],
        [
          { type: 'paragraph', runs: [{ text: 'Explanation of session format', bold: false }] },
          expect.objectContaining({ type: 'list', ordered: false }),
        ],
      ],
    })
    expect(s.scribe.map((x) => x.title)).toEqual([
      'Plenary',
      'Wikimedia - WMF & WMDE product development',
    ])
  })
})

describe('anonymity', () => {
  const doc = buildSeedBoard()
  const everything = (opts: Parameters<typeof renderExport>[2]) =>
    (['wikitext', 'markdown', 'csv', 'json'] as const)
      .map((f) => renderExport(doc, f, opts).body)
      .join('\n')

  it('names nobody by default', () => {
    const out = everything({})
    for (const id of [...SEED_AUTHORS, 'person-1', 'person-12']) {
      expect(out).not.toMatch(new RegExp(`"${id}"|,${id},|\\b${id}\\b(?!-)`))
    }
    expect(JSON.parse(renderExport(doc, 'json').body).board.records).toContainEqual(
      expect.objectContaining({ id: 'f-group2-rmg-0', authorId: 'anon-1' }),
    )
  })

  it('names only the people who agreed', () => {
    const s = snapshotBoard(doc, { namedAuthors: new Set(['greg']) })
    const authors = new Set(
      s.posters.flatMap((p) => p.lanes.flatMap((l) => l.notes.map((n) => n.author))),
    )
    expect([...authors].sort()).toEqual(['greg', null])
    const csv = renderExport(doc, 'csv', { namedAuthors: new Set(['greg']) }).body
    expect(csv).toContain(',greg,')
    expect(csv).not.toMatch(/birgit|p-anna|p-ben/)
    const json = renderExport(doc, 'json', { namedAuthors: new Set(['greg']) }).body
    expect(json).toContain('"authorId": "greg"')
    expect(json).not.toMatch(/birgit|p-anna|p-ben|"deb"/)
  })

  it('never exposes voters of anonymous rounds, even when everyone may be named', () => {
    const s = snapshotBoard(doc, { namedAuthors: 'all' })
    expect(s.rounds[0]!.results.every((r) => r.voters.length === 0)).toBe(true)
    const out = everything({ namedAuthors: 'all' })
    expect(out).not.toMatch(/person-\d/)
    expect(out).toContain('"voterId": "voter-1"')
    expect(out).toContain('birgit') // authors are named when everyone agreed
  })
})

describe('process step order', () => {
  it('enters a cycle at the first step in reading order and places every step once', () => {
    expect(
      orderSteps(
        ['a', 'b', 'c'],
        [
          { from: 'b', to: 'c' },
          { from: 'c', to: 'b' },
          { from: 'a', to: 'c' },
        ],
      ),
    ).toEqual(['a', 'b', 'c'])
    expect(
      orderSteps(
        ['x', 'y'],
        [
          { from: 'y', to: 'x' },
          { from: 'x', to: 'y' },
        ],
      ),
    ).toEqual(['x', 'y'])
    expect(
      orderSteps(
        ['c', 'b', 'a'],
        [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c' },
        ],
      ),
    ).toEqual(['a', 'b', 'c'])
  })

  it('reads an arrow drawn only at its start backwards', () => {
    const doc = new Y.Doc()
    initBoard(doc)
    addItems(
      doc,
      [
        frame('f', {}),
        note('one', { parentId: 'f', x: 500, text: 'One' }),
        note('two', { parentId: 'f', text: 'Two' }),
      ],
      SYSTEM_ORIGIN,
    )
    connectors(doc).add(
      [arrow('c', 'two', 'one', { arrowStart: true, arrowEnd: false })],
      SYSTEM_ORIGIN,
    )
    expect(snapshotBoard(doc).posters[0]!.process!.steps.map((x) => x.text)).toEqual(['One', 'Two'])
  })
})
