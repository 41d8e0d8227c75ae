import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, setLanguage } from '../../i18n';
import { renderRoutes } from '../../test/render';
import { HelpPage } from './HelpPage';

const ROUTES = [
  { path: '/help', element: <HelpPage /> },
  { path: '/help/:section', element: <HelpPage /> },
];

describe('the help page', () => {
  afterEach(async () => {
    await act(() => setLanguage(DEFAULT_LANGUAGE));
  });

  it('shows the section of the Chinese guide the address names, under the guide’s title', () => {
    renderRoutes(ROUTES, '/help/training');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('工作人员操作指南');
    expect(screen.getByRole('heading', { level: 2, name: '培训课程和培训补贴' })).toBeInTheDocument();
    expect(screen.getByText(/同一人同一职业资格只补贴一次/)).toBeInTheDocument();
    const contents = screen.getByRole('navigation', { name: '目录' });
    expect(within(contents).getByRole('link', { name: '培训课程和培训补贴' })).toHaveAttribute('aria-current', 'page');
    expect(within(contents).getByRole('link', { name: '登记残疾人和家庭' })).toHaveAttribute('href', '/help/persons');
  });

  it('opens the guide from its start, with the introduction, when no section is named', () => {
    renderRoutes(ROUTES, '/help');
    expect(screen.getByRole('heading', { level: 2, name: '开始使用' })).toBeInTheDocument();
    expect(screen.getByText(/截图由自动化测试在每次测试运行时从系统中截取/)).toBeInTheDocument();
  });

  it('says so and shows the start for a section the guide does not have', () => {
    renderRoutes(ROUTES, '/help/nothing-here');
    expect(screen.getByText('操作说明中没有这一节，下面是目录。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '开始使用' })).toBeInTheDocument();
  });

  it('shows the English guide once the interface is in English', async () => {
    await act(() => setLanguage('en'));
    renderRoutes(ROUTES, '/help/awards');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent("officers' guide");
    expect(screen.getByRole('heading', { level: 2, name: 'Applying for an award and paying it' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Contents' })).toBeInTheDocument();
  });
});
