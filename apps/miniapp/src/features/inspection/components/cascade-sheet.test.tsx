import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../../shared/api/http';
import type { NamedOption } from '../api/types';
import { CascadeSheet } from './cascade-sheet';

const TREE: Record<string, NamedOption[]> = {
  root: [
    { id: 33, name: '奥迪', initial: 'A' },
    { id: 15, name: '宝马', initial: 'B' },
  ],
  '33': [{ id: 3170, name: 'A3' }],
  '3170': [{ id: 17053, name: '2014款 30 TFSI 豪华型' }],
  '15': [{ id: 66, name: '3系' }],
  '66': [],
};

function sheet(load: jest.Mock, onConfirm = jest.fn(), value: NamedOption[] = []) {
  return render(
    <CascadeSheet
      visible
      title="选择品牌车型"
      levels={['品牌', '车系', '车型']}
      value={value}
      load={load}
      onConfirm={onConfirm}
      onClose={jest.fn()}
      groupFirstLevel
    />,
  );
}

const treeLoader = () =>
  jest.fn(async (_level: number, parent: NamedOption | null) => TREE[parent ? String(parent.id) : 'root']);

describe('CascadeSheet', () => {
  it('walks brand → series → model, loading each level under the choice above, grouped by initial', async () => {
    const load = treeLoader();
    const onConfirm = jest.fn();
    sheet(load, onConfirm);
    await screen.findByText('奥迪');
    expect(screen.getByText('A')).toBeTruthy();
    expect(screen.getByText('B')).toBeTruthy();
    fireEvent.click(screen.getByText('奥迪'));
    fireEvent.click(await screen.findByText('A3'));
    fireEvent.click(await screen.findByText('2014款 30 TFSI 豪华型'));
    expect(load.mock.calls.map(([level, parent]) => [level, parent?.id ?? null])).toEqual([
      [0, null],
      [1, 33],
      [2, 3170],
    ]);
    expect(onConfirm).toHaveBeenCalledWith([
      { id: 33, name: '奥迪', initial: 'A' },
      { id: 3170, name: 'A3' },
      { id: 17053, name: '2014款 30 TFSI 豪华型' },
    ]);
  });

  it('ends early when a level has nothing under the choice (a city without districts)', async () => {
    const onConfirm = jest.fn();
    sheet(treeLoader(), onConfirm);
    fireEvent.click(await screen.findByText('宝马'));
    fireEvent.click(await screen.findByText('3系'));
    await waitFor(() =>
      expect(onConfirm).toHaveBeenCalledWith([
        { id: 15, name: '宝马', initial: 'B' },
        { id: 66, name: '3系' },
      ]),
    );
  });

  it('goes back to a level through its tab, and shows a failed level with a retry', async () => {
    let fail = true;
    const load = jest.fn(async (level: number, parent: NamedOption | null) => {
      if (level === 1 && fail) {
        fail = false;
        throw new ApiError(503, 'VENDOR_UNAVAILABLE', '年检服务暂时无法连接，请稍后重试');
      }
      return TREE[parent ? String(parent.id) : 'root'];
    });
    sheet(load);
    fireEvent.click(await screen.findByText('奥迪'));
    expect(await screen.findByText('年检服务暂时无法连接，请稍后重试')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('重试'));
    });
    expect(await screen.findByText('A3')).toBeTruthy();
    fireEvent.click(screen.getByText('奥迪')); // the tab of the first level
    expect(await screen.findByText('宝马')).toBeTruthy();
  });
});
