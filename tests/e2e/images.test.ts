/**
 * Photos of paper posters in a real Chromium: a participant drops a PNG on a poster; it is
 * uploaded, placed where it was dropped, filed under that poster, drawn for everyone, and moved
 * by dragging. A picture over the size limit is refused with the reason, and nothing is added.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { tinyPng } from '../helpers/png.ts'
import { startE2EApp, type E2EApp } from './app.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually } from './browser.ts'
import { BoardPage } from './pages/BoardPage.ts'

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
})
