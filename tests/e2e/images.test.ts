/**
 * Photos of paper posters in a real Chromium: a participant drops a PNG on a poster; it is
 * uploaded, placed where it was dropped, filed under that poster, drawn for everyone, and moved
 * by dragging. A picture over the size limit is refused with the reason, and nothing is added.
 * A photo the facilitator locks can be neither moved, resized nor deleted by a participant: not
 * in the browser, and not by a stock client writing to the document either (the server refuses).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { tinyPng } from '../helpers/png.ts'
import { startE2EApp, type E2EApp } from './app.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually } from './browser.ts'
import { LOCAL_ORIGIN, updateItem } from '../../shared/doc/index.ts'
import { CLOSE_FORBIDDEN } from '../../shared/protocol/messages.ts'
import { connectPerson, newPerson } from '../integration/facilitation-client.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { FacilitationPage } from './pages/FacilitationPage.ts'

const run = browserAvailable()
if (!run) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)

/** Drops a file with these bytes on the canvas at a canvas point, as a file manager would. */
async function dropFile(
  page: BoardPage,
  at: { x: number; y: number },
  bytes: Uint8Array,
  name: string,
  /** Padded with zeros to this size, made in the page (big files are slow to send there). */
  size = bytes.length,
): Promise<void> {
  const p = await page.canvasPoint(at.x, at.y)
  await page.page.evaluate(
    ({ data, name, x, y, size }) => {
      const content = new Uint8Array(size)
      content.set(data)
      const file = new File([content], name, { type: 'image/png' })
      const transfer = new DataTransfer()
      transfer.items.add(file)
      const target = document.querySelector('[data-testid=board-canvas]')!
      for (const type of ['dragover', 'drop'])
        target.dispatchEvent(
          new DragEvent(type, {
            dataTransfer: transfer,
            clientX: x,
            clientY: y,
            bubbles: true,
            cancelable: true,
          }),
        )
    },
    { data: [...bytes], name, x: p.x, y: p.y, size },
  )
}

describe.skipIf(!run)('photos of paper posters in the browser', () => {
  let app: E2EApp
  let board: CreatedBoard

  beforeAll(async () => {
    app = await startE2EApp('images')
    board = await createBoard(app.server.url, {
      title: 'Photos',
      template: 'roles-and-gaps',
      options: { groups: 2 },
    })
  })
  afterAll(() => app?.close())

  it('places a dropped photo on the poster under it, for everyone, and moves it', async () => {
    const ada = await new BoardPage(await app.newPage()).open(board.links.participant, 'Ada')
    const ben = await new BoardPage(await app.newPage()).open(board.links.participant, 'Ben')
    await ada.waitOnline()
    const poster = await ada.waitForItem((i) => i.text === 'Group 1', 'Group 1')
    const at = await ada.boardToCanvas(poster.x + 300, poster.y + 450)
    await dropFile(ada, at, tinyPng(320, 240), 'Group 1 poster.png')
    const photo = await ada.waitForItem((i) => i.kind === 'image', 'the photo')
    expect(photo.parentId).toBe(poster.id)
    expect(photo.text).toBe('Group 1 poster')
    await ben.waitForItem((i) => i.id === photo.id, 'the photo at Ben’s')
    // Drawn: the grey pixels of the photo, not the poster's white, in the middle of its box.
    const box = await ada.page.evaluate((id) => window.__canvas!.item(id), photo.id)
    const mid = await ada.boardToCanvas(box!.x + box!.w / 2, box!.y + box!.h / 2)
    await eventually(async () => {
      const [r, g, b] = await ada.page.evaluate(
        ({ x, y }) => window.__canvas!.pixel('items', x, y),
        mid,
      )
      return r! < 160 && Math.abs(r! - g!) < 8 && Math.abs(g! - b!) < 8
    }, 'the photo drawn')
    await ada.screenshot(join(ARTIFACTS, 'e2e-images-dropped.png'))
    // Moved like anything else on the board.
    await ada.clickCanvas(10, 10)
    await ada.drag(mid, { x: mid.x + 80, y: mid.y + 40 })
    await ben.waitForItem((i) => i.id === photo.id && i.x > photo.x + 100, 'moved at Ben’s')
  })

  it('refuses a photo over the limit, saying so, and adds nothing', async () => {
    const ada = await new BoardPage(await app.newPage()).open(board.links.participant, 'Ada')
    await ada.waitOnline()
    const before = (await ada.summary()).items.length
    await dropFile(ada, { x: 400, y: 300 }, tinyPng(2, 2), 'huge.png', 10 * 1024 * 1024 + 10)
    const alert = ada.page.getByTestId('image-error')
    await alert.waitFor()
    expect(await alert.innerText()).toContain('larger than 10 MB')
    expect((await ada.summary()).items.length).toBe(before)
  })

  it('keeps a locked photo where the facilitator put it: no participant moves, resizes or deletes it', async () => {
    const lead = new FacilitationPage(await app.newPage())
    await lead.open(board.links.facilitator, 'Fran')
    const ada = await new BoardPage(await app.newPage()).open(board.links.participant, 'Ada')
    await lead.waitOnline()
    await ada.waitOnline()
    const poster = await lead.waitForItem((i) => i.text === 'Group 2', 'Group 2')
    const before = new Set((await lead.summary()).items.map((i) => i.id))
    await dropFile(
      lead,
      await lead.boardToCanvas(poster.x + 300, poster.y + 450),
      tinyPng(320, 240),
      'wall.png',
    )
    const photo = await lead.waitForItem(
      (i) => i.kind === 'image' && !before.has(i.id),
      'the photo',
    )
    // The facilitator selects it and locks it.
    const centre = async (p: BoardPage) => {
      const item = (await p.page.evaluate((id) => window.__canvas!.item(id), photo.id))!
      return p.boardToCanvas(item.x + item.w / 2, item.y + item.h / 2)
    }
    const mid = await centre(lead)
    await lead.clickCanvas(mid.x, mid.y)
    await eventually(
      async () => (await lead.page.evaluate(() => window.__canvas!.selection())).includes(photo.id),
      'the photo selected',
    )
    await lead.tab('room')
    await lead.page.getByTestId('lock').click()
    const record = (p: BoardPage) => p.page.evaluate((id) => window.__canvas!.item(id), photo.id)
    const locked = await eventually(async () => {
      const item = await record(ada)
      return item?.locked === true && item
    }, 'locked at Ada’s')
    const same = (i: { x: number; y: number; w: number; h: number }) =>
      i.x === locked.x && i.y === locked.y && i.w === locked.w && i.h === locked.h

    // Ada clicks it: it is not selected, so it has no handles to resize it by.
    const at = await centre(ada)
    await ada.clickCanvas(at.x, at.y)
    expect(await ada.page.evaluate(() => window.__canvas!.selection())).not.toContain(photo.id)
    // She drags it, and drags where its bottom-right handle would be.
    await ada.drag(at, { x: at.x + 120, y: at.y + 60 })
    const corner = await ada.boardToCanvas(locked.x + locked.w, locked.y + locked.h)
    await ada.drag(corner, { x: corner.x + 80, y: corner.y + 80 })
    // Select all and delete: everything else she may touch, never the locked photo.
    await ada.clickCanvas(5, 5)
    await ada.page.keyboard.press('Control+a')
    expect(await ada.page.evaluate(() => window.__canvas!.selection())).not.toContain(photo.id)
    await ada.page.keyboard.press('Escape')
    await ada.page.waitForTimeout(500)
    const atAda = await record(ada)
    expect(atAda && same(atAda)).toBe(true)
    await ada.screenshot(join(ARTIFACTS, 'e2e-images-locked.png'))

    // A stock client with the participant's link that writes the change anyway is refused.
    const edits: [string, (doc: Y.Doc) => void][] = [
      ['moves', (d) => updateItem(d, photo.id, { x: locked.x + 500 }, LOCAL_ORIGIN)],
      [
        'resizes',
        (d) => updateItem(d, photo.id, { w: locked.w * 2, h: locked.h * 2 }, LOCAL_ORIGIN),
      ],
      ['deletes', (d) => d.getMap('items').delete(photo.id)],
    ]
    for (const [what, edit] of edits) {
      const p = connectPerson(app.server.url, board.id, board.tokens.participant, await newPerson())
      try {
        await p.synced()
        edit(p.doc)
        await eventually(() => p.closes[0]?.code === CLOSE_FORBIDDEN, `${what}: closed with 4403`)
      } finally {
        p.destroy()
      }
    }
    await lead.page.waitForTimeout(500)
    for (const page of [lead, ada]) {
      const item = await record(page)
      expect(item && same(item)).toBe(true)
    }
  })
})
