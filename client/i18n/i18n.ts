/**
 * The one message catalogue. Every user-facing string goes through `t(key, ...params)`;
 * messages use banana's MediaWiki conventions ($1, {{PLURAL:$1|one|many}}).
 */
import Banana, { type ParameterType } from 'banana-i18n'
import en from './en.json' with { type: 'json' }

export type MessageKey = Exclude<keyof typeof en, '@metadata'>

/** Catalogues bundled with the app; add a language by adding its file here. */
const catalogues: Record<string, Record<string, unknown>> = { en }

const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'ks',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
])

function pickLocale(): string {
  const wanted = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [])
  for (const tag of wanted) {
    const base = tag.toLowerCase().split('-')[0]!
    if (catalogues[tag]) return tag
    if (catalogues[base]) return base
  }
  return 'en'
}

const locale = pickLocale()
const banana = new Banana(locale, { finalFallback: 'en' })
for (const [lang, messages] of Object.entries(catalogues)) {
  const { '@metadata': _meta, ...rest } = messages
  banana.load(rest as Record<string, string>, lang)
}

export function t(key: MessageKey, ...params: ParameterType[]): string {
  return banana.i18n(key, ...params)
}

export const currentLocale = () => locale
export const textDirection = (lang = locale): 'rtl' | 'ltr' =>
  RTL_LANGUAGES.has(lang.split('-')[0]!) ? 'rtl' : 'ltr'

/** Sets lang/dir on <html> so that layout and text follow the language. */
export function applyDocumentLocale(): void {
  document.documentElement.lang = locale
  document.documentElement.dir = textDirection()
}
