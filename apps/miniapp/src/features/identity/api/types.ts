/** The identity endpoints' answers (server: apps/server/src/identity/dto/certification.dto.ts). */

export interface FailureAdvice {
  /** What failed, e.g. 照片与身份证照片不是同一人. */
  title: string;
  /** What to do next. */
  detail: string;
  /** Whether a new photo is the likely fix. */
  retakePhoto: boolean;
}

export interface CertificationDto {
  id: number;
  orderId: number;
  orderNo: string;
  passed: boolean;
  /** Masked by the server, e.g. 张*. */
  name: string;
  /** Masked by the server, e.g. 110***********1234. */
  idNumber: string;
  failedReason: string | null;
  advice: FailureAdvice | null;
  createdAt: string;
}

export interface CertificationResultDto extends CertificationDto {
  attemptsLeftToday: number;
}

export interface CertificationPageDto {
  items: CertificationDto[];
  nextCursor: string | null;
}

export interface IdentityStatusDto {
  verified: boolean;
  verifiedAt: string | null;
  name: string | null;
  idNumber: string | null;
  dailyLimit: number;
  attemptsToday: number;
  attemptsLeftToday: number;
}
