import type { SortOrder, SorterResult } from 'antd/es/table/interface';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZES = [10, 20, 50, 100];

/** A column the API can sort by; it toggles between ascending and descending. */
export const SORTABLE_COLUMN = { sorter: true, sortDirections: ['ascend', 'descend'] as SortOrder[] };
const DEFAULT_PAGE_SIZE = 20;

export interface ListState<K extends string> {
  filters: Partial<Record<K, string>>;
  /** The API's sort parameter: a key, or the key with a leading minus for descending. */
  sort?: string;
  page: number;
  pageSize: number;
}

function positiveInteger(value: string | null): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/**
 * A list's filters, sort and page, kept in the address so that the browser's back button (say from
 * a detail page) returns to the same list, and a list can be linked to.
 */
export function useListState<K extends string>(filterKeys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const pageSize = positiveInteger(params.get('pageSize'));
  const state: ListState<K> = {
    filters: Object.fromEntries(
      filterKeys.flatMap((key) => {
        const value = params.get(key);
        return value ? [[key, value]] : [];
      }),
    ) as Partial<Record<K, string>>,
    sort: params.get('sort') ?? undefined,
    page: positiveInteger(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };

  const update = (next: Partial<ListState<K>>) => {
    const merged = { ...state, ...next };
    const entries: [string, string][] = Object.entries(merged.filters).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length > 0,
    );
    if (merged.sort) entries.push(['sort', merged.sort]);
    if (merged.page > 1) entries.push(['page', String(merged.page)]);
    if (merged.pageSize !== DEFAULT_PAGE_SIZE) entries.push(['pageSize', String(merged.pageSize)]);
    setParams(entries);
  };

  return {
    ...state,
    /** New filters start again at page 1. */
    setFilters: (filters: Partial<Record<K, string>>) => update({ filters, page: 1 }),
    setPage: (page: number, size: number) => update({ page: size === state.pageSize ? page : 1, pageSize: size }),
    setSort: (sort: string | undefined) => update({ sort, page: 1 }),
  };
}

/** The value when it is one of the enum's values (a hand-edited address may hold anything). */
export function enumValue<T extends string>(values: Record<string, T>, value: string | undefined): T | undefined {
  return Object.values(values).find((candidate) => candidate === value);
}

/** A yes/no filter kept in the address as `true` or `false`. */
export function booleanValue(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === 'true';
}

/** How a column shows the list's sort: `key` ascending, `-key` descending. */
export function columnSortOrder(sort: string | undefined, key: string): SortOrder {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}

/** The sort parameter for the column a table was sorted by, or none to go back to the default. */
export function sortParam<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!single?.order || typeof single.columnKey !== 'string') return undefined;
  return single.order === 'descend' ? `-${single.columnKey}` : single.columnKey;
}
