import { yuanToFen } from '../shared/yuan';
import { DEFAULT_FILTERS, activeFilterCount, filtersToParams, parseFilters, toApiQuery } from './filters';

describe('order filters ↔ URL', () => {
  it('reads every filter from the URL and writes the same URL back', () => {
    const url =
      'kind=id_photo&status=failed&from=2026-12-01&to=2026-12-04&phoneLast4=6666&vendorRef=ZJ-1&orderNo=BS1&minYuan=12.5&maxYuan=300&sort=asc&size=50';
    const filters = parseFilters(new URLSearchParams(url));
    expect(filters).toEqual({
      kind: 'id_photo',
      status: 'failed',
      from: '2026-12-01',
      to: '2026-12-04',
      phoneLast4: '6666',
      vendorRef: 'ZJ-1',
      orderNo: 'BS1',
      minYuan: '12.5',
      maxYuan: '300',
      sort: 'asc',
      size: 50,
    });
    expect(filtersToParams(filters).toString()).toBe(url);
    expect(activeFilterCount(filters)).toBe(9);
  });

  it('drops what is malformed rather than sending it to the server', () => {
    const filters = parseFilters(
      new URLSearchParams(
        'kind=pizza&status=done&from=yesterday&phoneLast4=12&minYuan=-3&maxYuan=1.234&size=33&sort=up',
      ),
    );
    expect(filters).toEqual(DEFAULT_FILTERS);
  });

  it('leaves defaults out of the URL, so a plain list has a plain address', () => {
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
    expect(filtersToParams({ ...DEFAULT_FILTERS, size: 100 }).toString()).toBe('size=100');
  });

  it('sends amounts to the server in fen, exactly', () => {
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen('300')).toBe(30000);
    const query = toApiQuery({ ...DEFAULT_FILTERS, minYuan: '0.1', maxYuan: '19.99', kind: 'inspection' });
    expect(query).toMatchObject({ minAmountFen: 10, maxAmountFen: 1999, kind: 'inspection', sort: 'desc' });
    expect(query).not.toHaveProperty('size');
  });
});
