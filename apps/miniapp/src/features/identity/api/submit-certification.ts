import { ApiError } from '../../../shared/api/http';
import type { components } from '../../../shared/api/schema';
import { uploadFile } from '../../../shared/upload/upload-file';
import type { CertificationResultDto } from './types';

export const CERTIFY_PATH = '/api/identity/certifications';
/** A phone's original photo over a slow network, then the vendor's comparison (up to 15 s). */
const UPLOAD_TIMEOUT_MS = 90_000;

/** The form's fields (the generated multipart DTO's), and the photo as the device holds it. */
export interface CertificationInput extends Pick<components['schemas']['CertifyIdentityFormDto'], 'name' | 'idNumber'> {
  /** `tempFilePath` from chooseMedia: a local path in WeChat, a blob URL in H5. */
  facePath: string;
  /** Upload progress, 0–100. */
  onProgress?: (percent: number) => void;
}

/** An error answer may carry the field it is about (`fields.idNumber`), for the form to show it there. */
export class CertifyError extends ApiError {
  constructor(
    base: ApiError,
    readonly fields: Record<string, string> = {},
    readonly retryable = false,
  ) {
    super(base.status, base.code, base.message);
    this.name = 'CertifyError';
  }
}

interface FaceUpload {
  path: string;
  formData: Record<string, string>;
  facePath: string;
  onProgress?: (percent: number) => void;
}

/**
 * Sends name, ID number and the face photo as one multipart request (`Taro.uploadFile`), with the user's
 * token and upload progress. A pass and a fail both resolve; no verdict (vendor busy, bad input, limit)
 * rejects with a CertifyError that says what to do.
 */
export function submitCertification(input: CertificationInput): Promise<CertificationResultDto> {
  // The consent step came first: this request is only ever sent after the person agreed.
  const formData = { consent: 'true', name: input.name, idNumber: input.idNumber };
  return sendFace({ path: CERTIFY_PATH, formData, facePath: input.facePath, onProgress: input.onProgress });
}

/** The face photo of a paid attempt (name and ID number were given when it was created). */
export function submitAttemptFace(
  orderId: number,
  facePath: string,
  onProgress?: (percent: number) => void,
): Promise<CertificationResultDto> {
  return sendFace({ path: `/api/identity/attempts/${orderId}/face`, formData: {}, facePath, onProgress });
}

function sendFace(input: FaceUpload): Promise<CertificationResultDto> {
  return uploadFile<CertificationResultDto>(
    {
      path: input.path,
      filePath: input.facePath,
      name: 'face',
      formData: input.formData,
      timeoutMs: UPLOAD_TIMEOUT_MS,
      onProgress: input.onProgress,
    },
    certifyErrorFrom,
  );
}

/** No answer at all may well succeed when sent again; an answer says itself whether to retry. */
function certifyErrorFrom(base: ApiError, body: unknown): CertifyError {
  const detail = (body ?? {}) as { fields?: Record<string, string>; retryable?: boolean };
  return new CertifyError(base, detail.fields ?? {}, base.status === 0 || detail.retryable === true);
}
