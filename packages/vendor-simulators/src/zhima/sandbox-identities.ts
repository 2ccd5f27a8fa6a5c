import { makeIdNumber, normaliseIdNumber } from '@banshi/vendor-clients';

/** A person the simulator knows, and the verdict it gives them. */
export interface SandboxIdentity {
  certNo: string;
  /** When set, any other `cert_name` fails with 「身份证号与姓名不匹配」. */
  certName?: string;
  passes: boolean;
  /** The `failed_reason` of a failing verdict. */
  failedReason?: string;
  /** What the entry is for, shown by the sandbox. */
  note?: string;
}

/** `failed_reason` texts the simulator answers with. */
export const SANDBOX_FAILED_REASONS = {
  faceMismatch: '人脸比对不通过',
  nameMismatch: '身份证号与姓名不匹配',
  poorPhoto: '照片质量不合格，请正对镜头、光线充足',
  unknownIdentity: '未查询到该身份信息，请核对姓名和身份证号',
} as const;

/** `failed_reason` of a pass, as in the document's 响应示例. */
export const SANDBOX_PASSED_REASON = '认证完成';

/**
 * The default table: valid numbers (GB 11643 check digit) from real region codes, two that pass and
 * three that fail for the reasons people meet in practice.
 */
export const DEFAULT_SANDBOX_IDENTITIES: readonly SandboxIdentity[] = Object.freeze([
  { certNo: makeIdNumber('110101', '19900307', 123), certName: '张三', passes: true, note: '通过' },
  { certNo: makeIdNumber('310104', '19851120', 456), certName: '李四', passes: true, note: '通过' },
  {
    certNo: makeIdNumber('440305', '19920615', 789),
    certName: '王五',
    passes: false,
    failedReason: SANDBOX_FAILED_REASONS.faceMismatch,
    note: '人脸不符',
  },
  {
    certNo: makeIdNumber('330106', '19780228', 222),
    passes: false,
    failedReason: SANDBOX_FAILED_REASONS.nameMismatch,
    note: '任何姓名都不匹配',
  },
  {
    certNo: makeIdNumber('510107', '20000101', 335),
    certName: '钱七',
    passes: false,
    failedReason: SANDBOX_FAILED_REASONS.poorPhoto,
    note: '照片质量差',
  },
]);

export type UnknownIdentityPolicy = 'pass' | 'fail';

export interface Verdict {
  passed: boolean;
  failedReason: string;
}

/** The verdict for one person: from the table, else by the policy for people the table lacks. */
export function decideVerdict(
  table: ReadonlyMap<string, SandboxIdentity>,
  unknownIdentities: UnknownIdentityPolicy,
  certNo: string,
  certName: string,
): Verdict {
  const identity = table.get(normaliseIdNumber(certNo));
  if (!identity) {
    return unknownIdentities === 'pass'
      ? { passed: true, failedReason: SANDBOX_PASSED_REASON }
      : { passed: false, failedReason: SANDBOX_FAILED_REASONS.unknownIdentity };
  }
  if (identity.certName !== undefined && identity.certName !== certName) {
    return { passed: false, failedReason: SANDBOX_FAILED_REASONS.nameMismatch };
  }
  if (identity.passes) return { passed: true, failedReason: SANDBOX_PASSED_REASON };
  return { passed: false, failedReason: identity.failedReason ?? SANDBOX_FAILED_REASONS.faceMismatch };
}

export function identityTable(identities: readonly SandboxIdentity[]): Map<string, SandboxIdentity> {
  return new Map(identities.map((identity) => [normaliseIdNumber(identity.certNo), { ...identity }]));
}
