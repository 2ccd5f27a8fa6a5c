import { useRequest } from '../../../shared/api/use-request';
import { getPrices } from '../../../shared/payment/payment-api';

/**
 * What a photo recognition costs now (0: free), shown before the user chooses a photo and sent with
 * it, so the server charges only the price the user saw. Undefined while it loads.
 */
export function useScanPrice(): { priceFen: number | undefined; reload: () => Promise<void> } {
  const prices = useRequest('prices', getPrices);
  const item = prices.data?.items.find((price) => price.service === 'invoice_scan');
  return { priceFen: prices.data ? (item?.amountFen ?? 0) : undefined, reload: prices.reload };
}
