import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface ServerProcess {
  child: ChildProcess
  port: number
  url: string
  /** stdout and stderr lines so far, for assertions and for failure messages. */
  output: string[]
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal?: NodeJS.Signals): void
}

/**
 * Runs server/main.ts as its own process (PORT=0 unless given) and resolves once it logs that
 * it is listening, with the port from that line. `node --import tsx` rather than the tsx CLI:
 * the CLI runs the server in a child process, which a SIGKILL of the CLI would leave running.
 */
export function spawnServerProcess(
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${output.join('\n')}`))
    }, timeoutMs)
    void exited.then(({ code }) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${output.join('\n')}`))
    })
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line)
      let entry: { msg?: string; port?: number; url?: string }
      try {
        entry = JSON.parse(line) as typeof entry
      } catch {
        return
      }
      if (entry.msg !== 'listening' || typeof entry.port !== 'number') return
      clearTimeout(timer)
      resolve({
        child,
        port: entry.port,
        url: entry.url ?? `http://127.0.0.1:${entry.port}`,
        output,
        exited,
        kill: (signal = 'SIGTERM') => child.kill(signal),
      })
    })
  })
}
