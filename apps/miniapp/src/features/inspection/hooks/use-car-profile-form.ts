import { useState } from 'react';
import type { CarProfile, NamedOption, SaveCarInput } from '../api/types';
import { useExemption } from './use-exemption';

type Flag = 0 | 1;

function modelOf(profile: CarProfile | null): NamedOption[] {
  if (!profile) return [];
  return [
    { id: profile.brandId, name: profile.brandName },
    { id: profile.seriesId, name: profile.seriesName },
    { id: profile.modelId, name: profile.modelName },
  ];
}

/** The inspection car form's state: the car as filled in, its 免检 verdict, the checks and the submission. */
export function useCarProfileForm(profile: CarProfile | null, onSubmit: (input: SaveCarInput) => void) {
  const [model, setModelPath] = useState<NamedOption[]>(modelOf(profile));
  const [registerDate, setDate] = useState(profile?.registerDate ?? '');
  const [carSeats, setCarSeats] = useState(profile?.carSeats ?? 5);
  const [useFor, setUseFor] = useState<Flag>(profile?.useFor ?? 0);
  const [operationType, setOperationType] = useState<Flag>(profile?.operationType ?? 0);
  const [isAccidentCar, setAccident] = useState<Flag>(profile?.isAccidentCar ?? 0);
  const [errors, setErrors] = useState<{ model?: string; registerDate?: string }>({});
  const exemption = useExemption({ registerDate, carSeats, operationType, isAccidentCar });

  const setModel = (path: NamedOption[]) => {
    setModelPath(path);
    setErrors((current) => ({ ...current, model: undefined }));
  };
  const setRegisterDate = (day: string) => {
    setDate(day);
    setErrors((current) => ({ ...current, registerDate: undefined }));
  };

  const submit = () => {
    const next = {
      model: model.length === 3 ? undefined : '请选择品牌、车系和车型',
      registerDate: registerDate ? undefined : '请选择行驶证上的注册日期',
    };
    setErrors(next);
    if (next.model || next.registerDate) return;
    const [brand, series, chosen] = model;
    const flags = { useFor, operationType, isAccidentCar };
    onSubmit({ brandId: brand.id, seriesId: series.id, modelId: chosen.id, registerDate, carSeats, ...flags });
  };

  return {
    values: { model, registerDate, carSeats, useFor, operationType, isAccidentCar },
    set: { model: setModel, registerDate: setRegisterDate, carSeats: setCarSeats, useFor: setUseFor },
    setFlag: { operationType: setOperationType, isAccidentCar: setAccident },
    errors,
    exemption,
    submit,
  };
}
