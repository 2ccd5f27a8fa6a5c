import { Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { listCities, listDistricts, listProvinces } from '../api/inspection-api';
import type { NamedOption } from '../api/types';
import type { DraftErrors, OrderDraft } from '../draft';
import { CascadeSheet } from './cascade-sheet';
import './address-form.scss';

export type AddressFields = Omit<OrderDraft, 'garageCarId' | 'priceFen'>;

const loadArea = (level: number, parent: NamedOption | null): Promise<NamedOption[]> =>
  level === 0
    ? listProvinces()
    : level === 1
      ? listCities((parent as NamedOption).id)
      : listDistricts((parent as NamedOption).id);

interface AddressFormProps {
  value: AddressFields;
  errors: DraftErrors;
  onChange: (value: AddressFields) => void;
}

/**
 * Who the courier calls and where the papers and the inspection sticker come back: a contact, their phone,
 * the owner's phone when it is someone else's, and an address whose province / city / district come from
 * the vendor's own area lists.
 */
export function AddressForm({ value, errors, onChange }: AddressFormProps) {
  const [picking, setPicking] = useState(false);
  const set = (patch: Partial<AddressFields>) => onChange({ ...value, ...patch });
  const field = (name: keyof DraftErrors, label: string, control: JSX.Element) => (
    <>
      <View className={`address-field address-field--${name} ${errors[name] ? 'address-field--error' : ''}`}>
        <Text className="address-field__label">{label}</Text>
        {control}
      </View>
      {errors[name] ? <View className="address-field__message">{errors[name]}</View> : null}
    </>
  );
  return (
    <View className="address-form">
      <View className="address-form__card">
        {field(
          'contactName',
          '联系人',
          <Input
            className="address-name"
            value={value.contactName}
            placeholder="收件人姓名"
            maxLength={20}
            onChange={(text) => set({ contactName: text })}
          />,
        )}
        {field(
          'contactPhone',
          '手机号',
          <Input
            className="address-phone"
            type="tel"
            value={value.contactPhone}
            placeholder="接收办理进度，快递员联系"
            maxLength={11}
            onChange={(text) => set({ contactPhone: text })}
          />,
        )}
        {field(
          'ownerPhone',
          '车主手机',
          <Input
            className="address-owner-phone"
            type="tel"
            value={value.ownerPhone}
            placeholder="与联系人相同可不填"
            maxLength={11}
            onChange={(text) => set({ ownerPhone: text })}
          />,
        )}
        {field(
          'area',
          '所在地区',
          <View className="address-area" onClick={() => setPicking(true)}>
            <Text
              className={value.area.length ? 'address-area__value' : 'address-area__value address-area__value--empty'}
            >
              {value.area.length ? value.area.map((a) => a.name).join(' ') : '省、市、区'}
            </Text>
            <Text className="address-area__arrow">›</Text>
          </View>,
        )}
        {field(
          'address',
          '详细地址',
          <TextArea
            className="address-detail"
            value={value.address}
            placeholder="街道、楼牌号等"
            maxLength={100}
            autoSize
            onChange={(text) => set({ address: text })}
          />,
        )}
      </View>
      <View className="address-form__hint">
        检验标志和材料办完后寄回此地址。姓名、手机号和地址加密保存，仅用于本次年检代办。
      </View>
      <CascadeSheet
        visible={picking}
        title="选择所在地区"
        levels={['省份', '城市', '区县']}
        value={value.area}
        load={loadArea}
        onClose={() => setPicking(false)}
        onConfirm={(path) => {
          set({ area: path });
          setPicking(false);
        }}
      />
    </View>
  );
}
