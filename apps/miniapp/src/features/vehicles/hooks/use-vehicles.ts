import { useEffect, useRef, useState } from 'react';
import { useRequest } from '../../../shared/api/use-request';
import { vehiclesApi } from '../api/vehicles-api';
import type { CitiesDto, VehicleOrderDto } from '../api/types';

let cities: Promise<CitiesDto> | null = null;

/** The open cities and their rules change rarely: loaded once per app launch (again after a failure). */
export function useCities() {
  return useRequest('vehicle-cities', () => {
    cities ??= vehiclesApi.cities().catch((error: unknown) => {
      cities = null;
      throw error;
    });
    return cities;
  });
}

export function useGarage() {
  return useRequest('garage', () => vehiclesApi.garage());
}

const OPEN: ReadonlySet<string> = new Set(['pending', 'processing', 'action_required']);
const POLL_MS = 2000;
/** Orders are usually done within minutes; after this the page stops asking (pull down to refresh). */
const POLL_FOR_MS = 10 * 60_000;

/** An order, asked again every two seconds while it is still open (or refunding), so its timeline moves on screen. */
export function useVehicleOrder(id: number | null) {
  const state = useRequest(id, () => vehiclesApi.order(id as number));
  const [live, setLive] = useState<VehicleOrderDto | undefined>();
  const started = useRef(Date.now());
  const current = live ?? state.data;

  useEffect(() => {
    // A refund under way (a prepaid order that ended) is followed too, until it says 已退款.
    const refunding = current?.payment?.status === 'refunding';
    if (id === null || !current || (!OPEN.has(current.status) && !refunding)) return undefined;
    if (Date.now() - started.current > POLL_FOR_MS) return undefined;
    const timer = setTimeout(() => {
      vehiclesApi
        .order(id, { silent: true })
        .then(setLive)
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [id, current]);

  return {
    ...state,
    data: current,
    update: setLive,
    reload: async () => {
      setLive(undefined);
      await state.reload();
    },
  };
}
