/**
 * `npm run bench:hostile`: how long one update, however crafted, holds our server's event loop.
 * The server runs in its own process (limits off, so that only the update's own cost counts); a
 * probe on another board pings every 10 ms and the longest wait for an answer is the stall. Each
 * update is built before the probe starts and sent alone over a raw socket; the table says what
 * the server did with it (accepted, or the close code) and the stall it caused.
 */
import * as encoding from 'lib0/encoding'
import { loadavg } from 'node:os'
import * as Y from 'yjs'
import { addItems, items, LOCAL_ORIGIN, deleteItems } from '../shared/doc/index.ts'
import { recordTypes, type NoteRecord } from '../shared/schema/index.ts'
import { openRawSocket, updateFrame } from '../tests/helpers/raw-socket.ts'
import { startStallProbe } from '../tests/helpers/stall-probe.ts'
import { killAllChildren, Target } from './servers.ts'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const HOST = '127.0.0.1'
/** How long an accepted update is given to be handled before the probe stops. */
const SETTLE_MS = 1_500

interface Created {
  id: string
  tokens: Record<'facilitator' | 'participant' | 'viewer', string>
}

const note = (id: string, text = id): NoteRecord => ({
  ...recordTypes.note.defaults(),
  id,
  kind: 'note',
  text,
})

/** An update made on top of `base` (the board's content as the attacker knows it). */
function editOf(base: Uint8Array | null, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  if (base) Y.applyUpdate(doc, base)
  const before = Y.encodeStateVector(doc)
  edit(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

/** Only deletions, of content nobody has: the update that once broke boards for good. */
function deletesOnly(ranges: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, 9_000_000)
  encoding.writeVarUint(e, ranges)
  for (let r = 0; r < ranges; r++) {
    encoding.writeVarUint(e, 1_000_000 + r * 2)
    encoding.writeVarUint(e, 1)
  }
  return encoding.toUint8Array(e)
}

const pasted = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => note(`p${from + i}`, `idea ${from + i}`))

/** Post-its on the attacked board, sent in updates of 2,000 (the most one update may hold). */
const BOARD_NOTES = 10_000

/** Each case: a name and the update, built from what the attacked board holds. */
const CASES: [string, (board: Uint8Array) => Uint8Array | null][] = [
  // The probe alone: what the machine's scheduling costs with no attack at all.
  ['nothing (the probe alone)', () => null],
  [
    '300,000 items, one by one (4 MiB)',
    () =>
      editOf(null, (d) => {
        const list = d.getArray<number>('items')
        d.transact(() => {
          for (let i = 0; i < 300_000; i++) list.insert(0, [i])
        })
      }),
  ],
  ['1,000,000 deletions of content nobody has', () => deletesOnly(1_000_000)],
  ['4 MiB that is no update', () => new Uint8Array(4 << 20).map((_, i) => (i * 7919) % 251)],
  [
    '9,999 records of no kind',
    (b) =>
      editOf(b, (d) =>
        d.transact(() => {
          for (let i = 0; i < 9_999; i++) items(d).map.set(`k${i}`, new Y.Map())
        }),
      ),
  ],
  [
    'a 4,900-character text typed backwards (4,900 items)',
    (b) =>
      editOf(b, (d) => {
        const text = items(d).map.get('p0')!.get('text') as Y.Text
        d.transact(() => {
          for (let i = 0; i < 4_900; i++) text.insert(0, 'x')
        })
      }),
  ],
  [
    '2,000 post-its pasted at once (10,000 items)',
    () =>
      editOf(null, (d) =>
        addItems(
          d,
          pasted(2_000).map((n) => ({ ...n, id: `q${n.id}` })),
          LOCAL_ORIGIN,
        ),
      ),
  ],
  [
    '2,000 post-its deleted at once',
    (b) =>
      editOf(b, (d) =>
        deleteItems(
          d,
          pasted(2_000).map((n) => n.id),
          LOCAL_ORIGIN,
        ),
      ),
  ],
  [
    'the other 8,000 deleted at once (one delete range)',
    (b) =>
      editOf(b, (d) =>
        deleteItems(
          d,
          pasted(BOARD_NOTES - 2_000, 2_000).map((n) => n.id),
          LOCAL_ORIGIN,
        ),
      ),
  ],
]

async function main() {
  const target = new Target('ours', {
    outDir: mkdtempSync(join(tmpdir(), 'bench-hostile-')),
    profile: false,
  })
  await target.start()
  const http = `http://${HOST}:${target.port}`
  const create = async (): Promise<Created> => {
    const res = await fetch(`${http}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'hostile' }),
    })
    return (await res.json()) as Created
  }
  const send = async (board: Created, update: Uint8Array) => {
    const socket = openRawSocket(http, board.id, board.tokens.participant)
    await socket.opened
    const closed = socket.closed.then((c) => `closed ${c.code}`)
    socket.send(updateFrame(update))
    const outcome = await Promise.race([
      closed,
      new Promise<string>((r) => setTimeout(() => r('accepted'), SETTLE_MS)),
    ])
    socket.ws.close()
    return outcome
  }
  try {
    const quiet = await create()
    const attacked = await create()
    // Someone stays on each board, so that it stays loaded: loading a board is not measured.
    const holders = [quiet, attacked].map((b) => openRawSocket(http, b.id, b.tokens.viewer))
    await Promise.all(holders.map((h) => h.opened))
    // The board holds 10,000 post-its, for the cases that edit what it has.
    const fills: Uint8Array[] = []
    for (let from = 0; from < BOARD_NOTES; from += 2_000)
      fills.push(
        editOf(fills.length ? Y.mergeUpdates(fills) : null, (d) =>
          addItems(d, pasted(2_000, from), LOCAL_ORIGIN),
        ),
      )
    const content = Y.mergeUpdates(fills)
    for (const fill of fills)
      if ((await send(attacked, fill)) !== 'accepted') throw new Error('could not fill the board')
    // A server that has run a while has compiled its paths: each case once first, unmeasured.
    const warm = await create()
    const warmHolder = openRawSocket(http, warm.id, warm.tokens.viewer)
    await warmHolder.opened
    for (const fill of fills) await send(warm, fill)
    for (const [, build] of CASES) {
      const update = build(content)
      if (update) await send(warm, update)
    }
    warmHolder.ws.close()
    const rows: string[] = []
    for (const [name, build] of CASES) {
      const update = build(content)
      const probe = await startStallProbe(http, quiet.id, quiet.tokens.viewer)
      await new Promise((r) => setTimeout(r, 100))
      const outcome = update
        ? await send(attacked, update)
        : await new Promise<string>((r) => setTimeout(() => r('-'), SETTLE_MS))
      const { maxRttMs, answered } = probe.stop()
      rows.push(
        `| ${name} | ${((update?.length ?? 0) / 1024).toFixed(0)} KiB | ${outcome} | ${maxRttMs} ms (${answered} pings) |`,
      )
      process.stderr.write(`${rows.at(-1)}\n`)
    }
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    )
    console.log('| update | size | outcome | longest stall of another board |')
    console.log('| --- | --- | --- | --- |')
    for (const row of rows) console.log(row)
  } finally {
    await target.dispose()
    killAllChildren()
  }
}

await main()
