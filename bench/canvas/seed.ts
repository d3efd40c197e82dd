/**
 * A big board for the canvas bench: posters with two lanes, 10,000 post-its in their lanes and
 * 2,000 arrows between neighbours with every style (hearts, question marks, broken lines).
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { connectors, items, tags } from '../../shared/doc/index.ts'
import {
  newId,
  NOTE_COLORS,
  recordTypes,
  type ConnectorRecord,
  type FrameRecord,
  type Item,
  type NoteRecord,
  type TagRecord,
} from '../../shared/schema/index.ts'
import { createBoard } from '../../shared/templates/index.ts'

export interface SeedSize {
  notes: number
  connectors: number
}

const NOTE = 200
const GAP = 40
const PER_POSTER_SIDE = 20

/** Fills a Y.Doc and returns it as one update. Deterministic layout, random ids. */
export function seedUpdate({ notes, connectors: arrows }: SeedSize): Uint8Array {
  const doc = new Y.Doc()
  createBoard(doc, { title: 'Canvas bench', template: 'blank' }, { now: 1, authorId: '' })
  const now = 1
  const tagList: TagRecord[] = ['PM', 'SRE', '3rd party'].map((name, i) => ({
    id: newId(),
    kind: 'tag',
    name,
    color: NOTE_COLORS[i + 3]!,
  }))
  const perPoster = PER_POSTER_SIDE * PER_POSTER_SIDE
  const posters = Math.ceil(notes / perPoster)
  const postersPerRow = Math.ceil(Math.sqrt(posters))
  const side = PER_POSTER_SIDE * (NOTE + GAP) + 200
  const frames: FrameRecord[] = []
  const list: Item[] = []
  for (let p = 0; p < posters; p++) {
    const fx = (p % postersPerRow) * (side + 300)
    const fy = Math.floor(p / postersPerRow) * (side + 400)
    frames.push({
      id: newId(),
      kind: 'frame',
      ...recordTypes.frame.defaults(),
      x: fx,
      y: fy,
      w: side,
      h: side + 100,
      z: 0,
      title: `Group ${p + 1}`,
      lanes: [
        { id: newId(), title: 'Role / Motivation / Goal' },
        { id: newId(), title: 'Gaps, unclarities, blockers' },
      ],
    })
  }
  const noteList: NoteRecord[] = []
  for (let i = 0; i < notes; i++) {
    const frame = frames[Math.floor(i / perPoster)]!
    const k = i % perPoster
    const col = k % PER_POSTER_SIDE
    const row = Math.floor(k / PER_POSTER_SIDE)
    noteList.push({
      id: newId(),
      kind: 'note',
      ...recordTypes.note.defaults(),
      x: frame.x + 100 + col * (NOTE + GAP),
      y: frame.y + 140 + row * (NOTE + GAP),
      w: NOTE,
      h: NOTE,
      z: 1 + i,
      parentId: frame.id,
      laneId: frame.lanes[col < PER_POSTER_SIDE / 2 ? 0 : 1]!.id,
      color: NOTE_COLORS[i % 6]!,
      text: `Post-it ${i + 1}: who owns the deploy of feature ${i % 97}?`,
      tags: i % 3 === 0 ? [tagList[i % 3]!.id] : [],
      step: i % 11 === 0 ? 'missing' : i % 7 === 0 ? 'exists' : 'none',
      involved: i % 5 === 0 ? 'PM, SRE' : '',
      createdAt: now,
      updatedAt: now,
    })
  }
  list.push(...frames, ...noteList)
  const arrowList: ConnectorRecord[] = []
  for (let c = 0; c < arrows && c * 5 + 1 < noteList.length; c++) {
    const a = noteList[c * 5]!
    const b = noteList[c * 5 + 1]!
    arrowList.push({
      id: newId(),
      kind: 'connector',
      ...recordTypes.connector.defaults(),
      from: { itemId: a.id, x: a.x + a.w, y: a.y + a.h / 2 },
      to: { itemId: b.id, x: b.x, y: b.y + b.h / 2 },
      line: c % 4 === 1 ? 'broken' : 'solid',
      marker: c % 3 === 0 ? 'heart' : c % 3 === 1 ? 'question' : 'none',
      label: c % 10 === 0 ? 'hand-over' : '',
      z: notes + 1 + c,
      createdAt: now,
      updatedAt: now,
    })
  }
  tags(doc).add(tagList, 'seed')
  for (let i = 0; i < list.length; i += 1000) items(doc).add(list.slice(i, i + 1000), 'seed')
  connectors(doc).add(arrowList, 'seed')
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/**
 * seedUpdate in a child process: building the board leaves a few hundred megabytes of garbage,
 * which would otherwise be collected in the middle of the measurement, by the process that also
 * runs the server under test.
 */
export function seedUpdateApart(size: SeedSize): Uint8Array {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(size)],
    { maxBuffer: 1 << 30 },
  )
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(seedUpdate(JSON.parse(process.argv[2]!) as SeedSize))
}
