/**
 * `tsx bench/canvas/profile.ts`: opens the canvas bench board with the CPU profiler on and
 * prints where the page spent its time until the first full draw (self time by function).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startServer } from '../../server/app.ts'
import { seedUpdateApart } from './seed.ts'

const REPO = join(import.meta.dirname, '..', '..')
const NOTES = Number(process.env.PROFILE_NOTES ?? 10_000)

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

const dataDir = mkdtempSync(join(tmpdir(), 'wb-prof-canvas-'))
const server = await startServer({
  port: 0,
  dataDir,
  staticDir: process.env.PROFILE_STATIC ?? join(REPO, 'dist', 'client-e2e'),
  logLevel: 'warn',
})
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
try {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  if (!res.ok) throw new Error(`creating the board: ${res.status} ${await res.text()}`)
  const board = (await res.json()) as { id: string; links: { facilitator: string } }
  await server.store.append(board.id, [seedUpdateApart({ notes: NOTES, connectors: NOTES / 5 })])
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript('globalThis.__name = (f) => f')
  await context.addInitScript(() => localStorage.setItem('wb.userName', JSON.stringify('Bench')))
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const t0 = Date.now()
  await page.goto(board.links.facilitator)
  await page.waitForFunction(
    (n) => {
      const s = (window as unknown as { __canvas?: { stats(): { items: number } } }).__canvas
      return (s?.stats().items ?? 0) >= n
    },
    NOTES,
    { timeout: 60_000, polling: 16 },
  )
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  )
  const wall = Date.now() - t0
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] }
  }
  const self = new Map<string, number>()
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!
    const f = n.callFrame
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>()
  for (const n of profile.nodes as (Node & { children?: number[] })[])
    for (const c of n.children ?? []) parent.set(c, n.id)
  const label = (n: Node) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = label(byId.get(cur)!)
      if (seen.has(key)) continue
      seen.add(key)
      total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
    }
  })
  console.log(`wall ${wall} ms`)
  if (process.env.PROFILE_TIMELINE) {
    // What the page did, PROFILE_STEP ms at a time (50): the busiest path below the root, up to
    // PROFILE_DEPTH frames deep (4).
    const STEP = Number(process.env.PROFILE_STEP ?? 50)
    const buckets = new Map<number, Map<string, number>>()
    let t = 0
    profile.samples.forEach((id, i) => {
      t += (profile.timeDeltas[i] ?? 0) / 1000
      const path: string[] = []
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
        path.unshift(label(byId.get(cur)!))
      const key = path.slice(1, Number(process.env.PROFILE_DEPTH ?? 4)).join(' > ') || '(root)'
      const b = buckets.get(Math.floor(t / STEP)) ?? new Map<string, number>()
      b.set(key, (b.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
      buckets.set(Math.floor(t / STEP), b)
    })
    for (const [k, b] of [...buckets].sort((a, c) => a[0] - c[0])) {
      const [top, ms] = [...b].sort((a, c) => c[1] - a[1])[0]!
      console.log(`${String(k * STEP).padStart(5)} ms  ${ms.toFixed(0).padStart(3)}  ${top}`)
    }
  }
  const under = process.env.PROFILE_UNDER
  if (under) {
    // Where the time inside one function went: by the function it called.
    const below = new Map<string, number>()
    profile.samples.forEach((id, i) => {
      const path: string[] = []
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
        path.unshift(label(byId.get(cur)!))
      const at = path.findIndex((f) => f === under || f.startsWith(`${under} `))
      if (at < 0) return
      // PROFILE_SELF: by the function the sample was in, instead of the two called next.
      const key = process.env.PROFILE_SELF
        ? path[path.length - 1]!
        : path.slice(at + 1, at + 3).join(' > ') || '(self)'
      below.set(key, (below.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
    })
    console.log(`--- under ${under}`)
    for (const [k, ms] of [...below].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`)
  }
  console.log('--- inclusive')
  for (const [k, ms] of [...total]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.PROFILE_TOP ?? 60)))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`)
  console.log('--- self')
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`)
} finally {
  await browser.close()
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
}
