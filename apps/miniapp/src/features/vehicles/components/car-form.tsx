import { Button, Checkbox, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CarDto, CitiesDto, CityRule } from '../api/types';
import { cityForPlate, fieldPlaceholder, regionTyped } from '../city';
import { plateLength, plateProblem } from '../plate';
import { VEHICLE_AGREEMENT } from '../agreement';
import { PlateCells } from './plate-cells';
import { PlateKeyboard } from './plate-keyboard';
import './car-form.scss';

export interface CarFormValues {
  plateNumber: string;
  carType: string;
  vin: string;
  engineNo: string;
  phone: string;
}

export type FieldErrors = Partial<Record<keyof CarFormValues | 'form', string>>;

interface CarFormProps {
  cities: CitiesDto;
  /** The phone already saved, masked; the field is then optional. */
  savedPhone: string | null;
  /** Editing: the plate is fixed, numbers left blank keep the stored ones. */
  car?: CarDto;
  errors?: FieldErrors;
  submitting?: boolean;
  onSubmit: (values: CarFormValues) => void;
}

const PHONE = /^1[3-9]\d{9}$/;

/** The car types a plate can be, in the order offered. */
function typesFor(plate: string, newEnergy: boolean, rule: CityRule | undefined, all: CitiesDto['carTypes']) {
  const wanted = newEnergy ? ['52', '51'] : plate.endsWith('挂') ? ['15'] : ['02', '01'];
  // In the order wanted: the usual type (小型汽车) comes first and is the default.
  return wanted
    .map((value) => all.find((type) => type.value === value))
    .filter((type): type is CitiesDto['carTypes'][number] => type !== undefined)
    .filter((type) => !rule || rule.carTypes.includes(type.value));
}

/**
 * Add or edit a car. The plate comes from the plate keyboard; as soon as its region is typed the city's
 * rule is shown, and only the number fields that city asks for appear, each saying how many characters
 * (“后6位”). The phone is asked for where the vendor needs it, with the consent to the terms.
 */
export function CarForm({ cities, savedPhone, car, errors = {}, submitting, onSubmit }: CarFormProps) {
  const editing = car !== undefined;
  const [plate, setPlate] = useState('');
  const [newEnergy, setNewEnergy] = useState(false);
  const [keyboard, setKeyboard] = useState(!editing);
  const [carType, setCarType] = useState(car?.carType ?? '');
  const [vin, setVin] = useState('');
  const [engineNo, setEngineNo] = useState('');
  const [phone, setPhone] = useState('');
  const [agreed, setAgreed] = useState(editing);
  const [local, setLocal] = useState<FieldErrors>({});

  const rule = editing
    ? cities.cities.find((c) => c.cityPrefix === car.cityPrefix)
    : regionTyped(plate)
      ? cityForPlate(cities.cities, plate)
      : undefined;
  const types = editing
    ? typesFor(car.carType === '15' ? '挂' : '', ['51', '52'].includes(car.carType), rule, cities.carTypes)
    : typesFor(plate, newEnergy, rule, cities.carTypes);
  const chosenType = types.some((t) => t.value === carType) ? carType : (types[0]?.value ?? '');
  const needsPhone = Boolean(rule?.needsPhone) && !savedPhone;
  const shown = { ...errors, ...local };

  const submit = () => {
    const problems: FieldErrors = {};
    if (!editing) {
      if ([...plate].length < plateLength(newEnergy)) problems.plateNumber = '请输入完整的车牌号';
      else problems.plateNumber = plateProblem(plate, newEnergy) ?? undefined;
      if (regionTyped(plate) && !rule) problems.plateNumber = `暂不支持${plate.slice(0, 2)}车辆的违章查询`;
    }
    if (rule && rule.vinLength !== 0 && !vin.trim() && !(editing && car.vin)) problems.vin = `请输入${rule.vinHint}`;
    if (rule && rule.engineNoLength !== 0 && !engineNo.trim() && !(editing && car.engineNo)) {
      problems.engineNo = `请输入${rule.engineNoHint}`;
    }
    if (phone && !PHONE.test(phone)) problems.phone = '请填写正确的 11 位手机号';
    if (needsPhone && !phone) problems.phone = `${rule?.province ?? ''}车辆查询违章需要车主手机号`;
    if (!agreed) problems.form = `请先阅读并同意${VEHICLE_AGREEMENT}`;
    const clean = Object.fromEntries(Object.entries(problems).filter(([, v]) => v)) as FieldErrors;
    setLocal(clean);
    if (Object.keys(clean).length) return;
    setKeyboard(false);
    onSubmit({ plateNumber: plate, carType: chosenType, vin: vin.trim(), engineNo: engineNo.trim(), phone });
  };

  return (
    <View className={`car-form ${keyboard ? 'car-form--keyboard' : ''}`}>
      <View className="car-form__card">
        <View className="car-form__label">车牌号码</View>
        {editing ? (
          <View className="car-form__plate-fixed">{car.plateNumber}</View>
        ) : (
          <PlateCells
            value={plate}
            newEnergy={newEnergy}
            active={keyboard}
            onFocus={() => setKeyboard(true)}
            onToggleNewEnergy={(next) => {
              setNewEnergy(next);
              setPlate([...plate].slice(0, plateLength(next)).join(''));
              setKeyboard(true);
            }}
          />
        )}
        {shown.plateNumber ? <View className="car-form__error car-plate-error">{shown.plateNumber}</View> : null}
        {rule ? (
          <View className="car-form__city car-city-hint">
            <Text className="car-form__city-name">{rule.city}</Text>
            <Text>
              查询需要：
              {[rule.vinLength !== 0 ? rule.vinHint : null, rule.engineNoLength !== 0 ? rule.engineNoHint : null]
                .filter(Boolean)
                .join('、') || '仅车牌号'}
            </Text>
          </View>
        ) : (
          <View className="car-form__city car-form__city--muted">输入车牌前两位后，这里会显示该城市需要填写的信息</View>
        )}
      </View>

      {rule ? (
        <View className="car-form__card">
          {types.length > 1 ? (
            <View className="car-form__row">
              <Text className="car-form__field-label">车辆类型</Text>
              <View className="car-type-chips">
                {types.map((type) => (
                  <View
                    key={type.value}
                    className={`car-type-chip ${type.value === chosenType ? 'car-type-chip--on' : ''}`}
                    onClick={() => setCarType(type.value)}
                  >
                    {type.label}
                  </View>
                ))}
              </View>
            </View>
          ) : null}
          {rule.vinLength !== 0 ? (
            <View className={`car-form__row car-vin-field ${shown.vin ? 'car-form__row--error' : ''}`}>
              <Text className="car-form__field-label">车架号</Text>
              <Input
                className="car-vin-input"
                value={vin}
                placeholder={
                  editing && car.vin ? `已保存 ${car.vin}，修改请重新输入` : fieldPlaceholder('车架号', rule.vinLength)
                }
                maxLength={17}
                clearable
                onChange={(text) => setVin(text.toUpperCase())}
              />
            </View>
          ) : null}
          {shown.vin ? <View className="car-form__error car-vin-error">{shown.vin}</View> : null}
          {rule.engineNoLength !== 0 ? (
            <View className={`car-form__row car-engine-field ${shown.engineNo ? 'car-form__row--error' : ''}`}>
              <Text className="car-form__field-label">发动机号</Text>
              <Input
                className="car-engine-input"
                value={engineNo}
                placeholder={
                  editing && car.engineNo
                    ? `已保存 ${car.engineNo}，修改请重新输入`
                    : fieldPlaceholder('发动机号', rule.engineNoLength)
                }
                maxLength={20}
                clearable
                onChange={(text) => setEngineNo(text.toUpperCase())}
              />
            </View>
          ) : null}
          {shown.engineNo ? <View className="car-form__error car-engine-error">{shown.engineNo}</View> : null}
          <View className="car-form__tip">车架号、发动机号见行驶证正页；只需填写该城市要求的位数，加密保存。</View>
        </View>
      ) : null}

      {rule ? (
        <View className="car-form__card">
          <View className={`car-form__row car-phone-field ${shown.phone ? 'car-form__row--error' : ''}`}>
            <Text className="car-form__field-label">车主手机号</Text>
            <Input
              className="car-phone-input"
              type="number"
              value={phone}
              placeholder={savedPhone ? `已保存 ${savedPhone}，可不填` : needsPhone ? '该城市查询必填' : '选填'}
              maxLength={11}
              clearable
              onChange={setPhone}
            />
          </View>
          {shown.phone ? <View className="car-form__error car-phone-error">{shown.phone}</View> : null}
          <View className="car-form__tip">
            {rule.needsPhone
              ? `${rule.province}交管数据查询需要车主手机号，一个手机号最多用于 3 辆车。`
              : '部分城市查询违章需要手机号，填写后可查询更多城市。'}
          </View>
        </View>
      ) : null}

      {shown.form ? <View className="car-form__error car-form__error--form car-form-error">{shown.form}</View> : null}
      {editing ? null : (
        <View className="car-form__consent">
          <Checkbox className="car-consent-checkbox" checked={agreed} onChange={setAgreed} />
          <Text className="car-form__consent-text" onClick={() => setAgreed(!agreed)}>
            我已阅读并同意{VEHICLE_AGREEMENT}
            ：车牌号、车架号、发动机号和手机号仅用于查询和办理违章，加密保存，可随时删除车辆
          </Text>
        </View>
      )}
      <View className="car-form__actions">
        <Button className="car-form-submit" type="primary" block loading={submitting} onClick={submit}>
          {editing ? '保存修改' : '保存并查询违章'}
        </Button>
      </View>
      {keyboard && !editing ? (
        <PlateKeyboard
          value={plate}
          newEnergy={newEnergy}
          onChange={(next) => {
            setPlate(next);
            setLocal((current) => ({ ...current, plateNumber: undefined }));
            if ([...next].length === plateLength(newEnergy)) setKeyboard(false);
          }}
          onDone={() => setKeyboard(false)}
        />
      ) : null}
    </View>
  );
}
