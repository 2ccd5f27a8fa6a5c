import { Image, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ProgressBar } from '../ui/progress-bar';

interface PhotoSlotProps {
  /** The feature's own block class, for its layout (e.g. `license-slot license-slot--front`). */
  className?: string;
  /** The chosen photo, shown back before (and while) it is sent. */
  src?: string | null;
  imageClassName?: string;
  /** What stands in the frame before a photo is chosen. */
  placeholder: ReactNode;
  /** Upload progress 0–100; no bar when absent or complete. */
  percent?: number;
  onPick: () => void;
  children?: ReactNode;
}

/** A tappable frame that picks a photo: the photo once chosen, else a placeholder; the upload's bar under it. */
export function PhotoSlot({ className, src, imageClassName, placeholder, percent, onPick, children }: PhotoSlotProps) {
  return (
    <View className={`photo-slot ${className ?? ''}`} onClick={onPick}>
      {src ? (
        <Image className={`photo-slot__image ${imageClassName ?? ''}`} src={src} mode="aspectFill" />
      ) : (
        placeholder
      )}
      {children}
      {percent !== undefined && percent < 100 ? <ProgressBar percent={percent} strokeWidth="6" /> : null}
    </View>
  );
}
