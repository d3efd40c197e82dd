import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { blocksFromFragment } from './scribe.ts'

/** A paragraph element holding `parts`: strings, or [text, bold]. */
function paragraph(parts: (string | [string, boolean])[], name = 'paragraph'): Y.XmlElement {
  const p = new Y.XmlElement(name)
  const text = new Y.XmlText()
  p.insert(0, [text])
  let at = 0
  for (const part of parts) {
    const [s, bold] = typeof part === 'string' ? [part, false] : part
    text.insert(at, s, bold ? { bold: true } : {})
    at += s.length
  }
  return p
}

function list(name: string, itemName: string, items: Y.XmlElement[][]): Y.XmlElement {
  const el = new Y.XmlElement(name)
  el.insert(
    0,
    items.map((children) => {
      const li = new Y.XmlElement(itemName)
      li.insert(0, children)
      return li
    }),
  )
  return el
}

describe('blocksFromFragment', () => {
  it("reads TipTap's node names (bulletList, orderedList, listItem, hardBreak)", () => {
    const doc = new Y.Doc()
    const frag = doc.getXmlFragment('scribe:plenary')
    const withBreak = paragraph(['first line'])
    withBreak.insert(1, [new Y.XmlElement('hardBreak')])
    const after = new Y.XmlText()
    after.insert(0, 'second line')
    withBreak.insert(2, [after])
    frag.insert(0, [
      paragraph(['Decision: ', ['owners sign off', true]]),
      list('bulletList', 'listItem', [
        [paragraph(['one'])],
        [paragraph(['two']), list('orderedList', 'listItem', [[paragraph(['nested'])]])],
      ]),
      withBreak,
    ])
    expect(blocksFromFragment(frag)).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'Decision: ', bold: false },
          { text: 'owners sign off', bold: true },
        ],
      },
      {
        type: 'list',
        ordered: false,
        items: [
          [{ type: 'paragraph', runs: [{ text: 'one', bold: false }] }],
          [
            { type: 'paragraph', runs: [{ text: 'two', bold: false }] },
            {
              type: 'list',
              ordered: true,
              items: [[{ type: 'paragraph', runs: [{ text: 'nested', bold: false }] }]],
            },
          ],
        ],
      },
      { type: 'paragraph', runs: [{ text: 'first line\nsecond line', bold: false }] },
    ])
  })

  it('still reads the schema-basic names', () => {
    const doc = new Y.Doc()
    const frag = doc.getXmlFragment('scribe:plenary')
    frag.insert(0, [list('bullet_list', 'list_item', [[paragraph(['a'])]])])
    expect(blocksFromFragment(frag)).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'paragraph', runs: [{ text: 'a', bold: false }] }]],
      },
    ])
  })
})
