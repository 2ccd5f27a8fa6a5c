import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatFen } from '../../../shared/format';
import { checkIdNumber, checkName, liveIdNumberMessage } from '../identity-input';
import './identity-form.scss';

export interface IdentityFields {
  name: string;
  idNumber: string;
}

interface IdentityFormProps {
  value: IdentityFields;
  onChange: (value: IdentityFields) => void;
  /** Messages from the server about a field, shown until the field is edited. */
  serverErrors?: Partial<Record<keyof IdentityFields, string>>;
  onNext: (value: IdentityFields) => void;
  /** What one attempt costs (0: free); shown before the user commits. */
  priceFen?: number;
}

/**
 * Name and ID number as printed on the card, checked while typing with the server's rules (GB 11643 for
 * the number), so a typo is caught here and never costs a paid vendor call.
 */
export function IdentityForm({ value, onChange, serverErrors = {}, onNext, priceFen = 0 }: IdentityFormProps) {
  const [touched, setTouched] = useState({ name: false, idNumber: false });
  const [edited, setEdited] = useState({ name: false, idNumber: false });
  const name = checkName(value.name);
  const idNumber = checkIdNumber(value.idNumber);

  const nameMessage =
    (!edited.name && serverErrors.name) || (touched.name && !name.valid ? name.message : null) || null;
  const idMessage =
    (!edited.idNumber && serverErrors.idNumber) ||
    liveIdNumberMessage(value.idNumber) ||
    (touched.idNumber && !idNumber.valid ? idNumber.message : null) ||
    null;

  const update = (field: keyof IdentityFields, text: string) => {
    setEdited((current) => ({ ...current, [field]: true }));
    onChange({ ...value, [field]: text });
  };

  const next = () => {
    setTouched({ name: true, idNumber: true });
    if (name.valid && idNumber.valid) onNext({ name: name.value, idNumber: idNumber.value });
  };

  return (
    <View className="identity-form">
      <View className="identity-form__card">
        <View className={`identity-field identity-field--name ${nameMessage ? 'identity-field--error' : ''}`}>
          <Text className="identity-field__label">姓名</Text>
          <Input
            className="identity-name-input"
            value={value.name}
            placeholder="与身份证上的姓名一致"
            maxLength={30}
            clearable
            onChange={(text) => update('name', text)}
            onBlur={() => setTouched((current) => ({ ...current, name: true }))}
          />
        </View>
        {nameMessage ? <View className="identity-field__message identity-name-message">{nameMessage}</View> : null}
        <View className={`identity-field identity-field--id ${idMessage ? 'identity-field--error' : ''}`}>
          <Text className="identity-field__label">身份证号</Text>
          <Input
            className="identity-id-input"
            type="idcard"
            value={value.idNumber}
            placeholder="18位居民身份证号"
            maxLength={20}
            clearable
            onChange={(text) => update('idNumber', text)}
            onBlur={() => setTouched((current) => ({ ...current, idNumber: true }))}
          />
        </View>
        {idMessage ? <View className="identity-field__message identity-id-message">{idMessage}</View> : null}
        {!idMessage && idNumber.valid ? <View className="identity-field__ok">身份证号格式正确</View> : null}
      </View>
      <View className="identity-form__hint">
        仅支持中国大陆居民身份证。信息加密传输和保存，页面只显示脱敏后的内容。
      </View>
      {priceFen > 0 ? (
        <View className="identity-form__price identity-price">
          <Text>实名核验费</Text>
          <Text className="identity-form__price-amount">{formatFen(priceFen)} / 次</Text>
          <View className="identity-form__price-hint">
            提交后先支付，支付成功后拍摄人脸照片完成认证；服务商未能受理时全额退款
          </View>
        </View>
      ) : null}
      <Button className="identity-form__next identity-next" type="primary" block onClick={next}>
        {priceFen > 0 ? `提交并支付 ${formatFen(priceFen)}` : '下一步：拍摄人脸照片'}
      </Button>
    </View>
  );
}
