import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../../shared/api/http';
import { choosePhoto, PhotoPickError, type PhotoSource } from '../../../shared/photo/choose-photo';
import { uploadScan, type UploadTarget } from '../api/upload-scan';
import type { InvoiceScan } from '../api/types';

export type UploadPhase = 'idle' | 'uploading' | 'processing';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof PhotoPickError) return error.message;
  return NETWORK_ERROR_MESSAGE;
}

/**
 * Choosing a photo and uploading it, with the upload's progress. After the last byte the server still fits
 * the photo and hands it to the vendor ("processing"), then answers the new scan.
 */
export function useScanUpload(onUploaded: (scan: InvoiceScan) => void, amountFen?: number) {
  const [phase, setPhase] = useState<UploadPhase>('idle');
  const [percent, setPercent] = useState(0);

  const upload = async (target: UploadTarget, filePath: string) => {
    setPhase('uploading');
    setPercent(0);
    try {
      const onProgress = (value: number) => {
        setPercent(value);
        if (value >= 100) setPhase('processing');
      };
      const scan = await uploadScan(target, filePath, { onProgress, amountFen });
      setPhase('idle');
      onUploaded(scan);
    } catch (error) {
      setPhase('idle');
      void Taro.showModal({
        title: '上传失败',
        content: errorMessage(error),
        showCancel: false,
        confirmText: '知道了',
      });
    }
  };

  const choose = async (target: UploadTarget, source: PhotoSource) => {
    let path: string | null;
    try {
      path = await choosePhoto({ sources: [source] });
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 });
      return;
    }
    if (path) await upload(target, path);
  };

  return { phase, percent, choose, busy: phase !== 'idle' };
}
