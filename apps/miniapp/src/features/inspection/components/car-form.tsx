import { Button, DatePicker, InputNumber, RadioGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { checkExemption, listBrands, listModels, listSeries } from '../api/inspection-api';
import type { CarProfile, ExemptionDto, NamedOption, SaveCarInput } from '../api/types';
import { CascadeSheet } from './cascade-sheet';
import { ExemptionPanel } from './exemption-panel';
import './car-form.scss';

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const dateOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
};

const loadModelLevel = (level: number, parent: NamedOption | null): Promise<NamedOption[]> =>
  level === 0
    ? listBrands()
    : level === 1
      ? listSeries((parent as NamedOption).id)
      : listModels((parent as NamedOption).id);

const YES_NO = [
  { label: '否', value: '0' },
  { label: '是', value: '1' },
];

interface CarFormProps {
  profile: CarProfile | null;
  saving: boolean;
  onSubmit: (input: SaveCarInput) => void;
}

/**
 * What 免检 needs to know about a car: the model (brand → series → model, from the vendor's catalogue), the
 * registration date, seats, use, operation and accident. The verdict is shown while the user fills it in.
 */
export function CarForm({ profile, saving, onSubmit }: CarFormProps) {
  const [model, setModel] = useState<NamedOption[]>(
    profile
      ? [
          { id: profile.brandId, name: profile.brandName },
          { id: profile.seriesId, name: profile.seriesName },
          { id: profile.modelId, name: profile.modelName },
        ]
      : [],
  );
  const [registerDate, setRegisterDate] = useState(profile?.registerDate ?? '');
  const [carSeats, setCarSeats] = useState(profile?.carSeats ?? 5);
  const [useFor, setUseFor] = useState<0 | 1>(profile?.useFor ?? 0);
  const [operationType, setOperationType] = useState<0 | 1>(profile?.operationType ?? 0);
  const [isAccidentCar, setAccident] = useState<0 | 1>(profile?.isAccidentCar ?? 0);
  const [picking, setPicking] = useState<'model' | 'date' | null>(null);
  const [exemption, setExemption] = useState<ExemptionDto | null>(null);
  const [errors, setErrors] = useState<{ model?: string; registerDate?: string }>({});

  useEffect(() => {
    if (!registerDate) return;
    let live = true;
    const timer = setTimeout(() => {
      checkExemption({ registerDate, carSeats, operationType, isAccidentCar })
        .then((result) => live && setExemption(result))
        .catch(() => undefined);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [registerDate, carSeats, operationType, isAccidentCar]);

  const submit = () => {
    const next = {
      model: model.length === 3 ? undefined : '请选择品牌、车系和车型',
      registerDate: registerDate ? undefined : '请选择行驶证上的注册日期',
    };
    setErrors(next);
    if (next.model || next.registerDate) return;
    onSubmit({
      brandId: model[0].id,
      seriesId: model[1].id,
      modelId: model[2].id,
      registerDate,
      carSeats,
      useFor,
      operationType,
      isAccidentCar,
    });
  };

  const today = new Date();
  return (
    <View className="car-form">
      <View className="car-form__card">
        <View className="car-field car-field--model" onClick={() => setPicking('model')}>
          <Text className="car-field__label">品牌车型</Text>
          <Text className={`car-field__value ${model.length === 3 ? '' : 'car-field__value--empty'}`}>
            {model.length === 3 ? `${model[0].name} ${model[1].name} ${model[2].name}` : '请选择品牌、车系、车型'}
          </Text>
          <Text className="car-field__arrow">›</Text>
        </View>
        {errors.model ? <View className="car-field__error">{errors.model}</View> : null}
        <View className="car-field car-field--date" onClick={() => setPicking('date')}>
          <Text className="car-field__label">注册日期</Text>
          <Text className={`car-field__value ${registerDate ? '' : 'car-field__value--empty'}`}>
            {registerDate || '行驶证上的注册日期'}
          </Text>
          <Text className="car-field__arrow">›</Text>
        </View>
        {errors.registerDate ? <View className="car-field__error">{errors.registerDate}</View> : null}
        <View className="car-field">
          <Text className="car-field__label">核定座位</Text>
          <InputNumber
            className="car-seats"
            value={carSeats}
            min={2}
            max={50}
            onChange={(value) => setCarSeats(Number(value))}
          />
        </View>
        <View className="car-field">
          <Text className="car-field__label">车辆用途</Text>
          <RadioGroup
            className="car-use"
            direction="horizontal"
            shape="button"
            value={String(useFor)}
            options={[
              { label: '私家车', value: '0' },
              { label: '公车（单位）', value: '1' },
            ]}
            onChange={(value) => setUseFor(Number(value) as 0 | 1)}
          />
        </View>
        <View className="car-field">
          <Text className="car-field__label">营运车辆</Text>
          <RadioGroup
            className="car-operation"
            direction="horizontal"
            shape="button"
            value={String(operationType)}
            options={YES_NO}
            onChange={(value) => setOperationType(Number(value) as 0 | 1)}
          />
        </View>
        <View className="car-field">
          <Text className="car-field__label">伤亡事故</Text>
          <RadioGroup
            className="car-accident"
            direction="horizontal"
            shape="button"
            value={String(isAccidentCar)}
            options={YES_NO}
            onChange={(value) => setAccident(Number(value) as 0 | 1)}
          />
        </View>
      </View>
      {useFor === 1 ? (
        <View className="car-form__hint">公车（单位车辆）需另备加盖公章的委托书和营业执照复印件，服务费也略高。</View>
      ) : null}
      {exemption ? <ExemptionPanel exemption={exemption} /> : null}
      <View className="car-form__submit">
        <Button className="car-form__save" type="primary" block loading={saving} onClick={submit}>
          {exemption && !exemption.eligible ? '保存车辆信息' : '保存并查看所需材料'}
        </Button>
      </View>
      <CascadeSheet
        visible={picking === 'model'}
        title="选择品牌车型"
        levels={['品牌', '车系', '车型']}
        value={model}
        load={loadModelLevel}
        groupFirstLevel
        onClose={() => setPicking(null)}
        onConfirm={(path) => {
          setModel(path);
          setErrors((current) => ({ ...current, model: undefined }));
          setPicking(null);
        }}
      />
      <DatePicker
        title="注册日期"
        visible={picking === 'date'}
        type="date"
        showChinese
        startDate={new Date(today.getFullYear() - 30, 0, 1)}
        endDate={today}
        defaultValue={registerDate ? dateOf(registerDate) : new Date(today.getFullYear() - 3, today.getMonth(), 1)}
        onClose={() => setPicking(null)}
        onConfirm={(_options, values) => {
          const [y, m, d] = values.map(Number);
          setRegisterDate(dayOf(new Date(y, m - 1, d)));
          setErrors((current) => ({ ...current, registerDate: undefined }));
        }}
      />
    </View>
  );
}
