import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { EMPTY_FILTERS, type MerchantFilters, validateFilters } from '../filters';

/** The filters being edited: nothing is sent until 查询; 重置 clears and sends at once. */
export function useFilterDraft(value: MerchantFilters, onSubmit: (filters: MerchantFilters) => void) {
  const [draft, setDraft] = useState<MerchantFilters>(value);
  const [expanded, setExpanded] = useState(false);
  // The page may change the filters too (a tap on a status count): the form follows.
  useEffect(() => setDraft(value), [value]);

  const update = (patch: Partial<MerchantFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const submit = () => {
    const problem = validateFilters(draft);
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    setExpanded(false);
    onSubmit(draft);
  };
  const reset = () => {
    setDraft(EMPTY_FILTERS);
    setExpanded(false);
    onSubmit(EMPTY_FILTERS);
  };
  return { draft, update, expanded, toggle: () => setExpanded(!expanded), submit, reset };
}
