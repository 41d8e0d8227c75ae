import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProductAvailability, ProductCategory, type ProductDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { ProductsPage } from './ProductsPage';

const PRODUCT: ProductDto = {
  id: 'p1000000-0000-0000-0000-000000000001',
  name: '桃源红茶',
  category: ProductCategory.FarmProduct,
  producerPersonId: PERSON.id,
  producerName: PERSON.name,
  countyId: WULING.countyId!,
  price: 12.5,
  unit: '斤',
  description: '高山茶园',
  availability: ProductAvailability.Seasonal,
  updatedAt: '2026-11-29T09:00:00Z',
  version: 2,
};

async function renderPage(routes: Parameters<typeof fakeApi>[0] = {}) {
  // As the end-to-end tests do: without animations a dialog is gone once closed.
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, WULING),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/products': jsonResponse(200, { items: [PRODUCT], page: 1, pageSize: 20, totalCount: 1 }),
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  renderRoutes(
    [
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [{ path: '/products', element: <ProductsPage /> }],
      },
    ],
    '/products',
  );
  await screen.findByRole('cell', { name: PRODUCT.name }, { timeout: 5000 });
  return api;
}

describe('ProductsPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows each product with its producer, county, price per unit and availability', async () => {
    await renderPage();
    const row = within(screen.getByRole('row', { name: new RegExp(PRODUCT.name) }));
    expect(row.getByText(PERSON.name)).toBeInTheDocument();
    expect(row.getByText('武陵区')).toBeInTheDocument();
    expect(row.getByText('12.50 元 / 斤')).toBeInTheDocument();
    expect(row.getByText('季节性供应')).toBeInTheDocument();
  });

  it('edits a product sending its version, and removes one only after asking', async () => {
    const api = await renderPage({
      [`PUT /api/products/${PRODUCT.id}`]: jsonResponse(200, { ...PRODUCT, price: 13.8 }),
      [`POST /api/products/${PRODUCT.id}/removal`]: jsonResponse(200, {
        ...PRODUCT,
        removedAt: '2026-11-29T10:00:00Z',
      }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: `编辑：${PRODUCT.name}` }));
    const dialog = await screen.findByRole('dialog');
    const price = within(dialog).getByRole('spinbutton', { name: '价格（元）' });
    expect(price).toHaveValue('12.50');
    await user.clear(price);
    await user.type(price, '13.8');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.requests.some((request) => request.init?.method === 'PUT')).toBe(true));
    const update = api.requests.find((request) => request.init?.method === 'PUT')!;
    expect(new Headers(update.init?.headers).get('If-Match')).toBe('"2"');
    expect(update.body).toEqual({
      name: PRODUCT.name,
      category: ProductCategory.FarmProduct,
      price: 13.8,
      unit: '斤',
      description: '高山茶园',
      availability: ProductAvailability.Seasonal,
    });

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: `移除：${PRODUCT.name}` }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent(`从目录中移除“${PRODUCT.name}”？`);
    await user.click(within(confirm).getByRole('button', { name: '移除' }));
    expect(await screen.findByText(`已移除“${PRODUCT.name}”。`)).toBeInTheDocument();
  });
});
