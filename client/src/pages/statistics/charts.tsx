import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

/** Colours with at least 3:1 contrast against white, told apart by shape and legend too. */
export const CHART_COLOURS = ['#1668dc', '#c2410c', '#237804', '#722ed1'] as const;

/**
 * A chart's responsive frame. It starts at a fixed size (so the chart renders before it is measured,
 * and in tests), then follows the card's width.
 */
export function ChartFrame({ height = 300, children }: { height?: number; children: ReactNode }) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
      {children}
    </ResponsiveContainer>
  );
}

/**
 * The props that make a chart's svg an image named by its summary. The keyboard layer is off: the
 * 数据表 toggle gives the same numbers to keyboard and screen-reader users.
 */
export function chartLabel(summary: string) {
  return { role: 'img', 'aria-label': summary, accessibilityLayer: false } as const;
}
