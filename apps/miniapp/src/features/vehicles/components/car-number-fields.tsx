import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { CarDto, CarType, CitiesDto, CityRule } from '../api/types';
import { fieldPlaceholder } from '../city';

interface NumberFieldProps {
  /** `vin` or `engine`: the field's test hooks (`car-vin-field`, `car-vin-input`, `car-vin-error`). */
  hook: 'vin' | 'engine';
  label: '车架号' | '发动机号';
  value: string;
  /** The stored value, masked: blank keeps it. */
  saved?: string | null;
  /** The characters the city asks for (`fieldPlaceholder`'s “后6位”). */
  length: number;
  maxLength: number;
  error?: string;
  onChange: (value: string) => void;
}

function NumberField({ hook, label, value, saved, length, maxLength, error, onChange }: NumberFieldProps) {
  return (
    <>
      <View className={`car-form__row car-${hook}-field ${error ? 'car-form__row--error' : ''}`}>
        <Text className="car-form__field-label">{label}</Text>
        <Input
          className={`car-${hook}-input`}
          value={value}
          placeholder={saved ? `已保存 ${saved}，修改请重新输入` : fieldPlaceholder(label, length)}
          maxLength={maxLength}
          clearable
          onChange={(text) => onChange(text.toUpperCase())}
        />
      </View>
      {error ? <View className={`car-form__error car-${hook}-error`}>{error}</View> : null}
    </>
  );
}

interface TypeChipsProps {
  types: CitiesDto['carTypes'];
  chosen: CarType | '';
  onChoose: (value: CarType) => void;
}

function TypeChips({ types, chosen, onChoose }: TypeChipsProps) {
  return (
    <View className="car-form__row">
      <Text className="car-form__field-label">车辆类型</Text>
      <View className="car-type-chips">
        {types.map((type) => (
          <View
            key={type.value}
            className={`car-type-chip ${type.value === chosen ? 'car-type-chip--on' : ''}`}
            onClick={() => onChoose(type.value)}
          >
            {type.label}
          </View>
        ))}
      </View>
    </View>
  );
}

interface CarNumberFieldsProps extends TypeChipsProps {
  rule: CityRule;
  car?: CarDto;
  vin: string;
  engineNo: string;
  errors: { vin?: string; engineNo?: string };
  onVin: (value: string) => void;
  onEngineNo: (value: string) => void;
}

/** The car type (when the plate allows more than one) and only the numbers the city asks for. */
export function CarNumberFields({
  rule,
  car,
  vin,
  engineNo,
  errors,
  onVin,
  onEngineNo,
  ...chips
}: CarNumberFieldsProps) {
  return (
    <View className="car-form__card">
      {chips.types.length > 1 ? <TypeChips {...chips} /> : null}
      {rule.vinLength !== 0 ? (
        <NumberField
          hook="vin"
          label="车架号"
          value={vin}
          saved={car?.vin}
          length={rule.vinLength}
          maxLength={17}
          error={errors.vin}
          onChange={onVin}
        />
      ) : null}
      {rule.engineNoLength !== 0 ? (
        <NumberField
          hook="engine"
          label="发动机号"
          value={engineNo}
          saved={car?.engineNo}
          length={rule.engineNoLength}
          maxLength={20}
          error={errors.engineNo}
          onChange={onEngineNo}
        />
      ) : null}
      <View className="car-form__tip">车架号、发动机号见行驶证正页；只需填写该城市要求的位数，加密保存。</View>
    </View>
  );
}
