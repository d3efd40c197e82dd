/** Who is here: avatars in the top bar, a list on click; your own name can be changed there. */
import { useState, useSyncExternalStore } from 'react'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import { initials } from '../lib/identity.ts'
import { Icon } from './icons.tsx'
import { PersonTime, RecentPeople } from '../remote/PersonTime.tsx'

const MAX_AVATARS = 5

export function People({ editor, onRename }: { editor: Editor; onRename: () => void }) {
  const peers = useSyncExternalStore(editor.presence.subscribe, editor.presence.get)
  const [open, setOpen] = useState(false)
  // One avatar per person, even if they have the board open twice.
  const others = [...new Map(peers.map((p) => [p.user.id, p.user])).values()].filter(
    (u) => u.id !== editor.user.id,
  )
  const everyone = [{ ...editor.user }, ...others]
  return (
    <div className="people">
      {/* Named by its text (the count), not a label that differs from what it shows. */}
      <button
        type="button"
        className="avatars"
        aria-expanded={open}
        title={t('people-count', everyone.length)}
        data-testid="people"
        data-count={everyone.length}
        onClick={() => setOpen(!open)}
      >
        <span className="visually-hidden">{t('people-count', everyone.length)}</span>
        {everyone.slice(0, MAX_AVATARS).map((u) => (
          <Avatar key={u.id} user={u} />
        ))}
        {everyone.length > MAX_AVATARS && (
          <span className="avatar avatar--more" aria-hidden="true">
            +{everyone.length - MAX_AVATARS}
          </span>
        )}
      </button>
      {open && (
        <div className="popover people-list" role="dialog" aria-label={t('people-title')}>
          <h2>{t('people-title')}</h2>
          <ul>
            {everyone.map((u) => (
              <li key={u.id}>
                <Avatar user={u} small />
                <span className="person-name">
                  {u.id === editor.user.id ? t('people-you', u.name) : u.name}
                </span>
                <span className="person-role">{t(`role-${u.role}` as MessageKey)}</span>
                <PersonTime editor={editor} userId={u.id} />
              </li>
            ))}
          </ul>
          <RecentPeople editor={editor} boardId={editor.session.options.boardId} />
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setOpen(false)
              onRename()
            }}
          >
            {t('people-change-name')}
          </button>
        </div>
      )}
    </div>
  )
}

/**
 * A person's initials in their colour; someone who has not typed a name yet (a guest) gets a
 * plain figure, not the initials of "Guest 1a2b".
 */
function Avatar({
  user,
  small = false,
}: {
  user: { id: string; name: string; color: string }
  small?: boolean
}) {
  const guest = user.name.trim() === '' || user.name === t('guest-name', user.id.slice(0, 4))
  return (
    <span
      className={`avatar${small ? ' avatar--small' : ''}${guest ? ' avatar--guest' : ''}`}
      style={{ background: user.color }}
      aria-hidden="true"
      data-testid="avatar"
    >
      {guest ? <Icon name="person" size={small ? 14 : 16} /> : initials(user.name)}
    </span>
  )
}
