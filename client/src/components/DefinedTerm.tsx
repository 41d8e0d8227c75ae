import { Tooltip } from 'antd';
import { useId } from 'react';

/**
 * A term (an indicator's name, an eligibility criterion) that shows its definition on hover and on
 * keyboard focus (a tooltip), and gives it to screen readers as the term's description. The tooltip
 * wraps the term in a span of its own: the tooltip marks its child as described by the open tooltip,
 * which would read the definition twice on the focusable term; the definition is always there, the
 * tooltip open or not. Without a definition the term is plain text.
 */
export function DefinedTerm({ term, definition }: { term: string; definition?: string }) {
  const id = useId();
  if (!definition) return <>{term}</>;
  return (
    <>
      <Tooltip title={definition} trigger={['hover', 'focus']}>
        <span>
          <span className="defined-term" tabIndex={0} aria-describedby={id}>
            {term}
          </span>
        </span>
      </Tooltip>
      <span id={id} className="visually-hidden">
        {definition}
      </span>
    </>
  );
}
