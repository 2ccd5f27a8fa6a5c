/**
 * Saving a finished photo or receipt, one interface for both platforms (save-image.weapp.ts /
 * save-image.h5.ts). Resolves the message to show; rejects with a SaveImageError that says what to do.
 */
export type SaveImage = (url: string, fileName: string) => Promise<string>;

export class SaveImageError extends Error {
  override name = 'SaveImageError';
}
