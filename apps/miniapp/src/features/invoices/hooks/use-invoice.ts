import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getInvoice } from '../api/invoices-api';
import type { InvoiceScan } from '../api/types';

/** How often a scan being recognised is asked for again; the vendor answers within seconds. */
export const POLL_INTERVAL_MS = 1500;

function paidFor(scan: InvoiceScan): boolean {
  return scan.payment !== null && scan.payment.status !== 'created' && scan.payment.status !== 'paying';
}

export interface InvoiceState {
  data: InvoiceScan | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replaces the shown scan with an answer already in hand (after marking it reimbursed …). */
  replace: (scan: InvoiceScan) => void;
}

/**
 * One scan, kept up to date by itself while it is being recognised: polled every 1.5 s until the vendor's
 * result is in, paused while the page is hidden. A failed poll is tried again at the next tick, quietly.
 */
export function useInvoice(id: number): InvoiceState {
  const [data, setData] = useState<InvoiceScan>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [visible, setVisible] = useState(true);
  const seq = useRef(0);

  const load = useCallback(
    async (silent: boolean) => {
      const mine = ++seq.current;
      if (!silent) {
        setLoading(true);
        setError(undefined);
      }
      try {
        const scan = await getInvoice(id, silent);
        if (mine === seq.current) setData(scan);
      } catch (e) {
        if (mine === seq.current && !silent) setError(e);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    [id],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  // Also just after paying: the payment is known and the photo is about to be sent.
  const recognising = data?.status === 'recognising' || (data?.status === 'unpaid' && paidFor(data));
  useEffect(() => {
    if (!recognising || !visible) return undefined;
    const timer = setTimeout(() => void load(true), POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [recognising, visible, data, load]);

  return {
    data,
    error,
    loading,
    reload: () => load(false),
    replace: (scan) => {
      seq.current++;
      setData(scan);
    },
  };
}
