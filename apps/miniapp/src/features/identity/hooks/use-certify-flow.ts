import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../../shared/api/http';
import { choosePhoto, PhotoPickError } from '../../../shared/photo/choose-photo';
import { startIdentityAttempt } from '../api/identity-api';
import { CertifyError, submitCertification } from '../api/submit-certification';
import type { CertificationResultDto } from '../api/types';
import type { IdentityFields } from '../components/identity-form';
import type { SubmitPhase } from '../components/submit-progress';
import { IDENTITY_ROUTES } from '../routes';

export type FlowStep = 'consent' | 'form' | 'photo' | 'submitting' | 'result' | 'error';

/** Answers that mean "the photo is the problem": back to the camera, with the reason. */
const PHOTO_CODES = new Set([
  'FACE_REQUIRED',
  'NOT_AN_IMAGE',
  'IMAGE_DAMAGED',
  'IMAGE_TOO_SMALL',
  'IMAGE_TOO_MANY_PIXELS',
  'IMAGE_TOO_COMPLEX',
]);
/** Answers after which trying again today makes no sense. */
const FINAL_CODES = new Set(['ALREADY_VERIFIED', 'IDENTITY_DAILY_LIMIT', 'IDENTITY_USED_BY_ANOTHER_ACCOUNT']);

export interface FlowError {
  code: string;
  message: string;
  /** The same request may succeed later: offer to send it again as it is. */
  retryable: boolean;
  /** Nothing to retry today. */
  final: boolean;
}

/**
 * The verification as steps: consent → name and ID number → photo → waiting → result. Name, number and
 * photo live only in this page's memory; a retry keeps them, so a person whose photo failed only takes
 * a new photo.
 */
export interface FlowOptions {
  /** Above 0: 提交 creates the attempt 待支付 and opens its page (pay, then the photo there). */
  priceFen?: number;
  /** A paid attempt's page: the photo goes to that attempt (no name or ID number to send). */
  sendFace?: (facePath: string, onProgress: (percent: number) => void) => Promise<CertificationResultDto>;
  initialStep?: FlowStep;
}

export function useCertifyFlow({ priceFen = 0, sendFace, initialStep = 'consent' }: FlowOptions = {}) {
  const [step, setStep] = useState<FlowStep>(initialStep);
  const [fields, setFields] = useState<IdentityFields>({ name: '', idNumber: '' });
  const [serverErrors, setServerErrors] = useState<Partial<Record<keyof IdentityFields, string>>>({});
  const [photoPath, setPhotoPath] = useState<string | null>(null);
  const [photoMessage, setPhotoMessage] = useState<string | null>(null);
  const [phase, setPhase] = useState<SubmitPhase>('uploading');
  const [uploadPercent, setUploadPercent] = useState(0);
  const [result, setResult] = useState<CertificationResultDto | null>(null);
  const [error, setError] = useState<FlowError | null>(null);
  const sending = useRef(false);

  const takePhoto = useCallback(async () => {
    try {
      // The front camera: the comparison wants the person's own face, taken now.
      const path = await choosePhoto({ camera: 'front' });
      if (path) {
        setPhotoPath(path);
        setPhotoMessage(null);
      }
    } catch (e) {
      const message = e instanceof PhotoPickError ? e.message : '没有拿到照片，请重新拍摄';
      void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
    }
  }, []);

  const fail = useCallback((e: unknown) => {
    const apiError = e instanceof ApiError ? e : new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
    const fieldErrors = e instanceof CertifyError ? e.fields : {};
    if (fieldErrors.name || fieldErrors.idNumber) {
      setServerErrors({ name: fieldErrors.name, idNumber: fieldErrors.idNumber });
      setStep('form');
      return;
    }
    if (PHOTO_CODES.has(apiError.code)) {
      setPhotoPath(null);
      setPhotoMessage(apiError.message);
      setStep('photo');
      return;
    }
    const retryable = apiError.status === 0 || (e instanceof CertifyError && e.retryable && apiError.status !== 429);
    setError({ code: apiError.code, message: apiError.message, retryable, final: FINAL_CODES.has(apiError.code) });
    setStep('error');
  }, []);

  const submit = useCallback(async () => {
    if (!photoPath || sending.current) return;
    sending.current = true;
    setStep('submitting');
    setPhase('uploading');
    setUploadPercent(0);
    setError(null);
    try {
      const onProgress = (percent: number) => {
        setUploadPercent(percent);
        if (percent >= 100) setPhase('comparing');
      };
      const answer = sendFace
        ? await sendFace(photoPath, onProgress)
        : await submitCertification({ ...fields, facePath: photoPath, onProgress });
      setResult(answer);
      setStep('result');
    } catch (e) {
      fail(e);
    } finally {
      sending.current = false;
    }
  }, [fail, fields, photoPath, sendFace]);

  /** Priced: the attempt 待支付, then its own page, where the user pays and takes the photo. */
  const startPaid = useCallback(
    async (value: IdentityFields) => {
      if (sending.current) return;
      sending.current = true;
      try {
        const attempt = await startIdentityAttempt(value, priceFen);
        await Taro.redirectTo({ url: IDENTITY_ROUTES.attempt(attempt.orderId) });
      } catch (e) {
        fail(e);
      } finally {
        sending.current = false;
      }
    },
    [fail, priceFen],
  );

  return {
    step,
    fields,
    serverErrors,
    photoPath,
    photoMessage,
    phase,
    uploadPercent,
    result,
    error,
    setFields,
    agree: () => setStep('form'),
    confirmFields: (value: IdentityFields) => {
      setFields(value);
      setServerErrors({});
      if (priceFen > 0) void startPaid(value);
      else setStep('photo');
    },
    takePhoto,
    submit,
    retakePhoto: () => {
      setPhotoPath(null);
      setPhotoMessage(null);
      setStep('photo');
    },
    editInfo: () => setStep('form'),
  };
}
