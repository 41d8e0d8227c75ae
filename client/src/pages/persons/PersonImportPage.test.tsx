import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportFormat, ImportKind, ImportStatus, type ImportJobDto } from '../../api';
import { fakeApi } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { PersonImportPage } from './PersonImportPage';

const QUEUED: ImportJobDto = {
  id: 'b0000000-0000-0000-0000-000000000001',
  kind: ImportKind.Persons,
  fileName: 'people.csv',
  format: ImportFormat.Csv,
  importValidRows: false,
  status: ImportStatus.Queued,
  totalRows: 0,
  processedRows: 0,
  validRows: 0,
  rejectedRows: 0,
  importedRows: 0,
  rejections: [],
  requestedAt: '2026-11-29T09:00:00Z',
};

const PROCESSING = { ...QUEUED, status: ImportStatus.Processing, totalRows: 10, processedRows: 5 };

const COMPLETED: ImportJobDto = {
  ...QUEUED,
  status: ImportStatus.Completed,
  totalRows: 10,
  processedRows: 10,
  validRows: 8,
  rejectedRows: 2,
  rejections: [
    { row: 3, field: 'idNumber', code: 'id_number.check_digit', message: 'The check character is wrong.' },
    { row: 7, field: 'registration', code: 'import.registration_unknown', message: 'Rural or urban.' },
  ],
  finishedAt: '2026-11-29T09:00:02Z',
};

function renderPage() {
  const progress = [PROCESSING, COMPLETED];
  const api = fakeApi({
    'GET /api/person-imports': jsonResponse(200, { items: [], page: 1, pageSize: 10, totalCount: 0 }),
    'POST /api/person-imports': jsonResponse(202, QUEUED),
    [`GET /api/person-imports/${QUEUED.id}`]: () => jsonResponse(200, progress.shift() ?? COMPLETED),
  });
  vi.stubGlobal('fetch', api.fetch);
  renderRoutes([{ path: '/persons/import', element: <PersonImportPage /> }], '/persons/import');
  return api;
}

const csv = (name: string) => new File(['姓名,身份证号\n'], name, { type: 'text/csv' });

describe('PersonImportPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('refuses a file that is neither CSV nor XLSX before uploading', async () => {
    const api = renderPage();
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(screen.getByLabelText(/导入文件/), csv('people.txt'));
    await user.click(screen.getByRole('button', { name: '开始导入' }));
    expect(await screen.findByText('请选择 .csv 或 .xlsx 文件。')).toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'POST')).toBe(false);
  });

  it('uploads the file, follows the progress and reports the rejected rows with translated reasons', async () => {
    const api = renderPage();
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(/导入文件/), csv('people.csv'));
    await user.click(screen.getByRole('button', { name: '开始导入' }));

    expect(await screen.findByText('正在检查：已处理 5 / 10 行')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '导入进度' })).toHaveAttribute('aria-valuenow', '50');
    expect(
      await screen.findByText('有 2 行有误，未导入任何数据。请修改后重新上传。', {}, { timeout: 3000 }),
    ).toBeInTheDocument();

    const upload = api.requests.find((request) => request.init?.method === 'POST')!;
    expect(upload.url.searchParams.get('importValidRows')).toBe('false');
    expect((upload.init?.body as FormData).get('file')).toBeInstanceOf(File);

    const rejections = screen.getByRole('region', { name: '有误的行' });
    const rows = within(rejections).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['3', '身份证号', '身份证号校验位不正确，请核对。'],
      ['7', '户籍类型', '户籍类型应为“农村”或“城镇”。'],
    ]);
  });
});
