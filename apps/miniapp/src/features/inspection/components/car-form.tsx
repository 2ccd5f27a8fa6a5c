import { Button, InputNumber } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { listBrands, listModels, listSeries } from '../api/inspection-api';
import type { CarProfile, NamedOption, SaveCarInput } from '../api/types';
import { useCarProfileForm } from '../hooks/use-car-profile-form';
import { CascadeSheet } from './cascade-sheet';
import { ChoiceField, PickField, RegisterDatePicker, YES_NO } from './car-fields';
import { ExemptionPanel } from './exemption-panel';
import './car-form.scss';

const loadModelLevel = (level: number, parent: NamedOption | null): Promise<NamedOption[]> =>
  level === 0
    ? listBrands()
    : level === 1
      ? listSeries((parent as NamedOption).id)
      : listModels((parent as NamedOption).id);

const USES = [
  { label: '私家车', value: '0' },
  { label: '公车（单位）', value: '1' },
];

interface CarFormProps {
  profile: CarProfile | null;
  saving: boolean;
  onSubmit: (input: SaveCarInput) => void;
}

type FormState = ReturnType<typeof useCarProfileForm>;

/** Seats, use, operation and accident: what decides 免检 besides the date. */
function CarUseFields({ values, set, setFlag }: Pick<FormState, 'values' | 'set' | 'setFlag'>) {
  return (
    <>
      <View className="car-field">
        <Text className="car-field__label">核定座位</Text>
        <InputNumber
          className="car-seats"
          value={values.carSeats}
          min={2}
          max={50}
          onChange={(value) => set.carSeats(Number(value))}
        />
      </View>
      <ChoiceField label="车辆用途" className="car-use" options={USES} value={values.useFor} onChange={set.useFor} />
      <ChoiceField
        label="营运车辆"
        className="car-operation"
        options={YES_NO}
        value={values.operationType}
        onChange={setFlag.operationType}
      />
      <ChoiceField
        label="伤亡事故"
        className="car-accident"
        options={YES_NO}
        value={values.isAccidentCar}
        onChange={setFlag.isAccidentCar}
      />
    </>
  );
}

/**
 * What 免检 needs to know about a car: the model (brand → series → model, from the vendor's catalogue), the
 * registration date, seats, use, operation and accident. The verdict is shown while the user fills it in.
 */
export function CarForm({ profile, saving, onSubmit }: CarFormProps) {
  const { values, set, setFlag, errors, exemption, submit } = useCarProfileForm(profile, onSubmit);
  const [picking, setPicking] = useState<'model' | 'date' | null>(null);
  const { model } = values;
  return (
    <View className="car-form">
      <View className="car-form__card">
        <PickField
          kind="model"
          label="品牌车型"
          value={model.length === 3 ? model.map((level) => level.name).join(' ') : ''}
          placeholder="请选择品牌、车系、车型"
          error={errors.model}
          onPick={() => setPicking('model')}
        />
        <PickField
          kind="date"
          label="注册日期"
          value={values.registerDate}
          placeholder="行驶证上的注册日期"
          error={errors.registerDate}
          onPick={() => setPicking('date')}
        />
        <CarUseFields values={values} set={set} setFlag={setFlag} />
      </View>
      {values.useFor === 1 ? (
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
          set.model(path);
          setPicking(null);
        }}
      />
      <RegisterDatePicker
        visible={picking === 'date'}
        value={values.registerDate}
        onClose={() => setPicking(null)}
        onConfirm={set.registerDate}
      />
    </View>
  );
}
