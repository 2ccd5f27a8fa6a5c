import { Button, Checkbox } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { VEHICLE_AGREEMENT } from '../agreement';
import type { CarDto, CitiesDto } from '../api/types';
import type { CarFormValues, FieldErrors } from '../car-form-rules';
import { useCarForm } from '../hooks/use-car-form';
import { CarNumberFields } from './car-number-fields';
import { CarPhoneCard } from './car-phone-card';
import { CarPlateCard } from './car-plate-card';
import { PlateKeyboard } from './plate-keyboard';
import './car-form.scss';

export type { CarFormValues, FieldErrors } from '../car-form-rules';

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

function Consent({ agreed, onChange }: { agreed: boolean; onChange: (agreed: boolean) => void }) {
  return (
    <View className="car-form__consent">
      <Checkbox className="car-consent-checkbox" checked={agreed} onChange={onChange} />
      <Text className="car-form__consent-text" onClick={() => onChange(!agreed)}>
        我已阅读并同意{VEHICLE_AGREEMENT}
        ：车牌号、车架号、发动机号和手机号仅用于查询和办理违章，加密保存，可随时删除车辆
      </Text>
    </View>
  );
}

/**
 * Add or edit a car. The plate comes from the plate keyboard; as soon as its region is typed the city's
 * rule is shown, and only the number fields that city asks for appear, each saying how many characters
 * (“后6位”). The phone is asked for where the vendor needs it, with the consent to the terms.
 */
export function CarForm({ cities, savedPhone, car, errors = {}, submitting, onSubmit }: CarFormProps) {
  const form = useCarForm({ cities, savedPhone, car, onSubmit });
  const { plate, rule, numbers } = form;
  const shown = { ...errors, ...form.local };
  return (
    <View className={`car-form ${plate.keyboard ? 'car-form--keyboard' : ''}`}>
      <CarPlateCard
        fixedPlate={car?.plateNumber}
        plate={plate.plate}
        newEnergy={plate.newEnergy}
        keyboard={plate.keyboard}
        rule={rule}
        error={shown.plateNumber}
        onFocus={() => plate.setKeyboard(true)}
        onToggleNewEnergy={plate.toggleNewEnergy}
      />
      {rule ? (
        <CarNumberFields
          rule={rule}
          car={car}
          types={form.types}
          chosen={form.chosenType}
          onChoose={form.setCarType}
          vin={numbers.vin}
          engineNo={numbers.engineNo}
          errors={shown}
          onVin={numbers.setVin}
          onEngineNo={numbers.setEngineNo}
        />
      ) : null}
      {rule ? (
        <CarPhoneCard
          rule={rule}
          value={form.phone.value}
          savedPhone={savedPhone}
          needed={form.phone.needed}
          error={shown.phone}
          onChange={form.phone.set}
        />
      ) : null}
      {shown.form ? <View className="car-form__error car-form__error--form car-form-error">{shown.form}</View> : null}
      {form.editing ? null : <Consent agreed={form.agreed} onChange={form.setAgreed} />}
      <View className="car-form__actions">
        <Button className="car-form-submit" type="primary" block loading={submitting} onClick={form.submit}>
          {form.editing ? '保存修改' : '保存并查询违章'}
        </Button>
      </View>
      {plate.keyboard && !form.editing ? (
        <PlateKeyboard
          value={plate.plate}
          newEnergy={plate.newEnergy}
          onChange={plate.type}
          onDone={() => plate.setKeyboard(false)}
        />
      ) : null}
    </View>
  );
}
