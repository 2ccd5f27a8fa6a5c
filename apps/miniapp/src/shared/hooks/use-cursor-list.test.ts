import { act, renderHook, waitFor } from '@testing-library/react';
import { type CursorPage, useCursorList } from './use-cursor-list';

type Row = { id: number };
const page = (ids: number[], nextCursor: string | null): CursorPage<Row> => ({
  items: ids.map((id) => ({ id })),
  nextCursor,
});

describe('useCursorList', () => {
  it('follows nextCursor page by page and stops when it is null', async () => {
    const fetchPage = jest
      .fn<Promise<CursorPage<Row>>, [string | null]>()
      .mockResolvedValueOnce(page([3, 2], 'c2'))
      .mockResolvedValueOnce(page([2, 1], null));
    const { result } = renderHook(() => useCursorList('k', fetchPage));

    await waitFor(() => expect(result.current.items).toHaveLength(2));
    expect(result.current.hasMore).toBe(true);
    await act(() => result.current.loadMore());

    expect(fetchPage.mock.calls).toEqual([[null], ['c2']]);
    // Row 2 came twice (a row moved between pages): it is shown once.
    expect(result.current.items.map((row) => row.id)).toEqual([3, 2, 1]);
    expect(result.current.hasMore).toBe(false);
    await act(() => result.current.loadMore());
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('starts over from the first page when the key changes', async () => {
    const fetchPage = jest
      .fn<Promise<CursorPage<Row>>, [string | null]>()
      .mockResolvedValueOnce(page([9], 'next'))
      .mockResolvedValueOnce(page([5], null));
    const { result, rerender } = renderHook(({ key }) => useCursorList(key, fetchPage), {
      initialProps: { key: '{}' },
    });
    await waitFor(() => expect(result.current.items).toEqual([{ id: 9 }]));

    rerender({ key: '{"status":"failed"}' });

    await waitFor(() => expect(result.current.items).toEqual([{ id: 5 }]));
    expect(fetchPage.mock.calls).toEqual([[null], [null]]);
  });

  it('keeps the rows and reports the error when a later page fails', async () => {
    const fetchPage = jest
      .fn<Promise<CursorPage<Row>>, [string | null]>()
      .mockResolvedValueOnce(page([2], 'c2'))
      .mockRejectedValueOnce(new Error('offline'));
    const { result } = renderHook(() => useCursorList('k', fetchPage));
    await waitFor(() => expect(result.current.items).toHaveLength(1));

    await act(() => result.current.loadMore());

    expect(result.current.items).toEqual([{ id: 2 }]);
    expect(result.current.error).toBeInstanceOf(Error);
    expect(result.current.hasMore).toBe(true);
  });
});
