/**
 * Process maps and posters in a real Chromium against a real server: boards from each template,
 * an arrow drawn between two post-its from a connection handle, a heart and a broken line set in
 * the inspector and seen on the canvas, the arrow following a moved post-it (in the document and
 * on screen), arrow labels and free labels edited in place, arrows picked when zoomed far out,
 * tags, copy and paste, and right-to-left and CJK text. Screenshots go to tests/artifacts/ to be
 * looked at.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2EApp, type E2EApp } from './app.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually } from './browser.ts'
import { ProcessMapPage } from './pages/ProcessMapPage.ts'
import { copyPayload } from '../../client/editor/clipboard.ts'
import { recordTypes } from '../../shared/schema/index.ts'

const run = browserAvailable()
if (!run) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)

describe.skipIf(!run)('process maps and posters in the browser', { timeout: 90_000 }, () => {
  let app: E2EApp
  let ada: ProcessMapPage

  const newPage = async () => {
    const context = await app.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const page = await context.newPage()
    page.on('pageerror', (err) => console.error('[page error]', err.message))
    return page
  }

  beforeAll(async () => {
    app = await startE2EApp('pm')
  })
  afterAll(() => app?.close())

  it('creates an "Ideal process" board with its posters and legend', async () => {
    const page = new ProcessMapPage(await newPage())
    await page.createBoardOf(app.server.url, 'Ideal process', 'ideal-process', async (p) => {
      await p.getByTestId('template-focuses').fill('Volunteers\nStaff')
    })
    const items = await eventually(async () => {
      const s = (await page.summary()).items
      return s.length > 0 && s
    }, 'the template items')
    expect(items.filter((i) => i.kind === 'frame').map((i) => i.text)).toEqual([
      'Volunteers',
      'Staff',
    ])
    const arrows = await page.connectors()
    expect(arrows.map((c) => [c.marker, c.line]).sort()).toEqual([
      ['heart', 'solid'],
      ['none', 'broken'],
      ['question', 'solid'],
    ])
    // The legend's heart is drawn red where the document says.
    const heart = arrows.find((c) => c.marker === 'heart')!
    const drawn = await eventually(
      async () => (await page.drawn()).find((d) => d.id === heart.id),
      'the heart drawn',
    )
    const [r, g, b] = await page.pixel('connectors', drawn.mid.x, drawn.mid.y)
    expect(r).toBeGreaterThan(180)
    expect(g! + b!).toBeLessThan(200)
    await page.screenshot(join(ARTIFACTS, 'pm-template-ideal-process.png'))
  })

  it('creates a "Roles and gaps" board with a poster of two lanes per group', async () => {
    const page = new ProcessMapPage(await newPage())
    await page.createBoardOf(app.server.url, 'Roles and gaps', 'roles-and-gaps', async (p) => {
      await p.getByTestId('template-groups').fill('3')
    })
    const frames = await eventually(async () => {
      const f = (await page.summary()).items.filter((i) => i.kind === 'frame')
      return f.length === 3 && f
    }, 'three posters')
    expect(frames.map((f) => f.text).sort()).toEqual(['Group 1', 'Group 2', 'Group 3'])
    await page.screenshot(join(ARTIFACTS, 'pm-template-roles-and-gaps.png'))
  })

  it('creates a blank board', async () => {
    ada = new ProcessMapPage(await newPage())
    await ada.createBoardOf(app.server.url, 'Process map', 'blank')
    expect((await ada.summary()).items).toEqual([])
    expect(await ada.connectors()).toEqual([])
  })

  it('draws an arrow from a handle, sets a heart and a broken line, and follows a moved post-it', async () => {
    const a = await ada.writeNoteAt(300, 300, 'Idea triage')
    const b = await ada.writeNoteAt(750, 300, 'Design review')

    const arrow = await ada.connect(a, b)
    expect(arrow.from.itemId).toBe(a)
    expect(arrow.to.itemId).toBe(b)
    expect(arrow.arrowEnd).toBe(true)
    // The new arrow is selected: style it in the inspector.
    expect(await ada.selection()).toEqual([arrow.id])
    await ada.pick('connector-marker', 'heart')
    await ada.pick('connector-line', 'broken')
    await ada.page.getByTestId('connector-label').fill('hand-over')
    const styled = await eventually(async () => {
      const c = (await ada.connectors()).find((x) => x.id === arrow.id)
      return c?.marker === 'heart' && c.line === 'broken' && c.label === 'hand-over' && c
    }, 'the heart, broken line and label in the document')
    expect(styled.from.itemId).toBe(a)

    const before = (await ada.drawn()).find((d) => d.id === arrow.id)!
    const [r, g, bl] = await ada.pixel('connectors', before.mid.x, before.mid.y)
    expect(r).toBeGreaterThan(180)
    expect(g! + bl!).toBeLessThan(200)
    await ada.page.screenshot({ path: join(ARTIFACTS, 'pm-arrow-heart.png') })

    // Move post-it B down by 200 pixels: the arrow's end follows it.
    const boxB = await ada.screenBox(b)
    await ada.page.keyboard.press('Escape')
    await ada.drag(
      { x: boxB.x + boxB.w / 2, y: boxB.y + boxB.h / 2 },
      { x: boxB.x + boxB.w / 2, y: boxB.y + boxB.h / 2 + 200 },
    )
    const followed = await eventually(async () => {
      const c = (await ada.connectors()).find((x) => x.id === arrow.id)!
      return c.to.y > styled.to.y + 50 && c
    }, 'the stored end to follow the post-it')
    expect(followed.to.itemId).toBe(b)
    const after = await eventually(async () => {
      const d = (await ada.drawn()).find((x) => x.id === arrow.id)!
      return d.end.y > before.end.y + 100 && d
    }, 'the drawn arrow to follow the post-it')
    const newB = await ada.screenBox(b)
    // The drawn end sits on B's border.
    expect(after.end.x).toBeGreaterThanOrEqual(newB.x - 10)
    expect(after.end.y).toBeLessThanOrEqual(newB.y + newB.h + 10)
    expect(after.end.y).toBeGreaterThanOrEqual(newB.y - 10)
    await ada.page.screenshot({ path: join(ARTIFACTS, 'pm-arrow-followed.png') })
  })

  it('tags a post-it and marks its step, shown on the post-it', async () => {
    const note = (await ada.summary()).items.find((i) => i.text === 'Idea triage')!
    await ada.clickItem(note.id)
    await ada.addTag('SRE')
    await ada.addTag('3rd party')
    await ada.pick('note-step', 'missing')
    await ada.page.getByTestId('note-involved').fill('PM, volunteers')
    const tags = await eventually(async () => {
      const t = await ada.tags()
      return t.length === 2 && t
    }, 'two board tags')
    const box = await eventually(async () => {
      const i = await ada.itemBox(note.id)
      return i.tags?.length === 2 && i
    }, 'the post-it tagged')
    expect(new Set(box.tags)).toEqual(new Set(tags.map((t) => t.id)))
    await ada.page.screenshot({ path: join(ARTIFACTS, 'pm-tags-step.png') })
  })

  it('copies and pastes post-its with the arrow between them, also into another board', async () => {
    // Leave the inspector's fields: board shortcuts do not fire while typing.
    await ada.clickCanvas(640, 740)
    await ada.page.keyboard.press('Control+a')
    const before = await ada.summary()
    const arrowsBefore = await ada.connectors()
    const json = await ada.copy()
    expect(JSON.parse(json).type).toBe('workshop-board/clipboard')
    const p = await ada.canvasPoint(640, 620)
    await ada.page.mouse.move(p.x, p.y)
    await ada.paste(json)
    await eventually(
      async () => (await ada.summary()).items.length === before.items.length * 2,
      'the pasted post-its',
    )
    const arrows = await eventually(async () => {
      const c = await ada.connectors()
      return c.length === arrowsBefore.length * 2 && c
    }, 'the pasted arrow')
    const pasted = arrows.find((c) => !arrowsBefore.some((o) => o.id === c.id))!
    const oldIds = new Set(before.items.map((i) => i.id))
    expect(oldIds.has(pasted.from.itemId!)).toBe(false)
    expect(oldIds.has(pasted.to.itemId!)).toBe(false)
    expect(pasted.marker).toBe('heart')
    await ada.page.screenshot({ path: join(ARTIFACTS, 'pm-pasted.png') })
    // The paste is selected: Delete takes it away again, arrow and all.
    await ada.page.keyboard.press('Delete')
    await eventually(
      async () => (await ada.connectors()).length === arrowsBefore.length,
      'the pasted arrow deleted',
    )

    // Another board takes the same clipboard: fresh ids, the arrow, the tags by name.
    const other = new ProcessMapPage(await newPage())
    await other.createBoardOf(app.server.url, 'Other board', 'blank')
    await other.paste(json)
    await eventually(
      async () => (await other.summary()).items.length === before.items.length,
      'the post-its on the other board',
    )
    const otherArrows = await eventually(async () => {
      const c = await other.connectors()
      return c.length === arrowsBefore.length && c
    }, 'the arrow on the other board')
    expect(otherArrows[0]!.from.itemId).not.toBeNull()
    expect((await other.tags()).map((t) => t.name).sort()).toEqual(['3rd party', 'SRE'])
    await other.page.screenshot({ path: join(ARTIFACTS, 'pm-pasted-other-board.png') })
  })

  it('refuses a paste larger than one update holds, saying so, and stays editable', async () => {
    const page = new ProcessMapPage(await newPage())
    await page.createBoardOf(app.server.url, 'Big paste', 'blank')
    const before = (await page.summary()).items.length
    const notes = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...recordTypes.note.defaults(),
        id: `big${i}`,
        kind: 'note' as const,
        x: (i % 40) * 220,
        y: Math.floor(i / 40) * 220,
        text: `idea ${i}`,
      }))
    const json = (n: number) =>
      JSON.stringify(copyPayload(notes(n), [], new Set(), () => undefined))
    await page.paste(json(2_000))
    const notice = page.page.getByTestId('action-notice')
    await notice.waitFor()
    expect(await notice.textContent()).toMatch(/2,000.*Paste it in parts/)
    await page.page.screenshot({ path: join(ARTIFACTS, 'pm-paste-too-large.png') })
    expect((await page.summary()).items.length).toBe(before)
    // Still connected and editable: a paste of a few hundred goes through.
    await page.paste(json(300))
    await eventually(
      async () => (await page.summary()).items.length === before + 300,
      'the smaller paste',
    )
    expect(await page.page.getByText('read-only', { exact: false }).count()).toBe(0)
  })

  it('keeps a free end where a deleted post-it was', async () => {
    const arrow = (await ada.connectors())[0]!
    const to = arrow.to
    await ada.page.keyboard.press('Escape')
    await ada.clickItem(to.itemId!)
    await ada.page.keyboard.press('Delete')
    const after = await eventually(async () => {
      const c = (await ada.connectors()).find((x) => x.id === arrow.id)
      return c && c.to.itemId === null && c
    }, 'the end set free')
    expect([after.to.x, after.to.y]).toEqual([to.x, to.y])
  })

  it('writes right-to-left and CJK post-its', async () => {
    await ada.writeNoteAt(300, 650, 'מי אחראי על הפריסה?')
    // Deselect, so the inspector does not cover where the next post-it goes.
    await ada.page.keyboard.press('Escape')
    await ada.writeNoteAt(560, 650, 'من المسؤول عن النشر؟')
    await ada.page.keyboard.press('Escape')
    await ada.writeNoteAt(
      820,
      650,
      '誰がデプロイの責任者ですか？コードレビューに時間がかかりすぎる',
    )
    await ada.page.mouse.move(10, 10)
    await ada.page.screenshot({ path: join(ARTIFACTS, 'pm-scripts.png') })
  })

  let mapper: ProcessMapPage
  let handOver: string

  it('labels an arrow in place: double-click, type, click away; Enter reopens it, emptied it goes', async () => {
    mapper = new ProcessMapPage(await newPage())
    await mapper.createBoardOf(app.server.url, 'Arrow labels', 'blank')
    const a = await mapper.writeNoteAt(300, 300, 'Intake')
    const b = await mapper.writeNoteAt(800, 300, 'Review')
    handOver = (await mapper.connect(a, b)).id
    await mapper.page.keyboard.press('Escape')

    // An arrow without a label gets one.
    await mapper.doubleClickArrow(handOver)
    await mapper.type('hands over')
    await eventually(
      async () =>
        (await mapper.connectors()).find((c) => c.id === handOver)?.label === 'hands over',
      'the label in the document',
    )
    // The editor sits where the canvas draws the label, in the label's font at this zoom.
    const mid = await mapper.arrowPoint(handOver)
    const box = await mapper.textEditorBox()
    const { scale } = await mapper.camera()
    expect(Math.abs(box.x + box.w / 2 - mid.x)).toBeLessThan(2)
    expect(Math.abs(box.y + box.h / 2 - mid.y)).toBeLessThan(2)
    expect(box.font).toBeCloseTo(16 * scale, 1)
    await mapper.page.screenshot({ path: join(ARTIFACTS, 'pm-arrow-label-editing.png') })
    // A click outside ends editing; the canvas draws the label.
    await mapper.clickCanvas(640, 650)
    await mapper.page.getByTestId('text-editor').waitFor({ state: 'detached' })
    await mapper.page.screenshot({ path: join(ARTIFACTS, 'pm-arrow-labelled.png') })

    // Enter on the selected arrow opens its label again; emptied, the arrow has no label.
    await mapper.clickCanvas(mid.x, mid.y)
    expect(await mapper.selection()).toEqual([handOver])
    await mapper.page.keyboard.press('Enter')
    const editor = mapper.page.getByTestId('text-editor')
    expect(await editor.inputValue()).toBe('hands over')
    await editor.fill('')
    await mapper.finishEditing()
    await eventually(
      async () => (await mapper.connectors()).find((c) => c.id === handOver)?.label === '',
      'the label removed',
    )
  })

  it('picks an arrow with a click when zoomed far out', async () => {
    await mapper.page.keyboard.press('Escape')
    const arrow = (await mapper.connectors()).find((c) => c.id === handOver)!
    await mapper.centerOn(arrow.from.itemId!, 0.1)
    // Beside the arrow, nothing; on it (a few pixels off its line), the arrow.
    const on = await mapper.arrowPoint(handOver, 0.4)
    await mapper.clickCanvas(on.x, on.y + 40)
    expect(await mapper.selection()).toEqual([])
    // Out of the canvas's double-click window: this is a click of its own.
    await mapper.page.waitForTimeout(500)
    await mapper.clickCanvas(on.x, on.y + 3)
    await eventually(
      async () => (await mapper.selection()).join() === handOver,
      'the arrow selected at far zoom',
    )
    expect(await mapper.page.getByTestId('text-editor').count()).toBe(0)
    await mapper.page.screenshot({ path: join(ARTIFACTS, 'pm-far-arrow-selected.png') })
  })

  it('edits a free label in place, in the font it is drawn in', async () => {
    const page = new ProcessMapPage(await newPage())
    await page.createBoardOf(app.server.url, 'Legend', 'ideal-process', async (p) => {
      await p.getByTestId('template-focuses').fill('Volunteers')
    })
    const label = await page.waitForItem(
      (i) => i.kind === 'label' && i.text === 'Open question',
      'the legend label',
    )
    await page.centerOn(label.id, 1)
    await page.doubleClickItem(label.id, 20)
    // The text stays where it was drawn: the editor's border lies just outside the label's box.
    const at = await page.screenBox(label.id)
    const box = await page.textEditorBox()
    expect(Math.abs(box.x + 2 - at.x)).toBeLessThan(1.5)
    expect(Math.abs(box.y + 2 - at.y)).toBeLessThan(1.5)
    expect(box.font).toBeCloseTo(24, 1)
    await page.page.keyboard.press('End')
    await page.type(': who decides?')
    await page.page.screenshot({ path: join(ARTIFACTS, 'pm-label-editing.png') })
    await page.finishEditing()
    await page.waitForItem(
      (i) => i.id === label.id && i.text === 'Open question: who decides?',
      'the label text in the document',
    )
  })

  it('pans with the wheel and zooms with ctrl+wheel around the pointer', async () => {
    const page = ada.page
    await page.keyboard.press('Escape')
    const before = (await ada.summary()).camera
    const box = (await page.getByTestId('board-canvas').boundingBox())!
    const at = { x: box.x + 400, y: box.y + 300 }
    await page.mouse.move(at.x, at.y)
    await page.mouse.wheel(40, 120)
    await eventually(async () => (await ada.summary()).camera.y === before.y - 120, 'panned')
    const panned = (await ada.summary()).camera
    expect(panned).toMatchObject({ x: before.x - 40, scale: before.scale })

    // The board point under the pointer stays under it while zooming in.
    const boardAt = (c: typeof panned) => ({
      x: (400 - c.x) / c.scale,
      y: (300 - c.y) / c.scale,
    })
    await page.keyboard.down('Control')
    await page.mouse.wheel(0, -100)
    await page.keyboard.up('Control')
    await eventually(async () => (await ada.summary()).camera.scale > panned.scale, 'zoomed in')
    const zoomed = (await ada.summary()).camera
    expect(boardAt(zoomed).x).toBeCloseTo(boardAt(panned).x, 3)
    expect(boardAt(zoomed).y).toBeCloseTo(boardAt(panned).y, 3)
  })

  it('edits the post-it double-clicked right after a pan, while the layers do not listen yet', async () => {
    const page = ada.page
    await page.keyboard.press('Escape')
    const id = await ada.createNoteWithKey(300, 520)
    await ada.type('Right after a pan')
    await ada.finishEditing()
    const placed = (await ada.summary()).items.find((i) => i.id === id)!
    const camera = (await ada.summary()).camera
    const at = await ada.canvasPoint(
      (placed.x + 30) * camera.scale + camera.x,
      (placed.y + 30) * camera.scale + camera.y - 40,
    )
    const count = (await ada.summary()).items.length
    await page.mouse.move(at.x, at.y)
    await page.mouse.wheel(0, 40)
    await page.mouse.dblclick(at.x, at.y)
    await page.getByTestId('text-editor').waitFor()
    await page.keyboard.press('End')
    await ada.type(' (edited)')
    await ada.finishEditing()
    await ada.waitForItem((i) => i.id === id && i.text === 'Right after a pan (edited)', 'edited')
    expect((await ada.summary()).items).toHaveLength(count)
  })

  it('zooms out to see everything with hearts still legible', async () => {
    await ada.page.keyboard.press('Escape')
    await ada.page.getByTestId('navigator-open').click()
    await ada.page.getByTestId('navigator').waitFor()
    for (let i = 0; i < 12; i++) await ada.page.keyboard.press('-')
    await ada.page.screenshot({ path: join(ARTIFACTS, 'pm-far.png') })
  })
})
