/**
 * Starts the servers under test, each in its own child process on 127.0.0.1: ours
 * (server/main.ts, fresh temp DATA_DIR), the reference @y/websocket-server (persisting to a
 * fresh temp LevelDB dir) and Hocuspocus (bench/servers/hocuspocus.ts, storing each document's
 * state in a file), so that all store every update and a room can be loaded cold.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import {
  createWriteStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

export type TargetName = 'ours' | 'reference' | 'hocuspocus'
export const TARGET_NAMES: readonly TargetName[] = ['ours', 'reference', 'hocuspocus']

export const REPO_ROOT = resolve(import.meta.dirname, '..')
const HOST = '127.0.0.1'
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 5_000
const CLK_TCK = 100
/** Start-up is over once the CPU stood still for two steps (at most SETTLE_MAX_STEPS). */
const SETTLE_STEP_MS = 100
const SETTLE_MAX_STEPS = 30

export interface Board {
  id: string
  /** WebSocket URL of the board's room; computed on each call, as the port changes on restart. */
  url(opts?: { acks?: boolean; role?: 'facilitator' | 'participant' | 'viewer' }): string
}

export interface TargetOptions {
  /** Where server logs (and CPU profiles, when profiling) go. */
  outDir: string
  profile: boolean
}

/** Every child we started, so that they can be killed however the bench ends. */
const children = new Set<ChildProcess>()

export function killAllChildren(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  children.clear()
}

/** One server under test; restart() keeps its data directory. */
export class Target {
  private child: ChildProcess | null = null
  private cpuOfDeadMs = 0
  port = 0
  private starts = 0
  readonly dataDir: string

  constructor(
    readonly name: TargetName,
    private readonly opts: TargetOptions,
  ) {
    this.dataDir = mkdtempSync(join(tmpdir(), `bench-${name}-`))
  }

  get pid(): number {
    return this.child?.pid ?? 0
  }

  async start(): Promise<void> {
    if (this.child) throw new Error(`${this.name} already running`)
    this.starts++
    const prof = this.opts.profile
      ? [
          '--cpu-prof',
          // One file per thread (tsx adds a loader thread); the main thread's is the largest.
          `--cpu-prof-dir=${join(this.opts.outDir, 'prof', this.name)}`,
          // Profiles are written on a normal exit only; ours exits on SIGTERM by itself.
          ...(this.name === 'reference'
            ? ['--import=data:text/javascript,process.on("SIGTERM",()=>process.exit(0))']
            : []),
        ]
      : []
    const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() }
    let args: string[]
    let env: Record<string, string>
    if (this.name === 'ours') {
      // The same as node_modules/.bin/tsx server/main.ts, in one process so its CPU can be read.
      args = [...prof, '--import', 'tsx', 'server/main.ts']
      env = { ...base, HOST, PORT: '0', DATA_DIR: this.dataDir, ...BENCH_LIMITS_OFF }
    } else if (this.name === 'hocuspocus') {
      // Profiles are written on a normal exit only; Hocuspocus exits by itself on SIGTERM.
      args = [...prof, '--import', 'tsx', 'bench/servers/hocuspocus.ts']
      env = { ...base, HOST, PORT: '0', DATA_DIR: this.dataDir }
    } else {
      this.port = await freePort()
      args = [...prof, 'node_modules/@y/websocket-server/src/server.js']
      env = { ...base, HOST, PORT: String(this.port), YPERSISTENCE: this.dataDir }
    }
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.add(child)
    this.child = child
    const log = createWriteStream(join(this.opts.outDir, `${this.name}-server.log`), {
      flags: this.starts === 1 ? 'w' : 'a',
    })
    child.stderr!.pipe(log)
    const ready = new Promise<void>((resolveReady, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} server did not start in time`)),
        START_TIMEOUT_MS,
      )
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`${this.name} server exited early (code ${code}); see its log`))
      })
      createInterface({ input: child.stdout! }).on('line', (line) => {
        log.write(line + '\n')
        const port =
          this.name === 'ours'
            ? listeningPort(line)
            : this.name === 'hocuspocus'
              ? hocuspocusListening(line)
              : refListening(line, this.port)
        if (port) {
          this.port = port
          clearTimeout(timer)
          resolveReady()
        }
      })
    })
    ready.catch(() => {})
    await ready
    child.once('exit', () => log.end())
    await this.settled()
  }

  /**
   * Waits until the process is idle: listening comes before the last of its start-up work (ours
   * starts a worker thread, tsx compiles), which is no part of what a scenario measures.
   */
  private async settled(): Promise<void> {
    let last = this.cpuMs()
    let quiet = 0
    for (let i = 0; i < SETTLE_MAX_STEPS && quiet < 2; i++) {
      await new Promise((r) => setTimeout(r, SETTLE_STEP_MS))
      const now = this.cpuMs()
      // /proc counts in clock ticks (10 ms): one tick in a step is idle.
      quiet = now - last <= 1000 / CLK_TCK ? quiet + 1 : 0
      last = now
    }
  }

  /** Graceful stop (SIGTERM), then SIGKILL after a while. */
  async stop(): Promise<void> {
    const child = this.child
    if (!child) return
    this.cpuOfDeadMs += procCpuMs(child.pid)
    this.child = null
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      await exited
      clearTimeout(timer)
    }
    children.delete(child)
  }

  async restart(): Promise<void> {
    await this.stop()
    await this.start()
  }

  /** Cleans up the data directory; the target cannot be used afterwards. */
  async dispose(): Promise<void> {
    await this.stop()
    rmSync(this.dataDir, { recursive: true, force: true })
  }

  /** User + system CPU of the server process(es) so far, in ms. */
  cpuMs(): number {
    return this.cpuOfDeadMs + (this.child ? procCpuMs(this.child.pid) : 0)
  }

  /** Bytes on disk in the data directory. */
  dataBytes(): number {
    return dirSize(this.dataDir)
  }

  async newBoard(): Promise<Board> {
    if (this.name !== 'ours') {
      const id = `bench-${Math.random().toString(36).slice(2, 10)}`
      // Hocuspocus names the document in every message; the client reads it from the URL.
      const url = () =>
        this.name === 'hocuspocus'
          ? `ws://${HOST}:${this.port}/?hocuspocus=${id}`
          : `ws://${HOST}:${this.port}/${id}`
      return { id, url }
    }
    const res = await fetch(`http://${HOST}:${this.port}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'bench' }),
      signal: AbortSignal.timeout(10_000),
    })
    if (res.status !== 201) throw new Error(`POST /api/boards: ${res.status} ${await res.text()}`)
    const body = (await res.json()) as {
      id: string
      tokens: Record<'facilitator' | 'participant' | 'viewer', string>
    }
    return {
      id: body.id,
      url: (opts) =>
        `ws://${HOST}:${this.port}/ws/${encodeURIComponent(body.id)}` +
        `?token=${encodeURIComponent(body.tokens[opts?.role ?? 'participant'])}` +
        (opts?.acks ? '&acks=1' : ''),
    }
  }
}

function listeningPort(line: string): number | null {
  if (!line.includes('"listening"')) return null
  try {
    const entry = JSON.parse(line) as { msg?: unknown; port?: unknown }
    return entry.msg === 'listening' && typeof entry.port === 'number' ? entry.port : null
  } catch {
    return null
  }
}

const hocuspocusListening = (line: string): number | null =>
  line.startsWith('listening ') ? Number(line.slice('listening '.length)) || null : null

const refListening = (line: string, port: number): number | null =>
  line.startsWith('running at') ? port : null

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, HOST, () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolvePort(port))
    })
  })
}

/** utime + stime of a process from /proc, in ms (0 when unreadable). */
export function procCpuMs(pid: number | undefined): number {
  if (!pid) return 0
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK
  } catch {
    return 0
  }
}

function dirSize(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    total += entry.isDirectory() ? dirSize(p) : statSync(p).size
  }
  return total
}

/**
 * The bench's writers flood on purpose, all from one address, and the reference has no limits:
 * ours are turned off so that both are measured doing the same work.
 */
export const BENCH_LIMITS_OFF: Record<string, string> = {
  WS_MESSAGES_PER_SECOND: '0',
  WS_BYTES_PER_SECOND: '0',
  WS_ADDRESS_MESSAGES_PER_SECOND: '0',
  WS_ADDRESS_BYTES_PER_SECOND: '0',
  WS_ITEMS_PER_SECOND: '0',
  WS_ADDRESS_ITEMS_PER_SECOND: '0',
  WS_CONNECTIONS_PER_ADDRESS: '0',
  WS_UPGRADES_PER_SECOND: '0',
  BOARDS_PER_MINUTE: '0',
}
