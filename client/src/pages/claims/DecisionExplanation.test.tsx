import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DecisionDto } from '../../api';
import { createQueryClient } from '../../api/queryClient';
import { AppProviders } from '../../AppProviders';
import { DEFAULT_LANGUAGE, setLanguage } from '../../i18n';
import en from '../../i18n/en.json';
import zh from '../../i18n/zh-CN.json';
import { DecisionExplanation } from './DecisionExplanation';

const ELIGIBLE: DecisionDto = {
  eligible: true,
  amount: 800,
  assessmentDate: '2019-03-20',
  policyVersionId: 'p1',
  criteria: [
    {
      code: 'training.fee_paid',
      description: 'The person paid a positive amount for socially provided, fee-charging training.',
      required: 'fee-charging training, paid more than 0.00',
      actual: 'fee-charging, paid 800.00',
      met: true,
    },
    {
      code: 'training.amount',
      description: 'The subsidy is the standard amount of the qualification, but never more than was paid.',
      required: 'min(1200.00, 800.00)',
      actual: '800.00',
      met: true,
    },
  ],
};

const INELIGIBLE: DecisionDto = {
  ...ELIGIBLE,
  eligible: false,
  amount: 0,
  criteria: [
    { ...ELIGIBLE.criteria[0], actual: 'fee-charging, paid 0.00', met: false },
    {
      code: 'award.future_rule',
      description: 'A rule the client does not know yet.',
      required: 'x',
      actual: 'y',
      met: true,
    },
  ],
};

function renderDecision(decision: DecisionDto) {
  render(
    <AppProviders queryClient={createQueryClient(() => {})}>
      <DecisionExplanation decision={decision} caption="提交时的决定" />
    </AppProviders>,
  );
  const table = screen.getByRole('region', { name: '提交时的决定' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => visibleText(cell)),
    );
}

/** What a cell shows: its text without the definitions kept for screen readers (asserted separately). */
function visibleText(cell: HTMLElement): string | undefined {
  const shown = cell.cloneNode(true) as HTMLElement;
  shown.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
  return shown.textContent?.trim();
}

describe('DecisionExplanation', () => {
  afterEach(async () => {
    await setLanguage(DEFAULT_LANGUAGE);
  });

  it('explains each criterion (named in Chinese by its code): required, actual and met, then the amount', () => {
    expect(renderDecision(ELIGIBLE)).toEqual([
      [
        '本人参加社会化收费培训并实际缴费',
        'fee-charging training, paid more than 0.00',
        'fee-charging, paid 800.00',
        '符合',
      ],
      ['补贴金额为该资格的标准金额，但不超过实缴费用', 'min(1200.00, 800.00)', '800.00', '符合'],
    ]);
    expect(screen.getByText('符合条件')).toBeInTheDocument();
    expect(screen.getByText('800.00 元')).toBeInTheDocument();
    expect(screen.getByText('2019-03-20')).toBeInTheDocument();
  });

  it('marks the criteria not met in words, not by colour alone, and falls back to the server description', () => {
    const rows = renderDecision(INELIGIBLE);
    expect(rows[0][3]).toBe('不符合');
    expect(rows[1][0]).toBe('A rule the client does not know yet.');
    expect(screen.getByText('不符合条件')).toBeInTheDocument();
    expect(screen.getByText('0.00 元')).toBeInTheDocument();
  });

  it('speaks English when asked', async () => {
    await setLanguage('en');
    expect(renderDecision(ELIGIBLE)[1]).toEqual([
      'The subsidy is the standard amount, but never more than was paid',
      'min(1200.00, 800.00)',
      '800.00',
      'Met',
    ]);
    expect(screen.getByText('800.00 yuan')).toBeInTheDocument();
  });

  it('gives an award criterion its definition on keyboard focus and to screen readers', async () => {
    render(
      <AppProviders queryClient={createQueryClient(() => {})}>
        <DecisionExplanation
          decision={{
            ...ELIGIBLE,
            criteria: [
              {
                code: 'award.previous_year_sales',
                description: 'Net sales of the previous calendar year reach the threshold.',
                required: '>= 100000.00 in 2025',
                actual: '120000.00 over 1 shop(s)',
                met: true,
              },
            ],
          }}
          caption="预审结果"
        />
      </AppProviders>,
    );
    const definition =
      '评定日上一自然年度，申请人各网店的净销售额（销售额减退款）合计，只计合作平台报送和已确认的录入数据；门槛为“县级示范户奖补”政策参数的销售额门槛。';
    const criterion = screen.getByText('申请人网店上一自然年度的净销售额达到门槛');
    expect(criterion).toHaveAccessibleDescription(definition);
    await userEvent.tab(); // the table's scroll region
    await userEvent.tab();
    expect(criterion).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(definition);
    // Announced once, the tooltip open or not.
    expect(criterion).toHaveAccessibleDescription(definition);
  });

  it('leaves a criterion without a written definition as plain text, out of the tab order', () => {
    renderDecision(INELIGIBLE);
    // A criterion the interface does not know yet: the server's description, no definition.
    expect(screen.getByText(INELIGIBLE.criteria[1].description)).not.toHaveAttribute('tabindex');
  });

  it('has a definition in both languages for every criterion it names', () => {
    for (const language of [zh, en]) {
      const named = Object.entries(language.decision.criteria).flatMap(([kind, criteria]) =>
        Object.keys(criteria).map((code) => `${kind}.${code}`),
      );
      const defined = Object.entries(language.decision.definitions).flatMap(([kind, definitions]) =>
        Object.keys(definitions).map((code) => `${kind}.${code}`),
      );
      expect(named.length).toBeGreaterThan(20);
      expect(named.filter((code) => !defined.includes(code))).toEqual([]);
    }
  });
});
