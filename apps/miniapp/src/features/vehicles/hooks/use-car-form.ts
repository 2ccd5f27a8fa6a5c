import { useState } from 'react';
import type { CarDto, CarType, CitiesDto } from '../api/types';
import { checkCarForm, type CarFormValues, type FieldErrors, typesFor } from '../car-form-rules';
import { cityForPlate, regionTyped } from '../city';
import { plateLength } from '../plate';

export interface CarFormOptions {
  cities: CitiesDto;
  savedPhone: string | null;
  car?: CarDto;
  onSubmit: (values: CarFormValues) => void;
}

/** The city's rule: the stored car's, or the one the typed plate's region names. */
function ruleFor(cities: CitiesDto, plate: string, car?: CarDto) {
  if (car) return cities.cities.find((c) => c.cityPrefix === car.cityPrefix);
  return regionTyped(plate) ? cityForPlate(cities.cities, plate) : undefined;
}

/** The plate as it is typed (and the keyboard with it), its new-energy switch, and the errors it clears. */
function usePlate(editing: boolean, clearPlateError: () => void) {
  const [plate, setPlate] = useState('');
  const [newEnergy, setNewEnergy] = useState(false);
  const [keyboard, setKeyboard] = useState(!editing);
  const type = (next: string) => {
    setPlate(next);
    clearPlateError();
    if ([...next].length === plateLength(newEnergy)) setKeyboard(false);
  };
  const toggleNewEnergy = (next: boolean) => {
    setNewEnergy(next);
    setPlate([...plate].slice(0, plateLength(next)).join(''));
    setKeyboard(true);
  };
  return { plate, newEnergy, keyboard, setKeyboard, type, toggleNewEnergy };
}

/** The car form's state: what is typed, the city rule it implies, the checks, and the submission. */
export function useCarForm({ cities, savedPhone, car, onSubmit }: CarFormOptions) {
  const editing = car !== undefined;
  const [local, setLocal] = useState<FieldErrors>({});
  const plate = usePlate(editing, () => setLocal((current) => ({ ...current, plateNumber: undefined })));
  const [carType, setCarType] = useState<CarType | ''>(car?.carType ?? '');
  const [vin, setVin] = useState('');
  const [engineNo, setEngineNo] = useState('');
  const [phone, setPhone] = useState('');
  const [agreed, setAgreed] = useState(editing);

  const rule = ruleFor(cities, plate.plate, car);
  const types = car
    ? typesFor(car.carType === '15' ? '挂' : '', ['51', '52'].includes(car.carType), rule, cities.carTypes)
    : typesFor(plate.plate, plate.newEnergy, rule, cities.carTypes);
  const chosenType = types.some((t) => t.value === carType) ? carType : (types[0]?.value ?? '');
  const needsPhone = Boolean(rule?.needsPhone) && !savedPhone;

  const submit = () => {
    const values = { plateNumber: plate.plate, carType: chosenType, vin: vin.trim(), engineNo: engineNo.trim(), phone };
    const problems = checkCarForm({ values, newEnergy: plate.newEnergy, agreed, rule, needsPhone, car });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    plate.setKeyboard(false);
    onSubmit(values);
  };

  return {
    editing,
    plate,
    rule,
    types,
    chosenType,
    setCarType,
    numbers: { vin, setVin, engineNo, setEngineNo },
    phone: { value: phone, set: setPhone, needed: needsPhone },
    agreed,
    setAgreed,
    local,
    submit,
  };
}
