/**
 * Prints the top functions (self time) and top files of .cpuprofile files:
 * `tsx bench/prof.ts bench/results/prof/*.cpuprofile` (profiles from BENCH_PROFILE=1).
 */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const TOP = Number(process.env.TOP ?? 25)

for (const file of process.argv.slice(2)) {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(prof.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  const perFile = new Map<string, number>()
  let total = 0
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0
    const node = byId.get(id)
    if (!node) return
    const { functionName, url, lineNumber } = node.callFrame
    const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/main\//, '')
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + dt)
    perFile.set(where || '(native)', (perFile.get(where || '(native)') ?? 0) + dt)
    total += dt
  })
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(
        ([k, us]) =>
          `${(us / 1000).toFixed(1).padStart(9)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`,
      )
  console.log(`# ${file}: ${(total / 1000).toFixed(0)} ms sampled`)
  console.log('## self time by function', ...top(self).map((l) => '\n' + l))
  console.log('## self time by file', ...top(perFile).map((l) => '\n' + l))
}
