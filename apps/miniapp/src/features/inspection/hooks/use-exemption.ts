import { useEffect, useState } from 'react';
import { checkExemption } from '../api/inspection-api';
import type { ExemptionDto } from '../api/types';

interface ExemptionInput {
  registerDate: string;
  carSeats: number;
  operationType: 0 | 1;
  isAccidentCar: 0 | 1;
}

/** The 免检 verdict for what is filled in so far, asked again a moment after each change (none without a date). */
export function useExemption({ registerDate, carSeats, operationType, isAccidentCar }: ExemptionInput) {
  const [exemption, setExemption] = useState<ExemptionDto | null>(null);
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
  return exemption;
}
