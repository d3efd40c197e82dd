/**
 * Pictures of posters, made in a real Chromium: a board from the "roles-and-gaps" template gets
 * post-its, then one poster is exported to PNG and all posters to PDF through the export dialog.
 * The files are saved under tests/artifacts/ to be looked at, decoded here, and the PDF is
 * rendered back to PNG with pdftoppm.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { PDFDocument } from 'pdf-lib'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STATIC_DIR } from './app.ts'
import { startServer, type RunningServer } from '../../server/app.ts'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually, launchBrowser } from './browser.ts'
import { BoardPage, type ItemSummary } from './pages/BoardPage.ts'

const GROUPS = 3
/** Poster size in the template, the poster picture's margin and the PNG pixel ratio. */
const POSTER = { w: 1200, h: 900 }
const MARGIN = 24
const RATIO = 2
const run = browserAvailable()
if (!run) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)

describe.skipIf(!run)('exporting pictures of posters', () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let dataDir: string
  let board: CreatedBoard
  let ada: BoardPage
  let poster: ItemSummary

  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) {
      throw new Error(`${STATIC_DIR} is missing: run \`npx vite build\` first (npm test does)`)
    }
    dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-export-'))
    server = await startServer({ port: 0, dataDir, staticDir: STATIC_DIR, logLevel: 'warn' })
    browser = await launchBrowser()
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    })
    board = await createBoard(server.url, {
      title: 'How do we work together',
      template: 'roles-and-gaps',
      options: { groups: GROUPS },
    })
    const page = await context.newPage()
    page.on('pageerror', (err) => console.error('[page error]', err.message))
    ada = await new BoardPage(page).open(board.links.facilitator, 'Ada')
    await ada.waitOnline()
    poster = await ada.waitForItem((i) => i.kind === 'frame' && i.text === 'Group 1', 'Group 1')
    // Post-its in both lanes of the first poster.
    const notes: [number, number, string][] = [
      [150, 200, 'PM: increase the reach of MediaWiki'],
      [150, 420, 'SRE: coordinate deployments'],
      [750, 200, 'Silos'],
      [750, 420, 'Unclear code ownership / stewardship'],
    ]
    for (const [dx, dy, text] of notes) {
      const at = await ada.boardToCanvas(poster.x + dx, poster.y + dy)
      await ada.writeNoteAt(at.x, at.y, text)
      await ada.waitForItem((i) => i.text === text && i.parentId === poster.id, `"${text}"`)
    }
    await ada.waitSaved()
  })

  afterAll(async () => {
    await context?.close().catch(() => {})
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('exports one poster as a PNG of the poster at twice its size', async () => {
    await ada.openExport()
    const path = join(ARTIFACTS, 'export-poster.png')
    const name = await ada.exportTo('export-png', path, poster.id)
    expect(name).toBe('how-do-we-work-together-group-1.png')
    const png = decodePng(readFileSync(path))
    expect(png.width).toBe((POSTER.w + 2 * MARGIN) * RATIO)
    expect(png.height).toBe((POSTER.h + 2 * MARGIN) * RATIO)
    // The yellow of the post-its is there, and the white of the margin in the corner.
    expect(png.count((r, g, b) => r === 0xff && g === 0xe2 && b === 0x7a)).toBeGreaterThan(
      4 * 150 * 150 * RATIO * RATIO * 0.5,
    )
    expect(png.pixel(2, 2)).toEqual([255, 255, 255, 255])
  })

  it('exports all posters to a PDF with one poster a page, showing progress', async () => {
    // Remember whether the progress bar ever appeared; it may be gone by the time we look.
    await ada.page.evaluate(() => {
      const w = window as unknown as { __sawProgress?: boolean }
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=export-progress]')) w.__sawProgress = true
      }).observe(document.body, { childList: true, subtree: true })
    })
    const path = join(ARTIFACTS, 'export-posters.pdf')
    const name = await ada.exportTo('export-pdf', path)
    expect(name).toBe('how-do-we-work-together-posters.pdf')
    const pdf = await PDFDocument.load(readFileSync(path))
    expect(pdf.getPageCount()).toBe(GROUPS)
    for (const page of pdf.getPages()) {
      const { width, height } = page.getSize()
      expect(width / height).toBeCloseTo((POSTER.w + 2 * MARGIN) / (POSTER.h + 2 * MARGIN), 2)
    }
    expect(
      await ada.page.evaluate(
        () => (window as unknown as { __sawProgress?: boolean }).__sawProgress,
      ),
    ).toBe(true)
    if (hasPdftoppm()) {
      const prefix = join(ARTIFACTS, 'export-posters-page')
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, prefix])
      const rendered = await eventually(
        () => [`${prefix}-1.png`, `${prefix}-01.png`].find((p) => existsSync(p)),
        'the rendered first page',
      )
      const page1 = decodePng(readFileSync(rendered))
      expect(page1.count((r, g, b) => r > 240 && g > 200 && g < 240 && b < 150)).toBeGreaterThan(
        100,
      )
    }
  })

  it('exports the board as SVG and the notes as Markdown with the board token', async () => {
    const svgPath = join(ARTIFACTS, 'export-board.svg')
    await ada.exportTo('export-svg', svgPath, '')
    const svg = readFileSync(svgPath, 'utf8')
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).toContain('>stewardship<')
    expect(svg).toContain('Group 3')
    const mdPath = join(ARTIFACTS, 'export-notes.md')
    await ada.exportTo('export-markdown', mdPath)
    const md = readFileSync(mdPath, 'utf8')
    expect(md).toContain('Group 1')
    expect(md).toContain('Silos')
    await ada.page.screenshot({ path: join(ARTIFACTS, 'e2e-export-dialog.png') })
  })
})

function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    if (process.env.CI === 'true')
      throw new Error('pdftoppm is missing (apt-get install poppler-utils)')
    console.warn('pdftoppm is missing: not rendering the PDF back to PNG')
    return false
  }
}

/** A small PNG decoder (8-bit RGB/RGBA, no interlace): enough to prove the file is an image. */
function decodePng(buf: Buffer) {
  const SIGNATURE = '89504e470d0a1a0a'
  if (buf.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG')
  let at = 8
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  let ended = false
  while (at < buf.length) {
    const len = buf.readUInt32BE(at)
    const type = buf.toString('latin1', at + 4, at + 8)
    const data = buf.subarray(at + 8, at + 8 + len)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      const [depth, colorType, , , interlace] = data.subarray(8, 13)
      if (depth !== 8 || interlace !== 0) throw new Error(`unsupported PNG ${depth}/${interlace}`)
      channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0
      if (!channels) throw new Error(`unsupported colour type ${colorType}`)
    } else if (type === 'IDAT') idat.push(data)
    else if (type === 'IEND') ended = true
    at += 12 + len
  }
  if (!ended) throw new Error('PNG without IEND')
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  if (raw.length !== height * (stride + 1)) throw new Error('PNG data has the wrong length')
  const px = Buffer.alloc(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!
      const a = x >= channels ? px[y * stride + x - channels]! : 0
      const b = y > 0 ? px[(y - 1) * stride + x]! : 0
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels]! : 0
      const p = a + b - c
      const pa = Math.abs(p - a)
      const pb = Math.abs(p - b)
      const pc = Math.abs(p - c)
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      const pred = [0, a, b, (a + b) >> 1, paeth][filter]
      if (pred === undefined) throw new Error(`bad filter ${filter}`)
      px[y * stride + x] = (v + pred) & 0xff
    }
  }
  const pixel = (x: number, y: number) => {
    const i = y * stride + x * channels
    return [px[i], px[i + 1], px[i + 2], channels === 4 ? px[i + 3] : 255]
  }
  const count = (match: (r: number, g: number, b: number) => boolean) => {
    let n = 0
    for (let i = 0; i < px.length; i += channels) if (match(px[i]!, px[i + 1]!, px[i + 2]!)) n++
    return n
  }
  return { width, height, pixel, count }
}
