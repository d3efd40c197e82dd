/** A picture on the board (a photo of a paper poster), loaded from the server by its hash. */
import { memo, useEffect, useState } from 'react'
import { Group, Image, Rect, Text } from 'react-konva'
import type { ImageRecord } from '../../shared/schema/index.ts'
import { t } from '../i18n/i18n.ts'
import { FONT_FAMILY, MUTED_INK } from './palette.ts'

interface Props {
  image: ImageRecord
  dx: number
  dy: number
  /** Where to load it from (with this page's board token). */
  src: string
}

export const ImageShape = memo(function ImageShape({ image, dx, dy, src }: Props) {
  const picture = usePicture(src)
  return (
    <Group id={image.id} name="item" x={image.x + dx} y={image.y + dy}>
      <Rect
        width={image.w}
        height={image.h}
        fill="#eef0f3"
        stroke="#c4cad3"
        strokeWidth={1}
        perfectDrawEnabled={false}
      />
      {picture === 'failed' || !picture ? (
        <Text
          text={picture === 'failed' ? t('image-missing') : t('image-loading')}
          width={image.w}
          height={image.h}
          align="center"
          verticalAlign="middle"
          fontSize={Math.max(14, Math.min(image.w, image.h) / 12)}
          fontFamily={FONT_FAMILY}
          fill={MUTED_INK}
          listening={false}
        />
      ) : (
        <Image
          image={picture}
          width={image.w}
          height={image.h}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  )
})

/** The picture at `src`, once loaded (the browser caches it: its name never changes). */
function usePicture(src: string): HTMLImageElement | 'failed' | null {
  const [state, setState] = useState<{ src: string; value: HTMLImageElement | 'failed' } | null>(
    null,
  )
  useEffect(() => {
    const img = new window.Image()
    img.onload = () => setState({ src, value: img })
    img.onerror = () => setState({ src, value: 'failed' })
    img.src = src
    return () => {
      img.onload = null
      img.onerror = null
    }
  }, [src])
  return state?.src === src ? state.value : null
}
