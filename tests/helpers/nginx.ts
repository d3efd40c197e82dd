/**
 * Debian's nginx with the shipped deploy/nginx.conf, pointed at local server processes and
 * listening on a loopback port, run in the foreground with every path in a temporary directory.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { NGINX } from './services.ts'

const SHIPPED = fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url))

export interface Nginx {
  url: string
  output: string[]
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** The shipped configuration with these upstream ports and this listening port. */
export function configFor(upstreamPorts: number[], port: number, dir: string): string {
  const shipped = readFileSync(SHIPPED, 'utf8')
  const servers = upstreamPorts
    .map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`)
    .join('\n')
  const conf = shipped
    .replace(/^ {4}server app\d:8080[^\n]*\n/gm, '')
    .replace(/upstream workshop_board \{\n/, (m) => `${m}${servers}\n`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace(
      'http {',
      [
        'http {',
        `  access_log off;`,
        `  client_body_temp_path ${dir}/body;`,
        `  proxy_temp_path ${dir}/proxy;`,
        `  fastcgi_temp_path ${dir}/fastcgi;`,
        `  uwsgi_temp_path ${dir}/uwsgi;`,
        `  scgi_temp_path ${dir}/scgi;`,
      ].join('\n'),
    )
  return `daemon off;\npid ${dir}/nginx.pid;\nerror_log stderr warn;\n${conf.replace(
    /^worker_processes auto;/m,
    'worker_processes 1;',
  )}`
}

export async function startNginx(upstreamPorts: number[]): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'board-nginx-'))
  const port = await freePort()
  const file = join(dir, 'nginx.conf')
  writeFileSync(file, configFor(upstreamPorts, port, dir))
  const child = spawn(NGINX, ['-p', dir, '-c', file, '-e', 'stderr'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  child.stderr.on('data', (d: Buffer) => output.push(d.toString()))
  child.stdout.on('data', (d: Buffer) => output.push(d.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${output.join('')}`)
    try {
      await fetch(`${url}/healthz`)
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not start:\n${output.join('')}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  return {
    url,
    output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGQUIT')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
