import type { Price } from '../api/types';
import { parsePrice } from '../shared/yuan';

/** The prices as the form holds them: yuan text per service. */
export type PriceValues = Record<string, string | undefined>;

/** The services whose price the owner changed, in fen; unchanged (or invalid) ones are not sent. */
export function changedPrices(prices: Price[], values: PriceValues): Array<Pick<Price, 'service' | 'amountFen'>> {
  return prices.flatMap((price) => {
    const parsed = parsePrice(values[price.service]);
    return parsed.error === undefined && parsed.fen !== price.amountFen
      ? [{ service: price.service, amountFen: parsed.fen }]
      : [];
  });
}
