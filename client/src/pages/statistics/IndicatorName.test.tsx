import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IndicatorName } from './IndicatorName';

const DEFINITION = '期内至少完成一次培训（结业）的残疾人，按人去重。';

describe('an indicator name', () => {
  it('is reachable by keyboard and gives its definition to screen readers as its description', async () => {
    render(<IndicatorName name="培训残疾人数" definition={DEFINITION} />);
    await userEvent.tab();
    const name = screen.getByText('培训残疾人数');
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription(DEFINITION);
  });

  it('shows the definition in a tooltip on keyboard focus and on hover', async () => {
    render(<IndicatorName name="培训残疾人数" definition={DEFINITION} />);
    await userEvent.tab();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(DEFINITION);
    // Announced once, the tooltip open or not.
    expect(screen.getByText('培训残疾人数')).toHaveAccessibleDescription(DEFINITION);
    await userEvent.tab();
    await userEvent.hover(screen.getByText('培训残疾人数'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(DEFINITION);
  });

  it('is plain text when there is no definition', () => {
    render(<IndicatorName name="合计" definition="" />);
    expect(screen.getByText('合计')).not.toHaveAttribute('tabindex');
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
