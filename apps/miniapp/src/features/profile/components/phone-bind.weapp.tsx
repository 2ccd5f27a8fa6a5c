import { Button } from '@nutui/nutui-react-taro';
import type { PhoneBindProps } from './phone-bind-types';

/** WeChat's phone-number button: the user allows it in WeChat's own sheet, the server gets the number. */
export function PhoneBindButton({ onCode, busy }: PhoneBindProps) {
  return (
    <Button
      className="phone-bind__button"
      type="primary"
      fill="outline"
      size="small"
      openType="getPhoneNumber"
      loading={busy}
      disabled={busy}
      onGetPhoneNumber={(event) => {
        // No code: the user closed WeChat's sheet or refused; nothing to say.
        const code = (event.detail as { code?: string }).code;
        if (code) onCode(code);
      }}
    >
      绑定手机号
    </Button>
  );
}
