/**
 * Plain-function validators derived from the zod schemas, for reading many records fast. Zod
 * cannot compile its parsers where the page's CSP forbids `new Function`, and its interpreted
 * parse costs more than the rest of reading a record; a board of 10,000 post-its reads every
 * record as it opens. The schemas stay the one description of the shape: this walks their
 * definitions and builds closures that accept exactly what `safeParse` accepts. A schema using
 * anything not handled here gets no fast check (null), and its records are parsed by zod.
 */
import type { z } from 'zod'

export type FastCheck = (value: unknown) => boolean

interface Def {
  type: string
  checks?: { _zod: { def: CheckDef } }[]
  [key: string]: unknown
}
interface CheckDef {
  check: string
  format?: string
  value?: number | bigint
  inclusive?: boolean
  minimum?: number
  maximum?: number
  pattern?: RegExp
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def

/** The checks of a string, number or array, or null when one of them is not understood. */
function compileChecks(def: Def, length: boolean): FastCheck[] | null {
  const out: FastCheck[] = []
  for (const c of def.checks ?? []) {
    const d = c._zod.def
    if (length && d.check === 'min_length') {
      const min = d.minimum!
      out.push((v) => (v as { length: number }).length >= min)
    } else if (length && d.check === 'max_length') {
      const max = d.maximum!
      out.push((v) => (v as { length: number }).length <= max)
    } else if (d.check === 'string_format' && d.format === 'regex' && d.pattern) {
      const re = d.pattern
      out.push((v) => {
        re.lastIndex = 0
        return re.test(v as string)
      })
    } else if (d.check === 'greater_than' && typeof d.value === 'number') {
      const min = d.value
      out.push(d.inclusive ? (v) => (v as number) >= min : (v) => (v as number) > min)
    } else if (d.check === 'less_than' && typeof d.value === 'number') {
      const max = d.value
      out.push(d.inclusive ? (v) => (v as number) <= max : (v) => (v as number) < max)
    } else if (d.check === 'number_format' && d.format === 'safeint') {
      out.push((v) => Number.isSafeInteger(v))
    } else return null
  }
  return out
}

const all =
  (base: FastCheck, checks: FastCheck[]): FastCheck =>
  (v) => {
    if (!base(v)) return false
    for (const c of checks) if (!c(v)) return false
    return true
  }

/** A validator accepting what `schema.safeParse` accepts, or null if it cannot be derived. */
export function compileFastCheck(schema: z.ZodType): FastCheck | null {
  const def = defOf(schema)
  switch (def.type) {
    case 'string': {
      const checks = compileChecks(def, true)
      return checks && all((v) => typeof v === 'string', checks)
    }
    case 'number': {
      // Zod 4 numbers are finite: NaN and ±Infinity fail.
      const checks = compileChecks(def, false)
      return checks && all((v) => typeof v === 'number' && Number.isFinite(v), checks)
    }
    case 'boolean':
      return def.checks?.length ? null : (v) => typeof v === 'boolean'
    case 'literal': {
      const values = def.values as unknown[]
      return (v) => values.includes(v)
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>))
      return (v) => values.has(v)
    }
    case 'nullable': {
      const inner = compileFastCheck(def.innerType as z.ZodType)
      return inner && ((v) => v === null || inner(v))
    }
    case 'optional': {
      const inner = compileFastCheck(def.innerType as z.ZodType)
      return inner && ((v) => v === undefined || inner(v))
    }
    case 'union': {
      const options = (def.options as z.ZodType[]).map(compileFastCheck)
      if (options.some((o) => o === null)) return null
      const list = options as FastCheck[]
      return (v) => list.some((o) => o(v))
    }
    case 'array': {
      const element = compileFastCheck(def.element as z.ZodType)
      const checks = compileChecks(def, true)
      if (!element || !checks) return null
      return all((v) => Array.isArray(v) && v.every((e) => element(e)), checks)
    }
    case 'object': {
      // Unknown keys pass (zod strips them); a catchall or a refinement is not handled here.
      if (def.catchall !== undefined || def.checks?.length) return null
      const fields: [string, FastCheck][] = []
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const check = compileFastCheck(field)
        if (!check) return null
        fields.push([key, check])
      }
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
        const rec = v as Record<string, unknown>
        for (const [key, check] of fields) if (!check(rec[key])) return false
        return true
      }
    }
    default:
      return null
  }
}
