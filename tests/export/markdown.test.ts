import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { renderExport } from '../../shared/export/index.ts'
import { HOSTILE, buildHostileBoard } from '../fixtures/hostile-board.ts'
import { buildSeedBoard } from '../fixtures/seed-board.ts'
import { expectGolden, tagCounts, visibleLines, visibleText } from './helpers.ts'

// Raw HTML on, as on GitHub: any HTML that reaches the output from user text would show here.
const md = new MarkdownIt({ html: true })

const markdownOf = (doc = buildSeedBoard()) => renderExport(doc, 'markdown').body

function headings(source: string): string[] {
  const tokens = md.parse(source, {})
  const out: string[] = []
  tokens.forEach((t, i) => {
    if (t.type !== 'heading_open') return
    out.push(`${t.tag} ${visibleText(md.renderInline(tokens[i + 1]!.content))}`)
  })
  return out
}

describe('Markdown export of the seed board', () => {
  const source = markdownOf()
  const html = md.render(source)

  it('matches the reviewed golden file', () => {
    expectGolden('seed-board.md', source)
  })

  it('has the same sections as the wikitext, in order', () => {
    expect(headings(source).filter((h) => /^h[12] /.test(h))).toEqual([
      'h1 How do we work together',
      'h2 Session Setup',
      'h2 Questions to answer during this session',
      'h2 Attendees list',
      'h2 Structured notes',
      'h2 Questions and answers',
      'h2 Features and goals',
      'h2 Important decisions to make',
      'h2 Action items',
      'h2 New questions',
      'h2 Detailed notes',
      'h2 Posters',
      'h2 Other post-its',
      'h2 Dot voting results',
    ])
  })

  it('renders lanes, gaps with roles, process steps and bold points', () => {
    expect(html).toMatch(/<li>Long Term maintenance\s*<ul>\s*<li>Relates to: PM, CP, RE<\/li>/)
    const steps = [
      ...html.matchAll(/<li>(Idea|Validation|Beta|Production|Maintenance|Sunsetting) —/g),
    ]
    expect(steps.map((m) => m[1])).toEqual([
      'Idea',
      'Validation',
      'Beta',
      'Production',
      'Maintenance',
      'Sunsetting',
    ])
    expect(html).toContain('♥ heart (good connection)')
    expect(html).toContain('⚡ broken line (breakdown or problem)')
    expect(html).toContain('? question mark (open question)')
    expect(html).toContain('<strong>not learning from mistakes can be dangerous</strong>')
    expect(html).toContain('<strong>Theme:</strong> Working together')
  })

  it('keeps line breaks of a post-it inside its list item', () => {
    expect(html).toMatch(
      /<li>PM Product Manager<br>\s*- increase the reach of MediaWiki for collaborative knowledge sharing<\/li>/,
    )
  })

  it('ranks the revealed votes', () => {
    const voting = visibleLines(html.slice(html.indexOf('Dot voting results')))
    expect(voting).toContain('Define update mechanism (9)')
    expect(voting).toContain('Choose a Release Manager for 3rd party releases (0)')
    const ranked = voting.slice(voting.indexOf('Overall ranking') + 1)
    expect(ranked[0]).toMatch(/^\(21\) How do we plan for maintenance .* — /)
    expect(ranked[1]).toMatch(/^\(16\) Governing body, SIG /)
    expect(source).not.toContain('Follow-up topics')
  })
})

describe('Markdown escaping', () => {
  const source = markdownOf(buildHostileBoard())
  const tokens = md.parse(source, {})
  const html = md.render(source)

  it('turns no user text into markup or HTML', () => {
    const types = new Set<string>()
    const inlineHtml = new Set<string>()
    const walk = (list: typeof tokens) =>
      list.forEach((t) => {
        types.add(t.type)
        if (t.type === 'html_inline') inlineHtml.add(t.content)
        if (t.children) walk(t.children)
      })
    walk(tokens)
    // The only HTML is ours: <strong> where ** cannot open or close next to punctuation.
    expect([...inlineHtml].sort()).toEqual(['</strong>', '<strong>'])
    for (const forbidden of [
      'html_block',
      'code_inline',
      'code_block',
      'fence',
      'blockquote_open',
      'table_open',
      's_open',
      'link_open',
    ]) {
      expect(types.has(forbidden), forbidden).toBe(false)
    }
    // The only images are our suggested poster pictures, named from ASCII stems.
    const images = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'image')
    expect(images.length).toBeGreaterThan(0)
    for (const img of images) expect(img.attrGet('src')).toMatch(/^[a-z0-9-]+\.png$/)
    expect(tagCounts(html).get('hr')).toBe(1)
    expect(headings(source).filter((h) => h.includes('fake'))).toEqual([
      'h3 == fake ==',
      'h4 == fake ==',
    ])
  })

  it('shows every hostile string literally', () => {
    const text = visibleText(html)
    for (const s of HOSTILE) expect(text, s).toContain(s.trim())
    const lines = visibleLines(html)
    expect(lines).toContain('Theme: == fake ==')
    expect(lines).toContain('* lane {{x}}')
    expect(lines).toContain('Relates to: [[Tag]] |}')
    expect(headings(source)[0]).toBe('h1 == [[Board]] {{x}} ==')
  })

  it('keeps bold next to apostrophes and punctuation', () => {
    expect(html).toContain("<strong>'''</strong>it's<strong>[[bold link]]</strong>'")
  })
})
