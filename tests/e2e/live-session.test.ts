/**
 * The seed workshop played live in a real Chromium: a facilitator and two participants on
 * laptops (1366x768), a projector on a viewer link (1920x1080) and a participant on a phone
 * (390x844, touch). Eight breakout posters, private writing, a 3-dot voting round with its
 * reveal, a process-map arrow, a cut connection. Each step is photographed for every role in
 * tests/artifacts/e2e-session-<step>-<role>.png, and every main screen is audited by axe-core.
 * The projector keeps one connection throughout.
 */
import { join } from 'node:path'
import type { BrowserContext, CDPSession } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { startE2EApp, type E2EApp } from './app.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually } from './browser.ts'
import { ProcessMapPage } from './pages/ProcessMapPage.ts'
import { SessionPage, type Violation } from './pages/SessionPage.ts'

const run = browserAvailable()
if (!run) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)

const LAPTOP = { width: 1366, height: 768 }
const PROJECTOR = { width: 1920, height: 1080 }
const PHONE = { width: 390, height: 844 }

type Box = { x: number; y: number; width: number; height: number }
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (p: { x: number; y: number }, b: Box) =>
  p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height

/** The darkest pixel (0 black .. 255 white) in a poster's title bar, just inside its right edge. */
const inkAtTitleEnd = async (p: SessionPage, id: string): Promise<number> => {
  const box = await p.itemBox(id)
  const origin = await p.canvasPoint(0, 0)
  const x = box.x - origin.x + box.width - 4
  let darkest = 255
  for (let y = box.y - origin.y + 3; y < box.y - origin.y + 18; y += 1) {
    const [r, g, b] = await p.page.evaluate(
      ([px, py]) => window.__canvas!.pixel('items', px!, py!),
      [x, y],
    )
    darkest = Math.min(darkest, Math.round(0.3 * r! + 0.59 * g! + 0.11 * b!))
  }
  return darkest
}

describe.skipIf(!run)('a live session of the seed workshop', () => {
  let app: E2EApp
  let board: CreatedBoard
  let lead: SessionPage
  let ada: SessionPage
  let ben: SessionPage
  let projector: SessionPage
  let phone: SessionPage
  let phoneTouch: CDPSession
  const contexts = new Map<SessionPage, BrowserContext>()
  const errors: string[] = []
  const violations: (Violation & { screen: string })[] = []
  const posters = new Map<string, string>()

  const roles = () =>
    [
      ['facilitator', lead],
      ['ada', ada],
      ['ben', ben],
      ['projector', projector],
      ['phone', phone],
    ] as const
  const shoot = async (step: string) => {
    for (const [role, p] of roles())
      await p.page.screenshot({ path: join(ARTIFACTS, `e2e-session-${step}-${role}.png`) })
  }
  const audit = async (screen: string, p: SessionPage) => {
    for (const v of await p.audit()) violations.push({ ...v, screen })
  }

  const open = async (
    role: 'facilitator' | 'participant' | 'viewer',
    name: string | null,
    options: Parameters<E2EApp['newContext']>[0],
  ) => {
    const context = await app.newContext(options)
    await SessionPage.countSockets(context, board.id)
    const page = await context.newPage()
    page.on('pageerror', (err) => errors.push(`${name ?? role}: ${err.message}`))
    const p = new SessionPage(page)
    contexts.set(p, context)
    await page.goto(board.links[role])
    await page.getByTestId('board-canvas').waitFor()
    if (name) await p.join(name)
    await p.waitOnline()
    return p
  }

  /** Two fingers on the phone's canvas moving apart (or together) around a point. */
  const pinch = async (at: { x: number; y: number }, from: number, to: number) => {
    const points = (d: number) => [
      { x: at.x - d / 2, y: at.y, id: 0 },
      { x: at.x + d / 2, y: at.y, id: 1 },
    ]
    await phoneTouch.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: points(from),
    })
    for (let i = 1; i <= 8; i++)
      await phoneTouch.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: points(from + ((to - from) * i) / 8),
      })
    await phoneTouch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  }
  const swipe = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
    await phoneTouch.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ ...from, id: 0 }],
    })
    for (let i = 1; i <= 8; i++)
      await phoneTouch.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [
          { x: from.x + ((to.x - from.x) * i) / 8, y: from.y + ((to.y - from.y) * i) / 8, id: 0 },
        ],
      })
    await phoneTouch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  }

  beforeAll(async () => {
    app = await startE2EApp('session')
    board = await createBoard(app.server.url, {
      title: 'How do we work together',
      template: 'roles-and-gaps',
      options: { groups: 8 },
    })
    lead = await open('facilitator', 'Fran (facilitator)', { viewport: LAPTOP })
    ada = await open('participant', 'Ada', { viewport: LAPTOP })
    ben = await open('participant', 'Ben', { viewport: LAPTOP })
    projector = await open('viewer', null, { viewport: PROJECTOR })
    phone = await open('participant', null, {
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    })
    phoneTouch = await contexts.get(phone)!.newCDPSession(phone.page)
    for (const i of (await lead.summary()).items) if (i.kind === 'frame') posters.set(i.text, i.id)
  }, 120_000)

  // A failed step leaves pictures of every role as it was.
  afterEach(async (ctx) => {
    const slug = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 30)
    if (ctx.task.result?.state === 'fail') await shoot(`failed-${slug}`)
  })

  afterAll(async () => {
    await app?.close()
  })

  it('lets everyone join: the phone fits its screen, nobody has initials before a name', async () => {
    expect([...posters.keys()].filter((t) => t.startsWith('Group')).length).toBe(8)
    // The phone has not typed a name yet: its avatar shows a figure, not "Guest"'s initials.
    const avatar = phone.page.getByTestId('avatar').first()
    expect((await avatar.innerText()).trim()).toBe('')
    expect(await avatar.locator('svg').count()).toBe(1)
    await audit('name dialog (phone)', phone)
    await phone.join('Pia')
    await eventually(
      async () => (await phone.page.getByTestId('avatar').first().innerText()) === 'P',
      'her initial',
    )
    // Initials are letters only: "Fran (facilitator)" is FF, never "F(".
    expect((await lead.page.getByTestId('avatar').first().innerText()).trim()).toBe('FF')
    // Nothing of the phone's page lies beyond its screen: top bar and tools are all there.
    const fits = await phone.page.evaluate(() => {
      const within = (el: Element | null) => {
        const r = el?.getBoundingClientRect()
        return !!r && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight
      }
      return {
        width: document.documentElement.scrollWidth <= innerWidth,
        topbar: within(document.querySelector('.topbar')),
        tools: within(document.querySelector('.toolbar')),
        people: within(document.querySelector('[data-testid=people]')),
      }
    })
    expect(fits).toEqual({ width: true, topbar: true, tools: true, people: true })
    // The save status fits as an icon, its words its name and tooltip; nothing in the bar is cut.
    const bar = await phone.page.evaluate(() => {
      const status = document.querySelector<HTMLElement>('[data-testid=save-status]')!
      const short = status.querySelector<HTMLElement>('[data-testid=save-status-short]')!
      const out = [...document.querySelectorAll<HTMLElement>('.topbar *')].filter((el) => {
        const r = el.getBoundingClientRect()
        return r.width > 1 && (r.left < 0 || r.right > innerWidth)
      })
      return {
        title: status.title,
        cut: short.scrollWidth > short.clientWidth || status.scrollWidth > status.clientWidth,
        shown: short.getBoundingClientRect().width > 0,
        outside: out.map((el) => el.className || el.tagName),
      }
    })
    expect(bar).toEqual({ title: 'All changes saved', cut: false, shown: true, outside: [] })
    expect(await phone.page.getByRole('status', { name: 'All changes saved' }).count()).toBe(1)
    // At fit-all on the phone every poster's title ends inside its poster, no ink at its edge.
    for (const [title, id] of posters)
      if (title.startsWith('Group'))
        expect(await inkAtTitleEnd(phone, id), title).toBeGreaterThan(150)
    await eventually(async () => (await lead.summary()).peers.length >= 4, 'everyone here')
    await shoot('01-join')
    await audit('board (facilitator)', lead)
    await audit('board (participant)', ada)
    await audit('board (projector)', projector)
    await audit('board (phone)', phone)
  })

  it(
    'runs the breakouts: post-its by double-click anywhere on a poster, nothing in the way',
    { timeout: 90_000 },
    async () => {
      await lead.addAgendaPart('Part I: breakouts', 25)
      await lead.addAgendaPart('Part II: process maps', 30)
      await lead.startPart('Part I: breakouts')
      await audit('facilitation panel', lead)
      await lead.page.getByTestId('facilitation-close').click()

      // Ada double-clicks low on Group 1, at the fit-all zoom of a 1366x768 laptop.
      const g1 = posters.get('Group 1')!
      const poster = await ada.itemBox(g1)
      const low = { x: poster.x + poster.width * 0.25, y: poster.y + poster.height * 0.85 }
      const before = new Set((await ada.summary()).items.map((i) => i.id))
      await ada.page.mouse.dblclick(low.x, low.y)
      await ada.page.getByTestId('text-editor').waitFor()
      await ada.type('Define update mechanism')
      await ada.finishEditing()
      const adaNote = await ada.waitForItem(
        (i) => !before.has(i.id) && i.text === 'Define update mechanism',
        'her post-it',
      )
      expect(adaNote.parentId).toBe(g1)
      // What she just wrote is not covered by a panel.
      expect(await ada.page.getByTestId('inspector').count()).toBe(0)
      // A poster she selects gets its panel beside it, never under the pointer nor over it.
      const g4 = posters.get('Group 4')!
      const right = await ada.itemBox(g4)
      const at = { x: right.x + right.width * 0.5, y: right.y + right.height * 0.8 }
      await ada.page.mouse.click(at.x, at.y)
      await eventually(
        async () => (await ada.page.evaluate(() => window.__canvas!.selection())).includes(g4),
        'the poster selected',
      )
      await ada.page.getByTestId('inspector').getByTestId('lane-list').waitFor()
      const panel = (await ada.box('inspector'))!
      expect(inside(at, panel)).toBe(false)
      expect(intersects(panel, right)).toBe(false)
      await ada.page.keyboard.press('Escape')

      // Ben writes in Japanese on Group 2; the canvas draws every character, none cut off.
      const g2 = posters.get('Group 2')!
      await ben.centerOn(g2, 0.6)
      await ben.page.waitForTimeout(300)
      const g2box = await ben.itemBox(g2)
      const cjk = 'コードレビューの担当者は誰ですか'
      const benBefore = new Set((await ben.summary()).items.map((i) => i.id))
      await ben.page.mouse.dblclick(g2box.x + g2box.width * 0.7, g2box.y + g2box.height * 0.4)
      await ben.page.getByTestId('text-editor').waitFor()
      await ben.page.getByTestId('text-editor').fill(cjk)
      await ben.finishEditing()
      const benNote = await ben.waitForItem((i) => !benBefore.has(i.id) && i.text === cjk, 'CJK')
      const drawn = await eventually(async () => {
        const texts = await ben.texts(benNote.id)
        return texts.find((t) => t.lines.join('').includes('コード'))
      }, 'the CJK text drawn')
      expect(drawn.lines.join('')).toBe(cjk)
      expect(drawn.lines.length).toBeGreaterThan(1)

      // Ada watched Ben write live: that is not a change to catch up on.
      await ada.waitForItem((i) => i.id === benNote.id, 'Ben’s post-it at Ada’s')
      // Give catch-up its idle recount (150 ms after a change) before looking for its bar.
      await ada.page.waitForTimeout(1000)
      expect(await ada.page.getByTestId('catchup-bar').count()).toBe(0)
      expect(await projector.page.getByTestId('catchup-bar').count()).toBe(0)

      // The phone: pinch to zoom on Group 3, pan with a finger, add a post-it and edit it.
      const g3 = posters.get('Group 3')!
      const scale0 = (await phone.summary()).camera.scale
      const g3phone = await phone.itemBox(g3)
      await pinch({ x: g3phone.x + g3phone.width / 2, y: g3phone.y + g3phone.height / 2 }, 60, 300)
      const zoomed = await eventually(async () => {
        const { camera } = await phone.summary()
        return camera.scale > scale0 * 2.5 && camera
      }, 'pinch-zoomed')
      await swipe({ x: 200, y: 500 }, { x: 140, y: 420 })
      await eventually(async () => {
        const { camera } = await phone.summary()
        return Math.abs(camera.x - zoomed.x) > 30 && Math.abs(camera.scale - zoomed.scale) < 1e-6
      }, 'panned by a finger')
      await phone.centerOn(g3, 0.35)
      await phone.page.waitForTimeout(300)
      const g3near = await phone.itemBox(g3)
      await phone.page.locator('[data-tool=note]').tap()
      const phoneBefore = new Set((await phone.summary()).items.map((i) => i.id))
      await phone.page.touchscreen.tap(
        g3near.x + g3near.width * 0.25,
        g3near.y + g3near.height * 0.45,
      )
      await phone.page.getByTestId('text-editor').waitFor()
      await phone.page.keyboard.type('Who reviews on weekends?')
      await phone.finishEditing()
      const piaNote = await phone.waitForItem(
        (i) => !phoneBefore.has(i.id) && i.text === 'Who reviews on weekends?',
        'Pia’s post-it',
      )
      expect(piaNote.parentId).toBe(g3)
      const piaBox = await phone.itemBox(piaNote.id)
      const centre = { x: piaBox.x + piaBox.width / 2, y: piaBox.y + piaBox.height / 2 }
      await phone.page.touchscreen.tap(centre.x, centre.y)
      await phone.page.touchscreen.tap(centre.x, centre.y)
      await phone.page.getByTestId('text-editor').waitFor()
      await phone.page.keyboard.press('End')
      await phone.page.keyboard.type(' SRE')
      await phone.finishEditing()
      await phone.waitForItem((i) => i.text === 'Who reviews on weekends? SRE', 'edited')
      // Her timer is on her screen, clear of the tools.
      const timer = (await phone.box('timer'))!
      expect(timer.y).toBeGreaterThanOrEqual(0)
      expect(timer.x + timer.width).toBeLessThanOrEqual(PHONE.width)

      // The projector: titles and lane headings read from the back of the room, no cursors.
      await lead.page.mouse.move(600, 400)
      await lead.page.mouse.move(640, 420, { steps: 4 })
      const heads = await projector.texts(g1)
      expect(heads.length).toBeGreaterThanOrEqual(3)
      for (const h of heads) expect(h.screenPx).toBeGreaterThanOrEqual(12)
      expect(heads[0]!.screenPx).toBeGreaterThanOrEqual(16)
      expect(await projector.cursorCount()).toBe(0)
      await shoot('02-breakouts')
    },
  )

  it('shows the projector what the facilitator points at, large', async () => {
    const g1 = posters.get('Group 1')!
    const box = await lead.itemBox(g1)
    await lead.page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.6)
    const { width } = await eventually(async () => {
      const b = await projector.itemBox(g1)
      return b.width > PROJECTOR.width * 0.55 && b
    }, 'the poster large on the projector')
    expect(width).toBeLessThanOrEqual(PROJECTOR.width)
    for (const h of await projector.texts(g1)) expect(h.screenPx).toBeGreaterThanOrEqual(18)
    // The timer keeps its place above the poster: the followed view leaves room for it.
    const clear = async () =>
      !intersects((await projector.box('timer'))!, await projector.itemBox(g1))
    expect(await clear()).toBe(true)
    await projector.page.getByTestId('presenter-large').click()
    await eventually(async () => (await projector.texts(g1))[0]!.screenPx >= 28, 'large text')
    await eventually(clear, 'the large timer clear of the poster')
    await shoot('03-pointing')
    await projector.page.getByTestId('presenter-large').click()
    await lead.page.keyboard.press('Escape')
  })

  it('runs private writing: each post-it lands on the poster where its author wrote it', async () => {
    await lead.tab('agenda')
    await lead.page.getByTestId('private-start').click()
    await ada.page.getByTestId('private-writing').waitFor()
    const g3 = posters.get('Group 3')!
    await ada.centerOn(g3, 0.5)
    await ada.writePrivately('Who decides on deployments?')
    await shoot('04-private')
    await lead.page.getByTestId('private-reveal').click()
    const revealed = await lead.waitForItem(
      (i) => i.text === 'Who decides on deployments?',
      'the revealed post-it',
    )
    expect(revealed.parentId).toBe(g3)
    await ada.page.getByTestId('private-writing').waitFor({ state: 'detached' })
  })

  it(
    'runs a 3-dot round: the projector shows progress and the reveal, and stays connected',
    { timeout: 60_000 },
    async () => {
      await ada.page.keyboard.press('Escape')
      await ada.page.keyboard.press('Escape')
      await ada.page.getByRole('button', { name: 'Zoom to fit' }).click()
      await lead.tab('voting')
      await lead.page.getByTestId('round-open').click()
      await projector.page.getByTestId('vote-progress').waitFor()
      // A viewer is offered no voting.
      expect(await projector.page.getByTestId('dots-left').count()).toBe(0)
      expect(await projector.page.getByText('Click a post-it').count()).toBe(0)
      await ada.page.getByTestId('vote-bar').waitFor()
      // What she sees moves out from under the voting column: no poster lies beneath it.
      const uncovered = async (p: SessionPage, testId: string) => {
        const cover = (await p.box(testId))!
        for (const id of posters.values()) if (intersects(cover, await p.itemBox(id))) return false
        return true
      }
      await eventually(() => uncovered(ada, 'vote-bar'), 'the posters beside the vote bar')
      await ada.clickNote('Define update mechanism')
      await ada.waitDotsLeft(2)
      // With nothing selected, "zoom to fit" shows the whole board.
      await ben.page.keyboard.press('Escape')
      await ben.page.keyboard.press('Escape')
      await ben.page.getByRole('button', { name: 'Zoom to fit' }).click()
      await ben.clickNote('Define update mechanism')
      await ben.waitDotsLeft(2)
      // Pia taps her own post-it to give it a dot.
      await phone.page.getByTestId('vote-bar').waitFor()
      const pia = await phone.waitForItem((i) => i.text.startsWith('Who reviews'), 'her post-it')
      const b = await phone.itemBox(pia.id)
      await phone.page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2)
      await phone.waitDotsLeft(2)
      await eventually(
        async () =>
          (await projector.page.getByTestId('vote-progress-count').getAttribute('data-count')) ===
          '3',
        'three voters on the projector',
      )
      await shoot('05-voting')
      await lead.page.getByTestId('round-reveal').click()
      const card = projector.page.getByTestId('vote-results')
      await card.waitFor()
      await eventually(async () => (await card.getByTestId('result').count()) === 2, 'results')
      expect(await card.getByTestId('result').first().innerText()).toContain(
        'Define update mechanism (2)',
      )
      // Every dot is on the board at the reveal, on the projector as on the laptops.
      for (const p of [projector, ada])
        await eventually(
          async () =>
            (
              await p.page
                .getByTestId('board-dots')
                .evaluateAll((els) => els.map((e) => e.getAttribute('data-count')).sort())
            ).join() === '1,2',
          'the dots on the board',
        )
      const big = (await projector.box('vote-results'))!
      expect(big.width).toBeGreaterThan(PROJECTOR.width * 0.5)
      // On the laptops and the phone the results take a corner, not the board.
      await ada.page.getByTestId('vote-results').waitFor()
      expect((await ada.box('vote-results'))!.height).toBeLessThanOrEqual(LAPTOP.height / 2)
      // The results card covers no poster (Group 1's title least of all), on a laptop and at
      // "zoom to fit" with the card there.
      await eventually(() => uncovered(ada, 'vote-results'), 'the posters beside the results')
      await ben.page.keyboard.press('Escape')
      await ben.page.keyboard.press('Escape')
      await ben.page.getByRole('button', { name: 'Zoom to fit' }).click()
      await ben.page.getByTestId('vote-results').waitFor()
      await eventually(() => uncovered(ben, 'vote-results'), 'zoom to fit beside the results')
      await phone.page.getByTestId('vote-results').waitFor()
      expect((await phone.box('vote-results'))!.height).toBeLessThanOrEqual(PHONE.height / 3)
      await shoot('06-reveal')
      // The facilitator moves on: the results step aside for everyone.
      await lead.tab('agenda')
      await lead.startPart('Part II: process maps')
      for (const p of [ada, ben, phone, projector])
        await p.page.getByTestId('vote-results').waitFor({ state: 'detached' })
      expect(await projector.page.getByText('Reconnecting').count()).toBe(0)
    },
  )

  it('edits an arrow’s label by double-clicking the arrow and its marker', async () => {
    const map = new ProcessMapPage(ada.page)
    await ada.page.keyboard.press('Escape')
    const g5 = posters.get('Group 5')!
    await ada.centerOn(g5, 0.7)
    await ada.page.waitForTimeout(300)
    const g5box = await ada.itemBox(g5)
    const step1 = await ada.writeNoteAt(
      g5box.x + g5box.width * 0.15 - (await ada.canvasPoint(0, 0)).x,
      g5box.y + g5box.height * 0.4 - (await ada.canvasPoint(0, 0)).y,
      'Propose',
    )
    const step2 = await ada.writeNoteAt(
      g5box.x + g5box.width * 0.75 - (await ada.canvasPoint(0, 0)).x,
      g5box.y + g5box.height * 0.4 - (await ada.canvasPoint(0, 0)).y,
      'Review',
    )
    const arrow = await map.connect(step1, step2)
    await ada.page.keyboard.press('Escape')
    await map.doubleClickArrow(arrow.id)
    await map.type('hands over')
    await ada.finishEditing()
    await eventually(
      async () => (await map.connectors()).find((c) => c.id === arrow.id)?.label === 'hands over',
      'the label',
    )
    // A heart on the arrow: double-clicking the heart edits the label too.
    const mid = await map.arrowPoint(arrow.id, 0.3)
    await ada.clickCanvas(mid.x, mid.y)
    await map.pick('connector-marker', 'heart')
    await ada.page.keyboard.press('Escape')
    await map.doubleClickArrow(arrow.id)
    await ada.page.getByTestId('text-editor').press('End')
    await map.type(' well')
    await ada.finishEditing()
    await eventually(
      async () =>
        (await map.connectors()).find((c) => c.id === arrow.id)?.label === 'hands over well',
      'the label edited at the heart',
    )
    await shoot('07-process-map')
  })

  it('says what is waiting when the connection is cut, counting changes, not keystrokes', async () => {
    const context = contexts.get(ben)!
    await ben.waitSaved()
    await context.setOffline(true)
    await eventually(
      async () =>
        (await ben.page.getByTestId('save-status').getAttribute('data-state')) !== 'saved',
      'not saved once offline',
    )
    expect(await ben.saveStatus()).not.toBe('All changes saved')
    await ben.createNoteWithKey(500, 300)
    await ben.type('Written offline')
    await ben.finishEditing()
    expect(await ben.saveStatus()).toBe('Offline, 1 change waiting')
    await shoot('08-offline')
    await context.setOffline(false)
    await ben.waitSaved()
  })

  it('kept the projector on one connection, and every main screen passes axe-core', async () => {
    await lead.page.getByTestId('notes-toggle').click()
    await lead.page.getByTestId('notes-panel').waitFor()
    await audit('notes panel', lead)
    await lead.page.getByTestId('notes-toggle').click()
    await lead.openPanel()
    await audit('facilitation panel (voting)', lead)
    const start = new SessionPage(await (await app.newContext({ viewport: LAPTOP })).newPage())
    await start.page.goto(app.server.url + '/')
    await start.page.getByTestId('create-board').waitFor()
    await audit('start page', start)
    await shoot('09-end')
    const sockets = await projector.sockets()
    expect(sockets).toEqual({ opened: 1, closes: [] })
    expect(violations).toEqual([])
    expect(errors).toEqual([])
  })
})
