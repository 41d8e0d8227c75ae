import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { DisabilityLevel } from '../api';
import { booleanValue, columnSortOrder, enumValue, sortParam, useListState } from './useListState';

function renderList(address: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[address]}>{children}</MemoryRouter>
  );
  return renderHook(() => useListState(['name', 'level'] as const), { wrapper });
}

describe('useListState', () => {
  it('reads filters, sort and page from the address, ignoring anything else', () => {
    const { result } = renderList('/persons?name=%E5%BC%A0&level=Level2&other=x&sort=-name&page=3&pageSize=50');
    expect(result.current).toMatchObject({
      filters: { name: '张', level: 'Level2' },
      sort: '-name',
      page: 3,
      pageSize: 50,
    });
  });

  it('falls back to page 1 of 20 for values a hand-edited address may hold', () => {
    const { result } = renderList('/persons?page=-2&pageSize=7');
    expect(result.current).toMatchObject({ filters: {}, sort: undefined, page: 1, pageSize: 20 });
  });

  it('starts again at page 1 when the filters, sort or page size change', () => {
    const { result } = renderList('/persons?page=3');
    act(() => result.current.setFilters({ name: '李' }));
    expect(result.current).toMatchObject({ filters: { name: '李' }, page: 1 });
    act(() => result.current.setPage(2, 20));
    expect(result.current.page).toBe(2);
    act(() => result.current.setSort('level'));
    expect(result.current).toMatchObject({ sort: 'level', page: 1 });
    act(() => result.current.setPage(4, 20));
    act(() => result.current.setPage(4, 50));
    expect(result.current).toMatchObject({ page: 1, pageSize: 50, filters: { name: '李' }, sort: 'level' });
  });
});

describe('sorting helpers', () => {
  it('maps the sort parameter to a column and back', () => {
    expect(columnSortOrder('name', 'name')).toBe('ascend');
    expect(columnSortOrder('-name', 'name')).toBe('descend');
    expect(columnSortOrder('-name', 'county')).toBeNull();
    expect(sortParam({ columnKey: 'county', order: 'descend' })).toBe('-county');
    expect(sortParam({ columnKey: 'county', order: 'ascend' })).toBe('county');
    expect(sortParam({ columnKey: 'county', order: null })).toBeUndefined();
  });

  it('accepts only the values of an enum', () => {
    expect(enumValue(DisabilityLevel, 'Level3')).toBe(DisabilityLevel.Level3);
    expect(enumValue(DisabilityLevel, 'Level9')).toBeUndefined();
    expect(enumValue(DisabilityLevel, undefined)).toBeUndefined();
  });

  it('reads a yes/no filter, absent meaning either', () => {
    expect(booleanValue('true')).toBe(true);
    expect(booleanValue('false')).toBe(false);
    expect(booleanValue(undefined)).toBeUndefined();
  });
});
