import { useRequest } from '../../../shared/api/use-request';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import {
  getInspectionCar,
  getInspectionOrder,
  getPreOrder,
  listInspectionCars,
  listInspectionOrders,
} from '../api/inspection-api';

export function useInspectionCars() {
  return useRequest('inspection-cars', listInspectionCars);
}

export function useInspectionCar(garageCarId: number | null) {
  return useRequest(garageCarId, () => getInspectionCar(garageCarId as number));
}

export function usePreOrder(garageCarId: number | null) {
  return useRequest(garageCarId, () => getPreOrder(garageCarId as number));
}

export function useInspectionOrders() {
  return useCursorList('inspection-orders', listInspectionOrders);
}

export function useInspectionOrder(id: number | null) {
  return useRequest(id, () => getInspectionOrder(id as number));
}
