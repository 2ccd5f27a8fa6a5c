import { Button } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { API_BASE_URL } from '../../../shared/api/base-url';
import { usePrefillPhone, withPhone } from '../../../shared/phone/bound-phone';
import type { IdPhotoOrderDto, PhotoSessionDto, PrintAddress, SpecDto } from '../api/types';
import { useSubmitOrder } from '../hooks/use-submit-order';
import { colorLabel, sizeLine } from '../labels';
import { checkAddress, checkParamValues, filledValues, formFields } from '../param-rules';
import { Consent } from '../privacy/consent';
import { ParamForm } from './param-form';
import { confirmContent, submitLabel, totalFen } from '../pricing';
import { PriceSummary } from './price-summary';
import { PrintForm } from './print-form';
import './order-form.scss';

interface OrderFormProps {
  spec: SpecDto;
  /** The photo to order with (a new one on a resubmission after a retake). */
  photo: PhotoSessionDto;
  color: string;
  /** The rejected order being sent again. */
  resubmitting?: IdPhotoOrderDto;
  retentionDays?: number;
  onDone: (order: IdPhotoOrderDto) => void;
}

/**
 * The privacy terms first (nothing personal is asked before they are agreed), then the spec's params,
 * printing and mailing, the price, and a confirmation before anything is sent.
 */
export function OrderForm({ spec, photo, color, resubmitting, retentionDays, onDone }: OrderFormProps) {
  const [agreed, setAgreed] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [print, setPrint] = useState(resubmitting?.details.isPrint ?? false);
  const [address, setAddress] = useState<Partial<PrintAddress>>({});
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const { submit, submitting, fieldErrors } = useSubmitOrder(onDone);
  const errors = { ...fieldErrors, ...localErrors };
  // A new order starts with the phone bound on 我的; a resubmission keeps its blanks (blank = unchanged).
  usePrefillPhone((phone) => {
    const phoneParams = formFields(spec)
      .filter((field) => field.kind === 'phone')
      .map((field) => field.name);
    setValues((current) => withPhone(current, phoneParams, phone));
    setAddress((current) => withPhone(current, ['phone'], phone));
  }, resubmitting === undefined);
  const previous = useMemo(
    () =>
      resubmitting
        ? Object.fromEntries(resubmitting.details.params.map((field) => [field.name, field.value]))
        : undefined,
    [resubmitting],
  );
  const preview = photo.previews.find((item) => item.color === color) ?? photo.previews[0];
  const price = { receiptFen: spec.priceFen, printFen: spec.printPriceFen, print };

  if (!agreed) return <Consent retentionDays={retentionDays} onAgree={() => setAgreed(true)} />;

  const onSubmit = async () => {
    const keepBlank = resubmitting !== undefined;
    const filledAddress = filledValues(address as Record<string, string>);
    const addressProblems =
      print && !(keepBlank && Object.keys(filledAddress).length === 0) ? checkAddress(address) : {};
    const problems = { ...checkParamValues(spec, values, keepBlank), ...addressProblems };
    setLocalErrors(problems);
    const first = Object.values(problems)[0];
    if (first) {
      void Taro.showToast({ title: first, icon: 'none', duration: 2500 });
      return;
    }
    const { confirm } = await Taro.showModal({
      title: resubmitting ? '确认重新提交' : '确认提交',
      content: resubmitting ? '将按修改后的信息重新提交审核，不另外收费。' : confirmContent(spec.name, price),
      confirmText: '确认提交',
    });
    if (!confirm) return;
    await submit({
      orderId: resubmitting?.order.id,
      photoId: photo.id,
      color,
      param: filledValues(values),
      print:
        print && Object.keys(addressProblems).length === 0 && Object.keys(filledAddress).length > 0
          ? (filledAddress as unknown as PrintAddress)
          : undefined,
      newPhoto: resubmitting ? photo.id !== resubmitting.details.photoId : undefined,
      // The total the user confirmed: the server refuses the order if the price has changed since.
      amountFen: totalFen(price),
    });
  };

  return (
    <View className="order-form">
      {resubmitting?.details.rejectMsg ? (
        <View className="order-form__reject">
          <Text className="order-form__reject-title">上次审核未通过：</Text>
          {resubmitting.details.rejectMsg}
        </View>
      ) : null}
      <View className="order-form__summary">
        {preview ? (
          <Image className="order-form__photo" src={`${API_BASE_URL}${preview.url}`} mode="aspectFit" />
        ) : null}
        <View className="order-form__spec">
          <View className="order-form__spec-name">{spec.name}</View>
          <View className="order-form__spec-size">{sizeLine(spec)}</View>
          <View className="order-form__spec-color">背景：{colorLabel(color)}</View>
        </View>
      </View>
      <View className="order-form__section-title">办理信息{resubmitting ? '（只需填写要修改的项）' : ''}</View>
      <ParamForm
        spec={spec}
        values={values}
        errors={errors}
        previous={previous}
        onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
      />
      {resubmitting && !print ? null : (
        <PrintForm
          enabled={print}
          locked={resubmitting !== undefined}
          onToggle={setPrint}
          priceFen={spec.printPriceFen}
          address={address}
          errors={errors}
          onChange={(name, value) => setAddress((current) => ({ ...current, [name]: value }))}
        />
      )}
      {resubmitting ? null : <PriceSummary {...price} />}
      <View className="order-form__submit">
        <Button
          className="order-form__button"
          type="primary"
          block
          loading={submitting}
          disabled={submitting}
          onClick={() => void onSubmit()}
        >
          {resubmitting ? '重新提交审核' : submitLabel(price)}
        </Button>
      </View>
    </View>
  );
}
