import type { DocloudCallbackCredentials } from '@banshi/vendor-clients/docloud';
import { isMalformedCallback } from '../../callbacks/callback-handler.js';

/** The app key and secret Docloud signs its callbacks with (the same as our requests'). */
export const DOCLOUD_CALLBACK_CREDENTIALS = Symbol('DOCLOUD_CALLBACK_CREDENTIALS');

export type DocloudCredentials = DocloudCallbackCredentials;

/** The answers both Docloud callbacks take: anything but `{"success": true}` makes it retry. */
export const DOCLOUD_ANSWERS = {
  failure: (reason: string) => ({ status: 500, body: { success: false, message: reason.slice(0, 200) } }),
  // A signed body that is not the documented shape says what is wrong, not "signature".
  rejection: (reason: string, error?: unknown) =>
    isMalformedCallback(error)
      ? { status: 400, body: { success: false, message: `malformed callback: ${reason}`.slice(0, 200) } }
      : { status: 401, body: { success: false, message: 'signature verification failed' } },
};
