import { useCallback, useState } from 'react';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../../shared/api/http';
import { choosePhoto, PhotoPickError, type PhotoSource } from '../../../shared/photo/choose-photo';
import type { PhotoSessionDto } from '../api/types';
import { uploadPhoto } from '../api/upload-photo';

export type UploadStage =
  | { kind: 'idle'; error?: string }
  | { kind: 'uploading'; percent: number }
  | { kind: 'making' }
  | { kind: 'done'; photo: PhotoSessionDto; color: string };

/** Choose → upload (with progress) → the vendor makes the previews → pick a background. */
export function usePhotoUpload(itemId: number) {
  const [stage, setStage] = useState<UploadStage>({ kind: 'idle' });

  const start = useCallback(
    async (source: PhotoSource) => {
      let filePath: string | null;
      try {
        filePath = await choosePhoto({ sources: [source] });
      } catch (error) {
        setStage({
          kind: 'idle',
          error: error instanceof PhotoPickError ? error.message : '没有拿到照片，请重新选择',
        });
        return;
      }
      if (!filePath) return;
      setStage({ kind: 'uploading', percent: 0 });
      try {
        const photo = await uploadPhoto({
          itemId,
          filePath,
          // Once every byte is sent, the server and the vendor are making the photo.
          onProgress: (percent) => setStage(percent >= 100 ? { kind: 'making' } : { kind: 'uploading', percent }),
        });
        setStage({ kind: 'done', photo, color: photo.previews[0]?.color ?? 'white' });
      } catch (error) {
        setStage({ kind: 'idle', error: error instanceof ApiError ? error.message : NETWORK_ERROR_MESSAGE });
      }
    },
    [itemId],
  );

  const chooseColor = useCallback((color: string) => {
    setStage((current) => (current.kind === 'done' ? { ...current, color } : current));
  }, []);

  const reset = useCallback(() => setStage({ kind: 'idle' }), []);

  return { stage, start, chooseColor, reset };
}
