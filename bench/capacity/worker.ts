/**
 * One load process of the capacity bench: opens its share of a room's editors and viewers and
 * keeps them busy until told to stop. Editors hold a Y.Doc with one post-it of their own (they
 * do not apply what they receive, like the burst writers), edit it every `editEveryMs` and move
 * their cursor `cursorHz` times a second; viewers only read. Talks to the bench over IPC:
 * receives a WorkerTask, answers 'ready' once every socket is synced, then a WorkerReport after
 * 'stop'.
 */
import * as Y from 'yjs'
import { addItems, LOCAL_ORIGIN, updateItem } from '../../shared/doc/index.ts'
import { recordTypes } from '../../shared/schema/index.ts'
import { encodeAwareness, openMany } from '../clients.ts'

export interface WorkerTask {
  index: number
  editorUrl: string
  viewerUrl: string
  editors: number
  viewers: number
  editEveryMs: number
  cursorHz: number
  /** Viewers (besides `viewers`) that read at most `throttleBytesPerSec`: clients on slow links. */
  throttled: number
  throttleBytesPerSec: number
}

export interface WorkerReport {
  opened: number
  /** Sockets the server closed while the load ran (any close we did not ask for). */
  dropped: number
  closeCodes: number[]
  /** Throttled sockets the server closed (expected: CLOSE_BEHIND), not counted as dropped. */
  throttledClosed: number
  throttledCloseCodes: number[]
  edits: number
  cursorMoves: number
  bytesIn: number
  messagesIn: number
  awarenessIn: number
  /** Largest send buffer seen on an editor: the client side keeping up or not. */
  maxBufferedBytes: number
}

/**
 * Load clients speak WebSocket through LeanSocket (BENCH_CAPACITY_WS=1: through `ws`, as before):
 * a thousand `ws` clients cost about as much CPU as the server they load.
 */
const LEAN = process.env.BENCH_CAPACITY_WS !== '1'

type Message = { type: 'task'; task: WorkerTask } | { type: 'stop' }

const send = (msg: unknown) => process.send?.(msg)

async function run(task: WorkerTask): Promise<void> {
  let stopping = false
  const report: WorkerReport = {
    opened: 0,
    dropped: 0,
    closeCodes: [],
    throttledClosed: 0,
    throttledCloseCodes: [],
    edits: 0,
    cursorMoves: 0,
    bytesIn: 0,
    messagesIn: 0,
    awarenessIn: 0,
    maxBufferedBytes: 0,
  }
  const onClose = (code: number) => {
    if (stopping) return
    report.dropped++
    if (report.closeCodes.length < 20) report.closeCodes.push(code)
  }
  const docs = Array.from({ length: task.editors }, () => new Y.Doc())
  const editors = await openMany(
    task.editors,
    task.editorUrl,
    (i) => ({ doc: docs[i], applyIncoming: false, onClose, lean: LEAN }),
    20,
  )
  const viewers = await openMany(task.viewers, task.viewerUrl, () => ({ onClose, lean: LEAN }), 25)
  const onThrottledClose = (code: number) => {
    if (stopping) return
    report.throttledClosed++
    if (report.throttledCloseCodes.length < 20) report.throttledCloseCodes.push(code)
  }
  const slow = await openMany(
    task.throttled,
    task.viewerUrl,
    () => ({ onClose: onThrottledClose, lean: LEAN }),
    25,
  )
  for (const c of slow) c.throttle(task.throttleBytesPerSec)
  const all = [...editors, ...viewers, ...slow]
  report.opened = all.length

  const noteOf = (i: number) => `cap-${task.index}-${i}`
  docs.forEach((doc, i) =>
    addItems(
      doc,
      [
        {
          id: noteOf(i),
          kind: 'note',
          ...recordTypes.note.defaults(),
          x: i * 200,
          y: task.index * 200,
        },
      ],
      LOCAL_ORIGIN,
    ),
  )
  const presence = (i: number, role: string, cursor: { x: number; y: number } | null) => ({
    user: { id: `cap-${task.index}-${role}-${i}`, name: `${role} ${i}`, color: '#336699', role },
    cursor,
    selection: [],
  })
  const clocks = all.map(() => 0)
  all.forEach((c, i) => {
    const role = i < editors.length ? 'participant' : 'viewer'
    c.send(
      encodeAwareness(
        docs[i]?.clientID ?? 1_000_000 + task.index * 10_000 + i,
        ++clocks[i]!,
        presence(i, role, null),
      ),
    )
  })
  send({ type: 'ready' })

  // One ticker for all clients, each on its own phase, so load is spread over time.
  const start = performance.now()
  const cursorEveryMs = 1000 / task.cursorHz
  const nextEdit = editors.map(() => start + Math.random() * task.editEveryMs)
  const nextCursor = editors.map(() => start + Math.random() * cursorEveryMs)
  let seq = 0
  const tick = setInterval(() => {
    const now = performance.now()
    editors.forEach((client, i) => {
      const doc = docs[i]!
      if (now >= nextEdit[i]!) {
        nextEdit[i]! += task.editEveryMs
        updateItem(doc, noteOf(i), { x: i * 200 + (++seq % 50), text: `edit ${seq}` }, LOCAL_ORIGIN)
        report.edits++
      }
      if (now >= nextCursor[i]!) {
        nextCursor[i]! += cursorEveryMs
        const cursor = { x: Math.round(Math.random() * 4000), y: Math.round(Math.random() * 3000) }
        client.send(encodeAwareness(doc.clientID, ++clocks[i]!, presence(i, 'participant', cursor)))
        report.cursorMoves++
      }
      report.maxBufferedBytes = Math.max(report.maxBufferedBytes, client.bufferedAmount)
    })
  }, 10)

  await new Promise<void>((resolve) =>
    process.on('message', (msg: Message) => {
      if (msg.type === 'stop') resolve()
    }),
  )
  stopping = true
  clearInterval(tick)
  for (const c of all) {
    report.bytesIn += c.bytesIn
    report.messagesIn += c.messagesIn
    report.awarenessIn += c.awarenessIn
  }
  await Promise.all(all.map((c) => c.close()))
  send({ type: 'report', report })
}

process.on('message', (msg: Message) => {
  if (msg.type !== 'task') return
  run(msg.task).catch((err: unknown) => {
    send({
      type: 'error',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    })
  })
})
process.on('disconnect', () => process.exit(0))
