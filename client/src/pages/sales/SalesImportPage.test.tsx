import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportFormat, ImportKind, ImportStatus, type ImportJobDto } from '../../api';
import { fakeApi } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { SalesImportPage } from './SalesImportPage';

const COMPLETED: ImportJobDto = {
  id: 'b1000000-0000-0000-0000-000000000001',
  kind: ImportKind.Sales,
  fileName: 'sales.xlsx',
  format: ImportFormat.Xlsx,
  importValidRows: true,
  status: ImportStatus.Completed,
  totalRows: 4,
  processedRows: 4,
  validRows: 3,
  rejectedRows: 1,
  importedRows: 3,
  rejections: [
    { row: 3, field: 'platform', code: 'import.platform_unknown', message: 'The platform is not registered.' },
    { row: 3, field: 'period', code: 'sales.granularity_mismatch', message: 'The shop reports monthly sales.' },
  ],
  requestedAt: '2026-11-29T09:00:00Z',
  finishedAt: '2026-11-29T09:00:02Z',
};

function renderPage() {
  const api = fakeApi({
    'GET /api/sales-imports': jsonResponse(200, { items: [COMPLETED], page: 1, pageSize: 10, totalCount: 1 }),
    'POST /api/sales-imports': jsonResponse(202, { ...COMPLETED, status: ImportStatus.Queued, rejections: [] }),
    [`GET /api/sales-imports/${COMPLETED.id}`]: jsonResponse(200, COMPLETED),
  });
  vi.stubGlobal('fetch', api.fetch);
  renderRoutes(
    [
      { path: '/sales/import', element: <SalesImportPage /> },
      { path: '/sales/pending', element: <h1>待确认销售</h1> },
    ],
    '/sales/import',
  );
  return api;
}

describe('SalesImportPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("offers the sales templates and says imported figures wait for another officer's confirmation", async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: '销售导入' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /下载 Excel 模板/ })).toHaveAttribute(
      'href',
      '/api/sales-imports/template?format=Xlsx',
    );
    expect(screen.getByRole('link', { name: /下载 CSV 模板/ })).toHaveAttribute(
      'href',
      '/api/sales-imports/template?format=Csv',
    );
    expect(screen.getByText(/期间按网店的报送周期填日期/)).toBeInTheDocument();
    expect(screen.getByText('导入的数据须经确认才计入统计')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '待确认销售' })).toHaveAttribute('href', '/sales/pending');
  });

  it('uploads to the sales import and reports sales counts and rejected columns in sales terms', async () => {
    const api = renderPage();
    const user = userEvent.setup();
    await user.upload(
      await screen.findByLabelText(/导入文件/),
      new File(['x'], 'sales.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    await user.click(screen.getByRole('checkbox', { name: '部分行有误时，仍导入无误的行' }));
    await user.click(screen.getByRole('button', { name: '开始导入' }));

    expect(
      await screen.findByText('导入完成：已导入 3 条销售数据，1 行有误未导入。', {}, { timeout: 3000 }),
    ).toBeInTheDocument();
    const upload = api.requests.find((request) => request.init?.method === 'POST')!;
    expect(upload.url.pathname).toBe('/api/sales-imports');
    expect(upload.url.searchParams.get('importValidRows')).toBe('true');

    const rows = within(screen.getByRole('region', { name: '有误的行' }))
      .getAllByRole('row')
      .slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['3', '电商平台', '电商平台未登记：请填写已登记的合作电商平台的名称或统一社会信用代码。'],
      ['3', '期间', '期间与网店的报送周期不符：按月报送的填月份，按日报送的填日期。'],
    ]);
  });
});
