/** Inline SVG icons (no icon font, nothing fetched from other hosts). */
const paths = {
  select: 'M5 3l14 8-6 1.8L10 19z',
  hand: 'M8 12V5.5a1.5 1.5 0 013 0V11m0-6.5v-1a1.5 1.5 0 013 0V11m0-5.5a1.5 1.5 0 013 0V12m0-3.5a1.5 1.5 0 013 0V15a6 6 0 01-6 6h-1.5a6 6 0 01-4.7-2.3L5 15.5a1.6 1.6 0 012.4-2.1L8 14',
  note: 'M5 4h14v10l-6 6H5z M13 20v-6h6',
  frame: 'M7 3v18 M17 3v18 M3 7h18 M3 17h18',
  undo: 'M9 14L4 9l5-5 M4 9h10.5a5.5 5.5 0 010 11H11',
  redo: 'M15 14l5-5-5-5 M20 9H9.5a5.5 5.5 0 000 11H13',
  plus: 'M12 5v14 M5 12h14',
  minus: 'M5 12h14',
  fit: 'M4 9V4h5 M15 4h5v5 M20 15v5h-5 M9 20H4v-5',
  share: 'M16 6l-4-4-4 4 M12 2v13 M5 12v7a2 2 0 002 2h10a2 2 0 002-2v-7',
  trash: 'M4 7h16 M10 11v6 M14 11v6 M6 7l1 13h10l1-13 M9 7V4h6v3',
  copy: 'M9 9h11v11H9z M5 15H4V4h11v1',
  link: 'M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1 M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1',
  check: 'M5 12l5 5L20 7',
  arrow: 'M5 19L19 5 M10 5h9v9',
  person: 'M12 12a4 4 0 100-8 4 4 0 000 8z M4 21a8 8 0 0116 0',
  cloudOff: 'M3 3l18 18 M8 8a5 5 0 00-1 9.9h9 M12 5a6 6 0 015.9 5A4 4 0 0120 17',
} as const

export type IconName = keyof typeof paths

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  )
}
