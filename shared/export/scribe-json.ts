/**
 * Scribe notes in JSON: a faithful form of a Y.XmlFragment (elements with attributes, texts as
 * Yjs deltas), so that an export can rebuild the notes exactly, marks included.
 */
import * as Y from 'yjs'
import { z } from 'zod'

export type ScribeNode =
  | { type: 'element'; name: string; attrs: Record<string, unknown>; children: ScribeNode[] }
  | { type: 'text'; delta: DeltaOp[] }

export interface DeltaOp {
  insert: string | Record<string, unknown>
  attributes?: Record<string, unknown>
}

/** ProseMirror documents are shallow; anything deeper than this is not a scribe note. */
export const MAX_SCRIBE_DEPTH = 32

const jsonValue = z.json()
/** null is how Yjs says "remove this format", so it cannot be a stored value. */
const attrValue = jsonValue.refine((v) => v !== null, 'null is not an attribute value')

const deltaOpSchema = z.strictObject({
  insert: z.union([z.string().min(1), z.record(z.string(), jsonValue)]),
  attributes: z.record(z.string().min(1).max(64), attrValue).optional(),
})

export const scribeNodeSchema: z.ZodType<ScribeNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('element'),
      name: z
        .string()
        .max(64)
        .regex(/^[A-Za-z][A-Za-z0-9_:-]*$/, 'element names are letters, digits, "_", ":", "-"'),
      attrs: z.record(z.string().min(1).max(64), attrValue),
      children: z.array(scribeNodeSchema).max(10_000),
    }),
    z.strictObject({ type: z.literal('text'), delta: z.array(deltaOpSchema).max(10_000) }),
  ]),
) as z.ZodType<ScribeNode>

/** Depth of nested arrays/objects, checked before zod so that deep input cannot exhaust the stack. */
export function jsonDepth(value: unknown): number {
  let max = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [v, d] = stack.pop()!
    if (d > max) max = d
    if (typeof v === 'object' && v !== null) {
      for (const child of Object.values(v)) stack.push([child, d + 1])
    }
  }
  return max
}

export function fragmentToJson(fragment: Y.XmlFragment): ScribeNode[] {
  return fragment.toArray().flatMap((child) => nodeToJson(child))
}

function nodeToJson(node: Y.XmlElement | Y.XmlText | Y.XmlHook): ScribeNode[] {
  if (node instanceof Y.XmlText) {
    const delta = (node.toDelta() as DeltaOp[]).map((op) =>
      op.attributes
        ? { insert: op.insert, attributes: sortKeys(op.attributes) }
        : { insert: op.insert },
    )
    return [{ type: 'text', delta }]
  }
  if (node instanceof Y.XmlElement) {
    const attrs = node.getAttributes() as Record<string, unknown>
    return [
      {
        type: 'element',
        name: node.nodeName,
        attrs: Object.fromEntries(
          Object.keys(attrs)
            .sort()
            .map((k) => [k, attrs[k]]),
        ),
        children: node.toArray().flatMap((child) => nodeToJson(child)),
      },
    ]
  }
  return [] // Hooks are not used by the scribe editor.
}

/** Same keys, sorted, so that equal content always serialises the same. */
const sortKeys = (o: Record<string, unknown>) =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  )

/** Appends nodes to an integrated fragment or element (call inside a transaction). */
export function writeNodes(parent: Y.XmlFragment | Y.XmlElement, nodes: readonly ScribeNode[]) {
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = new Y.XmlText()
      parent.insert(parent.length, [text])
      text.applyDelta(node.delta)
    } else {
      const el = new Y.XmlElement(node.name)
      parent.insert(parent.length, [el])
      for (const [key, value] of Object.entries(node.attrs)) {
        el.setAttribute(key, value as string)
      }
      writeNodes(el, node.children)
    }
  }
}
