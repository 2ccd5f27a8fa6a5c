import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { CarDto, CitiesDto } from '../../../features/vehicles/api/types';
import { vehiclesApi } from '../../../features/vehicles/api/vehicles-api';
import { CarForm, type CarFormValues, type FieldErrors } from '../../../features/vehicles/components/car-form';
import { useCities, useGarage } from '../../../features/vehicles/hooks/use-vehicles';
import { VEHICLE_ROUTES } from '../../../features/vehicles/routes';
import { ApiError } from '../../../shared/api/http';
import { requirePrivacyConsent } from '../../../shared/privacy/require-privacy-consent';
import { parseIdParam } from '../../../shared/routes';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

/** Puts a refusal under the field it is about; anything else above the button. */
function fieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return { form: '网络异常，请检查网络后重试' };
  const { code, message } = error;
  if (code === 'PLATE_INVALID' || code === 'CITY_NOT_OPEN' || code === 'CAR_EXISTS') return { plateNumber: message };
  if (code === 'PHONE_REQUIRED') return { phone: message };
  if (code === 'CAR_NUMBERS_INVALID') return message.includes('发动机号') ? { engineNo: message } : { vin: message };
  if (code === 'VALIDATION' && message.includes('手机号')) return { phone: message };
  return { form: message };
}

interface FormPageProps {
  cities: CitiesDto;
  savedPhone: string | null;
  car?: CarDto;
}

function FormPage({ cities, savedPhone, car }: FormPageProps) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: CarFormValues) => {
    if (!(await requirePrivacyConsent('需要同意隐私保护指引后才能保存车辆信息'))) return;
    setSubmitting(true);
    setErrors({});
    try {
      const input = {
        carType: values.carType || undefined,
        vin: values.vin || undefined,
        engineNo: values.engineNo || undefined,
        phone: values.phone || undefined,
      };
      if (car) {
        await vehiclesApi.updateCar(car.id, input, { silent: true });
        void Taro.showToast({ title: '已保存', icon: 'success' });
        void Taro.navigateBack();
      } else {
        const added = await vehiclesApi.addCar(
          { plateNumber: values.plateNumber, ...input, consent: true },
          { silent: true },
        );
        await Taro.redirectTo({ url: VEHICLE_ROUTES.violations(added.id) });
      }
    } catch (error) {
      setErrors(fieldErrors(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="car-form-page">
      <CarForm
        cities={cities}
        savedPhone={savedPhone}
        car={car}
        errors={errors}
        submitting={submitting}
        onSubmit={(values) => void submit(values)}
      />
    </View>
  );
}

export default function CarFormPage() {
  const id = parseIdParam(useRouter().params.id);
  const cities = useCities();
  const garage = useGarage();
  useEffect(() => {
    if (id !== null) void Taro.setNavigationBarTitle({ title: '修改车辆信息' });
  }, [id]);
  const loading = cities.loading || garage.loading;
  const data =
    cities.data && garage.data
      ? { cities: cities.data, savedPhone: garage.data.phone, car: garage.data.items.find((c) => c.id === id) }
      : undefined;
  return (
    <PageState
      data={data}
      loading={loading}
      error={cities.error ?? garage.error}
      reload={() => void Promise.all([cities.reload(), garage.reload()])}
    >
      {(ready) =>
        id !== null && !ready.car ? (
          <View className="car-form-page__missing">车辆不存在或已删除</View>
        ) : (
          <FormPage cities={ready.cities} savedPhone={ready.savedPhone} car={ready.car} />
        )
      }
    </PageState>
  );
}
