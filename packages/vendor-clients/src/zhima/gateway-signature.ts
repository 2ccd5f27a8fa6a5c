import { createSign, createVerify, type KeyObject } from 'node:crypto';

/*
 * The gateway side of Alipay OpenAPI v1 RSA2, written against node:crypto alone so that it checks
 * alipay-sdk instead of agreeing with it by construction.
 */

/**
 * The string the app signs: every parameter except `sign`, empty values dropped, sorted by key,
 * joined as `k=v` with `&`, values as sent (decoded, not URL-encoded). `sign_type` is included.
 */
export function requestSigningString(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

/** SHA256withRSA over the UTF-8 bytes of the signing string, signature in base64. */
export function verifyRequestSignature(params: Record<string, string>, appPublicKey: KeyObject): boolean {
  const signature = params.sign;
  if (!signature) return false;
  try {
    return createVerify('RSA-SHA256')
      .update(requestSigningString(params), 'utf8')
      .verify(appPublicKey, signature, 'base64');
  } catch {
    // A malformed signature is a signature that does not verify.
    return false;
  }
}

/** Signs the exact JSON text of a `<method>_response` value, as the gateway does for its answers. */
export function signResponseText(responseJson: string, alipayPrivateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(responseJson, 'utf8').sign(alipayPrivateKey, 'base64');
}

/** Signs a request the way an app must: for tests that speak to the gateway without alipay-sdk. */
export function signRequestParams(params: Record<string, string>, appPrivateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(requestSigningString(params), 'utf8').sign(appPrivateKey, 'base64');
}
